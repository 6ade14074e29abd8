#pragma once

#include "act/actrecordservice.h"
#include "model/crmrecord.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;

namespace SyncDesk {

class RegardingCombo;

// Track appointment: optionally sets what the appointment is regarding, and makes the mailboxes that hold it (and
// its owner's) sync their calendars at once; if that fails, the schedule completes it.
class TrackAppointmentDialog final : public QDialog
{
    Q_OBJECT
public:
    TrackAppointmentDialog(const ActRecordView &appointment, const CrmRecordList &records, QWidget *parent = nullptr);

    RegardingCombo *regardingCombo() const { return m_regarding; }

Q_SIGNALS:
    void trackRequested(const QString &uid, const QString &regarding);

public Q_SLOTS:
    void accept() override;

private:
    void validate();

    QString m_uid;
    RegardingCombo *m_regarding = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace SyncDesk

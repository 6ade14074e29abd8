#pragma once

#include "act/actrecordservice.h"
#include "model/crmrecord.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace SyncDesk {

class RegardingCombo;

// Adds or edits an appointment or a task of the CRM. What the form holds becomes FIELD=VALUE assignments, checked by
// the same code as `syncdesk-node appointments set` (an edit sends only the fields changed, so that what the form
// cannot show, such as attendees' responses, is kept). Save emits saveRequested() and waits: finished(error) closes
// the dialog, or shows why the store refused and keeps what was typed.
class ActRecordDialog final : public QDialog
{
    Q_OBJECT
public:
    // record: the one to edit (nullopt: a new one). users: the CRM's system users (owners); records: for Regarding.
    ActRecordDialog(ActKind kind, const std::optional<ActRecordView> &record, const CrmRecordList &users,
                    const CrmRecordList &records, QWidget *parent = nullptr);

    ActKind kind() const { return m_kind; }
    qint64 recordId() const { return m_id; }
    bool isWaiting() const { return m_waiting; }
    // The assignments the form stands for now (all fields for a new record; the changed ones for an edit).
    QStringList assignments() const;
    QString problem() const; // empty when the form can be saved
    // The store's answer to saveRequested(): empty closes the dialog.
    void finished(const QString &error);

    // The widgets, for tests and keyboard users.
    QLineEdit *subjectEdit() const { return m_subject; }
    QDateTimeEdit *startEdit() const { return m_start; }
    QDateTimeEdit *endEdit() const { return m_end; }
    QCheckBox *allDayBox() const { return m_allDay; }
    QComboBox *timeZoneCombo() const { return m_timeZone; }
    QComboBox *ownerCombo() const { return m_owner; }
    QComboBox *statusCombo() const { return m_status; }
    QLineEdit *locationEdit() const { return m_location; }
    RegardingCombo *regardingCombo() const { return m_regarding; }
    QLabel *problemLabel() const { return m_problem; }

Q_SIGNALS:
    void saveRequested(SyncDesk::ActKind kind, qint64 id, const QStringList &assignments);

public Q_SLOTS:
    void accept() override;
    void reject() override; // not while a save is under way: its answer comes back to this form

private:
    QHash<QString, QString> values() const; // field → value as an assignment writes it
    void validate();
    void updateTimeFormat();

    ActKind m_kind;
    qint64 m_id = 0;
    QHash<QString, QString> m_initial; // an edited record's values when the dialog opened
    bool m_waiting = false;
    QLineEdit *m_subject = nullptr;
    QCheckBox *m_allDay = nullptr;
    QCheckBox *m_hasStart = nullptr; // tasks: start and due are optional
    QCheckBox *m_hasDue = nullptr;
    QDateTimeEdit *m_start = nullptr;
    QDateTimeEdit *m_end = nullptr; // appointments: end; tasks: due
    QComboBox *m_timeZone = nullptr;
    QLineEdit *m_location = nullptr;
    QLineEdit *m_attendees = nullptr;
    QLineEdit *m_recurrence = nullptr;
    QComboBox *m_status = nullptr;
    QSpinBox *m_percent = nullptr;
    QSpinBox *m_priority = nullptr;
    QComboBox *m_owner = nullptr;
    RegardingCombo *m_regarding = nullptr;
    QPlainTextEdit *m_description = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace SyncDesk

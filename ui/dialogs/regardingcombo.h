#pragma once

#include "model/crmrecord.h"

#include <QComboBox>

namespace SyncDesk {

// "Regarding": a CRM record an activity is about, chosen from the records the console knows or typed as
// "type:id" (account, contact, lead, opportunity or case); "(none)" first. For Track message and Compose.
class RegardingCombo final : public QComboBox
{
    Q_OBJECT
public:
    explicit RegardingCombo(const CrmRecordList &records, QWidget *parent = nullptr);

    QString reference() const; // "type:id", or empty for none
    QString problem() const;   // empty when the choice is valid
};

} // namespace SyncDesk

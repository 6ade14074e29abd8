#include "regardingcombo.h"

#include <QCompleter>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {
const QStringList kRegardingTypes{u"account"_s, u"contact"_s, u"lead"_s, u"opportunity"_s, u"case"_s};
}

RegardingCombo::RegardingCombo(const CrmRecordList &records, QWidget *parent)
    : QComboBox(parent)
{
    //: The CRM record the message is regarding
    setAccessibleName(tr("Regarding"));
    setEditable(true);
    setInsertPolicy(QComboBox::NoInsert);
    //: No regarding record
    addItem(tr("(none)"), QString());
    for (const CrmRecord &record : records) {
        if (kRegardingTypes.contains(record.type)) {
            addItem(u"%1 — %2"_s.arg(record.reference(), record.name), record.reference());
        }
    }
    completer()->setFilterMode(Qt::MatchContains);
    completer()->setCompletionMode(QCompleter::PopupCompletion);
}

QString RegardingCombo::reference() const
{
    // A listed record, or "type:id" typed in.
    const int index = findText(currentText());
    if (index >= 0) {
        return itemData(index).toString();
    }
    return currentText().trimmed().section(u' ', 0, 0);
}

QString RegardingCombo::problem() const
{
    const QString chosen = reference();
    if (chosen.isEmpty()) {
        return {};
    }
    const QString type = chosen.section(u':', 0, 0);
    if (!kRegardingTypes.contains(type) || chosen.section(u':', 1).isEmpty()) {
        //: Keep account:contoso and the record types (account, contact, lead, opportunity, case) as they are:
        //: they are what is typed in
        return tr("Regarding must be a record such as account:contoso (account, contact, lead, opportunity or "
                  "case).");
    }
    return {};
}

} // namespace SyncDesk

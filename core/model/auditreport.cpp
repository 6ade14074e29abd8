#include "auditreport.h"

#include <QJsonArray>

namespace SyncDesk {

using namespace Qt::StringLiterals;

QJsonObject AuditReport::toJson() const
{
    QJsonArray folderArray;
    for (const FolderAudit &folder : folders) {
        QJsonArray uids;
        for (quint32 uid : folder.missingUids) {
            uids.append(qint64(uid));
        }
        QJsonObject object{{u"folder"_s, folder.folder},
                           {u"on_server"_s, folder.onServer},
                           {u"checked"_s, folder.checked},
                           {u"accounted"_s, folder.accounted},
                           {u"before_ledger"_s, folder.beforeLedger},
                           {u"pending"_s, folder.pending},
                           {u"missing"_s, folder.missing()}};
        if (folder.missingUidls.isEmpty()) {
            object.insert(u"uidvalidity"_s, qint64(folder.uidValidity));
            object.insert(u"position"_s, qint64(folder.position));
            object.insert(u"renumbered"_s, folder.renumbered);
            object.insert(u"missing_uids"_s, uids);
        } else {
            object.insert(u"missing_uidls"_s, QJsonArray::fromStringList(folder.missingUidls));
        }
        if (!folder.error.isEmpty()) {
            object.insert(u"error"_s, folder.error);
        }
        folderArray.append(object);
    }
    return {{u"address"_s, address},      {u"checked_at"_s, checkedAt.toUTC().toString(Qt::ISODate)},
            {u"elapsed_ms"_s, elapsedMs}, {u"missing"_s, missing()},
            {u"repaired"_s, repaired},    {u"folders"_s, folderArray}};
}

} // namespace SyncDesk

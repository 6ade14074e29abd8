#pragma once

#include "model/activity.h"
#include "model/folderstate.h"
#include "store/store.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

// Rows for store tests: a mailbox with its profile, activities and folder states, and how a batch is shown.
namespace SyncDesk::Testing::StoreFixtures {

// A store with one profile ("Test") and the mailbox `address`; returns the mailbox id, 0 on failure.
qint64 addMailbox(Store &store, const QString &address);
// A profile "corp" (imap.corp.test, at most `maxConnections`) with `count` mailboxes user0@corp.test, …;
// their ids in that order, empty on failure.
QList<qint64> addCorpMailboxes(Store &store, int count, int maxConnections = 20);

// A message's activity; without a Message-ID it is deduplicated by a key made from the subject.
Activity activity(qint64 mailboxId, const QString &folder, quint32 uidValidity, quint32 uid, const QString &messageId,
                  const QString &subject = QStringLiteral("subject"));
FolderState folder(qint64 mailboxId, const QString &name, quint32 uidValidity, quint32 uidNext, quint64 modSeq = 0);

QString batchText(int inserted, int duplicates, int relinked);
QString batchText(const BatchResult &result);

// Every activity (of one mailbox), in id order.
QList<Activity> activities(Store &store, std::optional<qint64> mailboxId = std::nullopt);

inline QDateTime utc(int year, int month, int day, int hour, int minute, int second = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second), Qt::UTC);
}

} // namespace SyncDesk::Testing::StoreFixtures

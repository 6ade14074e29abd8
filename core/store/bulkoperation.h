#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

#include <atomic>
#include <memory>

namespace SyncDesk {

// One operator action on many mailboxes (the console's bulk actions): done in batches, each in a
// transaction of its own, so that it can be cancelled between batches. What was done stays done; the
// rest is untouched.
struct BulkOperation
{
    enum class Kind { Enable, Disable, Resync, MoveToProfile };
    Kind kind = Kind::Resync;
    QList<qint64> mailboxIds;
    qint64 profileId = 0; // MoveToProfile: the target
    int batchSize = 50;
    std::shared_ptr<std::atomic_bool> cancelled = std::make_shared<std::atomic_bool>(false);
};

// What it came to.
struct BulkResult
{
    int done = 0;
    int total = 0;
    bool cancelled = false;
    QString error; // empty: no failure
};

QString bulkKindVerb(BulkOperation::Kind kind); // "Enable", "Disable", "Resync", "Move"

} // namespace SyncDesk

Q_DECLARE_METATYPE(SyncDesk::BulkOperation)
Q_DECLARE_METATYPE(SyncDesk::BulkResult)

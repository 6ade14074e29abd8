#pragma once

#include "diagnostics/result.h"
#include "model/activity.h"
#include "model/itemfailure.h"
#include "protocol/mime/decodedmessage.h"

#include <QString>

#include <optional>

namespace SyncDesk {

class Store;

// Item-level failures of one sync run: a message that cannot be decoded or that the store refuses is
// recorded (with its folder and UID, or its POP3 UIDL) and logged with its hint, and the sync goes on
// with the other messages.
class ItemFailures final
{
public:
    ItemFailures(Store &store, qint64 mailboxId, const QString &address);

    // Whether a store error concerns the rows written rather than the store itself (locked, read-only,
    // full): then each message is written on its own to find the one the store refuses.
    static bool isItemSpecific(const SyncError &error);

    // A message with nothing in it. (Any other message is stored with what could be decoded, a message
    // that is not MIME at all as plain text, with warnings.)
    static ItemFailure emptyMessage(const DecodedMessage &decoded, qint64 size);
    // Decoding failed altogether (DecodedMessage::decodeFailure): tried again by the next sync.
    static ItemFailure decodeFailed(const DecodedMessage &decoded, qint64 size);
    // The failure for a message that cannot be stored (empty, or not decoded), if it is one.
    static std::optional<ItemFailure> unstorable(const DecodedMessage &decoded, qint64 size);
    static ItemFailure tooLarge(qint64 size, qint64 limit);
    // The server sent far more than it declared, and keeping the message would have taken the session past
    // its response budget: fetched again on its own, later in this sync or by the next one.
    static ItemFailure overBudget(qint64 size, qint64 budget);
    // The server listed the message but left it out of its answer to the body FETCH (or sent an answer
    // that could not be read), and it was still there when asked again: tried again by the next sync.
    static ItemFailure unanswered(qint64 size);
    static ItemFailure refusedByStore(const SyncError &error, const Activity &refused);

    // Which message it is, from what its header said: subject, sender ("Name <address>"), date, Message-ID.
    static void describe(ItemFailure &failure, const DecodedMessage &decoded);
    // A failure recorded before its header was known (too large to fetch): described by a header-only fetch.
    Status describeRecorded(const DecodedMessage &header, const QString &folder, quint32 uidValidity, quint32 uid,
                            const QString &pop3Uidl = {});

    // Records the failure at a location and logs it; the error is the store's when it cannot be recorded.
    Status record(ItemFailure failure, const QString &folder, quint32 uidValidity, quint32 uid,
                  const QString &pop3Uidl = {});
    Status resolve(const QString &folder, quint32 uidValidity, quint32 uid, const QString &pop3Uidl = {});
    int recorded() const { return m_recorded; }

private:
    Store &m_store;
    qint64 m_mailboxId = 0;
    QString m_address;
    int m_recorded = 0;
};

} // namespace SyncDesk

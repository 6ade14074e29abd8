#pragma once

#include "model/mailbox.h"
#include "model/mailboxstatus.h"
#include "store/outboxstore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QString>

namespace SyncDesk {

// How a mailbox's outgoing direction stands, as `status` and the console show it beside the incoming one.
struct OutgoingDirection
{
    Q_DECLARE_TR_FUNCTIONS(OutgoingDirection)

public:
    enum class State {
        Off,           // the mailbox's outgoing switch is off ("outgoing": false), or the mailbox is disabled
        NotConfigured, // its server profile has no SMTP endpoint
        Idle,          // nothing sent yet and nothing waiting
        Ok,            // the last email went out and nothing has failed since
        Pending,       // email waits to be sent, not for long
        Failing,       // the last attempt since the last success failed (retrying, or failed for good)
        Stuck,         // email has waited in Pending Send for longer than stuckMinutes
    };
    State state = State::Idle;
    QString reason; // for Stuck and Off: why, in words
    // False when no run will try to send: the outgoing switch is off, the mailbox disabled, or no SMTP server.
    bool sendable = true;
    OutboxStore::Summary summary;

    // Every mailbox's direction, read from the store in three statements (summaries, profiles); mailboxes
    // not in `statuses` are left out.
    static Result<QHash<qint64, OutgoingDirection>> evaluateAll(Store &store, const QList<MailboxStatus> &statuses,
                                                                const QDateTime &now, int stuckMinutes = 15);
    static OutgoingDirection evaluate(const Mailbox &mailbox, bool profileCanSend, const OutboxStore::Summary &summary,
                                      const QDateTime &now, int stuckMinutes = 15);
    // The mailbox's overall state from its incoming state ("ok", "failing", ...) and this one.
    QString overallState(const QString &incomingState) const;
    QJsonObject toJson(const QDateTime &now) const;
};

QString outgoingStateName(OutgoingDirection::State state); // "off", "not-configured", "idle", "ok", ...

} // namespace SyncDesk

Q_DECLARE_METATYPE(SyncDesk::OutgoingDirection)

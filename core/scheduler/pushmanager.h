#pragma once

#include "model/mailbox.h"
#include "model/serverprofile.h"
#include "protocol/bytestream.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace SyncDesk {

class PushConnection;

// How push connections behave (SchedulerSettings::push).
struct PushSettings
{
    int renewSeconds = 29 * 60; // IDLE is re-issued at least this often (RFC 2177: servers may end it after 30)
    int backoffMinMs = 1000;    // the first reconnection after a failure; doubled up to backoffMaxMs
    int backoffMaxMs = 5 * 60 * 1000;
    int stableAfterMs = 60 * 1000; // an IDLE held this long makes the next failure wait backoffMinMs again
    int connectTimeoutMs = 30000;
    int commandTimeoutMs = 60000;
};

// A mailbox that should be on push, and why.
struct PushTarget
{
    Mailbox mailbox;
    ServerProfile profile;
    QString reason; // "configured" (push: true) or "busy" (chosen by the scheduler)
};

// How the scheduler sees a mailbox when choosing push connections.
enum class PushCandidacy { Home, Busy, Away }; // Away: another engine schedules it

// Which mailboxes are on push: per profile, the enabled IMAP mailboxes at home here with push: true (by address),
// then, when max_push_connections is above 0, the busy ones, up to max_push_connections in all; 0 means every
// push: true mailbox and no busy one.
QList<PushTarget> choosePushTargets(const QList<Mailbox> &mailboxes, const QList<ServerProfile> &profiles,
                                    const std::function<PushCandidacy(qint64 mailboxId)> &candidacy);

// What one push connection is doing, for status and the console.
struct PushStatus
{
    enum class State { Connecting, Idling, Reconnecting, Unsupported };
    qint64 mailboxId = 0;
    QString address;
    State state = State::Connecting;
    QString reason;
    QDateTime since;       // when it entered this state (Idling: since when the mailbox is on push)
    QDateTime lastEventAt; // the last EXISTS or EXPUNGE
    int events = 0;
    int renewals = 0; // IDLE commands re-issued on this connection
    QString error;    // the last failure, for Reconnecting and Unsupported
};
QString pushStateName(PushStatus::State state); // "connecting", "idling", "reconnecting", "unsupported"

// Keeps one IMAP IDLE connection on the INBOX of each target mailbox, in the thread it lives in (the scheduler's).
// An EXISTS or EXPUNGE there emits changed() at once; the scheduler starts a sync of the mailbox within its caps.
// The connections are counted apart from sync connections. A connection that fails reconnects with backoff
// (doubling, with jitter); a server without IDLE is left alone (the mailbox is polled as before). Push is an
// addition: the schedule keeps running, so a push connection that dies silently delays nothing past its
// interval.
class PushManager final : public QObject
{
    Q_OBJECT
public:
    PushManager(ByteStreamFactory streams, const PushSettings &settings, QObject *parent = nullptr);
    ~PushManager() override;

    // Opens connections for new targets, closes those no longer targets (or whose settings changed).
    void setTargets(const QList<PushTarget> &targets);
    QList<PushStatus> statuses() const;
    int connectionCount() const { return int(m_connections.size()); }
    void stopAll();

Q_SIGNALS:
    void changed(qint64 mailboxId);
    void statusChanged(const SyncDesk::PushStatus &status);
    void removed(qint64 mailboxId);

private:
    ByteStreamFactory m_streams;
    PushSettings m_settings;
    QHash<qint64, PushConnection *> m_connections;
};

} // namespace SyncDesk

Q_DECLARE_METATYPE(SyncDesk::PushStatus)

#include "pushmanager.h"

#include "pushconnection.h"

namespace SyncDesk {

using namespace Qt::StringLiterals;

QString pushStateName(PushStatus::State state)
{
    switch (state) {
    case PushStatus::State::Connecting:
        return u"connecting"_s;
    case PushStatus::State::Idling:
        return u"idling"_s;
    case PushStatus::State::Reconnecting:
        return u"reconnecting"_s;
    case PushStatus::State::Unsupported:
        return u"unsupported"_s;
    }
    return {};
}

QList<PushTarget> choosePushTargets(const QList<Mailbox> &mailboxes, const QList<ServerProfile> &profiles,
                                    const std::function<PushCandidacy(qint64 mailboxId)> &candidacy)
{
    QHash<qint64, ServerProfile> profileById;
    for (const ServerProfile &profile : profiles) {
        profileById.insert(profile.id, profile);
    }
    QList<Mailbox> sorted = mailboxes;
    std::sort(sorted.begin(), sorted.end(), [](const Mailbox &a, const Mailbox &b) { return a.address < b.address; });
    QHash<qint64, QList<const Mailbox *>> configured;
    QHash<qint64, QList<const Mailbox *>> busy;
    for (const Mailbox &mailbox : std::as_const(sorted)) {
        const auto profile = profileById.constFind(mailbox.profileId);
        if (!mailbox.enabled || profile == profileById.constEnd() || profile->incoming.protocol != MailProtocol::Imap) {
            continue;
        }
        const PushCandidacy how = candidacy(mailbox.id);
        if (how == PushCandidacy::Away) {
            continue;
        }
        if (mailbox.push) {
            configured[mailbox.profileId].append(&mailbox);
        } else if (profile->maxPushConnections > 0 && how == PushCandidacy::Busy) {
            busy[mailbox.profileId].append(&mailbox);
        }
    }
    QList<PushTarget> targets;
    for (const ServerProfile &profile : profiles) {
        const QList<const Mailbox *> asked = configured.value(profile.id);
        const int cap = profile.maxPushConnections > 0 ? profile.maxPushConnections : int(asked.size());
        int taken = 0;
        for (const Mailbox *mailbox : asked) {
            if (taken++ < cap) {
                targets.append({*mailbox, profile, u"configured"_s});
            }
        }
        for (const Mailbox *mailbox : busy.value(profile.id)) {
            if (taken++ < cap) {
                targets.append({*mailbox, profile, u"busy"_s});
            }
        }
    }
    return targets;
}

PushManager::PushManager(ByteStreamFactory streams, const PushSettings &settings, QObject *parent)
    : QObject(parent)
    , m_streams(std::move(streams))
    , m_settings(settings)
{
    qRegisterMetaType<SyncDesk::PushStatus>();
}

PushManager::~PushManager()
{
    stopAll();
}

void PushManager::stopAll()
{
    const QList<qint64> ids = m_connections.keys();
    for (qint64 id : ids) {
        delete m_connections.take(id);
        Q_EMIT removed(id);
    }
}

void PushManager::setTargets(const QList<PushTarget> &targets)
{
    QHash<qint64, const PushTarget *> wanted;
    for (const PushTarget &target : targets) {
        wanted.insert(target.mailbox.id, &target);
    }
    const QList<qint64> current = m_connections.keys();
    for (qint64 id : current) {
        const PushTarget *target = wanted.value(id);
        const PushConnection *connection = m_connections.value(id);
        const bool same = target && target->mailbox == connection->target().mailbox &&
                          target->profile == connection->target().profile &&
                          target->reason == connection->target().reason;
        if (!same) {
            delete m_connections.take(id);
            if (!target) {
                Q_EMIT removed(id);
            }
        }
    }
    for (const PushTarget &target : targets) {
        if (m_connections.contains(target.mailbox.id)) {
            continue;
        }
        auto *connection = new PushConnection(target, m_streams, m_settings, this);
        connect(connection, &PushConnection::changed, this, &PushManager::changed);
        connect(connection, &PushConnection::statusChanged, this, &PushManager::statusChanged);
        m_connections.insert(target.mailbox.id, connection);
        connection->start();
    }
}

QList<PushStatus> PushManager::statuses() const
{
    QList<PushStatus> out;
    for (const PushConnection *connection : m_connections) {
        out.append(connection->status());
    }
    std::sort(out.begin(), out.end(), [](const PushStatus &a, const PushStatus &b) { return a.address < b.address; });
    return out;
}

} // namespace SyncDesk

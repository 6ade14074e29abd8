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

#pragma once

#include "diagnostics/result.h"
#include "pushmanager.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <memory>

namespace SyncDesk {

namespace Imap {
class Session;
}

// One mailbox's IDLE connection (see PushManager): connect, log in (password or OAuth), EXAMINE INBOX, IDLE;
// DONE and IDLE again every renewSeconds; on any failure close, wait (backoff) and start over.
class PushConnection final : public QObject
{
    Q_OBJECT
public:
    PushConnection(const PushTarget &target, ByteStreamFactory streams, const PushSettings &settings,
                   QObject *parent = nullptr);
    ~PushConnection() override;

    void start();
    const PushTarget &target() const { return m_target; }
    const PushStatus &status() const { return m_status; }

Q_SIGNALS:
    void changed(qint64 mailboxId);
    void statusChanged(const SyncDesk::PushStatus &status);

private:
    void connectNow();
    void startIdle();
    void renew();
    void failed(const SyncError &error);
    void setState(PushStatus::State state, const QString &error = {});

    PushTarget m_target;
    ByteStreamFactory m_streams;
    PushSettings m_settings;
    PushStatus m_status;
    std::unique_ptr<Imap::Session> m_session;
    QTimer m_renewTimer;
    QTimer m_retryTimer;
    int m_backoffMs = 0;
    QElapsedTimer m_idlingSince; // since the IDLE of this connection was first accepted
    quint32 m_exists = 0;
    bool m_idleAccepted = false; // the server accepted the IDLE being waited on
    quint64 m_generation = 0;    // callbacks of an older session are ignored
};

} // namespace SyncDesk

#pragma once

#include "mailboxsync.h"
#include "model/auditreport.h"
#include "protocol/pop3/pop3session.h"

#include <QElapsedTimer>

#include <memory>

namespace SyncDesk {

// The audit of one POP3 mailbox (`verify`): the maildrop's UIDLs compared with the UIDLs the ledger has
// seen and the activities that exist. Reads only (UIDL, then QUIT); nothing is downloaded or deleted.
class Pop3MailboxAudit final : public MailboxSync
{
    Q_OBJECT
public:
    Pop3MailboxAudit(const SyncJob &job, Store &store, const ByteStreamFactory &streams);
    ~Pop3MailboxAudit() override;

    void start() override;
    void cancel() override;

private:
    void compare(const QList<QByteArray> &lines);
    void done(std::optional<SyncError> error = std::nullopt);

    std::unique_ptr<Pop3::Session> m_session;
    AuditReport m_report;
    QElapsedTimer m_timer;
    bool m_stopped = false;
};

} // namespace SyncDesk

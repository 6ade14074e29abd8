#pragma once

#include "mailboxaudit.h"
#include "protocol/pop3/pop3session.h"

#include <memory>

namespace SyncDesk {

// The audit of one POP3 mailbox (`verify`): the maildrop's UIDLs compared with the UIDLs the ledger has
// seen and the activities that exist. Reads only (UIDL, then QUIT); nothing is downloaded or deleted.
class Pop3MailboxAudit final : public MailboxAudit
{
    Q_OBJECT
public:
    Pop3MailboxAudit(const SyncJob &job, Store &store, const ByteStreamFactory &streams);
    ~Pop3MailboxAudit() override;

    void start() override;

private:
    void compare(const QList<QByteArray> &lines);
    bool sessionUsable() const override { return m_session && m_session->isUsable(); }
    void closeSession(std::function<void()> then) override { m_session->quit(std::move(then)); }
    void abortSession(const SyncError &reason) override
    {
        if (m_session) {
            m_session->abort(reason);
        }
    }

    std::unique_ptr<Pop3::Session> m_session;
};

} // namespace SyncDesk

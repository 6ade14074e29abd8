#pragma once

#include "mailboxaudit.h"
#include "protocol/imap/imapsession.h"

#include <memory>

namespace SyncDesk {

// The audit of one IMAP mailbox (`verify`): per synced folder, EXAMINE, the UIDs below the folder's
// position (one UID FETCH … (UID)), compared with the folder's ledger and the activities that exist.
// Reads only; writes nothing to the server. Finishes with the report in the outcome.
class ImapMailboxAudit final : public MailboxAudit
{
    Q_OBJECT
public:
    ImapMailboxAudit(const SyncJob &job, Store &store, const ByteStreamFactory &streams);
    ~ImapMailboxAudit() override;

    void start() override;

private:
    void nextFolder();
    void listUids(const FolderAudit &audit, quint32 exists);
    bool sessionUsable() const override { return m_session && m_session->isUsable(); }
    void closeSession(std::function<void()> then) override { m_session->logout(std::move(then)); }
    void abortSession(const SyncError &reason) override
    {
        if (m_session) {
            m_session->abort(reason);
        }
    }

    std::unique_ptr<Imap::Session> m_session;
    int m_folderIndex = -1;
};

} // namespace SyncDesk

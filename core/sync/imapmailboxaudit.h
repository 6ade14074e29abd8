#pragma once

#include "mailboxsync.h"
#include "model/auditreport.h"
#include "protocol/imap/imapsession.h"

#include <QElapsedTimer>

#include <memory>

namespace SyncDesk {

// The audit of one IMAP mailbox (`verify`): per synced folder, EXAMINE, the UIDs below the folder's
// position (one UID FETCH … (UID)), compared with the folder's ledger and the activities that exist.
// Reads only; writes nothing to the server. Finishes with the report in the outcome.
class ImapMailboxAudit final : public MailboxSync
{
    Q_OBJECT
public:
    ImapMailboxAudit(const SyncJob &job, Store &store, const ByteStreamFactory &streams);
    ~ImapMailboxAudit() override;

    void start() override;
    void cancel() override;

private:
    void nextFolder();
    void listUids(const FolderAudit &audit, quint32 exists);
    void done(std::optional<SyncError> error = std::nullopt);

    std::unique_ptr<Imap::Session> m_session;
    AuditReport m_report;
    QElapsedTimer m_timer;
    int m_folderIndex = -1;
    bool m_stopped = false;
};

} // namespace SyncDesk

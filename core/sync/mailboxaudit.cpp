#include "mailboxaudit.h"

#include "config/passwordsource.h"
#include "store/ledgerstore.h"

namespace SyncDesk {

using namespace Qt::StringLiterals;

MailboxAudit::MailboxAudit(const SyncJob &job, Store &store, const ByteStreamFactory &streams)
    : MailboxSync(job, store, streams)
{}

std::optional<MailboxLogin> MailboxAudit::begin()
{
    m_timer.start();
    m_report.mailboxId = m_job.mailbox.id;
    m_report.address = m_job.mailbox.address;
    m_report.checkedAt = QDateTime::currentDateTimeUtc();
    MailboxLogin login(m_job.mailbox, m_job.profile, m_job.profile.incoming);
    if (Status read = login.readPassword(); !read) {
        done(read.error());
        return std::nullopt;
    }
    return login;
}

void MailboxAudit::cancel()
{
    if (m_stopped) {
        return;
    }
    const SyncError cancelled = SyncError::make(ErrorClass::Cancelled, u"cancelled"_s, tr("the audit was cancelled"));
    abortSession(cancelled);
    done(cancelled);
}

void MailboxAudit::done(std::optional<SyncError> error)
{
    if (m_stopped) {
        return;
    }
    m_stopped = true;
    m_report.elapsedMs = m_timer.elapsed();
    m_outcome.audit = m_report;
    if (!error) {
        if (Status recorded =
                LedgerStore(m_store).recordAudit(m_job.mailbox.id, m_report.checkedAt, m_report.missing());
            !recorded) {
            error = recorded.error();
        }
    }
    if (sessionUsable()) {
        closeSession([this, error] { finish(error); });
        return;
    }
    finish(error);
}

} // namespace SyncDesk

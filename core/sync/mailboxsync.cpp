#include "mailboxsync.h"

#include "config/passwordsource.h"
#include "imapmailboxaudit.h"
#include "imapmailboxsync.h"
#include "pop3mailboxaudit.h"
#include "pop3mailboxsync.h"
#include "store/diagnosticsstore.h"

#include <QCoreApplication>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

// A protocol this version cannot sync: fails at once with a clear, permanent error.
class UnsupportedProtocolSync final : public MailboxSync
{
public:
    using MailboxSync::MailboxSync;

    void start() override
    {
        //: %1 is a protocol name such as SMTP
        finish(SyncError::make(
            ErrorClass::Config, u"protocol-unsupported"_s,
            QCoreApplication::translate("SyncDesk::MailboxSync", "%1 mailboxes cannot be synced by this version")
                .arg(protocolName(m_job.profile.incoming.protocol).toUpper())));
    }
    void cancel() override {}
};

} // namespace

MailboxSync::MailboxSync(const SyncJob &job, Store &store, const ByteStreamFactory &streams)
    : m_job(job)
    , m_store(store)
    , m_streams(streams)
{
    m_outcome.mailboxId = job.mailbox.id;
    m_outcome.address = job.mailbox.address;
    m_outcome.trigger = job.trigger;
    m_outcome.startedAt = QDateTime::currentDateTimeUtc();
    m_runClock.start();
}

std::optional<ItemFailureList> MailboxSync::prepareRun()
{
    m_tracker = std::make_unique<SyncTracker>(m_store, m_job.mailbox);
    if (Status prepared = m_tracker->prepare(); !prepared) {
        finish(prepared.error());
        return std::nullopt;
    }
    m_login.emplace(m_job.mailbox, m_job.profile, m_job.profile.incoming);
    if (Status read = m_login->readPassword(); !read) {
        finish(read.error());
        return std::nullopt;
    }
    m_failures = std::make_unique<ItemFailures>(m_store, m_job.mailbox.id, m_job.mailbox.address);
    auto failures = DiagnosticsStore(m_store).itemFailures(m_job.mailbox.id);
    if (!failures) {
        finish(failures.error());
        return std::nullopt;
    }
    return std::move(failures).value();
}

TlsSettings MailboxSync::incomingTls() const
{
    TlsSettings tls;
    tls.caFile = m_job.profile.incoming.caFile;
    tls.plainOnly = m_job.profile.incoming.security == Security::None;
    return tls;
}

std::unique_ptr<MailboxSync> MailboxSync::create(const SyncJob &job, Store &store, const ByteStreamFactory &streams)
{
    switch (job.profile.incoming.protocol) {
    case MailProtocol::Imap:
        if (job.audit) {
            return std::make_unique<ImapMailboxAudit>(job, store, streams);
        }
        return std::make_unique<ImapMailboxSync>(job, store, streams);
    case MailProtocol::Pop3:
        if (job.audit) {
            return std::make_unique<Pop3MailboxAudit>(job, store, streams);
        }
        return std::make_unique<Pop3MailboxSync>(job, store, streams);
    case MailProtocol::Smtp:
        break;
    }
    return std::unique_ptr<MailboxSync>(new UnsupportedProtocolSync(job, store, streams));
}

void MailboxSync::finish(std::optional<SyncError> error)
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    m_outcome.finishedAt = QDateTime::currentDateTimeUtc();
    m_outcome.error = std::move(error);
    Q_EMIT finished(m_outcome);
}

bool MailboxSync::runTimeUp(bool answered)
{
    if (m_timeUp) {
        return true;
    }
    // Only once something was fetched: every run makes progress, however long it took to get there.
    if (m_job.tuning.maxRunMs <= 0 || (m_outcome.itemsSeen == 0 && !answered) ||
        m_runClock.elapsed() < m_job.tuning.maxRunMs) {
        return false;
    }
    m_timeUp = true;
    m_outcome.incomplete = true;
    m_outcome.notices.append(u"the run reached its time limit of %1 s: what was fetched is stored, and the next run "
                             "continues where this one stopped"_s.arg(double(m_job.tuning.maxRunMs) / 1000.0));
    return true;
}

} // namespace SyncDesk

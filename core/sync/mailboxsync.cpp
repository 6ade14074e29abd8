#include "mailboxsync.h"

#include "imapmailboxsync.h"
#include "pop3mailboxsync.h"

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
        finish(SyncError::make(ErrorClass::Config, u"protocol-unsupported"_s,
                               u"%1 mailboxes cannot be synced by this version"_s.arg(
                                   protocolName(m_job.profile.incoming.protocol).toUpper())));
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
}

std::unique_ptr<MailboxSync> MailboxSync::create(const SyncJob &job, Store &store, const ByteStreamFactory &streams)
{
    switch (job.profile.incoming.protocol) {
    case MailProtocol::Imap:
        return std::make_unique<ImapMailboxSync>(job, store, streams);
    case MailProtocol::Pop3:
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

} // namespace SyncDesk

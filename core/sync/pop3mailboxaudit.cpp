#include "pop3mailboxaudit.h"

#include "ledgeraudit.h"
#include "store/ledgerstore.h"
#include "store/store.h"

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {
const QString kFolder = u"INBOX"_s; // where POP3 activities are numbered (see Pop3SeenMessage)
}

Pop3MailboxAudit::Pop3MailboxAudit(const SyncJob &job, Store &store, const ByteStreamFactory &streams)
    : MailboxAudit(job, store, streams)
{}

Pop3MailboxAudit::~Pop3MailboxAudit() = default;

void Pop3MailboxAudit::start()
{
    const std::optional<MailboxLogin> login = begin();
    if (!login) {
        return;
    }
    Pop3::SessionOptions options;
    options.connectTimeoutMs = m_job.tuning.connectTimeoutMs;
    options.commandTimeoutMs = m_job.tuning.commandTimeoutMs;
    options.mailbox = m_job.mailbox.address;
    m_session = std::make_unique<Pop3::Session>(m_streams(incomingTls()), options);
    const Endpoint &incoming = m_job.profile.incoming;
    m_session->open(incoming.host, incoming.port, incoming.security, [this, login = *login](Status status) {
        if (stopped()) {
            return;
        }
        if (!status) {
            done(status.error());
            return;
        }
        logInWith(m_session.get(), login, [this](Status loggedIn) {
            if (stopped()) {
                return;
            }
            if (!loggedIn) {
                done(loggedIn.error());
                return;
            }
            m_session->execute("UIDL", true, [this](const Result<Pop3::Response> &result) {
                if (stopped()) {
                    return;
                }
                if (!result) {
                    done(result.error());
                    return;
                }
                compare(result->lines());
            });
        });
    });
}

void Pop3MailboxAudit::compare(const QList<QByteArray> &lines)
{
    QList<QByteArray> uidls;
    uidls.reserve(lines.size());
    for (const QByteArray &line : lines) {
        const QList<QByteArray> parts = line.simplified().split(' ');
        if (parts.size() != 2 || parts.at(1).isEmpty()) {
            done(SyncError::make(ErrorClass::Protocol, u"protocol-error"_s,
                                 tr("malformed UIDL line from the POP3 server"), QString::fromLatin1(line.left(120))));
            return;
        }
        uidls.append(parts.at(1));
    }
    LedgerStore ledger(m_store);
    auto seen = ledger.pop3Ledger(m_job.mailbox.id);
    auto stored = ledger.storedUids(m_job.mailbox.id, kFolder, 0);
    if (!seen || !stored) {
        done(!seen ? seen.error() : stored.error());
        return;
    }
    QHash<QByteArray, LedgerAudit::Pop3Seen> known;
    known.reserve(seen->size());
    for (auto it = seen->cbegin(); it != seen->cend(); ++it) {
        known.insert(it.key(), {it->disposition, stored->contains(it->localUid)});
    }
    FolderAudit audit;
    audit.folder = u"POP3"_s;
    LedgerAudit::compareMaildrop(uidls, known, audit);
    m_report.folders.append(audit);
    done();
}

} // namespace SyncDesk

#include "imapmailboxaudit.h"

#include "ledgeraudit.h"
#include "logging/logger.h"
#include "protocol/imap/imapfetch.h"
#include "store/ledgerstore.h"
#include "store/store.h"

namespace SyncDesk {

using namespace Qt::StringLiterals;

ImapMailboxAudit::ImapMailboxAudit(const SyncJob &job, Store &store, const ByteStreamFactory &streams)
    : MailboxAudit(job, store, streams)
{}

ImapMailboxAudit::~ImapMailboxAudit() = default;

void ImapMailboxAudit::start()
{
    const std::optional<MailboxLogin> login = begin();
    if (!login) {
        return;
    }
    Imap::SessionOptions options;
    options.connectTimeoutMs = m_job.tuning.connectTimeoutMs;
    options.commandTimeoutMs = m_job.tuning.commandTimeoutMs;
    options.mailbox = m_job.mailbox.address;
    m_session = std::make_unique<Imap::Session>(m_streams(incomingTls()), options);
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
            nextFolder();
        });
    });
}

void ImapMailboxAudit::nextFolder()
{
    ++m_folderIndex;
    if (m_folderIndex >= m_job.mailbox.folders.size()) {
        done();
        return;
    }
    const QString folder = m_job.mailbox.folders.at(m_folderIndex);
    m_session->select(folder, true, [this, folder](const Result<Imap::SelectInfo> &selected) {
        if (stopped()) {
            return;
        }
        FolderAudit audit;
        audit.folder = folder;
        if (!selected) {
            if (!m_session->isUsable()) {
                done(selected.error());
                return;
            }
            audit.error = selected.error().message;
            m_report.folders.append(audit);
            nextFolder();
            return;
        }
        auto state = m_store.folderState(m_job.mailbox.id, folder);
        if (!state) {
            done(state.error());
            return;
        }
        audit.uidValidity = selected->uidValidity;
        audit.position = state->uidNext;
        const quint32 exists = selected->exists;
        if (state->uidValidity == 0 || state->uidValidity != selected->uidValidity || state->uidNext <= 1) {
            // Never synced, or renumbered since: the next sync fetches all of it (matching by Message-ID).
            audit.renumbered = state->uidValidity != 0 && state->uidValidity != selected->uidValidity;
            audit.onServer = int(exists);
            audit.pending = int(exists);
            m_report.folders.append(audit);
            nextFolder();
            return;
        }
        listUids(audit, exists);
    });
}

void ImapMailboxAudit::listUids(const FolderAudit &audit, quint32 exists)
{
    auto uids = std::make_shared<QList<quint32>>();
    uids->reserve(qMin<quint32>(exists, 1000000));
    Imap::Command command("UID FETCH");
    command.atom("1:" + QByteArray::number(audit.position - 1)).raw("(UID)").expectBytes(qint64(exists) * 40);
    m_session->execute(
        command,
        [uids, cap = qsizetype(exists) * 2 + 10000](const Imap::Response &response) {
            // Bounded whatever the server sends: far more UIDs than the folder holds is a server error.
            if (auto message = Imap::parseFetch(response); message && message->uid != 0 && uids->size() <= cap) {
                uids->append(message->uid);
            }
        },
        [this, uids, shared = std::make_shared<FolderAudit>(audit), exists](const Result<Imap::Response> &result) {
            FolderAudit &audit = *shared;
            if (stopped()) {
                return;
            }
            if (!result) {
                if (!m_session->isUsable()) {
                    done(result.error());
                    return;
                }
                audit.error = result.error().message;
                m_report.folders.append(audit);
                nextFolder();
                return;
            }
            if (uids->size() > qsizetype(exists) * 2 + 10000) {
                audit.error =
                    tr("the server listed far more messages than the %1 the folder holds; not compared").arg(exists);
                m_report.folders.append(audit);
                nextFolder();
                return;
            }
            // "1:n" names the highest message even when its UID is above n.
            uids->removeIf([&audit](quint32 uid) { return uid >= audit.position; });
            LedgerStore ledger(m_store);
            auto ranges = ledger.ranges(m_job.mailbox.id, audit.folder, audit.uidValidity);
            auto stored = ledger.storedUids(m_job.mailbox.id, audit.folder, audit.uidValidity);
            if (!ranges || !stored) {
                done(!ranges ? ranges.error() : stored.error());
                return;
            }
            LedgerAudit::compareFolder(*uids, audit.position, *ranges, *stored, audit);
            audit.onServer = int(qMax<quint32>(exists, quint32(audit.checked)));
            audit.pending = audit.onServer - audit.checked;
            m_report.folders.append(audit);
            nextFolder();
        });
}

} // namespace SyncDesk

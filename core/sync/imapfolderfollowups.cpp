// ImapMailboxSync, after the new messages of a folder: pending track requests, items to retry, messages
// the server listed but did not send, the tracking keyword, and finishing the folder with its ledger.
// (The connection, the folders and the fetching of new messages are in imapmailboxsync.cpp.)

#include "imapmailboxsync.h"
#include "logging/logger.h"
#include "protocol/imap/imapfetch.h"
#include "protocol/mime/mimedecoder.h"
#include "store/diagnosticsstore.h"
#include "store/store.h"

#include <algorithm>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {
const QString kCategory = u"sync"_s;
}

void ImapMailboxSync::completeFolder()
{
    if (m_tracker->hasPendingRequests() && !m_searchedRequests) {
        searchRequests();
        return;
    }
    if (!m_retried && retryFailedItems()) {
        return;
    }
    if (!m_described && describeTooLarge()) {
        return;
    }
    if (!m_checkedUnanswered && checkUnanswered()) {
        return;
    }
    if (!m_trackedUids.isEmpty()) {
        storeKeywords();
        return;
    }
    finishFolder();
}

bool ImapMailboxSync::retryFailedItems()
{
    m_retried = true;
    if (m_retryUids.isEmpty()) {
        return false;
    }
    QList<QPair<quint32, qint64>> uids;
    for (quint32 uid : std::as_const(m_retryUids)) {
        // A message dropped for the budget is planned with the size it really had: alone in its batch.
        uids.append({uid, m_sentSizes.value(uid, -1)});
    }
    Log::info(kCategory, m_job.mailbox.address,
              u"folder \"%1\": trying %2 failed message(s) again"_s.arg(m_folder).arg(uids.size()));
    if (!planBatches(uids, false)) {
        return true; // failed: the run is over
    }
    if (m_planned.empty()) {
        return false;
    }
    startFetching();
    return true;
}

bool ImapMailboxSync::describeTooLarge()
{
    m_described = true;
    if (m_undescribed.isEmpty()) {
        return false;
    }
    QList<quint32> uids = m_undescribed;
    m_undescribed.clear();
    std::sort(uids.begin(), uids.end());
    uids.erase(std::unique(uids.begin(), uids.end()), uids.end());
    // Only the fields the failure shows, and at most 16 KiB of them: a message too large to fetch may have a
    // header as hostile as its body.
    constexpr qsizetype kMost = 500;
    uids = uids.mid(0, kMost);
    auto headers = std::make_shared<QHash<quint32, QByteArray>>();
    Imap::Command command("UID FETCH");
    command.atom(Imap::uidSet(uids)).raw("(UID BODY.PEEK[HEADER.FIELDS (FROM SUBJECT DATE MESSAGE-ID)]<0.16384>)");
    const QSet<quint32> wanted(uids.cbegin(), uids.cend());
    m_session->execute(
        command,
        [headers, wanted](const Imap::Response &response) {
            if (auto message = Imap::parseFetch(response);
                message && message->header && wanted.contains(message->uid)) {
                headers->insert(message->uid, *message->header);
            }
        },
        [this, headers](const Result<Imap::Response> &result) {
            if (stopped()) {
                return;
            }
            if (!result && !m_session->isUsable()) {
                fail(result.error());
                return;
            }
            if (!result) {
                // The failures stay without sender and date; the messages are accounted for all the same.
                Log::info(kCategory, m_job.mailbox.address,
                          u"folder \"%1\": the headers of messages too large to fetch were not sent (%2)"_s.arg(
                              m_folder, result.error().message));
            }
            for (auto it = headers->cbegin(); it != headers->cend(); ++it) {
                const DecodedMessage header = MimeDecoder::decode(it.value());
                if (Status described =
                        m_failures->describeRecorded(header, m_folder, m_folderState.uidValidity, it.key());
                    !described) {
                    fail(described.error());
                    return;
                }
            }
            completeFolder();
        });
    return true;
}

void ImapMailboxSync::searchRequests()
{
    m_searchedRequests = true;
    const QStringList messageIds = m_tracker->pendingMessageIds();
    auto found = std::make_shared<QSet<quint32>>();
    auto remaining = std::make_shared<int>(int(messageIds.size()));
    for (const QString &messageId : messageIds) {
        Imap::Command command("UID SEARCH");
        command.atom("HEADER").atom("Message-ID").string(QByteArray('<' + messageId.toUtf8() + '>'));
        m_session->execute(
            command,
            [found](const Imap::Response &response) {
                if (response.is("SEARCH")) {
                    for (const Imap::Value &value : response.data) {
                        // A Message-ID names a few messages at most: a longer answer is not kept whole.
                        if (value.isNumber() && value.toNumber() > 0 && value.toNumber() <= 0xffffffffu &&
                            found->size() < 1000) {
                            found->insert(quint32(value.toNumber()));
                        }
                    }
                }
            },
            [this, found, remaining](const Result<Imap::Response> &result) {
                if (stopped()) {
                    return;
                }
                if (!result) {
                    *remaining = -1;
                    folderFailed(result.error());
                    return;
                }
                if (*remaining < 0 || --*remaining > 0) {
                    return;
                }
                // Messages already fetched were decided then; the others are older ones the request names.
                QList<QPair<quint32, qint64>> uids;
                for (quint32 uid : std::as_const(*found)) {
                    if (!m_trackedUids.contains(uid)) {
                        uids.append({uid, -1});
                    }
                }
                if (uids.isEmpty()) {
                    completeFolder();
                    return;
                }
                Log::debug(kCategory, m_job.mailbox.address,
                           u"folder \"%1\": %2 message(s) named by track requests"_s.arg(m_folder).arg(uids.size()));
                if (!planBatches(uids, false)) {
                    return;
                }
                if (m_planned.empty()) {
                    completeFolder();
                    return;
                }
                startFetching();
            });
    }
}

void ImapMailboxSync::storeKeywords()
{
    QList<quint32> uids = m_trackedUids;
    m_trackedUids.clear();
    if (!m_keywordAllowed) {
        keywordRefused(m_select.readOnly ? u"the folder opened read-only"_s
                                         : u"its PERMANENTFLAGS do not allow new keywords"_s);
        finishFolder();
        return;
    }
    std::sort(uids.begin(), uids.end());
    constexpr qsizetype kPerCommand = 500;
    auto remaining = std::make_shared<int>(int((uids.size() + kPerCommand - 1) / kPerCommand));
    for (qsizetype from = 0; from < uids.size(); from += kPerCommand) {
        Imap::Command command("UID STORE");
        command.atom(Imap::uidSet(uids.mid(from, kPerCommand))).raw("+FLAGS.SILENT (" + m_keyword + ')');
        m_session->execute(command, {}, [this, remaining](const Result<Imap::Response> &result) {
            if (stopped()) {
                return;
            }
            if (!result) {
                if (!m_session->isUsable()) {
                    fail(result.error());
                    return;
                }
                keywordRefused(result.error().message);
            }
            if (--*remaining == 0) {
                finishFolder();
            }
        });
    }
}

void ImapMailboxSync::keywordRefused(const QString &why)
{
    if (m_keywordReported) {
        return;
    }
    m_keywordReported = true;
    const QString notice = u"the server did not keep the keyword %1 on tracked messages in \"%2\" (%3); they are "
                           "tracked, but mail clients cannot show it [hint: keyword-refused]"_s.arg(
                               QString::fromUtf8(m_keyword), m_folder, why);
    Log::warning(kCategory, m_job.mailbox.address, notice);
    m_outcome.notices.append(notice);
    m_outcome.keywordRefused = true;
}

void ImapMailboxSync::finishFolder()
{
    auto written = m_store.writeBatch(m_folderState, {}, m_ledger);
    if (!written) {
        fail(written.error());
        return;
    }
    m_ledger.clear();
    nextFolder();
}

LedgerRange ImapMailboxSync::span(quint32 uid, Disposition disposition) const
{
    return {m_spanStart.value(uid, uid), uid, disposition};
}

bool ImapMailboxSync::recordUnanswered(quint32 uid)
{
    m_unanswered.insert(uid);
    if (Status recorded = m_failures->record(ItemFailures::unanswered(m_listedSizes.value(uid, 0)), m_folder,
                                             m_folderState.uidValidity, uid);
        !recorded) {
        fail(recorded.error());
        return false;
    }
    m_ledger.append(span(uid, Disposition::Failed));
    return true;
}

bool ImapMailboxSync::checkUnanswered()
{
    m_checkedUnanswered = true;
    if (m_unanswered.isEmpty()) {
        return false;
    }
    QList<quint32> uids(m_unanswered.cbegin(), m_unanswered.cend());
    std::sort(uids.begin(), uids.end());
    auto present = std::make_shared<QSet<quint32>>();
    Imap::Command command("UID FETCH");
    command.atom(Imap::uidSet(uids)).raw("(UID)");
    m_session->execute(
        command,
        [present](const Imap::Response &response) {
            if (auto message = Imap::parseFetch(response); message && message->uid != 0) {
                present->insert(message->uid);
            }
        },
        [this, present, uids](const Result<Imap::Response> &result) {
            if (stopped()) {
                return;
            }
            if (!result) {
                // Cannot tell: they stay item failures, tried again by the next sync.
                m_outcome.itemsFailed += int(uids.size());
                if (!m_session->isUsable()) {
                    folderFailed(result.error());
                    return;
                }
                completeFolder();
                return;
            }
            for (quint32 uid : uids) {
                if (present->contains(uid)) {
                    ++m_outcome.itemsFailed;
                    continue;
                }
                Log::info(
                    kCategory, m_job.mailbox.address,
                    u"message UID %1 in \"%2\" was not sent and is no longer on the server (expunged)"_s.arg(uid).arg(
                        m_folder));
                if (Status resolved = m_failures->resolve(m_folder, m_folderState.uidValidity, uid); !resolved) {
                    fail(resolved.error());
                    return;
                }
                m_ledger.append(span(uid, Disposition::Expunged));
            }
            completeFolder();
        });
    return true;
}

// A failure kept for retry above the position whose message the listing (sorted, up to listedUpTo when it
// was cut) does not name is gone with its message, or predates process_from: resolved, so that it is not
// listed for ever nor keeps the folder being opened.
bool ImapMailboxSync::resolveGoneAhead(const QList<QPair<quint32, qint64>> &listed, quint32 listedUpTo)
{
    for (auto it = m_retryAhead.begin(); it != m_retryAhead.end();) {
        const quint32 uid = *it;
        const auto found =
            std::lower_bound(listed.cbegin(), listed.cend(), uid,
                             [](const QPair<quint32, qint64> &entry, quint32 u) { return entry.first < u; });
        if (uid > listedUpTo || (found != listed.cend() && found->first == uid)) {
            ++it;
            continue;
        }
        Log::info(kCategory, m_job.mailbox.address,
                  u"message UID %1 in \"%2\", kept for retry, is no longer to be fetched (expunged, or received "
                  "before process_from): its failure is resolved"_s.arg(uid)
                      .arg(m_folder));
        if (Status resolved = m_failures->resolve(m_folder, m_folderState.uidValidity, uid); !resolved) {
            fail(resolved.error());
            return false;
        }
        it = m_retryAhead.erase(it);
    }
    return true;
}

// A folder the server reports empty holds none of the messages kept for retry: their failures are resolved.
bool ImapMailboxSync::resolveEmptiedFolder(const QString &folder, quint32 uidValidity)
{
    auto uids = DiagnosticsStore(m_store).uidsToRetry(m_job.mailbox.id, folder, uidValidity);
    if (!uids) {
        fail(uids.error());
        return false;
    }
    for (quint32 uid : std::as_const(*uids)) {
        if (Status resolved = m_failures->resolve(folder, uidValidity, uid); !resolved) {
            fail(resolved.error());
            return false;
        }
    }
    if (!uids->isEmpty()) {
        Log::info(kCategory, m_job.mailbox.address,
                  u"folder \"%1\" is empty: %2 message(s) kept for retry are no longer on the server, their "
                  "failures are resolved"_s.arg(folder)
                      .arg(uids->size()));
    }
    return true;
}

} // namespace SyncDesk

#include "imapmailboxsync.h"

#include "activitybuilder.h"
#include "batchdecoder.h"
#include "config/passwordsource.h"
#include "logging/logger.h"
#include "store/diagnosticsstore.h"
#include "store/ledgerstore.h"
#include "store/store.h"

#include <limits>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {
const QString kCategory = u"sync"_s;
}

ImapMailboxSync::ImapMailboxSync(const SyncJob &job, Store &store, const ByteStreamFactory &streams)
    : MailboxSync(job, store, streams)
{}

ImapMailboxSync::~ImapMailboxSync() = default;

void ImapMailboxSync::start()
{
    const std::optional<ItemFailureList> failures = prepareRun();
    if (!failures) {
        return;
    }
    m_keyword = m_tracker->keyword();
    Log::debug(kCategory, m_job.mailbox.address,
               u"tracking %1; permissions: %2"_s.arg(trackingOptionName(m_job.mailbox.tracking),
                                                     m_tracker->describeSecurity()));
    // From the store, not from the (capped) list: every folder with an item to retry is opened.
    auto retryFolders = DiagnosticsStore(m_store).foldersToRetry(m_job.mailbox.id);
    if (!retryFolders) {
        finish(retryFolders.error());
        return;
    }
    m_retryFolders = *retryFolders;

    const Endpoint &incoming = m_job.profile.incoming;
    Imap::SessionOptions options;
    options.connectTimeoutMs = m_job.tuning.connectTimeoutMs;
    options.commandTimeoutMs = m_job.tuning.commandTimeoutMs;
    options.maxInFlight = qMax(1, m_job.tuning.pipelineDepth);
    options.mailbox = m_job.mailbox.address;
    options.limits.maxLiteralSize = messageLimit();
    options.limits.maxResponseSize = m_job.tuning.responseBudgetBytes;
    m_session = std::make_unique<Imap::Session>(m_streams(incomingTls()), options);
    m_session->open(incoming.host, incoming.port, incoming.security, [this](Status status) {
        if (stopped()) {
            return;
        }
        if (!status) {
            fail(status.error());
            return;
        }
        login();
    });
}

void ImapMailboxSync::cancel()
{
    if (m_finished || m_cancelled) {
        return;
    }
    m_cancelled = true;
    const SyncError cancelled = SyncError::make(ErrorClass::Cancelled, u"cancelled"_s, tr("the sync was cancelled"));
    if (m_session) {
        m_session->abort(cancelled);
    }
    finish(cancelled);
}

void ImapMailboxSync::login()
{
    logInWith(m_session.get(), *m_login, [this](Status status) {
        m_login->wipe();
        if (stopped()) {
            return;
        }
        if (!status) {
            fail(status.error());
            return;
        }
        checkFolders();
    });
}

void ImapMailboxSync::checkFolders()
{
    // CONDSTORE makes SELECT and STATUS report HIGHESTMODSEQ, stored per folder. UTF8=ACCEPT (RFC 6855)
    // has the server send messages with raw UTF-8 headers as they are: some servers otherwise hand a
    // client that did not enable it a placeholder instead, which would be stored in place of the mail.
    // Sent without waiting: the STATUS commands follow at once, or, when UTF8=ACCEPT changes how
    // mailbox names are encoded, as soon as its answer is in.
    m_session->enable({"CONDSTORE", "UTF8=ACCEPT"}, [](Status) {});
    if (!tracksSentFolder()) {
        statusFolders();
        return;
    }
    if (!m_job.profile.sentFolder.isEmpty()) {
        addSentFolder(m_job.profile.sentFolder);
        statusFolders();
        return;
    }
    if (m_job.sentFolder) {
        addSentFolder(*m_job.sentFolder);
        statusFolders();
        return;
    }
    // Looked up once per engine and mailbox: the folder the server marks \Sent (RFC 6154). None: none synced.
    m_session->list([this](const Result<Imap::FolderList> &folders) {
        if (stopped()) {
            return;
        }
        if (!folders && !m_session->isUsable()) {
            fail(folders.error());
            return;
        }
        QString sent;
        if (folders) {
            for (const Imap::ListedFolder &folder : folders->folders) {
                if (folder.specialUse() == "\\Sent" && folder.isSelectable()) {
                    sent = folder.name;
                    break;
                }
            }
        }
        m_outcome.sentFolder = sent;
        addSentFolder(sent);
        statusFolders();
    });
}

bool ImapMailboxSync::tracksSentFolder() const
{
    return m_job.mailbox.outgoing && m_job.profile.outgoing.has_value() && !m_job.audit;
}

void ImapMailboxSync::addSentFolder(const QString &folder)
{
    if (!folder.isEmpty() && !m_job.mailbox.folders.contains(folder)) {
        m_job.mailbox.folders.append(folder);
    }
}

void ImapMailboxSync::statusFolders()
{
    m_session->status(m_job.mailbox.folders, [this](const Result<Imap::StatusReport> &report) {
        if (!stopped()) {
            onStatus(report);
        }
    });
}

void ImapMailboxSync::onStatus(const Result<Imap::StatusReport> &report)
{
    const QStringList &folders = m_job.mailbox.folders;
    m_plans = QList<FolderPlan>(folders.size(), FolderPlan::Select);
    if (!report) {
        if (!m_session->isUsable()) {
            fail(report.error());
            return;
        }
        // LIST-STATUS refused: select every folder instead.
        Log::debug(kCategory, m_job.mailbox.address,
                   u"STATUS failed, selecting every folder: "_s + report.error().toString());
        nextFolder();
        return;
    }
    for (qsizetype i = 0; i < folders.size(); ++i) {
        const QString &folder = folders.at(i);
        if (const auto error = report->errors.constFind(folder); error != report->errors.constEnd()) {
            m_folder = folder;
            SyncError located = error.value();
            located.message = tr("folder \"%1\": %2").arg(folder, located.message);
            Log::warning(kCategory, m_job.mailbox.address, located.toString());
            if (!m_folderError) {
                m_folderError = located;
            }
            m_plans[i] = FolderPlan::Failed;
            continue;
        }
        const auto found = report->statuses.constFind(folder);
        if (found == report->statuses.constEnd() || found->uidValidity == 0 || found->uidNext == 0) {
            continue; // not reported: EXAMINE tells what is wrong with it
        }
        const Imap::FolderStatus &status = found.value();
        auto stored = m_store.folderState(m_job.mailbox.id, folder);
        if (!stored) {
            fail(stored.error());
            return;
        }
        FolderState state = stored.value();
        const bool sameNumbering = state.uidValidity == status.uidValidity;
        const bool unchanged = sameNumbering && state.uidNext == status.uidNext;
        const bool empty = status.hasMessages && status.messages == 0;
        if ((!unchanged && !empty) || (m_tracker->hasPendingRequests() && !empty) ||
            (m_retryFolders.contains(folder) && !empty)) {
            continue; // a pending track request or a retry may be about an older message: select it
        }
        // Nothing to fetch: an unchanged folder, or an empty one. Its state is written only when it moved.
        m_plans[i] = FolderPlan::Done;
        ++m_outcome.foldersUnchanged;
        // The position stays where the sync left it: the server's UIDNEXT is not taken for what was seen.
        FolderState reached = state;
        reached.uidValidity = status.uidValidity;
        reached.uidNext = sameNumbering ? state.uidNext : 0u;
        reached.highestModSeq = status.highestModSeq;
        if (reached.uidValidity != state.uidValidity || reached.uidNext != state.uidNext ||
            reached.highestModSeq != state.highestModSeq) {
            if (!sameNumbering) {
                if (Status dropped =
                        LedgerStore(m_store).dropOtherValidities(m_job.mailbox.id, folder, status.uidValidity);
                    !dropped) {
                    fail(dropped.error());
                    return;
                }
                if (Status dropped =
                        DiagnosticsStore(m_store).dropStaleItemFailures(m_job.mailbox.id, folder, status.uidValidity);
                    !dropped) {
                    fail(dropped.error());
                    return;
                }
            }
            if (auto written = m_store.writeBatch(reached, {}); !written) {
                fail(written.error());
                return;
            }
        }
        if (empty && m_retryFolders.contains(folder) && !resolveEmptiedFolder(folder, status.uidValidity)) {
            return;
        }
    }
    nextFolder();
}

void ImapMailboxSync::nextFolder()
{
    ++m_folderIndex;
    if (m_folderIndex >= m_job.mailbox.folders.size()) {
        if (m_folderError) {
            fail(*m_folderError);
        } else {
            succeed();
        }
        return;
    }
    if (m_folderIndex < m_plans.size() && m_plans.at(m_folderIndex) != FolderPlan::Select) {
        nextFolder();
        return;
    }
    m_folder = m_job.mailbox.folders.at(m_folderIndex);
    ++m_outcome.foldersSelected;
    m_planned.clear();
    m_sent.clear();
    m_decoding.clear(); // a decode still running for the folder left is ignored when it ends
    m_highestStored = 0;
    m_highestListed = 0;
    ++m_generation;
    m_batchError.reset();
    m_spanStart.clear();
    m_listedSizes.clear();
    m_sentSizes.clear();
    m_ledger.clear();
    m_unanswered.clear();
    m_checkedUnanswered = false;
    m_trackedUids.clear();
    m_searchedRequests = false;
    m_retried = false;
    m_undescribed.clear();
    m_described = false;
    m_retryUids.clear();
    m_retryAhead.clear();
    m_keywordAllowed = false;
    auto state = m_store.folderState(m_job.mailbox.id, m_folder);
    if (!state) {
        fail(state.error());
        return;
    }
    m_folderState = state.value();
    // SELECT (read-write) only to write the tracking keyword; EXAMINE otherwise.
    m_session->select(m_folder, m_keyword.isEmpty(), [this](const Result<Imap::SelectInfo> &result) {
        if (stopped()) {
            return;
        }
        if (!result) {
            folderFailed(result.error());
            return;
        }
        onSelected(result.value());
    });
}

void ImapMailboxSync::folderFailed(const SyncError &error)
{
    SyncError located = error;
    located.message = tr("folder \"%1\": %2").arg(m_folder, error.message);
    Log::warning(kCategory, m_job.mailbox.address, located.toString());
    if (!flushDecoding()) {
        return;
    }
    if (!m_ledger.isEmpty() && m_folderState.uidValidity != 0) {
        // What was accounted for (messages too large, for example) is kept; the position does not move.
        if (auto written = m_store.writeBatch(m_folderState, {}, m_ledger); !written) {
            fail(written.error());
            return;
        }
        m_ledger.clear();
    }
    if (!m_session->isUsable()) {
        fail(located); // the connection is gone: no other folder can be synced
        return;
    }
    if (!m_folderError) {
        m_folderError = located;
    }
    nextFolder();
}

void ImapMailboxSync::onSelected(const Imap::SelectInfo &info)
{
    m_select = info;
    if (!m_keyword.isEmpty()) {
        m_keywordAllowed = info.canKeepKeyword(m_keyword);
    }
    if (info.uidValidity == 0) {
        folderFailed(SyncError::make(ErrorClass::Protocol, u"protocol-error"_s,
                                     tr("the server did not report UIDVALIDITY; UIDs cannot be trusted")));
        return;
    }
    quint32 fromUid = m_folderState.uidNext == 0 ? 1 : m_folderState.uidNext;
    if (m_folderState.uidValidity != 0 && m_folderState.uidValidity != info.uidValidity) {
        const QString notice = u"folder \"%1\" was renumbered by the server (UIDVALIDITY %2 → %3); fetching it again, "
                               "matching messages by Message-ID [hint: uidvalidity-reset]"_s.arg(m_folder)
                                   .arg(m_folderState.uidValidity)
                                   .arg(info.uidValidity);
        Log::info(kCategory, m_job.mailbox.address, notice);
        m_outcome.notices.append(notice);
        m_outcome.renumberedFolders.append(m_folder);
        fromUid = 1;
        if (Status dropped = LedgerStore(m_store).dropOtherValidities(m_job.mailbox.id, m_folder, info.uidValidity);
            !dropped) {
            fail(dropped.error());
            return;
        }
        // The folder is fetched again from its start: failures under the old numbering are retried anyway.
        if (Status dropped =
                DiagnosticsStore(m_store).dropStaleItemFailures(m_job.mailbox.id, m_folder, info.uidValidity);
            !dropped) {
            fail(dropped.error());
            return;
        }
    }
    if (m_retryFolders.contains(m_folder)) {
        auto uids = DiagnosticsStore(m_store).uidsToRetry(m_job.mailbox.id, m_folder, info.uidValidity);
        if (!uids) {
            fail(uids.error());
            return;
        }
        for (quint32 uid : std::as_const(*uids)) {
            if (uid < fromUid) {
                m_retryUids.insert(uid);
            } else { // fetched as a new message anyway; its failure is resolved once it is stored
                m_retryAhead.insert(uid);
            }
        }
        auto sizes = DiagnosticsStore(m_store).overBudgetSizes(m_job.mailbox.id, m_folder, info.uidValidity);
        if (!sizes) {
            fail(sizes.error());
            return;
        }
        m_sentSizes.insert(*sizes);
    }
    m_fetchFrom = fromUid;
    m_folderState.uidValidity = info.uidValidity;
    m_folderState.uidNext = fromUid;
    m_folderState.highestModSeq = info.highestModSeq;

    // An empty folder holds none of the messages kept for retry above the position (those below are asked
    // for by their UIDs, and found gone).
    if (info.exists == 0 && !resolveGoneAhead({}, std::numeric_limits<quint32>::max())) {
        return;
    }
    const bool nothingNew = info.exists == 0 || (info.uidNext != 0 && fromUid >= info.uidNext);
    if (nothingNew) {
        completeFolder(); // the position stays: only UIDs seen move it
        return;
    }
    listNewMessages(fromUid);
}

namespace {

// Listed new messages kept at once: a listing longer than this (a first pull of a huge folder, or a server
// listing without end) is taken in chunks, one per run.
constexpr qsizetype kMaxListed = 50000;

// Keeps the kMaxListed lowest UIDs of a listing (in any order, possibly with repeats).
void keepLowest(QList<QPair<quint32, qint64>> &found, QSet<quint32> &older)
{
    std::sort(found.begin(), found.end(), [](const auto &a, const auto &b) {
        return a.first != b.first ? a.first < b.first : a.second > b.second;
    });
    found.erase(
        std::unique(found.begin(), found.end(), [](const auto &a, const auto &b) { return a.first == b.first; }),
        found.end());
    if (found.size() > kMaxListed) {
        const quint32 highestKept = found.at(kMaxListed - 1).first;
        found.resize(kMaxListed);
        older.removeIf([highestKept](quint32 uid) { return uid > highestKept; });
    }
}

} // namespace

void ImapMailboxSync::listNewMessages(quint32 fromUid)
{
    auto found = std::make_shared<QList<QPair<quint32, qint64>>>();
    auto older = std::make_shared<QSet<quint32>>(); // received before the mailbox's process_from
    auto truncated = std::make_shared<bool>(false);
    const QDateTime processFrom = m_job.mailbox.processFrom;
    Imap::Command command("UID FETCH");
    // A line of about 80 bytes per message the folder holds: time allowed for a long listing on a slow link.
    command.atom(QByteArray::number(fromUid) + ":*")
        .raw(processFrom.isValid() ? "(UID RFC822.SIZE INTERNALDATE)" : "(UID RFC822.SIZE)")
        .expectBytes(qint64(m_select.exists) * 80);
    m_session->execute(
        command,
        [found, older, fromUid, processFrom, truncated](const Imap::Response &response) {
            // "n:*" always includes the highest message, even when its UID is below n.
            if (auto message = Imap::parseFetch(response); message && message->uid >= fromUid) {
                found->append({message->uid, message->size});
                if (processFrom.isValid() && message->internalDate.isValid() && message->internalDate < processFrom) {
                    older->insert(message->uid);
                }
                // A listing is kept in bounded chunks: only the lowest kMaxListed UIDs, whatever the server
                // sends; the run takes those, and the next one lists on from there.
                if (found->size() >= 2 * kMaxListed) {
                    keepLowest(*found, *older);
                    *truncated = true;
                }
            }
        },
        [this, found, older, fromUid, truncated](const Result<Imap::Response> &result) {
            if (stopped()) {
                return;
            }
            if (!result) {
                folderFailed(result.error());
                return;
            }
            if (found->isEmpty()) {
                if (resolveGoneAhead({}, std::numeric_limits<quint32>::max())) {
                    completeFolder();
                }
                return;
            }
            if (found->size() > kMaxListed) {
                keepLowest(*found, *older);
                *truncated = true;
            }
            if (*truncated) {
                // The UIDs above those kept are listed again by the next run, due at once.
                m_outcome.incomplete = true;
                m_outcome.notices.append(u"folder \"%1\": more than %2 new messages; this run takes the first "
                                         "%2 and the next one, due at once, continues"_s.arg(m_folder)
                                             .arg(kMaxListed));
                Log::info(kCategory, m_job.mailbox.address, m_outcome.notices.constLast());
            }
            // Each listed UID's ledger span starts after the one listed before it: the UIDs between are not
            // on the server, and UIDs are never used again.
            // One entry per UID (a server may send an unsolicited FETCH of flags next to the answer: keep the
            // one with the size).
            std::sort(found->begin(), found->end(), [](const auto &a, const auto &b) {
                return a.first != b.first ? a.first < b.first : a.second > b.second;
            });
            found->erase(std::unique(found->begin(), found->end(),
                                     [](const auto &a, const auto &b) { return a.first == b.first; }),
                         found->end());
            quint32 previous = fromUid - 1;
            for (const auto &[uid, size] : std::as_const(*found)) {
                m_spanStart.insert(uid, previous + 1);
                m_listedSizes.insert(uid, size);
                previous = uid;
            }
            m_highestListed = previous;
            if (!older->isEmpty()) {
                // Not imported: accounted for in the ledger as received before process_from.
                for (quint32 uid : std::as_const(*older)) {
                    m_ledger.append(span(uid, Disposition::SkippedByDate));
                }
                found->removeIf([&older](const QPair<quint32, qint64> &entry) { return older->contains(entry.first); });
                Log::info(kCategory, m_job.mailbox.address,
                          u"folder \"%1\": %2 message(s) received before %3 (process_from) not imported"_s.arg(m_folder)
                              .arg(older->size())
                              .arg(m_job.mailbox.processFrom.toString(Qt::ISODate)));
            }
            if (!resolveGoneAhead(*found, *truncated ? previous : std::numeric_limits<quint32>::max()) ||
                !planBatches(*found, true)) {
                return;
            }
            if (m_planned.empty()) { // nothing to download: older than process_from, or too large (item failures)
                m_folderState.uidNext = qMax(fromUid, previous + 1);
                completeFolder();
                return;
            }
            startFetching();
        });
}

bool ImapMailboxSync::planBatches(QList<QPair<quint32, qint64>> uidsAndSizes, bool advances)
{
    std::sort(uidsAndSizes.begin(), uidsAndSizes.end());
    auto batch = std::make_shared<Batch>();
    batch->advances = advances;
    qint64 bytes = 0;
    // The batches in flight together stay within the response budget, as far as the sizes tell.
    const qint64 batchBytes =
        qMin(m_job.tuning.batchBytes, m_job.tuning.responseBudgetBytes / qMax(1, m_job.tuning.pipelineDepth));
    for (const auto &[uid, size] : uidsAndSizes) {
        if (size > messageLimit()) {
            if (Status recorded = m_failures->record(ItemFailures::tooLarge(size, messageLimit()), m_folder,
                                                     m_folderState.uidValidity, uid);
                !recorded) {
                fail(recorded.error()); // not accounted for: the folder must not move past it
                return false;
            }
            ++m_outcome.itemsFailed;
            failedAgain(uid);
            m_undescribed.append(uid);
            m_ledger.append(span(uid, Disposition::Failed));
            continue;
        }
        const bool full = batch->uids.size() >= m_job.tuning.batchMessages ||
                          (!batch->uids.isEmpty() && bytes + qMax<qint64>(size, 0) > batchBytes);
        if (full) {
            m_planned.push_back(batch);
            batch = std::make_shared<Batch>();
            batch->advances = advances;
            bytes = 0;
        }
        batch->uids.append(uid);
        batch->wanted.insert(uid);
        bytes += qMax<qint64>(size, 0);
        batch->declaredBytes = bytes;
    }
    if (!batch->uids.isEmpty()) {
        m_planned.push_back(batch);
    }
    return true;
}

void ImapMailboxSync::fail(const SyncError &error)
{
    if (stopped()) {
        return;
    }
    if (m_tracker && error.errorClass != ErrorClass::Store) {
        // What was counted is written; pending requests wait for the next sync.
        (void)m_tracker->finish(false, m_job.mailbox.folders);
    }
    if (m_session && m_session->isUsable()) {
        // Say goodbye politely when the connection still works (a NO from the server, a store error).
        m_ending = true;
        m_session->logout([this, error] { finish(error); });
        return;
    }
    finish(error);
}

void ImapMailboxSync::stopAtTimeLimit()
{
    Log::info(kCategory, m_job.mailbox.address, m_outcome.notices.constLast());
    succeed();
}

void ImapMailboxSync::succeed()
{
    // Stopped at the time limit: folders not reached keep their track requests pending.
    if (Status finished = m_tracker->finish(!m_outcome.incomplete, m_job.mailbox.folders); !finished) {
        fail(finished.error());
        return;
    }
    m_outcome.itemsTracked = m_tracker->tracked();
    m_outcome.itemsSkipped = m_tracker->skipped();
    m_ending = true;
    m_session->logout([this] { finish(); });
}

} // namespace SyncDesk

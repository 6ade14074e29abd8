// ImapMailboxSync, fetching the planned batches: pipelined UID FETCH of message bodies, what is kept of
// their answers (within the message limit and the session's response budget, whatever sizes the server
// declared), and writing each batch with its folder position in UID order.
// (The connection and the folders are in imapmailboxsync.cpp, the follow-ups in imapfolderfollowups.cpp.)

#include "activitybuilder.h"
#include "batchdecoder.h"
#include "imapmailboxsync.h"
#include "logging/logger.h"
#include "store/store.h"

#include <QFutureWatcher>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {
const QString kCategory = u"sync"_s;
}

void ImapMailboxSync::startFetching()
{
    fetchMore();
    if (m_sent.empty() && m_timeUp) {
        stopAtTimeLimit(); // the time limit came between two folders (or before the follow-ups)
    }
}

void ImapMailboxSync::fetchMore()
{
    // No request goes out while three answered batches wait for their decode and write (the server is
    // throttled by the requests not sent when this thread or the decoder falls behind), nor when the bodies
    // held and those declared by the batches in flight and the next one would pass the response budget
    // (unless nothing is held or in flight: one batch always goes).
    while (!m_planned.empty() && int(m_sent.size()) < qMax(1, m_job.tuning.pipelineDepth) && m_decoding.size() <= 2) {
        if (m_batchError) {
            return; // a batch was refused: the folder drains what is in flight, then moves on
        }
        if (runTimeUp(!m_decoding.empty())) {
            m_planned.clear(); // nothing more is sent: the next run lists these again
            return;
        }
        if (!m_sent.empty() || !m_decoding.empty()) {
            qint64 expected = m_planned.front()->declaredBytes;
            for (const std::shared_ptr<Batch> &sent : m_sent) {
                expected += qMax(sent->heldBytes, sent->complete ? 0 : sent->declaredBytes);
            }
            for (const std::shared_ptr<Batch> &waiting : m_decoding) {
                expected += waiting->heldBytes;
            }
            if (expected > m_job.tuning.responseBudgetBytes) {
                return; // sent once written batches have made room (afterBatchesWritten() calls this again)
            }
        }
        std::shared_ptr<Batch> batch = m_planned.front();
        m_planned.pop_front();
        batch->generation = m_generation;
        m_sent.push_back(batch);
        Imap::Command command("UID FETCH");
        command.atom(Imap::uidSet(batch->uids))
            .raw("(UID RFC822.SIZE INTERNALDATE BODY.PEEK[])")
            .expectBytes(batch->declaredBytes);
        m_session->execute(
            command,
            [this, batch](const Imap::Response &response) {
                // Responses to other pipelined batches arrive here too: keep this batch's UIDs only.
                if (auto message = Imap::parseFetch(response); message && batch->wanted.contains(message->uid)) {
                    keepFetched(*batch, *message);
                }
            },
            [this, batch](const Result<Imap::Response> &result) {
                if (stopped() || batch->generation != m_generation) {
                    return; // an answer for a folder left behind changes nothing
                }
                batch->complete = true;
                if (!result) {
                    if (!m_session->isUsable()) {
                        folderFailed(result.error());
                        return;
                    }
                    // Refused: nothing from this batch on is stored, and the folder moves on only once the
                    // other batches in flight have answered, so that no answer lands in another folder.
                    batch->error = result.error();
                    if (!m_batchError) {
                        m_batchError = result.error();
                    }
                    m_planned.clear();
                }
                onBatchComplete();
            });
    }
}

void ImapMailboxSync::keepFetched(Batch &batch, const Imap::FetchedMessage &message)
{
    if (message.bodySkippedBytes >= 0) {
        batch.tooLarge.insert(message.uid, message.bodySkippedBytes); // larger than the message limit
        return;
    }
    if (!message.body) {
        return;
    }
    // What the server sends counts, never what it declared: a body that would take the bodies held past
    // the response budget is dropped now and fetched again on its own (its real size known then). A single
    // body always fits, as the message limit stays within the budget.
    const qint64 size = message.body->size();
    qint64 held = 0;
    for (const std::shared_ptr<Batch> &sent : m_sent) {
        held += sent->heldBytes;
    }
    for (const std::shared_ptr<Batch> &waiting : m_decoding) {
        held += waiting->heldBytes;
    }
    if (held > 0 && held + size > m_job.tuning.responseBudgetBytes) {
        batch.overBudget.insert(message.uid, size);
        return;
    }
    const auto previous = batch.fetched.constFind(message.uid);
    if (previous != batch.fetched.constEnd() && previous->body) {
        batch.heldBytes -= previous->body->size();
    }
    batch.heldBytes += size;
    batch.fetched.insert(message.uid, message);
}

bool ImapMailboxSync::recordDropped(const Batch &batch, quint32 uid)
{
    if (const auto tooLarge = batch.tooLarge.constFind(uid); tooLarge != batch.tooLarge.constEnd()) {
        ++m_outcome.itemsSeen;
        ++m_outcome.itemsFailed;
        failedAgain(uid);
        m_undescribed.append(uid);
        if (Status recorded = m_failures->record(ItemFailures::tooLarge(*tooLarge, messageLimit()), m_folder,
                                                 m_folderState.uidValidity, uid);
            !recorded) {
            fail(recorded.error());
            return false;
        }
        m_ledger.append(span(uid, Disposition::Failed));
        return true;
    }
    const qint64 size = batch.overBudget.value(uid);
    if (Status recorded = m_failures->record(ItemFailures::overBudget(size, m_job.tuning.responseBudgetBytes), m_folder,
                                             m_folderState.uidValidity, uid);
        !recorded) {
        fail(recorded.error());
        return false;
    }
    m_ledger.append(span(uid, Disposition::Failed));
    if (!m_retried) {
        m_retryUids.insert(uid); // fetched again on its own once the new messages are in
        m_sentSizes.insert(uid, size);
    } else {
        ++m_outcome.itemsFailed; // the next sync tries it again
    }
    return true;
}

void ImapMailboxSync::onBatchComplete()
{
    // Batches are written in UID order, so the folder state only ever moves past committed messages.
    // The next commands go out first, so that the server works on them while the bodies are decoded
    // (on a pool thread) and written (here).
    while (!m_sent.empty() && m_sent.front()->complete && !m_sent.front()->error) {
        m_decoding.push_back(m_sent.front());
        m_sent.pop_front();
    }
    fetchMore();
    decodeNext();
    writeDecoded();
}

QList<QByteArray> ImapMailboxSync::rawsToDecode(const Batch &batch)
{
    QList<QByteArray> raws;
    raws.reserve(batch.fetched.size());
    for (quint32 uid : std::as_const(batch.uids)) {
        if (auto it = batch.fetched.constFind(uid); it != batch.fetched.constEnd()) {
            raws.append(*it->body);
        }
    }
    return raws;
}

void ImapMailboxSync::decodeNext()
{
    while (!m_decodeRunning && !stopped()) {
        const auto next = std::find_if(m_decoding.cbegin(), m_decoding.cend(),
                                       [](const std::shared_ptr<Batch> &b) { return !b->decodeStarted; });
        if (next == m_decoding.cend()) {
            return;
        }
        const std::shared_ptr<Batch> batch = *next;
        batch->decodeStarted = true;
        const QList<QByteArray> raws = rawsToDecode(*batch);
        // A batch of a few messages costs less to decode here than to hand over.
        std::optional<QFuture<QList<DecodedMessage>>> future;
        if (raws.size() >= 4) {
            future = BatchDecoder::start(raws, m_job.tuning.decoder);
        }
        if (!future) {
            batch->decodedMessages = BatchDecoder::decode(raws, m_job.tuning.decoder);
            batch->decoded = true;
            continue;
        }
        m_decodeRunning = true;
        auto *watcher = new QFutureWatcher<QList<DecodedMessage>>(this);
        connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, batch] {
            watcher->deleteLater();
            QList<DecodedMessage> decoded;
            if (watcher->future().resultCount() > 0) {
                decoded = watcher->future().takeResult();
            }
            onDecoded(batch, decoded);
        });
        watcher->setFuture(*future);
    }
}

void ImapMailboxSync::onDecoded(const std::shared_ptr<Batch> &batch, const QList<DecodedMessage> &decoded)
{
    m_decodeRunning = false;
    if (stopped()) {
        return;
    }
    if (batch->generation != m_generation ||
        std::find(m_decoding.cbegin(), m_decoding.cend(), batch) == m_decoding.cend()) {
        // The folder was left meanwhile (its answered batches were written first, see flushDecoding()): only
        // the next folder's batches, if any wait, go on. Nothing decides here that a folder is done.
        decodeNext();
        if (!m_decoding.empty() && m_decoding.front()->decoded) {
            writeDecoded();
        }
        return;
    }
    batch->decodedMessages = decoded;
    if (const QList<QByteArray> raws = rawsToDecode(*batch); batch->decodedMessages.size() != raws.size()) {
        batch->decodedMessages = BatchDecoder::decode(raws, m_job.tuning.decoder); // the task had no memory
    }
    batch->decoded = true;
    decodeNext();
    writeDecoded();
}

bool ImapMailboxSync::flushDecoding()
{
    while (!m_decoding.empty()) {
        const std::shared_ptr<Batch> batch = m_decoding.front();
        m_decoding.pop_front();
        if (!batch->decoded) {
            // Decoding on a pool thread: decoded again here (that result is ignored when it comes).
            batch->decodedMessages = BatchDecoder::decode(rawsToDecode(*batch), m_job.tuning.decoder);
            batch->decoded = true;
        }
        if (stopped() || !writeBatch(*batch)) {
            m_decoding.clear();
            return false;
        }
    }
    return !stopped();
}

void ImapMailboxSync::writeDecoded()
{
    while (!m_decoding.empty() && m_decoding.front()->decoded) {
        const std::shared_ptr<Batch> batch = m_decoding.front();
        m_decoding.pop_front();
        if (stopped() || !writeBatch(*batch)) {
            m_decoding.clear();
            return;
        }
    }
    if (stopped()) {
        return;
    }
    afterBatchesWritten();
}

void ImapMailboxSync::afterBatchesWritten()
{
    const bool settled = m_decoding.empty(); // nothing answered is waiting to be decoded or written
    if (m_batchError) {
        const bool drained =
            std::all_of(m_sent.cbegin(), m_sent.cend(), [](const std::shared_ptr<Batch> &b) { return b->complete; });
        if (drained && settled) {
            m_sent.clear(); // answered after the refused one: fetched again by the next sync
            const SyncError error = *m_batchError;
            folderFailed(error);
        }
        return;
    }
    if (runTimeUp()) {
        // Nothing more is fetched. The position stays at the last batch written: the next run lists
        // the rest again (never completeFolder(), which would move past every UID listed).
        m_planned.clear();
        if (m_sent.empty() && settled) {
            stopAtTimeLimit();
        }
        return;
    }
    if (m_sent.empty() && m_planned.empty() && settled) {
        // Every listed UID is accounted for now (stored, left out, or an item failure such as a message
        // too large to download): the position moves past the highest one listed.
        m_folderState.uidNext = qMax(qMax(m_highestStored, m_highestListed) + 1, m_folderState.uidNext);
        completeFolder();
        return;
    }
    fetchMore();
    if (m_timeUp && m_sent.empty() && m_decoding.empty()) {
        stopAtTimeLimit(); // the limit was reached just now, in fetchMore(), with nothing in flight
    }
}

bool ImapMailboxSync::writeBatch(Batch &batch)
{
    if (auto broken = BatchDecoder::installationFailure(batch.decodedMessages)) {
        fail(*broken); // before anything of the batch is recorded or stored, or its position moves
        return false;
    }
    QList<quint32> uids;
    QList<const Imap::FetchedMessage *> fetchedMessages;
    uids.reserve(batch.fetched.size());
    fetchedMessages.reserve(batch.fetched.size());
    for (quint32 uid : std::as_const(batch.uids)) {
        auto it = batch.fetched.constFind(uid);
        if (it == batch.fetched.constEnd() && (batch.tooLarge.contains(uid) || batch.overBudget.contains(uid))) {
            if (!recordDropped(batch, uid)) {
                return false;
            }
            continue;
        }
        if (it == batch.fetched.constEnd()) {
            // Not taken as expunged on the server's silence: listed as a failure now, asked for again later.
            failedAgain(uid);
            if (!recordUnanswered(uid)) {
                return false;
            }
            continue;
        }
        uids.append(uid);
        fetchedMessages.append(&it.value());
    }
    const QList<DecodedMessage> decodedMessages = std::move(batch.decodedMessages);
    if (Status prepared = m_tracker->prepareBatch(decodedMessages); !prepared) {
        fail(prepared.error());
        return false;
    }
    QList<Activity> activities;
    QList<quint32> trackedUids;
    activities.reserve(uids.size());
    for (qsizetype i = 0; i < uids.size(); ++i) {
        const quint32 uid = uids.at(i);
        const Imap::FetchedMessage &fetched = *fetchedMessages.at(i);
        const DecodedMessage &decoded = decodedMessages.at(i);
        MessageLocation location;
        location.mailboxId = m_job.mailbox.id;
        location.mailboxAddress = m_job.mailbox.address;
        location.folder = m_folder;
        location.uidValidity = m_folderState.uidValidity;
        location.uid = uid;
        location.receivedAt = fetched.internalDate;
        location.size = fetched.size >= 0 ? fetched.size : fetched.body->size();
        ++m_outcome.itemsSeen;
        if (auto unstorable = ItemFailures::unstorable(decoded, location.size)) {
            // Nothing to store: listed as an item failure; the others go on.
            failedAgain(uid);
            ++m_outcome.itemsFailed;
            if (Status recorded = m_failures->record(*unstorable, m_folder, m_folderState.uidValidity, uid);
                !recorded) {
                fail(recorded.error());
                return false;
            }
            m_ledger.append(span(uid, Disposition::Failed));
            continue;
        }
        Activity activity = ActivityBuilder::build(decoded, location);
        if (!decoded.warnings.isEmpty()) {
            Log::warning(kCategory, m_job.mailbox.address,
                         u"message UID %1 in \"%2\" (%3) stored with what could be decoded: %4 "
                         "[hint: message-decoded-partly]"_s.arg(uid)
                             .arg(m_folder, activity.messageId.isEmpty() ? u"no Message-ID"_s : activity.messageId,
                                  decoded.warnings.join(u"; "_s)));
        }
        auto tracked = m_tracker->apply(decoded, m_folder, activity);
        if (!tracked) {
            fail(tracked.error());
            return false;
        }
        if (*tracked) {
            activities.append(std::move(activity));
            trackedUids.append(uid);
        } else {
            m_ledger.append(span(uid, m_tracker->lastWithheld() ? Disposition::Withheld : Disposition::NotTracked));
        }
    }
    const quint32 highest = *std::max_element(batch.uids.cbegin(), batch.uids.cend());
    FolderState reached = m_folderState;
    if (batch.advances) {
        reached.uidNext = qMax(reached.uidNext, highest + 1);
    }
    batch.fetched.clear();
    batch.heldBytes = 0;
    BatchResult stored;
    if (!storeActivities(reached, activities, trackedUids, stored, m_ledger)) {
        return false;
    }
    m_ledger.clear();
    const BatchResult *written = &stored;
    if (Status settled = m_tracker->afterWrite(activities, stored); !settled) {
        fail(settled.error());
        return false;
    }
    // Messages tried again, or fetched as new with a failure left from an earlier run, that are stored (or
    // untracked) now: their failures are resolved.
    for (quint32 uid : std::as_const(uids)) {
        const bool retried = m_retryUids.remove(uid);
        if (m_retryAhead.remove(uid) || retried) {
            if (Status resolved = m_failures->resolve(m_folder, m_folderState.uidValidity, uid); !resolved) {
                fail(resolved.error());
                return false;
            }
        }
    }
    m_trackedUids.append(trackedUids);
    m_folderState.uidNext = reached.uidNext;
    if (batch.advances) {
        m_highestStored = qMax(m_highestStored, highest);
    }
    m_outcome.itemsNew += written->inserted;
    m_outcome.duplicates += written->duplicates;
    Log::debug(kCategory, m_job.mailbox.address,
               u"folder \"%1\": stored %2 new of %3 tracked, %4 fetched (UID %5..%6)"_s.arg(m_folder)
                   .arg(written->inserted)
                   .arg(activities.size())
                   .arg(uids.size())
                   .arg(batch.uids.constFirst())
                   .arg(highest));
    return true;
}

bool ImapMailboxSync::storeActivities(const FolderState &reached, QList<Activity> &activities, QList<quint32> &uids,
                                      BatchResult &written, LedgerEntries &ledger)
{
    LedgerEntries all = ledger;
    for (quint32 uid : std::as_const(uids)) {
        all.append(span(uid, Disposition::Stored));
    }
    auto batch = m_store.writeBatch(reached, activities, all);
    if (batch) {
        written = *batch;
        return true;
    }
    if (activities.isEmpty() || !ItemFailures::isItemSpecific(batch.error())) {
        fail(batch.error());
        return false;
    }
    // The store refused the batch for one of its messages: write them one by one, without moving the folder
    // on, to keep the others.
    Log::warning(kCategory, m_job.mailbox.address,
                 u"folder \"%1\": the store refused a batch (%2); writing its %3 message(s) one by one"_s.arg(m_folder)
                     .arg(batch.error().toString())
                     .arg(activities.size()));
    QList<Activity> kept;
    QList<quint32> keptUids;
    for (qsizetype i = 0; i < activities.size(); ++i) {
        auto one = m_store.writeBatch(m_folderState, {activities.at(i)});
        if (one) {
            written.inserted += one->inserted;
            written.duplicates += one->duplicates;
            written.relinked += one->relinked;
            written.ids.append(one->ids.value(0));
            kept.append(activities.at(i));
            keptUids.append(uids.at(i));
            ledger.append(span(uids.at(i), Disposition::Stored));
            continue;
        }
        if (!ItemFailures::isItemSpecific(one.error())) {
            fail(one.error());
            return false;
        }
        const Activity &refused = activities.at(i);
        failedAgain(uids.at(i));
        ledger.append(span(uids.at(i), Disposition::Failed));
        ++m_outcome.itemsFailed;
        if (Status recorded = m_failures->record(ItemFailures::refusedByStore(one.error(), refused), m_folder,
                                                 m_folderState.uidValidity, uids.at(i));
            !recorded) {
            fail(recorded.error());
            return false;
        }
    }
    // The folder moves past the batch only if the store still works at all.
    if (auto moved = m_store.writeBatch(reached, {}, ledger); !moved) {
        fail(moved.error());
        return false;
    }
    activities = kept;
    uids = keptUids;
    return true;
}

} // namespace SyncDesk

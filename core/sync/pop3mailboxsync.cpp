#include "pop3mailboxsync.h"

#include "activitybuilder.h"
#include "batchdecoder.h"
#include "config/passwordsource.h"
#include "logging/logger.h"
#include "protocol/mime/mimedecoder.h"
#include "store/diagnosticsstore.h"
#include "store/store.h"

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {
const QString kCategory = u"sync"_s;
const QString kFolder = u"INBOX"_s;

// RFC 1939: a unique-id is 1 to 70 characters in the range 0x21 to 0x7E.
bool isValidUidl(const QByteArray &uidl)
{
    if (uidl.isEmpty() || uidl.size() > 70) {
        return false;
    }
    return std::all_of(uidl.begin(), uidl.end(), [](char c) { return c >= 0x21 && c <= 0x7e; });
}
} // namespace

Pop3MailboxSync::Pop3MailboxSync(const SyncJob &job, Store &store, const ByteStreamFactory &streams)
    : MailboxSync(job, store, streams)
{}

Pop3MailboxSync::~Pop3MailboxSync() = default;

void Pop3MailboxSync::start()
{
    const std::optional<ItemFailureList> failures = prepareRun();
    if (!failures) {
        return;
    }
    for (const ItemFailure &failure : *failures) {
        if (failure.state == u"retry"_s && !failure.pop3Uidl.isEmpty()) {
            m_retryUidls.insert(failure.pop3Uidl.toLatin1());
        }
    }

    const Endpoint &incoming = m_job.profile.incoming;
    Pop3::SessionOptions options;
    options.connectTimeoutMs = m_job.tuning.connectTimeoutMs;
    options.commandTimeoutMs = m_job.tuning.commandTimeoutMs;
    options.maxInFlight = qMax(1, m_job.tuning.pipelineDepth) * 8;
    options.mailbox = m_job.mailbox.address;
    options.limits.maxResponseSize = messageLimit();
    m_session = std::make_unique<Pop3::Session>(m_streams(incomingTls()), options);
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

void Pop3MailboxSync::cancel()
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

void Pop3MailboxSync::login()
{
    logInWith(m_session.get(), *m_login, [this](Status status) {
        m_login->wipe();
        // LOGIN-DELAY becomes the mailbox's least interval, also when this login was refused for it.
        m_outcome.serverMinIntervalSeconds = m_session->loginDelaySeconds();
        if (stopped()) {
            return;
        }
        if (!status) {
            fail(status.error());
            return;
        }
        listUidls();
    });
}

void Pop3MailboxSync::listUidls()
{
    ++m_outcome.foldersSelected;
    m_session->execute("UIDL", true, [this](const Result<Pop3::Response> &result) {
        if (stopped()) {
            return;
        }
        if (!result) {
            SyncError error = result.error();
            if (error.errorClass == ErrorClass::ServerNo) {
                error.hintId = u"pop3-uidl-missing"_s;
                error.message =
                    tr("the POP3 server does not support UIDL, so new messages cannot be told from old ones: %1")
                        .arg(error.message);
                error.transient = false;
            }
            fail(error);
            return;
        }
        onUidls(result->lines());
    });
}

void Pop3MailboxSync::onUidls(const QList<QByteArray> &lines)
{
    auto maildrop = m_store.pop3Maildrop(m_job.mailbox.id);
    if (!maildrop) {
        fail(maildrop.error());
        return;
    }
    m_maildrop = std::move(maildrop).value();
    m_fresh.clear();
    for (const QByteArray &line : lines) {
        const QList<QByteArray> parts = line.simplified().split(' ');
        bool ok = false;
        const quint32 number = parts.size() == 2 ? parts.at(0).toUInt(&ok) : 0;
        if (!ok || number == 0 || !isValidUidl(parts.at(1))) {
            fail(SyncError::make(ErrorClass::Protocol, u"protocol-error"_s,
                                 tr("malformed UIDL line from the POP3 server"), QString::fromLatin1(line.left(120))));
            return;
        }
        const QByteArray &uidl = parts.at(1);
        if (m_maildrop.seenUidls.contains(uidl)) {
            continue;
        }
        m_maildrop.seenUidls.insert(uidl); // a server listing a UIDL twice gets it fetched once
        m_fresh.append({number, uidl, std::nullopt});
    }
    if (m_fresh.isEmpty()) {
        ++m_outcome.foldersUnchanged;
        succeed();
        return;
    }
    m_session->execute("LIST", true, [this](const Result<Pop3::Response> &result) {
        if (stopped()) {
            return;
        }
        if (!result) {
            fail(result.error());
            return;
        }
        onSizes(result->lines());
    });
}

void Pop3MailboxSync::onSizes(const QList<QByteArray> &lines)
{
    QHash<quint32, qint64> sizes;
    sizes.reserve(lines.size());
    for (const QByteArray &line : lines) {
        const QList<QByteArray> parts = line.simplified().split(' ');
        bool numberOk = false;
        bool sizeOk = false;
        const quint32 number = parts.size() >= 2 ? parts.at(0).toUInt(&numberOk) : 0;
        const qint64 size = parts.size() >= 2 ? parts.at(1).toLongLong(&sizeOk) : 0;
        if (!numberOk || !sizeOk || number == 0 || size < 0) {
            fail(SyncError::make(ErrorClass::Protocol, u"protocol-error"_s,
                                 tr("malformed LIST line from the POP3 server"), QString::fromLatin1(line.left(120))));
            return;
        }
        sizes.insert(number, size);
    }
    auto batch = std::make_shared<Batch>();
    QList<Pop3SeenMessage> skipped;
    const qint64 maxBatchBytes =
        qMin(m_job.tuning.batchBytes, m_job.tuning.responseBudgetBytes / qMax(1, m_job.tuning.pipelineDepth));
    qint64 batchBytes = 0;
    for (const Message &message : std::as_const(m_fresh)) {
        const qint64 size = sizes.value(message.number, -1);
        if (size > messageLimit()) {
            ++m_outcome.itemsSeen;
            ++m_outcome.itemsFailed;
            m_retryUidls.remove(message.uidl);
            if (Status recorded = m_failures->record(ItemFailures::tooLarge(size, messageLimit()), kFolder, 0, 0,
                                                     QString::fromLatin1(message.uidl));
                !recorded) {
                fail(recorded.error());
                return;
            }
            m_undescribed.append({message.number, message.uidl});
            skipped.append({message.uidl, m_maildrop.nextLocalUid++, Disposition::Failed});
            continue;
        }
        // As many messages as a batch takes, or fewer when they are large: the batches in flight together
        // stay within the response budget, as far as the sizes LIST gave tell (as IMAP's batches do).
        if (batch->messages.size() >= m_job.tuning.batchMessages ||
            (!batch->messages.isEmpty() && batchBytes + qMax<qint64>(size, 0) > maxBatchBytes)) {
            m_planned.push_back(batch);
            batch = std::make_shared<Batch>();
            batchBytes = 0;
        }
        batch->messages.append(message);
        batch->messages.last().declaredSize = qMax<qint64>(size, 0);
        batchBytes += qMax<qint64>(size, 0);
    }
    m_fresh.clear();
    if (!batch->messages.isEmpty()) {
        m_planned.push_back(batch);
    }
    if (!skipped.isEmpty()) {
        if (auto marked = m_store.writePop3Batch(m_job.mailbox.id, skipped, {}); !marked) {
            fail(marked.error());
            return;
        }
    }
    if (m_planned.empty()) {
        succeed();
        return;
    }
    fetchMore();
}

void Pop3MailboxSync::fetchMore()
{
    while (!m_planned.empty() && int(m_sent.size()) < qMax(1, m_job.tuning.pipelineDepth)) {
        if (runTimeUp()) {
            m_planned.clear(); // nothing more is sent: not marked seen, so the next run fetches these
            return;
        }
        std::shared_ptr<Batch> batch = m_planned.front();
        m_planned.pop_front();
        m_sent.push_back(batch);
        batch->outstanding = int(batch->messages.size());
        for (qsizetype i = 0; i < batch->messages.size(); ++i) {
            m_session->execute(
                "RETR " + QByteArray::number(batch->messages.at(i).number), true,
                [this, batch, i](const Result<Pop3::Response> &result) {
                    if (stopped()) {
                        return;
                    }
                    if (!result) {
                        fail(result.error());
                        return;
                    }
                    keepRetrieved(*batch, batch->messages[i], *result);
                    if (--batch->outstanding == 0) {
                        batch->complete = true;
                        onBatchComplete();
                    }
                },
                false, batch->messages.at(i).declaredSize);
        }
    }
}

void Pop3MailboxSync::keepRetrieved(Batch &batch, Message &message, const Pop3::Response &response)
{
    if (response.bodySkippedBytes >= 0) {
        message.skippedBytes = response.bodySkippedBytes; // over the message limit
        return;
    }
    // What the server sends counts, never what LIST declared: a message that would take the bodies held
    // past the budget is dropped and left for the next run (not marked seen).
    const qint64 size = response.body ? response.body->size() : 0;
    qint64 held = 0;
    for (const std::shared_ptr<Batch> &sent : m_sent) {
        held += sent->heldBytes;
    }
    if (held > 0 && held + size > m_job.tuning.responseBudgetBytes) {
        message.overBudget = true;
        return;
    }
    batch.heldBytes += size;
    message.raw = response.body;
}

void Pop3MailboxSync::onBatchComplete()
{
    // The next RETRs go out first, so that the server works on them while this thread decodes and writes.
    std::deque<std::shared_ptr<Batch>> ready;
    while (!m_sent.empty() && m_sent.front()->complete) {
        ready.push_back(m_sent.front());
        m_sent.pop_front();
    }
    fetchMore();
    for (const std::shared_ptr<Batch> &batch : ready) {
        if (stopped() || !writeBatch(*batch)) {
            return;
        }
    }
    if (runTimeUp()) {
        // Nothing more is downloaded; what was not is not marked seen, so the next run fetches it.
        m_planned.clear();
        if (m_sent.empty()) {
            Log::info(kCategory, m_job.mailbox.address, m_outcome.notices.constLast());
            succeed();
        }
        return;
    }
    if (m_sent.empty() && m_planned.empty()) {
        succeed();
        return;
    }
    fetchMore();
}

bool Pop3MailboxSync::writeBatch(Batch &batch)
{
    QList<Activity> activities;
    QList<qsizetype> seenOfActivity; // per activity: its entry in `seen`
    QList<Pop3SeenMessage> seen;
    activities.reserve(batch.messages.size());
    seen.reserve(batch.messages.size());
    QList<QByteArray> raws;
    QList<const Message *> retrieved; // kept: decoded and stored
    QList<const Message *> skipped;   // too large to download: item failures
    raws.reserve(batch.messages.size());
    int leftOver = 0;
    for (Message &message : batch.messages) {
        if (message.overBudget) {
            ++leftOver; // not seen: the next run, due at once, downloads it again
            continue;
        }
        if (message.skippedBytes >= 0) {
            skipped.append(&message);
            continue;
        }
        raws.append(message.raw.value_or(QByteArray()));
        retrieved.append(&message);
        message.raw.reset();
    }
    batch.heldBytes = 0;
    const QList<DecodedMessage> decodedMessages = BatchDecoder::decode(raws);
    if (auto broken = BatchDecoder::installationFailure(decodedMessages)) {
        fail(*broken); // before anything of the batch is recorded, stored, seen or deleted on the server
        return false;
    }
    for (const Message *message : std::as_const(skipped)) {
        seen.append({message->uidl, m_maildrop.nextLocalUid++, Disposition::Failed});
        ++m_outcome.itemsSeen;
        ++m_outcome.itemsFailed;
        m_retryUidls.remove(message->uidl);
        if (Status recorded = m_failures->record(ItemFailures::tooLarge(message->skippedBytes, messageLimit()), kFolder,
                                                 0, 0, QString::fromLatin1(message->uidl));
            !recorded) {
            fail(recorded.error());
            return false;
        }
        m_undescribed.append({message->number, message->uidl});
    }
    if (leftOver > 0) {
        m_outcome.incomplete = true;
        m_outcome.notices.append(u"POP3: %1 message(s) larger than the server declared were left for the next run, "
                                 "due at once, to keep within the response budget"_s.arg(leftOver));
        Log::info(kCategory, m_job.mailbox.address, m_outcome.notices.constLast());
    }
    if (Status prepared = m_tracker->prepareBatch(decodedMessages); !prepared) {
        fail(prepared.error());
        return false;
    }
    for (qsizetype i = 0; i < retrieved.size(); ++i) {
        const Message &message = *retrieved.at(i);
        const QByteArray &raw = raws.at(i);
        const DecodedMessage &decoded = decodedMessages.at(i);
        MessageLocation location;
        location.mailboxId = m_job.mailbox.id;
        location.mailboxAddress = m_job.mailbox.address;
        location.folder = kFolder;
        location.uidValidity = 0;
        location.uid = m_maildrop.nextLocalUid++;
        location.size = raw.size();
        // Seen either way: an untracked or unreadable message is not downloaded again (until a retry).
        seen.append({message.uidl, location.uid, Disposition::Stored});
        ++m_outcome.itemsSeen;
        if (auto unstorable = ItemFailures::unstorable(decoded, location.size)) {
            seen.last().disposition = Disposition::Failed;
            ++m_outcome.itemsFailed;
            m_retryUidls.remove(message.uidl);
            if (Status recorded = m_failures->record(*unstorable, kFolder, 0, 0, QString::fromLatin1(message.uidl));
                !recorded) {
                fail(recorded.error());
                return false;
            }
            continue;
        }
        if (m_job.mailbox.processFrom.isValid() && decoded.date.isValid() && decoded.date < m_job.mailbox.processFrom) {
            // Sent before the mailbox's process_from: seen, accounted for, not imported.
            seen.last().disposition = Disposition::SkippedByDate;
            m_retryUidls.remove(message.uidl);
            continue;
        }
        Activity activity = ActivityBuilder::build(decoded, location);
        if (!decoded.warnings.isEmpty()) {
            Log::warning(
                kCategory, m_job.mailbox.address,
                u"POP3 message %1 (%2) stored with what could be decoded: %3 [hint: message-decoded-partly]"_s.arg(
                    QString::fromLatin1(message.uidl),
                    activity.messageId.isEmpty() ? u"no Message-ID"_s : activity.messageId,
                    decoded.warnings.join(u"; "_s)));
        }
        auto tracked = m_tracker->apply(decoded, kFolder, activity);
        if (!tracked) {
            fail(tracked.error());
            return false;
        }
        if (*tracked) {
            activities.append(std::move(activity));
            seenOfActivity.append(seen.size() - 1);
        } else {
            seen.last().disposition = m_tracker->lastWithheld() ? Disposition::Withheld : Disposition::NotTracked;
        }
    }
    BatchResult stored;
    if (auto written = m_store.writePop3Batch(m_job.mailbox.id, seen, activities)) {
        stored = *written;
    } else if (!storeOneByOne(written.error(), seen, activities, seenOfActivity, stored)) {
        return false;
    }
    if (Status settled = m_tracker->afterWrite(activities, stored); !settled) {
        fail(settled.error());
        return false;
    }
    // Messages downloaded again after a retry request, stored (or untracked) now: their failures are resolved.
    for (const Message &message : std::as_const(batch.messages)) {
        if (m_retryUidls.remove(message.uidl)) {
            if (Status resolved = m_failures->resolve(kFolder, 0, 0, QString::fromLatin1(message.uidl)); !resolved) {
                fail(resolved.error());
                return false;
            }
        }
    }
    m_outcome.itemsNew += stored.inserted;
    m_outcome.duplicates += stored.duplicates;
    Log::debug(kCategory, m_job.mailbox.address,
               u"POP3: stored %1 new of %2 tracked, %3 downloaded"_s.arg(stored.inserted)
                   .arg(activities.size())
                   .arg(seen.size()));
    return true;
}

bool Pop3MailboxSync::storeOneByOne(const SyncError &error, const QList<Pop3SeenMessage> &seen,
                                    QList<Activity> &activities, QList<qsizetype> &seenOfActivity, BatchResult &written)
{
    if (activities.isEmpty() || !ItemFailures::isItemSpecific(error)) {
        fail(error);
        return false;
    }
    Log::warning(kCategory, m_job.mailbox.address,
                 u"POP3: the store refused a batch (%1); writing its %2 message(s) one by one"_s.arg(error.toString())
                     .arg(activities.size()));
    // The messages without an activity first (seen only), then each activity with its UIDL.
    QList<bool> carried(seen.size(), false);
    for (qsizetype index : std::as_const(seenOfActivity)) {
        carried[index] = true;
    }
    QList<Pop3SeenMessage> alone;
    for (qsizetype i = 0; i < seen.size(); ++i) {
        if (!carried.at(i)) {
            alone.append(seen.at(i));
        }
    }
    if (auto written = m_store.writePop3Batch(m_job.mailbox.id, alone, {}); !written) {
        fail(written.error());
        return false;
    }
    QList<Activity> kept;
    QList<qsizetype> keptSeen;
    for (qsizetype i = 0; i < activities.size(); ++i) {
        Pop3SeenMessage uidl = seen.at(seenOfActivity.at(i));
        auto one = m_store.writePop3Batch(m_job.mailbox.id, {uidl}, {activities.at(i)});
        if (one) {
            written.inserted += one->inserted;
            written.duplicates += one->duplicates;
            written.relinked += one->relinked;
            written.ids.append(one->ids.value(0));
            kept.append(activities.at(i));
            keptSeen.append(seenOfActivity.at(i));
            continue;
        }
        if (!ItemFailures::isItemSpecific(one.error())) {
            fail(one.error());
            return false;
        }
        const Activity &refused = activities.at(i);
        ++m_outcome.itemsFailed;
        m_retryUidls.remove(uidl.uidl);
        if (Status recorded = m_failures->record(ItemFailures::refusedByStore(one.error(), refused), kFolder, 0, 0,
                                                 QString::fromLatin1(uidl.uidl));
            !recorded) {
            fail(recorded.error());
            return false;
        }
        // Seen, so that the next sync does not stumble on it again; a retry forgets it.
        uidl.disposition = Disposition::Failed;
        if (auto marked = m_store.writePop3Batch(m_job.mailbox.id, {uidl}, {}); !marked) {
            fail(marked.error());
            return false;
        }
    }
    activities = kept;
    seenOfActivity = keptSeen;
    return true;
}

void Pop3MailboxSync::fail(const SyncError &error)
{
    if (stopped()) {
        return;
    }
    if (m_tracker && error.errorClass != ErrorClass::Store) {
        (void)m_tracker->finish(false, {kFolder});
    }
    if (m_session && m_session->isUsable()) {
        m_ending = true;
        m_session->quit([this, error] { finish(error); });
        return;
    }
    finish(error);
}

void Pop3MailboxSync::describeTooLarge()
{
    const QList<QPair<quint32, QByteArray>> messages = m_undescribed.mid(0, 500);
    m_undescribed.clear();
    // TOP is optional (RFC 1939); without it those failures stay without sender and date.
    if (!m_session->hasCapability("TOP")) {
        succeed();
        return;
    }
    auto remaining = std::make_shared<int>(int(messages.size()));
    for (const auto &[number, uidl] : messages) {
        // The header only; a hostile one larger than the parser keeps is read past like any other answer.
        m_session->execute("TOP " + QByteArray::number(number) + " 0", true,
                           [this, remaining, uidl](const Result<Pop3::Response> &result) {
                               if (stopped()) {
                                   return;
                               }
                               if (!result && !m_session->isUsable()) {
                                   fail(result.error());
                                   return;
                               }
                               if (result && result->body) {
                                   const DecodedMessage header = MimeDecoder::decode(*result->body);
                                   if (Status described = m_failures->describeRecorded(header, kFolder, 0, 0,
                                                                                       QString::fromLatin1(uidl));
                                       !described) {
                                       fail(described.error());
                                       return;
                                   }
                               }
                               if (--*remaining == 0) {
                                   succeed();
                               }
                           });
    }
}

void Pop3MailboxSync::succeed()
{
    if (!m_undescribed.isEmpty()) {
        describeTooLarge();
        return;
    }
    // POP3 cannot look a message up by Message-ID: a request for one downloaded before fails, with why.
    if (Status finished = m_tracker->finish(
            !m_outcome.incomplete, {tr("the POP3 maildrop (messages downloaded before cannot be looked up again)")});
        !finished) {
        fail(finished.error());
        return;
    }
    m_outcome.itemsTracked = m_tracker->tracked();
    m_outcome.itemsSkipped = m_tracker->skipped();
    m_ending = true;
    m_session->quit([this] { finish(); });
}

} // namespace SyncDesk

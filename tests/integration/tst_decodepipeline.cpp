// The IMAP pull decodes one batch on a pool thread while its own thread reads and writes the others. Against
// a real Dovecot, with decoders that are slow, that block, or that run while the store is locked, this checks
// what the pipeline must never change: batches are written in UID order with their folder position, a
// cancel or a store failure while batches wait leaves the position at the last batch written, and the next
// run stores every message exactly once (the audit finds nothing missing).

#include "dovecotserver.h"
#include "mailfactory.h"
#include "protocol/mime/mimedecoder.h"
#include "protocol/socketstream.h"
#include "store/diagnosticsstore.h"
#include "store/store.h"
#include "sync/mailboxsync.h"
#include "synchelper.h"
#include "teststore.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QMutex>
#include <QSemaphore>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QThreadPool>
#include <QTimer>
#include <QWaitCondition>

#include <atomic>
#include <sqlite3.h>

using namespace SyncDesk;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

constexpr int kMessages = 60;
constexpr int kBatch = 5; // 12 batches

QString messageId(int i)
{
    return u"pipeline-%1@corp.test"_s.arg(i);
}

// What the decoders below share with the test (they are plain functions: SyncTuning holds a pointer).
struct DecoderControl
{
    std::atomic<int> calls{0};
    QMutex mutex;
    QSet<Qt::HANDLE> threads;
    // Blocking: the decoder stops at the message whose Message-ID contains `blockAt` until released.
    QByteArray blockAt;
    std::atomic<bool> blocked{false}; // set by the decoder when it stops
    QSemaphore released;              // released by the test to let it go on
    // Locking the store: at `lockAt`, a connection of its own takes SQLite's write lock and keeps it.
    QByteArray lockAt;
    QString lockPath;
    sqlite3 *locker = nullptr;
};
DecoderControl *control = nullptr;

void noteThread()
{
    QMutexLocker locker(&control->mutex);
    control->threads.insert(QThread::currentThreadId());
}

DecodedMessage slowDecoder(const QByteArray &raw)
{
    ++control->calls;
    noteThread();
    QThread::usleep(1500); // slower than Dovecot sends: batches queue up behind the decoder
    return MimeDecoder::decode(raw);
}

DecodedMessage blockingDecoder(const QByteArray &raw)
{
    ++control->calls;
    noteThread();
    if (!control->blockAt.isEmpty() && raw.contains(control->blockAt)) {
        control->blocked = true;
        control->released.acquire();
    }
    return MimeDecoder::decode(raw);
}

DecodedMessage lockingDecoder(const QByteArray &raw)
{
    ++control->calls;
    if (!control->lockAt.isEmpty() && raw.contains(control->lockAt) && !control->locker) {
        // The sync may be writing an earlier batch right now, and SQLite may answer "locked" at once rather
        // than wait (a checkpoint under way): tried again until it holds the lock.
        sqlite3 *db = nullptr;
        if (sqlite3_open_v2(control->lockPath.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK) {
            const QDeadlineTimer deadline(20000);
            while (sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK &&
                   !deadline.hasExpired()) {
                sqlite3_sleep(2);
            }
            if (sqlite3_get_autocommit(db) == 0) {
                control->locker = db;
            }
        }
        if (!control->locker) {
            qWarning("locking the store failed: %s", db ? sqlite3_errmsg(db) : "no connection");
            sqlite3_close(db);
        }
    }
    return MimeDecoder::decode(raw);
}

} // namespace

class TestDecodePipeline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void slowDecoderKeepsUidOrderAndPosition();
    void cancelWhileABatchDecodes();
    void storeLockedWhileBatchesWait();

private:
    std::optional<SyncJob> makeJob(const StoreConfig &config);
    // Every message once, the folder at UIDNEXT, and the audit finds nothing missing.
    void expectExactlyOnce(const StoreConfig &config, const SyncJob &job);
    // The folder position and the highest UID stored: the position never passes a UID not written.
    static std::pair<quint32, quint32> positionAndHighest(const StoreConfig &config, const SyncJob &job);

    DovecotServer m_dovecot;
    QTemporaryDir m_dir;
    int m_case = 0;
    std::unique_ptr<DecoderControl> m_control;
};

void TestDecodePipeline::initTestCase()
{
    if (!DovecotServer::isAvailable()) {
        if (qEnvironmentVariableIsSet("CI")) {
            QFAIL("dovecot is not installed: scripts/test.sh installs it");
        }
        QSKIP("dovecot is not installed: run scripts/test.sh, which installs it");
    }
    QVERIFY(m_dir.isValid());
    m_dovecot.setUser(u"pia"_s, u"pia-pw"_s);
    QString error;
    QVERIFY2(m_dovecot.start(&error), qPrintable(error));
    const QDateTime base(QDate(2026, 12, 1), QTime(8, 0), Qt::UTC);
    QVERIFY2(m_dovecot.bulkDeliver(
                 u"pia"_s, kMessages,
                 [base](int i) {
                     MailFactory::Message m = MailFactory::realistic(u"pia@corp.test"_s, i, base.addSecs(i * 60));
                     m.messageId = messageId(i);
                     return MailFactory::build(m);
                 },
                 &error),
             qPrintable(error));
}

void TestDecodePipeline::init()
{
    m_control = std::make_unique<DecoderControl>();
    control = m_control.get();
}

void TestDecodePipeline::cleanup()
{
    // Nothing may stay blocked past a failed test: the pool thread would hold the process at exit.
    m_control->released.release(1000);
    QVERIFY2(QThreadPool::globalInstance()->waitForDone(10000), "a decode is still running");
    if (m_control->locker) {
        sqlite3_exec(m_control->locker, "ROLLBACK", nullptr, nullptr, nullptr);
        sqlite3_close(m_control->locker);
    }
    control = nullptr;
    m_control.reset();
}

std::optional<SyncJob> TestDecodePipeline::makeJob(const StoreConfig &config)
{
    Endpoint incoming;
    incoming.protocol = MailProtocol::Imap;
    incoming.host = u"127.0.0.1"_s;
    incoming.port = m_dovecot.imapPort();
    incoming.security = Security::None;
    std::optional<SyncJob> job = SyncHelper::makeJob(config, incoming, u"pia"_s, u"pia-pw"_s);
    if (job) {
        job->tuning.batchMessages = kBatch;
        job->tuning.pipelineDepth = 2;
    }
    return job;
}

std::pair<quint32, quint32> TestDecodePipeline::positionAndHighest(const StoreConfig &config, const SyncJob &job)
{
    auto store = Store::open(config);
    if (!store) {
        return {0, 0};
    }
    const quint32 uidNext = (*store)->folderState(job.mailbox.id, u"INBOX"_s)->uidNext;
    quint32 highest = 0;
    if (!(*store)->forEachActivity([&](const Activity &activity) {
            highest = qMax(highest, activity.uid);
            return true;
        })) {
        return {0, 0};
    }
    return {uidNext, highest};
}

void TestDecodePipeline::expectExactlyOnce(const StoreConfig &config, const SyncJob &job)
{
    auto store = Store::open(config);
    QVERIFY(store);
    QSet<QString> ids;
    int activities = 0;
    QVERIFY((*store)->forEachActivity([&](const Activity &activity) {
        ids.insert(activity.messageId);
        ++activities;
        return true;
    }));
    QCOMPARE(activities, kMessages);
    QCOMPARE(ids.size(), kMessages);
    QCOMPARE((*store)->folderState(job.mailbox.id, u"INBOX"_s)->uidNext, quint32(kMessages + 1));
    QVERIFY(DiagnosticsStore(**store).itemFailures(job.mailbox.id)->isEmpty());
    SyncJob audit = job;
    audit.audit = true;
    audit.tuning.decoder = nullptr;
    const std::optional<SyncOutcome> audited = SyncHelper::runJob(config, audit, 30000);
    QVERIFY(audited && audited->audit);
    QCOMPARE(audited->audit->missing(), 0);
}

void TestDecodePipeline::slowDecoderKeepsUidOrderAndPosition()
{
    SYNCDESK_NEW_STORE(config, m_dir.path(), u"case-%1.db"_s.arg(++m_case));
    std::optional<SyncJob> job = makeJob(config);
    QVERIFY(job);
    job->tuning.decoder = &slowDecoder;
    const std::optional<SyncOutcome> outcome = SyncHelper::runJob(config, *job, 60000);
    QVERIFY(outcome);
    QVERIFY2(outcome->succeeded(), qPrintable(outcome->error ? outcome->error->toString() : QString()));
    QCOMPARE(outcome->itemsNew, kMessages);
    QCOMPARE(control->calls.load(), kMessages);
    // Decoded off the sync's thread (this one): the socket is read while a batch decodes.
    QVERIFY(!control->threads.contains(QThread::currentThreadId()) || control->threads.size() > 1);
    // Written in UID order: the store's row ids grow with the UIDs.
    auto store = Store::open(config);
    QVERIFY(store);
    QList<std::pair<qint64, quint32>> rows;
    QVERIFY((*store)->forEachActivity([&](const Activity &activity) {
        rows.append({activity.id, activity.uid});
        return true;
    }));
    std::sort(rows.begin(), rows.end());
    for (qsizetype i = 1; i < rows.size(); ++i) {
        QVERIFY2(rows.at(i).second > rows.at(i - 1).second,
                 qPrintable(u"row %1 has UID %2 after UID %3"_s.arg(rows.at(i).first)
                                .arg(rows.at(i).second)
                                .arg(rows.at(i - 1).second)));
    }
    store->reset(); // closed before the audit opens its own
    expectExactlyOnce(config, *job);
}

void TestDecodePipeline::cancelWhileABatchDecodes()
{
    SYNCDESK_NEW_STORE(config, m_dir.path(), u"case-%1.db"_s.arg(++m_case));
    std::optional<SyncJob> job = makeJob(config);
    QVERIFY(job);
    job->tuning.decoder = &blockingDecoder;
    control->blockAt = messageId(23).toUtf8(); // in the fifth batch (UIDs 21-25)

    auto store = Store::open(config);
    QVERIFY(store);
    {
        std::unique_ptr<MailboxSync> sync = MailboxSync::create(*job, **store, SocketStream::factory());
        QSignalSpy finished(sync.get(), &MailboxSync::finished);
        sync->start();
        // Wait for the decoder to stop there, serving this thread's events meanwhile (the sync runs here).
        QTRY_VERIFY2_WITH_TIMEOUT(
            control->blocked.load(),
            qPrintable(u"the decoder never reached the message (%1 decoded, sync %2)"_s.arg(control->calls.load())
                           .arg(finished.isEmpty() ? u"running"_s : u"finished"_s)),
            30000);
        sync->cancel();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
        const auto outcome = finished.constFirst().constFirst().value<SyncOutcome>();
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->errorClass, ErrorClass::Cancelled);
        // The sync goes away while its batch is still being decoded: the decode ends on its own.
    }
    control->released.release();
    QVERIFY(QThreadPool::globalInstance()->waitForDone(10000));
    QCoreApplication::processEvents(); // a late result has nobody to go to

    const auto [uidNext, highest] = positionAndHighest(config, *job);
    QVERIFY2(highest < 21, qPrintable(u"UID %1 was stored from a batch not decoded"_s.arg(highest)));
    QVERIFY2(uidNext <= highest + 1 || (highest == 0 && uidNext <= 1),
             qPrintable(u"the position %1 passed the last UID stored, %2"_s.arg(uidNext).arg(highest)));

    control->blockAt.clear();
    job->tuning.decoder = nullptr;
    store->reset();
    const std::optional<SyncOutcome> clean = SyncHelper::runJob(config, *job, 30000);
    QVERIFY(clean);
    QVERIFY2(clean->succeeded(), qPrintable(clean->error ? clean->error->toString() : QString()));
    expectExactlyOnce(config, *job);
}

void TestDecodePipeline::storeLockedWhileBatchesWait()
{
    SYNCDESK_NEW_STORE(config, m_dir.path(), u"case-%1.db"_s.arg(++m_case));
    if (config.backend != StoreConfig::Backend::SQLite) {
        QSKIP("takes SQLite's write lock from another connection; the PostgreSQL variant runs the other cases");
    }
    config.busyTimeoutMs = 300; // the writer gives up quickly on the lock
    std::optional<SyncJob> job = makeJob(config);
    QVERIFY(job);
    job->tuning.decoder = &lockingDecoder;
    control->lockAt = messageId(33).toUtf8(); // decoding the seventh batch (UIDs 31-35) locks the store
    control->lockPath = config.sqlitePath;

    const std::optional<SyncOutcome> failed = SyncHelper::runJob(config, *job, 60000);
    QVERIFY(failed);
    // The decode of a later batch may still run: nothing of the decoders' state changes before it ends.
    QVERIFY(QThreadPool::globalInstance()->waitForDone(10000));
    QVERIFY2(control->locker, qPrintable(u"the decoder did not lock the store (%1 decoded; the sync ended with: %2)"_s
                                             .arg(control->calls.load())
                                             .arg(failed->error ? failed->error->toString() : u"success"_s)));
    QVERIFY2(failed->error, "the sync did not fail on a locked store");
    QCOMPARE(failed->error->errorClass, ErrorClass::Store);
    QVERIFY(control->locker);
    sqlite3_exec(control->locker, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(control->locker);
    control->locker = nullptr;

    const auto [uidNext, highest] = positionAndHighest(config, *job);
    QVERIFY2(highest >= 5 && highest < 31, qPrintable(u"highest UID stored: %1"_s.arg(highest)));
    QCOMPARE(uidNext, highest + 1); // at the last batch written, never past it

    control->lockAt.clear();
    job->tuning.decoder = nullptr;
    const std::optional<SyncOutcome> clean = SyncHelper::runJob(config, *job, 30000);
    QVERIFY(clean);
    QVERIFY2(clean->succeeded(), qPrintable(clean->error ? clean->error->toString() : QString()));
    QCOMPARE(clean->itemsNew, kMessages - int(highest));
    expectExactlyOnce(config, *job);
}

QTEST_GUILESS_MAIN(TestDecodePipeline)
#include "tst_decodepipeline.moc"

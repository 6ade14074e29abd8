// Recording finished runs (issue 13, store time per sync), on SQLite and (as tst_finishedruns_postgresql) on
// PostgreSQL: a real MailboxScheduler on a real store with simulated syncs (WorkerPool's simulation seam).
// Runs that finish between two scheduling passes are recorded together, in one transaction, before the
// next pass claims anything; a run whose lease moved on meanwhile records nothing and does not take the
// others with it; a stop records what finished before it.

#include "scheduler/clock.h"
#include "scheduler/mailboxscheduler.h"
#include "scheduler/schedulersettings.h"
#include "scheduler/workerpool.h"
#include "store/store.h"
#include "storefixtures.h"
#include "teststore.h"

#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace SyncDesk;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

constexpr int kMailboxes = 8;
constexpr qint64 kSyncMs = 400;

} // namespace

class TestFinishedRuns : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void runsFinishingTogetherAreRecordedTogether();

private:
    qint64 scalar(const QString &sql) const;

    StoreConfig m_config;
    QTemporaryDir m_dir;
    QList<qint64> m_ids;
};

void TestFinishedRuns::initTestCase()
{
    qInfo("backend: %s", qPrintable(TestStore::backendName()));
    QVERIFY(m_dir.isValid());
    SYNCDESK_NEW_STORE(config, m_dir.path(), u"finished.db"_s);
    m_config = config;
    auto store = Store::open(m_config);
    QVERIFY2(store.ok(), store.ok() ? "" : qPrintable(store.error().toString()));
    m_ids = StoreFixtures::addCorpMailboxes(**store, kMailboxes);
    QCOMPARE(m_ids.size(), kMailboxes);
}

qint64 TestFinishedRuns::scalar(const QString &sql) const
{
    QString error;
    const auto rows = TestStore::rawSql(m_config, sql, &error);
    if (!error.isEmpty() || rows.isEmpty()) {
        qWarning("%s: %s", qPrintable(sql), qPrintable(error));
        return -1;
    }
    return rows.constFirst().constFirst().toLongLong();
}

void TestFinishedRuns::runsFinishingTogetherAreRecordedTogether()
{
    auto opened = Store::open(m_config);
    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().toString()));
    Store &store = **opened;
    // Every sync takes the same 400 ms: the eight started in one pass finish within milliseconds.
    WorkerPool pool(kMailboxes, [](const SyncJob &, SyncOutcome &outcome) -> qint64 {
        outcome.startedAt = QDateTime::currentDateTimeUtc();
        outcome.finishedAt = outcome.startedAt.addMSecs(kSyncMs);
        outcome.itemsNew = 1;
        return kSyncMs;
    });
    SystemClock clock;
    SchedulerSettings settings;
    settings.intervals.scale = 1.0 / 60; // every 5 s: nothing is due again while the test looks
    settings.heartbeatSeconds = 5;
    settings.pollIntervalMs = 100;
    settings.auditIntervalSeconds = 0;
    settings.maintenanceIntervalSeconds = 0;
    MailboxScheduler scheduler(store, pool, clock, settings, u"engine"_s);
    QSet<qint64> started;
    QSet<qint64> finished;
    connect(&scheduler, &MailboxScheduler::syncStarted, this, [&](qint64 id) { started.insert(id); });
    connect(&scheduler, &MailboxScheduler::syncFinished, this,
            [&](const SyncOutcome &outcome) { finished.insert(outcome.mailboxId); });
    const qint64 startedAt = QDateTime::currentMSecsSinceEpoch();
    scheduler.start();
    QVERIFY2(QTest::qWaitFor([&] { return started.size() == kMailboxes; }, 10000),
             qPrintable(u"%1 of %2 started"_s.arg(started.size()).arg(kMailboxes)));
    // Another engine takes one of them meanwhile (a new lease epoch): that run must record nothing.
    const qint64 stolen = m_ids.at(3);
    QString error;
    TestStore::rawSql(m_config,
                      u"UPDATE mailbox_state SET lease_owner = 'thief', lease_epoch = lease_epoch + 1 "
                      "WHERE mailbox_id = %1"_s.arg(stolen),
                      &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const qint64 transactionsBefore = Store::statistics().transactions;
    QVERIFY2(QTest::qWaitFor([&] { return finished.size() == kMailboxes; }, 10000),
             qPrintable(u"%1 of %2 finished"_s.arg(finished.size()).arg(kMailboxes)));
    const qint64 transactions = Store::statistics().transactions - transactionsBefore;
    // The first to finish after a quiet spell starts a pass at once; the others finish within its spacing
    // and are recorded together at the next. One transaction each would be eight.
    qInfo("%d runs finishing within milliseconds recorded in %lld transactions", kMailboxes, transactions);
    QVERIFY2(transactions <= 4, qPrintable(u"%1 transactions"_s.arg(transactions)));
    // Recorded by the time the engine says they finished: the seven it still held, each with its run.
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM sync_runs WHERE node = 'engine' AND success = 1"_s), qint64(kMailboxes - 1));
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM sync_runs WHERE mailbox_id = %1"_s.arg(stolen)), qint64(0));
    QCOMPARE(
        scalar(u"SELECT COUNT(*) FROM mailbox_state WHERE lease_owner IS NULL AND next_due_at > %1"_s.arg(startedAt)),
        qint64(kMailboxes - 1));
    QCOMPARE(TestStore::rawSql(m_config, u"SELECT lease_owner FROM mailbox_state WHERE mailbox_id = %1"_s.arg(stolen))
                 .constFirst()
                 .constFirst(),
             u"thief"_s);
    // Each run's duration is the sync's (a coarse timer may end it up to 5 % early).
    QVERIFY(scalar(u"SELECT MIN(finished_at - started_at) FROM sync_runs"_s) >= kSyncMs * 9 / 10);
    QSignalSpy stopped(&scheduler, &MailboxScheduler::stopped);
    scheduler.stop();
    QVERIFY(stopped.count() == 1 || stopped.wait(10000));
    QCOMPARE(stopped.count(), 1);
}

QTEST_GUILESS_MAIN(TestFinishedRuns)
#include "tst_finishedruns.moc"

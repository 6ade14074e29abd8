// A server that declares one size and sends another: the node's memory follows what it decides to keep
// (the message limit and the session's response budget), never what the server declared or sent.

#include "diagnostics/errorclass.h"
#include "hostileimapserver.h"
#include "store/diagnosticsstore.h"
#include "store/store.h"
#include "synchelper.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace SyncDesk;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

// VmHWM of this process, in MiB; resetPeak() starts a new measurement (Linux's clear_refs "5").
double peakMib()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly)) {
        return -1;
    }
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:")) {
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
        }
    }
    return -1;
}

bool resetPeak()
{
    QFile refs(u"/proc/self/clear_refs"_s);
    return refs.open(QIODevice::WriteOnly) && refs.write("5") == 1;
}

} // namespace

class TestHostileSizes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void hugeBodiesDeclaredSmallAreReadPast();
    void bodiesOverTheBudgetAreFetchedAgainAlone();
    void messageLimitStaysWithinTheBudget();

private:
    std::optional<SyncJob> jobFor(const QString &name, quint16 port);

    QTemporaryDir m_dir;
};

void TestHostileSizes::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

std::optional<SyncJob> TestHostileSizes::jobFor(const QString &name, quint16 port)
{
    Endpoint incoming;
    incoming.host = u"127.0.0.1"_s;
    incoming.port = port;
    incoming.security = Security::None;
    return SyncHelper::makeJob(StoreConfig::sqlite(m_dir.filePath(name)), incoming, u"alice"_s, u"secret"_s);
}

void TestHostileSizes::hugeBodiesDeclaredSmallAreReadPast()
{
    // 200 messages declared as 100 bytes each, sent as 32 MiB each (6.4 GiB in all), with the profile's
    // max_message_bytes at 16 MiB: every body is read past as it arrives and becomes an item failure
    // "too large"; the process never holds more than a few of them.
    HostileImapServer server({200, 100, 32LL * 1024 * 1024});
    QVERIFY(server.listen());
    std::optional<SyncJob> job = jobFor(u"readpast.db"_s, server.port());
    QVERIFY(job);
    job->profile.maxMessageBytes = 16LL * 1024 * 1024;
    const bool measured = resetPeak();
    const std::optional<SyncOutcome> outcome =
        SyncHelper::runJob(StoreConfig::sqlite(m_dir.filePath(u"readpast.db"_s)), *job, 300000);
    const double peak = peakMib();
    QVERIFY(outcome);
    QVERIFY2(outcome->succeeded(), qPrintable(outcome->error ? outcome->error->toString() : QString()));
    QCOMPARE(server.bodiesSent(), 200);
    QCOMPARE(outcome->itemsFailed, 200);
    const ItemFailureList failures =
        SyncHelper::itemFailures(StoreConfig::sqlite(m_dir.filePath(u"readpast.db"_s)), job->mailbox.id);
    QCOMPARE(failures.size(), 200);
    for (const ItemFailure &failure : failures) {
        QCOMPARE(failure.hintId, u"message-too-large"_s);
        QVERIFY2(failure.size > 32LL * 1024 * 1024 - 1024, "the size sent, not the size declared");
    }
    qInfo("peak memory of the test process during the sync: %.0f MiB (%s)", peak,
          measured ? "since the sync started" : "since the process started");
    QVERIFY2(peak > 0 && peak < 512, qPrintable(QString::number(peak)));
}

void TestHostileSizes::bodiesOverTheBudgetAreFetchedAgainAlone()
{
    // 24 messages declared as 100 bytes, sent as 3 MiB, with a response budget of 8 MiB: a batch keeps what
    // fits and drops the rest, which is fetched again alone, with its real size, in the same run. Nothing is
    // lost and nothing is left failed.
    HostileImapServer server({24, 100, 3LL * 1024 * 1024});
    QVERIFY(server.listen());
    const StoreConfig config = StoreConfig::sqlite(m_dir.filePath(u"budget.db"_s));
    std::optional<SyncJob> job = jobFor(u"budget.db"_s, server.port());
    QVERIFY(job);
    job->tuning.responseBudgetBytes = 8LL * 1024 * 1024;
    std::optional<SyncOutcome> outcome = SyncHelper::runJob(config, *job, 120000);
    QVERIFY(outcome);
    QVERIFY2(outcome->succeeded(), qPrintable(outcome->error ? outcome->error->toString() : QString()));
    QVERIFY2(server.bodiesSent() > 24, "some bodies were dropped and fetched again");
    qint64 stored = SyncHelper::activityCount(config, job->mailbox.id);
    // A message dropped again in the retry (two of them in flight) waits for the next run.
    for (int run = 0; run < 5 && stored < 24; ++run) {
        outcome = SyncHelper::runJob(config, *job, 120000);
        QVERIFY(outcome && outcome->succeeded());
        stored = SyncHelper::activityCount(config, job->mailbox.id);
    }
    QCOMPARE(stored, qint64(24));
    QCOMPARE(SyncHelper::itemFailures(config, job->mailbox.id).size(), 0); // resolved once stored
}

void TestHostileSizes::messageLimitStaysWithinTheBudget()
{
    // A profile's max_message_bytes above the response budget cannot let one response past it: the limit
    // applied is within the budget, so a body larger than the budget is read past (an item failure), not a
    // session ended. (A response over the budget otherwise, such as several literals in one, ends the session
    // with a Parse error: tst_imapresponseparser.)
    HostileImapServer server({3, 100, 2LL * 1024 * 1024});
    QVERIFY(server.listen());
    const StoreConfig config = StoreConfig::sqlite(m_dir.filePath(u"response.db"_s));
    std::optional<SyncJob> job = jobFor(u"response.db"_s, server.port());
    QVERIFY(job);
    job->tuning.responseBudgetBytes = 1024 * 1024;
    job->profile.maxMessageBytes = 100LL * 1024 * 1024;
    QCOMPARE(job->tuning.messageLimit(job->profile), qint64(1024 * 1024 - 64 * 1024));
    const std::optional<SyncOutcome> outcome = SyncHelper::runJob(config, *job, 60000);
    QVERIFY(outcome);
    QVERIFY2(outcome->succeeded(), qPrintable(outcome->error ? outcome->error->toString() : QString()));
    QCOMPARE(outcome->itemsFailed, 3);
    for (const ItemFailure &failure : SyncHelper::itemFailures(config, job->mailbox.id)) {
        QCOMPARE(failure.hintId, u"message-too-large"_s);
    }
}

QTEST_GUILESS_MAIN(TestHostileSizes)
#include "tst_hostilesizes.moc"

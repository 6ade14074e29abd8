// Crash consistency: syncdesk-node sync --once against a real Dovecot holding 5,000 messages (two IMAP
// folders and a POP3 maildrop) is killed with SIGKILL at 50 random points, then one run is let complete:
// every message is stored exactly once, nothing is listed as failed, and `verify` finds nothing missing.
// The second round renumbers a folder (UIDVALIDITY) between two kills.
//
// The kill points are random but reproducible: the seed is printed, and SYNCDESK_CRASH_SEED sets it. A kill
// is aimed after the node logs its n-th committed batch (n drawn over the batches still to come), plus a
// random few milliseconds, so that it lands anywhere: before the login, inside a fetch, inside a decode,
// inside a store transaction, between a commit and the next command.

#include "dovecotserver.h"
#include "mailfactory.h"
#include "noderunner.h"
#include "sync/syncjob.h"
#include "testconfig.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <csignal>

using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

constexpr int kInbox = 2500;
constexpr int kProjects = 1500;
constexpr int kPop3 = 1000;
const int kBatch = SyncDesk::SyncTuning{}.batchMessages; // the node's default batch size
constexpr int kKillsPerRound = 25;

QByteArray message(const QString &prefix, int index)
{
    const QDateTime base(QDate(2026, 10, 1), QTime(8, 0), Qt::UTC);
    MailFactory::Message m = MailFactory::realistic(u"crash@corp.test"_s, index, base.addSecs(index * 37));
    m.messageId = u"%1-%2@crash.test"_s.arg(prefix).arg(index);
    return MailFactory::build(m);
}

} // namespace

class TestCrashConsistency : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void killedAnywhereLosesNothingAndDuplicatesNothing();
    void killedAcrossARenumberedFolder();

private:
    struct Kill
    {
        bool killed = false;
        int batchesSeen = 0;
    };
    // One sync --once, killed after `afterBatches` committed batches plus `extraMs` (never killed when
    // afterBatches is negative).
    Kill runAndKill(const QString &db, int afterBatches, int extraMs);
    void round(const QString &name, int kills, const std::function<void(int)> &beforeRun);
    void checkExactlyOnce(const QString &db);
    int sqlCount(const QString &db, const QString &sql);

    DovecotServer m_dovecot;
    QTemporaryDir m_dir;
    QString m_config;
    QRandomGenerator m_random;
};

void TestCrashConsistency::initTestCase()
{
    if (!DovecotServer::isAvailable()) {
        QSKIP("dovecot is not installed: run scripts/test.sh, which installs it");
    }
    QVERIFY(QFile::exists(QStringLiteral(SYNCDESK_NODE_BINARY)));
    QVERIFY(m_dir.isValid());
    const quint32 seed = qEnvironmentVariableIsSet("SYNCDESK_CRASH_SEED")
                             ? quint32(qEnvironmentVariableIntValue("SYNCDESK_CRASH_SEED"))
                             : QRandomGenerator::global()->generate();
    qInfo("crash consistency seed: %u (set SYNCDESK_CRASH_SEED=%u to repeat this run)", seed, seed);
    m_random.seed(seed);

    m_dovecot.setUser(u"crash"_s, u"crash-pw"_s);
    m_dovecot.setUser(u"drop"_s, u"drop-pw"_s);
    QString error;
    QVERIFY2(m_dovecot.start(&error), qPrintable(error));
    QVERIFY2(m_dovecot.bulkDeliver(
                 u"crash"_s, kInbox, [](int i) { return message(u"inbox"_s, i); }, &error),
             qPrintable(error));
    QVERIFY2(m_dovecot.createFolder(u"crash"_s, u"Projects"_s, &error), qPrintable(error));
    QVERIFY2(m_dovecot.bulkDeliver(
                 u"crash"_s, kProjects, [](int i) { return message(u"projects"_s, i); }, &error, u"Projects"_s),
             qPrintable(error));
    QVERIFY2(m_dovecot.bulkDeliver(
                 u"drop"_s, kPop3, [](int i) { return message(u"pop3"_s, i); }, &error),
             qPrintable(error));
    QCOMPARE(m_dovecot.messageCount(u"crash"_s, u"Projects"_s), kProjects);

    TestConfig config(m_dir.filePath(u"cfg"_s));
    config.addProfile(u"Corp IMAP"_s, m_dovecot, u"none"_s);
    config.addPop3Profile(u"Corp POP3"_s, m_dovecot, u"none"_s);
    config.addMailbox(u"crash@corp.test"_s, u"Corp IMAP"_s, u"crash"_s, u"crash-pw"_s, {u"INBOX"_s, u"Projects"_s});
    config.addMailbox(u"drop@corp.test"_s, u"Corp POP3"_s, u"drop"_s, u"drop-pw"_s);
    m_config = config.write();
}

int TestCrashConsistency::sqlCount(const QString &db, const QString &sql)
{
    int count = -1;
    {
        QSqlDatabase connection = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"crash-check"_s);
        connection.setDatabaseName(db);
        if (connection.open()) {
            QSqlQuery query(connection);
            if (query.exec(sql) && query.next()) {
                count = query.value(0).toInt();
            }
        }
    }
    QSqlDatabase::removeDatabase(u"crash-check"_s);
    return count;
}

TestCrashConsistency::Kill TestCrashConsistency::runAndKill(const QString &db, int afterBatches, int extraMs)
{
    // "stored N new of M tracked" once per committed batch.
    const KilledRun run = runNodeAndKill(QStringLiteral(SYNCDESK_NODE_BINARY), db, " new of ", afterBatches, extraMs);
    return {run.killed, run.marksSeen};
}

void TestCrashConsistency::round(const QString &name, int kills, const std::function<void(int)> &beforeRun)
{
    // Cycles of a fresh store: runs killed at random points until one run gets to the end by itself (the
    // pull is complete), then a last run and the checks; as many cycles as it takes to reach `kills`.
    const int total = kInbox + kProjects + kPop3;
    int killed = 0;
    for (int cycle = 0; killed < kills && cycle < 20; ++cycle) {
        const QString db = m_dir.filePath(u"%1-%2.db"_s.arg(name).arg(cycle));
        const NodeRun imported =
            runNode(QStringLiteral(SYNCDESK_NODE_BINARY), db, {u"config"_s, u"import"_s, m_config});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        for (int attempt = 0; attempt < 200; ++attempt) {
            beforeRun(killed);
            const int stored = qMax(0, sqlCount(db, u"SELECT COUNT(*) FROM activities"_s));
            const int remaining = qMax(0, total - stored) / kBatch + 1;
            const int afterBatches = int(m_random.bounded(remaining + 1));
            const int extraMs = int(m_random.bounded(25));
            if (!runAndKill(db, afterBatches, extraMs).killed) {
                break; // this run finished the pull
            }
            ++killed;
        }
        const NodeRun completed = runNode(QStringLiteral(SYNCDESK_NODE_BINARY), db, {u"sync"_s, u"--once"_s}, {},
                                          QProcessEnvironment::systemEnvironment(), 300000);
        QVERIFY2(completed.exitCode == 0, qPrintable(completed.out + completed.err));
        checkExactlyOnce(db);
        if (QTest::currentTestFailed()) {
            qWarning("cycle %d of %s failed after %d kills", cycle, qPrintable(name), killed);
            return;
        }
    }
    qInfo("%s: %d runs killed at random points, every message stored exactly once after each cycle", qPrintable(name),
          killed);
    QVERIFY2(killed >= kills, "too few runs were killed for the test to mean anything");
}

void TestCrashConsistency::checkExactlyOnce(const QString &db)
{
    // Every message once: as many activities as messages, no Message-ID twice, one per prefix range.
    QCOMPARE(sqlCount(db, u"SELECT COUNT(*) FROM activities"_s), kInbox + kProjects + kPop3);
    QCOMPARE(sqlCount(db, u"SELECT COUNT(DISTINCT message_id) FROM activities"_s), kInbox + kProjects + kPop3);
    QCOMPARE(sqlCount(db, u"SELECT COUNT(*) FROM activities WHERE message_id LIKE 'inbox-%' AND folder = 'INBOX'"_s),
             kInbox);
    QCOMPARE(sqlCount(db, u"SELECT COUNT(*) FROM activities WHERE message_id LIKE 'projects-%' AND "
                          "folder = 'Projects'"_s),
             kProjects);
    QCOMPARE(sqlCount(db, u"SELECT COUNT(*) FROM activities WHERE message_id LIKE 'pop3-%'"_s), kPop3);
    QCOMPARE(sqlCount(db, u"SELECT COUNT(*) FROM item_failures"_s), 0);
    // The ledger accounts for every one of them: the audit finds nothing missing.
    const NodeRun verify = runNode(QStringLiteral(SYNCDESK_NODE_BINARY), db, {u"verify"_s});
    QVERIFY2(verify.exitCode == 0, qPrintable(verify.out + verify.err));
    QVERIFY2(verify.out.count(u"nothing missing"_s) == 2, qPrintable(verify.out));
}

void TestCrashConsistency::killedAnywhereLosesNothingAndDuplicatesNothing()
{
    round(u"plain"_s, kKillsPerRound, [](int) {});
}

void TestCrashConsistency::killedAcrossARenumberedFolder()
{
    bool renumbered = false;
    round(u"renumbered"_s, kKillsPerRound, [this, &renumbered](int killed) {
        if (!renumbered && killed >= 5) {
            // The server renumbers Projects between two killed runs: it is fetched again, matched by Message-ID.
            QString error;
            QVERIFY2(m_dovecot.setUidValidity(u"crash"_s, u"Projects"_s, 4242, &error), qPrintable(error));
            renumbered = true;
        }
    });
    QVERIFY(renumbered);
}

QTEST_GUILESS_MAIN(TestCrashConsistency)
#include "tst_crashconsistency.moc"

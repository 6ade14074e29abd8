// A password source one engine cannot resolve is that engine's problem: two engines share a database,
// only one has the environment variable the mailbox's password comes from. The mailbox stays enabled, is
// never counted as failing, is synced by the engine that can, and the other engine is named in an alert
// and in `status --json`.

#include "dovecotserver.h"
#include "mailfactory.h"
#include "noderunner.h"
#include "scheduler/syncengine.h"
#include "store/store.h"
#include "testconfig.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace SyncDesk;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

class TestEngineProblems : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void passwordOnlyOneEngineCanReadStaysWithIt();

private:
    DovecotServer m_dovecot;
    QTemporaryDir m_dir;
};

void TestEngineProblems::initTestCase()
{
    if (!DovecotServer::isAvailable()) {
        QSKIP("dovecot is not installed: run scripts/test.sh, which installs it");
    }
    QVERIFY(m_dir.isValid());
    m_dovecot.setUser(u"xena"_s, u"xena-pw"_s);
    QString error;
    QVERIFY2(m_dovecot.start(&error), qPrintable(error));
    const QDateTime base(QDate(2026, 11, 2), QTime(9, 0), Qt::UTC);
    for (int i = 0; i < 3; ++i) {
        QVERIFY(m_dovecot.deliver(u"xena"_s, u"INBOX"_s,
                                  MailFactory::build(MailFactory::realistic(u"xena@corp.test"_s, i, base.addDays(i)))));
    }
}

void TestEngineProblems::passwordOnlyOneEngineCanReadStaysWithIt()
{
    qunsetenv("SYNCDESK_PW_X"); // this process's engine cannot read it
    TestConfig builder(m_dir.filePath(u"cfg"_s));
    builder.addProfile(u"Corp"_s, m_dovecot, u"none"_s);
    builder.addMailbox(u"xena@corp.test"_s, u"Corp"_s, u"xena"_s, u"unused"_s);
    QJsonObject json = builder.json();
    QJsonArray mailboxes = json.value(u"mailboxes"_s).toArray();
    QJsonObject mailbox = mailboxes.at(0).toObject();
    mailbox.remove(u"password_file"_s);
    mailbox.insert(u"password_env"_s, u"SYNCDESK_PW_X"_s);
    mailboxes[0] = mailbox;
    json.insert(u"mailboxes"_s, mailboxes);
    const QString configPath = m_dir.filePath(u"env-config.json"_s);
    QFile file(configPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(json).toJson());
    file.close();
    const QString db = m_dir.filePath(u"shared.db"_s);
    const QString node = QStringLiteral(SYNCDESK_NODE_BINARY);
    const NodeRun imported = runNode(node, db, {u"config"_s, u"import"_s, configPath});
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.out + imported.err));

    // The engine without the variable meets the mailbox first: its problem, not the mailbox's.
    EngineSettings settings;
    settings.store = StoreConfig::sqlite(db);
    settings.scheduler.pollIntervalMs = 100;
    settings.nodeId = u"engine-without-variable"_s;
    SyncEngine without(settings);
    QVERIFY(without.start());
    auto store = Store::open(StoreConfig::sqlite(db));
    QVERIFY(store);
    auto xena = (*store)->mailboxByAddress(u"xena@corp.test"_s);
    QVERIFY(xena && xena->has_value());
    const qint64 id = (*xena)->id;
    const QString cause = u"password-unavailable:engine-without-variable:%1"_s.arg(id);
    auto alertOpen = [&] {
        auto alerts = (*store)->alerts(false);
        return alerts &&
               std::any_of(alerts->begin(), alerts->end(), [&](const Alert &alert) { return alert.causeKey == cause; });
    };
    QTRY_VERIFY_WITH_TIMEOUT(alertOpen(), 30000);
    auto state = (*store)->mailboxState(id);
    QVERIFY(state);
    QCOMPARE(state->consecutiveFailures, 0);
    QCOMPARE(state->lastErrorClass, ErrorClass::None);

    // The node that has it syncs the mailbox.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"SYNCDESK_PW_X"_s, u"xena-pw"_s);
    QProcess running;
    running.setProcessEnvironment(environment);
    running.start(node, {u"--db"_s, db, u"run"_s});
    QVERIFY(running.waitForStarted());
    auto stored = [&] {
        auto count = (*store)->activityCount(id);
        return count ? *count : qint64(-1);
    };
    QTRY_COMPARE_WITH_TIMEOUT(stored(), qint64(3), 60000);

    // status --json names the engine that cannot, on the mailbox that stays enabled and healthy.
    const NodeRun status = runNode(node, db, {u"status"_s, u"--json"_s});
    QCOMPARE(status.exitCode, 0);
    const QJsonObject row = QJsonDocument::fromJson(status.out.toUtf8()).array().at(0).toObject();
    QCOMPARE(row.value(u"address"_s).toString(), u"xena@corp.test"_s);
    QCOMPARE(row.value(u"enabled"_s).toBool(), true);
    QCOMPARE(row.value(u"consecutive_failures"_s).toInt(), 0);
    const QJsonArray problems = row.value(u"engine_problems"_s).toArray();
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.at(0).toObject().value(u"node"_s).toString(), u"engine-without-variable"_s);
    QCOMPARE(problems.at(0).toObject().value(u"hint"_s).toString(), u"password-unavailable"_s);
    QVERIFY(problems.at(0).toObject().value(u"message"_s).toString().contains(u"SYNCDESK_PW_X"_s));
    const NodeRun text = runNode(node, db, {u"status"_s});
    QVERIFY2(text.err.contains(u"engine engine-without-variable cannot read the password of xena@corp.test"_s),
             qPrintable(text.err));

    ::kill(pid_t(running.processId()), SIGTERM);
    QVERIFY(running.waitForFinished(30000));
    QSignalSpy stopped(&without, &SyncEngine::stopped);
    without.stop();
    QVERIFY(stopped.wait(20000));
    auto after = (*store)->mailboxByAddress(u"xena@corp.test"_s);
    QVERIFY(after && after->has_value() && (*after)->enabled);
}

QTEST_GUILESS_MAIN(TestEngineProblems)
#include "tst_engineproblems.moc"

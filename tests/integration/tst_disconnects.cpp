// Disconnects and damaged streams between the node and a real Dovecot, through a fault-injecting proxy:
// the connection cut after N bytes, inside a literal, between a literal and its closing parenthesis and in
// the middle of a FETCH line; a stall; a corrupted byte. Every faulty run ends with a classified error (or,
// where the damage hides one message, with that message listed as an item failure); the next run without a
// fault completes, every message is stored exactly once, and the audit finds nothing missing.

#include "dovecotserver.h"
#include "faultproxy.h"
#include "mailfactory.h"
#include "store/diagnosticsstore.h"
#include "store/store.h"
#include "synchelper.h"
#include "teststore.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace SyncDesk;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

namespace {
constexpr int kMessages = 40;
}

class TestDisconnects : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void faultThenCleanRun_data();
    void faultThenCleanRun();

private:
    DovecotServer m_dovecot;
    QTemporaryDir m_dir;
    int m_case = 0;
};

void TestDisconnects::initTestCase()
{
    if (!DovecotServer::isAvailable()) {
        QSKIP("dovecot is not installed: run scripts/test.sh, which installs it");
    }
    QVERIFY(m_dir.isValid());
    m_dovecot.setUser(u"flo"_s, u"flo-pw"_s);
    QString error;
    QVERIFY2(m_dovecot.start(&error), qPrintable(error));
    const QDateTime base(QDate(2026, 11, 4), QTime(7, 0), Qt::UTC);
    QVERIFY2(m_dovecot.bulkDeliver(
                 u"flo"_s, kMessages,
                 [base](int i) {
                     MailFactory::Message m = MailFactory::realistic(u"flo@corp.test"_s, i, base.addSecs(i * 60));
                     m.messageId = u"disconnect-%1@corp.test"_s.arg(i);
                     m.body += QString(u"Line of the report.\n"_s).repeated(40 + i * 7); // bodies of 1-12 kB
                     return MailFactory::build(m);
                 },
                 &error),
             qPrintable(error));
}

void TestDisconnects::faultThenCleanRun_data()
{
    QTest::addColumn<int>("action");
    QTest::addColumn<int>("where");
    QTest::addColumn<qint64>("count");
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<QStringList>("classes"); // what the faulty run may end with

    using A = FaultProxy::Action;
    using W = FaultProxy::Where;
    const QStringList lost{u"Network"_s, u"Protocol"_s};
    QTest::newRow("cut after the greeting") << int(A::Cut) << int(W::AfterBytes) << qint64(30) << qint64(0) << lost;
    QTest::newRow("cut after 6 kB") << int(A::Cut) << int(W::AfterBytes) << qint64(6000) << qint64(0) << lost;
    QTest::newRow("cut after 60 kB") << int(A::Cut) << int(W::AfterBytes) << qint64(60000) << qint64(0) << lost;
    QTest::newRow("cut inside the first literal")
        << int(A::Cut) << int(W::InsideLiteral) << qint64(1) << qint64(100) << lost;
    QTest::newRow("cut inside literal 23") << int(A::Cut) << int(W::InsideLiteral) << qint64(23) << qint64(700) << lost;
    QTest::newRow("cut between literal 12 and its parenthesis")
        << int(A::Cut) << int(W::AfterLiteral) << qint64(12) << qint64(0) << lost;
    QTest::newRow("cut in the middle of FETCH line 30")
        << int(A::Cut) << int(W::MidFetchLine) << qint64(30) << qint64(0) << lost;
    QTest::newRow("cut in the middle of FETCH line 47 (bodies)")
        << int(A::Cut) << int(W::MidFetchLine) << qint64(47) << qint64(0) << lost;
    QTest::newRow("stall inside literal 5")
        << int(A::Stall) << int(W::InsideLiteral) << qint64(5) << qint64(200) << QStringList{u"Timeout"_s};
    QTest::newRow("stall after the login")
        << int(A::Stall) << int(W::AfterBytes) << qint64(400) << qint64(0) << QStringList{u"Timeout"_s};
    QTest::newRow("corrupt the parenthesis after literal 8")
        << int(A::Corrupt) << int(W::AfterLiteral) << qint64(8) << qint64(0)
        << QStringList{u"Protocol"_s, u"Parse"_s, u"item-failure"_s};
    QTest::newRow("corrupt the first byte of literal 3")
        << int(A::Corrupt) << int(W::InsideLiteral) << qint64(3) << qint64(-1)
        << QStringList{u"Protocol"_s, u"Parse"_s, u"Timeout"_s, u"item-failure"_s, u"decoded"_s};
}

void TestDisconnects::faultThenCleanRun()
{
    QFETCH(int, action);
    QFETCH(int, where);
    QFETCH(qint64, count);
    QFETCH(qint64, offset);
    QFETCH(QStringList, classes);

    FaultProxy proxy(u"127.0.0.1"_s, m_dovecot.imapPort());
    QVERIFY(proxy.listen());
    FaultProxy::Fault fault;
    fault.action = FaultProxy::Action(action);
    fault.where = FaultProxy::Where(where);
    fault.count = count;
    fault.offset = offset < 0 ? 0 : offset;
    proxy.setFault(fault);

    SYNCDESK_NEW_STORE(config, m_dir.path(), u"case-%1.db"_s.arg(++m_case));
    Endpoint incoming;
    incoming.protocol = MailProtocol::Imap;
    incoming.host = u"127.0.0.1"_s;
    incoming.port = proxy.port();
    incoming.security = Security::None;
    std::optional<SyncJob> job = SyncHelper::makeJob(config, incoming, u"flo"_s, u"flo-pw"_s);
    QVERIFY(job);
    job->tuning.batchMessages = 10;
    job->tuning.pipelineDepth = 2;
    job->tuning.commandTimeoutMs = 1500; // a stall ends in a Timeout quickly

    const std::optional<SyncOutcome> faulty = SyncHelper::runJob(config, *job, 30000);
    QVERIFY2(faulty, "the faulty run did not end");
    QVERIFY2(proxy.triggered(), qPrintable(u"the fault was never reached: "_s + fault.describe()));
    QString ended;
    if (faulty->error) {
        ended = errorClassName(faulty->error->errorClass);
        QVERIFY2(!faulty->error->hintId.isEmpty(), qPrintable(faulty->error->toString()));
    } else if (faulty->itemsFailed > 0) {
        ended = u"item-failure"_s;
    } else {
        ended = u"decoded"_s; // a byte changed where only the message's text shows it
    }
    qInfo("%s: the faulty run ended with %s", qPrintable(fault.describe()), qPrintable(ended));
    QVERIFY2(classes.contains(ended),
             qPrintable(u"%1: ended with %2 (%3)"_s.arg(fault.describe(), ended,
                                                        faulty->error ? faulty->error->toString() : QString())));

    // The next run, without the fault, completes: every message once, nothing missing.
    proxy.setFault({});
    const std::optional<SyncOutcome> clean = SyncHelper::runJob(config, *job, 30000);
    QVERIFY(clean);
    QVERIFY2(clean->succeeded(), qPrintable(clean->error ? clean->error->toString() : QString()));
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
    QVERIFY(DiagnosticsStore(**store).itemFailures(job->mailbox.id)->isEmpty());
    SyncJob audit = *job;
    audit.audit = true;
    const std::optional<SyncOutcome> audited = SyncHelper::runJob(config, audit, 30000);
    QVERIFY(audited && audited->audit);
    QCOMPARE(audited->audit->missing(), 0);
}

QTEST_GUILESS_MAIN(TestDisconnects)
#include "tst_disconnects.moc"

// syncdesk-node's troubleshooting commands, run as an administrator would against a private Dovecot:
// test-mailbox (text, --json, --enable), alerts (one per cause, ack), failures (--json, retry),
// mailbox verbose, and the diagnostic bundle.

#include "dovecotserver.h"
#include "mailfactory.h"
#include "noderunner.h"
#include "testconfig.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace SyncDesk;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

class TestNodeDiagnostics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void testMailboxPrintsEveryStep();
    void testMailboxStopsAtTheFirstFailureWithItsHint();
    void testMailboxJson();
    void testMailboxListsTheServersFolders();
    void testAndEnableOnlyWhenEveryStepPasses();
    void alertsOnePerCauseAndAcknowledged();
    void profileIncidentGroupsAndReenablesInOneAction();
    void failuresListedAndRetried();
    void verboseLogAndBundleWithoutSecrets();

private:
    NodeRun node(const QStringList &arguments);
    QJsonDocument json(const QStringList &arguments);
    QJsonObject statusOf(const QString &address);

    DovecotServer m_dovecot;
    QTemporaryDir m_dir;
    QString m_db;
};

NodeRun TestNodeDiagnostics::node(const QStringList &arguments)
{
    return runNode(QStringLiteral(SYNCDESK_NODE_BINARY), m_db, arguments);
}

QJsonDocument TestNodeDiagnostics::json(const QStringList &arguments)
{
    const NodeRun run = node(arguments);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(run.out.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError) {
        qWarning("not JSON (%s): %s %s", qPrintable(error.errorString()), qPrintable(run.out), qPrintable(run.err));
    }
    return document;
}

QJsonObject TestNodeDiagnostics::statusOf(const QString &address)
{
    const QJsonArray statuses = json({u"status"_s, u"--json"_s}).array();
    for (const QJsonValue &status : statuses) {
        if (status.toObject().value(u"address"_s).toString() == address) {
            return status.toObject();
        }
    }
    return {};
}

void TestNodeDiagnostics::initTestCase()
{
    if (!DovecotServer::isAvailable()) {
        QSKIP("dovecot is not installed: run scripts/test.sh, which installs it");
    }
    QVERIFY(QFile::exists(QStringLiteral(SYNCDESK_NODE_BINARY)));
    QVERIFY(m_dir.isValid());
    m_dovecot.setUser(u"alice"_s, u"alice-pw"_s);
    m_dovecot.setUser(u"bob"_s, u"bob-pw"_s);
    m_dovecot.setUser(u"dan"_s, u"dan-pw"_s);
    QString error;
    QVERIFY2(m_dovecot.start(&error), qPrintable(error));
    const QDateTime base(QDate(2026, 11, 3), QTime(10, 0), Qt::UTC);
    for (int i = 0; i < 2; ++i) {
        MailFactory::Message message = MailFactory::realistic(u"alice@corp.test"_s, i, base.addSecs(i * 60));
        message.body = u"Confidential body text %1: the pricing is 42 per seat."_s.arg(i);
        QVERIFY(m_dovecot.deliver(u"alice"_s, u"INBOX"_s, MailFactory::build(message)));
    }
    QVERIFY(m_dovecot.deliver(u"alice"_s, u"INBOX"_s, QByteArray())); // an empty message: an item failure
    QVERIFY(m_dovecot.createFolder(u"alice"_s, u"Sent"_s, &error));
    QVERIFY(m_dovecot.createFolder(u"alice"_s, u"Kunden/Müller"_s, &error));

    m_db = m_dir.filePath(u"node.db"_s);
    TestConfig config(m_dir.filePath(u"cfg"_s));
    config.addProfile(u"Corp IMAP"_s, m_dovecot, u"starttls"_s);
    config.addClosedPortProfile(u"Closed"_s, 1);
    config.addMailbox(u"alice@corp.test"_s, u"Corp IMAP"_s, u"alice"_s, u"alice-pw"_s);
    config.addMailbox(u"bob@corp.test"_s, u"Corp IMAP"_s, u"bob"_s, u"not-bobs-password"_s);
    config.addMailbox(u"carl@corp.test"_s, u"Closed"_s, u"carl"_s, u"carl-pw"_s);
    config.addMailbox(u"dan@corp.test"_s, u"Corp IMAP"_s, u"dan"_s, u"dan-pw"_s);
    config.setMailboxKey(u"dan@corp.test"_s, u"enabled"_s, false);
    config.addMailbox(u"eve@corp.test"_s, u"Corp IMAP"_s, u"eve"_s, u"eve-pw"_s);
    // A branch office whose server refuses both its mailboxes' passwords: a profile incident.
    config.addProfile(u"Branch IMAP"_s, m_dovecot, u"tls"_s);
    config.addMailbox(u"fay@branch.test"_s, u"Branch IMAP"_s, u"fay"_s, u"not-fays-password"_s);
    config.addMailbox(u"gus@branch.test"_s, u"Branch IMAP"_s, u"gus"_s, u"not-guss-password"_s);
    config.setMailboxKey(u"eve@corp.test"_s, u"enabled"_s, false);
    const NodeRun imported = node({u"config"_s, u"import"_s, config.write()});
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
}

void TestNodeDiagnostics::testMailboxPrintsEveryStep()
{
    const NodeRun run = node({u"test-mailbox"_s, u"alice@corp.test"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    for (const QString &step :
         {u"credentials"_s, u"dns"_s, u"connect"_s, u"tls"_s, u"capabilities"_s, u"login"_s, u"inbox"_s}) {
        QVERIFY2(run.out.contains(u"[ ok ] "_s + step), qPrintable(step + u"\n"_s + run.out));
    }
    // The certificate is described: subject, issuer and expiry.
    QVERIFY2(run.out.contains(u"certificate for localhost issued by SyncDesk Test CA, valid until 20"_s),
             qPrintable(run.out));
    QVERIFY2(run.out.contains(u"3 messages"_s), qPrintable(run.out));
    QVERIFY2(run.out.contains(u"Result: every step passed"_s), qPrintable(run.out));
    QVERIFY(!run.out.contains(u"alice-pw"_s));
}

void TestNodeDiagnostics::testMailboxListsTheServersFolders()
{
    NodeRun run = node({u"test-mailbox"_s, u"alice@corp.test"_s, u"--list-folders"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    QVERIFY2(run.out.contains(u"[ ok ] list"_s), qPrintable(run.out));
    QVERIFY2(!run.out.contains(u"[ ok ] inbox"_s), qPrintable(run.out));
    QVERIFY2(run.out.contains(u"Folders on the server:"_s), qPrintable(run.out));
    for (const QString &line : {u"  INBOX\n"_s, u"  Sent  (\\Sent)\n"_s, u"  Kunden/Müller\n"_s}) {
        QVERIFY2(run.out.contains(line), qPrintable(line + u"\n"_s + run.out));
    }

    const QJsonObject report =
        json({u"test-mailbox"_s, u"alice@corp.test"_s, u"--list-folders"_s, u"--json"_s}).object();
    QCOMPARE(report.value(u"ok"_s).toBool(), true);
    QStringList names;
    for (const QJsonValue &folder : report.value(u"folders"_s).toArray()) {
        names.append(folder.toObject().value(u"name"_s).toString());
    }
    QVERIFY2(names.contains(u"Kunden/Müller"_s), qPrintable(names.join(u", "_s)));
    QCOMPARE(report.value(u"folders_truncated"_s).toBool(), false);

    // The wrong password: no folders, the login's failure and hint.
    run = node({u"test-mailbox"_s, u"bob@corp.test"_s, u"--list-folders"_s});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.contains(u"FAILED at login"_s), qPrintable(run.out));
    QVERIFY(!run.out.contains(u"Folders on the server"_s));

    run = node({u"test-mailbox"_s, u"alice@corp.test"_s, u"--list-folders"_s, u"--enable"_s});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(u"cannot go with --list-folders"_s), qPrintable(run.err));
}

void TestNodeDiagnostics::testMailboxStopsAtTheFirstFailureWithItsHint()
{
    NodeRun run = node({u"test-mailbox"_s, u"bob@corp.test"_s});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.contains(u"[FAIL] login"_s), qPrintable(run.out));
    QVERIFY2(run.out.contains(u"hint [auth-failed]"_s), qPrintable(run.out));
    QVERIFY2(run.out.contains(u"AUTHENTICATIONFAILED"_s), qPrintable(run.out)); // the server's own words
    QVERIFY2(!run.out.contains(u"[ ok ] inbox"_s), qPrintable(run.out));
    QVERIFY(!run.out.contains(u"not-bobs-password"_s));

    run = node({u"test-mailbox"_s, u"carl@corp.test"_s});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.contains(u"[FAIL] connect"_s), qPrintable(run.out));
    QVERIFY2(run.out.contains(u"hint [connection-refused]"_s), qPrintable(run.out));

    run = node({u"test-mailbox"_s, u"nobody@corp.test"_s});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(u"no mailbox nobody@corp.test"_s), qPrintable(run.err));
}

void TestNodeDiagnostics::testMailboxJson()
{
    QJsonObject report = json({u"test-mailbox"_s, u"alice@corp.test"_s, u"--json"_s}).object();
    QCOMPARE(report.value(u"ok"_s).toBool(), true);
    QCOMPARE(report.value(u"mailbox"_s).toString(), u"alice@corp.test"_s);
    QVERIFY(report.value(u"error"_s).isNull());
    const QJsonArray steps = report.value(u"steps"_s).toArray();
    QStringList names;
    for (const QJsonValue &step : steps) {
        names.append(step.toObject().value(u"step"_s).toString());
        QCOMPARE(step.toObject().value(u"status"_s).toString(), u"passed"_s);
        QVERIFY(step.toObject().value(u"ms"_s).toInt(-1) >= 0);
    }
    QVERIFY2(names.contains(u"tls"_s) && names.contains(u"login"_s) && names.contains(u"inbox"_s),
             qPrintable(names.join(u',')));

    report = json({u"test-mailbox"_s, u"bob@corp.test"_s, u"--json"_s}).object();
    QCOMPARE(report.value(u"ok"_s).toBool(), false);
    const QJsonObject error = report.value(u"error"_s).toObject();
    QCOMPARE(error.value(u"class"_s).toString(), u"Auth"_s);
    QCOMPARE(error.value(u"hint_id"_s).toString(), u"auth-failed"_s);
    QCOMPARE(error.value(u"stage"_s).toString(), u"login"_s);
    QVERIFY(!error.value(u"hint"_s).toObject().value(u"remedy"_s).toArray().isEmpty());
    QCOMPARE(report.value(u"steps"_s).toArray().last().toObject().value(u"status"_s).toString(), u"failed"_s);
}

void TestNodeDiagnostics::testAndEnableOnlyWhenEveryStepPasses()
{
    // eve has no account on the server: the test fails and the mailbox stays disabled.
    NodeRun run = node({u"test-mailbox"_s, u"eve@corp.test"_s, u"--enable"_s});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.contains(u"not enabled"_s), qPrintable(run.out));
    QCOMPARE(statusOf(u"eve@corp.test"_s).value(u"enabled"_s).toBool(true), false);

    // dan's settings are right: every step passes and the mailbox is enabled.
    QCOMPARE(statusOf(u"dan@corp.test"_s).value(u"enabled"_s).toBool(true), false);
    const QJsonObject report = json({u"test-mailbox"_s, u"dan@corp.test"_s, u"--enable"_s, u"--json"_s}).object();
    QCOMPARE(report.value(u"ok"_s).toBool(), true);
    QCOMPARE(report.value(u"enabled_now"_s).toBool(), true);
    QCOMPARE(statusOf(u"dan@corp.test"_s).value(u"enabled"_s).toBool(false), true);
}

void TestNodeDiagnostics::alertsOnePerCauseAndAcknowledged()
{
    // carl's server refuses connections: a transient failure, so it stays enabled and fails every run.
    for (int i = 0; i < 3; ++i) {
        const NodeRun run = node({u"sync"_s, u"--once"_s, u"--mailbox"_s, u"carl@corp.test"_s});
        QCOMPARE(run.exitCode, 1);
    }
    QJsonArray alerts = json({u"alerts"_s, u"--json"_s}).array();
    QJsonArray carls;
    for (const QJsonValue &alert : std::as_const(alerts)) {
        if (alert.toObject().value(u"mailbox"_s).toString() == u"carl@corp.test"_s) {
            carls.append(alert);
        }
    }
    // One open alert for the cause, counting the repeats, not one per run.
    QCOMPARE(carls.size(), 1);
    QJsonObject alert = carls.at(0).toObject();
    QCOMPARE(alert.value(u"state"_s).toString(), u"open"_s);
    QCOMPARE(alert.value(u"hint_id"_s).toString(), u"connection-refused"_s);
    QCOMPARE(alert.value(u"occurrences"_s).toInt(), 3);
    QVERIFY(alert.value(u"acknowledged_at"_s).isNull());
    QVERIFY(!alert.value(u"severity"_s).toString().isEmpty());

    const QString id = QString::number(alert.value(u"id"_s).toInteger());
    NodeRun run = node({u"alerts"_s, u"ack"_s, id});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    alerts = json({u"alerts"_s, u"--json"_s}).array();
    bool found = false;
    for (const QJsonValue &value : std::as_const(alerts)) {
        if (QString::number(value.toObject().value(u"id"_s).toInteger()) == id) {
            found = true;
            QVERIFY(!value.toObject().value(u"acknowledged_at"_s).isNull());
        }
    }
    QVERIFY2(found, "an acknowledged alert stays listed until its cause is resolved");
    // Another failure does not raise it again.
    node({u"sync"_s, u"--once"_s, u"--mailbox"_s, u"carl@corp.test"_s});
    alerts = json({u"alerts"_s, u"--json"_s}).array();
    int open = 0;
    for (const QJsonValue &value : std::as_const(alerts)) {
        if (value.toObject().value(u"mailbox"_s).toString() == u"carl@corp.test"_s) {
            ++open;
            QVERIFY(!value.toObject().value(u"acknowledged_at"_s).isNull());
        }
    }
    QCOMPARE(open, 1);

    run = node({u"alerts"_s, u"ack"_s, u"99999"_s});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(u"no alert 99999"_s), qPrintable(run.err));
    run = node({u"alerts"_s, u"reenable"_s, id});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(u"not a server profile incident"_s), qPrintable(run.err));
}

void TestNodeDiagnostics::profileIncidentGroupsAndReenablesInOneAction()
{
    NodeRun run =
        node({u"sync"_s, u"--once"_s, u"--mailbox"_s, u"fay@branch.test"_s, u"--mailbox"_s, u"gus@branch.test"_s});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(statusOf(u"fay@branch.test"_s).value(u"enabled"_s).toBool(true), false);
    QCOMPARE(statusOf(u"gus@branch.test"_s).value(u"enabled"_s).toBool(true), false);

    // Both mailboxes of the profile failed within the hour: one profile alert groups them.
    QJsonObject incident;
    int mailboxAlerts = 0;
    for (const QJsonValue &value : json({u"alerts"_s, u"--json"_s}).array()) {
        const QJsonObject alert = value.toObject();
        if (alert.value(u"kind"_s).toString() == u"profile-outage"_s &&
            alert.value(u"profile"_s).toString() == u"Branch IMAP"_s) {
            incident = alert;
        } else if (alert.value(u"mailbox"_s).toString().endsWith(u"@branch.test"_s)) {
            ++mailboxAlerts;
        }
    }
    QVERIFY2(!incident.isEmpty(), "no profile incident");
    QCOMPARE(mailboxAlerts, 0); // their own alerts closed into the incident
    QCOMPARE(incident.value(u"severity"_s).toString(), u"error"_s);
    QCOMPARE(incident.value(u"mailboxes"_s).toArray().size(), 2);
    QCOMPARE(incident.value(u"disabled_by_incident"_s).toInt(), 2);

    // Once the cause is fixed, one action re-enables both.
    run = node({u"alerts"_s, u"reenable"_s, QString::number(incident.value(u"id"_s).toInteger())});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    QVERIFY2(run.out.contains(u"2"_s), qPrintable(run.out));
    QCOMPARE(statusOf(u"fay@branch.test"_s).value(u"enabled"_s).toBool(false), true);
    QCOMPARE(statusOf(u"gus@branch.test"_s).value(u"enabled"_s).toBool(false), true);
}

void TestNodeDiagnostics::failuresListedAndRetried()
{
    NodeRun run = node({u"sync"_s, u"--once"_s, u"--mailbox"_s, u"alice@corp.test"_s});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(u"1 item failed"_s), qPrintable(run.out));

    QJsonArray failures = json({u"failures"_s, u"--json"_s, u"--mailbox"_s, u"alice@corp.test"_s}).array();
    QCOMPARE(failures.size(), 1);
    QJsonObject failure = failures.at(0).toObject();
    QCOMPARE(failure.value(u"mailbox"_s).toString(), u"alice@corp.test"_s);
    QCOMPARE(failure.value(u"class"_s).toString(), u"Parse"_s);
    QCOMPARE(failure.value(u"hint_id"_s).toString(), u"message-parse"_s);
    QCOMPARE(failure.value(u"folder"_s).toString(), u"INBOX"_s);
    QCOMPARE(failure.value(u"uid"_s).toInt(), 3);
    QCOMPARE(failure.value(u"state"_s).toString(), u"failed"_s);
    QVERIFY(!failure.value(u"reason"_s).toString().isEmpty());
    // An empty message has no header: its sender and date are known to be unknown (null), never made up.
    QVERIFY(failure.contains(u"sender"_s) && failure.value(u"sender"_s).isNull());
    QVERIFY(failure.contains(u"message_date"_s) && failure.value(u"message_date"_s).isNull());

    run = node({u"failures"_s});
    QVERIFY2(run.out.contains(u"INBOX UID 3"_s) && run.out.contains(u"[message-parse]"_s), qPrintable(run.out));

    run = node({u"failures"_s, u"retry"_s, u"--mailbox"_s, u"alice@corp.test"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(u"1 failed item will"_s), qPrintable(run.out));
    failures = json({u"failures"_s, u"--json"_s}).array();
    QCOMPARE(failures.at(0).toObject().value(u"state"_s).toString(), u"retry"_s);

    // The retry fetches it again; it is still empty, so it fails again, with a second attempt counted.
    run = node({u"sync"_s, u"--once"_s, u"--mailbox"_s, u"alice@corp.test"_s});
    QVERIFY2(run.out.contains(u"0 new, 1 fetched, 1 item failed"_s), qPrintable(run.out));
    failures = json({u"failures"_s, u"--json"_s}).array();
    QCOMPARE(failures.size(), 1);
    QCOMPARE(failures.at(0).toObject().value(u"attempts"_s).toInt(), 2);
    QCOMPARE(failures.at(0).toObject().value(u"state"_s).toString(), u"failed"_s);
}

void TestNodeDiagnostics::verboseLogAndBundleWithoutSecrets()
{
    NodeRun run = node({u"mailbox"_s, u"verbose"_s, u"alice@corp.test"_s, u"on"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    run = node({u"mailbox"_s, u"verbose"_s, u"alice@corp.test"_s, u"loud"_s});
    QCOMPARE(run.exitCode, 2);

    // A new message makes the verbose sync download a body the bundle must not contain.
    MailFactory::Message message = MailFactory::realistic(u"alice@corp.test"_s, 9, QDateTime::currentDateTimeUtc());
    message.body = u"Secret merger plans for the third quarter."_s;
    QVERIFY(m_dovecot.deliver(u"alice"_s, u"INBOX"_s, MailFactory::build(message)));
    run = node({u"sync"_s, u"--once"_s, u"--mailbox"_s, u"alice@corp.test"_s});
    QVERIFY2(run.out.contains(u"alice@corp.test: ok, 1 new"_s), qPrintable(run.out + run.err));

    const QString path = m_dir.filePath(u"bundle.json"_s);
    run = node({u"diagnostics"_s, u"alice@corp.test"_s, u"--output"_s, path});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    const QJsonObject bundle = QJsonDocument::fromJson(bytes).object();
    QCOMPARE(bundle.value(u"format"_s).toString(), u"syncdesk-diagnostic-bundle"_s);
    QCOMPARE(bundle.value(u"mailbox"_s).toObject().value(u"address"_s).toString(), u"alice@corp.test"_s);
    QCOMPARE(bundle.value(u"mailbox"_s).toObject().value(u"verbose_log"_s).toBool(), true);
    QVERIFY(!bundle.value(u"recent_runs"_s).toArray().isEmpty());
    QCOMPARE(bundle.value(u"item_failures"_s).toArray().size(), 1);
    // The verbose log holds the protocol trace (debug records) of this mailbox only.
    const QJsonArray log = bundle.value(u"log"_s).toArray();
    int debug = 0;
    for (const QJsonValue &record : log) {
        if (record.toObject().value(u"level"_s).toString() == u"debug"_s) {
            ++debug;
        }
        const QString mailbox = record.toObject().value(u"mailbox"_s).toString();
        QVERIFY2(mailbox.isEmpty() || mailbox == u"alice@corp.test"_s, qPrintable(mailbox));
    }
    QVERIFY2(debug > 0, "the verbose log has no debug records");
    // Nothing secret or private: no password, no message body.
    QVERIFY(!bytes.contains("alice-pw"));
    QVERIFY(!bytes.contains("not-bobs-password"));
    QVERIFY(!bytes.contains("Secret merger plans"));
    QVERIFY(!bytes.contains("Confidential body text"));

    run = node({u"mailbox"_s, u"verbose"_s, u"alice@corp.test"_s, u"off"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
}

QTEST_GUILESS_MAIN(TestNodeDiagnostics)
#include "tst_nodediagnostics.moc"

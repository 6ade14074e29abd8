// The connection test ("Test connection", `syncdesk-node test-mailbox`) step by step against real Dovecots: a
// good IMAP (STARTTLS and TLS) and POP3 mailbox passes every step with the certificate's details; each kind of
// failure stops at its own step with its class and hint (wrong password, untrusted certificate, closed port,
// plaintext login refused, missing folder, unknown host, unreadable password). The SMTP steps run against
// Dovecot's real submission service, and against the scripted fake server for what a test setup sharing one
// password database cannot produce (SMTP refusing a password IMAP accepted, no STARTTLS). Cancel stops at once.

#include "diagnostics/connectiontest.h"
#include "dovecotserver.h"
#include "fakeserver.h"
#include "mailfactory.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace SyncDesk;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

class TestConnectionTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void imapStartTlsPassesEveryStep();
    void imapImplicitTlsPasses();
    void pop3Passes();
    void pop3LoginDelayIsShown();
    void wrongPasswordStopsAtLogin();
    void untrustedCertificateStopsAtTls();
    void closedPortStopsAtConnect();
    void plaintextLoginRefused();
    void missingFolder();
    void unknownHost();
    void unreadablePassword();
    void smtpAgainstDovecotSubmission();
    void smtpStepsPass();
    void smtpWrongPassword();
    void smtpWithoutStartTls();
    void cancelStopsAtOnce();
    void listsTheServersFolders();
    void pop3ListsItsOneFolder();
    void listingWithAWrongPasswordStopsAtLogin();

private:
    Mailbox mailbox(const QString &password, const QStringList &folders = {u"INBOX"_s});
    ServerProfile imapProfile(const DovecotServer &server, Security security);
    ConnectionTestReport run(const Mailbox &mailbox, const ServerProfile &profile, QList<QString> *started = nullptr,
                             ConnectionTestOptions options = {});
    static QStringList stepIds(const ConnectionTestReport &report);
    static void expectFailure(const ConnectionTestReport &report, const QString &step, ErrorClass errorClass,
                              const QString &hint);

    std::unique_ptr<DovecotServer> m_dovecot;
    std::unique_ptr<DovecotServer> m_selfSigned;
    std::unique_ptr<DovecotServer> m_strict;
    int m_passwords = 0;
};

void TestConnectionTest::initTestCase()
{
    if (!DovecotServer::isAvailable()) {
        QSKIP("dovecot is not installed: run scripts/test.sh, which installs it");
    }
    QString error;
    m_dovecot = std::make_unique<DovecotServer>();
    m_dovecot->setUser(u"alice"_s, u"alice-pw"_s);
    QVERIFY2(m_dovecot->start(&error), qPrintable(error));
    const QDateTime base(QDate(2026, 10, 1), QTime(8, 30), Qt::UTC);
    for (int i = 0; i < 3; ++i) {
        QVERIFY(m_dovecot->deliver(u"alice"_s, u"INBOX"_s,
                                   MailFactory::build(MailFactory::realistic(u"alice@corp.test"_s, i, base))));
    }
    QVERIFY(m_dovecot->createFolder(u"alice"_s, u"Customers"_s, &error));
    QVERIFY(m_dovecot->createFolder(u"alice"_s, u"Sent"_s, &error));
    QVERIFY(m_dovecot->createFolder(u"alice"_s, u"Projekte/Ärger"_s, &error));

    DovecotServer::Options selfSigned;
    selfSigned.certificate = DovecotServer::Certificate::SelfSigned;
    m_selfSigned = std::make_unique<DovecotServer>(selfSigned);
    m_selfSigned->setUser(u"alice"_s, u"alice-pw"_s);
    QVERIFY2(m_selfSigned->start(&error), qPrintable(error));

    DovecotServer::Options strict;
    strict.allowPlaintextAuth = false;
    m_strict = std::make_unique<DovecotServer>(strict);
    m_strict->setUser(u"alice"_s, u"alice-pw"_s);
    QVERIFY2(m_strict->start(&error), qPrintable(error));
}

Mailbox TestConnectionTest::mailbox(const QString &password, const QStringList &folders)
{
    const QByteArray variable = "SYNCDESK_TEST_CT_PASSWORD_" + QByteArray::number(++m_passwords);
    qputenv(variable.constData(), password.toUtf8());
    Mailbox box;
    box.id = 1;
    box.address = u"alice@corp.test"_s;
    box.username = u"alice"_s;
    box.passwordSource = u"env:"_s + QString::fromLatin1(variable);
    box.folders = folders;
    return box;
}

ServerProfile TestConnectionTest::imapProfile(const DovecotServer &server, Security security)
{
    ServerProfile profile;
    profile.name = u"Corp"_s;
    profile.incoming.protocol = MailProtocol::Imap;
    profile.incoming.host = server.host();
    profile.incoming.port = security == Security::Tls ? server.imapsPort() : server.imapPort();
    profile.incoming.security = security;
    profile.incoming.caFile = security == Security::None ? QString() : server.caFile();
    return profile;
}

ConnectionTestReport TestConnectionTest::run(const Mailbox &box, const ServerProfile &profile, QList<QString> *started,
                                             ConnectionTestOptions options)
{
    options.connectTimeoutMs = 10000;
    options.commandTimeoutMs = 10000;
    ConnectionTest test(box, profile, options);
    QSignalSpy finished(&test, &ConnectionTest::finished);
    QSignalSpy steps(&test, &ConnectionTest::stepStarted);
    test.start();
    if (!finished.wait(30000)) {
        return {};
    }
    if (started) {
        for (const QList<QVariant> &arguments : std::as_const(steps)) {
            started->append(arguments.at(0).value<ConnectionStep>().id);
        }
    }
    return finished.at(0).at(0).value<ConnectionTestReport>();
}

QStringList TestConnectionTest::stepIds(const ConnectionTestReport &report)
{
    QStringList ids;
    for (const ConnectionStep &step : report.steps) {
        ids.append(step.id);
    }
    return ids;
}

void TestConnectionTest::expectFailure(const ConnectionTestReport &report, const QString &step, ErrorClass errorClass,
                                       const QString &hint)
{
    QVERIFY(!report.steps.isEmpty());
    QVERIFY(!report.passed());
    QVERIFY(report.error.has_value());
    const ConnectionStep &last = report.steps.constLast();
    QCOMPARE(last.id, step);
    QCOMPARE(last.status, ConnectionStep::Status::Failed);
    QVERIFY(last.error.has_value());
    QCOMPARE(errorClassName(last.error->errorClass), errorClassName(errorClass));
    QCOMPARE(last.error->hintId, hint);
    QCOMPARE(*report.error, *last.error);
    for (qsizetype i = 0; i + 1 < report.steps.size(); ++i) {
        QCOMPARE(report.steps.at(i).status, ConnectionStep::Status::Passed);
    }
    // The JSON says the same.
    const QJsonObject json = report.toJson();
    QCOMPARE(json.value(u"ok"_s).toBool(), false);
    QCOMPARE(json.value(u"error"_s).toObject().value(u"hint_id"_s).toString(), hint);
    QCOMPARE(json.value(u"error"_s).toObject().value(u"hint"_s).toObject().value(u"id"_s).toString(), hint);
    QVERIFY(!json.value(u"error"_s).toObject().value(u"hint"_s).toObject().value(u"remedy"_s).toArray().isEmpty());
    QCOMPARE(json.value(u"steps"_s).toArray().last().toObject().value(u"status"_s).toString(), u"failed"_s);
}

void TestConnectionTest::imapStartTlsPassesEveryStep()
{
    QList<QString> started;
    const ConnectionTestReport report = run(mailbox(u"alice-pw"_s, {u"INBOX"_s, u"Customers"_s}),
                                            imapProfile(*m_dovecot, Security::StartTls), &started);
    QVERIFY2(report.passed(), report.error ? qPrintable(report.error->toString()) : "no report");
    const QStringList expected{u"credentials"_s,  u"dns"_s,   u"connect"_s, u"tls"_s,
                               u"capabilities"_s, u"login"_s, u"inbox"_s,   u"folders"_s};
    QCOMPARE(stepIds(report), expected);
    QCOMPARE(started, expected); // announced as they started, in order
    for (const ConnectionStep &step : report.steps) {
        QCOMPARE(step.status, ConnectionStep::Status::Passed);
        QVERIFY(step.ms >= 0);
        QVERIFY2(!step.detail.isEmpty(), qPrintable(step.id));
    }
    const ConnectionStep &tls = report.steps.at(3);
    QVERIFY(tls.data.value(u"protocol"_s).toString().startsWith(u"TLSv1."_s));
    QVERIFY2(!tls.data.value(u"subject"_s).toString().isEmpty(), qPrintable(tls.detail));
    QVERIFY(!tls.data.value(u"issuer"_s).toString().isEmpty());
    QVERIFY(QDateTime::fromString(tls.data.value(u"expires_at"_s).toString(), Qt::ISODate) >
            QDateTime::currentDateTimeUtc());
    QVERIFY(report.steps.at(4).data.value(u"encrypted"_s).toBool());
    QVERIFY(report.steps.at(4).data.value(u"capabilities"_s).toArray().contains(u"IMAP4REV1"_s));
    QVERIFY(report.steps.at(5).detail.contains(u"AUTHENTICATE PLAIN"_s));
    QCOMPARE(report.steps.at(6).data.value(u"messages"_s).toInteger(), 3);
    QCOMPARE(report.steps.at(7).data.value(u"folders"_s).toObject().value(u"Customers"_s).toInteger(), 0);
    const QJsonObject json = report.toJson();
    QCOMPARE(json.value(u"ok"_s).toBool(), true);
    QCOMPARE(json.value(u"protocol"_s).toString(), u"imap"_s);
    QCOMPARE(json.value(u"steps"_s).toArray().size(), expected.size());
    QVERIFY(json.value(u"error"_s).isNull());
}

void TestConnectionTest::imapImplicitTlsPasses()
{
    const ConnectionTestReport report = run(mailbox(u"alice-pw"_s), imapProfile(*m_dovecot, Security::Tls));
    QVERIFY2(report.passed(), report.error ? qPrintable(report.error->toString()) : "no report");
    QCOMPARE(stepIds(report), (QStringList{u"credentials"_s, u"dns"_s, u"connect"_s, u"tls"_s, u"capabilities"_s,
                                           u"login"_s, u"inbox"_s}));
}

void TestConnectionTest::pop3Passes()
{
    ServerProfile profile = imapProfile(*m_dovecot, Security::Tls);
    profile.incoming.protocol = MailProtocol::Pop3;
    profile.incoming.port = m_dovecot->pop3sPort();
    const ConnectionTestReport report = run(mailbox(u"alice-pw"_s), profile);
    QVERIFY2(report.passed(), report.error ? qPrintable(report.error->toString()) : "no report");
    QCOMPARE(report.protocol, u"pop3"_s);
    QCOMPARE(stepIds(report), (QStringList{u"credentials"_s, u"dns"_s, u"connect"_s, u"tls"_s, u"capabilities"_s,
                                           u"login"_s, u"inbox"_s}));
    QCOMPARE(report.steps.constLast().data.value(u"messages"_s).toInteger(), 3);
    QVERIFY(report.steps.at(4).data.value(u"capabilities"_s).toArray().contains(u"UIDL"_s));
}

void TestConnectionTest::pop3LoginDelayIsShown()
{
    // LOGIN-DELAY and UTF8 (which Dovecot does not announce) from the scripted server: the test names
    // the delay where the capabilities are shown and again after login, where the per-user value counts.
    FakeServer pop3;
    QVERIFY(pop3.listen());
    pop3.addScenario(u"S: +OK ready\nC: CAPA\nS: +OK\nS: USER\nS: UIDL\nS: UTF8\nS: LOGIN-DELAY 300 USER\nS: .\n"
                     "C: UTF8\nS: +OK\nC: USER alice\nS: +OK\nC: PASS secret\nS: +OK\n"
                     "C: CAPA\nS: +OK\nS: UIDL\nS: LOGIN-DELAY 900\nS: .\n"
                     "C: STAT\nS: +OK 0 0\nC: QUIT\nS: +OK bye\n"_s);
    ServerProfile profile;
    profile.name = u"Fake"_s;
    profile.incoming = Endpoint{MailProtocol::Pop3, u"127.0.0.1"_s, pop3.port(), Security::None, {}};
    const ConnectionTestReport report = run(mailbox(u"secret"_s), profile);
    QVERIFY2(report.passed(), report.error ? qPrintable(report.error->toString()) : "no report");
    QVERIFY2(pop3.failures().isEmpty(), qPrintable(pop3.failures().join(u'\n')));
    const QStringList ids = stepIds(report);
    const ConnectionStep &capabilities = report.steps.at(ids.indexOf(u"capabilities"_s));
    QCOMPARE(capabilities.data.value(u"login_delay_seconds"_s).toInt(), 300);
    QVERIFY2(capabilities.detail.contains(u"LOGIN-DELAY"_s), qPrintable(capabilities.detail));
    const ConnectionStep &login = report.steps.at(ids.indexOf(u"login"_s));
    QCOMPARE(login.data.value(u"login_delay_seconds"_s).toInt(), 900);
    QCOMPARE(login.data.value(u"utf8"_s).toBool(), true);
    QVERIFY2(login.detail.contains(u"900 s"_s), qPrintable(login.detail));
}

void TestConnectionTest::wrongPasswordStopsAtLogin()
{
    const ConnectionTestReport report =
        run(mailbox(u"not-alices-password"_s), imapProfile(*m_dovecot, Security::StartTls));
    expectFailure(report, u"login"_s, ErrorClass::Auth, u"auth-failed"_s);
    QCOMPARE(report.error->stage, ErrorStage::Login);
    QVERIFY(!report.error->transient);
}

void TestConnectionTest::untrustedCertificateStopsAtTls()
{
    for (Security security : {Security::Tls, Security::StartTls}) {
        const ConnectionTestReport report = run(mailbox(u"alice-pw"_s), imapProfile(*m_selfSigned, security));
        expectFailure(report, u"tls"_s, ErrorClass::Tls, u"tls-untrusted"_s);
        QCOMPARE(report.error->stage, ErrorStage::Tls);
        // Which certificate was refused is in the detail.
        QVERIFY2(report.error->detail.contains(u"certificate subject"_s), qPrintable(report.error->detail));
    }
    QVERIFY(!m_selfSigned->log().contains(u"user=<alice>"_s)); // no password went out
}

void TestConnectionTest::closedPortStopsAtConnect()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close(); // nothing listens there now
    ServerProfile profile = imapProfile(*m_dovecot, Security::Tls);
    profile.incoming.host = u"127.0.0.1"_s;
    profile.incoming.port = port;
    const ConnectionTestReport report = run(mailbox(u"alice-pw"_s), profile);
    expectFailure(report, u"connect"_s, ErrorClass::Network, u"connection-refused"_s);
    QCOMPARE(report.error->stage, ErrorStage::Connect);
    QCOMPARE(report.steps.at(1).detail, u"127.0.0.1 is an IP address: no lookup needed"_s);
}

void TestConnectionTest::plaintextLoginRefused()
{
    const ConnectionTestReport report = run(mailbox(u"alice-pw"_s), imapProfile(*m_strict, Security::None));
    expectFailure(report, u"login"_s, ErrorClass::Auth, u"login-disabled"_s);
    QVERIFY2(report.steps.at(3).data.value(u"capabilities"_s).toArray().contains(u"LOGINDISABLED"_s),
             qPrintable(report.steps.at(3).detail));
    QVERIFY(!m_strict->log().contains(u"user=<alice>"_s));
}

void TestConnectionTest::missingFolder()
{
    const ConnectionTestReport report = run(mailbox(u"alice-pw"_s, {u"INBOX"_s, u"Customers"_s, u"Archive/2019"_s}),
                                            imapProfile(*m_dovecot, Security::StartTls));
    expectFailure(report, u"folders"_s, ErrorClass::ServerNo, u"folder-missing"_s);
    QVERIFY2(report.error->message.contains(u"Archive/2019"_s), qPrintable(report.error->message));
    QCOMPARE(report.error->stage, ErrorStage::Folder);
}

void TestConnectionTest::unknownHost()
{
    ServerProfile profile = imapProfile(*m_dovecot, Security::Tls);
    profile.incoming.host = u"imap.does-not-exist.invalid"_s;
    const ConnectionTestReport report = run(mailbox(u"alice-pw"_s), profile);
    expectFailure(report, u"dns"_s, ErrorClass::Network, u"host-not-found"_s);
    QCOMPARE(report.error->stage, ErrorStage::Dns);
}

void TestConnectionTest::unreadablePassword()
{
    Mailbox box = mailbox(u"alice-pw"_s);
    box.passwordSource = u"file:/nonexistent/syncdesk/alice.password"_s;
    const ConnectionTestReport report = run(box, imapProfile(*m_dovecot, Security::Tls));
    expectFailure(report, u"credentials"_s, ErrorClass::Config, u"password-unavailable"_s);
    QCOMPARE(report.steps.size(), 1); // nothing went to the network
}

namespace {

const QString kSmtpGreeting = u"S: 220 smtp.corp.test ESMTP ready\n"
                              "C: EHLO *\n"
                              "S: 250-smtp.corp.test\n"
                              "S: 250-PIPELINING\n"
                              "S: 250-SIZE 35882577\n"
                              "S: 250 AUTH PLAIN LOGIN\n"_s;

// AUTH PLAIN of "alice" / "alice-pw".
const QString kSmtpAuth = u"C: AUTH PLAIN AGFsaWNlAGFsaWNlLXB3\n"_s;

} // namespace

void TestConnectionTest::smtpAgainstDovecotSubmission()
{
    // A real SMTP submission service (Dovecot's): STARTTLS with the certificate of the private CA, then AUTH.
    if (!m_dovecot->submissionPort()) {
        QSKIP("dovecot-submissiond is not installed: run scripts/test.sh, which installs it");
    }
    ServerProfile profile = imapProfile(*m_dovecot, Security::Tls);
    profile.outgoing = Endpoint{MailProtocol::Smtp, m_dovecot->host(), m_dovecot->submissionPort(), Security::StartTls,
                                m_dovecot->caFile()};
    const ConnectionTestReport report = run(mailbox(u"alice-pw"_s), profile);
    QVERIFY2(report.passed(), report.error ? qPrintable(report.error->toString()) : "no report");
    const QStringList ids = stepIds(report);
    QVERIFY2(ids.contains(u"smtp-tls"_s) && ids.constLast() == u"smtp-auth"_s, qPrintable(ids.join(u',')));
    for (const ConnectionStep &step : report.steps) {
        if (step.id == u"smtp-tls"_s) {
            QVERIFY2(step.detail.contains(u"issued by SyncDesk Test CA"_s), qPrintable(step.detail));
        }
        if (step.id == u"smtp-ehlo"_s) {
            QVERIFY2(step.data.value(u"greeting"_s).toString().contains(u"smtp.syncdesk.test"_s),
                     qPrintable(step.data.value(u"greeting"_s).toString()));
        }
    }
    QTRY_VERIFY_WITH_TIMEOUT(m_dovecot->log().contains(u"submission-login: Info: Login: user=<alice>"_s), 5000);
}

void TestConnectionTest::smtpStepsPass()
{
    FakeServer smtp;
    QVERIFY(smtp.listen());
    smtp.addScenario(kSmtpGreeting + kSmtpAuth + u"S: 235 2.7.0 Authentication successful\nC: QUIT\nS: 221 bye\n"_s);
    ServerProfile profile = imapProfile(*m_dovecot, Security::StartTls);
    profile.outgoing = Endpoint{MailProtocol::Smtp, u"127.0.0.1"_s, smtp.port(), Security::None, {}};
    const ConnectionTestReport report = run(mailbox(u"alice-pw"_s), profile);
    QVERIFY2(report.passed(), report.error ? qPrintable(report.error->toString()) : "no report");
    QCOMPARE(stepIds(report).mid(7), (QStringList{u"smtp-dns"_s, u"smtp-connect"_s, u"smtp-ehlo"_s, u"smtp-auth"_s}));
    const ConnectionStep &ehlo = report.steps.at(9);
    QVERIFY(ehlo.data.value(u"capabilities"_s).toArray().contains(u"AUTH=PLAIN"_s));
    QVERIFY(ehlo.data.value(u"greeting"_s).toString().contains(u"smtp.corp.test"_s));
    QCOMPARE(report.steps.constLast().data.value(u"method"_s).toString(), u"AUTH PLAIN"_s);
    QVERIFY2(smtp.failures().isEmpty(), qPrintable(smtp.failures().join(u'\n')));
    QTRY_COMPARE(smtp.completedScenarios(), 1);
}

void TestConnectionTest::smtpWrongPassword()
{
    FakeServer smtp;
    QVERIFY(smtp.listen());
    smtp.addScenario(kSmtpGreeting + kSmtpAuth + u"S: 535 5.7.8 Error: authentication failed\nC: QUIT\nS: 221 bye\n"_s);
    ServerProfile profile = imapProfile(*m_dovecot, Security::Tls);
    profile.outgoing = Endpoint{MailProtocol::Smtp, u"127.0.0.1"_s, smtp.port(), Security::None, {}};
    const ConnectionTestReport report = run(mailbox(u"alice-pw"_s), profile);
    expectFailure(report, u"smtp-auth"_s, ErrorClass::Auth, u"auth-failed"_s);
    QCOMPARE(report.error->stage, ErrorStage::Send);
    QVERIFY(report.error->detail.contains(u"535"_s));
}

void TestConnectionTest::smtpWithoutStartTls()
{
    FakeServer smtp;
    QVERIFY(smtp.listen());
    smtp.addScenario(kSmtpGreeting + u"C: QUIT\nS: 221 bye\n"_s);
    ServerProfile profile = imapProfile(*m_dovecot, Security::Tls);
    profile.outgoing = Endpoint{MailProtocol::Smtp, u"127.0.0.1"_s, smtp.port(), Security::StartTls, {}};
    const ConnectionTestReport report = run(mailbox(u"alice-pw"_s), profile);
    expectFailure(report, u"smtp-tls"_s, ErrorClass::Tls, u"starttls-not-offered"_s);
    // Never a password in clear text to a server that would not encrypt.
    for (const QByteArray &line : smtp.received()) {
        QVERIFY2(!line.startsWith("AUTH"), line.constData());
    }
}

void TestConnectionTest::cancelStopsAtOnce()
{
    FakeServer silent;
    QVERIFY(silent.listen());
    silent.addScenario(u"# accepts the connection and never greets\n"_s);
    ServerProfile profile = imapProfile(*m_dovecot, Security::None);
    profile.incoming.host = u"127.0.0.1"_s;
    profile.incoming.port = silent.port();
    ConnectionTest test(mailbox(u"alice-pw"_s), profile);
    QSignalSpy finished(&test, &ConnectionTest::finished);
    QSignalSpy steps(&test, &ConnectionTest::stepStarted);
    test.start();
    QTRY_VERIFY(std::any_of(steps.cbegin(), steps.cend(), [](const QList<QVariant> &arguments) {
        return arguments.at(0).value<ConnectionStep>().id == u"capabilities"_s;
    }));
    QVERIFY(finished.isEmpty());
    test.cancel();
    QCOMPARE(finished.size(), 1); // at once, without waiting for the server
    const ConnectionTestReport report = finished.at(0).at(0).value<ConnectionTestReport>();
    QVERIFY(report.cancelled);
    QVERIFY(!report.passed());
    QVERIFY(!report.error.has_value());
    QCOMPARE(report.steps.constLast().status, ConnectionStep::Status::Skipped);
    QVERIFY(test.isFinished());
    test.cancel(); // twice is harmless
    QCOMPARE(finished.size(), 1);
}

void TestConnectionTest::listsTheServersFolders()
{
    ConnectionTestOptions options;
    options.listFolders = true;
    ServerProfile profile = imapProfile(*m_dovecot, Security::StartTls);
    profile.outgoing = profile.incoming; // never tested while listing
    profile.outgoing->protocol = MailProtocol::Smtp;
    const ConnectionTestReport report = run(mailbox(u"alice-pw"_s), profile, nullptr, options);
    QVERIFY2(report.passed(), qPrintable(report.error ? report.error->message : QString()));
    QCOMPARE(stepIds(report), QStringList({u"credentials"_s, u"dns"_s, u"connect"_s, u"tls"_s, u"capabilities"_s,
                                           u"login"_s, u"list"_s}));
    QVERIFY(report.folders);
    QHash<QString, ServerFolder> byName;
    for (const ServerFolder &folder : *report.folders) {
        byName.insert(folder.name, folder);
    }
    for (const QString &name : {u"INBOX"_s, u"Customers"_s, u"Sent"_s, u"Projekte"_s, u"Projekte/Ärger"_s}) {
        QVERIFY2(byName.contains(name), qPrintable(name));
    }
    QCOMPARE(byName.value(u"Sent"_s).specialUse, u"\\Sent"_s);
    QCOMPARE(byName.value(u"Projekte/Ärger"_s).delimiter, u"/"_s);
    QVERIFY(byName.value(u"INBOX"_s).selectable);
    QCOMPARE(report.foldersTruncated, false);
    const QJsonObject json = report.toJson();
    QCOMPARE(json.value(u"folders"_s).toArray().size(), report.folders->size());
    QCOMPARE(json.value(u"folders_truncated"_s).toBool(), false);

    // A bound below the server's count: the first ones, and the report says there are more.
    options.maxFolders = 2;
    const ConnectionTestReport cut = run(mailbox(u"alice-pw"_s), profile, nullptr, options);
    QVERIFY(cut.passed());
    QVERIFY(cut.folders);
    QCOMPARE(cut.folders->size(), 2);
    QCOMPARE(cut.foldersTruncated, true);
    QVERIFY2(cut.steps.constLast().detail.contains(u"more"_s), qPrintable(cut.steps.constLast().detail));
}

void TestConnectionTest::pop3ListsItsOneFolder()
{
    ServerProfile profile = imapProfile(*m_dovecot, Security::StartTls);
    profile.incoming.protocol = MailProtocol::Pop3;
    profile.incoming.port = m_dovecot->pop3Port();
    ConnectionTestOptions options;
    options.listFolders = true;
    const ConnectionTestReport report = run(mailbox(u"alice-pw"_s), profile, nullptr, options);
    QVERIFY2(report.passed(), qPrintable(report.error ? report.error->message : QString()));
    QCOMPARE(stepIds(report).constLast(), u"list"_s);
    QVERIFY(!stepIds(report).contains(u"inbox"_s));
    QVERIFY(report.folders);
    QCOMPARE(report.folders->size(), 1);
    QCOMPARE(report.folders->constFirst().name, u"INBOX"_s);
}

void TestConnectionTest::listingWithAWrongPasswordStopsAtLogin()
{
    ConnectionTestOptions options;
    options.listFolders = true;
    const ConnectionTestReport report =
        run(mailbox(u"wrong"_s), imapProfile(*m_dovecot, Security::StartTls), nullptr, options);
    expectFailure(report, u"login"_s, ErrorClass::Auth, u"auth-failed"_s);
    QVERIFY(!report.folders);
}

QTEST_GUILESS_MAIN(TestConnectionTest)
#include "tst_connectiontest.moc"

// Certificates that must be refused, against real Dovecot servers: self-signed (untrusted), expired and
// issued for another host name, each over implicit TLS and over STARTTLS/STLS, IMAP and POP3. Each is
// refused with the Tls class and its own hint, before any password is sent.

#include "dovecotserver.h"
#include "store/store.h"
#include "synchelper.h"

#include <QTemporaryDir>
#include <QTest>

using namespace SyncDesk;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

class TestTlsVerification : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void refused_data();
    void refused();
    void trustedCertificateIsAccepted_data();
    void trustedCertificateIsAccepted();

private:
    DovecotServer *server(const QString &name);

    std::map<QString, std::unique_ptr<DovecotServer>> m_servers;
    QTemporaryDir m_dir;
};

void TestTlsVerification::initTestCase()
{
    if (!DovecotServer::isAvailable()) {
        QSKIP("dovecot is not installed: run scripts/test.sh, which installs it");
    }
    QVERIFY(m_dir.isValid());
    const std::pair<QString, DovecotServer::Certificate> kinds[] = {
        {u"trusted"_s, DovecotServer::Certificate::Trusted},
        {u"self-signed"_s, DovecotServer::Certificate::SelfSigned},
        {u"wrong-host"_s, DovecotServer::Certificate::WrongHost},
        {u"expired"_s, DovecotServer::Certificate::Expired},
    };
    for (const auto &[name, certificate] : kinds) {
        DovecotServer::Options options;
        options.certificate = certificate;
        auto server = std::make_unique<DovecotServer>(options);
        server->setUser(u"alice"_s, u"secret-alice"_s);
        QString error;
        QVERIFY2(server->start(&error), qPrintable(name + u": "_s + error));
        m_servers.emplace(name, std::move(server));
    }
}

DovecotServer *TestTlsVerification::server(const QString &name)
{
    const auto it = m_servers.find(name);
    return it == m_servers.end() ? nullptr : it->second.get();
}

void TestTlsVerification::refused_data()
{
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QString>("protocol");
    QTest::addColumn<QString>("security");
    QTest::addColumn<QString>("hint");
    for (const QString &protocol : {u"imap"_s, u"pop3"_s}) {
        for (const QString &security : {u"tls"_s, u"starttls"_s}) {
            const QString where = protocol + u" "_s + security;
            QTest::addRow("self-signed, %s", qPrintable(where))
                << u"self-signed"_s << protocol << security << u"tls-untrusted"_s;
            QTest::addRow("expired, %s", qPrintable(where)) << u"expired"_s << protocol << security << u"tls-expired"_s;
            QTest::addRow("wrong host, %s", qPrintable(where))
                << u"wrong-host"_s << protocol << security << u"tls-hostname"_s;
        }
    }
}

void TestTlsVerification::refused()
{
    QFETCH(QString, certificate);
    QFETCH(QString, protocol);
    QFETCH(QString, security);
    QFETCH(QString, hint);
    DovecotServer *dovecot = server(certificate);
    QVERIFY(dovecot);
    Endpoint incoming;
    incoming.protocol = protocol == u"imap"_s ? MailProtocol::Imap : MailProtocol::Pop3;
    incoming.host = dovecot->host();
    const bool implicit = security == u"tls"_s;
    incoming.security = implicit ? Security::Tls : Security::StartTls;
    if (incoming.protocol == MailProtocol::Imap) {
        incoming.port = implicit ? dovecot->imapsPort() : dovecot->imapPort();
    } else {
        incoming.port = implicit ? dovecot->pop3sPort() : dovecot->pop3Port();
    }
    // The private CA is trusted: only what is wrong with the certificate itself makes it fail.
    incoming.caFile = dovecot->caFile();
    const StoreConfig store = StoreConfig::sqlite(m_dir.filePath(u"tls.db"_s));
    std::optional<SyncJob> job = SyncHelper::makeJob(store, incoming, u"alice"_s, u"secret-alice"_s);
    QVERIFY(job);
    job->tuning.connectTimeoutMs = 10000;
    job->tuning.commandTimeoutMs = 10000;
    const std::optional<SyncOutcome> outcome = SyncHelper::runJob(store, *job);
    QVERIFY(outcome);
    QVERIFY2(outcome->error.has_value(), "the certificate was accepted");
    QCOMPARE(errorClassName(outcome->error->errorClass), u"Tls"_s);
    QCOMPARE(outcome->error->hintId, hint);
    QVERIFY(!outcome->error->transient);
    // No password went to the server: Dovecot logged no login of alice.
    QVERIFY2(!dovecot->log().contains(u"user=<alice>"_s), qPrintable(dovecot->log().right(2000)));
}

void TestTlsVerification::trustedCertificateIsAccepted_data()
{
    QTest::addColumn<QString>("protocol");
    QTest::addColumn<QString>("security");
    QTest::newRow("imap tls") << u"imap"_s << u"tls"_s;
    QTest::newRow("imap starttls") << u"imap"_s << u"starttls"_s;
    QTest::newRow("pop3 tls") << u"pop3"_s << u"tls"_s;
    QTest::newRow("pop3 starttls") << u"pop3"_s << u"starttls"_s;
}

void TestTlsVerification::trustedCertificateIsAccepted()
{
    // The control: the same client settings against the server with the good certificate work.
    QFETCH(QString, protocol);
    QFETCH(QString, security);
    DovecotServer *dovecot = server(u"trusted"_s);
    QVERIFY(dovecot);
    Endpoint incoming;
    incoming.protocol = protocol == u"imap"_s ? MailProtocol::Imap : MailProtocol::Pop3;
    incoming.host = dovecot->host();
    const bool implicit = security == u"tls"_s;
    incoming.security = implicit ? Security::Tls : Security::StartTls;
    if (incoming.protocol == MailProtocol::Imap) {
        incoming.port = implicit ? dovecot->imapsPort() : dovecot->imapPort();
    } else {
        incoming.port = implicit ? dovecot->pop3sPort() : dovecot->pop3Port();
    }
    incoming.caFile = dovecot->caFile();
    const StoreConfig store = StoreConfig::sqlite(m_dir.filePath(u"tls.db"_s));
    std::optional<SyncJob> job = SyncHelper::makeJob(store, incoming, u"alice"_s, u"secret-alice"_s);
    QVERIFY(job);
    const std::optional<SyncOutcome> outcome = SyncHelper::runJob(store, *job);
    QVERIFY(outcome);
    QVERIFY2(outcome->succeeded(), qPrintable(outcome->error ? outcome->error->toString() : QString()));
}

QTEST_GUILESS_MAIN(TestTlsVerification)
#include "tst_tlsverification.moc"

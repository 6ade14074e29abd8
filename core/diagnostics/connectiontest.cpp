#include "connectiontest.h"

#include "act/davclient.h"
#include "act/davdiscovery.h"
#include "config/passwordsource.h"
#include "logging/logger.h"
#include "oauth/mailboxlogin.h"
#include "protocol/imap/imapsession.h"
#include "protocol/pop3/pop3session.h"
#include "protocol/smtp/smtpsession.h"
#include "protocol/socketstream.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QHostInfo>
#include <QJsonArray>
#include <QThread>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

const QString kCategory = u"test"_s;

QJsonArray toJsonArray(const QList<QByteArray> &values)
{
    QJsonArray array;
    for (const QByteArray &value : values) {
        array.append(QString::fromLatin1(value));
    }
    return array;
}

QString joined(const QList<QByteArray> &values)
{
    QStringList list;
    for (const QByteArray &value : values) {
        list.append(QString::fromLatin1(value));
    }
    return list.join(u' ');
}

// A step's detail with POP3 LOGIN-DELAY, in the words of the connection test.
QString withLoginDelay(const QString &detail, int seconds)
{
    if (seconds <= 0) {
        return detail;
    }
    return QCoreApplication::translate("SyncDesk::ConnectionTest", "%1; the server allows a login every %2 s at most "
                                                                   "(LOGIN-DELAY): this mailbox syncs no more often")
        .arg(detail, QString::number(seconds));
}

QString endpointText(const Endpoint &endpoint)
{
    return u"%1:%2"_s.arg(endpoint.host).arg(endpoint.port);
}

} // namespace

ConnectionTest::ConnectionTest(const Mailbox &mailbox, const ServerProfile &profile,
                               const ConnectionTestOptions &options, ByteStreamFactory streams, QObject *parent)
    : QObject(parent)
    , m_mailbox(mailbox)
    , m_profile(profile)
    , m_options(options)
    , m_streams(streams ? std::move(streams) : SocketStream::factory())
{
    qRegisterMetaType<SyncDesk::ConnectionStep>();
    qRegisterMetaType<SyncDesk::ConnectionTestReport>();
    m_report.mailbox = mailbox.address;
    m_report.profile = profile.name;
    m_report.protocol = protocolName(profile.incoming.protocol);
    m_dnsTimer.setSingleShot(true);
}

ConnectionTest::~ConnectionTest()
{
    m_finished = true;
    if (m_lookupId >= 0) {
        QHostInfo::abortHostLookup(m_lookupId);
    }
    m_credentials.wipe();
}

void ConnectionTest::start()
{
    if (m_started) {
        return;
    }
    m_started = true;
    m_totalClock.start();
    Log::info(kCategory, m_mailbox.address,
              u"connection test of %1 (%2 %3) started"_s.arg(m_mailbox.address,
                                                             protocolName(m_profile.incoming.protocol).toUpper(),
                                                             endpointText(m_profile.incoming)));
    // Queued, so that every signal of the test comes from the event loop, after start() returned.
    if (m_options.serverOnly) {
        QMetaObject::invokeMethod(this, &ConnectionTest::connectIncoming, Qt::QueuedConnection);
    } else {
        QMetaObject::invokeMethod(this, &ConnectionTest::checkCredentials, Qt::QueuedConnection);
    }
}

void ConnectionTest::cancel()
{
    if (m_finished) {
        return;
    }
    m_report.cancelled = true;
    if (m_current >= 0) {
        ConnectionStep &step = m_report.steps[m_current];
        step.status = ConnectionStep::Status::Skipped;
        step.ms = m_stepClock.elapsed();
        //: The detail of a connection-test step stopped by the user
        step.detail = tr("cancelled");
        m_current = -1;
        Q_EMIT stepFinished(step);
    }
    const SyncError cancelled =
        SyncError::make(ErrorClass::Cancelled, u"cancelled"_s, tr("the connection test was cancelled"));
    m_dnsTimer.stop();
    if (m_lookupId >= 0) {
        QHostInfo::abortHostLookup(m_lookupId);
        m_lookupId = -1;
    }
    // Sessions are closed now; their callbacks see m_finished and do nothing.
    m_finished = true;
    if (m_imap) {
        m_imap->abort(cancelled);
    }
    if (m_pop3) {
        m_pop3->abort(cancelled);
    }
    if (m_smtp) {
        m_smtp->abort(cancelled);
    }
    m_report.ms = m_totalClock.elapsed();
    Log::info(kCategory, m_mailbox.address, u"connection test cancelled"_s);
    Q_EMIT finished(m_report);
}

bool ConnectionTest::stepIs(const QString &id) const
{
    return m_current >= 0 && m_report.steps.at(m_current).id == id;
}

void ConnectionTest::begin(const QString &id, const QString &title)
{
    ConnectionStep step;
    step.id = id;
    step.title = title;
    m_report.steps.append(step);
    m_current = int(m_report.steps.size() - 1);
    m_stepClock.start();
    Q_EMIT stepStarted(step);
}

void ConnectionTest::pass(const QString &detail, const QJsonObject &data)
{
    if (m_current < 0 || m_finished) {
        return;
    }
    ConnectionStep &step = m_report.steps[m_current];
    step.status = ConnectionStep::Status::Passed;
    step.ms = m_stepClock.elapsed();
    step.detail = detail;
    step.data = data;
    m_current = -1;
    Log::info(kCategory, m_mailbox.address,
              u"test step %1 passed in %2 ms: %3"_s.arg(step.id).arg(step.ms).arg(detail));
    Q_EMIT stepFinished(step);
}

void ConnectionTest::failStep(const SyncError &error)
{
    if (m_finished || m_report.error) {
        return;
    }
    if (m_current < 0) {
        //: The title of a connection-test step for a failure outside the steps (a bug)
        begin(u"internal"_s, tr("Internal"));
    }
    ConnectionStep &step = m_report.steps[m_current];
    step.status = ConnectionStep::Status::Failed;
    step.ms = m_stepClock.elapsed();
    step.error = error;
    step.detail = error.message;
    m_current = -1;
    m_report.error = error;
    Log::warning(
        kCategory, m_mailbox.address,
        u"test step %1 failed in %2 ms: %3 [hint: %4]"_s.arg(step.id).arg(step.ms).arg(error.toString(), error.hintId));
    Q_EMIT stepFinished(step);
    complete();
}

void ConnectionTest::complete()
{
    if (m_finished) {
        return;
    }
    auto emitFinished = [this] {
        if (m_finished) {
            return;
        }
        m_finished = true;
        m_report.ms = m_totalClock.elapsed();
        Log::info(kCategory, m_mailbox.address,
                  m_report.passed() ? u"connection test passed in %1 ms"_s.arg(m_report.ms)
                                    : u"connection test failed in %1 ms"_s.arg(m_report.ms));
        Q_EMIT finished(m_report);
    };
    // A session still usable (a folder missing, for example) says goodbye first.
    if (m_imap && m_imap->isUsable()) {
        m_imap->logout(emitFinished);
        return;
    }
    if (m_pop3 && m_pop3->isUsable()) {
        m_pop3->quit(emitFinished);
        return;
    }
    if (m_smtp) {
        m_smtp->quit(emitFinished);
        return;
    }
    emitFinished();
}

void ConnectionTest::checkCredentials()
{
    if (m_profile.oauth) {
        //: %1 is an identity provider: microsoft, google or generic
        begin(u"credentials"_s,
              tr("Get an access token (OAuth 2.0, %1)").arg(oauthProviderName(m_profile.oauth->provider)));
        MailboxLogin login(m_mailbox, m_profile, m_profile.incoming);
        login.obtain(this, false, [this](const Result<LoginCredentials> &credentials) {
            if (m_finished) {
                return;
            }
            if (!credentials) {
                failStep(credentials.error());
                return;
            }
            m_credentials = credentials.value();
            pass(credentials->freshToken ? tr("a new access token from the identity provider")
                                         : tr("an access token still valid from an earlier refresh"),
                 {{u"source"_s, u"oauth2"_s}, {u"refreshed"_s, credentials->freshToken}});
            connectIncoming();
        });
        return;
    }
    const PasswordSource source = PasswordSource::parse(m_mailbox.passwordSource);
    //: %1 is where the password comes from, such as "password file /etc/syncdesk/alice.pass"
    begin(u"credentials"_s, tr("Read the password (%1)").arg(source.describe()));
    auto password = source.resolve();
    if (!password) {
        failStep(password.error().at(ErrorStage::Config));
        return;
    }
    m_credentials.username = m_mailbox.username;
    m_credentials.secret = *password;
    //: %1 is where the password comes from, such as "password file /etc/syncdesk/alice.pass"
    pass(tr("read from the %1").arg(source.describe()), {{u"source"_s, source.describeUntranslated()}});
    connectIncoming();
}

LoginCredentials ConnectionTest::credentialsFor(const Endpoint &endpoint) const
{
    LoginCredentials credentials = m_credentials;
    credentials.host = endpoint.host;
    credentials.port = endpoint.port;
    return credentials;
}

void ConnectionTest::connectIncoming()
{
    resolve(u"dns"_s, m_profile.incoming.host, [this] {
        if (m_profile.incoming.protocol == MailProtocol::Pop3) {
            openPop3();
        } else if (m_profile.incoming.protocol == MailProtocol::Imap) {
            openImap();
        } else {
            //: The title of a connection-test step
            begin(u"connect"_s, tr("Connect"));
            failStep(
                SyncError::make(
                    ErrorClass::Config, u"protocol-unsupported"_s,
                    tr("%1 cannot be synced as incoming mail").arg(protocolName(m_profile.incoming.protocol).toUpper()))
                    .at(ErrorStage::Config));
        }
    });
}

void ConnectionTest::resolve(const QString &stepId, const QString &host, std::function<void()> next)
{
    begin(stepId, tr("Resolve %1").arg(host));
    const QHostAddress literal(host);
    if (!literal.isNull()) {
        pass(tr("%1 is an IP address: no lookup needed").arg(host), {{u"addresses"_s, QJsonArray{host}}});
        next();
        return;
    }
    QObject::disconnect(&m_dnsTimer, nullptr, this, nullptr);
    connect(&m_dnsTimer, &QTimer::timeout, this, [this, host] {
        if (m_lookupId >= 0) {
            QHostInfo::abortHostLookup(m_lookupId);
            m_lookupId = -1;
        }
        failStep(SyncError::make(ErrorClass::Timeout, u"timeout"_s,
                                 tr("looking up %1 took longer than %2 s").arg(host).arg(m_options.dnsTimeoutMs / 1000))
                     .at(ErrorStage::Dns));
    });
    m_dnsTimer.start(m_options.dnsTimeoutMs);
    m_lookupId = QHostInfo::lookupHost(host, this, [this, host, next = std::move(next)](const QHostInfo &info) {
        m_lookupId = -1;
        m_dnsTimer.stop();
        if (m_finished) {
            return;
        }
        if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
            const bool notFound = info.error() == QHostInfo::HostNotFound || info.addresses().isEmpty();
            failStep(
                SyncError::make(ErrorClass::Network, notFound ? u"host-not-found"_s : u"network-error"_s,
                                notFound ? tr("host %1 not found").arg(host) : tr("looking up %1 failed").arg(host),
                                info.errorString())
                    .at(ErrorStage::Dns));
            return;
        }
        QStringList addresses;
        QJsonArray array;
        for (const QHostAddress &address : info.addresses()) {
            addresses.append(address.toString());
            array.append(address.toString());
        }
        pass(addresses.join(u", "_s), {{u"addresses"_s, array}});
        next();
    });
}

QString ConnectionTest::tlsTitle(Security security, const QString &host) const
{
    return security == Security::StartTls ? tr("Upgrade to TLS with STARTTLS and check the certificate of %1").arg(host)
                                          : tr("TLS handshake and certificate of %1").arg(host);
}

void ConnectionTest::watchStream(ByteStream *stream, const QString &prefix, Security security, const QString &where)
{
    m_stream = stream;
    const QString connectStep = prefix + u"connect"_s;
    const QString tlsStep = prefix + u"tls"_s;
    const QString next = prefix.isEmpty() ? u"capabilities"_s : u"smtp-ehlo"_s;
    const QString nextTitle = prefix.isEmpty() ? tr("Greeting and capabilities") : tr("EHLO and capabilities");
    // The stream lives as long as its session, and its signals only come while it lives.
    auto tlsPassed = [this, stream, tlsStep, next, nextTitle] {
        if (!stepIs(tlsStep)) {
            return;
        }
        const TlsSessionInfo info = stream->tlsSessionInfo();
        QString detail = info.protocol + u", "_s + info.cipher;
        if (!info.subject.isEmpty() || !info.issuer.isEmpty()) {
            detail = tr("%1; certificate for %2 issued by %3, valid until %4")
                         .arg(detail, info.subject, info.issuer, info.expiresAt.toString(Qt::ISODate));
        }
        pass(detail,
             QJsonObject{{u"protocol"_s, info.protocol},
                         {u"cipher"_s, info.cipher},
                         {u"subject"_s, info.subject},
                         {u"issuer"_s, info.issuer},
                         {u"expires_at"_s, info.expiresAt.isValid() ? QJsonValue(info.expiresAt.toString(Qt::ISODate))
                                                                    : QJsonValue(QJsonValue::Null)}});
        begin(next, nextTitle);
    };
    connect(stream, &ByteStream::socketConnected, this, [this, connectStep, tlsStep, next, nextTitle, security, where] {
        if (!stepIs(connectStep)) {
            return;
        }
        pass(tr("connected to %1").arg(where));
        if (security == Security::None) {
            begin(next, nextTitle);
        } else {
            begin(tlsStep, tlsTitle(security, where.section(u':', 0, -2)));
        }
    });
    connect(stream, &ByteStream::connected, this, [tlsPassed, security] {
        if (security == Security::Tls) {
            tlsPassed();
        }
    });
    connect(stream, &ByteStream::encrypted, this, tlsPassed);
}

std::unique_ptr<ByteStream> ConnectionTest::incomingStream()
{
    const Endpoint &incoming = m_profile.incoming;
    begin(u"connect"_s, tr("Connect to %1").arg(endpointText(incoming)));
    TlsSettings tls;
    tls.caFile = incoming.caFile;
    tls.plainOnly = incoming.security == Security::None;
    std::unique_ptr<ByteStream> stream = m_streams(tls);
    watchStream(stream.get(), {}, incoming.security, endpointText(incoming));
    return stream;
}

void ConnectionTest::openImap()
{
    const Endpoint &incoming = m_profile.incoming;
    m_imap = std::make_unique<Imap::Session>(incomingStream(), sessionOptions<Imap::SessionOptions>());
    m_imap->open(incoming.host, incoming.port, incoming.security, [this](Status status) {
        if (m_finished) {
            return;
        }
        if (!status) {
            failStep(status.error());
            return;
        }
        if (!stepIs(u"capabilities"_s)) {
            begin(u"capabilities"_s, tr("Greeting and capabilities"));
        }
        const QList<QByteArray> capabilities = m_imap->capabilities();
        pass(joined(capabilities),
             {{u"capabilities"_s, toJsonArray(capabilities)}, {u"encrypted"_s, m_imap->isEncrypted()}});
        if (m_options.serverOnly) {
            closeIncoming();
            return;
        }
        imapLogin();
    });
}

void ConnectionTest::imapLogin()
{
    begin(u"login"_s, tr("Log in as %1").arg(m_mailbox.username));
    m_imap->login(credentialsFor(m_profile.incoming), [this](Status status) {
        if (m_finished) {
            return;
        }
        if (!status) {
            failStep(status.error());
            return;
        }
        pass(tr("logged in with %1").arg(QString::fromLatin1(m_imap->authenticationMethod())),
             {{u"method"_s, QString::fromLatin1(m_imap->authenticationMethod())}});
        if (m_options.listFolders) {
            imapList();
        } else {
            imapInbox();
        }
    });
}

void ConnectionTest::imapInbox()
{
    begin(u"inbox"_s, tr("Open INBOX (read-only)"));
    m_imap->select(u"INBOX"_s, true, [this](const Result<Imap::SelectInfo> &result) {
        if (m_finished) {
            return;
        }
        if (!result) {
            failStep(result.error());
            return;
        }
        pass(tr("%n message(s), UIDVALIDITY %1, UIDNEXT %2", nullptr, int(result->exists))
                 .arg(result->uidValidity)
                 .arg(result->uidNext),
             {{u"messages"_s, qint64(result->exists)},
              {u"uidvalidity"_s, qint64(result->uidValidity)},
              {u"uidnext"_s, qint64(result->uidNext)}});
        imapFolders();
    });
}

void ConnectionTest::imapFolders()
{
    QStringList folders;
    for (const QString &folder : std::as_const(m_mailbox.folders)) {
        if (folder.compare(u"INBOX"_s, Qt::CaseInsensitive) != 0) {
            folders.append(folder);
        }
    }
    if (folders.isEmpty()) {
        closeIncoming();
        return;
    }
    begin(u"folders"_s, tr("Check the configured folders (%1)").arg(folders.join(u", "_s)));
    m_imap->status(folders, [this, folders](const Result<Imap::StatusReport> &report) {
        if (m_finished) {
            return;
        }
        if (!report) {
            failStep(report.error());
            return;
        }
        QStringList found;
        QJsonObject counts;
        for (const QString &folder : folders) {
            if (const auto error = report->errors.constFind(folder); error != report->errors.constEnd()) {
                SyncError located = error.value();
                located.message = tr("folder \"%1\": %2").arg(folder, located.message);
                failStep(located.at(ErrorStage::Folder));
                return;
            }
            const auto status = report->statuses.constFind(folder);
            if (status == report->statuses.constEnd()) {
                failStep(SyncError::make(ErrorClass::ServerNo, u"folder-missing"_s,
                                         tr("folder \"%1\" does not exist on the server").arg(folder))
                             .at(ErrorStage::Folder));
                return;
            }
            found.append(tr("%1: %n message(s)", nullptr, int(status->messages)).arg(folder));
            counts.insert(folder, qint64(status->messages));
        }
        pass(found.join(u"; "_s), {{u"folders"_s, counts}});
        closeIncoming();
    });
}

void ConnectionTest::imapList()
{
    begin(u"list"_s, tr("List the server's folders"));
    m_imap->list(
        [this](const Result<Imap::FolderList> &listed) {
            if (m_finished) {
                return;
            }
            if (!listed) {
                failStep(listed.error().at(ErrorStage::Folder));
                return;
            }
            QList<ServerFolder> folders;
            folders.reserve(listed->folders.size());
            for (const Imap::ListedFolder &folder : listed->folders) {
                folders.append(
                    {folder.name, folder.delimiter, folder.isSelectable(), QString::fromLatin1(folder.specialUse())});
            }
            m_report.folders = folders;
            m_report.foldersTruncated = listed->truncated;
            pass(listed->truncated ? tr("the first %n folder(s); the server lists more", nullptr, int(folders.size()))
                                   : tr("%n folder(s)", nullptr, int(folders.size())),
                 {{u"folders"_s, int(folders.size())}, {u"truncated"_s, listed->truncated}});
            closeIncoming();
        },
        m_options.maxFolders);
}

void ConnectionTest::openPop3()
{
    const Endpoint &incoming = m_profile.incoming;
    m_pop3 = std::make_unique<Pop3::Session>(incomingStream(), sessionOptions<Pop3::SessionOptions>());
    m_pop3->open(incoming.host, incoming.port, incoming.security, [this](Status status) {
        if (m_finished) {
            return;
        }
        if (!status) {
            failStep(status.error());
            return;
        }
        if (!stepIs(u"capabilities"_s)) {
            begin(u"capabilities"_s, tr("Greeting and capabilities"));
        }
        const QList<QByteArray> capabilities = m_pop3->capabilities();
        pass(capabilities.isEmpty() ? tr("the server did not answer CAPA")
                                    : withLoginDelay(joined(capabilities), m_pop3->loginDelaySeconds()),
             {{u"capabilities"_s, toJsonArray(capabilities)},
              {u"encrypted"_s, m_pop3->isEncrypted()},
              {u"login_delay_seconds"_s, m_pop3->loginDelaySeconds()}});
        if (m_options.serverOnly) {
            closeIncoming();
            return;
        }
        pop3Login();
    });
}

void ConnectionTest::pop3Login()
{
    begin(u"login"_s, tr("Log in as %1").arg(m_mailbox.username));
    m_pop3->login(credentialsFor(m_profile.incoming), [this](Status status) {
        if (m_finished) {
            return;
        }
        if (!status) {
            failStep(status.error());
            return;
        }
        pass(withLoginDelay(m_pop3->isUtf8() ? tr("logged in with USER/PASS, UTF-8 enabled")
                                             : tr("logged in with USER/PASS"),
                            m_pop3->loginDelaySeconds()),
             {{u"method"_s, u"USER/PASS"_s},
              {u"utf8"_s, m_pop3->isUtf8()},
              {u"login_delay_seconds"_s, m_pop3->loginDelaySeconds()}});
        if (m_options.listFolders) {
            pop3List();
        } else {
            pop3Maildrop();
        }
    });
}

void ConnectionTest::pop3Maildrop()
{
    begin(u"inbox"_s, tr("Open the maildrop (STAT, UIDL)"));
    m_pop3->execute("STAT", false, [this](const Result<Pop3::Response> &result) {
        if (m_finished) {
            return;
        }
        if (!result) {
            failStep(result.error());
            return;
        }
        const QList<QByteArray> parts = result->text.simplified().split(' ');
        const qint64 count = parts.value(0).toLongLong();
        const qint64 bytes = parts.value(1).toLongLong();
        auto done = [this, count, bytes] {
            pass(tr("%n message(s), %1 bytes; UIDL supported", nullptr, int(count)).arg(bytes),
                 {{u"messages"_s, count}, {u"bytes"_s, bytes}});
            closeIncoming();
        };
        if (m_pop3->hasCapability("UIDL") || count == 0) {
            done();
            return;
        }
        // The server's CAPA did not say: ask for the first message's unique id.
        m_pop3->execute("UIDL 1", false, [this, done](const Result<Pop3::Response> &uidl) {
            if (m_finished) {
                return;
            }
            if (!uidl) {
                SyncError error = uidl.error();
                error.hintId = u"pop3-uidl-missing"_s;
                error.message = tr("the POP3 server does not support UIDL: %1").arg(error.message);
                error.transient = false;
                failStep(error);
                return;
            }
            done();
        });
    });
}

void ConnectionTest::pop3List()
{
    begin(u"list"_s, tr("List the server's folders"));
    // POP3 knows one maildrop, which SyncDesk files as INBOX.
    m_report.folders = QList<ServerFolder>{{u"INBOX"_s, QString(), true, QString()}};
    pass(tr("POP3 has one folder: INBOX"), {{u"folders"_s, 1}, {u"truncated"_s, false}});
    closeIncoming();
}

void ConnectionTest::closeIncoming()
{
    auto next = [this] {
        if (!m_finished) {
            testOutgoing();
        }
    };
    if (m_imap) {
        m_imap->logout(next);
    } else if (m_pop3) {
        m_pop3->quit(next);
    } else {
        next();
    }
}

void ConnectionTest::testOutgoing()
{
    if (!m_options.testOutgoing || m_options.listFolders || !m_profile.outgoing || m_profile.outgoing->host.isEmpty()) {
        testAct();
        return;
    }
    resolve(u"smtp-dns"_s, m_profile.outgoing->host, [this] { openSmtp(); });
}

void ConnectionTest::openSmtp()
{
    const Endpoint &outgoing = *m_profile.outgoing;
    begin(u"smtp-connect"_s, tr("Connect to the SMTP server %1").arg(endpointText(outgoing)));
    TlsSettings tls;
    tls.caFile = outgoing.caFile;
    tls.plainOnly = outgoing.security == Security::None;
    std::unique_ptr<ByteStream> stream = m_streams(tls);
    watchStream(stream.get(), u"smtp-"_s, outgoing.security, endpointText(outgoing));
    Smtp::SessionOptions options;
    options.connectTimeoutMs = m_options.connectTimeoutMs;
    options.commandTimeoutMs = m_options.commandTimeoutMs;
    options.mailbox = m_mailbox.address;
    m_smtp = std::make_unique<Smtp::Session>(std::move(stream), options);
    m_smtp->open(outgoing.host, outgoing.port, outgoing.security, [this](Status status) {
        if (m_finished) {
            return;
        }
        if (!status) {
            failStep(status.error());
            return;
        }
        if (!stepIs(u"smtp-ehlo"_s)) {
            begin(u"smtp-ehlo"_s, tr("EHLO and capabilities"));
        }
        const QList<QByteArray> capabilities = m_smtp->capabilities();
        pass(QString::fromUtf8(m_smtp->greeting()) + u"; "_s + joined(capabilities),
             {{u"greeting"_s, QString::fromUtf8(m_smtp->greeting())},
              {u"capabilities"_s, toJsonArray(capabilities)},
              {u"encrypted"_s, m_smtp->isEncrypted()}});
        if (m_options.serverOnly) {
            complete();
            return;
        }
        smtpLogin();
    });
}

void ConnectionTest::smtpLogin()
{
    begin(u"smtp-auth"_s, tr("Authenticate to the SMTP server as %1").arg(m_mailbox.username));
    m_smtp->login(credentialsFor(*m_profile.outgoing), [this](Status status) {
        m_credentials.wipe();
        if (m_finished) {
            return;
        }
        if (!status) {
            failStep(status.error());
            return;
        }
        pass(tr("authenticated with %1").arg(QString::fromLatin1(m_smtp->authenticationMethod())),
             {{u"method"_s, QString::fromLatin1(m_smtp->authenticationMethod())}});
        testAct();
    });
}

void ConnectionTest::testAct()
{
    if (m_options.serverOnly || m_options.listFolders || !m_mailbox.act || !m_mailbox.act->syncsAnything() ||
        !m_profile.act) {
        complete();
        return;
    }
    //: %1: the URL of the CalDAV/CardDAV server
    begin(u"dav"_s, tr("Find the calendar and address book at %1").arg(m_profile.act->url.toDisplayString()));
    // Discovery is a series of blocking requests: a thread of its own, its answer back in this one. Nothing is made
    // on the server: collections that do not exist yet are made by the first sync.
    auto found = std::make_shared<Result<DavDiscovery::Found>>(SyncError());
    const Mailbox mailbox = m_mailbox;
    const ActEndpoint endpoint = *m_profile.act;
    const int timeoutMs = m_options.commandTimeoutMs;
    QThread *thread = QThread::create([mailbox, endpoint, timeoutMs, found]() {
        const ActSettings settings = *mailbox.act;
        auto password = PasswordSource::parse(settings.davPasswordSource.isEmpty() ? mailbox.passwordSource
                                                                                   : settings.davPasswordSource)
                            .resolve();
        if (!password) {
            *found = password.error();
            return;
        }
        DavClient client({endpoint.url,
                          settings.davUsername.isEmpty() ? mailbox.username : settings.davUsername,
                          *password,
                          endpoint.caFile,
                          timeoutMs,
                          {}});
        *found = DavDiscovery::run(client, settings, false);
    });
    connect(thread, &QThread::finished, this, [this, thread, found]() {
        thread->deleteLater();
        if (m_finished) {
            return;
        }
        if (!found->ok()) {
            failStep(found->error());
            return;
        }
        QJsonArray collections;
        for (const ActStore::Collection &c : std::as_const((*found)->collections)) {
            collections.append(QJsonObject{{u"kind"_s, actKindName(c.kind)},
                                           {u"url"_s, c.url},
                                           {u"name"_s, c.displayName},
                                           {u"sync_collection"_s, c.syncCollection}});
        }
        pass((*found)->steps.join(u"; "_s), {{u"principal"_s, (*found)->principal}, {u"collections"_s, collections}});
        complete();
    });
    connect(this, &QObject::destroyed, thread, [thread]() {
        thread->wait();
        delete thread;
    });
    thread->start();
}

} // namespace SyncDesk

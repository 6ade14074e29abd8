#include "dovecotserver.h"

#include "testcertificates.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>

#include <csignal>
#include <grp.h>
#include <memory>
#include <pwd.h>
#include <sys/prctl.h>
#include <sys/types.h>
#include <unistd.h>
#include <vector>

namespace SyncDesk::Testing {

using namespace Qt::StringLiterals;

namespace {

QString findProgram(const QString &name)
{
    QString path = QStandardPaths::findExecutable(name);
    if (path.isEmpty()) {
        path = QStandardPaths::findExecutable(name, {u"/usr/sbin"_s, u"/usr/local/sbin"_s, u"/sbin"_s});
    }
    return path;
}

// Distinct free ports: every listener is held until all are chosen, so that two never get the same one.
QList<quint16> freePorts(const QHostAddress &address, int count)
{
    std::vector<std::unique_ptr<QTcpServer>> servers;
    QList<quint16> ports;
    for (int i = 0; i < count; ++i) {
        auto server = std::make_unique<QTcpServer>();
        ports.append(server->listen(address, 0) ? server->serverPort() : quint16(0));
        servers.push_back(std::move(server));
    }
    return ports;
}

bool ipv6LoopbackAvailable()
{
    QTcpServer server;
    return server.listen(QHostAddress::LocalHostIPv6, 0);
}

struct MailOwner
{
    uid_t uid;
    gid_t gid;
    QString user;
    QString group;
};

// Dovecot refuses to access mail as root; as root the mail belongs to "nobody".
MailOwner mailOwner()
{
    if (::geteuid() == 0) {
        const passwd *nobody = ::getpwnam("nobody");
        const group *nogroup = ::getgrnam("nogroup");
        if (nobody && nogroup) {
            return {nobody->pw_uid, nogroup->gr_gid, u"nobody"_s, u"nogroup"_s};
        }
    }
    const passwd *me = ::getpwuid(::geteuid());
    const group *myGroup = ::getgrgid(::getegid());
    return {::geteuid(), ::getegid(), me ? QString::fromLocal8Bit(me->pw_name) : QString::number(::geteuid()),
            myGroup ? QString::fromLocal8Bit(myGroup->gr_name) : QString::number(::getegid())};
}

} // namespace

DovecotServer::DovecotServer()
    : DovecotServer(Options{})
{}

DovecotServer::DovecotServer(const Options &options)
    : m_options(options)
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    // If the test (or the console) dies without stopping it, Dovecot follows it instead of lingering.
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    // The relay likewise: a test that crashes must not leave it running.
    m_relay.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
}

DovecotServer::~DovecotServer()
{
    stop();
}

bool DovecotServer::isAvailable()
{
    return !findProgram(u"dovecot"_s).isEmpty() && !findProgram(u"doveadm"_s).isEmpty() &&
           !QStandardPaths::findExecutable(u"openssl"_s).isEmpty();
}

bool DovecotServer::hasSubmission()
{
    return QFileInfo::exists(u"/usr/lib/dovecot/submission"_s);
}

bool DovecotServer::smtpRelayAvailable()
{
    return hasSubmission() && QFileInfo::exists(u"/usr/lib/dovecot/lmtp"_s) &&
           QFileInfo::exists(u"/usr/lib/python3/dist-packages/aiosmtpd/__init__.py"_s);
}

QString DovecotServer::relayLog() const
{
    QFile file(directory() + u"/relay.log"_s);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

namespace {

// The private mail transfer agent behind the submission service: accepts what Dovecot relays and delivers each
// recipient's copy over LMTP. Written into the server's directory and run with python3.
const char kRelayScript[] = R"PY(
import asyncio, smtplib, sys
from aiosmtpd.smtp import SMTP

port, lmtp_port, log_path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]

class Relay:
    async def handle_DATA(self, server, session, envelope):
        delivered, failed = [], []
        for rcpt in envelope.rcpt_tos:
            try:
                lmtp = smtplib.LMTP('127.0.0.1', lmtp_port)
                try:
                    lmtp.sendmail(envelope.mail_from, [rcpt], envelope.original_content)
                finally:
                    lmtp.quit()
                delivered.append(rcpt)
            except Exception as error:
                failed.append('%s (%s)' % (rcpt, error))
        with open(log_path, 'a') as log:
            log.write('from=%s delivered=%s failed=%s bytes=%d\n' % (
                envelope.mail_from, ','.join(delivered), ';'.join(failed), len(envelope.original_content)))
        if not delivered:
            return '550 5.1.1 no recipient could be delivered: ' + '; '.join(failed)[:400]
        return '250 2.0.0 delivered to %d recipient(s)' % len(delivered)

async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: SMTP(Relay(), data_size_limit=100 * 1024 * 1024, enable_SMTPUTF8=True, hostname='relay.syncdesk.test'),
        '127.0.0.1', port)
    print('ready', flush=True)
    async with server:
        await server.serve_forever()

asyncio.run(main())
)PY";

} // namespace

bool DovecotServer::startRelay(QString *error)
{
    const QString script = m_dir->path() + u"/relay.py"_s;
    QFile file(script);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(kRelayScript) < 0) {
        if (error) {
            *error = u"cannot write the relay: "_s + file.errorString();
        }
        return false;
    }
    file.close();
    m_relay.setProcessChannelMode(QProcess::MergedChannels);
    // Debian's Python, which has python3-aiosmtpd (not another python3 earlier on PATH).
    m_relay.start(u"/usr/bin/python3"_s,
                  {script, QString::number(m_relayPort), QString::number(m_lmtpPort), m_dir->path() + u"/relay.log"_s});
    if (!m_relay.waitForStarted(10000)) {
        if (error) {
            *error = u"the relay did not start: "_s + m_relay.errorString();
        }
        return false;
    }
    const QDeadlineTimer deadline(20000);
    QByteArray output;
    while (!output.contains("ready") && !deadline.hasExpired() && m_relay.state() == QProcess::Running) {
        m_relay.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
        output += m_relay.readAll();
    }
    if (!output.contains("ready")) {
        if (error) {
            *error = u"the relay did not start listening: "_s + QString::fromUtf8(output).left(2000);
        }
        return false;
    }
    return true;
}

QString DovecotServer::caFile() const
{
    return m_caFile;
}

QString DovecotServer::directory() const
{
    return m_dir ? m_dir->path() : QString();
}

bool DovecotServer::start(QString *error)
{
    if (!isAvailable()) {
        if (error) {
            *error = u"dovecot, doveadm or openssl is not installed"_s;
        }
        return false;
    }
    // A short path: Dovecot's unix sockets live below it and socket paths are limited to 107 bytes.
    m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + u"/sd-dovecot-XXXXXX"_s);
    if (!m_dir->isValid()) {
        if (error) {
            *error = u"cannot create a temporary directory: "_s + m_dir->errorString();
        }
        return false;
    }
    const QString dir = m_dir->path();
    // The mail processes run as an unprivileged user that must be able to reach the mail folder.
    QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                                   QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                   QFileDevice::ExeOther);
    for (const QString &sub : {u"run"_s, u"state"_s, u"mail"_s, u"tls"_s}) {
        QDir().mkpath(dir + u'/' + sub);
    }
    const MailOwner owner = mailOwner();
    if (::chown(QFile::encodeName(dir + u"/mail"_s).constData(), owner.uid, owner.gid) != 0 && ::geteuid() == 0) {
        if (error) {
            *error = u"cannot hand the mail folder to %1"_s.arg(owner.user);
        }
        return false;
    }

    TestCertificates certificates(dir + u"/tls"_s);
    QString certificateError;
    bool made = certificates.create(&certificateError);
    if (made && m_options.certificate == Certificate::SelfSigned) {
        made = certificates.createSelfSigned(&certificateError);
    } else if (made && m_options.certificate == Certificate::WrongHost) {
        made = certificates.createWrongHost(&certificateError);
    } else if (made && m_options.certificate == Certificate::Expired) {
        made = certificates.createExpired(&certificateError);
    }
    if (!made) {
        if (error) {
            *error = certificateError;
        }
        return false;
    }
    m_caFile = certificates.caFile();

    for (int attempt = 0; attempt < 3; ++attempt) {
        const QList<quint16> ports = freePorts(QHostAddress::LocalHost, 7);
        m_imapPort = ports.at(0);
        m_imapsPort = ports.at(1);
        m_pop3Port = ports.at(2);
        m_pop3sPort = ports.at(3);
        m_submissionPort = hasSubmission() ? ports.at(4) : 0;
        const bool relay = m_options.deliverSubmissions && smtpRelayAvailable();
        if (m_options.deliverSubmissions && !relay) {
            if (error) {
                *error = u"delivering submitted mail needs dovecot-lmtpd, dovecot-submissiond and python3-aiosmtpd"_s;
            }
            return false;
        }
        m_lmtpPort = relay || m_options.lmtp ? ports.at(5) : 0;
        m_relayPort = relay ? ports.at(6) : 0;
        if (relay && m_relay.state() == QProcess::NotRunning && !startRelay(error)) {
            return false;
        }
        if (!writeConfiguration(error) || !writePasswd()) {
            return false;
        }
        m_process.start(findProgram(u"dovecot"_s), {u"-F"_s, u"-c"_s, dir + u"/dovecot.conf"_s});
        if (!m_process.waitForStarted(10000)) {
            if (error) {
                *error = u"dovecot did not start: "_s + m_process.errorString();
            }
            return false;
        }
        if (waitUntilReady(error)) {
            return true;
        }
        stop();
        // A port taken between choosing and binding it: try other ports.
        if (!log().contains(u"Address already in use"_s)) {
            break;
        }
    }
    return false;
}

bool DovecotServer::writeConfiguration(QString *error)
{
    const QString dir = m_dir->path();
    const MailOwner owner = mailOwner();
    QString certificate = dir + u"/tls/server.pem"_s;
    QString key = dir + u"/tls/server.key"_s;
    if (m_options.certificate == Certificate::SelfSigned) {
        certificate = dir + u"/tls/selfsigned.pem"_s;
        key = dir + u"/tls/selfsigned.key"_s;
    } else if (m_options.certificate == Certificate::WrongHost) {
        certificate = dir + u"/tls/wronghost.pem"_s;
        key = dir + u"/tls/wronghost.key"_s;
    } else if (m_options.certificate == Certificate::Expired) {
        certificate = dir + u"/tls/expired.pem"_s;
        key = dir + u"/tls/expired.key"_s;
    }
    const bool root = ::geteuid() == 0;
    // A strict server listens on 127.0.0.2 only: clients reach it from 127.0.0.1, so Dovecot does not take
    // them for local connections (which it treats as secure, allowing clear-text passwords).
    const QString listen = !m_options.allowPlaintextAuth ? u"127.0.0.2"_s
                           : ipv6LoopbackAvailable()     ? u"127.0.0.1, ::1"_s
                                                         : u"127.0.0.1"_s;
    QString config;
    config += u"instance_name = syncdesk-test-%1\n"_s.arg(QRandomGenerator::global()->generate(), 8, 16, QChar(u'0'));
    config += u"base_dir = %1/run\nstate_dir = %1/state\nlog_path = %1/dovecot.log\n"_s.arg(dir);
    config += u"listen = %1\nprotocols = imap pop3%2%3\n"_s.arg(listen, m_submissionPort ? u" submission"_s : QString(),
                                                                m_lmtpPort ? u" lmtp"_s : QString());
    // Dovecot treats loopback connections as secure and would accept a clear-text password on them;
    // "ssl = required" refuses it there too, so that the tests see what a remote client would.
    config += u"ssl = %3\nssl_cert = <%1\nssl_key = <%2\nssl_min_protocol = TLSv1.2\n"_s.arg(
        certificate, key, m_options.allowPlaintextAuth ? u"yes"_s : u"required"_s);
    config += u"disable_plaintext_auth = %1\n"_s.arg(m_options.allowPlaintextAuth ? u"no"_s : u"yes"_s);
    const bool oauth = !m_options.oauthIntrospectionUrl.isEmpty();
    config += u"auth_mechanisms = %1%2\nauth_failure_delay = 0\n"_s.arg(
        m_options.authMechanisms, oauth ? u" "_s + m_options.oauthMechanisms : QString());
    config += u"mail_location = maildir:~/Maildir\nfirst_valid_uid = 1\n"_s;
    // Sent is marked as RFC 6154 says (it is not created; where a test creates it, LIST shows \Sent).
    config +=
        u"namespace inbox {\n  inbox = yes\n  separator = /\n  mailbox Sent {\n    special_use = \\Sent\n  }\n}\n"_s;
    if (!root) {
        config += u"default_internal_user = %1\ndefault_login_user = %1\ndefault_internal_group = %2\n"_s.arg(
            owner.user, owner.group);
    }
    config += u"passdb {\n  driver = passwd-file\n  args = scheme=PLAIN username_format=%u %1/passwd\n%2}\n"_s.arg(
        dir, oauth ? u"  mechanisms = plain login\n"_s : QString());
    if (oauth) {
        // Dovecot posts each token to the introspection URL and takes the user from the answer's "username".
        QFile settings(dir + u"/oauth2.conf"_s);
        if (!settings.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            settings.write(u"introspection_mode = post\nintrospection_url = %1\nusername_attribute = username\n"
                           "active_attribute = active\nactive_value = true\nforce_introspection = yes\n"_s
                               .arg(m_options.oauthIntrospectionUrl)
                               .toUtf8()) < 0) {
            if (error) {
                *error = u"cannot write the Dovecot oauth2 settings"_s;
            }
            return false;
        }
        config += u"passdb {\n  driver = oauth2\n  mechanisms = %2\n  args = %1/oauth2.conf\n}\n"_s.arg(
            dir, m_options.oauthMechanisms);
    }
    config += u"userdb {\n  driver = static\n  args = uid=%1 gid=%2 home=%3/mail/%u%4\n}\n"_s.arg(owner.uid)
                  .arg(owner.gid)
                  .arg(dir)
                  // The oauth2 passdb cannot look users up, which static's user check (doveadm) would ask it to do.
                  .arg(oauth ? u" allow_all_users=yes"_s : QString());
    config += u"protocol imap {\n  mail_max_userip_connections = 500\n%1}\n"_s.arg(
        m_options.imapCapability.isEmpty() ? QString() : u"  imap_capability = %1\n"_s.arg(m_options.imapCapability));
    config += u"protocol pop3 {\n  mail_max_userip_connections = 500\n}\n"_s;
    const QString reuse = m_options.highPerformance
                              ? u"  service_count = 0\n  process_min_avail = 2\n  client_limit = 1000\n"_s
                              : QString();
    if (m_options.highPerformance) {
        config += u"service imap {\n  service_count = 0\n  process_min_avail = 4\n}\n"_s;
        config += u"service pop3 {\n  service_count = 0\n}\n"_s;
    }
    config += u"service imap-login {\n  chroot =\n"_s + reuse +
              u"  inet_listener imap {\n    port = %1\n  }\n"
              "  inet_listener imaps {\n    port = %2\n    ssl = yes\n  }\n}\n"_s.arg(m_imapPort)
                  .arg(m_imapsPort);
    config += u"service pop3-login {\n  chroot =\n"_s + reuse +
              u"  inet_listener pop3 {\n    port = %1\n  }\n"
              "  inet_listener pop3s {\n    port = %2\n    ssl = yes\n  }\n}\n"_s.arg(m_pop3Port)
                  .arg(m_pop3sPort);
    if (m_submissionPort) {
        const QString relayHost = listen.section(u',', 0, 0).trimmed();
        // Without a relay it relays to itself: a login succeeds, and sending nothing needs no transfer agent.
        config += u"hostname = smtp.syncdesk.test\n"
                  "submission_relay_host = %1\nsubmission_relay_port = %2\n"
                  "service submission-login {\n  chroot =\n  inet_listener submission {\n    port = %3\n  }\n}\n"_s
                      .arg(m_relayPort ? u"127.0.0.1"_s : relayHost)
                      .arg(m_relayPort ? m_relayPort : m_submissionPort)
                      .arg(m_submissionPort);
    }
    if (m_lmtpPort) {
        // Recipients user@any.domain are the user "user".
        config += u"service lmtp {\n  inet_listener lmtp {\n    address = 127.0.0.1\n    port = %1\n  }\n}\n"
                  "protocol lmtp {\n  auth_username_format = %n\n}\n"_s.arg(m_lmtpPort);
    }
    // No brute-force penalty: tests and the demo log in wrongly on purpose, and the penalty is per IP, so it
    // would slow every other mailbox's login from 127.0.0.1 down by seconds.
    config += u"service anvil {\n  chroot =\n  unix_listener anvil-auth-penalty {\n    mode = 0\n  }\n}\n"_s;
    config += u"service stats {\n  chroot =\n}\n"_s;

    QFile file(dir + u"/dovecot.conf"_s);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(config.toUtf8()) < 0) {
        if (error) {
            *error = u"cannot write the Dovecot configuration: "_s + file.errorString();
        }
        return false;
    }
    return true;
}

bool DovecotServer::writePasswd()
{
    QFile file(m_dir->path() + u"/passwd"_s);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        return false;
    }
    for (auto it = m_users.cbegin(); it != m_users.cend(); ++it) {
        file.write((it.key() + u":{PLAIN}"_s + it.value() + u"\n"_s).toUtf8());
    }
    return true;
}

bool DovecotServer::waitUntilReady(QString *error)
{
    const QDeadlineTimer deadline(20000);
    QString lastProblem;
    while (!deadline.hasExpired()) {
        if (m_process.state() != QProcess::Running) {
            if (error) {
                *error = u"dovecot exited: "_s + QString::fromLocal8Bit(m_process.readAll()) + log();
            }
            return false;
        }
        QTcpSocket socket;
        socket.connectToHost(m_options.allowPlaintextAuth ? QHostAddress(QHostAddress::LocalHost)
                                                          : QHostAddress(u"127.0.0.2"_s),
                             m_imapPort);
        if (!socket.waitForConnected(500)) {
            lastProblem = socket.errorString();
            m_process.waitForReadyRead(100); // gives the server time to bind, and notices an early exit
            continue;
        }
        QByteArray greeting;
        while (!greeting.contains("ready") && socket.waitForReadyRead(2000)) {
            greeting += socket.readAll();
        }
        if (greeting.contains("ready")) {
            return true;
        }
        lastProblem = QString::fromLatin1(greeting);
    }
    if (error) {
        *error = u"dovecot did not become ready: "_s + lastProblem + u"\n"_s + log();
    }
    return false;
}

void DovecotServer::stop()
{
    if (m_relay.state() != QProcess::NotRunning) {
        m_relay.kill();
        m_relay.waitForFinished(5000);
    }
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(10000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
}

bool DovecotServer::restart(QString *error)
{
    m_process.terminate();
    if (!m_process.waitForFinished(10000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
    m_process.start(findProgram(u"dovecot"_s), {u"-F"_s, u"-c"_s, m_dir->path() + u"/dovecot.conf"_s});
    if (!m_process.waitForStarted(10000)) {
        if (error) {
            *error = u"dovecot did not start again: "_s + m_process.errorString();
        }
        return false;
    }
    return waitUntilReady(error);
}

bool DovecotServer::deliverLmtp(const QString &user, const QByteArray &message, QString *error)
{
    auto fail = [error](const QString &why) {
        if (error) {
            *error = why;
        }
        return false;
    };
    if (m_lmtpPort == 0) {
        return fail(u"this Dovecot has no LMTP service (Options::lmtp)"_s);
    }
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_lmtpPort);
    if (!socket.waitForConnected(5000)) {
        return fail(u"LMTP: "_s + socket.errorString());
    }
    // Reads one reply (its last line starts with "NNN "); true when its code is expected.
    auto expect = [&socket](const QByteArray &code, QByteArray *said) {
        QByteArray reply;
        while (true) {
            while (!socket.canReadLine()) {
                if (!socket.waitForReadyRead(10000)) {
                    *said = reply + "(no answer)";
                    return false;
                }
            }
            const QByteArray line = socket.readLine();
            reply += line;
            if (line.size() >= 4 && line.at(3) == ' ') {
                *said = reply;
                return line.startsWith(code);
            }
        }
    };
    QByteArray said;
    QByteArray body = message;
    body.replace("\r\n.", "\r\n..");
    if (body.startsWith('.')) {
        body.prepend('.');
    }
    if (!body.endsWith("\r\n")) {
        body += "\r\n";
    }
    const QList<std::pair<QByteArray, QByteArray>> steps{{{}, "220"},
                                                         {"LHLO syncdesk.test\r\n", "250"},
                                                         {"MAIL FROM:<sender@syncdesk.test>\r\n", "250"},
                                                         {"RCPT TO:<" + user.toUtf8() + "@syncdesk.test>\r\n", "250"},
                                                         {"DATA\r\n", "354"},
                                                         {body + ".\r\n", "250"},
                                                         {"QUIT\r\n", "221"}};
    for (const auto &[send, code] : steps) {
        if (!send.isEmpty()) {
            socket.write(send);
        }
        if (!expect(code, &said)) {
            return fail(u"LMTP: "_s + QString::fromUtf8(said.trimmed()));
        }
    }
    return true;
}

bool DovecotServer::isRunning() const
{
    return m_process.state() == QProcess::Running;
}

bool DovecotServer::setUser(const QString &user, const QString &password)
{
    m_users.insert(user, password);
    return !m_dir || writePasswd();
}

bool DovecotServer::doveadm(const QStringList &arguments, const QByteArray &input, QString *error, QByteArray *output)
{
    QProcess process;
    QStringList all{u"-c"_s, m_dir->path() + u"/dovecot.conf"_s};
    all += arguments;
    process.start(findProgram(u"doveadm"_s), all);
    if (!process.waitForStarted(10000)) {
        if (error) {
            *error = u"doveadm did not start: "_s + process.errorString();
        }
        return false;
    }
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        if (error) {
            *error = u"doveadm %1 failed: %2"_s.arg(arguments.join(u' '),
                                                    QString::fromLocal8Bit(process.readAllStandardError()));
        }
        return false;
    }
    if (output) {
        *output = process.readAllStandardOutput();
    }
    return true;
}

bool DovecotServer::deliver(const QString &user, const QString &folder, const QByteArray &message, QString *error)
{
    return doveadm({u"save"_s, u"-u"_s, user, u"-m"_s, folder}, message, error);
}

bool DovecotServer::bulkDeliver(const QString &user, int count, const std::function<QByteArray(int)> &message,
                                QString *error, const QString &folder, const std::function<QDateTime(int)> &receivedAt)
{
    const QString home = m_dir->path() + u"/mail/"_s + user;
    // Maildir++: INBOX is the Maildir itself, another folder its ".Name" subfolder.
    const bool inbox = folder.compare(u"INBOX"_s, Qt::CaseInsensitive) == 0;
    const QString maildir = home + u"/Maildir"_s + (inbox ? QString() : u"/."_s + folder);
    for (const QString &sub : {u"cur"_s, u"new"_s, u"tmp"_s}) {
        if (!QDir().mkpath(maildir + u'/' + sub)) {
            if (error) {
                *error = u"cannot create "_s + maildir;
            }
            return false;
        }
    }
    const MailOwner owner = mailOwner();
    const qint64 stamp = QDateTime::currentSecsSinceEpoch();
    for (int i = 0; i < count; ++i) {
        const QByteArray bytes = message(i);
        // Maildir names carry the size (S=) and the size with CRLF line ends (W=, RFC822.SIZE), as Dovecot's
        // own delivery writes them, so it need not read the file to know them.
        const qsizetype bareLineFeeds = bytes.count('\n') - bytes.count("\r\n");
        const QString name = u"%1.M%2P%3.syncdesk-bench,S=%4,W=%5:2,"_s.arg(stamp)
                                 .arg(i)
                                 .arg(::getpid())
                                 .arg(bytes.size())
                                 .arg(bytes.size() + bareLineFeeds);
        QFile file(maildir + u"/cur/"_s + name);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) {
            if (error) {
                *error = u"cannot write "_s + file.fileName();
            }
            return false;
        }
        file.close();
        if (receivedAt) {
            // Maildir's received date (IMAP INTERNALDATE) is the file's modification time.
            QFile written(file.fileName());
            if (!written.open(QIODevice::ReadOnly) ||
                !written.setFileTime(receivedAt(i), QFileDevice::FileModificationTime)) {
                if (error) {
                    *error = u"cannot set the time of "_s + file.fileName();
                }
                return false;
            }
        }
        if (::chown(QFile::encodeName(file.fileName()).constData(), owner.uid, owner.gid) != 0 && ::geteuid() == 0) {
            if (error) {
                *error = u"cannot hand %1 to %2"_s.arg(file.fileName(), owner.user);
            }
            return false;
        }
    }
    for (const QString &path :
         QStringList{home, maildir, maildir + u"/cur"_s, maildir + u"/new"_s, maildir + u"/tmp"_s}) {
        if (::chown(QFile::encodeName(path).constData(), owner.uid, owner.gid) != 0 && ::geteuid() == 0) {
            if (error) {
                *error = u"cannot hand %1 to %2"_s.arg(path, owner.user);
            }
            return false;
        }
    }
    // Dovecot reads the new files into its index now, not during the first client's SELECT.
    return doveadm({u"mailbox"_s, u"status"_s, u"-u"_s, user, u"messages uidnext"_s, inbox ? u"INBOX"_s : folder}, {},
                   error);
}

bool DovecotServer::createFolder(const QString &user, const QString &folder, QString *error)
{
    return doveadm({u"mailbox"_s, u"create"_s, u"-u"_s, user, folder}, {}, error);
}

bool DovecotServer::setUidValidity(const QString &user, const QString &folder, quint32 uidValidity, QString *error)
{
    return doveadm(
        {u"mailbox"_s, u"update"_s, u"-u"_s, user, u"--uid-validity"_s, QString::number(uidValidity), folder}, {},
        error);
}

int DovecotServer::messageCount(const QString &user, const QString &folder)
{
    QByteArray output;
    if (!doveadm({u"-f"_s, u"flow"_s, u"mailbox"_s, u"status"_s, u"-u"_s, user, u"messages"_s, folder}, {}, nullptr,
                 &output)) {
        return -1;
    }
    const qsizetype at = output.indexOf("messages=");
    return at < 0 ? -1 : output.mid(at + 9).trimmed().toInt();
}

QString DovecotServer::log() const
{
    if (!m_dir) {
        return {};
    }
    QFile file(m_dir->path() + u"/dovecot.log"_s);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace SyncDesk::Testing

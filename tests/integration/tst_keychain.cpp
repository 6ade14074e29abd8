// Passwords in the system keychain (QtKeychain over a real Secret Service: GNOME Keyring on a private session
// D-Bus): stored and read back from the main thread and from a worker thread, a missing entry and a missing
// keychain as clear password-unavailable errors, and a real sync against Dovecot whose password was stored
// with `syncdesk-node password set` and is named by "password_keychain" in the configuration.

#include "config/configparser.h"
#include "config/keychain.h"
#include "config/passwordsource.h"
#include "dovecotserver.h"
#include "mailfactory.h"
#include "noderunner.h"
#include "secretservice.h"
#include "testconfig.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace SyncDesk;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

class TestKeychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void storedAndReadBack();
    void readFromAWorkerThread();
    void missingEntryIsPasswordUnavailable();
    void configNamesAKeychainEntry();
    void syncWithAPasswordFromTheKeychain();
    void noKeychainInTheSessionIsAClearError();
    void missingModuleIsAClearError();
    void missingModuleLeavesTheMailboxAlone();

private:
    NodeRun node(const QStringList &arguments, const QByteArray &input = {},
                 const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());

    SecretService m_secrets;
    DovecotServer m_dovecot;
    QTemporaryDir m_dir;
    QString m_db;
};

NodeRun TestKeychain::node(const QStringList &arguments, const QByteArray &input,
                           const QProcessEnvironment &environment)
{
    return runNode(QStringLiteral(SYNCDESK_NODE_BINARY), m_db, arguments, input, environment);
}

void TestKeychain::initTestCase()
{
    if (!SecretService::isAvailable()) {
        QSKIP("dbus-daemon or gnome-keyring-daemon is not installed: run scripts/test.sh, which installs them");
    }
    QString error;
    QVERIFY2(m_secrets.start(&error), qPrintable(error));
    QVERIFY(m_dir.isValid());
    m_db = m_dir.filePath(u"keychain.db"_s);
}

void TestKeychain::storedAndReadBack()
{
    QVERIFY(Keychain::write(u"alice@example.test"_s, u"pässwörd with spaces"_s));
    const Result<QString> read = Keychain::read(u"alice@example.test"_s);
    QVERIFY2(read.ok(), read.ok() ? "" : qPrintable(read.error().toString()));
    QCOMPARE(*read, u"pässwörd with spaces"_s);
    // Writing again replaces it.
    QVERIFY(Keychain::write(u"alice@example.test"_s, u"second"_s));
    QCOMPARE(*Keychain::read(u"alice@example.test"_s), u"second"_s);
    const Result<QString> resolved = PasswordSource::parse(u"keychain:alice@example.test"_s).resolve();
    QVERIFY(resolved.ok());
    QCOMPARE(*resolved, u"second"_s);
    QCOMPARE(PasswordSource::fromKeychain(u"alice@example.test"_s).describe(),
             u"system keychain entry alice@example.test"_s);
}

void TestKeychain::readFromAWorkerThread()
{
    // Sync workers resolve passwords in their own threads; the keychain is asked in the main one.
    QVERIFY(Keychain::write(u"worker@example.test"_s, u"from-a-worker"_s));
    std::atomic<bool> done = false;
    QString password;
    QString failure;
    QThread *worker = QThread::create([&] {
        const Result<QString> read = Keychain::read(u"worker@example.test"_s, 10000);
        if (read.ok()) {
            password = *read;
        } else {
            failure = read.error().toString();
        }
        done = true;
    });
    worker->start();
    QTRY_VERIFY_WITH_TIMEOUT(done.load(), 15000); // the main thread's event loop runs meanwhile
    worker->wait();
    delete worker;
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QCOMPARE(password, u"from-a-worker"_s);
}

void TestKeychain::missingEntryIsPasswordUnavailable()
{
    QVERIFY(Keychain::remove(u"gone@example.test"_s)); // removing what is not there is fine
    const Result<QString> read = PasswordSource::fromKeychain(u"gone@example.test"_s).resolve();
    QVERIFY(!read.ok());
    QCOMPARE(read.error().errorClass, ErrorClass::Config);
    QCOMPARE(read.error().hintId, u"password-unavailable"_s);
    QVERIFY2(read.error().message.contains(u"no entry \"gone@example.test\""_s), qPrintable(read.error().message));
    QVERIFY2(read.error().message.contains(u"syncdesk-node password set gone@example.test"_s),
             qPrintable(read.error().message));
}

void TestKeychain::configNamesAKeychainEntry()
{
    const QByteArray json = R"json({
      "server_profiles": [{"name": "Main", "incoming": {"protocol": "imap", "host": "imap.example.test"}}],
      "mailboxes": [
        {"address": "kim@example.test", "profile": "Main", "password_keychain": "kim@example.test"},
        {"address": "lee@example.test", "profile": "Main", "password_keychain": ""},
        {"address": "max@example.test", "profile": "Main", "password_keychain": "x", "password_env": "X"}
      ]
    })json";
    const ConfigParser::Outcome parsed = ConfigParser::parse(json, m_dir.path());
    QVERIFY(std::holds_alternative<QList<ConfigIssue>>(parsed));
    QStringList paths;
    for (const ConfigIssue &issue : std::get<QList<ConfigIssue>>(parsed)) {
        paths.append(issue.path);
    }
    QVERIFY2(paths.contains(u"$.mailboxes[1].password_keychain"_s), qPrintable(paths.join(u',')));
    QVERIFY2(paths.contains(u"$.mailboxes[2]"_s), qPrintable(paths.join(u',')));
    QVERIFY(!paths.contains(u"$.mailboxes[0]"_s) && !paths.contains(u"$.mailboxes[0].password_keychain"_s));
}

void TestKeychain::syncWithAPasswordFromTheKeychain()
{
    if (!DovecotServer::isAvailable()) {
        QSKIP("dovecot is not installed: run scripts/test.sh, which installs it");
    }
    m_dovecot.setUser(u"nina"_s, u"nina-keychain-pw"_s);
    QString error;
    QVERIFY2(m_dovecot.start(&error), qPrintable(error));
    for (int i = 0; i < 3; ++i) {
        QVERIFY(m_dovecot.deliver(
            u"nina"_s, u"INBOX"_s,
            MailFactory::build(MailFactory::realistic(u"nina@example.test"_s, i, QDateTime::currentDateTimeUtc()))));
    }
    // The administrator stores the password (piped here; typed without echo on a terminal).
    NodeRun run = node({u"password"_s, u"set"_s, u"nina@example.test"_s}, "nina-keychain-pw\n");
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    QVERIFY2(run.out.contains(u"\"password_keychain\": \"nina@example.test\""_s), qPrintable(run.out));
    QVERIFY(!run.out.contains(u"nina-keychain-pw"_s));

    TestConfig config(m_dir.filePath(u"cfg"_s));
    config.addProfile(u"Corp"_s, m_dovecot, u"tls"_s);
    config.addMailbox(u"nina@example.test"_s, u"Corp"_s, u"nina"_s, u"unused"_s);
    QJsonObject json = config.json();
    QJsonArray mailboxes = json.value(u"mailboxes"_s).toArray();
    QJsonObject mailbox = mailboxes.at(0).toObject();
    mailbox.remove(u"password_file"_s);
    mailbox.remove(u"password_env"_s);
    mailbox.insert(u"password_keychain"_s, u"nina@example.test"_s);
    mailboxes.replace(0, mailbox);
    json.insert(u"mailboxes"_s, mailboxes);
    const QString path = m_dir.filePath(u"keychain-config.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(json).toJson());
    file.close();
    run = node({u"config"_s, u"import"_s, path});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));

    // A real sync: the worker thread resolves the password through the keychain.
    run = node({u"sync"_s, u"--once"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    QVERIFY2(run.out.contains(u"nina@example.test: ok, 3 new"_s), qPrintable(run.out));
    run = node({u"test-mailbox"_s, u"nina@example.test"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    QVERIFY2(run.out.contains(u"system keychain entry nina@example.test"_s), qPrintable(run.out));

    // Removed from the keychain: the next sync says where the password should have been.
    run = node({u"password"_s, u"delete"_s, u"nina@example.test"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    run = node({u"sync"_s, u"--once"_s});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(u"no entry \"nina@example.test\""_s), qPrintable(run.err));
    QVERIFY2(run.err.contains(u"password-unavailable"_s), qPrintable(run.err));
}

void TestKeychain::noKeychainInTheSessionIsAClearError()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path="_s + m_dir.filePath(u"no-bus-here"_s));
    const NodeRun run = node({u"password"_s, u"set"_s, u"anyone@example.test"_s}, "pw\n", environment);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(u"keychain"_s), qPrintable(run.err));
}

// QtKeychain lives in a module the core opens when a password is first read or written: an installation
// without it says so and how to repair it, rather than failing obscurely at start or reporting "no keychain".
void TestKeychain::missingModuleIsAClearError()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const QString empty = m_dir.filePath(u"no-modules"_s);
    QVERIFY(QDir().mkpath(empty));
    environment.insert(u"SYNCDESK_MODULE_DIR"_s, empty);
    const NodeRun run = node({u"password"_s, u"set"_s, u"anyone@example.test"_s}, "pw\n", environment);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(u"libsyncdesk-keychain.so"_s) && run.err.contains(u"reinstall"_s), qPrintable(run.err));
    QVERIFY2(run.err.contains(empty), qPrintable(run.err)); // where it looked

    // The same command with the module found reaches the keychain (the entry is stored).
    const NodeRun stored = node({u"password"_s, u"set"_s, u"anyone@example.test"_s}, "pw\n");
    QVERIFY2(stored.exitCode == 0, qPrintable(stored.err));
    QCOMPARE(*Keychain::read(u"anyone@example.test"_s), u"pw"_s);
}

// The same installation fault during a sync is the engine's, not the mailbox's: the run says so and fails, and
// the mailbox is neither disabled (as a wrong password would be, Config) nor counted as failing. With the
// module back, the next sync brings the mail.
void TestKeychain::missingModuleLeavesTheMailboxAlone()
{
    if (!DovecotServer::isAvailable()) {
        if (qEnvironmentVariableIsSet("CI")) {
            QFAIL("dovecot is not installed: scripts/test.sh installs it");
        }
        QSKIP("dovecot is not installed: run scripts/test.sh, which installs it");
    }
    QVERIFY2(m_dovecot.isRunning(), "needs the mailbox of syncWithAPasswordFromTheKeychain");
    NodeRun run = node({u"password"_s, u"set"_s, u"nina@example.test"_s}, "nina-keychain-pw\n");
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    QVERIFY(m_dovecot.deliver(
        u"nina"_s, u"INBOX"_s,
        MailFactory::build(MailFactory::realistic(u"nina@example.test"_s, 10, QDateTime::currentDateTimeUtc()))));

    QProcessEnvironment withoutModules = QProcessEnvironment::systemEnvironment();
    const QString empty = m_dir.filePath(u"no-modules-sync"_s);
    QVERIFY(QDir().mkpath(empty));
    withoutModules.insert(u"SYNCDESK_MODULE_DIR"_s, empty);
    for (int attempt = 0; attempt < 3; ++attempt) { // more than once: nothing accumulates towards a disable
        run = node({u"sync"_s, u"--once"_s}, {}, withoutModules);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"libsyncdesk-keychain.so"_s) && run.err.contains(u"reinstall"_s),
                 qPrintable(run.err));
    }

    run = node({u"status"_s, u"--json"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    const QJsonArray statuses = QJsonDocument::fromJson(run.out.toUtf8()).array();
    QCOMPARE(statuses.size(), 1);
    const QJsonObject nina = statuses.at(0).toObject();
    QVERIFY2(nina.value(u"enabled"_s).toBool(), qPrintable(run.out));
    QVERIFY2(nina.value(u"state"_s).toString() != u"disabled"_s, qPrintable(run.out));
    QVERIFY2(nina.value(u"overall_state"_s).toString() != u"disabled"_s, qPrintable(run.out));
    QCOMPARE(nina.value(u"consecutive_failures"_s).toInt(-1), 0);

    run = node({u"sync"_s, u"--once"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    QVERIFY2(run.out.contains(u"nina@example.test: ok, 1 new"_s), qPrintable(run.out));
}

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"

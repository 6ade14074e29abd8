// SyncDesk's modules (core/modules/moduleloader.h): QtKeychain, GMime and libical, with what they load, are
// opened when first needed, not at start. Here: the node starts without them; the real node, with its MIME
// module missing, fails the mailbox's run with the hint module-missing, storing nothing and losing nothing (no
// item failures: the messages are not at fault, and the folder's position stays; the next sync with the module
// stores each message once), and a module of another build is refused the same way; building an outgoing
// message, or reading or writing a calendar object, without its module is a classified error with that hint.

#include "act/icalcodec.h"
#include "dovecotserver.h"
#include "mailfactory.h"
#include "noderunner.h"
#include "outgoing/messagebuilder.h"
#include "testconfig.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace SyncDesk;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

// SYNCDESK_MODULE_DIR set to a directory for the object's life (the loader reads it at every open), then as
// it was.
class ModuleDirOverride
{
public:
    explicit ModuleDirOverride(const QString &directory)
        : m_before(qgetenv("SYNCDESK_MODULE_DIR"))
        , m_wasSet(qEnvironmentVariableIsSet("SYNCDESK_MODULE_DIR"))
    {
        qputenv("SYNCDESK_MODULE_DIR", QFile::encodeName(directory));
    }
    ~ModuleDirOverride()
    {
        if (m_wasSet) {
            qputenv("SYNCDESK_MODULE_DIR", m_before);
        } else {
            qunsetenv("SYNCDESK_MODULE_DIR");
        }
    }
    ModuleDirOverride(const ModuleDirOverride &) = delete;
    ModuleDirOverride &operator=(const ModuleDirOverride &) = delete;

private:
    QByteArray m_before;
    bool m_wasSet;
};

} // namespace

class TestModules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void nodeStartsWithoutItsModules();
    void missingMimeModuleFailsTheBuilderClearly();
    void missingMimeModuleLosesNoMessage();
    void missingICalModuleFailsTheCodecClearly();

private:
    NodeRun node(const QStringList &arguments,
                 const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
    {
        return runNode(QStringLiteral(SYNCDESK_NODE_BINARY), m_db, arguments, {}, environment);
    }

    QTemporaryDir m_dir;
    QString m_db;
};

void TestModules::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_db = m_dir.filePath(u"modules.db"_s);
}

// Every command of the node starts without QtKeychain, Qt D-Bus, libdbus, libsystemd, GMime, GIO or libical: a few
// milliseconds of each short command (the IMAP benchmark's re-sync). The dynamic loader reports every file it
// opens while the command runs (LD_DEBUG=files), what is linked and what is opened later alike; `status`
// opens the store and reads it, as most commands do.
void TestModules::nodeStartsWithoutItsModules()
{
    const QString db = m_dir.filePath(u"start.db"_s);
    TestConfig config(m_dir.filePath(u"start-cfg"_s));
    config.addClosedPortProfile(u"Nowhere"_s, 9);
    config.addMailbox(u"nobody@example.test"_s, u"Nowhere"_s, u"nobody"_s, u"pw"_s);
    const NodeRun created =
        runNode(QStringLiteral(SYNCDESK_NODE_BINARY), db, {u"config"_s, u"import"_s, config.write()});
    QVERIFY2(created.exitCode == 0, qPrintable(created.out + created.err));
    for (const QStringList &command : {QStringList{u"--version"_s}, QStringList{u"--db"_s, db, u"status"_s}}) {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"LD_DEBUG"_s, u"files"_s);
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(SYNCDESK_NODE_BINARY), command);
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 0);
        const QString loaded = QString::fromLocal8Bit(process.readAllStandardError());
        QVERIFY2(loaded.contains(u"libQt6Core.so"_s), qPrintable(loaded.left(2000))); // the report itself worked
        for (const QString &library : {u"libqt6keychain"_s, u"libQt6DBus"_s, u"libdbus-1"_s, u"libsystemd"_s,
                                       u"libgmime"_s, u"libgio-2.0"_s, u"libical"_s, u"libsyncdesk-"_s}) {
            QVERIFY2(!loaded.contains(library), qPrintable(command.join(u' ') + u": "_s + library + u" is loaded"_s));
        }
    }
}

// In this process the MIME module has not been opened yet: with it missing, building an outgoing message is a
// classified error that names the module and where it was looked for.
void TestModules::missingMimeModuleFailsTheBuilderClearly()
{
    const QString empty = m_dir.filePath(u"no-modules-here"_s);
    QVERIFY(QDir().mkpath(empty));
    std::optional<ModuleDirOverride> broken(std::in_place, empty);
    MessageParts parts;
    parts.from = EmailAddress{u"Ana"_s, u"ana@example.test"_s};
    parts.to = {EmailAddress{u"Bo"_s, u"bo@example.test"_s}};
    parts.subject = u"Quote"_s;
    parts.bodyText = u"Hello"_s;
    parts.messageId = MessageBuilder::newMessageId(1, parts.from.address);
    const Result<QByteArray> built = MessageBuilder::build(parts);
    broken.reset();
    QVERIFY(!built.ok());
    QCOMPARE(built.error().errorClass, ErrorClass::Internal);
    QCOMPARE(built.error().hintId, u"module-missing"_s);
    QVERIFY2(built.error().message.contains(u"libsyncdesk-mime.so"_s), qPrintable(built.error().toString()));
    QVERIFY2(built.error().detail.contains(empty), qPrintable(built.error().toString()));
}

void TestModules::missingMimeModuleLosesNoMessage()
{
    if (!DovecotServer::isAvailable()) {
        QSKIP("dovecot is not installed: run scripts/test.sh, which installs it");
    }
    DovecotServer dovecot;
    dovecot.setUser(u"mona"_s, u"mona-pw"_s);
    dovecot.setUser(u"paul"_s, u"paul-pw"_s);
    QString error;
    QVERIFY2(dovecot.start(&error), qPrintable(error));
    for (int i = 0; i < 3; ++i) {
        QVERIFY(dovecot.deliver(
            u"mona"_s, u"INBOX"_s,
            MailFactory::build(MailFactory::realistic(u"mona@example.test"_s, i, QDateTime::currentDateTimeUtc()))));
    }
    for (int i = 0; i < 2; ++i) {
        QVERIFY(dovecot.deliver(
            u"paul"_s, u"INBOX"_s,
            MailFactory::build(MailFactory::realistic(u"paul@example.test"_s, i, QDateTime::currentDateTimeUtc()))));
    }
    TestConfig config(m_dir.filePath(u"cfg"_s));
    config.addProfile(u"Corp"_s, dovecot, u"tls"_s);
    config.addPop3Profile(u"CorpPop"_s, dovecot, u"tls"_s);
    config.addMailbox(u"mona@example.test"_s, u"Corp"_s, u"mona"_s, u"mona-pw"_s);
    config.addMailbox(u"paul@example.test"_s, u"CorpPop"_s, u"paul"_s, u"paul-pw"_s);
    // Two failures in a row would disable a mailbox: the broken installation's two runs below must not.
    QJsonObject json = config.json();
    json.insert(u"scheduler"_s, QJsonObject{{u"max_transient_failures"_s, 2}});
    const QString configPath = m_dir.filePath(u"modules-config.json"_s);
    QFile configFile(configPath);
    QVERIFY(configFile.open(QIODevice::WriteOnly) && configFile.write(QJsonDocument(json).toJson()) > 0);
    configFile.close();
    NodeRun run = node({u"config"_s, u"import"_s, configPath});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));

    // A broken installation: no module where the node looks.
    QProcessEnvironment broken = QProcessEnvironment::systemEnvironment();
    const QString empty = m_dir.filePath(u"no-modules"_s);
    QVERIFY(QDir().mkpath(empty));
    broken.insert(u"SYNCDESK_MODULE_DIR"_s, empty);
    // The installation is at fault, not the messages: the run fails (exit 1) naming the module and where it was
    // looked for, with the hint; no message becomes an item failure and the folder's position stays.
    auto failsForTheModule = [&](const QProcessEnvironment &environment, const QString &why) {
        const NodeRun failed = node({u"sync"_s, u"--once"_s}, environment);
        const QString output = failed.out + failed.err;
        QVERIFY2(failed.exitCode == 1, qPrintable(output));
        QVERIFY2(failed.err.contains(u"mona@example.test: Internal: "_s) &&
                     failed.err.contains(u"paul@example.test: Internal: "_s) &&
                     failed.err.contains(u"libsyncdesk-mime.so"_s) && failed.err.contains(why) &&
                     failed.err.contains(u"hint [module-missing]"_s),
                 qPrintable(output));
        QVERIFY2(!failed.out.contains(u" ok"_s), qPrintable(output));
        const NodeRun failures = node({u"failures"_s, u"--json"_s}); // IMAP and POP3 alike
        QVERIFY2(failures.exitCode == 0, qPrintable(failures.out + failures.err));
        QVERIFY2(!failures.out.contains(u"libsyncdesk-mime.so"_s) && !failures.out.contains(u"\"uid\""_s),
                 qPrintable(failures.out));
        const NodeRun status = node({u"status"_s, u"--json"_s});
        QVERIFY2(status.out.contains(u"module-missing"_s), qPrintable(status.out));
    };
    failsForTheModule(broken, empty);
    if (QTest::currentTestFailed()) {
        return;
    }

    // A MIME module of another build where the node looks (a package half upgraded under a running process):
    // refused before anything of it runs (its decode would abort), and again nothing is lost.
    QProcessEnvironment foreign = QProcessEnvironment::systemEnvironment();
    foreign.insert(u"SYNCDESK_MODULE_DIR"_s, QStringLiteral(SYNCDESK_FOREIGN_MODULE_DIR));
    failsForTheModule(foreign, u"from another build: 0.0.1+git1.0000000"_s);
    if (QTest::currentTestFailed()) {
        return;
    }
    // The installation is at fault, not the mailboxes: two failures in a row, and both are still enabled.
    run = node({u"status"_s, u"--json"_s});
    const QJsonDocument status = QJsonDocument::fromJson(run.out.toUtf8());
    const QJsonArray mailboxes = status.isArray() ? status.array() : status.object().value(u"mailboxes"_s).toArray();
    QCOMPARE(mailboxes.size(), 2);
    for (const QJsonValue &mailbox : mailboxes) {
        QVERIFY2(mailbox[u"enabled"_s].toBool(), qPrintable(run.out));
        QCOMPARE(mailbox[u"consecutive_failures"_s].toInt(), 2);
    }

    // Repaired: the next sync stores each of the three, once.
    run = node({u"sync"_s, u"--once"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    QVERIFY2(run.out.contains(u"mona@example.test: ok, 3 new"_s), qPrintable(run.out + run.err));
    QVERIFY2(run.out.contains(u"paul@example.test: ok, 2 new"_s), qPrintable(run.out + run.err));
    run = node({u"sync"_s, u"--once"_s});
    QVERIFY2(run.out.contains(u"mona@example.test: ok, 0 new"_s), qPrintable(run.out + run.err));
    QVERIFY2(run.out.contains(u"paul@example.test: ok, 0 new"_s), qPrintable(run.out + run.err));
    run = node({u"verify"_s, u"--mailbox"_s, u"mona@example.test"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
}

// In this process the iCalendar module has not been opened yet: with it missing, reading, writing and
// expanding a calendar object are classified errors naming the module and where it was looked for; once it is
// back, the next call opens it (no restart). tst_actcli checks that the calendar direction loses nothing then.
void TestModules::missingICalModuleFailsTheCodecClearly()
{
    const QByteArray event = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VEVENT\r\n"
                             "UID:module-1\r\nDTSTAMP:20260301T000000Z\r\nDTSTART:20260302T090000Z\r\n"
                             "DTEND:20260302T100000Z\r\nSUMMARY:Standup\r\nRRULE:FREQ=DAILY;COUNT=3\r\n"
                             "END:VEVENT\r\nEND:VCALENDAR\r\n";
    const QString empty = m_dir.filePath(u"no-ical-here"_s);
    QVERIFY(QDir().mkpath(empty));
    std::optional<ModuleDirOverride> broken(std::in_place, empty);
    Appointment appointment;
    appointment.uid = u"module-1"_s;
    appointment.subject = u"Standup"_s;
    appointment.start = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
    appointment.end = appointment.start.addSecs(3600);
    appointment.recurrence = u"FREQ=DAILY;COUNT=3"_s;
    const auto parsedWithout = ICalCodec::parse(event);
    const auto writtenWithout = ICalCodec::write(appointment);
    const auto taskWithout = ICalCodec::write(CrmTask{});
    const auto occurrencesWithout =
        ICalCodec::occurrences(appointment, appointment.start, appointment.start.addDays(7));
    broken.reset();
    QVERIFY(!parsedWithout.ok() && !writtenWithout.ok() && !taskWithout.ok() && !occurrencesWithout.ok());
    const QList<SyncError> errors{parsedWithout.error(), writtenWithout.error(), taskWithout.error(),
                                  occurrencesWithout.error()};
    for (const SyncError &error : errors) {
        QCOMPARE(error.errorClass, ErrorClass::Internal);
        QCOMPARE(error.hintId, u"module-missing"_s);
        QVERIFY2(error.message.contains(u"libsyncdesk-ical.so"_s), qPrintable(error.toString()));
        QVERIFY2(error.detail.contains(empty), qPrintable(error.toString()));
    }
    const auto parsed = ICalCodec::parse(event);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
    QCOMPARE(parsed->appointment.subject, u"Standup"_s);
    const auto occurrences = ICalCodec::occurrences(appointment, appointment.start, appointment.start.addDays(7));
    QVERIFY(occurrences.ok());
    QCOMPARE(occurrences->size(), 3);
    const auto written = ICalCodec::write(appointment);
    QVERIFY(written.ok());
    QVERIFY2(written->contains("SUMMARY:Standup"), written->constData());
}

QTEST_GUILESS_MAIN(TestModules)
#include "tst_modules.moc"

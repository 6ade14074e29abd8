// ConfigParser: validation, defaults, and the JSON paths of the problems it finds. (Importing into a store:
// tst_configimport.)

#include "configtestsupport.h"

#include <QHash>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace SyncDesk;
using namespace SyncDesk::ConfigTest;
using namespace Qt::StringLiterals;

class TestConfigParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void validFileWithDefaults();
    void relativePasswordFileFollowsTheConfigFolder();
    void readablePasswordFileWarns();
    void badFiles_data();
    void badFiles();
    void invalidJsonReportsLineAndColumn();
    void unreadableFile();
};

void TestConfigParser::initTestCase()
{
    // The valid file names this variable; it must be unset for the expected warning.
    qunsetenv("SYNCDESK_TEST_UNSET_VAR");
    QVERIFY(!qEnvironmentVariableIsSet("SYNCDESK_TEST_UNSET_VAR"));
}

void TestConfigParser::validFileWithDefaults()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = writeValidConfig(dir.path());
    QVERIFY(!path.isEmpty());

    bool ok = false;
    const ConfigFile file = parsedOrFail(ConfigParser::parseFile(path), &ok);
    QVERIFY(ok);
    QCOMPARE(file.profiles, expectedProfiles());
    QCOMPARE(file.mailboxes, expectedMailboxes(dir.path() + u"/config"_s));
    // The unset variable is only a warning: it must be set where the sync runs, maybe not here.
    QCOMPARE(file.warnings.size(), 1);
    QCOMPARE(file.warnings.at(0).path, u"$.mailboxes[1].password_env"_s);
    QVERIFY(file.warnings.at(0).message.contains(u"SYNCDESK_TEST_UNSET_VAR"_s));
}

void TestConfigParser::relativePasswordFileFollowsTheConfigFolder()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = writeValidConfig(dir.path());
    QVERIFY(!path.isEmpty());

    // Whatever the working directory, relative names are resolved against the file's folder.
    const QString previous = QDir::currentPath();
    QVERIFY(QDir::setCurrent(QDir::tempPath()));
    const ConfigParser::Outcome outcome = ConfigParser::parseFile(path);
    QVERIFY(QDir::setCurrent(previous));
    bool ok = false;
    const ConfigFile file = parsedOrFail(outcome, &ok);
    QVERIFY(ok);
    QCOMPARE(file.mailboxes.at(0).passwordSource, u"file:"_s + dir.path() + u"/config/secrets/alice.pass"_s);
    QCOMPARE(file.mailboxes.at(2).passwordSource, u"file:"_s + dir.path() + u"/shared/carol.pass"_s);

    // parse() takes the folder explicitly: the same relative name against another folder is not found.
    const auto elsewhere = ConfigParser::parse(kValid, dir.path());
    const auto *issues = std::get_if<QList<ConfigIssue>>(&elsewhere);
    if (!issues) {
        QFAIL("unexpected outcome");
    }
    QCOMPARE(issues->size(), 2);
    QCOMPARE(issues->at(0).path, u"$.mailboxes[0].password_file"_s);
    QVERIFY(issues->at(0).message.contains(dir.path() + u"/secrets/alice.pass"_s));
    QCOMPARE(issues->at(1).path, u"$.mailboxes[2].password_file"_s);
}

void TestConfigParser::readablePasswordFileWarns()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = writeValidConfig(dir.path());
    QVERIFY(QFile::setPermissions(dir.path() + u"/config/secrets/alice.pass"_s,
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                                      QFileDevice::ReadOther));
    bool ok = false;
    const ConfigFile file = parsedOrFail(ConfigParser::parseFile(path), &ok);
    QVERIFY(ok);
    QStringList paths;
    for (const ConfigIssue &warning : file.warnings) {
        paths.append(warning.path);
    }
    QCOMPARE(paths, (QStringList{u"$.mailboxes[0].password_file"_s, u"$.mailboxes[1].password_env"_s}));
    QVERIFY(file.warnings.at(0).message.contains(u"chmod 600"_s));
}

void TestConfigParser::badFiles_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("paths"); // every error, in order
    QTest::addColumn<QString>("message");   // part of the first error's message

    QTest::newRow("port out of range") << changed(R"("host": "imap.example.test"})",
                                                  R"("host": "imap.example.test", "port": 70000})")
                                       << QStringList{u"$.server_profiles[0].incoming.port"_s}
                                       << u"expected an integer from 1 to 65535, got the number 70000"_s;
    QTest::newRow("port zero") << changed(R"("host": "imap.example.test"})",
                                          R"("host": "imap.example.test", "port": 0})")
                               << QStringList{u"$.server_profiles[0].incoming.port"_s} << u"from 1 to 65535"_s;
    QTest::newRow("port as string") << changed(R"("host": "pop.example.test"})",
                                               R"("host": "pop.example.test", "port": "995"})")
                                    << QStringList{u"$.server_profiles[1].incoming.port"_s}
                                    << u"got the string \"995\""_s;
    // Fuzzer finding: a number beyond qint64's range was converted to an integer before its range was checked
    // (undefined behaviour); it is just another port out of range.
    QTest::newRow("port 1e90 (fuzzer regression)")
        << changed(R"("host": "imap.example.test"})", R"("host": "imap.example.test", "port": 1.66667e90})")
        << QStringList{u"$.server_profiles[0].incoming.port"_s} << u"expected an integer from 1 to 65535"_s;
    QTest::newRow("port -1e300") << changed(R"("host": "imap.example.test"})",
                                            R"("host": "imap.example.test", "port": -1e300})")
                                 << QStringList{u"$.server_profiles[0].incoming.port"_s} << u"from 1 to 65535"_s;
    QTest::newRow("send_max_attempts of 0")
        << changed(R"({"server_profiles")", R"({"scheduler": {"send_max_attempts": 0}, "server_profiles")")
        << QStringList{u"$.scheduler.send_max_attempts"_s} << u"expected an integer from 1 to 100"_s;
    QTest::newRow("audit_interval_hours beyond 30 days")
        << changed(R"({"server_profiles")", R"({"scheduler": {"audit_interval_hours": 721}, "server_profiles")")
        << QStringList{u"$.scheduler.audit_interval_hours"_s} << u"expected an integer from 0 to 720"_s;
    QTest::newRow("retention log_days 0")
        << changed(R"({"server_profiles")", R"({"retention": {"log_days": 0}, "server_profiles")")
        << QStringList{u"$.retention.log_days"_s} << u"expected an integer from 1 to 3650, got the number 0"_s;
    QTest::newRow("retention runs_days beyond ten years")
        << changed(R"({"server_profiles")", R"({"retention": {"runs_days": 3651}, "server_profiles")")
        << QStringList{u"$.retention.runs_days"_s} << u"expected an integer from 1 to 3650"_s;
    QTest::newRow("retention days as a string")
        << changed(R"({"server_profiles")", R"({"retention": {"closed_alerts_days": "90"}, "server_profiles")")
        << QStringList{u"$.retention.closed_alerts_days"_s} << u"got the string \"90\""_s;
    QTest::newRow("retention fractional days")
        << changed(R"({"server_profiles")", R"({"retention": {"dead_nodes_days": 1.5}, "server_profiles")")
        << QStringList{u"$.retention.dead_nodes_days"_s} << u"expected an integer from 1 to 3650"_s;
    QTest::newRow("retention unknown key")
        << changed(R"({"server_profiles")", R"({"retention": {"log_dayz": 30}, "server_profiles")")
        << QStringList{u"$.retention.log_dayz"_s} << u"unknown key; expected one of: debug_log_days, log_days"_s;
    QTest::newRow("retention not an object")
        << changed(R"({"server_profiles")", R"({"retention": 30, "server_profiles")") << QStringList{u"$.retention"_s}
        << u"expected an object"_s;
    QTest::newRow("max_concurrent_connections 1e300")
        << changed(R"("name": "Other", )", R"("name": "Other", "max_concurrent_connections": 1e300, )")
        << QStringList{u"$.server_profiles[1].max_concurrent_connections"_s} << u"1e+300"_s;
    QTest::newRow("port fractional") << changed(R"("host": "imap.example.test"})",
                                                R"("host": "imap.example.test", "port": 993.5})")
                                     << QStringList{u"$.server_profiles[0].incoming.port"_s} << u"993.5"_s;
    QTest::newRow("password file missing")
        << changed(R"("password_env": "BOB_PW")", R"("password_file": "missing.pass")")
        << QStringList{u"$.mailboxes[1].password_file"_s} << u"does not exist or cannot be read"_s;
    QTest::newRow("password file empty name")
        << changed(R"("password_env": "BOB_PW")", R"("password_file": "")")
        << QStringList{u"$.mailboxes[1].password_file"_s} << u"expected the path of a file"_s;
    QTest::newRow("unknown key (typo)") << changed(R"("password_env": "ALICE_PW")", R"("pasword_file": "alice.pass")")
                                        << QStringList{u"$.mailboxes[0].pasword_file"_s, u"$.mailboxes[0]"_s}
                                        << u"unknown key; expected one of: "_s;
    QTest::newRow("unknown key beside a valid one")
        << changed(R"("password_env": "ALICE_PW")", R"("password_env": "ALICE_PW", "pasword_file": "x")")
        << QStringList{u"$.mailboxes[0].pasword_file"_s} << u"unknown key"_s;
    QTest::newRow("both password_file and password_env")
        << changed(R"("password_env": "ALICE_PW")", R"("password_env": "ALICE_PW", "password_file": "a.pass")")
        << QStringList{u"$.mailboxes[0]"_s}
        << u"give one of password_file, password_env and password_keychain, not several"_s;
    QTest::newRow("no password") << changed(R"(, "password_env": "BOB_PW")", "") << QStringList{u"$.mailboxes[1]"_s}
                                 << u"missing password_file, password_env or password_keychain"_s;
    QTest::newRow("bad password_env") << changed(R"("ALICE_PW")", R"("1-BAD")")
                                      << QStringList{u"$.mailboxes[0].password_env"_s}
                                      << u"expected an environment variable name"_s;
    QTest::newRow("bad security") << changed(R"("host": "imap.example.test"})",
                                             R"("host": "imap.example.test", "security": "ssl"})")
                                  << QStringList{u"$.server_profiles[0].incoming.security"_s}
                                  << u"expected \"none\", \"starttls\" or \"tls\", got the string \"ssl\""_s;
    QTest::newRow("security upper case") << changed(R"("host": "pop.example.test"})",
                                                    R"("host": "pop.example.test", "security": "TLS"})")
                                         << QStringList{u"$.server_profiles[1].incoming.security"_s} << u"TLS"_s;
    QTest::newRow("duplicate mailbox address")
        << changed(R"("address": "bob@example.test")", R"("address": "ALICE@example.test")")
        << QStringList{u"$.mailboxes[1].address"_s} << u"the mailbox alice@example.test is listed twice"_s;
    QTest::newRow("bad address") << changed(R"("alice@example.test")", R"("alice at example")")
                                 << QStringList{u"$.mailboxes[0].address"_s} << u"expected an email address"_s;
    QTest::newRow("missing profile reference")
        << changed(R"("profile": "Other", )", "") << QStringList{u"$.mailboxes[1].profile"_s}
        << u"expected the name of a server profile, got nothing"_s;
    QTest::newRow("enabled not a boolean") << changed(R"("BOB_PW"})", R"("BOB_PW", "enabled": "yes"})")
                                           << QStringList{u"$.mailboxes[1].enabled"_s} << u"expected true or false"_s;
    QTest::newRow("folders empty") << changed(R"("BOB_PW"})", R"("BOB_PW", "folders": []})")
                                   << QStringList{u"$.mailboxes[1].folders"_s} << u"non-empty array"_s;
    QTest::newRow("folders not an array") << changed(R"("BOB_PW"})", R"("BOB_PW", "folders": "INBOX"})")
                                          << QStringList{u"$.mailboxes[1].folders"_s} << u"non-empty array"_s;
    QTest::newRow("folder listed twice") << changed(R"("BOB_PW"})",
                                                    R"("BOB_PW", "folders": ["INBOX", "Sent", "inbox"]})")
                                         << QStringList{u"$.mailboxes[1].folders[2]"_s}
                                         << u"the folder \"INBOX\" is listed twice"_s;
    QTest::newRow("folder empty name") << changed(R"("BOB_PW"})", R"("BOB_PW", "folders": ["INBOX", ""]})")
                                       << QStringList{u"$.mailboxes[1].folders[1]"_s} << u"expected a folder name"_s;
    QTest::newRow("folder with line break") << changed(R"("BOB_PW"})", R"("BOB_PW", "folders": ["a\nb"]})")
                                            << QStringList{u"$.mailboxes[1].folders[0]"_s} << u"line breaks"_s;
    QTest::newRow("mailbox not an object")
        << changed(R"({"address": "bob@example.test", "profile": "Other", "password_env": "BOB_PW"})", "42")
        << QStringList{u"$.mailboxes[1]"_s} << u"expected a mailbox object, got the number 42"_s;
    QTest::newRow("mailboxes not an array") << QByteArray(R"({"mailboxes": {}})") << QStringList{u"$.mailboxes"_s}
                                            << u"expected an array of mailboxes, got an object"_s;
    QTest::newRow("top level array") << QByteArray("[]") << QStringList{u"$"_s} << u"expected an object"_s;
    QTest::newRow("top level empty object")
        << QByteArray("{}") << QStringList{u"$"_s}
        << u"none of \"server_profiles\", \"mailboxes\", \"crm\" and \"retention\""_s;
    QTest::newRow("unknown top-level key") << changed(R"("server_profiles")", R"("server_profile")")
                                           << QStringList{u"$.server_profile"_s} << u"unknown key"_s;
    QTest::newRow("profile without incoming")
        << changed(R"(, "incoming": {"protocol": "pop3", "host": "pop.example.test"})", "")
        << QStringList{u"$.server_profiles[1].incoming"_s} << u"missing"_s;
    QTest::newRow("profile without name")
        << changed(R"("name": "Main", )", "") << QStringList{u"$.server_profiles[0].name"_s} << u"non-empty string"_s;
    QTest::newRow("duplicate profile name")
        << changed(R"("name": "Other")", R"("name": "Main")") << QStringList{u"$.server_profiles[1].name"_s}
        << u"the profile name \"Main\" is used twice"_s;
    QTest::newRow("incoming smtp") << changed(R"("protocol": "imap")", R"("protocol": "smtp")")
                                   << QStringList{u"$.server_profiles[0].incoming.protocol"_s}
                                   << u"expected \"imap\" or \"pop3\""_s;
    QTest::newRow("incoming protocol missing")
        << changed(R"("protocol": "imap", )", "") << QStringList{u"$.server_profiles[0].incoming.protocol"_s}
        << u"got nothing"_s;
    QTest::newRow("bad host") << changed(R"("host": "imap.example.test")", R"("host": "imap example test")")
                              << QStringList{u"$.server_profiles[0].incoming.host"_s}
                              << u"expected a host name or IP address"_s;
    QTest::newRow("outgoing not smtp")
        << changed(R"("host": "pop.example.test"}})",
                   R"("host": "pop.example.test"}, "outgoing": {"protocol": "imap", "host": "smtp.example.test"}})")
        << QStringList{u"$.server_profiles[1].outgoing.protocol"_s} << u"expected \"smtp\" for outgoing mail"_s;
    QTest::newRow("unknown endpoint key")
        << changed(R"("host": "imap.example.test"})", R"("host": "imap.example.test", "tls": true})")
        << QStringList{u"$.server_profiles[0].incoming.tls"_s} << u"unknown key"_s;
    QTest::newRow("ca_file missing") << changed(R"("host": "imap.example.test"})",
                                                R"("host": "imap.example.test", "ca_file": "nope.pem"})")
                                     << QStringList{u"$.server_profiles[0].incoming.ca_file"_s}
                                     << u"does not exist or cannot be read"_s;
    QTest::newRow("connections zero") << changed(R"("name": "Other", )",
                                                 R"("name": "Other", "max_concurrent_connections": 0, )")
                                      << QStringList{u"$.server_profiles[1].max_concurrent_connections"_s}
                                      << u"expected an integer from 1 to 1000"_s;
    // A user's finding: a value above the upper limit was told "expected a number above 0", and a large number
    // was shown rounded ("1e+06").
    QTest::newRow("busy_items_per_sync above its limit")
        << QByteArray(R"({"scheduler": {"busy_items_per_sync": 1000000}, "mailboxes": []})")
        << QStringList{u"$.scheduler.busy_items_per_sync"_s}
        << u"expected a number above 0 and at most 100000, got the number 1000000"_s;
    QTest::newRow("a large integer shown whole")
        << changed(R"("host": "imap.example.test"})", R"("host": "imap.example.test", "port": 2147483648})")
        << QStringList{u"$.server_profiles[0].incoming.port"_s} << u"got the number 2147483648"_s;
    QTest::newRow("several problems at once")
        << QByteArray(kBase)
               .replace(R"("protocol": "imap")", R"("protocol": "imap", "port": -1)")
               .replace(R"("alice@example.test")", R"("alice")")
               .replace(R"("BOB_PW"})", R"("BOB_PW", "enabled": 1})")
        << QStringList{u"$.server_profiles[0].incoming.port"_s, u"$.mailboxes[0].address"_s,
                       u"$.mailboxes[1].enabled"_s}
        << u"from 1 to 65535"_s;
}

void TestConfigParser::badFiles()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, paths);
    QFETCH(QString, message);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const ConfigParser::Outcome outcome = ConfigParser::parse(json, dir.path());
    const auto *issues = std::get_if<QList<ConfigIssue>>(&outcome);
    if (!issues) {
        QFAIL("the file was accepted");
    }
    QStringList reported;
    for (const ConfigIssue &issue : *issues) {
        reported.append(issue.path);
    }
    QCOMPARE(reported, paths);
    QVERIFY2(issues->constFirst().message.contains(message), qPrintable(issues->constFirst().message));
}

void TestConfigParser::invalidJsonReportsLineAndColumn()
{
    // The stray comma is on line 3, column 17 (Qt reports the offset just after it; the parser corrects that).
    const QByteArray json = "{\n  \"server_profiles\": [],\n  \"mailboxes\": [,]\n}\n";
    const ConfigParser::Outcome outcome = ConfigParser::parse(json, QDir::tempPath());
    const auto *issues = std::get_if<QList<ConfigIssue>>(&outcome);
    if (!issues) {
        QFAIL("unexpected outcome");
    }
    QCOMPARE(issues->size(), 1);
    QCOMPARE(issues->at(0).path, u"$"_s);
    const QString message = issues->at(0).message;
    QVERIFY2(message.startsWith(u"not valid JSON at line 3, column 17: "_s), qPrintable(message));

    // A missing closing brace at the very end.
    const QByteArray unterminated = "{\"mailboxes\": []\n";
    const ConfigParser::Outcome second = ConfigParser::parse(unterminated, QDir::tempPath());
    const auto *secondIssues = std::get_if<QList<ConfigIssue>>(&second);
    if (!secondIssues) {
        QFAIL("unexpected outcome");
    }
    QCOMPARE(secondIssues->size(), 1);
    QVERIFY2(secondIssues->at(0).message.startsWith(u"not valid JSON at line 2"_s),
             qPrintable(secondIssues->at(0).message));
}

void TestConfigParser::unreadableFile()
{
    const QString path = QDir::tempPath() + u"/syncdesk-no-such-dir-4711/config.json"_s;
    const ConfigParser::Outcome outcome = ConfigParser::parseFile(path);
    const auto *issues = std::get_if<QList<ConfigIssue>>(&outcome);
    if (!issues) {
        QFAIL("unexpected outcome");
    }
    QCOMPARE(issues->size(), 1);
    QCOMPARE(issues->at(0).path, path);
    QVERIFY(issues->at(0).message.startsWith(u"cannot read the file"_s));
}

QTEST_GUILESS_MAIN(TestConfigParser)
#include "tst_configparser.moc"

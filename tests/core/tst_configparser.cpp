// ConfigParser (validation, defaults, JSON paths of problems) and ConfigImporter (into a real SQLite
// store: create, unchanged, update, all or nothing, and no password in the database).

#include "config/configimporter.h"
#include "config/configparser.h"
#include "store/retentionstore.h"
#include "store/store.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace SyncDesk;
using namespace Qt::StringLiterals;

namespace SyncDesk {
// Readable QCOMPARE failures.
QDebug operator<<(QDebug debug, const Endpoint &endpoint)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << protocolName(endpoint.protocol) << "://" << endpoint.host << ':' << endpoint.port << " ("
                    << securityName(endpoint.security) << ", ca " << endpoint.caFile << ')';
    return debug;
}
QDebug operator<<(QDebug debug, const ServerProfile &profile)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << "ServerProfile(" << profile.id << ", " << profile.name << ", " << profile.incoming << ", ";
    if (profile.outgoing) {
        debug << *profile.outgoing;
    } else {
        debug << "no outgoing";
    }
    debug << ", " << profile.maxConcurrentConnections << ')';
    return debug;
}
QDebug operator<<(QDebug debug, const Mailbox &mailbox)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << "Mailbox(" << mailbox.id << ", " << mailbox.address << ", profile " << mailbox.profileId << ' '
                    << mailbox.profileName << ", " << mailbox.username << ", " << mailbox.passwordSource << ", "
                    << mailbox.enabled << ", " << mailbox.folders << ')';
    return debug;
}
QDebug operator<<(QDebug debug, const ConfigIssue &issue)
{
    QDebugStateSaver saver(debug);
    debug.noquote() << issue.toString();
    return debug;
}
} // namespace SyncDesk

namespace {

const QString kPassword = u"Sup3r-Secret-Pa55word!"_s;

QString summaryText(const ImportSummary &s)
{
    return u"profiles %1 created, %2 updated, %3 unchanged; mailboxes %4 created, %5 updated, %6 unchanged"_s
        .arg(s.profilesCreated)
        .arg(s.profilesUpdated)
        .arg(s.profilesUnchanged)
        .arg(s.mailboxesCreated)
        .arg(s.mailboxesUpdated)
        .arg(s.mailboxesUnchanged);
}

QString summaryText(int pc, int pu, int pn, int mc, int mu, int mn)
{
    ImportSummary summary;
    summary.profilesCreated = pc;
    summary.profilesUpdated = pu;
    summary.profilesUnchanged = pn;
    summary.mailboxesCreated = mc;
    summary.mailboxesUpdated = mu;
    summary.mailboxesUnchanged = mn;
    return summaryText(summary);
}

bool writeFile(const QString &path, const QByteArray &content, QFileDevice::Permissions permissions = {})
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size()) {
        return false;
    }
    file.close();
    return permissions ? file.setPermissions(permissions) : true;
}

Endpoint endpoint(MailProtocol protocol, const QString &host, quint16 port, Security security)
{
    Endpoint e;
    e.protocol = protocol;
    e.host = host;
    e.port = port;
    e.security = security;
    return e;
}

ServerProfile profile(const QString &name, const Endpoint &incoming, std::optional<Endpoint> outgoing = std::nullopt,
                      int connections = 10)
{
    ServerProfile p;
    p.name = name;
    p.incoming = incoming;
    p.outgoing = outgoing;
    p.maxConcurrentConnections = connections;
    return p;
}

// A valid file covering the defaults: ports by protocol and security, security "tls", username = address,
// folders = INBOX, enabled = true; INBOX in any case becomes "INBOX".
const QByteArray kValid = R"({
  "server_profiles": [
    {"name": "Main", "incoming": {"protocol": "imap", "host": "imap.example.test"}},
    {"name": "Starttls", "incoming": {"protocol": "imap", "host": "mail.example.test", "security": "starttls"},
     "outgoing": {"host": "smtp.example.test", "security": "starttls"}, "max_concurrent_connections": 3},
    {"name": "Plain", "incoming": {"protocol": "imap", "host": "imap.example.test", "security": "none"},
     "outgoing": {"protocol": "smtp", "host": "smtp.example.test"}},
    {"name": "Pop", "incoming": {"protocol": "pop3", "host": "pop.example.test"}},
    {"name": "PopNone", "incoming": {"protocol": "pop3", "host": "10.0.0.5", "security": "none"}},
    {"name": "Custom", "incoming": {"protocol": "pop3", "host": "pop.example.test", "security": "none", "port": 1110}}
  ],
  "mailboxes": [
    {"address": " Alice@Example.TEST ", "profile": "Main", "password_file": "secrets/alice.pass"},
    {"address": "bob@example.test", "profile": "Starttls", "username": "bob.b", "password_env": "SYNCDESK_TEST_UNSET_VAR",
     "enabled": false, "folders": ["inbox", "Sent", "Kunden/Müller"]},
    {"address": "carol@example.test", "profile": "Pop", "password_file": "../shared/carol.pass", "enabled": true}
  ]
})";

QList<ServerProfile> expectedProfiles()
{
    return {
        profile(u"Main"_s, endpoint(MailProtocol::Imap, u"imap.example.test"_s, 993, Security::Tls)),
        profile(u"Starttls"_s, endpoint(MailProtocol::Imap, u"mail.example.test"_s, 143, Security::StartTls),
                endpoint(MailProtocol::Smtp, u"smtp.example.test"_s, 587, Security::StartTls), 3),
        profile(u"Plain"_s, endpoint(MailProtocol::Imap, u"imap.example.test"_s, 143, Security::None),
                endpoint(MailProtocol::Smtp, u"smtp.example.test"_s, 465, Security::Tls)),
        profile(u"Pop"_s, endpoint(MailProtocol::Pop3, u"pop.example.test"_s, 995, Security::Tls)),
        profile(u"PopNone"_s, endpoint(MailProtocol::Pop3, u"10.0.0.5"_s, 110, Security::None)),
        profile(u"Custom"_s, endpoint(MailProtocol::Pop3, u"pop.example.test"_s, 1110, Security::None)),
    };
}

// configDir: the folder of the configuration file; passwords are below it and beside it.
QList<Mailbox> expectedMailboxes(const QString &configDir)
{
    Mailbox alice;
    alice.address = u"alice@example.test"_s;
    alice.profileName = u"Main"_s;
    alice.username = u"alice@example.test"_s;
    alice.passwordSource = u"file:"_s + QDir::cleanPath(configDir + u"/secrets/alice.pass"_s);
    Mailbox bob;
    bob.address = u"bob@example.test"_s;
    bob.profileName = u"Starttls"_s;
    bob.username = u"bob.b"_s;
    bob.passwordSource = u"env:SYNCDESK_TEST_UNSET_VAR"_s;
    bob.enabled = false;
    bob.folders = {u"INBOX"_s, u"Sent"_s, u"Kunden/Müller"_s};
    Mailbox carol;
    carol.address = u"carol@example.test"_s;
    carol.profileName = u"Pop"_s;
    carol.username = u"carol@example.test"_s;
    carol.passwordSource = u"file:"_s + QDir::cleanPath(configDir + u"/../shared/carol.pass"_s);
    return {alice, bob, carol};
}

// Writes kValid and its password files into `root`/config; returns the configuration file's path.
QString writeValidConfig(const QString &root, const QByteArray &json = kValid)
{
    const QString config = root + u"/config/syncdesk.json"_s;
    const QFileDevice::Permissions ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    if (!writeFile(config, json) ||
        !writeFile(root + u"/config/secrets/alice.pass"_s, kPassword.toUtf8() + '\n', ownerOnly) ||
        !writeFile(root + u"/shared/carol.pass"_s, "carol-" + kPassword.toUtf8() + '\n', ownerOnly)) {
        return {};
    }
    return config;
}

ConfigFile parsedOrFail(const ConfigParser::Outcome &outcome, bool *ok)
{
    if (const auto *issues = std::get_if<QList<ConfigIssue>>(&outcome)) {
        QStringList lines;
        for (const ConfigIssue &issue : *issues) {
            lines.append(issue.toString());
        }
        qWarning("unexpected configuration issues: %s", qPrintable(lines.join(u"; "_s)));
        *ok = false;
        return {};
    }
    *ok = true;
    return std::get<ConfigFile>(outcome);
}

// The base of the bad-file table: valid, without files to read. Rows change one thing in it.
const QByteArray kBase = R"({"server_profiles": [
  {"name": "Main", "incoming": {"protocol": "imap", "host": "imap.example.test"}},
  {"name": "Other", "incoming": {"protocol": "pop3", "host": "pop.example.test"}}],
 "mailboxes": [
  {"address": "alice@example.test", "profile": "Main", "password_env": "ALICE_PW"},
  {"address": "bob@example.test", "profile": "Other", "password_env": "BOB_PW"}]})";

QByteArray changed(const QByteArray &from, const QByteArray &to)
{
    if (!kBase.contains(from)) {
        qFatal("test table error: %s is not in the base file", from.constData());
    }
    return QByteArray(kBase).replace(from, to);
}

} // namespace

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

    void importCreatesThenReportsUnchanged();
    void importUpdatesChanges();
    void importUsesProfilesAlreadyStored();
    void unknownProfileChangesNothing();
    void passwordNeverReachesTheDatabase();
    void retentionSectionReachesTheStore();
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

void TestConfigParser::importCreatesThenReportsUnchanged()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = writeValidConfig(dir.path());
    bool ok = false;
    const ConfigFile file = parsedOrFail(ConfigParser::parseFile(path), &ok);
    QVERIFY(ok);

    auto opened = Store::open(StoreConfig::sqlite(dir.filePath(u"syncdesk.db"_s)));
    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().toString()));
    Store &store = **opened;

    const ConfigImporter::Outcome first = ConfigImporter::import(store, file);
    const auto *created = std::get_if<ImportSummary>(&first);
    if (!created) {
        QFAIL("unexpected outcome");
    }
    QCOMPARE(summaryText(*created), summaryText(6, 0, 0, 3, 0, 0));

    // What the store holds is what the file says (profiles come back ordered by name, mailboxes by address).
    auto profiles = store.profiles();
    QVERIFY(profiles.ok());
    QList<ServerProfile> expected = expectedProfiles();
    std::sort(expected.begin(), expected.end(), [](const auto &a, const auto &b) { return a.name < b.name; });
    QCOMPARE(profiles->size(), expected.size());
    QHash<QString, qint64> profileIds;
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QVERIFY(profiles->at(i).id > 0);
        expected[i].id = profiles->at(i).id;
        profileIds.insert(expected.at(i).name, expected.at(i).id);
    }
    QCOMPARE(*profiles, expected);

    auto mailboxes = store.mailboxes();
    QVERIFY(mailboxes.ok());
    QList<Mailbox> expectedBoxes = expectedMailboxes(dir.path() + u"/config"_s);
    QCOMPARE(mailboxes->size(), expectedBoxes.size());
    for (qsizetype i = 0; i < expectedBoxes.size(); ++i) {
        QVERIFY(mailboxes->at(i).id > 0);
        expectedBoxes[i].id = mailboxes->at(i).id;
        expectedBoxes[i].profileId = profileIds.value(expectedBoxes.at(i).profileName);
        if (!expectedBoxes.at(i).enabled) {
            // "enabled": false in a file disables the mailbox, saying so and since when.
            QCOMPARE(mailboxes->at(i).disabledReason, u"config"_s);
            QVERIFY(mailboxes->at(i).disabledAt.isValid());
            expectedBoxes[i].disabledReason = u"config"_s;
            expectedBoxes[i].disabledAt = mailboxes->at(i).disabledAt;
        }
    }
    QCOMPARE(*mailboxes, expectedBoxes);

    // The same file again: nothing created, nothing updated, same rows.
    const ConfigImporter::Outcome second = ConfigImporter::import(store, file);
    const auto *unchanged = std::get_if<ImportSummary>(&second);
    if (!unchanged) {
        QFAIL("unexpected outcome");
    }
    QCOMPARE(summaryText(*unchanged), summaryText(0, 0, 6, 0, 0, 3));
    auto profilesAgain = store.profiles();
    QVERIFY(profilesAgain.ok());
    QCOMPARE(*profilesAgain, expected);
    auto mailboxesAgain = store.mailboxes();
    QVERIFY(mailboxesAgain.ok());
    QCOMPARE(*mailboxesAgain, expectedBoxes);
}

void TestConfigParser::importUpdatesChanges()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = writeValidConfig(dir.path());
    bool ok = false;
    const ConfigFile file = parsedOrFail(ConfigParser::parseFile(path), &ok);
    QVERIFY(ok);
    auto opened = Store::open(StoreConfig::sqlite(dir.filePath(u"syncdesk.db"_s)));
    QVERIFY(opened.ok());
    Store &store = **opened;
    QVERIFY(std::holds_alternative<ImportSummary>(ConfigImporter::import(store, file)));
    auto before = store.mailboxByAddress(u"alice@example.test"_s);
    QVERIFY(before.ok() && before->has_value());

    // One profile's port and one mailbox's folders change.
    QByteArray json = kValid;
    json.replace(R"({"protocol": "imap", "host": "imap.example.test"})",
                 R"({"protocol": "imap", "host": "imap.example.test", "port": 10993})");
    json.replace(R"("password_file": "secrets/alice.pass"})",
                 R"("password_file": "secrets/alice.pass", "folders": ["INBOX", "Archive"]})");
    QVERIFY(writeFile(path, json));
    const ConfigFile changedFile = parsedOrFail(ConfigParser::parseFile(path), &ok);
    QVERIFY(ok);

    const ConfigImporter::Outcome outcome = ConfigImporter::import(store, changedFile);
    const auto *summary = std::get_if<ImportSummary>(&outcome);
    if (!summary) {
        QFAIL("unexpected outcome");
    }
    QCOMPARE(summaryText(*summary), summaryText(0, 1, 5, 0, 1, 2));

    auto profiles = store.profiles();
    QVERIFY(profiles.ok());
    QCOMPARE(profiles->size(), 6);
    const auto main =
        std::find_if(profiles->begin(), profiles->end(), [](const auto &p) { return p.name == u"Main"_s; });
    QVERIFY(main != profiles->end());
    QCOMPARE(main->incoming.port, quint16(10993));
    auto after = store.mailboxByAddress(u"alice@example.test"_s);
    QVERIFY(after.ok() && after->has_value());
    QCOMPARE((*after)->id, (*before)->id); // updated in place, not re-created
    QCOMPARE((*after)->folders, (QStringList{u"INBOX"_s, u"Archive"_s}));
    auto mailboxes = store.mailboxes();
    QVERIFY(mailboxes.ok());
    QCOMPARE(mailboxes->size(), 3);
}

void TestConfigParser::importUsesProfilesAlreadyStored()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto opened = Store::open(StoreConfig::sqlite(dir.filePath(u"syncdesk.db"_s)));
    QVERIFY(opened.ok());
    Store &store = **opened;
    const auto profilesOnly = ConfigParser::parse(
        R"({"server_profiles": [{"name": "Main", "incoming": {"protocol": "imap", "host": "imap.example.test"}}]})",
        dir.path());
    QVERIFY(std::holds_alternative<ConfigFile>(profilesOnly));
    const auto first = ConfigImporter::import(store, std::get<ConfigFile>(profilesOnly));
    QVERIFY(std::holds_alternative<ImportSummary>(first));
    QCOMPARE(summaryText(std::get<ImportSummary>(first)), summaryText(1, 0, 0, 0, 0, 0));

    const auto mailboxesOnly = ConfigParser::parse(
        R"({"mailboxes": [{"address": "dave@example.test", "profile": "Main", "password_env": "DAVE_PW"}]})",
        dir.path());
    QVERIFY(std::holds_alternative<ConfigFile>(mailboxesOnly));
    const auto second = ConfigImporter::import(store, std::get<ConfigFile>(mailboxesOnly));
    QVERIFY(std::holds_alternative<ImportSummary>(second));
    QCOMPARE(summaryText(std::get<ImportSummary>(second)), summaryText(0, 0, 0, 1, 0, 0));
    auto dave = store.mailboxByAddress(u"dave@example.test"_s);
    QVERIFY(dave.ok() && dave->has_value());
    QCOMPARE((*dave)->profileName, u"Main"_s);
}

void TestConfigParser::unknownProfileChangesNothing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = writeValidConfig(dir.path());
    bool ok = false;
    const ConfigFile file = parsedOrFail(ConfigParser::parseFile(path), &ok);
    QVERIFY(ok);
    auto opened = Store::open(StoreConfig::sqlite(dir.filePath(u"syncdesk.db"_s)));
    QVERIFY(opened.ok());
    Store &store = **opened;
    QVERIFY(std::holds_alternative<ImportSummary>(ConfigImporter::import(store, file)));
    auto profilesBefore = store.profiles();
    auto mailboxesBefore = store.mailboxes();
    QVERIFY(profilesBefore.ok() && mailboxesBefore.ok());

    // A new profile, a changed mailbox, a new mailbox, and one mailbox naming a profile that exists nowhere.
    const auto parsed = ConfigParser::parse(R"({
      "server_profiles": [{"name": "New", "incoming": {"protocol": "imap", "host": "new.example.test"}}],
      "mailboxes": [
        {"address": "alice@example.test", "profile": "New", "password_env": "ALICE_PW"},
        {"address": "erin@example.test", "profile": "Missing", "password_env": "ERIN_PW"},
        {"address": "frank@example.test", "profile": "Main", "password_env": "FRANK_PW"}]})",
                                            dir.path());
    QVERIFY(std::holds_alternative<ConfigFile>(parsed));
    const ConfigImporter::Outcome outcome = ConfigImporter::import(store, std::get<ConfigFile>(parsed));
    const auto *issues = std::get_if<QList<ConfigIssue>>(&outcome);
    if (!issues) {
        QFAIL("unexpected outcome");
    }
    QCOMPARE(issues->size(), 1);
    QCOMPARE(issues->at(0).path, u"$.mailboxes[1].profile"_s);
    QVERIFY(issues->at(0).message.contains(u"Missing"_s));

    auto profilesAfter = store.profiles();
    auto mailboxesAfter = store.mailboxes();
    QVERIFY(profilesAfter.ok() && mailboxesAfter.ok());
    QCOMPARE(*profilesAfter, *profilesBefore);
    QCOMPARE(*mailboxesAfter, *mailboxesBefore);
    auto frank = store.mailboxByAddress(u"frank@example.test"_s);
    QVERIFY(frank.ok());
    QVERIFY(!frank->has_value());
}

void TestConfigParser::passwordNeverReachesTheDatabase()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = writeValidConfig(dir.path());
    bool ok = false;
    const ConfigFile file = parsedOrFail(ConfigParser::parseFile(path), &ok);
    QVERIFY(ok);
    const QString dbPath = dir.filePath(u"syncdesk.db"_s);
    {
        auto opened = Store::open(StoreConfig::sqlite(dbPath));
        QVERIFY(opened.ok());
        QVERIFY(std::holds_alternative<ImportSummary>(ConfigImporter::import(**opened, file)));
        QVERIFY(std::holds_alternative<ImportSummary>(ConfigImporter::import(**opened, file)));
    }
    // Every file SQLite wrote (the database and whatever journal is left) is searched as raw bytes.
    const QStringList names = QDir(dir.path()).entryList({u"syncdesk.db*"_s}, QDir::Files);
    QVERIFY(names.contains(u"syncdesk.db"_s));
    QByteArray bytes;
    for (const QString &name : names) {
        QFile db(dir.filePath(name));
        QVERIFY(db.open(QIODevice::ReadOnly));
        bytes += db.readAll();
    }
    // The reference to the password file is there (so the search can find text)...
    const QByteArray reference = "file:" + dir.path().toUtf8() + "/config/secrets/alice.pass";
    QVERIFY(bytes.contains(reference));
    QVERIFY(bytes.contains("env:SYNCDESK_TEST_UNSET_VAR"));
    // ...the passwords are not, in any form SQLite could store them.
    QVERIFY(!bytes.contains(kPassword.toUtf8()));
    QVERIFY(!bytes.contains(kPassword.toUtf8().toBase64()));
    QVERIFY(!bytes.contains(QByteArray(reinterpret_cast<const char *>(kPassword.utf16()), kPassword.size() * 2)));
    QVERIFY(!bytes.contains("Sup3r"));
}

void TestConfigParser::retentionSectionReachesTheStore()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray json = changed(R"({"server_profiles")",
                                    R"({"retention": {"debug_log_days": 3, "runs_days": 60, "dead_nodes_days": 1},
                                        "server_profiles")");
    bool ok = false;
    const ConfigFile file = parsedOrFail(ConfigParser::parse(json, dir.path()), &ok);
    QVERIFY(ok);
    QVERIFY(file.retention.has_value());

    auto opened = Store::open(StoreConfig::sqlite(dir.filePath(u"syncdesk.db"_s)));
    QVERIFY(opened.ok());
    Store &store = **opened;
    // Nothing stored: the defaults.
    auto defaults = RetentionStore(store).settings();
    QVERIFY(defaults.ok());
    QCOMPARE(defaults->debugLogDays, 7);
    QCOMPARE(defaults->logDays, 30);
    QCOMPARE(defaults->runsDays, 30);
    QCOMPARE(defaults->closedAlertsDays, 90);
    QCOMPARE(defaults->trackRequestsDays, 30);
    QCOMPARE(defaults->deadNodesDays, 7);

    const ConfigImporter::Outcome imported = ConfigImporter::import(store, file);
    const auto *summary = std::get_if<ImportSummary>(&imported);
    if (!summary) {
        QFAIL("unexpected outcome");
    }
    QVERIFY(summary->retentionUpdated);
    auto settings = RetentionStore(store).settings();
    QVERIFY(settings.ok());
    // The keys given replace the defaults; the others stay.
    QCOMPARE(settings->debugLogDays, 3);
    QCOMPARE(settings->runsDays, 60);
    QCOMPARE(settings->deadNodesDays, 1);
    QCOMPARE(settings->logDays, 30);
    QCOMPARE(settings->closedAlertsDays, 90);

    const ConfigImporter::Outcome again = ConfigImporter::import(store, file);
    const auto *second = std::get_if<ImportSummary>(&again);
    if (!second) {
        QFAIL("unexpected outcome");
    }
    QVERIFY(!second->retentionUpdated);
}

QTEST_GUILESS_MAIN(TestConfigParser)
#include "tst_configparser.moc"

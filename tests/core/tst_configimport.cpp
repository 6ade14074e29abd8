// ConfigImporter into a real store: create, unchanged, update, all or nothing, profiles already stored,
// and no password in the database. (Parsing and validation: tst_configparser.)

#include "configtestsupport.h"
#include "store/retentionstore.h"
#include "store/store.h"

#include <QHash>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace SyncDesk;
using namespace SyncDesk::ConfigTest;
using namespace Qt::StringLiterals;

class TestConfigImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void importCreatesThenReportsUnchanged();
    void importUpdatesChanges();
    void importUsesProfilesAlreadyStored();
    void unknownProfileChangesNothing();
    void passwordNeverReachesTheDatabase();
    void retentionSectionReachesTheStore();
};

void TestConfigImport::initTestCase()
{
    // The valid file names this variable; as in tst_configparser, it is unset.
    qunsetenv("SYNCDESK_TEST_UNSET_VAR");
    QVERIFY(!qEnvironmentVariableIsSet("SYNCDESK_TEST_UNSET_VAR"));
}

void TestConfigImport::importCreatesThenReportsUnchanged()
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

void TestConfigImport::importUpdatesChanges()
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

void TestConfigImport::importUsesProfilesAlreadyStored()
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

void TestConfigImport::unknownProfileChangesNothing()
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

void TestConfigImport::passwordNeverReachesTheDatabase()
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

void TestConfigImport::retentionSectionReachesTheStore()
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

QTEST_GUILESS_MAIN(TestConfigImport)
#include "tst_configimport.moc"

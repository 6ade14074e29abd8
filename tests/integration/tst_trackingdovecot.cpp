// Tracking against a real Dovecot: each tracking option, each correlation method, folder tracking, track
// requests (completed at once by syncdesk-node, and completed by the schedule after the immediate sync
// failed), the tracking keyword seen by a second IMAP session, and record- and field-level security.

#include "dovecotserver.h"
#include "imapprobe.h"
#include "mailfactory.h"
#include "model/jsonexport.h"
#include "noderunner.h"
#include "scheduler/syncengine.h"
#include "store/crmstore.h"
#include "store/store.h"
#include "synchelper.h"
#include "testconfig.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace SyncDesk;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

const QString kPassword = u"tracking-pw"_s;

// The organisation: ana sells (her business unit's accounts and contacts, her own leads and
// opportunities); bob supports (every account and contact, his unit's cases; bodies and attachments
// withheld from him).
QJsonObject crmSection(const QString &bobsFieldProfile = u"no-content"_s)
{
    QJsonObject bob{{u"id"_s, u"bob"_s},
                    {u"email"_s, u"bob@corp.example"_s},
                    {u"business_unit"_s, u"support"_s},
                    {u"roles"_s, QJsonArray{u"support-agent"_s}}};
    if (!bobsFieldProfile.isEmpty()) {
        bob.insert(u"field_security_profile"_s, bobsFieldProfile);
    }
    QJsonObject crm = QJsonDocument::fromJson(R"({
        "roles": {
            "salesperson": {"account": "business-unit", "contact": "business-unit", "lead": "own",
                            "opportunity": "own"},
            "support-agent": {"account": "organization", "contact": "organization", "case": "business-unit"}
        },
        "field_security_profiles": {"no-content": ["body", "attachments"]},
        "business_units": [{"id": "sales"}, {"id": "support"}],
        "system_users": [{"id": "ana", "email": "ana@corp.example", "business_unit": "sales",
                          "roles": ["salesperson"]}],
        "accounts": [{"id": "contoso", "name": "Contoso", "email": "info@contoso.example", "owner": "ana"},
                     {"id": "fabrikam", "name": "Fabrikam", "email": "info@fabrikam.example", "owner": "bob"}],
        "contacts": [{"id": "kim", "name": "Kim", "email": "kim@contoso.example", "account": "contoso",
                      "owner": "ana"},
                     {"id": "lee", "name": "Lee", "email": "lee@fabrikam.example", "account": "fabrikam",
                      "owner": "bob"}],
        "opportunities": [{"id": "big-deal", "name": "Big deal", "account": "contoso", "owner": "ana"}],
        "cases": [{"id": "case-7", "name": "Printer", "customer": "account:fabrikam", "owner": "bob"}]
    })")
                          .object();
    QJsonArray users = crm.value(u"system_users"_s).toArray();
    users.append(bob);
    crm.insert(u"system_users"_s, users);
    return crm;
}

QByteArray mail(const QString &from, const QString &to, const QString &subject, const QString &messageId,
                const QString &inReplyTo = {}, const QStringList &references = {}, bool attachment = false)
{
    MailFactory::Message m;
    m.fromAddress = from;
    m.to = {to};
    m.subject = subject;
    m.body = u"Body of "_s + subject;
    m.messageId = messageId;
    m.inReplyTo = inReplyTo;
    m.references = references;
    m.date = QDateTime::currentDateTimeUtc();
    if (attachment) {
        m.attachmentName = u"contract.pdf"_s;
        m.attachmentData = QByteArray("%PDF-1.4 contract");
    }
    return MailFactory::build(m);
}

} // namespace

class TestTrackingDovecot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void eachTrackingOption();
    void eachCorrelationMethod();
    void folderTrackingWinsOverTheOption();
    void trackRequestCompletedAtOnce();
    void trackRequestCompletedByTheSchedule();
    void recordAndFieldLevelSecurity();

private:
    void addMailbox(TestConfig &config, const QString &user, const QString &tracking);
    QString import(TestConfig &config);
    QList<Activity> activities(const QString &user);
    QStringList subjects(const QString &user);
    MailboxState state(const QString &user);
    NodeRun node(const QStringList &arguments);
    void deliver(const QString &user, const QString &folder, const QByteArray &message);
    static QString address(const QString &user) { return user + u"@track.example"_s; }

    DovecotServer m_dovecot;
    std::unique_ptr<QTemporaryDir> m_dir;
    StoreConfig m_store;
};

void TestTrackingDovecot::initTestCase()
{
    qRegisterMetaType<SyncOutcome>();
    if (!DovecotServer::isAvailable()) {
        QSKIP("dovecot is not installed: run scripts/test.sh, which installs it");
    }
    for (const QString &user : {u"all"_s, u"responses"_s, u"known"_s, u"enabled"_s, u"none"_s, u"seed"_s, u"corr"_s,
                                u"folders"_s, u"req1"_s, u"req2"_s, u"ana"_s, u"bob"_s}) {
        QVERIFY(m_dovecot.setUser(user, kPassword));
    }
    QString error;
    QVERIFY2(m_dovecot.start(&error), qPrintable(error));
}

void TestTrackingDovecot::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = StoreConfig::sqlite(m_dir->filePath(u"tracking.db"_s));
}

void TestTrackingDovecot::cleanup()
{
    m_dir.reset();
}

void TestTrackingDovecot::addMailbox(TestConfig &config, const QString &user, const QString &tracking)
{
    config.addMailbox(address(user), u"local"_s, user, kPassword);
    config.setMailboxKey(address(user), u"tracking"_s, tracking);
}

QString TestTrackingDovecot::import(TestConfig &config)
{
    return SyncHelper::importConfig(m_store, config.write());
}

QList<Activity> TestTrackingDovecot::activities(const QString &user)
{
    QList<Activity> list;
    auto store = Store::open(m_store);
    if (!store) {
        return list;
    }
    auto mailbox = (*store)->mailboxByAddress(address(user));
    if (!mailbox || !mailbox->has_value()) {
        return list;
    }
    (void)(*store)->forEachActivity(
        [&](const Activity &activity) {
            list.append(activity);
            return true;
        },
        (*mailbox)->id);
    return list;
}

QStringList TestTrackingDovecot::subjects(const QString &user)
{
    QStringList list;
    for (const Activity &activity : activities(user)) {
        list.append(activity.subject);
    }
    list.sort();
    return list;
}

MailboxState TestTrackingDovecot::state(const QString &user)
{
    auto store = Store::open(m_store);
    if (!store) {
        return {};
    }
    auto mailbox = (*store)->mailboxByAddress(address(user));
    if (!mailbox || !mailbox->has_value()) {
        return {};
    }
    auto loaded = (*store)->mailboxState((*mailbox)->id);
    return loaded ? loaded.value() : MailboxState();
}

NodeRun TestTrackingDovecot::node(const QStringList &arguments)
{
    return runNode(QStringLiteral(SYNCDESK_NODE_BINARY), m_store.sqlitePath, arguments);
}

void TestTrackingDovecot::deliver(const QString &user, const QString &folder, const QByteArray &message)
{
    QString error;
    QVERIFY2(m_dovecot.deliver(user, folder, message, &error), qPrintable(error));
}

void TestTrackingDovecot::eachTrackingOption()
{
    TestConfig config(m_dir->filePath(u"options"_s));
    config.addProfile(u"local"_s, m_dovecot, u"none"_s);
    config.setCrm(crmSection());
    addMailbox(config, u"seed"_s, u"all"_s);
    const QStringList users{u"all"_s, u"responses"_s, u"known"_s, u"enabled"_s, u"none"_s};
    const QStringList options{u"all"_s, u"responses"_s, u"known-records"_s, u"email-enabled"_s, u"none"_s};
    for (qsizetype i = 0; i < users.size(); ++i) {
        addMailbox(config, users.at(i), options.at(i));
    }
    const QString imported = import(config);
    QVERIFY2(imported.isEmpty(), qPrintable(imported));

    // A tracked message that the replies below answer.
    deliver(u"seed"_s, u"INBOX"_s,
            mail(u"kim@contoso.example"_s, address(u"seed"_s), u"Original"_s, u"original@contoso.example"_s));
    QList<SyncOutcome> outcomes = SyncHelper::syncOnce(m_store, {address(u"seed"_s)});
    QCOMPARE(outcomes.size(), 1);
    QVERIFY(outcomes.constFirst().succeeded());

    for (const QString &user : users) {
        const QString to = address(user);
        deliver(user, u"INBOX"_s, mail(u"someone@nowhere.example"_s, to, u"1 stranger"_s, u"s-" + user + u"@x"_s));
        deliver(user, u"INBOX"_s, mail(u"kim@contoso.example"_s, to, u"2 contact"_s, u"c-" + user + u"@x"_s));
        deliver(user, u"INBOX"_s, mail(u"bob@corp.example"_s, to, u"3 system user"_s, u"u-" + user + u"@x"_s));
        deliver(user, u"INBOX"_s,
                mail(u"someone@nowhere.example"_s, to, u"4 reply"_s, u"r-" + user + u"@x"_s,
                     u"original@contoso.example"_s));
    }
    QStringList addresses;
    for (const QString &user : users) {
        addresses.append(address(user));
    }
    outcomes = SyncHelper::syncOnce(m_store, addresses);
    QCOMPARE(outcomes.size(), users.size());
    for (const SyncOutcome &outcome : outcomes) {
        QVERIFY2(outcome.succeeded(), qPrintable(outcome.error ? outcome.error->toString() : QString()));
        QCOMPARE(outcome.itemsSeen, 4);
        QCOMPARE(outcome.itemsTracked + outcome.itemsSkipped, 4);
    }
    QCOMPARE(subjects(u"all"_s), (QStringList{u"1 stranger"_s, u"2 contact"_s, u"3 system user"_s, u"4 reply"_s}));
    QCOMPARE(subjects(u"responses"_s), (QStringList{u"4 reply"_s}));
    QCOMPARE(subjects(u"known"_s), (QStringList{u"2 contact"_s}));
    QCOMPARE(subjects(u"enabled"_s), (QStringList{u"2 contact"_s, u"3 system user"_s}));
    QCOMPARE(subjects(u"none"_s), QStringList());

    // What was not tracked is not fetched again: the folder state moved past it.
    outcomes = SyncHelper::syncOnce(m_store, {address(u"none"_s)});
    QCOMPARE(outcomes.size(), 1);
    QVERIFY(outcomes.constFirst().succeeded());
    QCOMPARE(outcomes.constFirst().itemsSeen, 0);
    QCOMPARE(outcomes.constFirst().foldersUnchanged, 1);
}

void TestTrackingDovecot::eachCorrelationMethod()
{
    TestConfig config(m_dir->filePath(u"correlation"_s));
    config.addProfile(u"local"_s, m_dovecot, u"none"_s);
    config.setCrm(crmSection());
    addMailbox(config, u"corr"_s, u"all"_s);
    config.setMailboxKey(address(u"corr"_s), u"tracked_folders"_s,
                         QJsonObject{{u"Deals/Big"_s, u"opportunity:big-deal"_s}});
    QVERIFY(m_dovecot.createFolder(u"corr"_s, u"Deals/Big"_s));
    const QString imported = import(config);
    QVERIFY2(imported.isEmpty(), qPrintable(imported));

    const QString to = address(u"corr"_s);
    deliver(u"corr"_s, u"Deals/Big"_s,
            mail(u"kim@contoso.example"_s, to, u"Big deal pricing"_s, u"deal@contoso.example"_s));
    QList<SyncOutcome> outcomes = SyncHelper::syncOnce(m_store, {to});
    QCOMPARE(outcomes.size(), 1);
    QVERIFY(outcomes.constFirst().succeeded());
    const QList<Activity> base = activities(u"corr"_s);
    QCOMPARE(base.size(), 1);
    QCOMPARE(base.constFirst().correlation, u"folder"_s);
    const qint64 dealId = base.constFirst().id;
    const QString token = u"CRM:"_s + QString::number(dealId).rightJustified(7, u'0');

    deliver(u"corr"_s, u"INBOX"_s,
            mail(u"someone@nowhere.example"_s, to, u"A in-reply-to"_s, u"a@x"_s, u"deal@contoso.example"_s));
    deliver(u"corr"_s, u"INBOX"_s,
            mail(u"someone@nowhere.example"_s, to, u"B references"_s, u"b@x"_s, u"unknown@x"_s,
                 {u"deal@contoso.example"_s, u"unknown@x"_s}));
    deliver(u"corr"_s, u"INBOX"_s, mail(u"someone@nowhere.example"_s, to, u"C about " + token, u"c@x"_s));
    deliver(u"corr"_s, u"INBOX"_s, mail(u"someone@nowhere.example"_s, to, u"Re: Big deal pricing"_s, u"d@x"_s));
    deliver(u"corr"_s, u"INBOX"_s, mail(u"kim@contoso.example"_s, to, u"E lunch"_s, u"e@x"_s));
    deliver(u"corr"_s, u"INBOX"_s, mail(u"someone@nowhere.example"_s, to, u"F hello"_s, u"f@x"_s));
    outcomes = SyncHelper::syncOnce(m_store, {to});
    QCOMPARE(outcomes.size(), 1);
    QVERIFY(outcomes.constFirst().succeeded());

    // The export shows how each was correlated.
    const NodeRun exported = node({u"export"_s, u"activities"_s, u"--jsonl"_s, u"--mailbox"_s, to});
    QCOMPARE(exported.exitCode, 0);
    QHash<QString, QJsonObject> byMessageId;
    for (const QString &line : exported.out.split(u'\n', Qt::SkipEmptyParts)) {
        const QJsonObject object = QJsonDocument::fromJson(line.toUtf8()).object();
        byMessageId.insert(object.value(u"message_id"_s).toString(), object);
    }
    QCOMPARE(byMessageId.size(), 7);
    const QJsonObject deal{{u"type"_s, u"opportunity"_s}, {u"id"_s, u"big-deal"_s}};
    const QList<std::tuple<QString, QString, QJsonValue>> expected{
        {u"deal@contoso.example"_s, u"folder"_s, deal},
        {u"a@x"_s, u"in-reply-to"_s, deal},
        {u"b@x"_s, u"references"_s, deal},
        {u"c@x"_s, u"tracking-token"_s, deal},
        {u"d@x"_s, u"conversation"_s, deal},
        {u"e@x"_s, u"party-list"_s, QJsonValue::Null},
        {u"f@x"_s, u"none"_s, QJsonValue::Null},
    };
    for (const auto &[messageId, correlation, regarding] : expected) {
        const QJsonObject object = byMessageId.value(messageId);
        QVERIFY2(object.value(u"correlation"_s).toString() == correlation,
                 qPrintable(messageId + u": "_s + object.value(u"correlation"_s).toString()));
        QVERIFY2(object.value(u"regarding"_s) == regarding, qPrintable(messageId));
    }
    const QJsonArray parties = byMessageId.value(u"e@x"_s).value(u"parties"_s).toArray();
    QCOMPARE(parties.size(), 1);
    QCOMPARE(parties.at(0).toObject().value(u"type"_s).toString(), u"contact"_s);
    QCOMPARE(parties.at(0).toObject().value(u"id"_s).toString(), u"kim"_s);
}

void TestTrackingDovecot::folderTrackingWinsOverTheOption()
{
    TestConfig config(m_dir->filePath(u"folders"_s));
    config.addProfile(u"local"_s, m_dovecot, u"none"_s);
    config.setCrm(crmSection());
    addMailbox(config, u"folders"_s, u"none"_s);
    config.setMailboxKey(address(u"folders"_s), u"tracked_folders"_s,
                         QJsonObject{{u"Customers/Contoso"_s, u"account:contoso"_s}});
    QVERIFY(m_dovecot.createFolder(u"folders"_s, u"Customers/Contoso"_s));
    const QString imported = import(config);
    QVERIFY2(imported.isEmpty(), qPrintable(imported));

    const QString to = address(u"folders"_s);
    deliver(u"folders"_s, u"INBOX"_s, mail(u"kim@contoso.example"_s, to, u"In the inbox"_s, u"i@x"_s));
    deliver(u"folders"_s, u"Customers/Contoso"_s,
            mail(u"someone@nowhere.example"_s, to, u"Filed under Contoso"_s, u"f@x"_s));
    const QList<SyncOutcome> outcomes = SyncHelper::syncOnce(m_store, {to});
    QCOMPARE(outcomes.size(), 1);
    QVERIFY2(outcomes.constFirst().succeeded(),
             qPrintable(outcomes.constFirst().error ? outcomes.constFirst().error->toString() : QString()));
    QCOMPARE(outcomes.constFirst().foldersSelected, 2); // the tracked folder is synced without being listed
    const QList<Activity> stored = activities(u"folders"_s);
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.constFirst().subject, u"Filed under Contoso"_s);
    QCOMPARE(stored.constFirst().folder, u"Customers/Contoso"_s);
    QCOMPARE(stored.constFirst().correlation, u"folder"_s);
    QCOMPARE(stored.constFirst().regarding, (std::optional<RecordRef>(RecordRef{u"account"_s, u"contoso"_s})));
}

void TestTrackingDovecot::trackRequestCompletedAtOnce()
{
    TestConfig config(m_dir->filePath(u"request"_s));
    config.addProfile(u"local"_s, m_dovecot, u"none"_s);
    config.setCrm(crmSection());
    addMailbox(config, u"req1"_s, u"none"_s);
    const QString imported = import(config);
    QVERIFY2(imported.isEmpty(), qPrintable(imported));
    const QString to = address(u"req1"_s);
    deliver(u"req1"_s, u"INBOX"_s, mail(u"someone@nowhere.example"_s, to, u"Please track me"_s, u"wanted@x"_s));
    deliver(u"req1"_s, u"INBOX"_s, mail(u"someone@nowhere.example"_s, to, u"Leave me"_s, u"other@x"_s));
    QList<SyncOutcome> outcomes = SyncHelper::syncOnce(m_store, {to});
    QCOMPARE(outcomes.size(), 1);
    QCOMPARE(outcomes.constFirst().itemsSkipped, 2);
    QVERIFY(activities(u"req1"_s).isEmpty());

    // Bad requests are refused with a reason, and nothing is recorded.
    NodeRun bad = node({u"track"_s, u"--mailbox"_s, to, u"--message-id"_s, u"has space"_s});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY2(bad.err.contains(u"is not a Message-ID"_s), qPrintable(bad.err));
    bad = node(
        {u"track"_s, u"--mailbox"_s, to, u"--message-id"_s, u"<wanted@x>"_s, u"--regarding"_s, u"account:nobody"_s});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY2(bad.err.contains(u"account:nobody is not a CRM record"_s), qPrintable(bad.err));

    // No engine runs: syncdesk-node syncs the mailbox itself, at once.
    const NodeRun tracked = node(
        {u"track"_s, u"--mailbox"_s, to, u"--message-id"_s, u"<wanted@x>"_s, u"--regarding"_s, u"account:contoso"_s});
    QVERIFY2(tracked.exitCode == 0, qPrintable(tracked.out + tracked.err));
    QVERIFY2(tracked.out.contains(u"done"_s), qPrintable(tracked.out));
    const QList<Activity> stored = activities(u"req1"_s);
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.constFirst().messageId, u"wanted@x"_s);
    QCOMPARE(stored.constFirst().correlation, u"track-request"_s);
    QCOMPARE(stored.constFirst().regarding, (std::optional<RecordRef>(RecordRef{u"account"_s, u"contoso"_s})));

    const NodeRun listed = node({u"track"_s, u"list"_s, u"--json"_s});
    QCOMPARE(listed.exitCode, 0);
    const QJsonArray requests = QJsonDocument::fromJson(listed.out.toUtf8()).array();
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests.at(0).toObject().value(u"state"_s).toString(), u"done"_s);
    QCOMPARE(requests.at(0).toObject().value(u"activity_id"_s).toInteger(), stored.constFirst().id);
    QCOMPARE(requests.at(0).toObject().value(u"regarding"_s).toString(), u"account:contoso"_s);

    // The owner sees it in any mail client: a second IMAP session finds the keyword on that message only.
    ImapProbe probe;
    QVERIFY(probe.open(m_dovecot, u"req1"_s, kPassword, u"INBOX"_s));
    const QList<quint32> wanted = probe.search("HEADER Message-ID \"<wanted@x>\"");
    QCOMPARE(wanted.size(), 1);
    QCOMPARE(probe.search("KEYWORD $SyncDeskTracked"), wanted);

    // Setting its regarding record later: the next sync changes the activity, it does not duplicate it.
    const NodeRun relinked = node({u"track"_s, u"--mailbox"_s, to, u"--message-id"_s, u"wanted@x"_s, u"--regarding"_s,
                                   u"opportunity:big-deal"_s});
    QVERIFY2(relinked.exitCode == 0, qPrintable(relinked.out + relinked.err));
    QCOMPARE(activities(u"req1"_s).size(), 1);
    QCOMPARE(activities(u"req1"_s).constFirst().regarding,
             (std::optional<RecordRef>(RecordRef{u"opportunity"_s, u"big-deal"_s})));

    // A message that is in no folder: the request fails, with why.
    const NodeRun missing = node({u"track"_s, u"--mailbox"_s, to, u"--message-id"_s, u"ghost@x"_s});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.out.contains(u"failed (no message with Message-ID <ghost@x> in INBOX)"_s),
             qPrintable(missing.out));
}

void TestTrackingDovecot::trackRequestCompletedByTheSchedule()
{
    // The profile first points at a port where nothing listens: the immediate sync fails.
    TestConfig broken(m_dir->filePath(u"broken"_s));
    broken.addClosedPortProfile(u"local"_s, 1);
    broken.setCrm(crmSection());
    addMailbox(broken, u"req2"_s, u"none"_s);
    QString imported = import(broken);
    QVERIFY2(imported.isEmpty(), qPrintable(imported));
    const QString to = address(u"req2"_s);
    deliver(u"req2"_s, u"INBOX"_s, mail(u"someone@nowhere.example"_s, to, u"Track me later"_s, u"later@x"_s));

    {
        // At 600 times the speed the backoff runs through its failures in seconds: none disables it here.
        auto store = Store::open(m_store);
        QVERIFY(store);
        QVERIFY((*store)->setSetting(u"scheduler"_s, QJsonObject{{u"max_transient_failures"_s, 1000}}));
    }
    // A running engine, with the schedule sped up 600 times (a minute of backoff takes 0.1 s).
    EngineSettings settings;
    settings.store = m_store;
    settings.scheduler.intervals.scale = 1.0 / 600.0;
    settings.scheduler.pollIntervalMs = 100;
    settings.scheduler.workerThreads = 2;
    settings.scheduler.seed = 7;
    SyncEngine engine(settings);
    QVERIFY(engine.start());
    auto runs = [&]() {
        auto store = Store::open(m_store);
        const qint64 id = SyncHelper::mailboxId(m_store, to);
        auto recent = store ? (*store)->recentRuns(id, 100) : Result<QList<SyncRun>>(QList<SyncRun>());
        return recent ? recent.value() : QList<SyncRun>();
    };
    auto request = [&]() {
        auto store = Store::open(m_store);
        if (!store) {
            return TrackRequest();
        }
        auto requests = CrmStore(**store).trackRequests(std::nullopt, 10);
        return requests && !requests->isEmpty() ? requests->constFirst() : TrackRequest();
    };
    // The engine is seen running by syncdesk-node (its heartbeat), which then only asks it to sync.
    QTRY_VERIFY_WITH_TIMEOUT(!runs().isEmpty(), 20000);
    const NodeRun tracked = node({u"track"_s, u"--mailbox"_s, to, u"--message-id"_s, u"later@x"_s});
    QVERIFY2(tracked.exitCode == 0, qPrintable(tracked.out + tracked.err));
    QVERIFY2(tracked.out.contains(u"The running engine syncs"_s), qPrintable(tracked.out));
    // The immediate (manual) sync fails; the request stays pending.
    auto manualFailed = [&]() {
        const QList<SyncRun> list = runs();
        return std::any_of(list.cbegin(), list.cend(),
                           [](const SyncRun &run) { return run.trigger == SyncTrigger::Manual && !run.success; });
    };
    QTRY_VERIFY_WITH_TIMEOUT(manualFailed(), 20000);
    QCOMPARE(request().state, u"pending"_s);

    // The server profile is fixed; the running engine picks the change up and its scheduled sync
    // completes the request.
    TestConfig fixed(m_dir->filePath(u"fixed"_s));
    fixed.addProfile(u"local"_s, m_dovecot, u"none"_s);
    addMailbox(fixed, u"req2"_s, u"none"_s);
    imported = import(fixed);
    QVERIFY2(imported.isEmpty(), qPrintable(imported));
    QTRY_COMPARE_WITH_TIMEOUT(request().state, u"done"_s, 30000);
    // The run is recorded when the sync ends, just after it completed the request.
    QTRY_VERIFY_WITH_TIMEOUT(!runs().isEmpty() && runs().constFirst().success, 20000);
    const QList<SyncRun> after = runs();
    QCOMPARE(after.constFirst().trigger, SyncTrigger::Scheduled);
    QSignalSpy stopped(&engine, &SyncEngine::stopped);
    engine.stop();
    QVERIFY(stopped.wait(20000));
    const QList<Activity> stored = activities(u"req2"_s);
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.constFirst().messageId, u"later@x"_s);
    QCOMPARE(stored.constFirst().correlation, u"track-request"_s);
}

void TestTrackingDovecot::recordAndFieldLevelSecurity()
{
    TestConfig config(m_dir->filePath(u"security"_s));
    config.addProfile(u"local"_s, m_dovecot, u"none"_s);
    config.setCrm(crmSection());
    addMailbox(config, u"ana"_s, u"known-records"_s);
    config.setMailboxKey(address(u"ana"_s), u"owner"_s, u"systemuser:ana"_s);
    addMailbox(config, u"bob"_s, u"all"_s);
    config.setMailboxKey(address(u"bob"_s), u"owner"_s, u"systemuser:bob"_s);
    QString imported = import(config);
    QVERIFY2(imported.isEmpty(), qPrintable(imported));

    // Record level: lee is a contact of bob's unit, which ana may not read.
    deliver(u"ana"_s, u"INBOX"_s, mail(u"kim@contoso.example"_s, address(u"ana"_s), u"From my contact"_s, u"k@x"_s));
    deliver(u"ana"_s, u"INBOX"_s, mail(u"lee@fabrikam.example"_s, address(u"ana"_s), u"From another unit"_s, u"l@x"_s));
    // Field level: bob may not sync bodies or attachments.
    deliver(u"bob"_s, u"INBOX"_s,
            mail(u"lee@fabrikam.example"_s, address(u"bob"_s), u"Signed contract"_s, u"sc@x"_s, {}, {}, true));
    QList<SyncOutcome> outcomes = SyncHelper::syncOnce(m_store, {address(u"ana"_s), address(u"bob"_s)});
    QCOMPARE(outcomes.size(), 2);
    for (const SyncOutcome &outcome : outcomes) {
        QVERIFY2(outcome.succeeded(), qPrintable(outcome.error ? outcome.error->toString() : QString()));
    }
    QCOMPARE(subjects(u"ana"_s), QStringList{u"From my contact"_s});
    QCOMPARE(state(u"ana"_s).itemsWithheld, 1);
    QCOMPARE(state(u"ana"_s).fieldsWithheld, 0);

    QList<Activity> bobs = activities(u"bob"_s);
    QCOMPARE(bobs.size(), 1);
    QCOMPARE(bobs.constFirst().withheldFields, (QStringList{u"body"_s, u"attachments"_s}));
    QVERIFY(bobs.constFirst().bodyText.isEmpty());
    QVERIFY(bobs.constFirst().attachments.isEmpty());
    QCOMPARE(state(u"bob"_s).fieldsWithheld, 2);
    const QJsonObject json = JsonExport::activity(bobs.constFirst());
    QVERIFY(json.value(u"body_text"_s).isNull()); // withheld, not empty
    QCOMPARE(json.value(u"withheld_fields"_s).toArray().size(), 2);

    // status --json shows the counts.
    const NodeRun status = node({u"status"_s, u"--json"_s});
    QCOMPARE(status.exitCode, 0);
    bool sawAna = false;
    for (const QJsonValue &value : QJsonDocument::fromJson(status.out.toUtf8()).array()) {
        const QJsonObject object = value.toObject();
        if (object.value(u"address"_s).toString() == address(u"ana"_s)) {
            sawAna = true;
            QCOMPARE(object.value(u"items_withheld"_s).toInteger(), 1);
            QCOMPARE(object.value(u"owner"_s).toString(), u"systemuser:ana"_s);
            QCOMPARE(object.value(u"tracking"_s).toString(), u"known-records"_s);
        }
    }
    QVERIFY(sawAna);

    // A permission change applies from the next sync: bob's field security profile is removed.
    TestConfig changed(m_dir->filePath(u"security2"_s));
    changed.addProfile(u"local"_s, m_dovecot, u"none"_s);
    changed.setCrm(crmSection(QString()));
    addMailbox(changed, u"bob"_s, u"all"_s);
    changed.setMailboxKey(address(u"bob"_s), u"owner"_s, u"systemuser:bob"_s);
    imported = import(changed);
    QVERIFY2(imported.isEmpty(), qPrintable(imported));
    {
        // The profile key is gone from bob's record (re-import updates records as given).
        auto store = Store::open(m_store);
        QVERIFY(store);
        auto bob = CrmStore(**store).record(u"systemuser"_s, u"bob"_s);
        QVERIFY(bob && bob->has_value());
        QVERIFY(!(*bob)->extra.contains(u"field_security_profile"_s));
    }
    deliver(u"bob"_s, u"INBOX"_s,
            mail(u"lee@fabrikam.example"_s, address(u"bob"_s), u"Second contract"_s, u"sc2@x"_s, {}, {}, true));
    outcomes = SyncHelper::syncOnce(m_store, {address(u"bob"_s)});
    QCOMPARE(outcomes.size(), 1);
    QVERIFY(outcomes.constFirst().succeeded());
    bobs = activities(u"bob"_s);
    QCOMPARE(bobs.size(), 2);
    const Activity second = bobs.constFirst().messageId == u"sc2@x"_s ? bobs.constFirst() : bobs.constLast();
    QVERIFY(second.withheldFields.isEmpty());
    QVERIFY(second.bodyText.contains(u"Second contract"_s));
    QCOMPARE(second.attachments.size(), 1);
}

QTEST_GUILESS_MAIN(TestTrackingDovecot)
#include "tst_trackingdovecot.moc"

// What gets tracked, what it is regarding and who may see it, on a real SQLite store without servers:
// the security context (roles, scopes, field security profiles), the tracking engine (every tracking
// option, every correlation method in order, withheld links and fields), the "crm" configuration
// section and CSV import (errors per line, re-import updates).

#include "config/configimporter.h"
#include "config/configparser.h"
#include "config/crmcsvimporter.h"
#include "config/csvreader.h"
#include "store/crmstore.h"
#include "store/store.h"
#include "teststore.h"
#include "tracking/securitycontext.h"
#include "tracking/trackingengine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace SyncDesk;
using namespace Qt::StringLiterals;

namespace {

CrmRecord record(const QString &type, const QString &key, const QString &email = {}, const QString &owner = {},
                 const QString &businessUnit = {})
{
    CrmRecord r;
    r.type = type;
    r.key = key;
    r.name = key;
    r.email = email;
    r.ownerKey = owner;
    r.businessUnit = businessUnit;
    return r;
}

CrmRecord user(const QString &key, const QString &businessUnit, const QStringList &roles,
               const QString &fieldProfile = {})
{
    CrmRecord r = record(u"systemuser"_s, key, key + u"@corp.example"_s, {}, businessUnit);
    r.extra.insert(u"roles"_s, QJsonArray::fromStringList(roles));
    if (!fieldProfile.isEmpty()) {
        r.extra.insert(u"field_security_profile"_s, fieldProfile);
    }
    return r;
}

// The organisation of the tests: two business units, a salesperson (ana), a support agent (bob, whose
// field security profile withholds bodies and attachments), an administrator (carla).
const QJsonObject kCrmSettings = QJsonDocument::fromJson(R"({
    "roles": {
        "salesperson": {"account": "business-unit", "contact": "business-unit", "lead": "own",
                        "opportunity": "own"},
        "support-agent": {"account": "organization", "contact": "organization", "case": "business-unit"},
        "admin": {"account": "organization", "contact": "organization", "lead": "organization",
                  "opportunity": "organization", "case": "organization"}
    },
    "field_security_profiles": {"no-content": ["body", "attachments"], "no-cc": ["cc"]},
    "tracking_token": {"prefix": "CRM", "digits": 7}
})")
                                     .object();

DecodedMessage message(const QString &from, const QString &subject, const QString &messageId = {})
{
    DecodedMessage m;
    m.parsed = true;
    m.from = {QString(), from};
    m.to = {{QString(), u"me@corp.example"_s}};
    m.subject = subject;
    m.messageId = messageId;
    m.bodyText = u"Hello."_s;
    return m;
}

QString why(const SyncError &error)
{
    return error.toString();
}

} // namespace

class TestTracking : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void scopesDecideWhatAnOwnerReads();
    void queueWithoutRolesUsesItsOwnersPermissions();
    void noRolesMeansNoRestriction();
    void unknownOwnerIsAConfigurationError();
    void trackingOptions_data();
    void trackingOptions();
    void correlationMethodsInOrder();
    void conversationsOfABatchAreLookedUpTogether();
    void correlationLinksOnlyRecordsTheOwnerMayRead();
    void senderTheOwnerMayNotReadIsWithheldNotUnknown();
    void fieldsAreWithheldNotEmptied();
    void replyInTheSameSyncCorrelates();
    void folderAndTrackRequestWinOverTheOption();
    void subjectsAndTokens();

    void csvReaderReadsWhatSpreadsheetsWrite();
    void csvReaderReportsAnUnclosedQuote();
    void csvImportReportsEveryBadLineAndImportsNothing();
    void csvImportSkipsInvalidRowsWhenAsked();
    void csvReimportUpdates();

    void crmSectionErrorsHaveTheirPaths_data();
    void crmSectionErrorsHaveTheirPaths();
    void importChecksOwnersAndRoles();
    void recordsInheritTheirOwnersBusinessUnit();

private:
    Mailbox mailbox(const QString &ownerKey, TrackingOption option, const QString &ownerType = u"systemuser"_s);
    TrackingEngine engine(const Mailbox &box);
    qint64 storeActivity(const QString &messageId, const QString &subject, std::optional<RecordRef> regarding);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<CrmStore> m_crm;
    qint64 m_mailboxId = 0;
    quint32 m_nextUid = 1;
    std::optional<SecurityContext> m_security; // kept alive for the engine
};

void TestTracking::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    SYNCDESK_NEW_STORE(storeConfig, m_dir->path(), u"crm.db"_s);
    auto opened = Store::open(storeConfig);
    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(why(opened.error())));
    m_store = std::move(opened).value();
    m_crm = std::make_unique<CrmStore>(*m_store);
    QVERIFY(m_store->setSetting(u"crm"_s, kCrmSettings));
    auto upserted = m_crm->upsertRecords({
        record(u"businessunit"_s, u"sales"_s),
        record(u"businessunit"_s, u"support"_s),
        user(u"ana"_s, u"sales"_s, {u"salesperson"_s}),
        user(u"bob"_s, u"support"_s, {u"support-agent"_s}, u"no-content"_s),
        user(u"carla"_s, u"sales"_s, {u"admin"_s}, u"no-cc"_s),
        record(u"queue"_s, u"helpdesk"_s, u"helpdesk@corp.example"_s, u"bob"_s),
        record(u"account"_s, u"contoso"_s, u"info@contoso.example"_s, u"ana"_s),
        record(u"account"_s, u"fabrikam"_s, u"info@fabrikam.example"_s, u"bob"_s),
        record(u"contact"_s, u"kim"_s, u"kim@contoso.example"_s, u"ana"_s),
        record(u"contact"_s, u"lee"_s, u"lee@fabrikam.example"_s, u"bob"_s),
        record(u"lead"_s, u"max"_s, u"max@prospect.example"_s, u"ana"_s),
        record(u"lead"_s, u"zoe"_s, u"zoe@prospect.example"_s, u"carla"_s),
        record(u"opportunity"_s, u"big-deal"_s, {}, u"ana"_s),
        record(u"case"_s, u"case-7"_s, {}, u"bob"_s),
    });
    QVERIFY2(upserted.ok(), upserted.ok() ? "" : qPrintable(why(upserted.error())));
    QCOMPARE(upserted->created, 14);

    ServerProfile profile;
    profile.name = u"local"_s;
    profile.incoming.host = u"localhost"_s;
    profile.incoming.port = 143;
    auto profileId = m_store->upsertProfile(profile);
    QVERIFY(profileId);
    Mailbox box;
    box.address = u"me@corp.example"_s;
    box.profileId = *profileId;
    box.username = box.address;
    box.passwordSource = u"env:NONE"_s;
    auto id = m_store->upsertMailbox(box);
    QVERIFY(id);
    m_mailboxId = *id;
}

void TestTracking::cleanup()
{
    m_security.reset();
    m_crm.reset();
    m_store.reset();
    m_dir.reset();
}

Mailbox TestTracking::mailbox(const QString &ownerKey, TrackingOption option, const QString &ownerType)
{
    Mailbox box;
    box.id = m_mailboxId;
    box.address = u"me@corp.example"_s;
    box.ownerType = ownerType;
    box.ownerKey = ownerKey;
    box.tracking = option;
    return box;
}

TrackingEngine TestTracking::engine(const Mailbox &box)
{
    auto security = SecurityContext::forMailbox(*m_crm, kCrmSettings, box);
    if (!security) {
        qWarning("%s", qPrintable(why(security.error())));
        m_security = SecurityContext::unrestricted();
    } else {
        m_security = *security;
    }
    return TrackingEngine(*m_crm, box, *m_security, TrackingSettings::fromJson(kCrmSettings));
}

qint64 TestTracking::storeActivity(const QString &messageId, const QString &subject, std::optional<RecordRef> regarding)
{
    Activity activity;
    activity.mailboxId = m_mailboxId;
    activity.folder = u"INBOX"_s;
    activity.uidValidity = 1;
    activity.uid = m_nextUid++;
    activity.messageId = messageId;
    activity.dedupeKey = messageId;
    activity.subject = subject;
    activity.regarding = regarding;
    activity.correlation = regarding ? u"folder"_s : u"none"_s;
    activity.conversation = TrackingEngine::normalizeSubject(subject);
    FolderState state;
    state.mailboxId = m_mailboxId;
    state.folder = u"INBOX"_s;
    state.uidValidity = 1;
    state.uidNext = m_nextUid;
    auto written = m_store->writeBatch(state, {activity});
    if (!written || written->ids.size() != 1) {
        qWarning("cannot store the activity");
        return 0;
    }
    return written->ids.constFirst();
}

void TestTracking::scopesDecideWhatAnOwnerReads()
{
    auto ana = SecurityContext::forMailbox(*m_crm, kCrmSettings, mailbox(u"ana"_s, TrackingOption::All));
    QVERIFY2(ana.ok(), ana.ok() ? "" : qPrintable(why(ana.error())));
    QVERIFY(!ana->isUnrestricted());
    // Business-unit scope: records of her unit (contoso, owned by her: its unit came from her).
    QVERIFY(ana->canRead(m_crm->record(u"account"_s, u"contoso"_s)->value()));
    QVERIFY(!ana->canRead(m_crm->record(u"account"_s, u"fabrikam"_s)->value()));
    QVERIFY(ana->canRead(m_crm->record(u"contact"_s, u"kim"_s)->value()));
    QVERIFY(!ana->canRead(m_crm->record(u"contact"_s, u"lee"_s)->value()));
    // Own scope: her lead, not carla's, although carla is in the same unit.
    QVERIFY(ana->canRead(m_crm->record(u"lead"_s, u"max"_s)->value()));
    QVERIFY(!ana->canRead(m_crm->record(u"lead"_s, u"zoe"_s)->value()));
    // No privilege at all on cases.
    QVERIFY(!ana->canRead(m_crm->record(u"case"_s, u"case-7"_s)->value()));
    QCOMPARE(ana->scopeFor(u"case"_s), AccessScope::None);
    QVERIFY(ana->withheldFields().isEmpty());
    QVERIFY(ana->describe().contains(u"lead own"_s));

    auto carla = SecurityContext::forMailbox(*m_crm, kCrmSettings, mailbox(u"carla"_s, TrackingOption::All));
    QVERIFY(carla.ok());
    QVERIFY(carla->canRead(m_crm->record(u"case"_s, u"case-7"_s)->value()));
    QVERIFY(carla->canRead(m_crm->record(u"account"_s, u"fabrikam"_s)->value()));
    QCOMPARE(carla->withheldFields(), QSet<QString>{u"cc"_s});
}

void TestTracking::queueWithoutRolesUsesItsOwnersPermissions()
{
    auto queue =
        SecurityContext::forMailbox(*m_crm, kCrmSettings, mailbox(u"helpdesk"_s, TrackingOption::All, u"queue"_s));
    QVERIFY2(queue.ok(), queue.ok() ? "" : qPrintable(why(queue.error())));
    // bob's: cases of his unit, every account, and his field security profile.
    QVERIFY(queue->canRead(m_crm->record(u"case"_s, u"case-7"_s)->value()));
    QVERIFY(queue->canRead(m_crm->record(u"account"_s, u"contoso"_s)->value()));
    QVERIFY(!queue->canRead(m_crm->record(u"lead"_s, u"max"_s)->value()));
    QCOMPARE(queue->withheldFields(), (QSet<QString>{u"body"_s, u"attachments"_s}));
}

void TestTracking::noRolesMeansNoRestriction()
{
    auto nobody = SecurityContext::forMailbox(*m_crm, kCrmSettings, mailbox(QString(), TrackingOption::All));
    QVERIFY(nobody.ok());
    QVERIFY(nobody->isUnrestricted());
    auto withoutRoles = SecurityContext::forMailbox(*m_crm, QJsonObject(), mailbox(u"ana"_s, TrackingOption::All));
    QVERIFY(withoutRoles.ok());
    QVERIFY(withoutRoles->isUnrestricted());
    QVERIFY(withoutRoles->canRead(m_crm->record(u"case"_s, u"case-7"_s)->value()));
}

void TestTracking::unknownOwnerIsAConfigurationError()
{
    auto ghost = SecurityContext::forMailbox(*m_crm, kCrmSettings, mailbox(u"ghost"_s, TrackingOption::All));
    QVERIFY(!ghost.ok());
    QCOMPARE(ghost.error().errorClass, ErrorClass::Config);
    QCOMPARE(ghost.error().hintId, u"config-invalid"_s);
    QVERIFY(ghost.error().message.contains(u"systemuser:ghost"_s));
}

void TestTracking::trackingOptions_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("from");
    QTest::addColumn<bool>("reply");
    QTest::addColumn<bool>("tracked");
    const QString unknown = u"someone@nowhere.example"_s;
    const QString contact = u"kim@contoso.example"_s;
    const QString systemUser = u"bob@corp.example"_s;
    const QString queue = u"helpdesk@corp.example"_s;
    // option, sender, a reply to a tracked message, tracked
    QTest::newRow("all: anyone") << u"all"_s << unknown << false << true;
    QTest::newRow("responses: a reply") << u"responses"_s << unknown << true << true;
    QTest::newRow("responses: not a reply") << u"responses"_s << contact << false << false;
    QTest::newRow("known-records: a contact") << u"known-records"_s << contact << false << true;
    QTest::newRow("known-records: a system user") << u"known-records"_s << systemUser << false << false;
    QTest::newRow("known-records: unknown") << u"known-records"_s << unknown << true << false;
    QTest::newRow("email-enabled: a contact") << u"email-enabled"_s << contact << false << true;
    QTest::newRow("email-enabled: a system user") << u"email-enabled"_s << systemUser << false << true;
    QTest::newRow("email-enabled: a queue") << u"email-enabled"_s << queue << false << true;
    QTest::newRow("email-enabled: unknown") << u"email-enabled"_s << unknown << false << false;
    QTest::newRow("none: a contact") << u"none"_s << contact << true << false;
}

void TestTracking::trackingOptions()
{
    QFETCH(QString, option);
    QFETCH(QString, from);
    QFETCH(bool, reply);
    QFETCH(bool, tracked);
    storeActivity(u"original@corp.example"_s, u"Quote"_s, std::nullopt);
    TrackingEngine decider = engine(mailbox(QString(), *trackingOptionFromName(option)));
    DecodedMessage m = message(from, u"A subject"_s, u"m1@x.example"_s);
    if (reply) {
        m.inReplyTo = u"original@corp.example"_s;
    }
    auto decision = decider.decide(m, u"INBOX"_s);
    QVERIFY2(decision.ok(), decision.ok() ? "" : qPrintable(why(decision.error())));
    QCOMPARE(decision->tracked, tracked);
    QVERIFY(!decision->reason.isEmpty());
}

void TestTracking::correlationMethodsInOrder()
{
    const qint64 dealActivity =
        storeActivity(u"deal@corp.example"_s, u"Big deal pricing"_s, RecordRef{u"opportunity"_s, u"big-deal"_s});
    QVERIFY(dealActivity > 0);
    const qint64 caseActivity =
        storeActivity(u"case@corp.example"_s, u"Printer broken"_s, RecordRef{u"case"_s, u"case-7"_s});
    QVERIFY(caseActivity > 0);
    TrackingEngine decider = engine(mailbox(QString(), TrackingOption::All));

    struct Row
    {
        const char *name;
        DecodedMessage message;
        QString correlation;
        std::optional<RecordRef> regarding;
    };
    DecodedMessage inReplyTo = message(u"kim@contoso.example"_s, u"Re: Big deal pricing"_s);
    inReplyTo.inReplyTo = u"deal@corp.example"_s;
    // In-Reply-To wins over a token naming another activity.
    inReplyTo.subject = u"Re: Big deal pricing [%1]"_s.arg(decider.tokenFor(caseActivity));
    DecodedMessage references = message(u"kim@contoso.example"_s, u"Fwd: something"_s);
    references.inReplyTo = u"unknown@else.example"_s;
    references.references = {u"deal@corp.example"_s, u"unknown@else.example"_s};
    DecodedMessage token = message(u"someone@nowhere.example"_s, u"Your case %1"_s.arg(decider.tokenFor(caseActivity)));
    DecodedMessage conversation = message(u"someone@nowhere.example"_s, u"AW: RE: printer   BROKEN"_s);
    DecodedMessage party = message(u"kim@contoso.example"_s, u"Lunch?"_s);
    party.cc = {{QString(), u"info@contoso.example"_s}};
    DecodedMessage none = message(u"someone@nowhere.example"_s, u"Hello"_s);
    const QList<Row> rows{
        {"in-reply-to", inReplyTo, u"in-reply-to"_s, RecordRef{u"opportunity"_s, u"big-deal"_s}},
        {"references", references, u"references"_s, RecordRef{u"opportunity"_s, u"big-deal"_s}},
        {"tracking-token", token, u"tracking-token"_s, RecordRef{u"case"_s, u"case-7"_s}},
        {"conversation", conversation, u"conversation"_s, RecordRef{u"case"_s, u"case-7"_s}},
        {"party-list", party, u"party-list"_s, std::nullopt},
        {"none", none, u"none"_s, std::nullopt},
    };
    for (const Row &row : rows) {
        auto decision = decider.decide(row.message, u"INBOX"_s);
        QVERIFY2(decision.ok(), row.name);
        QVERIFY2(decision->tracked, row.name);
        QVERIFY2(decision->correlation == row.correlation,
                 qPrintable(u"%1: %2"_s.arg(QString::fromLatin1(row.name), decision->correlation)));
        QVERIFY2(decision->regarding == row.regarding, row.name);
    }
    // The party list: every sender and recipient matched to a contact, lead or account.
    auto decision = decider.decide(party, u"INBOX"_s);
    QVERIFY(decision.ok());
    QCOMPARE(decision->parties.size(), 2);
    QCOMPARE(decision->parties.at(0).role, u"from"_s);
    QCOMPARE(decision->parties.at(0).record, (RecordRef{u"contact"_s, u"kim"_s}));
    QCOMPARE(decision->parties.at(1).role, u"cc"_s);
    QCOMPARE(decision->parties.at(1).record, (RecordRef{u"account"_s, u"contoso"_s}));
}

void TestTracking::conversationsOfABatchAreLookedUpTogether()
{
    // Two tracked conversations (the first has two activities: the latest counts) and one not tracked.
    QVERIFY(storeActivity(u"deal-1@corp.example"_s, u"Big deal pricing"_s, RecordRef{u"opportunity"_s, u"old"_s}) > 0);
    QVERIFY(storeActivity(u"deal-2@corp.example"_s, u"RE: Big deal pricing"_s,
                          RecordRef{u"opportunity"_s, u"big-deal"_s}) > 0);
    QVERIFY(storeActivity(u"case@corp.example"_s, u"Printer broken"_s, RecordRef{u"case"_s, u"case-7"_s}) > 0);
    QVERIFY(storeActivity(u"lunch@corp.example"_s, u"Lunch plans"_s, std::nullopt) > 0);
    TrackingEngine decider = engine(mailbox(QString(), TrackingOption::All));
    const QList<DecodedMessage> batch{
        message(u"someone@nowhere.example"_s, u"Re: big deal PRICING"_s, u"b1@x.example"_s),
        message(u"someone@nowhere.example"_s, u"AW: Printer broken"_s, u"b2@x.example"_s),
        message(u"someone@nowhere.example"_s, u"Re: Lunch plans"_s, u"b3@x.example"_s),
        message(u"someone@nowhere.example"_s, u"Re: Something new"_s, u"b4@x.example"_s),
        message(u"someone@nowhere.example"_s, u"Printer broken"_s, u"b5@x.example"_s), // not a reply
    };
    QVERIFY(decider.prepareBatch(batch).ok());
    // Stored after the batch was prepared: the batch's decisions do not see it (they use the one lookup).
    QVERIFY(storeActivity(u"new@corp.example"_s, u"Something new"_s, RecordRef{u"case"_s, u"case-7"_s}) > 0);
    const QList<std::pair<QString, std::optional<RecordRef>>> expected{
        {u"conversation"_s, RecordRef{u"opportunity"_s, u"big-deal"_s}},
        {u"conversation"_s, RecordRef{u"case"_s, u"case-7"_s}},
        {u"none"_s, std::nullopt},
        {u"none"_s, std::nullopt},
        {u"none"_s, std::nullopt},
    };
    for (qsizetype i = 0; i < batch.size(); ++i) {
        auto decision = decider.decide(batch.at(i), u"INBOX"_s);
        QVERIFY(decision.ok());
        QCOMPARE(decision->correlation, expected.at(i).first);
        QCOMPARE(decision->regarding, expected.at(i).second);
    }
    // The next batch looks again.
    QVERIFY(decider.prepareBatch({batch.at(3)}).ok());
    auto later = decider.decide(batch.at(3), u"INBOX"_s);
    QVERIFY(later.ok());
    QCOMPARE(later->correlation, u"conversation"_s);
    QCOMPARE(later->regarding, (std::optional<RecordRef>(RecordRef{u"case"_s, u"case-7"_s})));
}

void TestTracking::correlationLinksOnlyRecordsTheOwnerMayRead()
{
    // ana may not read cases: a reply to the case thread is tracked (her option is all) but not linked.
    storeActivity(u"case@corp.example"_s, u"Printer broken"_s, RecordRef{u"case"_s, u"case-7"_s});
    TrackingEngine decider = engine(mailbox(u"ana"_s, TrackingOption::All));
    DecodedMessage reply = message(u"lee@fabrikam.example"_s, u"Re: Printer broken"_s);
    reply.inReplyTo = u"case@corp.example"_s;
    auto decision = decider.decide(reply, u"INBOX"_s);
    QVERIFY(decision.ok());
    QVERIFY(decision->tracked);
    QVERIFY(!decision->regarding);
    QVERIFY(decision->itemWithheld);
    // Nor is lee, a contact of another unit, on the party list.
    QVERIFY(decision->parties.isEmpty());

    // carla reads everything: the same reply is linked.
    TrackingEngine admin = engine(mailbox(u"carla"_s, TrackingOption::All));
    auto linked = admin.decide(reply, u"INBOX"_s);
    QVERIFY(linked.ok());
    QCOMPARE(linked->regarding, (std::optional<RecordRef>(RecordRef{u"case"_s, u"case-7"_s})));
    QVERIFY(!linked->itemWithheld);
}

void TestTracking::senderTheOwnerMayNotReadIsWithheldNotUnknown()
{
    // lee is a contact of bob's unit: for ana (known records) the message is withheld, not "unknown".
    TrackingEngine decider = engine(mailbox(u"ana"_s, TrackingOption::KnownRecords));
    auto decision = decider.decide(message(u"lee@fabrikam.example"_s, u"Order"_s), u"INBOX"_s);
    QVERIFY(decision.ok());
    QVERIFY(!decision->tracked);
    QVERIFY(decision->itemWithheld);
    auto unknown = decider.decide(message(u"someone@nowhere.example"_s, u"Order"_s), u"INBOX"_s);
    QVERIFY(unknown.ok());
    QVERIFY(!unknown->tracked);
    QVERIFY(!unknown->itemWithheld);
}

void TestTracking::fieldsAreWithheldNotEmptied()
{
    TrackingEngine decider = engine(mailbox(u"bob"_s, TrackingOption::All));
    DecodedMessage m = message(u"lee@fabrikam.example"_s, u"Contract"_s);
    m.attachments = {{u"contract.pdf"_s, u"application/pdf"_s, 1234}};
    m.cc = {{QString(), u"kim@contoso.example"_s}};
    auto decision = decider.decide(m, u"INBOX"_s);
    QVERIFY(decision.ok());
    QCOMPARE(decision->withheldFields, (QStringList{u"body"_s, u"attachments"_s}));
    Activity activity;
    activity.bodyText = m.bodyText;
    activity.attachments = m.attachments;
    activity.cc = m.cc;
    decision->applyTo(activity);
    QVERIFY(activity.bodyText.isEmpty());
    QVERIFY(activity.attachments.isEmpty());
    QCOMPARE(activity.cc.size(), 1); // not withheld for bob
    QCOMPARE(activity.withheldFields, (QStringList{u"body"_s, u"attachments"_s}));

    // A message without attachments withholds only what it had.
    auto plain = decider.decide(message(u"lee@fabrikam.example"_s, u"Hi"_s), u"INBOX"_s);
    QVERIFY(plain.ok());
    QCOMPARE(plain->withheldFields, QStringList{u"body"_s});

    // Stored and read back as withheld.
    Activity stored;
    stored.mailboxId = m_mailboxId;
    stored.folder = u"INBOX"_s;
    stored.uidValidity = 1;
    stored.uid = 99;
    stored.messageId = u"withheld@x.example"_s;
    stored.dedupeKey = stored.messageId;
    decision->applyTo(stored);
    FolderState state;
    state.mailboxId = m_mailboxId;
    state.folder = u"INBOX"_s;
    state.uidValidity = 1;
    state.uidNext = 100;
    QVERIFY(m_store->writeBatch(state, {stored}));
    QList<Activity> back;
    QVERIFY(m_store->forEachActivity([&](const Activity &a) {
        back.append(a);
        return true;
    }));
    QCOMPARE(back.size(), 1);
    QCOMPARE(back.constFirst().withheldFields, (QStringList{u"body"_s, u"attachments"_s}));
    QCOMPARE(back.constFirst().parties, decision->parties);
}

void TestTracking::replyInTheSameSyncCorrelates()
{
    TrackingEngine decider = engine(mailbox(QString(), TrackingOption::Responses));
    // Not yet stored: the engine remembers what it tracked in this sync.
    TrackingDecision first;
    first.tracked = true;
    first.regarding = RecordRef{u"account"_s, u"contoso"_s};
    first.conversation = u"price list"_s;
    decider.remember(u"first@x.example"_s, first);
    DecodedMessage reply = message(u"someone@nowhere.example"_s, u"Re: Price list"_s);
    reply.inReplyTo = u"first@x.example"_s;
    auto decision = decider.decide(reply, u"INBOX"_s);
    QVERIFY(decision.ok());
    QVERIFY(decision->tracked);
    QCOMPARE(decision->correlation, u"in-reply-to"_s);
    QCOMPARE(decision->regarding, first.regarding);
}

void TestTracking::folderAndTrackRequestWinOverTheOption()
{
    Mailbox box = mailbox(u"ana"_s, TrackingOption::None);
    box.trackedFolders.insert(u"Customers/Contoso"_s, {u"account"_s, u"contoso"_s});
    box.trackedFolders.insert(u"Customers/Fabrikam"_s, {u"account"_s, u"fabrikam"_s});
    TrackingEngine decider = engine(box);
    const DecodedMessage m = message(u"someone@nowhere.example"_s, u"Anything"_s, u"f1@x.example"_s);

    auto inInbox = decider.decide(m, u"INBOX"_s);
    QVERIFY(inInbox.ok());
    QVERIFY(!inInbox->tracked);

    auto inFolder = decider.decide(m, u"Customers/Contoso"_s);
    QVERIFY(inFolder.ok());
    QVERIFY(inFolder->tracked);
    QCOMPARE(inFolder->correlation, u"folder"_s);
    QCOMPARE(inFolder->regarding, (std::optional<RecordRef>(RecordRef{u"account"_s, u"contoso"_s})));

    // A folder mapped to a record ana may not read: tracked, without the link, counted as withheld.
    auto unreadable = decider.decide(m, u"Customers/Fabrikam"_s);
    QVERIFY(unreadable.ok());
    QVERIFY(unreadable->tracked);
    QVERIFY(!unreadable->regarding);
    QVERIFY(unreadable->itemWithheld);

    TrackRequest request;
    request.messageId = m.messageId;
    request.regarding = RecordRef{u"opportunity"_s, u"big-deal"_s};
    auto requested = decider.decide(m, u"INBOX"_s, &request);
    QVERIFY(requested.ok());
    QVERIFY(requested->tracked);
    QCOMPARE(requested->correlation, u"track-request"_s);
    QCOMPARE(requested->regarding, request.regarding);
}

void TestTracking::subjectsAndTokens()
{
    QCOMPARE(TrackingEngine::normalizeSubject(u"  RE: Fwd: AW:  Quote   for  Q3 "_s), u"quote for q3"_s);
    QCOMPARE(TrackingEngine::normalizeSubject(u"Re[2]: SV: Angebot"_s), u"angebot"_s);
    QVERIFY(TrackingEngine::looksLikeReply(u"WG: Termin"_s));
    QVERIFY(!TrackingEngine::looksLikeReply(u"Regarding the termination"_s));
    TrackingEngine decider = engine(mailbox(QString(), TrackingOption::All));
    QCOMPARE(decider.tokenFor(42), u"CRM:0000042"_s);
    QCOMPARE(decider.tokenIn(u"Re: your order CRM:0000042 shipped"_s), std::optional<qint64>(42));
    QCOMPARE(decider.tokenIn(u"XCRM:0000042"_s), std::nullopt); // inside a word
    QCOMPARE(decider.tokenIn(u"CRM:00000421"_s), std::nullopt); // too many digits
    QCOMPARE(decider.tokenIn(u"CRM:0000000"_s), std::nullopt);  // no activity 0
    QJsonObject custom = kCrmSettings;
    custom.insert(u"tracking_token"_s, QJsonObject{{u"prefix"_s, u"TKT"_s}, {u"digits"_s, 4}});
    TrackingEngine other(*m_crm, mailbox(QString(), TrackingOption::All), SecurityContext::unrestricted(),
                         TrackingSettings::fromJson(custom));
    QCOMPARE(other.tokenFor(7), u"TKT:0007"_s);
    QCOMPARE(other.tokenIn(u"[TKT:0007]"_s), std::optional<qint64>(7));
}

void TestTracking::csvReaderReadsWhatSpreadsheetsWrite()
{
    const QByteArray csv = "\xEF\xBB\xBF"
                           "id;name;email\r\n"
                           "1;\"M\xC3\xBCller; Anna\";anna@example.com\r\n"
                           "\r\n"
                           "2;\"Says \"\"hi\"\"\nand more\";bo@example.com\n"
                           "3;Plain;c@example.com";
    const CsvReader reader(csv);
    QVERIFY(reader.ok());
    QCOMPARE(reader.separator(), QChar(u';'));
    QCOMPARE(reader.rows().size(), 4);
    QCOMPARE(reader.rows().at(0).fields, (QStringList{u"id"_s, u"name"_s, u"email"_s}));
    QCOMPARE(reader.rows().at(1).fields.at(1), u"Müller; Anna"_s);
    QCOMPARE(reader.rows().at(2).fields.at(1), u"Says \"hi\"\nand more"_s);
    QCOMPARE(reader.rows().at(2).line, 4);
    QCOMPARE(reader.rows().at(3).line, 6);
    QCOMPARE(reader.rows().at(3).fields, (QStringList{u"3"_s, u"Plain"_s, u"c@example.com"_s}));

    // Windows-1252 from an older spreadsheet.
    const CsvReader latin("id,name\n1,M\xFCller\n");
    QVERIFY(latin.ok());
    QCOMPARE(latin.rows().at(1).fields.at(1), u"Müller"_s);
}

void TestTracking::csvReaderReportsAnUnclosedQuote()
{
    const CsvReader reader("id,name\n1,ok\n2,\"never closed\n3,x\n");
    QVERIFY(!reader.ok());
    QCOMPARE(reader.errorString(), u"line 3: a quoted field is never closed"_s);
    QVERIFY(reader.rows().isEmpty());
}

void TestTracking::csvImportReportsEveryBadLineAndImportsNothing()
{
    const QByteArray csv = "ID,Name,E-mail,Account\n"
                           "c1,Ann,ann@example.com,contoso\n"
                           "c2,Bad,not-an-address,contoso\n"
                           ",No id,x@example.com,\n"
                           "c1,Again,again@example.com,\n"
                           "c5,Extra,e@example.com,contoso,surprise\n";
    const auto outcome = CrmCsvImporter::import(*m_store, csv, u"contact"_s, false);
    const auto *rejected = std::get_if<CsvRejected>(&outcome);
    QVERIFY(rejected);
    QVERIFY(rejected->rowsOnly); // --skip-invalid would import the valid rows
    QCOMPARE(rejected->problems, (QStringList{
                                     u"line 3, column email: \"not-an-address\" is not an email address"_s,
                                     u"line 4, column id: missing; every contact needs one"_s,
                                     u"line 5, column id: \"c1\" is already on line 2"_s,
                                     u"line 6: 5 fields, but the header names 4 columns"_s,
                                 }));
    QVERIFY(!m_crm->record(u"contact"_s, u"c1"_s)->has_value());

    const auto badHeader = CrmCsvImporter::import(*m_store, "id,name,phone\n1,a,2\n", u"lead"_s, false);
    QVERIFY(std::get_if<CsvRejected>(&badHeader));
    QVERIFY(std::get<CsvRejected>(badHeader).problems.constFirst().contains(u"unknown column \"phone\""_s));
    QVERIFY(!std::get<CsvRejected>(badHeader).rowsOnly); // no row can be imported under a wrong header
    const auto wrongType = CrmCsvImporter::import(*m_store, "id\n1\n", u"case"_s, false);
    QVERIFY(std::get_if<CsvRejected>(&wrongType));
    QVERIFY(!std::get<CsvRejected>(wrongType).rowsOnly);
}

void TestTracking::csvImportSkipsInvalidRowsWhenAsked()
{
    const QByteArray csv = "id,name,email\nc1,Ann,ann@example.com\nc2,Bad,nope\n";
    const auto outcome = CrmCsvImporter::import(*m_store, csv, u"contact"_s, true);
    const auto *summary = std::get_if<CsvImportSummary>(&outcome);
    QVERIFY(summary);
    QCOMPARE(summary->created, 1);
    QCOMPARE(summary->skipped, 1);
    QCOMPARE(summary->problems.size(), 1);
    QVERIFY(m_crm->record(u"contact"_s, u"c1"_s)->has_value());
    QVERIFY(!m_crm->record(u"contact"_s, u"c2"_s)->has_value());
}

void TestTracking::csvReimportUpdates()
{
    const QByteArray first = "id,name,email,owner\na1,Alpha,alpha@example.com,ana\na2,Beta,beta@example.com,\n";
    auto outcome = CrmCsvImporter::import(*m_store, first, u"account"_s, false);
    QVERIFY(std::get_if<CsvImportSummary>(&outcome));
    QCOMPARE(std::get<CsvImportSummary>(outcome).created, 2);
    const QByteArray second = "id,name,email,owner\na1,Alpha Inc,ALPHA@example.com,ana\na2,Beta,beta@example.com,\n";
    outcome = CrmCsvImporter::import(*m_store, second, u"account"_s, false);
    const auto &summary = std::get<CsvImportSummary>(outcome);
    QCOMPARE(summary.created, 0);
    QCOMPARE(summary.updated, 1);
    QCOMPARE(summary.unchanged, 1);
    const CrmRecord alpha = m_crm->record(u"account"_s, u"a1"_s)->value();
    QCOMPARE(alpha.name, u"Alpha Inc"_s);
    QCOMPARE(alpha.email, u"alpha@example.com"_s);
    QCOMPARE(alpha.businessUnit, u"sales"_s); // ana's
    QCOMPARE(m_crm->records(u"account"_s)->size(), 4);
}

void TestTracking::crmSectionErrorsHaveTheirPaths_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");
    auto crm = [](const char *section) -> QByteArray {
        return QByteArray(R"({"crm": )") + section + "}";
    };
    QTest::newRow("unknown scope") << crm(R"({"roles": {"r": {"account": "everyone"}}})") << u"$.crm.roles.r.account"_s
                                   << u"expected a scope"_s;
    QTest::newRow("unknown record type") << crm(R"({"roles": {"r": {"invoice": "own"}}})") << u"$.crm.roles.r.invoice"_s
                                         << u"unknown record type"_s;
    QTest::newRow("unknown withheld field")
        << crm(R"({"field_security_profiles": {"p": ["body", "subject"]}})") << u"$.crm.field_security_profiles.p[1]"_s
        << u"expected one of body, attachments, cc"_s;
    QTest::newRow("keyword with a space")
        << crm(R"({"tracked_keyword": "my keyword"})") << u"$.crm.tracked_keyword"_s << u"expected an IMAP keyword"_s;
    QTest::newRow("token digits") << crm(R"({"tracking_token": {"digits": 40}})") << u"$.crm.tracking_token.digits"_s
                                  << u"from 3 to 12"_s;
    QTest::newRow("bad email") << crm(R"({"contacts": [{"id": "c1", "email": "nope"}]})")
                               << u"$.crm.contacts[0].email"_s << u"is not an email address"_s;
    QTest::newRow("missing id") << crm(R"({"accounts": [{"name": "No id"}]})") << u"$.crm.accounts[0].id"_s
                                << u"missing"_s;
    QTest::newRow("duplicate id") << crm(R"({"leads": [{"id": "l1"}, {"id": "l1"}]})") << u"$.crm.leads[1].id"_s
                                  << u"listed twice"_s;
    QTest::newRow("field of another type")
        << crm(R"({"accounts": [{"id": "a", "company": "x"}]})") << u"$.crm.accounts[0].company"_s
        << u"unknown field for the record type account"_s;
    QTest::newRow("case customer") << crm(R"({"cases": [{"id": "k", "customer": "lead:x"}]})")
                                   << u"$.crm.cases[0].customer"_s << u"expected TYPE:ID"_s;
    const QByteArray mailbox = R"({"mailboxes": [{"address": "a@b.example", "profile": "p", "password_env": "PW", )";
    QTest::newRow("owner format") << mailbox + R"("owner": "ana"}]})" << u"$.mailboxes[0].owner"_s
                                  << u"expected TYPE:ID with TYPE one of systemuser, queue"_s;
    QTest::newRow("tracking option") << mailbox + R"("tracking": "some"}]})" << u"$.mailboxes[0].tracking"_s
                                     << u"expected one of all, responses, known-records, email-enabled, none"_s;
    QTest::newRow("tracked folder record") << mailbox + R"("tracked_folders": {"Deals": "systemuser:ana"}}]})"
                                           << u"$.mailboxes[0].tracked_folders.Deals"_s << u"expected TYPE:ID"_s;
}

void TestTracking::crmSectionErrorsHaveTheirPaths()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, path);
    QFETCH(QString, message);
    const auto outcome = ConfigParser::parse(json, m_dir->path());
    QVERIFY2(std::holds_alternative<QList<ConfigIssue>>(outcome), "the file should have been refused");
    const QList<ConfigIssue> issues = std::get<QList<ConfigIssue>>(outcome);
    bool found = false;
    for (const ConfigIssue &issue : issues) {
        found = found || (issue.path == path && issue.message.contains(message));
    }
    QStringList all;
    for (const ConfigIssue &issue : issues) {
        all.append(issue.toString());
    }
    QVERIFY2(found, qPrintable(all.join(u"\n"_s)));
}

void TestTracking::importChecksOwnersAndRoles()
{
    const QByteArray json = R"({
        "server_profiles": [{"name": "p", "incoming": {"protocol": "imap", "host": "localhost", "security": "none"}}],
        "crm": {"system_users": [{"id": "dan", "roles": ["no-such-role"]}]},
        "mailboxes": [{"address": "a@b.example", "profile": "p", "password_env": "PW", "owner": "queue:nobody",
                       "tracked_folders": {"Deals": "opportunity:not-yet"}}]
    })";
    const auto parsed = ConfigParser::parse(json, m_dir->path());
    QVERIFY(std::get_if<ConfigFile>(&parsed));
    const ConfigFile &file = std::get<ConfigFile>(parsed);
    QVERIFY(file.mailboxes.constFirst().folders.contains(u"Deals"_s)); // a tracked folder is synced
    const auto imported = ConfigImporter::import(*m_store, file);
    const auto *issues = std::get_if<QList<ConfigIssue>>(&imported);
    QVERIFY(issues);
    QStringList texts;
    for (const ConfigIssue &issue : *issues) {
        texts.append(issue.toString());
    }
    QVERIFY2(texts.join(u'\n').contains(u"unknown role \"no-such-role\""_s), qPrintable(texts.join(u'\n')));
    // All or nothing: dan was not stored.
    QVERIFY(!m_crm->record(u"systemuser"_s, u"dan"_s)->has_value());

    // Without the bad role, the unknown queue is the problem; the unknown folder record only a warning.
    const QByteArray second = R"({
        "server_profiles": [{"name": "p", "incoming": {"protocol": "imap", "host": "localhost", "security": "none"}}],
        "mailboxes": [{"address": "a@b.example", "profile": "p", "password_env": "PW", "owner": "queue:nobody"}]
    })";
    const auto again =
        ConfigImporter::import(*m_store, std::get<ConfigFile>(ConfigParser::parse(second, m_dir->path())));
    QVERIFY(std::get_if<QList<ConfigIssue>>(&again));
    QCOMPARE(std::get<QList<ConfigIssue>>(again).constFirst().path, u"$.mailboxes[0].owner"_s);

    const QByteArray third = R"({
        "server_profiles": [{"name": "p", "incoming": {"protocol": "imap", "host": "localhost", "security": "none"}}],
        "mailboxes": [{"address": "a@b.example", "profile": "p", "password_env": "PW", "owner": "queue:helpdesk",
                       "tracking": "responses", "tracked_folders": {"Deals": "opportunity:not-yet"}}]
    })";
    const auto ok = ConfigImporter::import(*m_store, std::get<ConfigFile>(ConfigParser::parse(third, m_dir->path())));
    QVERIFY(std::get_if<ImportSummary>(&ok));
    QCOMPARE(std::get<ImportSummary>(ok).warnings.size(), 1);
    QVERIFY(std::get<ImportSummary>(ok).warnings.constFirst().message.contains(u"not a CRM record yet"_s));
    const Mailbox stored = m_store->mailboxByAddress(u"a@b.example"_s)->value();
    QCOMPARE(stored.owner(), u"queue:helpdesk"_s);
    QCOMPARE(stored.tracking, TrackingOption::Responses);
    QCOMPARE(stored.trackedFolders.value(u"Deals"_s), (RecordRef{u"opportunity"_s, u"not-yet"_s}));
}

void TestTracking::recordsInheritTheirOwnersBusinessUnit()
{
    const QByteArray json = R"({"crm": {
        "tracked_keyword": "$Tracked",
        "business_units": [{"id": "emea"}],
        "system_users": [{"id": "eve", "business_unit": "emea", "email": "Eve@Corp.example"}],
        "accounts": [{"id": "acme", "owner": "eve"}, {"id": "own-unit", "owner": "eve", "business_unit": "sales"}]
    }})";
    const auto parsed = ConfigParser::parse(json, m_dir->path());
    QVERIFY(std::get_if<ConfigFile>(&parsed));
    const auto imported = ConfigImporter::import(*m_store, std::get<ConfigFile>(parsed));
    QVERIFY(std::get_if<ImportSummary>(&imported));
    QCOMPARE(std::get<ImportSummary>(imported).crmRecordsCreated, 4);
    QVERIFY(std::get<ImportSummary>(imported).crmSettingsUpdated);
    QCOMPARE(m_crm->record(u"account"_s, u"acme"_s)->value().businessUnit, u"emea"_s);
    QCOMPARE(m_crm->record(u"account"_s, u"own-unit"_s)->value().businessUnit, u"sales"_s);
    QCOMPARE(m_crm->record(u"systemuser"_s, u"eve"_s)->value().email, u"eve@corp.example"_s);
    // Settings given replace only their own keys: the roles stay.
    const QJsonObject settings = *m_store->setting(u"crm"_s);
    QCOMPARE(settings.value(u"tracked_keyword"_s).toString(), u"$Tracked"_s);
    QVERIFY(settings.value(u"roles"_s).toObject().contains(u"salesperson"_s));
    // The same file again changes nothing.
    const auto again = ConfigImporter::import(*m_store, std::get<ConfigFile>(parsed));
    QCOMPARE(std::get<ImportSummary>(again).crmRecordsUnchanged, 4);
    QVERIFY(!std::get<ImportSummary>(again).crmSettingsUpdated);
}

QTEST_GUILESS_MAIN(TestTracking)
#include "tst_tracking.moc"

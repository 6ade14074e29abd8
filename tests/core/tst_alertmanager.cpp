// The alert rules under a simulated clock, on a real SQLite store: alerts on transitions only (first failure,
// disabled, recovered), one open alert per cause however often it fails, flapping mailboxes, acknowledgement,
// and the profile incident that groups mailboxes when more than half of a profile fails within an hour, with
// "re-enable all mailboxes disabled by this incident" as one action.

#include "diagnostics/alertmanager.h"
#include "store/diagnosticsstore.h"
#include "store/store.h"
#include "teststore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace SyncDesk;
using namespace Qt::StringLiterals;

class TestAlertManager : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void firstFailureRaisesOneAlertThatCountsRepeats();
    void recoveryClosesTheFailureAndSaysSo();
    void flappingMailboxReopensItsAlert();
    void disabledAfterRepeatedFailures();
    void disabledAtOnceByAPermanentFailure();
    void acknowledgedAlertStaysAcknowledged();
    void profileIncidentGroupsMailboxes();
    void reenableAllMailboxesDisabledByTheIncident();
    void failuresSpreadOverMoreThanAnHourDoNotGroup();
    void aNewIncidentNeedsNewFailures();
    void oneFailingMailboxOfTwoIsNoIncident();
    void plannerOutageOpensTheIncident();
    void renumberedFolderIsInformation();
    void enablingResolvesTheMailboxAlerts();
    void cancelledRunsRaiseNothing();

private:
    struct Run
    {
        bool succeeded = true;
        ErrorClass errorClass = ErrorClass::Network;
        QString hintId = u"connection-refused"_s;
        QString disabledReason;
        bool outage = false;
        bool cancelled = false;
        QStringList renumbered;
    };
    // What the scheduler does with a finished run: the state, the run history, disabling, then the alerts,
    // in one transaction, at the simulated time.
    void finishRun(int mailbox, const Run &run);
    void fail(int mailbox, const QString &disabledReason = {});
    void succeed(int mailbox);
    void advance(int minutes) { m_now = m_now.addSecs(qint64(minutes) * 60); }
    QList<Alert> openAlerts(const QString &causePrefix = {});
    QList<Alert> allAlerts(const QString &causePrefix);
    bool enabled(int mailbox);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
    QList<qint64> m_ids; // mailboxes 0..4 of profile "Corp"; 5 of profile "Other"
    qint64 m_profileId = 0;
    qint64 m_otherProfileId = 0;
    QDateTime m_now;
};

void TestAlertManager::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    SYNCDESK_NEW_STORE(storeConfig, m_dir->path(), u"alerts.db"_s);
    auto store = Store::open(storeConfig);
    QVERIFY(store);
    m_store = std::move(store).value();
    m_now = QDateTime(QDate(2026, 11, 2), QTime(9, 0), Qt::UTC);
    m_ids.clear();
    for (const QString &name : {u"Corp"_s, u"Other"_s}) {
        ServerProfile profile;
        profile.name = name;
        profile.incoming.host = u"imap.example.test"_s;
        profile.incoming.port = 993;
        auto id = m_store->upsertProfile(profile);
        QVERIFY(id);
        (name == u"Corp"_s ? m_profileId : m_otherProfileId) = *id;
    }
    for (int i = 0; i < 6; ++i) {
        Mailbox mailbox;
        mailbox.address = u"user%1@corp.test"_s.arg(i);
        mailbox.profileId = i < 5 ? m_profileId : m_otherProfileId;
        mailbox.username = mailbox.address;
        mailbox.passwordSource = u"env:NOPE"_s;
        auto id = m_store->upsertMailbox(mailbox);
        QVERIFY(id);
        m_ids.append(*id);
    }
}

void TestAlertManager::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void TestAlertManager::finishRun(int mailbox, const Run &run)
{
    const qint64 id = m_ids.at(mailbox);
    Status status = m_store->transaction([&]() -> Status {
        auto loaded = m_store->mailboxState(id);
        if (!loaded) {
            return loaded.error();
        }
        MailboxState state = *loaded;
        const bool wasFailing = state.consecutiveFailures > 0 || state.hasError();
        std::optional<SyncError> error;
        if (!run.succeeded) {
            error = SyncError::make(run.errorClass, run.hintId, u"it failed"_s);
            if (run.cancelled) {
                error = SyncError::make(ErrorClass::Cancelled, u"cancelled"_s, u"cancelled"_s);
            }
        }
        if (!run.cancelled) {
            state.lastSyncAt = m_now;
            state.consecutiveFailures = run.succeeded ? 0 : state.consecutiveFailures + 1;
            state.lastErrorClass = run.succeeded ? ErrorClass::None : run.errorClass;
            state.lastErrorHintId = run.succeeded ? QString() : run.hintId;
            state.lastErrorMessage = run.succeeded ? QString() : u"it failed"_s;
            if (run.succeeded) {
                state.lastSuccessAt = m_now;
            }
        }
        if (Status saved = m_store->saveMailboxState(state); !saved) {
            return saved;
        }
        SyncRun history;
        history.mailboxId = id;
        history.startedAt = m_now;
        history.finishedAt = m_now.addSecs(2);
        history.success = run.succeeded;
        history.errorClass = error ? error->errorClass : ErrorClass::None;
        if (Status recorded = m_store->recordRun(history); !recorded) {
            return recorded;
        }
        if (!run.disabledReason.isEmpty()) {
            if (Status disabled = m_store->setMailboxEnabled(id, false, run.disabledReason, m_now); !disabled) {
                return disabled;
            }
        }
        RunAlertInput input;
        input.now = m_now;
        input.mailboxId = id;
        input.address = u"user%1@corp.test"_s.arg(mailbox);
        input.profileId = mailbox < 5 ? m_profileId : m_otherProfileId;
        input.profileName = mailbox < 5 ? u"Corp"_s : u"Other"_s;
        input.succeeded = run.succeeded;
        input.cancelled = run.cancelled;
        input.error = error;
        input.wasFailing = wasFailing;
        input.disabledReason = run.disabledReason;
        input.consecutiveFailures = state.consecutiveFailures;
        input.plannerOutageStarted = run.outage;
        input.renumberedFolders = run.renumbered;
        return AlertManager(*m_store).onRunFinished(input);
    });
    QVERIFY2(status, status ? "" : qPrintable(status.error().toString()));
}

void TestAlertManager::fail(int mailbox, const QString &disabledReason)
{
    Run run;
    run.succeeded = false;
    run.disabledReason = disabledReason;
    finishRun(mailbox, run);
}

void TestAlertManager::succeed(int mailbox)
{
    finishRun(mailbox, Run{});
}

QList<Alert> TestAlertManager::openAlerts(const QString &causePrefix)
{
    auto alerts = m_store->alerts(false);
    if (!alerts) {
        return {};
    }
    QList<Alert> matching;
    for (const Alert &alert : *alerts) {
        if (alert.causeKey.startsWith(causePrefix)) {
            matching.append(alert);
        }
    }
    return matching;
}

QList<Alert> TestAlertManager::allAlerts(const QString &causePrefix)
{
    auto alerts = m_store->alerts(true);
    if (!alerts) {
        return {};
    }
    QList<Alert> matching;
    for (const Alert &alert : *alerts) {
        if (alert.causeKey.startsWith(causePrefix)) {
            matching.append(alert);
        }
    }
    return matching;
}

bool TestAlertManager::enabled(int mailbox)
{
    auto found = m_store->mailbox(m_ids.at(mailbox));
    return found && found->has_value() && (*found)->enabled;
}

void TestAlertManager::firstFailureRaisesOneAlertThatCountsRepeats()
{
    succeed(0);
    QVERIFY(openAlerts().isEmpty());
    for (int cycle = 0; cycle < 10; ++cycle) {
        advance(5);
        fail(0);
    }
    const QList<Alert> open = openAlerts();
    QCOMPARE(open.size(), 1);
    const Alert &alert = open.constFirst();
    QCOMPARE(alert.kind, u"first-failure"_s);
    QCOMPARE(alert.severity, u"warning"_s);
    QCOMPARE(alert.causeKey, u"mailbox-failing:%1"_s.arg(m_ids.at(0)));
    QCOMPARE(alert.hintId, u"connection-refused"_s);
    QCOMPARE(alert.mailboxAddress, u"user0@corp.test"_s);
    QCOMPARE(alert.occurrences, 10);
    QCOMPARE(alert.raisedAt, QDateTime(QDate(2026, 11, 2), QTime(9, 5), Qt::UTC));
    QCOMPARE(allAlerts({}).size(), 1); // never a second alert for the same cause
}

void TestAlertManager::recoveryClosesTheFailureAndSaysSo()
{
    fail(0);
    advance(5);
    fail(0);
    advance(5);
    succeed(0);
    const QList<Alert> open = openAlerts();
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.constFirst().kind, u"recovered"_s);
    QCOMPARE(open.constFirst().severity, u"information"_s);
    const QList<Alert> failing = allAlerts(u"mailbox-failing:"_s);
    QCOMPARE(failing.size(), 1);
    QCOMPARE(failing.constFirst().state, u"closed"_s);
    QCOMPARE(failing.constFirst().closedAt, m_now);
    // Healthy runs after that raise nothing more.
    advance(5);
    succeed(0);
    QCOMPARE(allAlerts({}).size(), 2);
}

void TestAlertManager::flappingMailboxReopensItsAlert()
{
    for (int cycle = 0; cycle < 4; ++cycle) {
        fail(0);
        advance(5);
        succeed(0);
        advance(5);
    }
    // Four failures within the hour: one failing alert, reopened each time, and one recovered alert.
    const QList<Alert> failing = allAlerts(u"mailbox-failing:"_s);
    QCOMPARE(failing.size(), 1);
    QCOMPARE(failing.constFirst().occurrences, 4);
    QCOMPARE(allAlerts(u"mailbox-recovered:"_s).size(), 4);
    QCOMPARE(openAlerts().size(), 1); // the last recovery; each failure closed the recovery before it
    // Failing again after more than an hour of health is a new alert.
    advance(90);
    fail(0);
    QCOMPARE(allAlerts(u"mailbox-failing:"_s).size(), 2);
}

void TestAlertManager::disabledAfterRepeatedFailures()
{
    fail(0);
    for (int i = 0; i < 8; ++i) {
        advance(4);
        fail(0);
    }
    advance(12);
    fail(0, u"repeated-failures"_s);
    const QList<Alert> open = openAlerts();
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.constFirst().kind, u"mailbox-disabled"_s);
    QCOMPARE(open.constFirst().severity, u"error"_s);
    QCOMPARE(open.constFirst().hintId, u"mailbox-disabled"_s);
    QVERIFY(open.constFirst().message.contains(u"10 failures in a row"_s));
    QCOMPARE(allAlerts(u"mailbox-failing:"_s).constFirst().state, u"closed"_s);
}

void TestAlertManager::disabledAtOnceByAPermanentFailure()
{
    Run run;
    run.succeeded = false;
    run.errorClass = ErrorClass::Auth;
    run.hintId = u"auth-failed"_s;
    run.disabledReason = u"permanent-failure"_s;
    finishRun(0, run);
    const QList<Alert> open = openAlerts();
    QCOMPARE(open.size(), 1); // no first-failure alert beside it
    QCOMPARE(open.constFirst().kind, u"mailbox-disabled"_s);
    QCOMPARE(open.constFirst().hintId, u"auth-failed"_s); // what to fix
}

void TestAlertManager::acknowledgedAlertStaysAcknowledged()
{
    fail(0);
    const qint64 id = openAlerts().constFirst().id;
    DiagnosticsStore diagnostics(*m_store);
    advance(1);
    auto acknowledged = diagnostics.acknowledgeAlert(id, m_now);
    QVERIFY(acknowledged);
    QCOMPARE(acknowledged->state, u"acknowledged"_s);
    QCOMPARE(acknowledged->acknowledgedAt, m_now);
    advance(5);
    fail(0);
    QList<Alert> open = openAlerts();
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.constFirst().state, u"acknowledged"_s); // a repeat does not bring it back
    QCOMPARE(open.constFirst().occurrences, 2);
    // An information alert closes when acknowledged.
    advance(5);
    succeed(0);
    const Alert recovered = openAlerts(u"mailbox-recovered:"_s).constFirst();
    auto closed = diagnostics.acknowledgeAlert(recovered.id, m_now);
    QVERIFY(closed);
    QCOMPARE(closed->state, u"closed"_s);
    QVERIFY(openAlerts().isEmpty());
    QVERIFY(!diagnostics.acknowledgeAlert(999999, m_now));
}

void TestAlertManager::profileIncidentGroupsMailboxes()
{
    for (int i = 0; i < 5; ++i) {
        succeed(i);
    }
    advance(5);
    fail(0); // 1 of 5
    advance(10);
    fail(1); // 2 of 5
    QCOMPARE(openAlerts(u"mailbox-failing:"_s).size(), 2);
    QVERIFY(openAlerts(u"profile-outage:"_s).isEmpty());
    advance(10);
    fail(2); // 3 of 5 within the hour: more than half
    QList<Alert> incidents = openAlerts(u"profile-outage:"_s);
    QCOMPARE(incidents.size(), 1);
    const Alert incident = incidents.constFirst();
    QCOMPARE(incident.kind, u"profile-outage"_s);
    QCOMPARE(incident.severity, u"error"_s);
    QCOMPARE(incident.hintId, u"profile-outage"_s);
    QCOMPARE(incident.profileName, u"Corp"_s);
    QCOMPARE(incident.mailboxId, 0);
    QVERIFY2(incident.message.contains(u"3 of 5 mailboxes"_s), qPrintable(incident.message));
    // The mailboxes' own alerts are now told by the incident.
    QVERIFY(openAlerts(u"mailbox-"_s).isEmpty());
    for (const Alert &grouped : allAlerts(u"mailbox-failing:"_s)) {
        QCOMPARE(grouped.incidentId, incident.id);
    }
    DiagnosticsStore diagnostics(*m_store);
    auto members = diagnostics.incidentMembers(incident.id);
    QVERIFY(members);
    QCOMPARE(members->size(), 3);
    // Later failures join it without alerts of their own, however often they repeat.
    for (int cycle = 0; cycle < 5; ++cycle) {
        advance(5);
        fail(3);
        fail(0);
    }
    QCOMPARE(openAlerts().size(), 1);
    members = diagnostics.incidentMembers(incident.id);
    QCOMPARE(members->size(), 4);
    // Another profile is not part of it.
    fail(5);
    QCOMPARE(openAlerts(u"mailbox-failing:%1"_s.arg(m_ids.at(5))).size(), 1);
    // One mailbox succeeds while most still fail: it goes on.
    advance(5);
    succeed(1);
    QCOMPARE(openAlerts(u"profile-outage:"_s).size(), 1);
    QVERIFY(openAlerts(u"mailbox-recovered:"_s).isEmpty()); // recoveries inside an incident are its own
    // Three of five healthy again: it ends, and the end says so.
    advance(5);
    succeed(2);
    QVERIFY(openAlerts(u"profile-outage:"_s).isEmpty());
    const QList<Alert> recovered = openAlerts(u"profile-recovered:"_s);
    QCOMPARE(recovered.size(), 1);
    QCOMPARE(recovered.constFirst().severity, u"information"_s);
    QCOMPARE(allAlerts(u"profile-outage:"_s).size(), 1);
}

void TestAlertManager::reenableAllMailboxesDisabledByTheIncident()
{
    // An authentication backend goes down: logins fail and each mailbox is disabled at once.
    Run auth;
    auth.succeeded = false;
    auth.errorClass = ErrorClass::Auth;
    auth.hintId = u"auth-failed"_s;
    auth.disabledReason = u"permanent-failure"_s;
    for (int i = 0; i < 4; ++i) {
        finishRun(i, auth);
        advance(2);
    }
    // An operator disables the fifth for unrelated reasons: not the incident's to undo.
    QVERIFY(m_store->setMailboxEnabled(m_ids.at(4), false, u"admin"_s, m_now));
    const QList<Alert> incidents = openAlerts(u"profile-outage:"_s);
    QCOMPARE(incidents.size(), 1);
    DiagnosticsStore diagnostics(*m_store);
    auto incident = diagnostics.alert(incidents.constFirst().id);
    QVERIFY(incident && incident->has_value());
    QCOMPARE((*incident)->members.size(), 4);
    for (const AlertMember &member : (*incident)->members) {
        QVERIFY2(member.stillDisabled, qPrintable(member.address));
        QCOMPARE(member.hintId, u"auth-failed"_s);
    }
    // Mailbox 0 was disabled before the incident existed; its alert closed into the incident.
    QCOMPARE(allAlerts(u"mailbox-disabled:%1"_s.arg(m_ids.at(0))).constFirst().incidentId, (*incident)->id);
    // An operator re-enables one by hand first.
    QVERIFY(m_store->setMailboxEnabled(m_ids.at(3), true, {}, m_now));
    advance(30);
    auto reenabled = diagnostics.reenableIncident((*incident)->id, m_now);
    QVERIFY(reenabled);
    QCOMPARE(reenabled->size(), 3);
    for (int i = 0; i < 4; ++i) {
        QVERIFY(enabled(i));
    }
    QVERIFY(!enabled(4));
    auto after = diagnostics.incidentMembers((*incident)->id);
    QVERIFY(after);
    for (const AlertMember &member : *after) {
        QVERIFY(!member.stillDisabled);
    }
    // Once is enough: nothing is left to re-enable.
    auto again = diagnostics.reenableIncident((*incident)->id, m_now);
    QVERIFY(again);
    QVERIFY(again->isEmpty());
}

void TestAlertManager::failuresSpreadOverMoreThanAnHourDoNotGroup()
{
    for (int i = 0; i < 5; ++i) {
        succeed(i);
    }
    // Each fails and recovers before the next one fails.
    for (int i = 0; i < 5; ++i) {
        advance(20);
        fail(i);
        advance(5);
        succeed(i);
    }
    QVERIFY(allAlerts(u"profile-outage:"_s).isEmpty());
    // Failures more than an hour apart, each mailbox recovering before the next fails: never more than one
    // failing at a time.
    advance(5);
    fail(0);
    advance(70);
    succeed(0);
    fail(1);
    advance(70);
    succeed(1);
    fail(2);
    QVERIFY(allAlerts(u"profile-outage:"_s).isEmpty());
    QCOMPARE(openAlerts(u"mailbox-failing:"_s).size(), 1);
}

void TestAlertManager::aNewIncidentNeedsNewFailures()
{
    fail(0);
    fail(1);
    fail(2);
    QCOMPARE(openAlerts(u"profile-outage:"_s).size(), 1);
    advance(5);
    succeed(0);
    succeed(1); // 1 of 5 still failing: the incident ends
    QVERIFY(openAlerts(u"profile-outage:"_s).isEmpty());
    // Mailbox 2 keeps failing; with the failures of before, that would be an incident again at once.
    advance(5);
    fail(2);
    QVERIFY(openAlerts(u"profile-outage:"_s).isEmpty());
    QCOMPARE(openAlerts(u"mailbox-failing:"_s).size(), 1);
    // New failures of others after the end make a new one.
    advance(5);
    fail(3);
    fail(4);
    QCOMPARE(openAlerts(u"profile-outage:"_s).size(), 1);
    QCOMPARE(allAlerts(u"profile-outage:"_s).size(), 2);
}

void TestAlertManager::oneFailingMailboxOfTwoIsNoIncident()
{
    // Profile "Other" has one mailbox: its failure is the mailbox's, never a profile incident.
    fail(5);
    advance(5);
    fail(5);
    QVERIFY(openAlerts(u"profile-outage:"_s).isEmpty());
    QVERIFY(AlertManager::isProfileIncident(2, 3));
    QVERIFY(!AlertManager::isProfileIncident(1, 1));
    QVERIFY(!AlertManager::isProfileIncident(2, 4));
    QVERIFY(AlertManager::isProfileIncident(3, 5));
}

void TestAlertManager::plannerOutageOpensTheIncident()
{
    fail(0);
    Run outage;
    outage.succeeded = false;
    outage.outage = true;
    finishRun(1, outage);
    const QList<Alert> incidents = openAlerts(u"profile-outage:"_s);
    QCOMPARE(incidents.size(), 1);
    auto members = DiagnosticsStore(*m_store).incidentMembers(incidents.constFirst().id);
    QVERIFY(members);
    QCOMPARE(members->size(), 2);
}

void TestAlertManager::renumberedFolderIsInformation()
{
    Run run;
    run.renumbered = {u"INBOX"_s};
    finishRun(0, run);
    advance(5);
    finishRun(0, run);
    const QList<Alert> open = openAlerts();
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.constFirst().kind, u"uidvalidity-reset"_s);
    QCOMPARE(open.constFirst().severity, u"information"_s);
    QCOMPARE(open.constFirst().hintId, u"uidvalidity-reset"_s);
    QCOMPARE(open.constFirst().occurrences, 2);
}

void TestAlertManager::enablingResolvesTheMailboxAlerts()
{
    fail(0);
    advance(5);
    fail(0, u"repeated-failures"_s);
    fail(1);
    QCOMPARE(openAlerts().size(), 2);
    QVERIFY(m_store->setMailboxEnabled(m_ids.at(0), true, {}, m_now));
    QVERIFY(AlertManager::mailboxEnabled(*m_store, m_ids.at(0), m_now));
    QVERIFY(AlertManager::mailboxEnabled(*m_store, m_ids.at(1), m_now));
    QVERIFY(openAlerts().isEmpty());
}

void TestAlertManager::cancelledRunsRaiseNothing()
{
    Run run;
    run.succeeded = false;
    run.cancelled = true;
    finishRun(0, run);
    QVERIFY(allAlerts({}).isEmpty());
}

QTEST_GUILESS_MAIN(TestAlertManager)
#include "tst_alertmanager.moc"

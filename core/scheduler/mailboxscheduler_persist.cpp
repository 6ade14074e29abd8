// MailboxScheduler: recording a finished run — the mailbox's state with its next due time, the run's row,
// what changes for alerts and incidents, the lease released — in one transaction, fenced by the lease's
// epoch, and what the engine logs about it.

#include "diagnostics/alertmanager.h"
#include "diagnostics/hintcatalog.h"
#include "logging/logger.h"
#include "mailboxscheduler.h"
#include "store/diagnosticsstore.h"
#include "store/store.h"

#include <utility>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {
const QString kCategory = u"scheduler"_s;

QDateTime timeOf(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC) : QDateTime();
}
} // namespace

void MailboxScheduler::persist(const Finished &finished)
{
    bool wasFailing = false;
    const Status status = m_store.transaction([&] { return recordOutcome(finished, &wasFailing); });
    reportOutcome(finished, status);
}

void MailboxScheduler::persistFinished()
{
    if (m_finished.isEmpty()) {
        return;
    }
    // Every run that finished since the last pass, in one transaction: one lock of a SQLite file and one
    // BEGIN and COMMIT for them all (bench_multinode, four engines). A run whose lease moved on records
    // nothing and the others go on; any other failure is the store's, and each run is then tried alone,
    // so that one cannot take the others with it.
    const QList<Finished> batch = std::exchange(m_finished, {});
    QList<Status> statuses(batch.size());
    const Status together = m_store.transaction([&]() -> Status {
        for (qsizetype i = 0; i < batch.size(); ++i) {
            bool wasFailing = false;
            statuses[i] = recordOutcome(batch.at(i), &wasFailing);
            if (!statuses[i] && statuses[i].error().hintId != u"lease-lost"_s) {
                return statuses[i];
            }
        }
        return {};
    });
    for (qsizetype i = 0; i < batch.size(); ++i) {
        if (!together && batch.size() > 1) {
            bool wasFailing = false;
            statuses[i] = m_store.transaction([&] { return recordOutcome(batch.at(i), &wasFailing); });
        } else if (!together) {
            statuses[i] = together;
        }
        reportOutcome(batch.at(i), statuses[i]);
        afterPersist(batch.at(i).outcome);
    }
}

Status MailboxScheduler::recordOutcome(const Finished &finished, bool *wasFailingOut)
{
    const SyncOutcome &outcome = finished.outcome;
    const Running &running = finished.running;
    const FinishReport &report = finished.report;
    const QDateTime &now = finished.at;
    const QString address = m_mailboxes.value(outcome.mailboxId).address;
    bool &wasFailing = *wasFailingOut;
    // Fencing: a run whose lease moved on (this engine was paused or cut off past it) records nothing.
    const bool leased = running.leaseEpoch > 0;
    // A success under a lease sets every column of the state below: nothing to read first, and the store
    // checks the lease as it writes (finishLeasedRun). Anything else keeps some of what was there.
    const bool whole = leased && outcome.succeeded();
    MailboxState state;
    state.mailboxId = outcome.mailboxId;
    if (!whole) {
        auto loaded = leased ? m_store.leasedState(outcome.mailboxId, m_nodeId, running.leaseEpoch)
                             : m_store.mailboxState(outcome.mailboxId);
        if (!loaded) {
            return loaded.error();
        }
        state = loaded.value();
        wasFailing = state.consecutiveFailures > 0 || state.hasError();
    }
    state.nextDueAt = timeOf(report.nextDueMs);
    state.intervalMs = report.interval.ms;
    state.intervalReason = report.interval.reason;
    if (!outcome.cancelled()) {
        state.lastSyncAt = running.startedAt;
        state.itemsLastSync = outcome.itemsNew;
        state.consecutiveFailures = report.consecutiveFailures;
        state.itemsPerMinute = report.stats.itemsPerMinute;
        state.lastNewItemAt = timeOf(report.stats.lastNewItemMs);
        state.firstSyncAt = timeOf(report.stats.firstSyncMs);
        if (outcome.succeeded()) {
            state.lastSuccessAt = running.startedAt;
            state.lastErrorClass = ErrorClass::None;
            state.lastErrorMessage.clear();
            state.lastErrorDetail.clear();
            state.lastErrorHintId.clear();
            state.lastErrorStage = ErrorStage::Unknown;
        } else {
            state.lastErrorClass = outcome.error->errorClass;
            state.lastErrorMessage = outcome.error->message;
            state.lastErrorDetail = outcome.error->detail;
            state.lastErrorHintId = outcome.error->hintId;
            state.lastErrorStage = outcome.error->stage;
        }
    }
    SyncRun run;
    run.mailboxId = outcome.mailboxId;
    run.startedAt = running.startedAt;
    run.finishedAt = now;
    run.trigger = running.decision.trigger;
    run.success = outcome.succeeded();
    run.itemsNew = outcome.itemsNew;
    run.itemsSeen = outcome.itemsSeen;
    run.errorClass = outcome.error ? outcome.error->errorClass : ErrorClass::None;
    run.errorMessage = outcome.error ? outcome.error->message : QString();
    run.node = m_nodeId;
    run.leaseEpoch = running.leaseEpoch;
    run.intervalMs = report.interval.ms;
    run.intervalReason = intervalReasonName(report.interval.reason);
    if (whole) {
        auto finished = m_store.finishLeasedRun(state, m_nodeId, running.leaseEpoch, run);
        if (!finished) {
            return finished.error();
        }
        wasFailing = *finished;
    } else if (Status saved = m_store.saveStateAndRun(state, leased, run); !saved) { // and the lease released
        return saved;
    }
    if (report.disabled != DisableReason::None) {
        if (Status disabled =
                m_store.setMailboxEnabled(outcome.mailboxId, false, disableReasonName(report.disabled), now);
            !disabled) {
            return disabled;
        }
    }
    const Mailbox &mailbox = m_mailboxes.value(outcome.mailboxId);
    RunAlertInput alertInput;
    alertInput.now = now;
    alertInput.mailboxId = outcome.mailboxId;
    alertInput.address = address;
    alertInput.profileId = mailbox.profileId;
    alertInput.profileName = m_profiles.value(mailbox.profileId).name;
    alertInput.succeeded = outcome.succeeded();
    alertInput.cancelled = outcome.cancelled();
    alertInput.error = outcome.error;
    alertInput.wasFailing = wasFailing;
    alertInput.disabledReason = report.disabled == DisableReason::None ? QString() : disableReasonName(report.disabled);
    alertInput.consecutiveFailures = report.consecutiveFailures;
    alertInput.plannerOutageStarted = report.outageStarted;
    alertInput.renumberedFolders = outcome.renumberedFolders;
    alertInput.emailsSent = outcome.emailsSent;
    alertInput.emailsFailed = outcome.emailsFailed;
    alertInput.emailsRetrying = outcome.emailsRetrying;
    alertInput.emailFailure = outcome.emailFailure;
    alertInput.outgoingError = outcome.outgoingError;
    alertInput.actRan = outcome.actRan;
    alertInput.actConflicts = outcome.actConflicts;
    alertInput.actError = outcome.actError;
    if (Status alerted = AlertManager(m_store).onRunFinished(alertInput); !alerted) {
        return alerted;
    }
    return leased ? Status{} : m_store.releaseMailbox(outcome.mailboxId, m_nodeId);
}

void MailboxScheduler::reportOutcome(const Finished &finished, const Status &status)
{
    const SyncOutcome &outcome = finished.outcome;
    const Running &running = finished.running;
    const FinishReport &report = finished.report;
    const QDateTime &now = finished.at;
    const QString address = m_mailboxes.value(outcome.mailboxId).address;
    if (!status) {
        if (status.error().hintId == u"lease-lost"_s) {
            Log::warning(kCategory, address, u"outcome not recorded: "_s + status.error().message);
        } else {
            Log::error(kCategory, address, u"could not record the outcome: "_s + status.error().toString());
        }
        if (m_mode == Mode::Continuous && StoreHealth::isStoreFailure(status.error())) {
            m_storeHealth.failed(status.error(), now);
        }
    }
    const QString profileName = m_profiles.value(m_mailboxes.value(outcome.mailboxId).profileId).name;
    if (report.outageStarted) {
        // This engine's own incident: followOutages() has nothing to adopt from it.
        const qint64 profileId = m_mailboxes.value(outcome.mailboxId).profileId;
        if (auto incident = DiagnosticsStore(m_store).openIncident(profileId); incident && incident->has_value()) {
            m_knownIncidents.insert(profileId, (*incident)->id);
        }
        Log::error(kCategory, {},
                   u"server profile %1 is failing: probing it with one mailbox at a time [hint: profile-outage]"_s.arg(
                       profileName));
    }
    if (report.outageEnded) {
        Log::info(kCategory, {}, u"server profile %1 answers again: its waiting mailboxes sync now"_s.arg(profileName));
    }
    if (report.disabled != DisableReason::None) {
        m_mailboxes[outcome.mailboxId].enabled = false;
        Log::error(kCategory, address,
                   u"mailbox disabled (%1) [hint: mailbox-disabled]; enable it with 'syncdesk-node mailbox enable %2' "
                   "once the cause is fixed"_s.arg(disableReasonName(report.disabled), address));
    }

    const qint64 ms = running.startedAt.msecsTo(now);
    if (outcome.succeeded()) {
        Log::info(
            u"sync"_s, address,
            u"synced: %1 new, %2 fetched in %3 ms; next in %4 s (%5)"_s.arg(outcome.itemsNew)
                .arg(outcome.itemsSeen)
                .arg(ms)
                .arg(QString::number(double(report.interval.ms) / 1000.0, 'f', report.interval.ms < 10000 ? 1 : 0))
                .arg(intervalReasonName(report.interval.reason)));
    } else if (outcome.cancelled()) {
        Log::info(u"sync"_s, address, u"sync cancelled after %1 ms; it resumes next time"_s.arg(ms));
    } else {
        const QString hint = HintCatalog::instance().summary(outcome.error->hintId);
        Log::error(
            u"sync"_s, address,
            u"sync failed: %1%2"_s.arg(outcome.error->toString(), hint.isEmpty() ? QString() : u" — hint: "_s + hint),
            *outcome.error);
    }
}

} // namespace SyncDesk

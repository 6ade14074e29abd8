#pragma once

#include "act/actrecordservice.h"
#include "diagnostics/syncerror.h"
#include "logging/logrecord.h"
#include "model/crmrecord.h"
#include "model/itemfailure.h"
#include "model/mailboxdetails.h"
#include "model/mailboxstatus.h"
#include "model/nodestatus.h"
#include "oauth/oauthhttp.h"
#include "outgoing/outgoingdirection.h"
#include "outgoing/outgoingemail.h"
#include "scheduler/schedulersettings.h"
#include "store/bulkoperation.h"
#include "store/outboxstore.h"
#include "store/store.h"
#include "store/storeconfig.h"

#include <QObject>
#include <QThread>

#include <functional>

namespace SyncDesk {

class StorePoller;
class SyncEngine;

// What the console's window talks to. Runs the store poller in one thread and, unless the console
// only monitors, the sync engine in another: the UI thread never waits on the network or the disk.
class ConsoleBackend final : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        StoreConfig store;
        bool runEngine = true; // false: monitor only; resync requests go to the engine that runs elsewhere
        QString engineNote;    // why it runs an engine or not, for the status bar (empty: a default text)
        SchedulerSettings scheduler;
        int pollIntervalMs = 1000;
    };

    explicit ConsoleBackend(const Options &options, QObject *parent = nullptr);
    // Engines registered on the store that beat recently; 0 when none, or when the store cannot be read
    // now (then the console runs its own engine, which reports the store's problem). Opens the store.
    static int liveEngines(const StoreConfig &store);
    ~ConsoleBackend() override; // a backend not shut down is stopped here, waiting for its threads

    void start();
    // The engine this console runs (nullptr when monitoring only, or before start()); it lives in a thread
    // of its own: connect to it, do not call it.
    SyncEngine *engine() const { return m_engine; }
    void requestSync(const QList<qint64> &mailboxIds);
    // "Audit & repair": the console's engine audits the mailbox now and fetches what is missing. Needs
    // an engine in this console (engine()); a console that only monitors cannot.
    void auditAndRepair(qint64 mailboxId);
    void setMailboxesEnabled(const QList<qint64> &mailboxIds, bool enabled);
    void loadDetails(qint64 mailboxId);
    // Imports a configuration file, or applies the JSON a dialog built; configApplied() tells how it went.
    void importConfigFile(const QString &path);
    void applyConfig(const QByteArray &json, const QString &baseDir, const QString &origin,
                     const QHash<QString, QString> &secrets = {});
    void loadCrm();
    // Records a track request, then asks for an immediate sync of the mailbox: trackRequestAdded().
    void trackMessage(qint64 mailboxId, const QString &messageId, const QString &regarding);
    // Troubleshooting, through the store so that whichever engine runs on it follows.
    void setShowClosedAlerts(bool show);
    void acknowledgeAlert(qint64 alertId);
    void reenableIncident(qint64 alertId);
    void retryItemFailures(const QList<qint64> &mailboxIds); // empty: every mailbox
    void retryItemFailureIds(const QList<qint64> &failureIds);
    void setMailboxVerbose(qint64 mailboxId, bool verbose);
    void keepSignIn(qint64 mailboxId, const SyncDesk::OAuthTokenResponse &token);
    // Enable, disable, resync or move many mailboxes in batches: bulkProgress() after each batch, then
    // bulkFinished(). Setting the returned flag cancels between batches.
    std::shared_ptr<std::atomic_bool> runBulk(const BulkOperation &operation);
    void exportDiagnostics(const QString &address, const QString &path);
    // The Outbox: the emails of a view, followed while watched (outboxLoaded()); Compose (emailComposed());
    // Retry, Cancel, Send draft (actionDone()); every mailbox's outgoing direction (outgoingChanged()).
    void watchOutbox(const OutboxStore::Filter &filter);
    void unwatchOutbox();
    void setReportOutgoing(bool report);
    void composeEmail(const OutgoingDraft &draft);
    void outboxAction(const QList<qint64> &activityIds, const QString &action);
    // The CRM tab's appointments and tasks: actRecordsLoaded(); add (id 0) or change one with FIELD=VALUE assignments:
    // actRecordEdited(); delete, track an appointment (regarding "type:id" or empty): actionDone(). The mailboxes that
    // carry a change sync their ACT direction at once.
    void loadActRecords();
    void editActRecord(ActKind kind, qint64 id, const QStringList &assignments);
    void removeActRecords(ActKind kind, const QList<qint64> &ids);
    void trackAppointment(const QString &uid, const QString &regarding);
    // Stops the engine (running syncs finish or are cancelled) and the poller; then shutDown().
    void shutdown();

    const Options &options() const { return m_options; }
    bool runsEngine() const { return m_options.runEngine; }
    bool isShuttingDown() const { return m_shuttingDown; }

Q_SIGNALS:
    void statusesChanged(const SyncDesk::MailboxStatusList &statuses);
    void logRecordsAdded(const QList<SyncDesk::LogRecord> &records);
    void enginesChanged(const QList<SyncDesk::NodeStatus> &nodes, int overdueGraceSeconds);
    void profilesChanged(const QList<SyncDesk::ServerProfile> &profiles);
    void detailsLoaded(const SyncDesk::MailboxDetails &details);
    void statisticsChanged(const SyncDesk::RunStatistics &lastHour, const SyncDesk::RunStatistics &lastFiveMinutes);
    void configApplied(const QString &origin, const QStringList &issues, const QString &summary,
                       const QStringList &warnings);
    void storeFailed(const SyncDesk::SyncError &error);
    void crmLoaded(const SyncDesk::CrmRecordList &records, const QList<SyncDesk::TrackRequest> &requests);
    void trackRequestAdded(qint64 mailboxId, qint64 requestId, const QString &error);
    void alertsChanged(const QList<SyncDesk::Alert> &alerts);
    void itemFailuresChanged(const SyncDesk::ItemFailureList &failures);
    void actionDone(const QString &message, const QString &error);
    void bulkProgress(int done, int total);
    void bulkFinished(const SyncDesk::BulkResult &result);
    void engineFailed(const SyncDesk::SyncError &error);
    void outboxLoaded(const QList<SyncDesk::OutgoingEmail> &emails);
    void outgoingChanged(const QHash<qint64, SyncDesk::OutgoingDirection> &directions);
    void emailComposed(qint64 id, const QString &error, const QString &hintId);
    void actRecordsLoaded(const SyncDesk::ActRecordViewList &appointments, const SyncDesk::ActRecordViewList &tasks);
    void actRecordEdited(SyncDesk::ActKind kind, qint64 id, const QString &error); // id 0: refused, error says why
    void shutDown();

private:
    void stopPoller();
    // Runs `call` on the poller in its thread.
    void onPoller(std::function<void(StorePoller *)> call);

    Options m_options;
    QThread m_pollerThread;
    QThread m_engineThread;
    StorePoller *m_poller = nullptr;
    SyncEngine *m_engine = nullptr;
    bool m_started = false;
    bool m_shuttingDown = false;
    bool m_done = false;
    bool m_reportOutgoing = false;
    std::optional<OutboxStore::Filter> m_outboxFilter;
};

} // namespace SyncDesk

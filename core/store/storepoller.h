#pragma once

#include "act/actrecordservice.h"
#include "bulkoperation.h"
#include "diagnostics/syncerror.h"
#include "logging/logrecord.h"
#include "model/crmrecord.h"
#include "model/itemfailure.h"
#include "model/mailboxdetails.h"
#include "model/mailboxstatus.h"
#include "model/nodestatus.h"
#include "model/trackrequest.h"
#include "oauth/oauthhttp.h"
#include "outboxstore.h"
#include "outgoing/outgoingdirection.h"
#include "store.h"
#include "storeconfig.h"

#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace SyncDesk {

class Store;

// Watches a store for a monitor (the console): reads mailbox statuses when another connection
// committed something (SQLite's data_version), and the log records added since the last look. Lives
// in a thread of its own so that the reader never waits on the disk. It works the same whether the
// engine runs in this process or in a syncdesk-node elsewhere.
class StorePoller final : public QObject
{
    Q_OBJECT
public:
    explicit StorePoller(const StoreConfig &config, int intervalMs = 1000, int initialLogRecords = 1000);
    ~StorePoller() override;

    // All of these run in the poller's thread (call them through QMetaObject::invokeMethod).
    void start();
    void stop();
    void pollNow();
    // Asks whichever engine runs on this store to sync these mailboxes now.
    void requestSync(const QList<qint64> &mailboxIds, const QString &reason);
    // Enables (resetting failure counters, closing their disabled alerts) or disables mailboxes, as an operator.
    void setMailboxesEnabled(const QList<qint64> &mailboxIds, bool enabled);
    // Reads the details of one mailbox (runs of the last 24 hours, alerts): detailsLoaded().
    void loadDetails(qint64 mailboxId);
    // Writes a configuration (a file's content, or one profile or mailbox from a dialog): configApplied().
    // `secrets` (path → password) are written first, each to a file only this user can read; a key
    // "keychain:ENTRY" goes to the system keychain instead.
    void applyConfig(const QByteArray &json, const QString &baseDir, const QString &origin,
                     const QHash<QString, QString> &secrets = {});
    // Reads the CRM records and the latest track requests: crmLoaded().
    void loadCrm();
    // Records a request to track a message (regarding: "type:id" or empty): trackRequestAdded().
    void addTrackRequest(qint64 mailboxId, const QString &messageId, const QString &regarding);
    // Troubleshooting: alerts (closed ones too when asked), item failures, and the operator's actions on them.
    void setShowClosedAlerts(bool show);
    void acknowledgeAlert(qint64 alertId);
    void reenableIncident(qint64 alertId);
    void retryItemFailures(const QList<qint64> &mailboxIds); // empty: every mailbox
    void retryItemFailureIds(const QList<qint64> &failureIds);
    void setMailboxVerbose(qint64 mailboxId, bool verbose);
    // Many mailboxes at once, in batches: bulkProgress() after each, bulkFinished() at the end.
    void runBulk(const SyncDesk::BulkOperation &operation);
    void exportDiagnostics(const QString &address, const QString &path);
    // storepoller_outbox.cpp. The outbox as the console's Outbox tab shows it: read now and again after every
    // change to the store while watched (outboxLoaded()); unwatch when the tab is gone.
    void watchOutbox(const SyncDesk::OutboxStore::Filter &filter);
    void unwatchOutbox();
    // Every mailbox's outgoing direction comes with the statuses (outgoingChanged()) once asked for.
    void setReportOutgoing(bool report);
    // Compose: checks and stores the email (and asks its mailbox to sync): emailComposed().
    void composeEmail(const SyncDesk::OutgoingDraft &draft);
    // Retry, Cancel, Send draft on several emails: actionDone() says what happened to each.
    void outboxAction(const QList<qint64> &activityIds, const QString &action);
    // storepoller_act.cpp. The CRM's appointments and tasks (actRecordsLoaded()); adding or changing one with
    // FIELD=VALUE assignments (id 0 adds): actRecordEdited(); deleting, tracking an appointment: actionDone().
    // Every change asks the mailboxes that carry it to sync their ACT direction: actSyncsRequested().
    void loadActRecords();
    void editActRecord(int kind, qint64 id, const QStringList &assignments);
    void removeActRecords(int kind, const QList<qint64> &ids);
    void trackAppointment(const QString &uid, const QString &regarding);
    // A completed OAuth sign-in of the console (storepoller_oauth.cpp): keeps its tokens, enables the mailbox
    // again if its failures had disabled it; actionDone says what happened.
    void keepSignIn(qint64 mailboxId, const SyncDesk::OAuthTokenResponse &token);

Q_SIGNALS:
    void statusesChanged(const SyncDesk::MailboxStatusList &statuses);
    void logRecordsAdded(const QList<SyncDesk::LogRecord> &records);
    // The engines running on the store (alive or not) and the overdue grace period in seconds.
    void enginesChanged(const QList<SyncDesk::NodeStatus> &nodes, int overdueGraceSeconds);
    void profilesChanged(const QList<SyncDesk::ServerProfile> &profiles);
    void detailsLoaded(const SyncDesk::MailboxDetails &details);
    // Runs of every mailbox in the last hour and in the last five minutes, for the overview.
    void statisticsChanged(const SyncDesk::RunStatistics &lastHour, const SyncDesk::RunStatistics &lastFiveMinutes);
    // The outcome of applyConfig: issues (nothing was written) or the summary and warnings.
    void configApplied(const QString &origin, const QStringList &issues, const QString &summary,
                       const QStringList &warnings);
    void failed(const SyncDesk::SyncError &error);
    void crmLoaded(const SyncDesk::CrmRecordList &records, const QList<SyncDesk::TrackRequest> &requests);
    // requestId 0: refused, `error` says why.
    void trackRequestAdded(qint64 mailboxId, qint64 requestId, const QString &error);
    // Alerts (open, or all when showing closed ones), incidents with their mailboxes; sent when they change.
    void alertsChanged(const QList<SyncDesk::Alert> &alerts);
    void itemFailuresChanged(const SyncDesk::ItemFailureList &failures);
    // The outcome of an operator's troubleshooting action, for the status bar or a message box.
    void actionDone(const QString &message, const QString &error);
    void bulkProgress(int done, int total);
    void bulkFinished(const SyncDesk::BulkResult &result);
    void outboxLoaded(const QList<SyncDesk::OutgoingEmail> &emails);
    void outgoingChanged(const QHash<qint64, SyncDesk::OutgoingDirection> &directions);
    // id 0: refused; `error` says why and `hintId` names what to do.
    void emailComposed(qint64 id, const QString &error, const QString &hintId);
    void actRecordsLoaded(const SyncDesk::ActRecordViewList &appointments, const SyncDesk::ActRecordViewList &tasks);
    // id 0: refused, `error` says why (nothing was written).
    void actRecordEdited(int kind, qint64 id, const QString &error);
    void actSyncsRequested(const QList<qint64> &mailboxIds);

private:
    void pollOutbox(const MailboxStatusList &statuses);
    Status applyToMailbox(const BulkOperation &operation, qint64 id, const QDateTime &now);
    // Asks the mailboxes of retried failures to sync now; the error text, or empty (message: what was done).
    QString requestRetrySyncs(const QSet<qint64> &mailboxes, int marked, QString &message);
    StoreConfig m_config;
    int m_initialLogRecords;
    std::unique_ptr<Store> m_store;
    QTimer m_timer{this}; // a child, so that moveToThread() moves it too
    qint64 m_dataVersion = -1;
    qint64 m_lastLogId = -1;
    QDateTime m_lastStatistics;
    bool m_showClosedAlerts = false;
    void pollDiagnostics();
    // Runs an operator's write; it returns an error text, or sets the message saying what was done.
    void writeThenPoll(const std::function<QString(QString &message)> &write);
    bool m_reportedFailure = false;
    std::optional<OutboxStore::Filter> m_outboxFilter;
    bool m_reportOutgoing = false;
};

} // namespace SyncDesk

#pragma once

#include "store/bulkoperation.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QProgressDialog>
#include <QThread>

namespace SyncDesk {

class ConnectionTest;
class ConsoleBackend;
class MainWindow;
struct ConnectionTestReport;

// The console's actions on many mailboxes: Enable, Disable, Resync, Move to profile and Test & Enable.
// For more than one mailbox it asks once, then works with a progress dialog whose Cancel stops it between
// batches (Test & Enable: between mailboxes); what was done stays done and the status bar says how far it
// got. Window-modal dialogs opened with open(): no nested event loop.
class BulkActions final : public QObject
{
    Q_OBJECT
public:
    explicit BulkActions(MainWindow *window);
    ~BulkActions() override;

    void setBackend(ConsoleBackend *backend);
    void run(BulkOperation::Kind kind, const QList<qint64> &mailboxIds, qint64 profileId = 0);
    // Asks for the server profile, then moves them.
    void moveToProfile(const QList<qint64> &mailboxIds);
    // Tests each mailbox's connection in turn (a thread of its own) and enables those that pass.
    // alreadyEnabled: how many of the selection were left out as enabled (the confirmation says so).
    void testAndEnable(const QList<qint64> &mailboxIds, int alreadyEnabled = 0);
    bool isRunning() const { return m_running; }
    QProgressDialog *progressDialog() const { return m_progress; }

Q_SIGNALS:
    void finished(const SyncDesk::BulkResult &result);

private:
    void start(const BulkOperation &operation);
    void onProgress(int done, int total);
    void onFinished(const BulkResult &result);
    void testNext();
    void onTested(const ConnectionTestReport &report);
    QProgressDialog *openProgress(const QString &title, int total);
    QString describe(const QList<qint64> &mailboxIds) const;

    MainWindow *m_window = nullptr;
    ConsoleBackend *m_backend = nullptr;
    QPointer<QProgressDialog> m_progress;
    std::shared_ptr<std::atomic_bool> m_cancel;
    BulkOperation::Kind m_kind = BulkOperation::Kind::Resync;
    bool m_running = false;
    // Test & Enable on many.
    QThread m_testThread;
    ConnectionTest *m_test = nullptr;
    QList<qint64> m_toTest;
    QList<qint64> m_passed;
    QStringList m_testFailures;
    int m_tested = 0;
};

} // namespace SyncDesk

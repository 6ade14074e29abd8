#pragma once

#include "diagnostics/connectiontestreport.h"
#include "model/mailbox.h"
#include "model/serverprofile.h"

#include <QDialog>

#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;
class QTextBrowser;
class QTreeWidget;
class QTreeWidgetItem;

namespace SyncDesk {

class ConnectionTestRunner;
class ConsoleBackend;

// "Test connection" and "Test & Enable": runs the core's ConnectionTest for one mailbox in a thread of its own
// (the window never waits on the network) and shows each step as it runs: result, time and detail, then the
// failure's hint with its remedy steps. Cancel stops the test at once. Window-modal, opened with open(): no
// nested event loop. With enableOnSuccess, a mailbox whose every step passed is enabled through the backend.
class TestConnectionDialog final : public QDialog
{
    Q_OBJECT
public:
    TestConnectionDialog(ConsoleBackend *backend, const Mailbox &mailbox, const ServerProfile &profile,
                         bool enableOnSuccess, QWidget *parent = nullptr);
    ~TestConnectionDialog() override;

    bool isRunning() const { return m_running; }
    bool hasPassed() const { return m_report && m_report->passed(); }
    bool enabledMailbox() const { return m_enabled; }
    const std::optional<ConnectionTestReport> &report() const { return m_report; }
    QTreeWidget *stepList() const { return m_steps; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *closeButton() const { return m_close; }
    QLabel *summaryLabel() const { return m_summary; }
    QLabel *outcomeIcon() const { return m_outcomeIcon; }
    QTextBrowser *hintView() const { return m_hint; }

public Q_SLOTS:
    void open() override; // starts the test
    void reject() override;

Q_SIGNALS:
    void testFinished(const SyncDesk::ConnectionTestReport &report);

private:
    void start();
    void onStepStarted(const ConnectionStep &step);
    void onStepFinished(const ConnectionStep &step);
    void onFinished(const ConnectionTestReport &report);
    void cancelTest();
    QTreeWidgetItem *itemFor(const QString &stepId);

    ConsoleBackend *m_backend = nullptr;
    Mailbox m_mailbox;
    ServerProfile m_profile;
    bool m_enableOnSuccess = false;
    std::unique_ptr<ConnectionTestRunner> m_runner;
    std::optional<ConnectionTestReport> m_report;
    bool m_running = false;
    bool m_enabled = false;
    QLabel *m_summary = nullptr;
    QLabel *m_outcomeIcon = nullptr;
    QProgressBar *m_progress = nullptr;
    QTreeWidget *m_steps = nullptr;
    QTextBrowser *m_hint = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_close = nullptr;
};

} // namespace SyncDesk

#include "troubleshootingcontroller.h"

#include "bulkactions.h"
#include "consolebackend.h"
#include "dialogs/signindialog.h"
#include "dialogs/testconnectiondialog.h"
#include "mainwindow.h"
#include "models/mailboxtablemodel.h"
#include "views/alertspane.h"
#include "views/itemfailurespane.h"
#include "views/plainmessagebox.h"

#include <QAction>
#include <QFileDialog>
#include <QMessageBox>
#include <QStatusBar>

namespace SyncDesk {

using namespace Qt::StringLiterals;

TroubleshootingController::TroubleshootingController(MainWindow *window, AlertsPane *alerts, ItemFailuresPane *failures)
    : QObject(window)
    , m_window(window)
    , m_alerts(alerts)
    , m_failures(failures)
{
    auto make = [this](const QString &name, const QString &text, const QKeySequence &shortcut, const QString &tip) {
        auto *action = new QAction(text, m_window);
        action->setObjectName(name + u"Action"_s);
        action->setShortcut(shortcut);
        action->setToolTip(shortcut.isEmpty() ? tip : tip + u" ("_s + shortcut.toString() + u')');
        action->setStatusTip(tip);
        m_actions.insert(name, action);
        return action;
    };
    connect(make(u"testConnection"_s, tr("&Test connection…"), QKeySequence(Qt::CTRL | Qt::Key_T),
                 tr("Check DNS, TCP, TLS, login and INBOX (and SMTP) of the selected mailbox, step by step")),
            &QAction::triggered, this, [this] { testConnection(false); });
    connect(make(u"testAndEnable"_s, tr("Test && E&nable…"), QKeySequence(),
                 tr("Test the selected mailbox's connection and enable it when every step passes")),
            &QAction::triggered, this, [this] { testConnection(true); });
    QAction *verbose = make(u"verbose"_s, tr("&Verbose log"), QKeySequence(),
                            tr("Log the protocol traffic of the selected mailbox (credentials hidden)"));
    verbose->setCheckable(true);
    connect(verbose, &QAction::toggled, this, [this](bool on) {
        const QList<qint64> ids = m_window->selectedMailboxIds(false);
        if (m_updating || !m_backend || ids.size() != 1) {
            return;
        }
        m_verboseAsked.insert(ids.constFirst(), on);
        m_backend->setMailboxVerbose(ids.constFirst(), on);
    });
    connect(make(u"signIn"_s, tr("&Sign in…"), QKeySequence(),
                 tr("Sign the selected mailbox in with its identity provider (OAuth 2.0) in the browser")),
            &QAction::triggered, this, &TroubleshootingController::signIn);
    connect(make(u"exportDiagnostics"_s, tr("Export dia&gnostic bundle…"), QKeySequence(),
                 tr("Save the selected mailbox's status, runs, alerts, failures and log, without passwords or message "
                    "contents")),
            &QAction::triggered, this, &TroubleshootingController::exportDiagnostics);
}

void TroubleshootingController::setBackend(ConsoleBackend *backend)
{
    m_backend = backend;
    connect(backend, &ConsoleBackend::alertsChanged, m_alerts, &AlertsPane::setAlerts);
    connect(backend, &ConsoleBackend::itemFailuresChanged, m_failures, &ItemFailuresPane::setFailures);
    connect(backend, &ConsoleBackend::actionDone, this, &TroubleshootingController::onActionDone);
    connect(m_alerts, &AlertsPane::acknowledgeRequested, backend, &ConsoleBackend::acknowledgeAlert);
    connect(m_alerts, &AlertsPane::reenableRequested, backend, &ConsoleBackend::reenableIncident);
    connect(m_alerts, &AlertsPane::showClosedChanged, backend, &ConsoleBackend::setShowClosedAlerts);
    connect(m_failures, &ItemFailuresPane::retryRequested, backend, &ConsoleBackend::retryItemFailures);
    connect(m_failures, &ItemFailuresPane::retryFailuresRequested, backend, &ConsoleBackend::retryItemFailureIds);
    updateActions();
}

void TroubleshootingController::updateActions()
{
    const QList<qint64> ids = m_window->selectedMailboxIds(false);
    const bool one = m_backend && ids.size() == 1;
    for (const QString &name : {u"testConnection"_s, u"testAndEnable"_s, u"verbose"_s, u"exportDiagnostics"_s}) {
        m_actions.value(name)->setEnabled(one);
    }
    if (ids.size() > 1 && m_backend) {
        // Test & Enable works on many: those of the selection that are disabled.
        m_actions.value(u"testAndEnable"_s)->setEnabled(ids.size() > m_window->selectedMailboxIds(true).size());
    }
    MailboxTableModel *model = m_window->mailboxModel();
    const int row = one ? model->rowOfMailbox(ids.constFirst()) : -1;
    // What was asked and the snapshots now show is in the store: forgotten, for every mailbox (not only the
    // selected one, whose switch could otherwise follow an old request after a change made elsewhere).
    for (auto asked = m_verboseAsked.begin(); asked != m_verboseAsked.end();) {
        const int askedRow = model->rowOfMailbox(asked.key());
        if (askedRow < 0 || model->status(askedRow).mailbox.verboseLog == asked.value()) {
            asked = m_verboseAsked.erase(asked);
        } else {
            ++asked;
        }
    }
    bool verbose = row >= 0 && model->status(row).mailbox.verboseLog;
    if (row >= 0) {
        verbose = m_verboseAsked.value(ids.constFirst(), verbose); // a snapshot read before the write
    }
    m_updating = true;
    m_actions.value(u"verbose"_s)->setChecked(verbose);
    m_updating = false;
    if (row >= 0) {
        m_actions.value(u"testAndEnable"_s)->setEnabled(!model->status(row).mailbox.enabled);
    }
    m_actions.value(u"signIn"_s)
        ->setEnabled(row >= 0 && profileOf(model->status(row).mailbox).has_value() &&
                     profileOf(model->status(row).mailbox)->oauth.has_value());
    // The failures' "Selected mailbox" is the mailbox table's, whichever tab has focus.
    const QList<qint64> inTable = m_window->tableSelectedMailboxIds();
    const int tableRow = inTable.size() == 1 ? model->rowOfMailbox(inTable.constFirst()) : -1;
    if (tableRow >= 0) {
        m_failures->setMailboxFilter(inTable.constFirst(), model->status(tableRow).mailbox.address);
    } else {
        m_failures->setMailboxFilter(0, {});
    }
}

void TroubleshootingController::testConnection(bool enableOnSuccess)
{
    const QList<qint64> ids = m_window->selectedMailboxIds(false);
    if (enableOnSuccess && ids.size() > 1 && m_backend) {
        QList<qint64> disabled = ids;
        const QList<qint64> enabled = m_window->selectedMailboxIds(true);
        disabled.removeIf([&](qint64 id) { return enabled.contains(id); });
        if (disabled.isEmpty()) {
            m_window->statusBar()->showMessage(
                tr("All %n selected mailbox(es) are enabled already; Test connection tests one.", nullptr,
                   int(ids.size())),
                8000);
            return;
        }
        m_window->bulkActions()->testAndEnable(disabled, int(ids.size() - disabled.size()));
        return;
    }
    if (!m_backend || ids.size() != 1) {
        return;
    }
    MailboxTableModel *model = m_window->mailboxModel();
    const int row = model->rowOfMailbox(ids.constFirst());
    if (row < 0) {
        return;
    }
    const Mailbox mailbox = model->status(row).mailbox;
    const QList<ServerProfile> &profiles = m_window->profiles();
    const auto profile = std::find_if(profiles.cbegin(), profiles.cend(), [&](const ServerProfile &candidate) {
        return candidate.id == mailbox.profileId;
    });
    if (profile == profiles.cend()) {
        m_window->statusBar()->showMessage(tr("The server profile of %1 is not loaded yet").arg(mailbox.address), 5000);
        return;
    }
    auto *dialog = new TestConnectionDialog(m_backend, mailbox, *profile, enableOnSuccess, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open(); // window-modal, no nested event loop; the test runs in a thread of the dialog's
}

std::optional<ServerProfile> TroubleshootingController::profileOf(const Mailbox &mailbox) const
{
    const QList<ServerProfile> &profiles = m_window->profiles();
    const auto profile = std::find_if(profiles.cbegin(), profiles.cend(), [&](const ServerProfile &candidate) {
        return candidate.id == mailbox.profileId;
    });
    return profile == profiles.cend() ? std::nullopt : std::optional<ServerProfile>(*profile);
}

void TroubleshootingController::signIn()
{
    const QList<qint64> ids = m_window->selectedMailboxIds(false);
    MailboxTableModel *model = m_window->mailboxModel();
    const int row = ids.size() == 1 ? model->rowOfMailbox(ids.constFirst()) : -1;
    if (!m_backend || row < 0) {
        return;
    }
    const Mailbox mailbox = model->status(row).mailbox;
    const std::optional<ServerProfile> profile = profileOf(mailbox);
    if (!profile || !profile->oauth) {
        m_window->statusBar()->showMessage(tr("%1 signs in with a password").arg(mailbox.address), 5000);
        return;
    }
    auto *dialog = new SignInDialog(mailbox, *profile, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SignInDialog::signedIn, m_backend, &ConsoleBackend::keepSignIn);
    dialog->open(); // window-modal, no nested event loop
}

void TroubleshootingController::exportDiagnostics()
{
    const QList<qint64> ids = m_window->selectedMailboxIds(false);
    MailboxTableModel *model = m_window->mailboxModel();
    const int row = ids.size() == 1 ? model->rowOfMailbox(ids.constFirst()) : -1;
    if (!m_backend || row < 0) {
        return;
    }
    const QString address = model->status(row).mailbox.address;
    auto *dialog = new QFileDialog(m_window, tr("Export diagnostic bundle"),
                                   u"syncdesk-diagnostics-%1.json"_s.arg(address), u"JSON (*.json)"_s);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this, address](const QString &path) {
        if (!path.isEmpty() && m_backend) {
            m_window->statusBar()->showMessage(tr("Writing the diagnostic bundle of %1…").arg(address));
            m_backend->exportDiagnostics(address, path); // written in the poller's thread
        }
    });
    dialog->open(); // window-modal, no nested event loop
}

void TroubleshootingController::onActionDone(const QString &message, const QString &error)
{
    if (error.isEmpty()) {
        m_window->statusBar()->showMessage(message, 8000);
        return;
    }
    m_window->statusBar()->clearMessage();
    if (!m_verboseAsked.isEmpty()) { // the write may have been a verbose switch: show what the store has
        m_verboseAsked.clear();
        updateActions();
    }
    plainMessageBox(QMessageBox::Warning, u"SyncDesk"_s, error, {}, m_window)->open();
}

} // namespace SyncDesk

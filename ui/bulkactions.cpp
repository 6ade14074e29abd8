#include "bulkactions.h"

#include "consolebackend.h"
#include "diagnostics/connectiontest.h"
#include "diagnostics/hintcatalog.h"
#include "mainwindow.h"
#include "models/mailboxtablemodel.h"
#include "views/plainmessagebox.h"

#include <QCoreApplication>
#include <QInputDialog>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QStatusBar>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

// Each kind's sentences whole, so that a translation can put the verb where its language wants it.

// The confirmation's button.
QString verb(BulkOperation::Kind kind)
{
    switch (kind) {
    case BulkOperation::Kind::Enable:
        //: button: enable the mailboxes
        return QCoreApplication::translate("SyncDesk::BulkActions", "Enable");
    case BulkOperation::Kind::Disable:
        //: button: disable the mailboxes
        return QCoreApplication::translate("SyncDesk::BulkActions", "Disable");
    case BulkOperation::Kind::Resync:
        //: button: sync the mailboxes now
        return QCoreApplication::translate("SyncDesk::BulkActions", "Resync");
    case BulkOperation::Kind::MoveToProfile:
        //: button: move the mailboxes to another server profile
        return QCoreApplication::translate("SyncDesk::BulkActions", "Move");
    }
    return {};
}

// "Disable 2000 mailboxes?"
QString question(BulkOperation::Kind kind, int count, const QString &profileName)
{
    switch (kind) {
    case BulkOperation::Kind::Enable:
        return QCoreApplication::translate("SyncDesk::BulkActions", "Enable %n mailbox(es)?", nullptr, count);
    case BulkOperation::Kind::Disable:
        return QCoreApplication::translate("SyncDesk::BulkActions", "Disable %n mailbox(es)?", nullptr, count);
    case BulkOperation::Kind::Resync:
        return QCoreApplication::translate("SyncDesk::BulkActions", "Resync %n mailbox(es)?", nullptr, count);
    case BulkOperation::Kind::MoveToProfile:
        return QCoreApplication::translate("SyncDesk::BulkActions", "Move %n mailbox(es) to the server profile %1?",
                                           nullptr, count)
            .arg(profileName);
    }
    return {};
}

// The progress dialog's title.
QString progressTitle(BulkOperation::Kind kind, int count)
{
    switch (kind) {
    case BulkOperation::Kind::Enable:
        return QCoreApplication::translate("SyncDesk::BulkActions", "Enable %n mailbox(es)…", nullptr, count);
    case BulkOperation::Kind::Disable:
        return QCoreApplication::translate("SyncDesk::BulkActions", "Disable %n mailbox(es)…", nullptr, count);
    case BulkOperation::Kind::Resync:
        return QCoreApplication::translate("SyncDesk::BulkActions", "Resync %n mailbox(es)…", nullptr, count);
    case BulkOperation::Kind::MoveToProfile:
        return QCoreApplication::translate("SyncDesk::BulkActions", "Move %n mailbox(es)…", nullptr, count);
    }
    return {};
}

// The progress dialog's label after each batch: `done` of `total`.
QString progressLabel(BulkOperation::Kind kind, int done, int total)
{
    switch (kind) {
    case BulkOperation::Kind::Enable:
        return QCoreApplication::translate("SyncDesk::BulkActions", "Enable %1 of %n mailbox(es)…", nullptr, total)
            .arg(done);
    case BulkOperation::Kind::Disable:
        return QCoreApplication::translate("SyncDesk::BulkActions", "Disable %1 of %n mailbox(es)…", nullptr, total)
            .arg(done);
    case BulkOperation::Kind::Resync:
        return QCoreApplication::translate("SyncDesk::BulkActions", "Resync %1 of %n mailbox(es)…", nullptr, total)
            .arg(done);
    case BulkOperation::Kind::MoveToProfile:
        return QCoreApplication::translate("SyncDesk::BulkActions", "Move %1 of %n mailbox(es)…", nullptr, total)
            .arg(done);
    }
    return {};
}

// The outcome, for the status bar: `done` of `total`.
QString outcome(BulkOperation::Kind kind, int done, int total)
{
    switch (kind) {
    case BulkOperation::Kind::Enable:
        return QCoreApplication::translate("SyncDesk::BulkActions", "Enabled %1 of %n mailbox(es)", nullptr, total)
            .arg(done);
    case BulkOperation::Kind::Disable:
        return QCoreApplication::translate("SyncDesk::BulkActions", "Disabled %1 of %n mailbox(es)", nullptr, total)
            .arg(done);
    case BulkOperation::Kind::Resync:
        return QCoreApplication::translate("SyncDesk::BulkActions", "Asked a sync of %1 of %n mailbox(es)", nullptr,
                                           total)
            .arg(done);
    case BulkOperation::Kind::MoveToProfile:
        return QCoreApplication::translate("SyncDesk::BulkActions", "Moved %1 of %n mailbox(es)", nullptr, total)
            .arg(done);
    }
    return {};
}

} // namespace

BulkActions::BulkActions(MainWindow *window)
    : QObject(window)
    , m_window(window)
{
    m_testThread.setObjectName(u"syncdesk-bulk-test"_s);
}

BulkActions::~BulkActions()
{
    if (m_test) {
        ConnectionTest *test = std::exchange(m_test, nullptr);
        test->disconnect(this);
        QMetaObject::invokeMethod(test, &ConnectionTest::cancel, Qt::QueuedConnection);
        connect(&m_testThread, &QThread::finished, test, &QObject::deleteLater);
    }
    m_testThread.quit();
    m_testThread.wait();
}

void BulkActions::setBackend(ConsoleBackend *backend)
{
    m_backend = backend;
    connect(backend, &ConsoleBackend::bulkProgress, this, &BulkActions::onProgress);
    connect(backend, &ConsoleBackend::bulkFinished, this, &BulkActions::onFinished);
}

QString BulkActions::describe(const QList<qint64> &mailboxIds) const
{
    MailboxTableModel *model = m_window->mailboxModel();
    QStringList addresses;
    for (qint64 id : mailboxIds.mid(0, 20)) {
        const int row = model->rowOfMailbox(id);
        if (row >= 0) {
            addresses.append(model->status(row).mailbox.address);
        }
    }
    if (mailboxIds.size() > addresses.size()) {
        addresses.append(tr("… and %1 more").arg(mailboxIds.size() - addresses.size()));
    }
    return addresses.join(u'\n');
}

void BulkActions::run(BulkOperation::Kind kind, const QList<qint64> &mailboxIds, qint64 profileId)
{
    if (!m_backend || mailboxIds.isEmpty() || m_running) {
        return;
    }
    BulkOperation operation;
    operation.kind = kind;
    operation.mailboxIds = mailboxIds;
    operation.profileId = profileId;
    if (mailboxIds.size() == 1) {
        start(operation);
        return;
    }
    const auto profile = std::find_if(m_window->profiles().cbegin(), m_window->profiles().cend(),
                                      [&](const ServerProfile &candidate) { return candidate.id == profileId; });
    QMessageBox *confirm = plainMessageBox(
        QMessageBox::Question, u"SyncDesk"_s,
        question(kind, int(mailboxIds.size()), profile != m_window->profiles().cend() ? profile->name : QString()),
        kind == BulkOperation::Kind::Disable  ? tr("They are not synced until they are enabled again.")
        : kind == BulkOperation::Kind::Enable ? tr("Their failure counters start again from zero and they sync now.")
                                              : QString(),
        m_window);
    confirm->setObjectName(u"bulkConfirm"_s);
    confirm->setDetailedText(describe(mailboxIds));
    confirm->setStandardButtons(QMessageBox::Ok | QMessageBox::Cancel);
    confirm->button(QMessageBox::Ok)->setText(verb(kind));
    confirm->setDefaultButton(QMessageBox::Ok);
    connect(confirm, &QMessageBox::finished, this, [this, confirm, operation] {
        if (confirm->clickedButton() == confirm->button(QMessageBox::Ok)) {
            start(operation);
        }
    });
    confirm->open();
}

void BulkActions::moveToProfile(const QList<qint64> &mailboxIds)
{
    if (!m_backend || mailboxIds.isEmpty() || m_running || m_window->profiles().isEmpty()) {
        return;
    }
    QStringList names;
    for (const ServerProfile &profile : m_window->profiles()) {
        names.append(profile.name);
    }
    auto *dialog = new QInputDialog(m_window);
    dialog->setObjectName(u"moveToProfileDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Move to server profile"));
    dialog->setLabelText(tr("Server profile for the %n selected mailbox(es):", nullptr, int(mailboxIds.size())));
    dialog->setComboBoxItems(names);
    dialog->setComboBoxEditable(false);
    connect(dialog, &QInputDialog::textValueSelected, this, [this, mailboxIds](const QString &name) {
        for (const ServerProfile &profile : m_window->profiles()) {
            if (profile.name == name) {
                run(BulkOperation::Kind::MoveToProfile, mailboxIds, profile.id);
                return;
            }
        }
    });
    dialog->open();
}

QProgressDialog *BulkActions::openProgress(const QString &title, int total)
{
    auto *progress = new QProgressDialog(title, tr("Cancel"), 0, total, m_window);
    progress->setObjectName(u"bulkProgress"_s);
    progress->setWindowTitle(u"SyncDesk"_s);
    progress->setWindowModality(Qt::WindowModal);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    progress->setMinimumDuration(0);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    connect(progress, &QProgressDialog::canceled, this, [this, progress] {
        progress->setLabelText(tr("Cancelling: finishing the batch under way…"));
        if (m_cancel) {
            m_cancel->store(true);
        }
        if (m_test) {
            QMetaObject::invokeMethod(m_test, &ConnectionTest::cancel, Qt::QueuedConnection);
        }
    });
    progress->open();
    return progress;
}

void BulkActions::start(const BulkOperation &operation)
{
    m_running = true;
    m_kind = operation.kind;
    if (operation.mailboxIds.size() > 1) {
        m_progress = openProgress(progressTitle(operation.kind, int(operation.mailboxIds.size())),
                                  int(operation.mailboxIds.size()));
    }
    m_cancel = m_backend->runBulk(operation);
}

void BulkActions::onProgress(int done, int total)
{
    // A window-modal QProgressDialog processes events in setValue(): a later report, or the end, may be
    // handled inside this call. Only move forward, and not once finished.
    if (m_running && m_progress && done > m_progress->value()) {
        m_progress->setMaximum(total);
        m_progress->setValue(done);
        if (m_running && m_progress && !m_progress->wasCanceled()) {
            m_progress->setLabelText(progressLabel(m_kind, done, total));
        }
    }
}

void BulkActions::onFinished(const BulkResult &result)
{
    if (!m_running) {
        return; // another window's
    }
    m_running = false;
    m_cancel.reset();
    if (m_progress) {
        m_progress->close();
    }
    QString message = outcome(m_kind, result.done, result.total);
    if (result.cancelled) {
        //: plural: %1; cancelled, the other %n is unchanged
        message = tr("%1; cancelled, the other %n are unchanged", nullptr, result.total - result.done).arg(message);
    }
    if (!result.error.isEmpty()) {
        plainMessageBox(QMessageBox::Warning, u"SyncDesk"_s, tr("%1; then it failed.").arg(message), result.error,
                        m_window)
            ->open();
    }
    m_window->statusBar()->showMessage(message, 10000);
    Q_EMIT finished(result);
}

void BulkActions::testAndEnable(const QList<qint64> &mailboxIds, int alreadyEnabled)
{
    if (!m_backend || mailboxIds.isEmpty() || m_running) {
        return;
    }
    QString details = tr("Each is tested step by step in turn and enabled if it passes; one that fails stays "
                         "disabled.");
    if (alreadyEnabled > 0) {
        details += u' ' + tr("%n selected mailbox(es) already enabled are left as they are.", nullptr, alreadyEnabled);
    }
    QMessageBox *confirm =
        plainMessageBox(QMessageBox::Question, u"SyncDesk"_s,
                        tr("Test %n disabled mailbox(es)?", nullptr, int(mailboxIds.size())), details, m_window);
    confirm->setObjectName(u"bulkConfirm"_s);
    confirm->setDetailedText(describe(mailboxIds));
    confirm->setStandardButtons(QMessageBox::Ok | QMessageBox::Cancel);
    confirm->button(QMessageBox::Ok)->setText(tr("Test && Enable"));
    connect(confirm, &QMessageBox::finished, this, [this, confirm, mailboxIds] {
        if (confirm->clickedButton() != confirm->button(QMessageBox::Ok)) {
            return;
        }
        m_running = true;
        m_kind = BulkOperation::Kind::Enable;
        m_toTest = mailboxIds;
        m_passed.clear();
        m_testFailures.clear();
        m_tested = 0;
        m_cancel = std::make_shared<std::atomic_bool>(false);
        m_progress =
            openProgress(tr("Testing %n mailbox(es)…", nullptr, int(mailboxIds.size())), int(mailboxIds.size()));
        if (!m_testThread.isRunning()) {
            m_testThread.start();
        }
        testNext();
    });
    confirm->open();
}

void BulkActions::testNext()
{
    MailboxTableModel *model = m_window->mailboxModel();
    while (!m_toTest.isEmpty() && !m_cancel->load()) {
        const qint64 id = m_toTest.takeFirst();
        const int row = model->rowOfMailbox(id);
        if (row < 0) {
            continue;
        }
        const Mailbox mailbox = model->status(row).mailbox;
        const auto profile =
            std::find_if(m_window->profiles().cbegin(), m_window->profiles().cend(),
                         [&](const ServerProfile &candidate) { return candidate.id == mailbox.profileId; });
        if (profile == m_window->profiles().cend()) {
            m_testFailures.append(tr("%1: its server profile is not loaded").arg(mailbox.address));
            ++m_tested;
            continue;
        }
        if (m_progress) {
            m_progress->setValue(m_tested);
            m_progress->setLabelText(tr("Testing %1 (%2 of %3); %4 passed…")
                                         .arg(mailbox.address)
                                         .arg(m_tested + 1)
                                         .arg(m_tested + 1 + m_toTest.size())
                                         .arg(m_passed.size()));
        }
        m_test = new ConnectionTest(mailbox, *profile);
        m_test->setProperty("mailboxId", id);
        m_test->moveToThread(&m_testThread);
        connect(m_test, &ConnectionTest::finished, this, &BulkActions::onTested);
        QMetaObject::invokeMethod(m_test, &ConnectionTest::start, Qt::QueuedConnection);
        return;
    }
    // All tested (or cancelled): enable those that passed, in one bulk operation.
    const bool cancelled = m_cancel->load();
    const int untested = int(m_toTest.size());
    m_toTest.clear();
    if (m_progress) {
        m_progress->close();
    }
    m_running = false;
    if (!m_passed.isEmpty()) {
        BulkOperation enable;
        enable.kind = BulkOperation::Kind::Enable;
        enable.mailboxIds = m_passed;
        m_running = true;
        m_cancel = m_backend->runBulk(enable);
    } else {
        m_cancel.reset();
    }
    QString summary = tr("%1 of %n tested mailbox(es) passed and are enabled.", nullptr, m_tested).arg(m_passed.size());
    if (cancelled) {
        summary = tr("%1 Cancelled: %2 not tested.").arg(summary, QString::number(untested));
    }
    QString failures;
    if (!m_testFailures.isEmpty()) {
        //: plural: %n failed and stays disabled:\n%1
        failures = tr("%n failed and stay disabled:\n%1", nullptr, int(m_testFailures.size()))
                       .arg(m_testFailures.mid(0, 10).join(u'\n'));
    }
    QMessageBox *box = plainMessageBox(m_testFailures.isEmpty() ? QMessageBox::Information : QMessageBox::Warning,
                                       tr("Test & Enable"), summary, failures, m_window);
    box->setObjectName(u"bulkTestSummary"_s);
    if (m_testFailures.size() > 10) {
        box->setDetailedText(m_testFailures.join(u'\n'));
    }
    box->open();
}

void BulkActions::onTested(const ConnectionTestReport &report)
{
    ConnectionTest *test = std::exchange(m_test, nullptr);
    const qint64 id = test ? test->property("mailboxId").toLongLong() : 0;
    if (test) {
        test->deleteLater(); // in its thread, which runs until this object goes
    }
    ++m_tested;
    if (report.passed()) {
        m_passed.append(id);
    } else if (!report.cancelled && report.error) {
        m_testFailures.append(u"%1: %2 [%3]"_s.arg(report.mailbox, report.error->message,
                                                   HintCatalog::instance().summary(report.error->hintId)));
    }
    testNext();
}

} // namespace SyncDesk

#include "bulkactions.h"

#include "consolebackend.h"
#include "diagnostics/connectiontest.h"
#include "diagnostics/hintcatalog.h"
#include "mainwindow.h"
#include "models/mailboxtablemodel.h"
#include "views/plainmessagebox.h"

#include <QInputDialog>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QStatusBar>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

QString pastTense(BulkOperation::Kind kind)
{
    switch (kind) {
    case BulkOperation::Kind::Enable:
        return u"Enabled"_s;
    case BulkOperation::Kind::Disable:
        return u"Disabled"_s;
    case BulkOperation::Kind::Resync:
        return u"Asked a sync of"_s;
    case BulkOperation::Kind::MoveToProfile:
        return u"Moved"_s;
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
        addresses.append(u"… and %1 more"_s.arg(mailboxIds.size() - addresses.size()));
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
    QString question = u"%1 %2 mailboxes?"_s.arg(bulkKindVerb(kind)).arg(mailboxIds.size());
    if (kind == BulkOperation::Kind::MoveToProfile) {
        const auto profile = std::find_if(m_window->profiles().cbegin(), m_window->profiles().cend(),
                                          [&](const ServerProfile &candidate) { return candidate.id == profileId; });
        question = u"Move %1 mailboxes to the server profile %2?"_s.arg(mailboxIds.size())
                       .arg(profile != m_window->profiles().cend() ? profile->name : QString());
    }
    QMessageBox *confirm = plainMessageBox(
        QMessageBox::Question, u"SyncDesk"_s, question,
        kind == BulkOperation::Kind::Disable  ? u"They are not synced until they are enabled again."_s
        : kind == BulkOperation::Kind::Enable ? u"Their failure counters start again from zero and they sync now."_s
                                              : QString(),
        m_window);
    confirm->setObjectName(u"bulkConfirm"_s);
    confirm->setDetailedText(describe(mailboxIds));
    confirm->setStandardButtons(QMessageBox::Ok | QMessageBox::Cancel);
    confirm->button(QMessageBox::Ok)->setText(bulkKindVerb(kind));
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
    dialog->setWindowTitle(u"Move to server profile"_s);
    dialog->setLabelText(u"Server profile for the %1 selected mailbox(es):"_s.arg(mailboxIds.size()));
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
    auto *progress = new QProgressDialog(title, u"Cancel"_s, 0, total, m_window);
    progress->setObjectName(u"bulkProgress"_s);
    progress->setWindowTitle(u"SyncDesk"_s);
    progress->setWindowModality(Qt::WindowModal);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    progress->setMinimumDuration(0);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    connect(progress, &QProgressDialog::canceled, this, [this, progress] {
        progress->setLabelText(u"Cancelling: finishing the batch under way…"_s);
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
        m_progress =
            openProgress(u"%1 %2 mailboxes…"_s.arg(bulkKindVerb(operation.kind)).arg(operation.mailboxIds.size()),
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
            m_progress->setLabelText(u"%1 %2 of %3 mailboxes…"_s.arg(bulkKindVerb(m_kind)).arg(done).arg(total));
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
    QString message = u"%1 %2 of %3 mailbox(es)"_s.arg(pastTense(m_kind)).arg(result.done).arg(result.total);
    if (result.cancelled) {
        message += u"; cancelled, the other %1 are unchanged"_s.arg(result.total - result.done);
    }
    if (!result.error.isEmpty()) {
        plainMessageBox(QMessageBox::Warning, u"SyncDesk"_s, message + u"; then it failed."_s, result.error, m_window)
            ->open();
    }
    m_window->statusBar()->showMessage(message, 10000);
    Q_EMIT finished(result);
}

void BulkActions::testAndEnable(const QList<qint64> &mailboxIds)
{
    if (!m_backend || mailboxIds.isEmpty() || m_running) {
        return;
    }
    QMessageBox *confirm = plainMessageBox(
        QMessageBox::Question, u"SyncDesk"_s, u"Test %1 mailboxes and enable those that pass?"_s.arg(mailboxIds.size()),
        u"Each is tested step by step in turn; one that fails stays as it is."_s, m_window);
    confirm->setObjectName(u"bulkConfirm"_s);
    confirm->setDetailedText(describe(mailboxIds));
    confirm->setStandardButtons(QMessageBox::Ok | QMessageBox::Cancel);
    confirm->button(QMessageBox::Ok)->setText(u"Test && Enable"_s);
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
        m_progress = openProgress(u"Testing %1 mailboxes…"_s.arg(mailboxIds.size()), int(mailboxIds.size()));
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
            m_testFailures.append(mailbox.address + u": its server profile is not loaded"_s);
            ++m_tested;
            continue;
        }
        if (m_progress) {
            m_progress->setValue(m_tested);
            m_progress->setLabelText(u"Testing %1 (%2 of %3); %4 passed…"_s.arg(mailbox.address)
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
    QString summary = u"%1 of %2 tested mailbox(es) passed and are enabled."_s.arg(m_passed.size()).arg(m_tested);
    if (cancelled) {
        summary += u" Cancelled: %1 not tested."_s.arg(untested);
    }
    QMessageBox *box = plainMessageBox(
        m_testFailures.isEmpty() ? QMessageBox::Information : QMessageBox::Warning, u"Test & Enable"_s, summary,
        m_testFailures.isEmpty()
            ? QString()
            : u"%1 failed and stay disabled:\n"_s.arg(m_testFailures.size()) + m_testFailures.mid(0, 10).join(u'\n'),
        m_window);
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

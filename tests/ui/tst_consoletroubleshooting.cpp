// The console's troubleshooting, offscreen and monitor-only, against a real Dovecot and a real database:
// Test connection shows each step and the failure's hint, Test & Enable enables a mailbox that passes,
// the Alerts tab acknowledges, the Item failures tab retries, and the verbose log switch reaches the store.

#include "consoleharness.h"
#include "dialogs/folderpickerdialog.h"
#include "dialogs/mailboxdialog.h"
#include "dialogs/profiledialog.h"
#include "dialogs/testconnectiondialog.h"
#include "dovecotserver.h"
#include "mailfactory.h"
#include "mainwindow.h"
#include "models/mailboxtablemodel.h"
#include "store/diagnosticsstore.h"
#include "store/store.h"
#include "synchelper.h"
#include "testconfig.h"
#include "themecolors.h"
#include "views/alertspane.h"
#include "views/itemfailurespane.h"
#include "views/mailboxdetailspane.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>

using namespace SyncDesk;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

class TestConsoleTroubleshooting : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void testConnectionShowsEveryStep();
    void failingTestShowsTheStepAndItsHint();
    void testAndEnableEnablesAMailboxThatPasses();
    void alertsTabAcknowledges();
    void itemFailuresTabRetries();
    void verboseLogSwitchReachesTheStore();
    void mailboxDialogTestsWhatIsTypedBeforeSaving();
    void profileDialogTestsTheServersWithoutLoggingIn();
    void mailboxDialogChoosesFoldersFromTheServersList();
    void auditAndRepairFetchesWhatIsMissing();

private:
    TestConnectionDialog *runTest(const QString &address, const QString &actionName);
    Mailbox storedMailbox(const QString &address);
    // Shows the Add mailbox dialog filled in for dora, with this password typed.
    static void typeDora(MailboxDialog &dialog, const QString &password);

    DovecotServer m_dovecot;
    QTemporaryDir m_dir;
    StoreConfig m_store;
    ConsoleHarness m_console;
    std::unique_ptr<MainWindow> &m_window = m_console.window;
    std::unique_ptr<ConsoleBackend> &m_backend = m_console.backend;
};

void TestConsoleTroubleshooting::initTestCase()
{
    if (!DovecotServer::isAvailable()) {
        QSKIP("dovecot is not installed: run scripts/test.sh, which installs it");
    }
    useTestSettings(u"tst_consoletroubleshooting"_s);
    QVERIFY(m_dir.isValid());
    m_dovecot.setUser(u"alice"_s, u"alice-pw"_s);
    m_dovecot.setUser(u"bob"_s, u"bob-pw"_s);
    m_dovecot.setUser(u"dora"_s, u"dora-pw"_s);
    m_dovecot.setUser(u"ivy"_s, u"ivy-pw"_s);
    QString error;
    QVERIFY2(m_dovecot.start(&error), qPrintable(error));
    const QDateTime base(QDate(2026, 11, 4), QTime(9, 0), Qt::UTC);
    for (int i = 0; i < 2; ++i) {
        QVERIFY(m_dovecot.deliver(u"alice"_s, u"INBOX"_s,
                                  MailFactory::build(MailFactory::realistic(u"alice@corp.test"_s, i, base))));
    }
    QVERIFY(m_dovecot.deliver(u"alice"_s, u"INBOX"_s, QByteArray()));
    for (const QString &folder : {u"Sent"_s, u"Kunden"_s, u"Kunden/Müller"_s, u"Archiv/2025"_s}) {
        QVERIFY2(m_dovecot.createFolder(u"dora"_s, folder, &error), qPrintable(error));
    }

    m_store = StoreConfig::sqlite(m_dir.filePath(u"console.db"_s));
    TestConfig config(m_dir.filePath(u"cfg"_s));
    config.addProfile(u"Corp IMAP"_s, m_dovecot, u"starttls"_s);
    config.addMailbox(u"alice@corp.test"_s, u"Corp IMAP"_s, u"alice"_s, u"alice-pw"_s);
    config.addMailbox(u"bob@corp.test"_s, u"Corp IMAP"_s, u"bob"_s, u"not-bobs-password"_s);
    config.addMailbox(u"dora@corp.test"_s, u"Corp IMAP"_s, u"dora"_s, u"dora-pw"_s);
    config.setMailboxKey(u"dora@corp.test"_s, u"enabled"_s, false);
    const QString imported = SyncHelper::importConfig(m_store, config.write());
    QVERIFY2(imported.isEmpty(), qPrintable(imported));
    // alice syncs with one item failure; bob's password is refused, which disables it and raises an alert.
    const QList<SyncOutcome> outcomes = SyncHelper::syncOnce(m_store, {u"alice@corp.test"_s, u"bob@corp.test"_s});
    QCOMPARE(outcomes.size(), 2);
}

void TestConsoleTroubleshooting::init()
{
    m_console.start(m_store);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->mailboxModel()->rowCount() == 3, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->profiles().size() == 1, 10000);
}

void TestConsoleTroubleshooting::cleanup()
{
    if (!m_window) {
        return; // a test stopped the console and failed before starting it again
    }
    for (TestConnectionDialog *dialog : m_window->findChildren<TestConnectionDialog *>()) {
        QSignalSpy finished(dialog, &TestConnectionDialog::testFinished);
        if (dialog->isRunning()) {
            QVERIFY(finished.wait(30000));
        }
        delete dialog;
    }
    QVERIFY(m_console.stop());
}

TestConnectionDialog *TestConsoleTroubleshooting::runTest(const QString &address, const QString &actionName)
{
    m_window->selectMailbox(address);
    QAction *action = m_window->action(actionName);
    if (!action) {
        qWarning("no action %s", qPrintable(actionName));
        return nullptr;
    }
    if (!QTest::qWaitFor([action] { return action->isEnabled(); }, 5000)) {
        qWarning("action %s stays disabled", qPrintable(actionName));
        return nullptr;
    }
    action->trigger();
    // The dialog opens window-modal at once; the test runs in its own thread, so the window is not blocked.
    auto *dialog = m_window->findChild<TestConnectionDialog *>();
    if (!dialog) {
        return nullptr;
    }
    if (dialog->isRunning()) {
        QSignalSpy finished(dialog, &TestConnectionDialog::testFinished);
        if (!finished.wait(30000)) {
            qWarning("the connection test did not finish");
        }
    }
    return dialog;
}

Mailbox TestConsoleTroubleshooting::storedMailbox(const QString &address)
{
    auto store = Store::open(m_store);
    if (!store) {
        return {};
    }
    auto mailbox = (*store)->mailboxByAddress(address);
    return mailbox && mailbox->has_value() ? **mailbox : Mailbox{};
}

void TestConsoleTroubleshooting::testConnectionShowsEveryStep()
{
    TestConnectionDialog *dialog = runTest(u"alice@corp.test"_s, u"testConnection"_s);
    QVERIFY(dialog);
    QVERIFY(!dialog->isRunning());
    QVERIFY(dialog->hasPassed());
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->windowModality(), Qt::WindowModal);
    QTreeWidget *steps = dialog->stepList();
    QVERIFY2(steps->topLevelItemCount() >= 7, qPrintable(QString::number(steps->topLevelItemCount())));
    bool sawCertificate = false;
    for (int i = 0; i < steps->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = steps->topLevelItem(i);
        QCOMPARE(item->text(1), u"OK"_s);
        QVERIFY2(item->text(2).endsWith(u" ms"_s), qPrintable(item->text(2)));
        sawCertificate = sawCertificate || item->text(3).contains(u"issued by SyncDesk Test CA"_s);
    }
    QVERIFY2(sawCertificate, "the TLS step names the certificate's issuer");
    QVERIFY2(dialog->summaryLabel()->text().contains(u"passed"_s), qPrintable(dialog->summaryLabel()->text()));
    // Success looks like success: its icon, its colour.
    QCOMPARE(dialog->property("outcome").toString(), u"passed"_s);
    QVERIFY(dialog->outcomeIcon()->isVisible() && !dialog->outcomeIcon()->pixmap().isNull());
    QCOMPARE(dialog->outcomeIcon()->accessibleName(), u"Passed"_s);
    QCOMPARE(dialog->summaryLabel()->palette().color(QPalette::WindowText), ThemeColors::success(dialog->palette()));
    QVERIFY(!dialog->cancelButton()->isVisible() || !dialog->cancelButton()->isEnabled());
    QVERIFY(!dialog->enabledMailbox()); // Test connection alone changes nothing
}

void TestConsoleTroubleshooting::failingTestShowsTheStepAndItsHint()
{
    TestConnectionDialog *dialog = runTest(u"bob@corp.test"_s, u"testConnection"_s);
    QVERIFY(dialog);
    QVERIFY(!dialog->hasPassed());
    QVERIFY(dialog->report());
    QCOMPARE(dialog->report()->steps.constLast().id, u"login"_s);
    QCOMPARE(dialog->report()->error->hintId, u"auth-failed"_s);
    QTreeWidget *steps = dialog->stepList();
    QTreeWidgetItem *last = steps->topLevelItem(steps->topLevelItemCount() - 1);
    QCOMPARE(last->text(1), u"Failed"_s);
    QVERIFY2(dialog->summaryLabel()->text().contains(u"Auth"_s), qPrintable(dialog->summaryLabel()->text()));
    QCOMPARE(dialog->property("outcome").toString(), u"failed"_s);
    QCOMPARE(dialog->outcomeIcon()->accessibleName(), u"Failed"_s);
    QCOMPARE(dialog->summaryLabel()->palette().color(QPalette::WindowText), ThemeColors::error(dialog->palette()));
    // The server's words as text: never taken for markup, never shown as HTML entities.
    QCOMPARE(dialog->summaryLabel()->textFormat(), Qt::PlainText);
    QVERIFY2(dialog->summaryLabel()->text().contains(dialog->report()->error->message),
             qPrintable(dialog->summaryLabel()->text()));
    const QString hint = dialog->hintView()->toPlainText();
    QVERIFY2(hint.contains(u"rejected the user name or password"_s), qPrintable(hint));
    QVERIFY2(hint.contains(u"Edit mailbox"_s), qPrintable(hint)); // the remedy names the console action
    QVERIFY(!hint.contains(u"not-bobs-password"_s));
}

void TestConsoleTroubleshooting::testAndEnableEnablesAMailboxThatPasses()
{
    QVERIFY(!storedMailbox(u"dora@corp.test"_s).enabled);
    m_window->selectMailbox(u"alice@corp.test"_s);
    QTRY_VERIFY(m_window->action(u"testConnection"_s)->isEnabled());
    QVERIFY(!m_window->action(u"testAndEnable"_s)->isEnabled()); // alice is enabled already

    TestConnectionDialog *dialog = runTest(u"dora@corp.test"_s, u"testAndEnable"_s);
    QVERIFY(dialog);
    QVERIFY(dialog->hasPassed());
    QTRY_VERIFY_WITH_TIMEOUT(dialog->enabledMailbox(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(storedMailbox(u"dora@corp.test"_s).enabled, 10000);
    const int row = m_window->mailboxModel()->rowOfMailbox(storedMailbox(u"dora@corp.test"_s).id);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->mailboxModel()->status(row).mailbox.enabled, 10000);
}

void TestConsoleTroubleshooting::alertsTabAcknowledges()
{
    AlertsPane *pane = m_window->alertsPane();
    QTRY_VERIFY_WITH_TIMEOUT(!pane->alerts().isEmpty(), 10000);
    const auto bobs = std::find_if(pane->alerts().cbegin(), pane->alerts().cend(),
                                   [](const Alert &alert) { return alert.mailboxAddress == u"bob@corp.test"_s; });
    QVERIFY(bobs != pane->alerts().cend());
    const qint64 id = bobs->id;
    QCOMPARE(bobs->hintId, u"auth-failed"_s);
    QVERIFY(pane->openCount() >= 1);
    auto *tabs = m_window->findChild<QTabWidget *>(u"tabs"_s);
    QVERIFY(tabs);
    QVERIFY2(tabs->tabText(tabs->indexOf(pane)).contains(u"(%1)"_s.arg(pane->openCount())),
             qPrintable(tabs->tabText(tabs->indexOf(pane))));

    QVERIFY(pane->selectAlert(id));
    QVERIFY2(pane->hintView()->toPlainText().contains(u"password"_s), qPrintable(pane->hintView()->toPlainText()));
    QVERIFY(pane->acknowledgeButton()->isEnabled());
    QTest::mouseClick(pane->acknowledgeButton(), Qt::LeftButton);
    auto acknowledged = [this, id] {
        auto store = Store::open(m_store);
        if (!store) {
            return false;
        }
        auto alert = DiagnosticsStore(**store).alert(id);
        return alert && alert->has_value() && (*alert)->acknowledgedAt.isValid();
    };
    QTRY_VERIFY_WITH_TIMEOUT(acknowledged(), 10000);
    // The pane follows the store: the alert stays listed, acknowledged, and cannot be acknowledged twice.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const Alert &alert : pane->alerts()) {
                if (alert.id == id) {
                    return alert.acknowledgedAt.isValid();
                }
            }
            return false;
        }(),
        10000);
    QVERIFY(pane->selectAlert(id));
    QVERIFY(!pane->acknowledgeButton()->isEnabled());
}

void TestConsoleTroubleshooting::itemFailuresTabRetries()
{
    ItemFailuresPane *pane = m_window->itemFailuresPane();
    QTRY_VERIFY_WITH_TIMEOUT(!pane->failures().isEmpty(), 10000);
    QCOMPARE(pane->failures().constFirst().mailboxAddress, u"alice@corp.test"_s);
    QCOMPARE(pane->failures().constFirst().hintId, u"message-parse"_s);
    QVERIFY(pane->table()->rowCount() >= 1);
    bool saysWhy = false;
    for (int column = 0; column < pane->table()->columnCount(); ++column) {
        const QTableWidgetItem *item = pane->table()->item(0, column);
        saysWhy = saysWhy || (item && item->text().contains(u"empty message"_s));
    }
    QVERIFY(saysWhy);

    m_window->selectMailbox(u"alice@corp.test"_s);
    QVERIFY(pane->retryButton()->isEnabled());
    QSignalSpy retry(pane, &ItemFailuresPane::retryRequested);
    QTest::mouseClick(pane->retryButton(), Qt::LeftButton);
    QCOMPARE(retry.count(), 1);
    auto state = [this] {
        auto store = Store::open(m_store);
        if (!store) {
            return QString();
        }
        auto failures = DiagnosticsStore(**store).itemFailures();
        return failures && !failures->isEmpty() ? failures->constFirst().state : QString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(state(), u"retry"_s, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(pane->failures().constFirst().state, u"retry"_s, 10000);
}

void TestConsoleTroubleshooting::verboseLogSwitchReachesTheStore()
{
    QVERIFY(!storedMailbox(u"alice@corp.test"_s).verboseLog);
    m_window->selectMailbox(u"alice@corp.test"_s);
    QAction *verbose = m_window->action(u"verbose"_s);
    QVERIFY(verbose);
    QTRY_VERIFY(verbose->isEnabled());
    QVERIFY(!verbose->isChecked());
    // A snapshot read before the switch's write can arrive after the click. It must not undo the switch on
    // screen: a second click would then write "on" again instead of "off" (a race CI once met).
    const MailboxStatusList before = m_window->mailboxModel()->statuses();
    verbose->trigger();
    Q_EMIT m_backend->statusesChanged(before);
    QVERIFY(verbose->isChecked());
    QTRY_VERIFY_WITH_TIMEOUT(storedMailbox(u"alice@corp.test"_s).verboseLog, 10000);
    verbose->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!storedMailbox(u"alice@corp.test"_s).verboseLog, 10000);

    // A failed console write drops what was asked: the switch shows what the store's snapshots say. First the
    // snapshot read after the "off" is in (until then the console's model still says "on").
    MailboxTableModel *model = m_window->mailboxModel();
    const qint64 alice = m_window->selectedMailboxIds(false).constFirst();
    auto modelSaysVerbose = [model, alice] {
        const int row = model->rowOfMailbox(alice);
        return row >= 0 && model->status(row).mailbox.verboseLog;
    };
    QTRY_VERIFY_WITH_TIMEOUT(!modelSaysVerbose(), 10000);
    QVERIFY(!verbose->isChecked());
    verbose->trigger();
    Q_EMIT m_backend->statusesChanged(m_window->mailboxModel()->statuses());
    QVERIFY(verbose->isChecked());
    Q_EMIT m_backend->actionDone({}, u"the database is locked"_s);
    QVERIFY(!verbose->isChecked());
    QTRY_VERIFY_WITH_TIMEOUT(verbose->isChecked(), 10000); // the real write landed: its snapshot says so
    QVERIFY(storedMailbox(u"alice@corp.test"_s).verboseLog);
    const QList<QMessageBox *> boxes = m_window->findChildren<QMessageBox *>();
    QCOMPARE(boxes.size(), 1);
    QCOMPARE(boxes.constFirst()->text(), u"the database is locked"_s);
    delete boxes.constFirst();
}

void TestConsoleTroubleshooting::typeDora(MailboxDialog &dialog, const QString &password)
{
    dialog.show();
    dialog.addressEdit()->setText(u"dora@corp.test"_s);
    auto *username = dialog.findChild<QLineEdit *>(u"username"_s);
    QVERIFY(username);
    username->setText(u"dora"_s);
    dialog.passwordEdit()->setText(password);
}

void TestConsoleTroubleshooting::mailboxDialogTestsWhatIsTypedBeforeSaving()
{
    // Add mailbox…: what is typed (a new address, its password) is tested from inside the dialog, with the
    // same steps as Test connection, before anything is saved; a wrong password stops at login.
    MailboxDialog dialog(m_console.backend.get(), m_window->profiles(), std::nullopt, m_window.get());
    typeDora(dialog, u"not-doras"_s);
    if (QTest::currentTestFailed()) {
        return;
    }
    QPushButton *test = dialog.testButton();
    QVERIFY(test);
    QVERIFY(test->isEnabled());
    QTest::mouseClick(test, Qt::LeftButton);
    auto *tested = dialog.findChild<TestConnectionDialog *>();
    QVERIFY(tested);
    QSignalSpy finished(tested, &TestConnectionDialog::testFinished);
    QVERIFY(!tested->isRunning() || finished.wait(30000));
    QVERIFY(!tested->hasPassed());
    QCOMPARE(tested->report()->error->errorClass, ErrorClass::Auth);
    QCOMPARE(tested->report()->steps.constLast().id, u"login"_s);
    tested->close();
    QTRY_VERIFY(!dialog.findChild<TestConnectionDialog *>());

    dialog.passwordEdit()->setText(u"dora-pw"_s);
    QTest::mouseClick(test, Qt::LeftButton);
    tested = dialog.findChild<TestConnectionDialog *>();
    QVERIFY(tested);
    QSignalSpy passed(tested, &TestConnectionDialog::testFinished);
    QVERIFY(!tested->isRunning() || passed.wait(30000));
    QVERIFY2(tested->hasPassed(), qPrintable(tested->summaryLabel()->text()));
    tested->close();
    // Nothing was saved by testing: the store still has the mailboxes it had.
    QCOMPARE(m_window->mailboxModel()->rowCount(), 3);
    // An address left empty is said under its field, and nothing is tested.
    dialog.addressEdit()->clear();
    QTest::mouseClick(test, Qt::LeftButton);
    QTRY_VERIFY(!dialog.findChild<TestConnectionDialog *>());
    QLabel *issue = dialog.issueLabelFor(dialog.addressEdit());
    QVERIFY(issue);
    QVERIFY(!issue->text().isEmpty());
}

void TestConsoleTroubleshooting::profileDialogTestsTheServersWithoutLoggingIn()
{
    // Add server profile…: the servers as typed are tested up to their capabilities; a profile has no
    // mailbox, so nothing logs in and no password is asked for. A closed port stops at connect.
    ProfileDialog dialog(m_console.backend.get(), std::nullopt, m_window.get());
    dialog.show();
    dialog.nameEdit()->setText(u"Typed profile"_s);
    dialog.hostEdit()->setText(m_dovecot.host());
    dialog.portSpin()->setValue(m_dovecot.imapsPort());
    dialog.securityCombo()->setCurrentIndex(dialog.securityCombo()->findData(u"tls"_s));
    auto *ca = dialog.findChild<QLineEdit *>(u"caFile"_s);
    QVERIFY(ca);
    ca->setText(m_dovecot.caFile());
    QPushButton *test = dialog.testButton();
    QVERIFY(test);
    QTest::mouseClick(test, Qt::LeftButton);
    auto *tested = dialog.findChild<TestConnectionDialog *>();
    QVERIFY(tested);
    QSignalSpy finished(tested, &TestConnectionDialog::testFinished);
    QVERIFY(!tested->isRunning() || finished.wait(30000));
    QVERIFY2(tested->hasPassed(), qPrintable(tested->summaryLabel()->text()));
    QStringList steps;
    for (const ConnectionStep &step : tested->report()->steps) {
        steps.append(step.id);
    }
    QCOMPARE(steps, (QStringList{u"dns"_s, u"connect"_s, u"tls"_s, u"capabilities"_s}));
    tested->close();
    QTRY_VERIFY(!dialog.findChild<TestConnectionDialog *>());

    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 closed = probe.serverPort();
    probe.close(); // nothing listens there now
    dialog.portSpin()->setValue(closed);
    QTest::mouseClick(test, Qt::LeftButton);
    tested = dialog.findChild<TestConnectionDialog *>();
    QVERIFY(tested);
    QSignalSpy refused(tested, &TestConnectionDialog::testFinished);
    QVERIFY(!tested->isRunning() || refused.wait(30000));
    QVERIFY(!tested->hasPassed());
    QCOMPARE(tested->report()->steps.constLast().id, u"connect"_s);
    QCOMPARE(tested->report()->error->errorClass, ErrorClass::Network);
    tested->close();
}

void TestConsoleTroubleshooting::mailboxDialogChoosesFoldersFromTheServersList()
{
    // "Choose…" next to Folders lists the server's folders with what is typed, in the background, and
    // the checked ones go back into the field; a wrong password says where it failed and offers nothing.
    MailboxDialog dialog(m_console.backend.get(), m_window->profiles(), std::nullopt, m_window.get());
    typeDora(dialog, u"not-doras"_s);
    if (QTest::currentTestFailed()) {
        return;
    }
    QPushButton *choose = dialog.chooseFoldersButton();
    QVERIFY(choose);
    QVERIFY(!choose->accessibleName().isEmpty() || !choose->text().isEmpty());
    QTest::mouseClick(choose, Qt::LeftButton);
    auto *picker = dialog.findChild<FolderPickerDialog *>();
    QVERIFY(picker);
    QVERIFY(QTest::qWaitFor([picker] { return !picker->isListing(); }, 30000));
    QCOMPARE(picker->property("outcome").toString(), u"failed"_s);
    QVERIFY2(picker->summaryLabel()->text().contains(u"Failed at"_s), qPrintable(picker->summaryLabel()->text()));
    QVERIFY(!picker->buttonBox()->button(QDialogButtonBox::Ok)->isEnabled());
    QCOMPARE(picker->folderTree()->topLevelItemCount(), 0);
    picker->reject();
    QTRY_VERIFY(!dialog.findChild<FolderPickerDialog *>());

    dialog.passwordEdit()->setText(u"dora-pw"_s);
    dialog.foldersEdit()->setText(u"inbox, Gone"_s);
    QTest::mouseClick(choose, Qt::LeftButton);
    picker = dialog.findChild<FolderPickerDialog *>();
    QVERIFY(picker);
    QVERIFY(QTest::qWaitFor([picker] { return !picker->isListing(); }, 30000));
    QCOMPARE(picker->property("outcome").toString(), u"listed"_s);
    QVERIFY(picker->buttonBox()->button(QDialogButtonBox::Ok)->isEnabled());
    QTreeWidget *tree = picker->folderTree();
    auto find = [tree](const QString &folder) -> QTreeWidgetItem * {
        for (QTreeWidgetItemIterator it(tree); *it; ++it) {
            if ((*it)->data(0, Qt::UserRole).toString() == folder) {
                return *it;
            }
        }
        return nullptr;
    };
    QTreeWidgetItem *inbox = find(u"INBOX"_s);
    QTreeWidgetItem *gone = find(u"Gone"_s);
    QTreeWidgetItem *kunden = find(u"Kunden"_s);
    QTreeWidgetItem *mueller = find(u"Kunden/Müller"_s);
    QTreeWidgetItem *sent = find(u"Sent"_s);
    QTreeWidgetItem *year = find(u"Archiv/2025"_s);
    for (QTreeWidgetItem *item : {inbox, gone, kunden, mueller, sent, year}) {
        QVERIFY(item);
    }
    // What the field said comes checked (INBOX in any case); a folder the server does not list stays, marked.
    QCOMPARE(inbox->checkState(0), Qt::Checked);
    QCOMPARE(gone->checkState(0), Qt::Checked);
    QVERIFY2(gone->text(0).contains(u"not on the server"_s), qPrintable(gone->text(0)));
    QCOMPARE(kunden->checkState(0), Qt::Unchecked);
    // The hierarchy: Müller under Kunden, shown by its own name; Sent says what it is for.
    QCOMPARE(mueller->parent(), kunden);
    QCOMPARE(mueller->text(0), u"Müller"_s);
    QVERIFY(year->parent());
    QCOMPARE(sent->text(1), u"Sent mail"_s);

    // The filter shows matches with their parents.
    picker->filterEdit()->setText(u"müll"_s);
    QVERIFY(!mueller->isHidden());
    QVERIFY(!kunden->isHidden());
    QVERIFY(sent->isHidden());
    picker->filterEdit()->clear();
    QVERIFY(!sent->isHidden());

    mueller->setCheckState(0, Qt::Checked);
    gone->setCheckState(0, Qt::Unchecked);
    QCOMPARE(picker->chosenFolders(), (QStringList{u"INBOX"_s, u"Kunden/Müller"_s}));
    picker->buttonBox()->button(QDialogButtonBox::Ok)->click();
    QCOMPARE(dialog.foldersEdit()->text(), u"INBOX, Kunden/Müller"_s);
    QTRY_VERIFY(!dialog.findChild<FolderPickerDialog *>());

    // Cancelled while listing: the dialog closes at once and the field is left alone.
    QTest::mouseClick(choose, Qt::LeftButton);
    picker = dialog.findChild<FolderPickerDialog *>();
    QVERIFY(picker);
    picker->reject();
    QTRY_VERIFY(!dialog.findChild<FolderPickerDialog *>());
    QCOMPARE(dialog.foldersEdit()->text(), u"INBOX, Kunden/Müller"_s);
}

void TestConsoleTroubleshooting::auditAndRepairFetchesWhatIsMissing()
{
    // A mailbox of its own, synced, then one of its activities deleted by hand: Audit & repair in its
    // details (an engine runs in this console) finds it missing, fetches it again and audits once more.
    QVERIFY(m_console.stop());
    const QDateTime base(QDate(2026, 11, 5), QTime(9, 0), Qt::UTC);
    for (int i = 0; i < 3; ++i) {
        QVERIFY(m_dovecot.deliver(u"ivy"_s, u"INBOX"_s,
                                  MailFactory::build(MailFactory::realistic(u"ivy@corp.test"_s, i, base))));
    }
    const StoreConfig store = StoreConfig::sqlite(m_dir.filePath(u"repair.db"_s));
    TestConfig config(m_dir.filePath(u"repair-cfg"_s));
    config.addProfile(u"Corp IMAP"_s, m_dovecot, u"starttls"_s);
    config.addMailbox(u"ivy@corp.test"_s, u"Corp IMAP"_s, u"ivy"_s, u"ivy-pw"_s);
    const QString imported = SyncHelper::importConfig(store, config.write());
    QVERIFY2(imported.isEmpty(), qPrintable(imported));
    QCOMPARE(SyncHelper::syncOnce(store, {u"ivy@corp.test"_s}).size(), 1);
    auto opened = Store::open(store);
    QVERIFY(opened);
    Store &db = **opened;
    const qint64 ivy = (*db.mailboxByAddress(u"ivy@corp.test"_s))->id;
    QSqlDatabase sql = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"repair-test"_s);
    sql.setDatabaseName(m_dir.filePath(u"repair.db"_s));
    QVERIFY(sql.open());
    auto activities = [&sql, ivy] {
        QSqlQuery query(sql);
        query.prepare(u"SELECT COUNT(*) FROM activities WHERE mailbox_id = ?"_s);
        query.addBindValue(ivy);
        return query.exec() && query.next() ? query.value(0).toInt() : -1;
    };
    QCOMPARE(activities(), 3);
    QSqlQuery remove(sql);
    remove.prepare(u"DELETE FROM activities WHERE id = (SELECT MAX(id) FROM activities WHERE mailbox_id = ?)"_s);
    remove.addBindValue(ivy);
    QVERIFY(remove.exec());
    QCOMPARE(activities(), 2);

    m_console.start(store, true);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->mailboxModel()->rowCount() == 1, 10000);
    m_window->selectMailbox(u"ivy@corp.test"_s);
    MailboxDetailsPane *details = m_window->detailsPane();
    QTRY_VERIFY_WITH_TIMEOUT(details->mailboxId() == ivy, 10000);
    QPushButton *repair = details->repairButton();
    QVERIFY(repair);
    QTRY_VERIFY_WITH_TIMEOUT(repair->isEnabled(), 10000);
    QTest::mouseClick(repair, Qt::LeftButton);
    // Fetched again, and the second audit says nothing is missing.
    QTRY_VERIFY_WITH_TIMEOUT(activities() == 3, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(db.mailboxState(ivy)->lastAuditMissing == 0, 30000);
    QVERIFY(db.mailboxState(ivy)->lastAuditAt.isValid());
    auto failures = DiagnosticsStore(db).itemFailures(ivy);
    QVERIFY(failures);
    QVERIFY(failures->isEmpty());

    // A console that only monitors cannot: the button says where it can be done.
    QVERIFY(m_console.stop());
    m_console.start(store, false);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->mailboxModel()->rowCount() == 1, 10000);
    m_window->selectMailbox(u"ivy@corp.test"_s);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->detailsPane()->mailboxId() == ivy, 10000);
    QVERIFY(!m_window->detailsPane()->repairButton()->isEnabled());
    QVERIFY(m_window->detailsPane()->repairButton()->toolTip().contains(u"verify --repair"_s));
    remove = QSqlQuery();
    sql.close();
    sql = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"repair-test"_s);
}

QTEST_MAIN(TestConsoleTroubleshooting)
#include "tst_consoletroubleshooting.moc"

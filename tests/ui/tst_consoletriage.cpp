// Triage in the console, offscreen, on a real database: an alert opens its mailbox (or an incident the list of
// its mailboxes), the context menus offer what fits, the window's actions apply to the selection of the tab
// that shows and never to a row selected on another tab, and item failures are retried by selection with an
// "All mailboxes / Selected mailbox" switch whose count is the tab's.

#include "consoleharness.h"
#include "mainwindow.h"
#include "models/mailboxfilterproxy.h"
#include "models/mailboxtablemodel.h"
#include "store/diagnosticsstore.h"
#include "store/store.h"
#include "synchelper.h"
#include "views/alertspane.h"
#include "views/itemfailurespane.h"
#include "views/mailboxdetailspane.h"

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>

using namespace SyncDesk;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

class TestConsoleTriage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void enterOnAnAlertOpensItsMailbox();
    void anIncidentOpensTheListOfItsMailboxes();
    void openingAFilteredOutMailboxSaysFiltersWereCleared();
    void actionsApplyToTheFocusedTabsSelection();
    void contextMenusOfferWhatFits();
    void failuresSwitchCountsWhatItShows();
    void retryWorksOnASelection();
    void hintsNameTheConsolesButtons();

private:
    void seed();
    qint64 id(const QString &address) const { return SyncHelper::mailboxId(m_store, address); }
    QString failureState(qint64 failureId) const;
    bool enabledInStore(const QString &address) const;
    QTabWidget *tabs() const { return m_window->findChild<QTabWidget *>(u"tabs"_s); }

    QTemporaryDir m_dir;
    StoreConfig m_store;
    qint64 m_disabledAlert = 0;
    qint64 m_incident = 0;
    QList<qint64> m_failures; // failing@ twice, ok@ once
    ConsoleHarness m_console;
    std::unique_ptr<MainWindow> &m_window = m_console.window;
    std::unique_ptr<ConsoleBackend> &m_backend = m_console.backend;
};

void TestConsoleTriage::initTestCase()
{
    useTestSettings(u"tst_consoletriage"_s);
    QVERIFY(m_dir.isValid());
}

void TestConsoleTriage::seed()
{
    // A store of its own for each case: actions change it.
    m_store = StoreConfig::sqlite(m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()) + u".db"_s));
    m_failures.clear();
    QVERIFY(writeSecretFile(m_dir.filePath(u"pw"_s)));
    QFile config(m_dir.filePath(u"config.json"_s));
    QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
    config.write(R"({
      "server_profiles": [
        {"name": "Main", "incoming": {"protocol": "imap", "host": "imap.example.test", "security": "tls"}},
        {"name": "Down", "incoming": {"protocol": "imap", "host": "down.example.test", "security": "tls"}}
      ],
      "mailboxes": [
        {"address": "ok@example.test", "profile": "Main", "password_file": "pw"},
        {"address": "failing@example.test", "profile": "Main", "password_file": "pw"},
        {"address": "off@example.test", "profile": "Main", "password_file": "pw", "enabled": false},
        {"address": "down1@example.test", "profile": "Down", "password_file": "pw", "enabled": false},
        {"address": "down2@example.test", "profile": "Down", "password_file": "pw", "enabled": false}
      ]
    })");
    config.close();
    const QString imported = SyncHelper::importConfig(m_store, config.fileName());
    QVERIFY2(imported.isEmpty(), qPrintable(imported));

    auto store = Store::open(m_store);
    QVERIFY(store);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Alert disabled;
    disabled.causeKey = u"mailbox-disabled:%1"_s.arg(id(u"off@example.test"_s));
    disabled.kind = u"mailbox-disabled"_s;
    disabled.severity = u"error"_s;
    disabled.mailboxId = id(u"off@example.test"_s);
    disabled.hintId = u"auth-failed"_s;
    disabled.message = u"off@example.test was disabled after 10 failures"_s;
    disabled.raisedAt = disabled.updatedAt = now.addSecs(-60);
    auto raised = (*store)->raiseAlert(disabled);
    QVERIFY(raised);
    m_disabledAlert = *raised;
    Alert outage;
    outage.causeKey = u"profile-outage:Down"_s;
    outage.kind = u"profile-outage"_s;
    outage.severity = u"error"_s;
    outage.hintId = u"profile-outage"_s;
    outage.message = u"most mailboxes of server profile Down fail"_s;
    outage.raisedAt = outage.updatedAt = now.addSecs(-30);
    auto mailboxes = (*store)->mailboxes();
    QVERIFY(mailboxes);
    for (const Mailbox &mailbox : *mailboxes) {
        if (mailbox.address == u"down1@example.test"_s) {
            outage.profileId = mailbox.profileId;
        }
    }
    auto incident = (*store)->raiseAlert(outage);
    QVERIFY(incident);
    m_incident = *incident;
    DiagnosticsStore diagnostics(**store);
    for (const QString &address : {u"down1@example.test"_s, u"down2@example.test"_s}) {
        QVERIFY(diagnostics.addIncidentMember(m_incident, id(address), u"timeout"_s, u"timeout"_s, now));
    }
    int uid = 100;
    for (const QString &address : {u"failing@example.test"_s, u"failing@example.test"_s, u"ok@example.test"_s}) {
        ItemFailure failure;
        failure.mailboxId = id(address);
        failure.folder = u"INBOX"_s;
        failure.uidValidity = 1;
        failure.uid = quint32(uid++);
        failure.subject = u"Invoice %1"_s.arg(uid);
        failure.sender = u"Billing <billing@supplier.example>"_s;
        failure.messageDate = QDateTime(QDate(2026, 11, 30), QTime(8, 15), Qt::UTC);
        failure.size = 2048;
        failure.reason = u"empty message"_s;
        failure.hintId = u"message-parse"_s;
        failure.firstFailedAt = failure.lastFailedAt = now;
        QVERIFY(diagnostics.recordItemFailure(failure));
    }
    auto failures = diagnostics.itemFailures();
    QVERIFY(failures);
    QCOMPARE(failures->size(), 3);
    for (const ItemFailure &failure : *failures) {
        m_failures.append(failure.id);
    }
}

void TestConsoleTriage::init()
{
    seed();
    if (QTest::currentTestFailed()) {
        return;
    }
    m_console.start(m_store);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->mailboxModel()->rowCount() == 5, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->alertsPane()->alerts().size() >= 2, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->itemFailuresPane()->failures().size() == 3, 10000);
}

void TestConsoleTriage::cleanup()
{
    QVERIFY(m_console.stop());
}

QString TestConsoleTriage::failureState(qint64 failureId) const
{
    auto store = Store::open(m_store);
    if (!store) {
        return {};
    }
    auto failures = DiagnosticsStore(**store).itemFailures();
    if (!failures) {
        return {};
    }
    for (const ItemFailure &failure : *failures) {
        if (failure.id == failureId) {
            return failure.state;
        }
    }
    return {};
}

bool TestConsoleTriage::enabledInStore(const QString &address) const
{
    auto store = Store::open(m_store);
    if (!store) {
        return false;
    }
    auto mailbox = (*store)->mailboxByAddress(address);
    return mailbox && mailbox->has_value() && (*mailbox)->enabled;
}

void TestConsoleTriage::enterOnAnAlertOpensItsMailbox()
{
    m_window->showTab(u"alerts"_s);
    AlertsPane *alerts = m_window->alertsPane();
    QVERIFY(alerts->selectAlert(m_disabledAlert));
    alerts->tree()->setFocus();
    QTest::keyClick(alerts->tree(), Qt::Key_Return);
    QCOMPARE(tabs()->currentIndex(), 0);
    QCOMPARE(m_window->selectedMailboxIds(false), QList<qint64>{id(u"off@example.test"_s)});
    QTRY_COMPARE_WITH_TIMEOUT(m_window->detailsPane()->mailboxId(), id(u"off@example.test"_s), 5000);
}

void TestConsoleTriage::anIncidentOpensTheListOfItsMailboxes()
{
    m_window->showTab(u"alerts"_s);
    AlertsPane *alerts = m_window->alertsPane();
    QVERIFY(alerts->selectAlert(m_incident));
    const QModelIndex index = alerts->tree()->currentIndex();
    QVERIFY(index.isValid());
    // Double-click: the table shows the incident's two mailboxes, and says why.
    // A double click as a user makes it: press and release, then the second press that makes it double.
    const QPoint at = alerts->tree()->visualRect(index).center();
    QTest::mouseClick(alerts->tree()->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseDClick(alerts->tree()->viewport(), Qt::LeftButton, {}, at);
    QCOMPARE(tabs()->currentIndex(), 0);
    QCOMPARE(m_window->mailboxProxy()->rowCount(), 2);
    auto *bar = m_window->findChild<QWidget *>(u"mailboxSetBar"_s);
    QVERIFY(bar && bar->isVisible());
    QVERIFY2(m_window->findChild<QLabel *>(u"mailboxSetLabel"_s)->text().contains(u"profile Down"_s),
             qPrintable(m_window->findChild<QLabel *>(u"mailboxSetLabel"_s)->text()));
    QTest::mouseClick(m_window->findChild<QPushButton *>(u"showAllMailboxes"_s), Qt::LeftButton);
    QCOMPARE(m_window->mailboxProxy()->rowCount(), 5);
    QVERIFY(!bar->isVisible());
}

void TestConsoleTriage::openingAFilteredOutMailboxSaysFiltersWereCleared()
{
    m_window->setQuickFilter(MailboxFilterProxy::QuickFilter::Failing);
    QVERIFY(m_window->mailboxProxy()->rowCount() < 5);
    m_window->openMailbox(id(u"off@example.test"_s));
    QCOMPARE(m_window->mailboxProxy()->rowCount(), 5);
    QCOMPARE(m_window->selectedMailboxIds(false), QList<qint64>{id(u"off@example.test"_s)});
}

void TestConsoleTriage::actionsApplyToTheFocusedTabsSelection()
{
    // ok@ selected in the table; then the alert of off@ on the Alerts tab: Enable enables off@, not ok@.
    m_window->selectMailbox(u"ok@example.test"_s);
    QCOMPARE(m_window->selectedMailboxIds(false), QList<qint64>{id(u"ok@example.test"_s)});
    m_window->showTab(u"alerts"_s);
    QVERIFY(m_window->alertsPane()->selectAlert(m_disabledAlert));
    QCOMPARE(m_window->selectedMailboxIds(false), QList<qint64>{id(u"off@example.test"_s)});
    QVERIFY(m_window->enableAction()->isEnabled());
    QVERIFY(!m_window->disableAction()->isEnabled()); // off@ is disabled: nothing to disable
    m_window->enableAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(enabledInStore(u"off@example.test"_s), 10000);
    QVERIFY(enabledInStore(u"ok@example.test"_s));
    // The incident stands for its mailboxes.
    QVERIFY(m_window->alertsPane()->selectAlert(m_incident));
    QList<qint64> members = m_window->selectedMailboxIds(false);
    std::sort(members.begin(), members.end());
    QList<qint64> expected{id(u"down1@example.test"_s), id(u"down2@example.test"_s)};
    std::sort(expected.begin(), expected.end());
    QCOMPARE(members, expected);
    // A tab without mailbox rows: nothing is selected, the mailbox actions are off.
    m_window->showTab(u"overview"_s);
    QVERIFY(m_window->selectedMailboxIds(false).isEmpty());
    QVERIFY(!m_window->resyncAction()->isEnabled());
    QVERIFY(!m_window->disableAction()->isEnabled());
    QVERIFY(!m_window->action(u"testConnection"_s)->isEnabled());
    // Back in the table, its own selection again.
    m_window->showTab(u"mailboxes"_s);
    QCOMPARE(m_window->selectedMailboxIds(false), QList<qint64>{id(u"ok@example.test"_s)});
}

void TestConsoleTriage::contextMenusOfferWhatFits()
{
    auto names = [](QWidget *widget) {
        QStringList list;
        for (QAction *action : widget->actions()) {
            if (!action->isSeparator()) {
                list.append(action->objectName());
            }
        }
        return list;
    };
    const QStringList table = names(m_window->mailboxView());
    for (const QString &name :
         {u"resyncAction"_s, u"enableAction"_s, u"disableAction"_s, u"testAndEnableAction"_s, u"mailboxLogAction"_s}) {
        QVERIFY2(table.contains(name), qPrintable(name));
    }
    QCOMPARE(m_window->mailboxView()->contextMenuPolicy(), Qt::ActionsContextMenu);
    const QStringList alerts = names(m_window->alertsPane()->tree());
    for (const QString &name : {u"openMailboxAction"_s, u"acknowledgeAction"_s, u"testAndEnableAction"_s,
                                u"enableAction"_s, u"disableAction"_s, u"resyncAction"_s, u"mailboxLogAction"_s}) {
        QVERIFY2(alerts.contains(name), qPrintable(name));
    }
    QCOMPARE(m_window->alertsPane()->tree()->contextMenuPolicy(), Qt::ActionsContextMenu);
    const QStringList failures = names(m_window->itemFailuresPane()->table());
    for (const QString &name : {u"openMailboxAction"_s, u"retryFailuresAction"_s, u"mailboxLogAction"_s}) {
        QVERIFY2(failures.contains(name), qPrintable(name));
    }
    QCOMPARE(m_window->itemFailuresPane()->table()->contextMenuPolicy(), Qt::ActionsContextMenu);

    // "Show log of mailbox" from the alert list filters the log to the alert's mailbox.
    m_window->showTab(u"alerts"_s);
    QVERIFY(m_window->alertsPane()->selectAlert(m_disabledAlert));
    QAction *log = m_window->action(u"mailboxLog"_s);
    QVERIFY(log->isEnabled());
    log->trigger();
    QTRY_VERIFY(m_window->statusBar()->currentMessage().contains(u"off@example.test"_s));
    // "Acknowledge" acknowledges the selected alert.
    QAction *acknowledge = m_window->action(u"acknowledge"_s);
    QVERIFY(acknowledge->isEnabled());
    acknowledge->trigger();
    auto acknowledged = [this] {
        auto store = Store::open(m_store);
        if (!store) {
            return false;
        }
        auto alert = DiagnosticsStore(**store).alert(m_disabledAlert);
        return alert && alert->has_value() && (*alert)->acknowledgedAt.isValid();
    };
    QTRY_VERIFY_WITH_TIMEOUT(acknowledged(), 10000);
}

void TestConsoleTriage::failuresSwitchCountsWhatItShows()
{
    ItemFailuresPane *pane = m_window->itemFailuresPane();
    QVERIFY(pane->allMailboxesButton()->isVisible() || !pane->isVisible());
    const int tab = tabs()->indexOf(pane);
    pane->setShowSelectedOnly(false);
    QCOMPARE(pane->table()->rowCount(), 3);
    QVERIFY2(tabs()->tabText(tab).contains(u"(3)"_s), qPrintable(tabs()->tabText(tab)));
    m_window->selectMailbox(u"failing@example.test"_s);
    m_window->showTab(u"failures"_s);
    QVERIFY(pane->allMailboxesButton()->isVisible());
    QVERIFY(pane->selectedMailboxButton()->isVisible());
    QTest::mouseClick(pane->selectedMailboxButton(), Qt::LeftButton);
    QVERIFY(pane->showsSelectedOnly());
    QCOMPARE(pane->table()->rowCount(), 2);
    QVERIFY2(tabs()->tabText(tab).contains(u"(2)"_s), qPrintable(tabs()->tabText(tab)));
    QVERIFY(pane->selectedMailboxButton()->text().contains(u"failing@example.test"_s));
    QTest::mouseClick(pane->allMailboxesButton(), Qt::LeftButton);
    QCOMPARE(pane->table()->rowCount(), 3);
    QVERIFY2(tabs()->tabText(tab).contains(u"(3)"_s), qPrintable(tabs()->tabText(tab)));
    // Mailbox, folder, subject, sender, date, size and reason are shown, each in its column.
    QStringList headers;
    for (int column = 0; column < pane->table()->columnCount(); ++column) {
        headers.append(pane->table()->horizontalHeaderItem(column)->text());
    }
    for (const QString &expected :
         {u"Mailbox"_s, u"Folder"_s, u"Subject"_s, u"Sender"_s, u"Date"_s, u"Size"_s, u"Why"_s}) {
        QVERIFY2(headers.contains(expected), qPrintable(headers.join(u", "_s)));
    }
    const auto cell = [&](int row, const QString &header) {
        return pane->table()->item(row, int(headers.indexOf(header)))->text();
    };
    QVERIFY(cell(0, u"Subject"_s).startsWith(u"Invoice"_s));
    QCOMPARE(cell(0, u"Sender"_s), u"Billing <billing@supplier.example>"_s);
    QCOMPARE(cell(0, u"Date"_s), QLocale().toString(QDateTime(QDate(2026, 11, 30), QTime(8, 15), Qt::UTC).toLocalTime(),
                                                    QLocale::ShortFormat));
    QCOMPARE(cell(0, u"Size"_s), QLocale().formattedDataSize(2048));
}

void TestConsoleTriage::retryWorksOnASelection()
{
    ItemFailuresPane *pane = m_window->itemFailuresPane();
    pane->setShowSelectedOnly(false);
    m_window->showTab(u"failures"_s);
    QCOMPARE(pane->table()->rowCount(), 3);
    // Select two of the three rows: Retry marks those two only.
    pane->table()->selectRow(0);
    pane->table()->selectionModel()->select(pane->table()->model()->index(2, 0),
                                            QItemSelectionModel::Select | QItemSelectionModel::Rows);
    const QList<qint64> chosen = pane->selectedFailureIds();
    QCOMPARE(chosen.size(), 2);
    QVERIFY(pane->retryButton()->text().contains(u"2 selected"_s));
    QAction *retry = m_window->action(u"retryFailures"_s);
    QVERIFY(retry->isEnabled());
    retry->trigger();
    for (qint64 failure : chosen) {
        QTRY_COMPARE_WITH_TIMEOUT(failureState(failure), u"retry"_s, 10000);
    }
    for (qint64 failure : std::as_const(m_failures)) {
        if (!chosen.contains(failure)) {
            QCOMPARE(failureState(failure), u"failed"_s);
        }
    }
}

void TestConsoleTriage::hintsNameTheConsolesButtons()
{
    m_window->showTab(u"alerts"_s);
    QVERIFY(m_window->alertsPane()->selectAlert(m_disabledAlert)); // hint auth-failed
    const QString text = m_window->alertsPane()->hintView()->toPlainText();
    QVERIFY2(text.contains(u"Edit mailbox"_s) && text.contains(u"Test & Enable"_s), qPrintable(text));
    QVERIFY2(!text.contains(u"syncdesk-node"_s), qPrintable(text));
}

QTEST_MAIN(TestConsoleTriage)
#include "tst_consoletriage.moc"

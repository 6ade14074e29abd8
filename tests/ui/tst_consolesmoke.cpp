// The console, offscreen, on a real database and a real Dovecot: the table shows the mailboxes and
// Resync syncs the selected one.

#include "consolebackend.h"
#include "dovecotserver.h"
#include "hostileimapserver.h"
#include "log/logrecordmodel.h"
#include "mailfactory.h"
#include "mainwindow.h"
#include "models/mailboxtablemodel.h"
#include "scheduler/syncengine.h"
#include "store/store.h"
#include "synchelper.h"
#include "testconfig.h"
#include "views/mailboxdetailspane.h"
#include "views/overviewpane.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QElapsedTimer>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace SyncDesk;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

class TestConsoleSmoke : public QObject
{
    Q_OBJECT

Q_SIGNALS:
    // The scheduler's syncStarted, delivered to this thread (the engine runs in its own).
    void schedulerStartedSync(qint64 mailboxId);

private Q_SLOTS:
    void initTestCase();
    void tableShowsMailboxesAndResyncSyncs();
    void emptyDatabaseSaysWhatToDo();
    void closingMidSyncStopsWithinTwoSeconds();
    void watchesWhenEnginesRunOnTheStore();
    void overviewListsTheEnginesAndDetailsWhoRanEachSync();

private:
    int rowOf(const MailboxTableModel *model, const QString &address) const;

    DovecotServer m_dovecot;
    QTemporaryDir m_dir;
    StoreConfig m_store;
};

void TestConsoleSmoke::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // the remembered window layout goes to a test location
    if (!DovecotServer::isAvailable()) {
        QSKIP("dovecot is not installed: run scripts/test.sh, which installs it");
    }
    m_dovecot.setUser(u"alice"_s, u"pw-a"_s);
    m_dovecot.setUser(u"bob"_s, u"pw-b"_s);
    QString error;
    QVERIFY2(m_dovecot.start(&error), qPrintable(error));
    for (int i = 0; i < 3; ++i) {
        QVERIFY(m_dovecot.deliver(
            u"alice"_s, u"INBOX"_s,
            MailFactory::build(MailFactory::realistic(u"alice@ui.test"_s, i, QDateTime::currentDateTimeUtc()))));
    }
    m_store = StoreConfig::sqlite(m_dir.filePath(u"console.db"_s));
    TestConfig config(m_dir.filePath(u"cfg"_s));
    config.addProfile(u"UI test"_s, m_dovecot, u"tls"_s);
    config.addMailbox(u"alice@ui.test"_s, u"UI test"_s, u"alice"_s, u"pw-a"_s);
    config.addMailbox(u"bob@ui.test"_s, u"UI test"_s, u"bob"_s, u"pw-b"_s);
    const QString imported = SyncHelper::importConfig(m_store, config.write());
    QVERIFY2(imported.isEmpty(), qPrintable(imported));

    // Both mailboxes synced a minute ago and not due for an hour: only Resync can start a sync now.
    auto store = Store::open(m_store);
    QVERIFY(store);
    auto mailboxes = (*store)->mailboxes();
    QVERIFY(mailboxes);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const Mailbox &mailbox : *mailboxes) {
        MailboxState state;
        state.mailboxId = mailbox.id;
        state.lastSyncAt = state.lastSuccessAt = now.addSecs(-60);
        state.nextDueAt = now.addSecs(3600);
        QVERIFY((*store)->saveMailboxState(state));
    }
}

int TestConsoleSmoke::rowOf(const MailboxTableModel *model, const QString &address) const
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->status(row).mailbox.address == address) {
            return row;
        }
    }
    return -1;
}

void TestConsoleSmoke::tableShowsMailboxesAndResyncSyncs()
{
    MainWindow window;
    QAbstractItemModelTester mailboxTester(window.mailboxModel(),
                                           QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester logTester(window.logModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    ConsoleBackend::Options options;
    options.store = m_store;
    options.pollIntervalMs = 200;
    options.scheduler.pollIntervalMs = 200;
    ConsoleBackend backend(options);
    window.setBackend(&backend);
    backend.start();
    QVERIFY(backend.engine());
    connect(backend.engine(), &SyncEngine::syncStarted, this, &TestConsoleSmoke::schedulerStartedSync,
            Qt::QueuedConnection);
    QSignalSpy started(this, &TestConsoleSmoke::schedulerStartedSync);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    MailboxTableModel *model = window.mailboxModel();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, 10000);
    const int alice = rowOf(model, u"alice@ui.test"_s);
    QVERIFY(alice >= 0);
    QCOMPARE(model->index(alice, MailboxTableModel::State).data().toString(), u"OK"_s);
    QVERIFY(model->index(alice, MailboxTableModel::LastSuccess).data().toString().endsWith(u" s ago"_s));
    QVERIFY(model->index(alice, MailboxTableModel::NextSync).data().toString().startsWith(u"in "_s));
    QCOMPARE(model->status(alice).state.itemsLastSync, 0);

    // Select alice in the (sorted) view and press Resync.
    QTableView *view = window.mailboxView();
    QVERIFY(!window.resyncAction()->isEnabled());
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        if (view->model()->index(row, 0).data().toString() == u"alice@ui.test"_s) {
            view->selectRow(row);
        }
    }
    QVERIFY(window.resyncAction()->isEnabled());
    started.clear();
    window.resyncAction()->trigger();
    // The button reaches the scheduler: it starts a sync of alice, and of nobody else.
    QVERIFY(started.wait(10000));
    QCOMPARE(started.constFirst().constFirst().toLongLong(),
             model->status(rowOf(model, u"alice@ui.test"_s)).mailbox.id);

    QTRY_COMPARE_WITH_TIMEOUT(model->status(rowOf(model, u"alice@ui.test"_s)).state.itemsLastSync, 3, 20000);
    QCOMPARE(model->index(rowOf(model, u"alice@ui.test"_s), MailboxTableModel::LastSuccess).data().toString(),
             u"just now"_s);
    for (const QList<QVariant> &arguments : std::as_const(started)) {
        QCOMPARE(arguments.constFirst().toLongLong(), model->status(rowOf(model, u"alice@ui.test"_s)).mailbox.id);
    }
    // Bob was not selected: untouched.
    QCOMPARE(
        model->status(rowOf(model, u"bob@ui.test"_s)).state.lastSuccessAt.secsTo(QDateTime::currentDateTimeUtc()) >= 60,
        true);
    // The log pane shows the engine's record of it.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (int row = 0; row < window.logModel()->rowCount(); ++row) {
                const LogRecord &record = window.logModel()->record(row);
                if (record.mailbox == u"alice@ui.test"_s && record.message.startsWith(u"synced: 3 new"_s)) {
                    return true;
                }
            }
            return false;
        }(),
        10000);

    // Closing lets the engine stop cleanly.
    QSignalSpy shutDown(&backend, &ConsoleBackend::shutDown);
    QObject::connect(&window, &MainWindow::closeRequested, &backend, &ConsoleBackend::shutdown);
    window.close();
    QVERIFY(shutDown.wait(20000) || shutDown.count() == 1);
}

void TestConsoleSmoke::emptyDatabaseSaysWhatToDo()
{
    QTemporaryDir dir;
    MainWindow window;
    ConsoleBackend::Options options;
    options.store = StoreConfig::sqlite(dir.filePath(u"empty.db"_s));
    options.runEngine = false;
    options.pollIntervalMs = 200;
    ConsoleBackend backend(options);
    window.setBackend(&backend);
    backend.start();
    window.show();
    auto *placeholder = window.findChild<QLabel *>(u"placeholder"_s);
    QVERIFY(placeholder);
    QTRY_VERIFY_WITH_TIMEOUT(placeholder->text().contains(u"No mailboxes yet"_s), 10000);
    QVERIFY(placeholder->isVisible());
    QVERIFY(placeholder->text().contains(u"config import"_s));
}

void TestConsoleSmoke::watchesWhenEnginesRunOnTheStore()
{
    // The console runs an engine of its own only when none beats on the store (syncdesk's default).
    QTemporaryDir dir;
    const StoreConfig store = StoreConfig::sqlite(dir.filePath(u"shared.db"_s));
    QCOMPARE(ConsoleBackend::liveEngines(store), 0);
    auto opened = Store::open(store);
    QVERIFY(opened);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    NodeStatus node;
    node.nodeId = u"sync1:4127:3f9a2c"_s;
    node.host = u"sync1"_s;
    node.pid = 4127;
    node.startedAt = now.addSecs(-600);
    node.heartbeatAt = now;
    QVERIFY((*opened)->publishNode(node));
    QCOMPARE(ConsoleBackend::liveEngines(store), 1);
    node.nodeId = u"sync2:1:a07e11"_s;
    node.heartbeatAt = now.addSecs(-3600); // dead for an hour
    QVERIFY((*opened)->publishNode(node));
    node.nodeId = u"sync3:9:b1"_s;
    node.heartbeatAt = now;
    node.stopped = true; // said it stopped
    QVERIFY((*opened)->publishNode(node));
    QCOMPARE(ConsoleBackend::liveEngines(store), 1);
    // A store that cannot be opened counts none: the console's own engine then reports the problem.
    QCOMPARE(ConsoleBackend::liveEngines(StoreConfig::sqlite(dir.filePath(u"no/such/dir/x.db"_s))), 0);
}

void TestConsoleSmoke::overviewListsTheEnginesAndDetailsWhoRanEachSync()
{
    // Several nodes on one store: the overview lists each engine with its host, pid and state, including
    // one that died or stopped within the hour; a mailbox's runs say which engine ran each.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<NodeStatus> nodes;
    auto node = [&](const QString &id, const QString &host, qint64 pid, qint64 silentSeconds, bool stopped) {
        NodeStatus status;
        status.nodeId = id;
        status.host = host;
        status.pid = pid;
        status.heartbeatAt = now.addSecs(-silentSeconds);
        status.stopped = stopped;
        status.workersTotal = 4;
        status.version = u"0.1.0"_s;
        nodes.append(status);
    };
    node(u"sync1:4127:3f9a2c"_s, u"sync1"_s, 4127, 2, false);
    node(u"sync2:1:a07e11"_s, u"sync2"_s, 1, 600, false); // dead ten minutes ago
    node(u"sync3:9:b1"_s, u"sync3"_s, 9, 30, true);       // stopped
    node(u"sync4:7:c2"_s, u"sync4"_s, 7, 7200, false);    // gone for two hours: not listed
    OverviewPane overview;
    overview.setEngines(nodes, now);
    QTableWidget *engines = nullptr;
    for (QTableWidget *table : overview.findChildren<QTableWidget *>()) {
        if (table->accessibleName() == u"Engines"_s) {
            engines = table;
        }
    }
    QVERIFY(engines);
    QCOMPARE(engines->rowCount(), 3);
    QStringList states;
    for (int row = 0; row < engines->rowCount(); ++row) {
        states.append(engines->item(row, 0)->text() + u" " + engines->item(row, 1)->text() + u" " +
                      engines->item(row, 2)->text());
    }
    QVERIFY2(states.contains(u"sync1:4127:3f9a2c sync1 (pid 4127) alive"_s), qPrintable(states.join(u"; "_s)));
    QVERIFY2(states.contains(u"sync2:1:a07e11 sync2 (pid 1) dead (silent)"_s), qPrintable(states.join(u"; "_s)));
    QVERIFY2(states.contains(u"sync3:9:b1 sync3 (pid 9) stopped"_s), qPrintable(states.join(u"; "_s)));
    QVERIFY2(states.constFirst().endsWith(u"alive"_s), "the live engines come first");

    MailboxDetailsPane details;
    MailboxDetails shown;
    shown.status.mailbox.address = u"ana@contoso.test"_s;
    SyncRun run;
    run.startedAt = now.addSecs(-60);
    run.finishedAt = now.addSecs(-58);
    run.success = true;
    run.node = u"sync1:4127:3f9a2c"_s;
    run.leaseEpoch = 12;
    shown.runs = {run};
    details.setDetails(shown, now);
    QTableWidget *runs = nullptr;
    for (QTableWidget *table : details.findChildren<QTableWidget *>()) {
        if (table->accessibleName() == u"Recent runs"_s) {
            runs = table;
        }
    }
    QVERIFY(runs);
    QCOMPARE(runs->horizontalHeaderItem(4)->text(), u"Engine"_s);
    QCOMPARE(runs->item(0, 4)->text(), u"sync1:4127"_s);
    QVERIFY(runs->item(0, 4)->toolTip().contains(u"lease epoch 12"_s));
    QCOMPARE(runs->item(0, 5)->text(), u"OK"_s);
}

void TestConsoleSmoke::closingMidSyncStopsWithinTwoSeconds()
{
    // Closing the window while the engine downloads and decodes 32 MiB messages: the console is done
    // within 2 s, and no lease is left behind.
    HostileImapServer server({100, 100, 32LL * 1024 * 1024});
    QVERIFY(server.listen());
    QTemporaryDir dir;
    TestConfig config(dir.filePath(u"cfg"_s));
    config.addLoopbackProfile(u"Big"_s, server.port());
    config.addMailbox(u"big@ui.test"_s, u"Big"_s, u"big"_s, u"pw"_s);
    const StoreConfig store = StoreConfig::sqlite(dir.filePath(u"closing.db"_s));
    const QString imported = SyncHelper::importConfig(store, config.write());
    QVERIFY2(imported.isEmpty(), qPrintable(imported));

    MainWindow window;
    ConsoleBackend::Options options;
    options.store = store;
    options.pollIntervalMs = 200;
    options.scheduler.pollIntervalMs = 200;
    ConsoleBackend backend(options);
    window.setBackend(&backend);
    backend.start();
    window.show();
    QTRY_VERIFY_WITH_TIMEOUT(server.bodiesSent() >= 3, 30000);

    QSignalSpy shutDown(&backend, &ConsoleBackend::shutDown);
    QObject::connect(&window, &MainWindow::closeRequested, &backend, &ConsoleBackend::shutdown);
    QElapsedTimer timer;
    timer.start();
    window.close();
    QVERIFY(shutDown.wait(10000) || shutDown.count() == 1);
    const qint64 ms = timer.elapsed();
    qInfo("console done %lld ms after closing", ms);
    QVERIFY2(ms < 2000, qPrintable(QString::number(ms)));
    auto opened = Store::open(store);
    QVERIFY(opened);
    auto owners = (*opened)->leaseOwners();
    QVERIFY(owners && owners->isEmpty());
}

QTEST_MAIN(TestConsoleSmoke)
#include "tst_consolesmoke.moc"

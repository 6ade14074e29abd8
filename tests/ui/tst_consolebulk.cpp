// Bulk actions in the console, offscreen, on a real store (and a real Dovecot for Test & Enable): one
// confirmation for many mailboxes, a progress dialog, Cancel that stops between batches with what was done
// kept and the rest untouched, Move to profile, and Test & Enable that enables only the mailboxes that pass.

#include "bulkactions.h"
#include "consoleharness.h"
#include "dovecotserver.h"
#include "models/mailboxtablemodel.h"
#include "storefixtures.h"
#include "synchelper.h"
#include "testconfig.h"

#include <QAction>
#include <QInputDialog>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace SyncDesk;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

class TestConsoleBulk : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void disablingManyAsksOnceAndShowsProgress();
    void cancelStopsBetweenBatchesAndKeepsWhatWasDone();
    void oneMailboxNeedsNoConfirmation();
    void moveToProfile();
    void testAndEnableEnablesOnlyThoseThatPass();

private:
    QMessageBox *confirmation();
    int enabledCount();
    qint64 profileOf(const QString &address);

    QTemporaryDir m_dir;
    StoreConfig m_store;
    QList<qint64> m_ids;
    ConsoleHarness m_console;
    std::unique_ptr<MainWindow> &m_window = m_console.window;
};

void TestConsoleBulk::initTestCase()
{
    useTestSettings(u"tst_consolebulk"_s);
    QVERIFY(m_dir.isValid());
}

void TestConsoleBulk::init()
{
    m_store = StoreConfig::sqlite(m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()) + u".db"_s));
    auto store = Store::open(m_store);
    QVERIFY(store);
    m_ids = StoreFixtures::addCorpMailboxes(**store, 2000);
    QCOMPARE(m_ids.size(), 2000);
    ServerProfile other;
    other.name = u"other"_s;
    other.incoming.host = u"imap2.corp.test"_s;
    QVERIFY((*store)->upsertProfile(other));
    store->reset();
    m_console.start(m_store);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->mailboxModel()->rowCount() == 2000, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->profiles().size() == 2, 10000);
}

void TestConsoleBulk::cleanup()
{
    for (QMessageBox *box : m_window->findChildren<QMessageBox *>()) {
        box->close();
    }
    QVERIFY(m_console.stop());
}

QMessageBox *TestConsoleBulk::confirmation()
{
    // Waits for the confirmation (nullptr when none came: the caller's use of it fails the test).
    QMessageBox *found = nullptr;
    (void)QTest::qWaitFor([&] { return (found = m_window->findChild<QMessageBox *>(u"bulkConfirm"_s)) != nullptr; },
                          5000);
    return found;
}

int TestConsoleBulk::enabledCount()
{
    auto store = Store::open(m_store);
    auto mailboxes = store ? (*store)->mailboxes() : Result<QList<Mailbox>>(store.error());
    if (!mailboxes) {
        return -1;
    }
    return int(std::count_if(mailboxes->cbegin(), mailboxes->cend(), [](const Mailbox &box) { return box.enabled; }));
}

qint64 TestConsoleBulk::profileOf(const QString &address)
{
    auto store = Store::open(m_store);
    auto mailbox = store ? (*store)->mailboxByAddress(address) : Result<std::optional<Mailbox>>(store.error());
    return mailbox && mailbox->has_value() ? (*mailbox)->profileId : 0;
}

void TestConsoleBulk::disablingManyAsksOnceAndShowsProgress()
{
    m_window->mailboxView()->setFocus();
    m_window->mailboxView()->selectAll();
    QAction *disable = m_window->disableAction();
    QVERIFY(disable->isEnabled());
    disable->trigger();
    QMessageBox *confirm = confirmation();
    QVERIFY2(confirm->text().contains(u"Disable 2000 mailboxes"_s), qPrintable(confirm->text()));
    QVERIFY(confirm->detailedText().contains(u"user0@corp.test"_s));
    QVERIFY(confirm->detailedText().contains(u"and 1980 more"_s));
    QCOMPARE(enabledCount(), 2000); // nothing before the answer
    QSignalSpy progress(m_console.backend.get(), &ConsoleBackend::bulkProgress);
    QSignalSpy finished(m_window->bulkActions(), &BulkActions::finished);
    QTest::mouseClick(confirm->button(QMessageBox::Ok), Qt::LeftButton);
    QVERIFY(m_window->findChild<QProgressDialog *>(u"bulkProgress"_s));
    QVERIFY(finished.wait(30000));
    const auto result = finished.constFirst().constFirst().value<BulkResult>();
    QCOMPARE(result.done, 2000);
    QVERIFY(!result.cancelled);
    QVERIFY(result.error.isEmpty());
    // Every batch reported (the modal dialog's setValue() lets later reports in while it handles one:
    // the order the spy sees is not the order sent).
    QList<int> reported;
    for (const QList<QVariant> &arguments : std::as_const(progress)) {
        reported.append(arguments.at(0).toInt());
    }
    std::sort(reported.begin(), reported.end());
    QCOMPARE(reported.constLast(), 2000);
    QCOMPARE(reported.size(), 40);
    QCOMPARE(enabledCount(), 0);
    QVERIFY2(m_window->statusBar()->currentMessage().contains(u"Disabled 2000 of 2000"_s),
             qPrintable(m_window->statusBar()->currentMessage()));
    QTRY_VERIFY(!m_window->findChild<QProgressDialog *>(u"bulkProgress"_s));
}

void TestConsoleBulk::cancelStopsBetweenBatchesAndKeepsWhatWasDone()
{
    m_window->mailboxView()->setFocus();
    m_window->mailboxView()->selectAll();
    m_window->action(u"resync"_s)->trigger(); // resync 2000 first: a bulk action of its own
    QTest::mouseClick(confirmation()->button(QMessageBox::Ok), Qt::LeftButton);
    QSignalSpy resynced(m_window->bulkActions(), &BulkActions::finished);
    QVERIFY(resynced.wait(30000));
    QTRY_VERIFY(!m_window->findChild<QMessageBox *>(u"bulkConfirm"_s));

    m_window->disableAction()->trigger();
    QSignalSpy finished(m_window->bulkActions(), &BulkActions::finished);
    QTest::mouseClick(confirmation()->button(QMessageBox::Ok), Qt::LeftButton);
    QProgressDialog *progress = m_window->findChild<QProgressDialog *>(u"bulkProgress"_s);
    QVERIFY(progress);
    auto *cancel = progress->findChild<QPushButton *>();
    QVERIFY(cancel);
    QTest::mouseClick(cancel, Qt::LeftButton); // at once: the poller stops at the next batch
    QVERIFY(finished.wait(30000));
    const auto result = finished.constFirst().constFirst().value<BulkResult>();
    qInfo("cancelled after %d of %d", result.done, result.total);
    QVERIFY(result.cancelled);
    QVERIFY2(result.done < result.total, qPrintable(QString::number(result.done)));
    QCOMPARE(result.done % 50, 0); // whole batches only
    QCOMPARE(enabledCount(), 2000 - result.done);
    QVERIFY2(m_window->statusBar()->currentMessage().contains(u"cancelled"_s),
             qPrintable(m_window->statusBar()->currentMessage()));
}

void TestConsoleBulk::oneMailboxNeedsNoConfirmation()
{
    m_window->selectMailbox(u"user7@corp.test"_s);
    m_window->disableAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(enabledCount(), 1999, 10000);
    QVERIFY(!m_window->findChild<QMessageBox *>(u"bulkConfirm"_s));
}

void TestConsoleBulk::moveToProfile()
{
    m_window->mailboxView()->setFocus();
    m_window->selectMailbox(u"user1@corp.test"_s);
    const qint64 corp = profileOf(u"user1@corp.test"_s);
    QTableView *view = m_window->mailboxView();
    const QModelIndex first = view->currentIndex();
    view->selectionModel()->select(
        QItemSelection(view->model()->index(first.row(), 0), view->model()->index(first.row() + 2, 0)),
        QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QCOMPARE(m_window->selectedMailboxIds(false).size(), 3);
    QAction *move = m_window->action(u"moveToProfile"_s);
    QVERIFY(move->isEnabled());
    move->trigger();
    QInputDialog *ask = nullptr;
    QTRY_VERIFY((ask = m_window->findChild<QInputDialog *>(u"moveToProfileDialog"_s)) != nullptr);
    ask->setTextValue(u"other"_s);
    ask->accept();
    QSignalSpy finished(m_window->bulkActions(), &BulkActions::finished);
    QMessageBox *confirm = confirmation();
    QVERIFY2(confirm->text().contains(u"to the server profile other"_s), qPrintable(confirm->text()));
    QTest::mouseClick(confirm->button(QMessageBox::Ok), Qt::LeftButton);
    QVERIFY(finished.wait(30000));
    int moved = 0;
    for (qint64 id : m_window->selectedMailboxIds(false)) {
        const int row = m_window->mailboxModel()->rowOfMailbox(id);
        moved += profileOf(m_window->mailboxModel()->status(row).mailbox.address) != corp ? 1 : 0;
    }
    QCOMPARE(moved, 3);
    QCOMPARE(profileOf(u"user0@corp.test"_s), corp);
}

void TestConsoleBulk::testAndEnableEnablesOnlyThoseThatPass()
{
    if (!DovecotServer::isAvailable()) {
        QSKIP("dovecot is not installed: run scripts/test.sh, which installs it");
    }
    QVERIFY(m_console.stop());
    DovecotServer dovecot;
    dovecot.setUser(u"good"_s, u"good-pw"_s);
    dovecot.setUser(u"bad"_s, u"bad-pw"_s);
    dovecot.setUser(u"live"_s, u"live-pw"_s);
    QString error;
    QVERIFY2(dovecot.start(&error), qPrintable(error));
    m_store = StoreConfig::sqlite(m_dir.filePath(u"dovecot.db"_s));
    TestConfig config(m_dir.filePath(u"cfg"_s));
    config.addProfile(u"local"_s, dovecot, u"none"_s);
    config.addMailbox(u"good@local.test"_s, u"local"_s, u"good"_s, u"good-pw"_s);
    config.addMailbox(u"bad@local.test"_s, u"local"_s, u"bad"_s, u"wrong-pw"_s);
    config.addMailbox(u"live@local.test"_s, u"local"_s, u"live"_s, u"live-pw"_s); // enabled: not tested
    config.setMailboxKey(u"good@local.test"_s, u"enabled"_s, false);
    config.setMailboxKey(u"bad@local.test"_s, u"enabled"_s, false);
    const QString imported = SyncHelper::importConfig(m_store, config.write());
    QVERIFY2(imported.isEmpty(), qPrintable(imported));
    m_console.start(m_store);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->mailboxModel()->rowCount() == 3, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->profiles().isEmpty(), 10000);
    QCOMPARE(enabledCount(), 1);
    m_window->mailboxView()->setFocus();
    m_window->mailboxView()->selectAll();
    QAction *testAndEnable = m_window->action(u"testAndEnable"_s);
    QVERIFY(testAndEnable->isEnabled());
    testAndEnable->trigger();
    // The confirmation says what is tested and what is left as it is.
    QMessageBox *confirm = confirmation();
    QVERIFY(confirm);
    QVERIFY2(confirm->text().contains(u"Test 2 disabled mailboxes"_s), qPrintable(confirm->text()));
    QVERIFY2(confirm->informativeText().contains(u"1 selected mailbox is already enabled"_s),
             qPrintable(confirm->informativeText()));
    QTest::mouseClick(confirm->button(QMessageBox::Ok), Qt::LeftButton);
    QMessageBox *summary = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((summary = m_window->findChild<QMessageBox *>(u"bulkTestSummary"_s)) != nullptr, 60000);
    QVERIFY2(summary->text().contains(u"1 of 2 tested mailboxes passed"_s), qPrintable(summary->text()));
    QVERIFY2(summary->informativeText().contains(u"bad@local.test"_s), qPrintable(summary->informativeText()));
    QTRY_COMPARE_WITH_TIMEOUT(enabledCount(), 2, 10000);
    auto store = Store::open(m_store);
    QVERIFY(store);
    auto good = (*store)->mailboxByAddress(u"good@local.test"_s);
    QVERIFY(good && good->has_value() && (*good)->enabled);
}

QTEST_MAIN(TestConsoleBulk)
#include "tst_consolebulk.moc"

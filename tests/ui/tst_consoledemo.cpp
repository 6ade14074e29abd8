// The demo tells the whole story, offscreen, with its real Dovecot and an engine in the console: a mailbox that
// keeps failing, one that was disabled, one with an item failure; its passwords (the right one for the
// wrong-password mailbox too) in an info bar; and nothing it writes outlives it.

#include "consoleharness.h"
#include "demoenvironment.h"
#include "dialogs/mailboxdialog.h"
#include "dovecotserver.h"
#include "models/mailboxtablemodel.h"
#include "store/diagnosticsstore.h"
#include "views/itemfailurespane.h"

#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace SyncDesk;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

class TestConsoleDemo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theDemoShowsTheWholeStoryAndLeavesNothing();
};

void TestConsoleDemo::theDemoShowsTheWholeStoryAndLeavesNothing()
{
    if (!DovecotServer::isAvailable()) {
        QSKIP("dovecot is not installed: run scripts/test.sh, which installs it");
    }
    useTestSettings(u"tst_consoledemo"_s);
    QThread thread;
    auto *demo = new DemoEnvironment;
    demo->moveToThread(&thread);
    QSignalSpy ready(demo, &DemoEnvironment::ready);
    QSignalSpy failed(demo, &DemoEnvironment::failed);
    thread.start();
    QMetaObject::invokeMethod(demo, &DemoEnvironment::start, Qt::QueuedConnection);
    QTRY_VERIFY_WITH_TIMEOUT(ready.count() == 1 || failed.count() == 1, 60000);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.constFirst().constFirst().toString()));
    const QString database = ready.constFirst().constFirst().toString();
    const QString directory = QFileInfo(database).absolutePath();
    QVERIFY(QFileInfo(directory).isDir());

    // As the console's --demo does: its schedule 60 times faster, passwords typed go to its directory.
    MailboxDialog::setSecretDirectory(directory + u"/secrets"_s);
    QVERIFY(MailboxDialog::secretFileFor(u"erin.wrongpass@contoso.demo"_s).startsWith(directory));
    ConsoleHarness console;
    console.window = std::make_unique<MainWindow>();
    ConsoleBackend::Options options;
    options.store = StoreConfig::sqlite(database);
    options.runEngine = true;
    options.pollIntervalMs = 200;
    options.scheduler.intervals.scale = 1.0 / 60.0;
    console.backend = std::make_unique<ConsoleBackend>(options);
    console.window->setBackend(console.backend.get());
    console.window->setInfoBar(DemoEnvironment::infoText());
    console.backend->start();
    console.window->show();

    QLabel *info = console.window->infoBar();
    QVERIFY(info->isVisible());
    QVERIFY2(info->text().contains(u"the-right-password"_s) && info->text().contains(u"demo-ana"_s),
             qPrintable(info->text()));
    QCOMPARE(info->textFormat(), Qt::PlainText);

    MailboxTableModel *model = console.window->mailboxModel();
    auto stateOf = [&](const QString &address) -> std::optional<MailboxStatus> {
        for (const MailboxStatus &status : model->statuses()) {
            if (status.mailbox.address == address) {
                return status;
            }
        }
        return std::nullopt;
    };
    // The failing one keeps failing; the wrong password is disabled; the empty message is an item failure.
    QTRY_VERIFY_WITH_TIMEOUT(stateOf(u"frank.legacy@contoso.demo"_s) &&
                                 stateOf(u"frank.legacy@contoso.demo"_s)->state.consecutiveFailures >= 2,
                             60000);
    QVERIFY(stateOf(u"frank.legacy@contoso.demo"_s)->mailbox.enabled);
    QTRY_VERIFY_WITH_TIMEOUT(stateOf(u"erin.wrongpass@contoso.demo"_s) &&
                                 !stateOf(u"erin.wrongpass@contoso.demo"_s)->mailbox.enabled,
                             60000);
    QTRY_VERIFY_WITH_TIMEOUT(!console.window->itemFailuresPane()->failures().isEmpty(), 60000);

    QVERIFY(console.stop());
    MailboxDialog::setSecretDirectory({});
    QMetaObject::invokeMethod(demo, &DemoEnvironment::stop, Qt::BlockingQueuedConnection);
    connect(&thread, &QThread::finished, demo, &QObject::deleteLater);
    thread.quit();
    QVERIFY(thread.wait(30000));
    QVERIFY2(!QFileInfo::exists(directory), qPrintable(directory)); // nothing outlives the demo
}

QTEST_MAIN(TestConsoleDemo)
#include "tst_consoledemo.moc"

// The console's view of CRM tracking on a real database, offscreen and monitor-only: the Owner column,
// the read-only CRM tab with its filters, the Track message action (the request reaches the store and
// asks for a sync), the details pane's tracking section (withheld counts with their hint, correlation
// of the latest activities, track requests), and editing a mailbox keeps its owner and tracked folders.

#include "consoleharness.h"
#include "dialogs/mailboxdialog.h"
#include "dialogs/trackmessagedialog.h"
#include "mainwindow.h"
#include "models/crmrecordmodel.h"
#include "models/mailboxtablemodel.h"
#include "models/trackrequestmodel.h"
#include "store/crmstore.h"
#include "store/ledgerstore.h"
#include "store/store.h"
#include "synchelper.h"
#include "views/crmpane.h"
#include "views/mailboxdetailspane.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace SyncDesk;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

class TestConsoleCrm : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void ownerColumn();
    void crmTabListsRecordsReadOnlyWithFilters();
    void trackMessageRecordsARequestAndAsksForASync();
    void trackDialogRefusesBadInput();
    void detailsShowWithheldCountsCorrelationAndRequests();
    void editingAMailboxKeepsItsOwnerAndTrackedFolders();
    void editingAMailboxKeepsItsKeychainPassword();

private:
    int rowOf(const QString &address) const;
    void select(const QString &address);
    template <typename T>
    T *openDialog(const QString &objectName = {});

    QTemporaryDir m_dir;
    StoreConfig m_store;
    ConsoleHarness m_console;
    std::unique_ptr<MainWindow> &m_window = m_console.window;
    std::unique_ptr<ConsoleBackend> &m_backend = m_console.backend;
};

void TestConsoleCrm::initTestCase()
{
    useTestSettings(u"tst_consolecrm"_s);
    QVERIFY(m_dir.isValid());
    m_store = StoreConfig::sqlite(m_dir.filePath(u"crm.db"_s));
    QVERIFY(writeSecretFile(m_dir.filePath(u"pw"_s)));
    QFile config(m_dir.filePath(u"config.json"_s));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(R"({
      "server_profiles": [{"name": "Main", "incoming": {"protocol": "imap", "host": "imap.example.test"}}],
      "crm": {
        "roles": {"sales": {"account": "business-unit", "contact": "business-unit"}},
        "business_units": [{"id": "emea"}],
        "system_users": [{"id": "ana", "name": "Ana Souza", "email": "ana@corp.example", "business_unit": "emea",
                          "roles": ["sales"]}],
        "queues": [{"id": "support", "name": "Support queue", "email": "support@corp.example", "owner": "ana"}],
        "accounts": [{"id": "contoso", "name": "Contoso", "email": "info@contoso.example", "owner": "ana"},
                     {"id": "fabrikam", "name": "Fabrikam", "email": "info@fabrikam.example"}],
        "contacts": [{"id": "kim", "name": "Kim Lee", "email": "kim@contoso.example", "account": "contoso"}]
      },
      "mailboxes": [
        {"address": "ana@corp.example", "profile": "Main", "password_file": "pw", "owner": "systemuser:ana",
         "tracking": "known-records", "tracked_folders": {"Customers/Contoso": "account:contoso"}},
        {"address": "plain@corp.example", "profile": "Main", "password_keychain": "plain@corp.example"}
      ]
    })");
    config.close();
    const QString imported = SyncHelper::importConfig(m_store, config.fileName());
    QVERIFY2(imported.isEmpty(), qPrintable(imported));

    auto store = Store::open(m_store);
    QVERIFY(store);
    const qint64 ana = SyncHelper::mailboxId(m_store, u"ana@corp.example"_s);
    MailboxState state;
    state.mailboxId = ana;
    state.lastSyncAt = state.lastSuccessAt = QDateTime::currentDateTimeUtc().addSecs(-60);
    QVERIFY((*store)->saveMailboxState(state));
    QVERIFY(CrmStore(**store).addWithheld(ana, 3, 2));
    QVERIFY(LedgerStore(**store).recordAudit(ana, QDateTime::currentDateTimeUtc().addSecs(-300), 2));
    Activity activity;
    activity.mailboxId = ana;
    activity.folder = u"INBOX"_s;
    activity.uidValidity = 1;
    activity.uid = 1;
    activity.messageId = u"m1@contoso.example"_s;
    activity.dedupeKey = activity.messageId;
    activity.subject = u"Re: Quote for Q3"_s;
    activity.from = {u"Kim"_s, u"kim@contoso.example"_s};
    activity.date = QDateTime::currentDateTimeUtc();
    activity.regarding = RecordRef{u"account"_s, u"contoso"_s};
    activity.correlation = u"in-reply-to"_s;
    activity.withheldFields = {u"body"_s};
    activity.parties = {{u"from"_s, u"kim@contoso.example"_s, {u"contact"_s, u"kim"_s}}};
    FolderState folder;
    folder.mailboxId = ana;
    folder.folder = u"INBOX"_s;
    folder.uidValidity = 1;
    folder.uidNext = 2;
    QVERIFY((*store)->writeBatch(folder, {activity}));
}

void TestConsoleCrm::init()
{
    m_console.start(m_store);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->mailboxModel()->rowCount() == 2, 10000);
}

void TestConsoleCrm::cleanup()
{
    QVERIFY(m_console.stop());
}

int TestConsoleCrm::rowOf(const QString &address) const
{
    MailboxTableModel *model = m_window->mailboxModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->status(row).mailbox.address == address) {
            return row;
        }
    }
    return -1;
}

void TestConsoleCrm::select(const QString &address)
{
    m_window->selectMailbox(address);
}

QStringList issueTexts(const QWidget *dialog)
{
    QStringList texts;
    for (const QLabel *label : dialog->findChildren<QLabel *>()) {
        if (label->objectName() == u"issues"_s || label->objectName() == u"fieldIssue"_s) {
            texts.append(label->text());
        }
    }
    return texts;
}

template <typename T>
T *TestConsoleCrm::openDialog(const QString &objectName)
{
    // Dialogs open window-modal at once (QDialog::open), so they are there as soon as the action returns.
    return objectName.isEmpty() ? m_window->findChild<T *>() : m_window->findChild<T *>(objectName);
}

void TestConsoleCrm::ownerColumn()
{
    MailboxTableModel *model = m_window->mailboxModel();
    const int ana = rowOf(u"ana@corp.example"_s);
    const int plain = rowOf(u"plain@corp.example"_s);
    QCOMPARE(model->index(ana, MailboxTableModel::Owner).data().toString(), u"systemuser:ana"_s);
    QVERIFY(
        model->index(ana, MailboxTableModel::Owner).data(Qt::ToolTipRole).toString().contains(u"3 items, 2 fields"_s));
    QCOMPARE(model->index(plain, MailboxTableModel::Owner).data().toString(), QString());
    QCOMPARE(model->headerData(MailboxTableModel::Owner, Qt::Horizontal).toString(), u"Owner"_s);
    // The text filter finds mailboxes by owner.
    m_window->filterEdit()->setText(u"systemuser:ana"_s);
    QCOMPARE(m_window->mailboxProxy()->rowCount(), 1);
    m_window->filterEdit()->clear();
}

void TestConsoleCrm::crmTabListsRecordsReadOnlyWithFilters()
{
    CrmPane *pane = m_window->crmPane();
    QAbstractItemModelTester tester(pane->recordModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto *tabs = m_window->findChild<QTabWidget *>(u"tabs"_s);
    QVERIFY(tabs);
    tabs->setCurrentWidget(pane);
    QTRY_COMPARE_WITH_TIMEOUT(pane->recordModel()->rowCount(), 6, 5000);
    QCOMPARE(pane->visibleRecords(), 6);
    pane->typeCombo()->setCurrentIndex(pane->typeCombo()->findData(u"account"_s));
    QCOMPARE(pane->visibleRecords(), 2);
    pane->filterEdit()->setText(u"FABRIK"_s);
    QCOMPARE(pane->visibleRecords(), 1);
    pane->typeCombo()->setCurrentIndex(0);
    pane->filterEdit()->setText(u"ana"_s); // Ana herself, and the records she owns
    QVERIFY(pane->visibleRecords() >= 3);
    QCOMPARE(pane->recordView()->editTriggers(), QAbstractItemView::NoEditTriggers);
    // The queue's business unit came from its owner.
    for (const CrmRecord &record : pane->recordModel()->records()) {
        if (record.type == u"queue"_s) {
            QCOMPARE(record.businessUnit, u"emea"_s);
        }
    }
}

void TestConsoleCrm::trackMessageRecordsARequestAndAsksForASync()
{
    // The records the dialog offers as regarding targets are read once the store answered.
    QTRY_COMPARE_WITH_TIMEOUT(m_window->crmPane()->recordModel()->rowCount(), 6, 5000);
    select(u"ana@corp.example"_s);
    QAction *track = m_window->action(u"track"_s);
    QVERIFY(track);
    QCOMPARE(track->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    QVERIFY(track->isEnabled());
    track->trigger();
    auto *dialog = openDialog<TrackMessageDialog>(u"trackMessageDialog"_s);
    QVERIFY(dialog);
    QCOMPARE(dialog->mailboxCombo()->currentText(), u"ana@corp.example"_s);
    dialog->messageIdEdit()->setText(u"<wanted@contoso.example>"_s);
    const int contoso = dialog->regardingCombo()->findData(u"account:contoso"_s);
    QVERIFY(contoso > 0);
    dialog->regardingCombo()->setCurrentIndex(contoso);
    QVERIFY(dialog->problem().isEmpty());
    QSignalSpy added(m_backend.get(), &ConsoleBackend::trackRequestAdded);
    dialog->accept();
    QVERIFY(added.wait(5000));
    QVERIFY(added.constFirst().at(1).toLongLong() > 0);

    auto store = Store::open(m_store);
    QVERIFY(store);
    auto requests = CrmStore(**store).trackRequests(std::nullopt, 10);
    QVERIFY(requests);
    QCOMPARE(requests->size(), 1);
    QCOMPARE(requests->constFirst().messageId, u"wanted@contoso.example"_s);
    QCOMPARE(requests->constFirst().regarding, (std::optional<RecordRef>(RecordRef{u"account"_s, u"contoso"_s})));
    QCOMPARE(requests->constFirst().state, u"pending"_s);
    // Monitor-only: the immediate sync is asked of whichever engine runs on the database.
    // takeSyncRequests consumes the rows: remember what was seen (QTRY evaluates its condition again).
    const qint64 ana = SyncHelper::mailboxId(m_store, u"ana@corp.example"_s);
    bool asked = false;
    auto syncAsked = [&] {
        auto syncRequests = (*store)->takeSyncRequests();
        for (const SyncRequest &request : syncRequests ? *syncRequests : QList<SyncRequest>()) {
            asked = asked || request.mailboxId == ana;
        }
        return asked;
    };
    QTRY_VERIFY_WITH_TIMEOUT(syncAsked(), 5000);
    // The CRM tab lists it as pending.
    QTRY_COMPARE_WITH_TIMEOUT(m_window->crmPane()->requestModel()->rowCount(), 1, 5000);
    QCOMPARE(m_window->crmPane()->requestModel()->index(0, TrackRequestModel::State).data().toString(), u"pending"_s);
}

void TestConsoleCrm::trackDialogRefusesBadInput()
{
    const QList<MailboxStatus> statuses = m_window->mailboxModel()->statuses();
    TrackMessageDialog dialog(statuses, 0, {}, m_window.get());
    QVERIFY(!dialog.problem().isEmpty());
    dialog.messageIdEdit()->setText(u"two words@x"_s);
    QVERIFY(dialog.problem().contains(u"not a Message-ID"_s));
    dialog.messageIdEdit()->setText(u"ok@x"_s);
    QVERIFY(dialog.problem().isEmpty());
    dialog.regardingCombo()->setEditText(u"invoice:42"_s);
    QVERIFY(dialog.problem().contains(u"account:contoso"_s));
    QSignalSpy requested(&dialog, &TrackMessageDialog::trackRequested);
    dialog.accept();
    QCOMPARE(requested.count(), 0);
    QVERIFY(dialog.isVisible() || dialog.result() != QDialog::Accepted);
}

void TestConsoleCrm::detailsShowWithheldCountsCorrelationAndRequests()
{
    select(u"ana@corp.example"_s);
    MailboxDetailsPane *details = m_window->detailsPane();
    QLabel *tracking = nullptr;
    for (QLabel *label : details->findChildren<QLabel *>()) {
        if (label->accessibleName() == u"Tracking"_s) {
            tracking = label;
        }
    }
    QVERIFY(tracking);
    QTRY_VERIFY_WITH_TIMEOUT(tracking->text().contains(u"3 items, 2 fields"_s), 5000);
    QVERIFY(tracking->text().contains(u"systemuser:ana"_s));
    QVERIFY(tracking->text().contains(u"email from accounts, contacts and leads"_s));
    QVERIFY(tracking->text().contains(u"Customers/Contoso → account:contoso"_s));
    QVERIFY(tracking->text().contains(u"hint id: items-withheld"_s));
    QTableWidget *activities = nullptr;
    for (QTableWidget *table : details->findChildren<QTableWidget *>()) {
        if (table->accessibleName() == u"Latest activities"_s) {
            activities = table;
        }
    }
    QVERIFY(activities);
    QTRY_COMPARE_WITH_TIMEOUT(activities->rowCount(), 1, 5000);
    QCOMPARE(activities->item(0, 3)->text(), u"account:contoso"_s);
    QCOMPARE(activities->item(0, 4)->text(), u"in-reply-to"_s);
    QCOMPARE(activities->item(0, 5)->text(), u"body"_s);
    QVERIFY(activities->item(0, 4)->toolTip().contains(u"contact:kim"_s));

    // The last audit found two messages missing: said in the incoming state, with the way out.
    QLabel *incoming = nullptr;
    for (QLabel *label : details->findChildren<QLabel *>()) {
        if (label->accessibleName() == u"Incoming state"_s) {
            incoming = label;
        }
    }
    QVERIFY(incoming);
    QTRY_VERIFY_WITH_TIMEOUT(incoming->text().contains(u"2 messages missing"_s), 5000);
    // The way out is the console's own button, not a command line.
    QVERIFY2(incoming->text().contains(u"Audit &amp; repair fetches them again"_s), qPrintable(incoming->text()));
    QVERIFY(!incoming->text().contains(u"syncdesk-node"_s));

    // A mailbox with nothing withheld shows no hint, and one never audited says so.
    select(u"plain@corp.example"_s);
    QTRY_VERIFY_WITH_TIMEOUT(tracking->text().contains(u"none (nothing is restricted)"_s), 5000);
    QVERIFY(!tracking->text().contains(u"items-withheld"_s));
    QTRY_VERIFY_WITH_TIMEOUT(incoming->text().contains(u"Last audit"_s) && incoming->text().contains(u"not yet"_s),
                             5000);
}

void TestConsoleCrm::editingAMailboxKeepsItsOwnerAndTrackedFolders()
{
    // Wait for the CRM records, which the dialog offers as owners.
    QTRY_VERIFY_WITH_TIMEOUT(m_window->crmPane()->recordModel()->rowCount() == 6, 5000);
    select(u"ana@corp.example"_s);
    QAction *edit = m_window->action(u"editMailbox"_s);
    QVERIFY(edit);
    QTRY_VERIFY_WITH_TIMEOUT(edit->isEnabled(), 5000);
    edit->trigger();
    auto *dialog = openDialog<MailboxDialog>();
    QVERIFY(dialog);
    QCOMPARE(dialog->ownerCombo()->currentData().toString(), u"systemuser:ana"_s);
    QCOMPARE(dialog->trackingCombo()->currentData().toString(), u"known-records"_s);
    QCOMPARE(dialog->foldersEdit()->text(), u"INBOX"_s); // the tracked folder is listed apart
    dialog->trackingCombo()->setCurrentIndex(dialog->trackingCombo()->findData(u"responses"_s));
    QSignalSpy applied(m_backend.get(), &ConsoleBackend::configApplied);
    dialog->accept();
    QTRY_VERIFY_WITH_TIMEOUT(!applied.isEmpty(), 10000);
    QVERIFY2(applied.constFirst().at(1).toStringList().isEmpty(),
             qPrintable(applied.constFirst().at(1).toStringList().join(u'\n')));
    auto store = Store::open(m_store);
    QVERIFY(store);
    const Mailbox saved = (*store)->mailboxByAddress(u"ana@corp.example"_s)->value();
    QCOMPARE(saved.owner(), u"systemuser:ana"_s);
    QCOMPARE(saved.tracking, TrackingOption::Responses);
    QCOMPARE(saved.trackedFolders.value(u"Customers/Contoso"_s), (RecordRef{u"account"_s, u"contoso"_s}));
    QVERIFY(saved.folders.contains(u"Customers/Contoso"_s));
}

void TestConsoleCrm::editingAMailboxKeepsItsKeychainPassword()
{
    select(u"plain@corp.example"_s);
    QAction *edit = m_window->action(u"editMailbox"_s);
    QTRY_VERIFY_WITH_TIMEOUT(edit->isEnabled(), 5000);
    edit->trigger();
    auto *opened = openDialog<MailboxDialog>();
    QVERIFY(opened);
    const QPointer<MailboxDialog> dialog(opened);
    // Edit is offered only once the profiles are known: before, the dialog opened with no profile to show and
    // refused its own form ("expected the name of a server profile"), which this test caught 2 runs in 25.
    QCOMPARE(opened->profileCombo()->currentText(), u"Main"_s);
    QSignalSpy applied(m_backend.get(), &ConsoleBackend::configApplied);
    opened->accept(); // "Keep the current one (system keychain entry plain@corp.example)"
    // The store's thread applies it after whatever poll it is in; on a loaded CI machine (two suites at once)
    // that once took more than 10 s.
    QElapsedTimer waited;
    waited.start();
    const bool arrived = QTest::qWaitFor([&] { return !applied.isEmpty(); }, 30000);
    if (!arrived) {
        // Once seen on a loaded CI machine: say whether the dialog refused its own form or the store never answered.
        const QStringList texts = dialog ? issueTexts(dialog.data()) : QStringList{u"(dialog gone)"_s};
        qWarning("dialog's messages: %s", qPrintable(texts.join(u" | "_s)));
    }
    QVERIFY2(arrived, "configApplied not received within 30 s");
    qInfo("configApplied after %lld ms", waited.elapsed());
    QVERIFY2(applied.constFirst().at(1).toStringList().isEmpty(),
             qPrintable(applied.constFirst().at(1).toStringList().join(u'\n')));
    auto store = Store::open(m_store);
    QVERIFY(store);
    QCOMPARE((*store)->mailboxByAddress(u"plain@corp.example"_s)->value().passwordSource,
             u"keychain:plain@corp.example"_s);
}

QTEST_MAIN(TestConsoleCrm)
#include "tst_consolecrm.moc"

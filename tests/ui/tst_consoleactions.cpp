// The console's actions on a real database, offscreen: filters, details, enable/disable, the add/edit
// dialogs with validation, import, export, the overview and the remembered layout. Monitor-only: the
// console watches and writes the store; no server is needed.

#include "config/passwordsource.h"
#include "consoleharness.h"
#include "dialogs/mailboxdialog.h"
#include "dialogs/profiledialog.h"
#include "mainwindow.h"
#include "models/mailboxfilterproxy.h"
#include "models/mailboxtablemodel.h"
#include "statusexporter.h"
#include "store/store.h"
#include "synchelper.h"
#include "views/mailboxdetailspane.h"
#include "views/overviewpane.h"

#include <QAbstractBarSeries>
#include <QAction>
#include <QApplication>
#include <QBarSet>
#include <QChart>
#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

using namespace SyncDesk;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

class TestConsoleActions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void quickFiltersAndTextFilter();
    void detailsPaneShowsTheSelectedMailbox();
    void enableAndDisableFromTheWindow();
    void addMailboxDialogValidatesThenSaves();
    void addProfileDialogValidatesThenSaves();
    void importReportsProblemsAndResults();
    void exportWritesCsvAndJson();
    void overviewCountsByState();
    void layoutIsRemembered();
    void defaultColumnsFitAt1366x768();
    void columnChooserIsRemembered();
    void errorColumnSaysClassAndShortText();
    void filtersCombineAndViewsAreSaved();
    void detailsPaneStartsAtTheTopAndFollowsTheRules();
    void intervalChartBreaksWhereTheMailboxDidNotSync();
    void overviewTilesAndBarsOpenTheFilteredTable();

private:
    int rowOf(const QString &address) const;
    void writeConfig(const QString &name, const QByteArray &json);

    QTemporaryDir m_dir;
    StoreConfig m_store;
    ConsoleHarness m_console;
    std::unique_ptr<MainWindow> &m_window = m_console.window;
    std::unique_ptr<ConsoleBackend> &m_backend = m_console.backend;
};

void TestConsoleActions::initTestCase()
{
    useTestSettings(u"tst_consoleactions"_s);
    QVERIFY(m_dir.isValid());
    m_store = StoreConfig::sqlite(m_dir.filePath(u"actions.db"_s));
    QVERIFY(writeSecretFile(m_dir.filePath(u"pw"_s)));
    writeConfig(u"config.json"_s, QByteArray(R"({
      "server_profiles": [
        {"name": "Main", "incoming": {"protocol": "imap", "host": "imap.example.test", "security": "tls"}},
        {"name": "Legacy", "incoming": {"protocol": "imap", "host": "old.example.test", "security": "starttls"}}
      ],
      "mailboxes": [
        {"address": "ok@example.test", "profile": "Main", "password_file": "pw"},
        {"address": "failing@example.test", "profile": "Main", "password_file": "pw"},
        {"address": "late@example.test", "profile": "Legacy", "password_file": "pw"},
        {"address": "off@example.test", "profile": "Legacy", "password_file": "pw", "enabled": false}
      ]
    })"));
    const QString imported = SyncHelper::importConfig(m_store, m_dir.filePath(u"config.json"_s));
    QVERIFY2(imported.isEmpty(), qPrintable(imported));

    auto store = Store::open(m_store);
    QVERIFY(store);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto state = [&](const QString &address) {
        MailboxState mailboxState;
        mailboxState.mailboxId = SyncHelper::mailboxId(m_store, address);
        mailboxState.lastSyncAt = mailboxState.lastSuccessAt = now.addSecs(-120);
        mailboxState.nextDueAt = now.addSecs(180);
        return mailboxState;
    };
    QVERIFY((*store)->saveMailboxState(state(u"ok@example.test"_s)));
    MailboxState failing = state(u"failing@example.test"_s);
    failing.consecutiveFailures = 2;
    failing.lastErrorClass = ErrorClass::Timeout;
    failing.lastErrorMessage = u"no answer from imap.example.test while waiting for the greeting"_s;
    failing.lastErrorHintId = u"timeout"_s;
    QVERIFY((*store)->saveMailboxState(failing));
    MailboxState late = state(u"late@example.test"_s);
    late.nextDueAt = now.addSecs(-600);
    QVERIFY((*store)->saveMailboxState(late));
    SyncRun run;
    run.mailboxId = SyncHelper::mailboxId(m_store, u"ok@example.test"_s);
    run.startedAt = now.addSecs(-120);
    run.finishedAt = now.addSecs(-119);
    run.success = true;
    run.itemsNew = 7;
    run.intervalMs = 300000;
    QVERIFY((*store)->recordRun(run));
    SyncRun failed = run;
    failed.mailboxId = SyncHelper::mailboxId(m_store, u"failing@example.test"_s);
    failed.success = false;
    failed.itemsNew = 0;
    failed.errorClass = ErrorClass::Timeout;
    failed.errorMessage = u"no answer"_s;
    QVERIFY((*store)->recordRun(failed));
}

void TestConsoleActions::init()
{
    m_console.start(m_store);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->mailboxModel()->rowCount() >= 4, 10000);
}

void TestConsoleActions::cleanup()
{
    QVERIFY(m_console.stop());
}

void TestConsoleActions::writeConfig(const QString &name, const QByteArray &json)
{
    QFile file(m_dir.filePath(name));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(json);
}

int TestConsoleActions::rowOf(const QString &address) const
{
    return m_window->mailboxModel()->rowOfMailbox(SyncHelper::mailboxId(m_store, address));
}

void TestConsoleActions::quickFiltersAndTextFilter()
{
    MailboxFilterProxy *proxy = m_window->mailboxProxy();
    QCOMPARE(proxy->rowCount(), 4);
    m_window->setQuickFilter(MailboxFilterProxy::QuickFilter::Failing);
    QCOMPARE(proxy->rowCount(), 1);
    QCOMPARE(proxy->index(0, MailboxTableModel::Address).data().toString(), u"failing@example.test"_s);
    m_window->setQuickFilter(MailboxFilterProxy::QuickFilter::Disabled);
    QCOMPARE(proxy->rowCount(), 1);
    QCOMPARE(proxy->index(0, MailboxTableModel::Address).data().toString(), u"off@example.test"_s);
    m_window->setQuickFilter(MailboxFilterProxy::QuickFilter::Overdue);
    QCOMPARE(proxy->rowCount(), 1);
    QCOMPARE(proxy->index(0, MailboxTableModel::Address).data().toString(), u"late@example.test"_s);
    // The engines are polled apart from the mailboxes: until the first answer the cause is not known.
    QTRY_COMPARE(proxy->index(0, MailboxTableModel::NextSync).data().toString(),
                 u"overdue 10 min (no engine running)"_s);
    m_window->setQuickFilter(MailboxFilterProxy::QuickFilter::Syncing);
    QCOMPARE(proxy->rowCount(), 0);
    m_window->setQuickFilter(MailboxFilterProxy::QuickFilter::All);
    QTRY_VERIFY(m_window->quickFilterLabel(MailboxFilterProxy::QuickFilter::Failing) == u"Failing (1)"_s);

    // Text: address, profile, error text and hint all match; Ctrl+F focuses the field.
    m_window->action(u"filter"_s)->trigger();
    QVERIFY(m_window->filterEdit()->hasFocus());
    QTest::keyClicks(m_window->filterEdit(), u"legacy"_s);
    QCOMPARE(proxy->rowCount(), 2);
    m_window->filterEdit()->setText(u"greeting"_s); // in the error message
    QCOMPARE(proxy->rowCount(), 1);
    m_window->filterEdit()->setText(u"did not answer in time"_s); // the timeout hint's title
    QCOMPARE(proxy->rowCount(), 1);
    m_window->filterEdit()->clear();
    QCOMPARE(proxy->rowCount(), 4);
}

void TestConsoleActions::detailsPaneShowsTheSelectedMailbox()
{
    MailboxDetailsPane *details = m_window->detailsPane();
    m_window->selectMailbox(u"ok@example.test"_s);
    QTRY_COMPARE_WITH_TIMEOUT(details->mailboxId(), SyncHelper::mailboxId(m_store, u"ok@example.test"_s), 5000);
    auto *runs = details->findChild<QTableWidget *>();
    QVERIFY(runs);
    QTRY_COMPARE_WITH_TIMEOUT(runs->rowCount(), 1, 5000);
    QCOMPARE(runs->item(0, 3)->text(), u"7"_s);
    QCOMPARE(runs->item(0, 5)->text(), u"OK"_s);

    m_window->selectMailbox(u"failing@example.test"_s);
    QTRY_COMPARE_WITH_TIMEOUT(details->mailboxId(), SyncHelper::mailboxId(m_store, u"failing@example.test"_s), 5000);
    bool showsHint = false;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            showsHint = false;
            for (QLabel *label : details->findChildren<QLabel *>()) {
                showsHint = showsHint || label->text().contains(u"Mail server did not answer in time"_s);
            }
            return showsHint;
        }(),
        5000);
    m_window->mailboxView()->selectAll();
    QTRY_COMPARE(details->mailboxId(), qint64(0)); // several selected: no single mailbox's details
}

void TestConsoleActions::enableAndDisableFromTheWindow()
{
    m_window->selectMailbox(u"ok@example.test"_s);
    QTRY_VERIFY(m_window->disableAction()->isEnabled());
    QVERIFY(!m_window->enableAction()->isEnabled());
    m_window->disableAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->mailboxModel()->status(rowOf(u"ok@example.test"_s)).mailbox.enabled, false,
                              5000);
    QCOMPARE(m_window->mailboxModel()->status(rowOf(u"ok@example.test"_s)).mailbox.disabledReason, u"admin"_s);
    m_window->selectMailbox(u"ok@example.test"_s);
    QTRY_VERIFY(m_window->enableAction()->isEnabled());
    QVERIFY(!m_window->resyncAction()->isEnabled()); // a disabled mailbox is not resynced
    m_window->enableAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->mailboxModel()->status(rowOf(u"ok@example.test"_s)).mailbox.enabled, true,
                              5000);
}

void TestConsoleActions::addMailboxDialogValidatesThenSaves()
{
    QList<ServerProfile> profiles;
    auto store = Store::open(m_store);
    QVERIFY(store);
    profiles = *(*store)->profiles();
    MailboxDialog dialog(m_backend.get(), profiles);
    dialog.show();
    // Nothing entered: the parser's complaints land next to the fields, and nothing is written.
    dialog.accept();
    auto *issues = dialog.findChild<QLabel *>(u"issues"_s);
    QVERIFY(issues->isVisible());
    QVERIFY(dialog.isVisible());
    QVERIFY(!dialog.addressEdit()->styleSheet().isEmpty()); // the field is marked
    // Each problem right under its field, in the form's words: no JSON path, and with "Type it" chosen,
    // nothing about a password file.
    QLabel *addressIssue = dialog.issueLabelFor(dialog.addressEdit());
    QVERIFY(addressIssue && addressIssue->isVisible());
    QVERIFY2(addressIssue->text().startsWith(u"Address: "_s), qPrintable(addressIssue->text()));
    QLabel *passwordIssue = dialog.issueLabelFor(dialog.passwordEdit());
    QVERIFY(passwordIssue);
    QCOMPARE(passwordIssue->text(), u"Password: type the mailbox's password."_s);
    for (QLabel *label : dialog.findChildren<QLabel *>()) {
        if (label->isVisible()) {
            QVERIFY2(!label->text().contains(u"$."_s) && !label->text().contains(u"password_file"_s),
                     qPrintable(label->text()));
        }
    }

    dialog.addressEdit()->setText(u"New.Person@Example.test"_s);
    dialog.profileCombo()->setCurrentText(u"Main"_s);
    dialog.passwordEdit()->setText(u"typed-secret"_s);
    QTest::keyClicks(dialog.passwordEdit(), u"!"_s); // typing picks "Type it"
    dialog.foldersEdit()->setText(u"INBOX, Customers"_s);
    QSignalSpy finished(&dialog, &QDialog::finished);
    dialog.accept();
    QVERIFY(finished.wait(10000));
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(u"new.person@example.test"_s) >= 0, 5000);
    const Mailbox added = m_window->mailboxModel()->status(rowOf(u"new.person@example.test"_s)).mailbox;
    QCOMPARE(added.folders, (QStringList{u"INBOX"_s, u"Customers"_s}));
    // The typed password is in a private file, not in the database.
    const PasswordSource source = PasswordSource::parse(added.passwordSource);
    QCOMPARE(source.kind(), PasswordSource::Kind::File);
    QCOMPARE(source.location(), MailboxDialog::secretFileFor(u"new.person@example.test"_s));
    QCOMPARE(*source.resolve(), u"typed-secret!"_s);
    QCOMPARE(QFileInfo(source.location()).permissions() &
                 (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteOther),
             QFileDevice::Permissions());
    QFile database(m_store.sqlitePath);
    QVERIFY(database.open(QIODevice::ReadOnly));
    QVERIFY(!database.readAll().contains("typed-secret"));

    // Editing keeps the address and the password source unless told otherwise, and what the form shows as it
    // was (here: the outgoing direction switched off).
    Mailbox quiet = added;
    quiet.outgoing = false;
    MailboxDialog edit(m_backend.get(), profiles, quiet);
    edit.show();
    QVERIFY(edit.addressEdit()->isReadOnly());
    edit.foldersEdit()->setText(u"INBOX"_s);
    QSignalSpy edited(&edit, &QDialog::finished);
    edit.accept();
    QVERIFY(edited.wait(10000));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->mailboxModel()->status(rowOf(u"new.person@example.test"_s)).mailbox.folders,
                              QStringList{u"INBOX"_s}, 5000);
    QCOMPARE(m_window->mailboxModel()->status(rowOf(u"new.person@example.test"_s)).mailbox.passwordSource,
             added.passwordSource);
    QVERIFY(!m_window->mailboxModel()->status(rowOf(u"new.person@example.test"_s)).mailbox.outgoing);
}

void TestConsoleActions::addProfileDialogValidatesThenSaves()
{
    ProfileDialog dialog(m_backend.get());
    dialog.show();
    dialog.nameEdit()->setText(u"Fabrikam"_s);
    dialog.hostEdit()->setText(u"not a host name!"_s);
    dialog.accept();
    QLabel *hostIssue = dialog.issueLabelFor(dialog.hostEdit());
    QVERIFY(hostIssue && hostIssue->isVisible());
    QVERIFY2(hostIssue->text().startsWith(u"Host"_s) && !hostIssue->text().contains(u"$."_s),
             qPrintable(hostIssue->text()));
    QVERIFY(!dialog.hostEdit()->styleSheet().isEmpty());
    dialog.hostEdit()->setText(u"imap.fabrikam.test"_s);
    dialog.securityCombo()->setCurrentIndex(dialog.securityCombo()->findData(u"starttls"_s));
    QCOMPARE(dialog.portSpin()->value(), 143); // suggested for IMAP with STARTTLS
    QSignalSpy finished(&dialog, &QDialog::finished);
    dialog.accept();
    QVERIFY(finished.wait(10000));
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    auto store = Store::open(m_store);
    QVERIFY(store);
    const QList<ServerProfile> profiles = *(*store)->profiles();
    const auto added = std::find_if(profiles.cbegin(), profiles.cend(),
                                    [](const ServerProfile &profile) { return profile.name == u"Fabrikam"_s; });
    QVERIFY(added != profiles.cend());
    QCOMPARE(added->incoming.host, u"imap.fabrikam.test"_s);
    QCOMPARE(added->incoming.port, quint16(143));
    QCOMPARE(added->incoming.security, Security::StartTls);

    // Editing keeps what the form does not show (the message size limit, the SMTP server's CA) and the Sent folder.
    {
        QFile ca(m_dir.filePath(u"ca.pem"_s));
        QVERIFY(ca.open(QIODevice::WriteOnly));
        ca.write("-----BEGIN CERTIFICATE-----\n");
    }
    ServerProfile existing = *added;
    existing.maxMessageBytes = 2 * 1024 * 1024;
    existing.sentFolder = u"Gesendet"_s;
    existing.outgoing =
        Endpoint{MailProtocol::Smtp, u"smtp.fabrikam.test"_s, 587, Security::StartTls, m_dir.filePath(u"ca.pem"_s)};
    ProfileDialog edit(m_backend.get(), existing);
    edit.show();
    QSignalSpy edited(&edit, &QDialog::finished);
    edit.accept();
    QVERIFY(edited.wait(10000));
    QCOMPARE(edit.result(), int(QDialog::Accepted));
    const QList<ServerProfile> after = *(*store)->profiles();
    const auto saved = std::find_if(after.cbegin(), after.cend(),
                                    [](const ServerProfile &profile) { return profile.name == u"Fabrikam"_s; });
    QVERIFY(saved != after.cend());
    QCOMPARE(saved->maxMessageBytes, existing.maxMessageBytes);
    QCOMPARE(saved->sentFolder, u"Gesendet"_s);
    QVERIFY(saved->outgoing);
    QCOMPARE(saved->outgoing->caFile, existing.outgoing->caFile);
}

void TestConsoleActions::importReportsProblemsAndResults()
{
    QSignalSpy applied(m_backend.get(), &ConsoleBackend::configApplied);
    writeConfig(u"bad.json"_s,
                R"({"mailboxes": [{"address": "x@example.test", "profile": "Nope", "password_env": "X"}]})");
    m_backend->importConfigFile(m_dir.filePath(u"bad.json"_s));
    QVERIFY(applied.wait(10000));
    QStringList issues = applied.at(0).at(1).toStringList();
    QCOMPARE(issues.size(), 1);
    QVERIFY(issues.at(0).startsWith(u"$.mailboxes[0].profile"_s));
    QCOMPARE(rowOf(u"x@example.test"_s), -1);

    writeConfig(u"good.json"_s,
                R"({"mailboxes": [{"address": "imported@example.test", "profile": "Main", "password_env": "X"}]})");
    m_backend->importConfigFile(m_dir.filePath(u"good.json"_s));
    QVERIFY(applied.wait(10000));
    QVERIFY(applied.at(1).at(1).toStringList().isEmpty());
    QVERIFY2(applied.at(1).at(2).toString().contains(u"Mailboxes: 1 new"_s),
             qPrintable(applied.at(1).at(2).toString()));
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(u"imported@example.test"_s) >= 0, 5000);

    m_backend->importConfigFile(m_dir.filePath(u"missing.json"_s));
    QVERIFY(applied.wait(10000));
    QVERIFY(applied.at(2).at(1).toStringList().value(0).contains(u"cannot read the file"_s));
}

void TestConsoleActions::exportWritesCsvAndJson()
{
    const QList<MailboxStatus> statuses = m_window->mailboxModel()->statuses();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString csvPath = m_dir.filePath(u"status.csv"_s);
    QCOMPARE(StatusExporter::write(csvPath, statuses, now, 60, false, StatusExporter::Format::Csv), QString());
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = csv.readAll().split('\n');
    QVERIFY(lines.at(0).startsWith("address,profile,enabled,state,interval_seconds"));
    QCOMPARE(lines.size() - 2, int(statuses.size())); // a header, a row each, a final line break
    bool sawFailing = false;
    for (const QByteArray &line : lines) {
        if (line.startsWith("failing@example.test")) {
            sawFailing = true;
            QVERIFY(line.contains(",Timeout,"));
            QVERIFY(line.contains(",timeout,"));
        }
    }
    QVERIFY(sawFailing);

    // A value that a spreadsheet would run as a formula is neutralized, commas are quoted.
    MailboxStatus hostile = statuses.at(0);
    hostile.state.lastErrorClass = ErrorClass::ServerNo;
    hostile.state.lastErrorMessage = u"=HYPERLINK(\"http://evil\"), then more"_s;
    const QByteArray text = StatusExporter::csv({hostile}, now, 60, true);
    QVERIFY2(text.contains("\"'=HYPERLINK(\"\"http://evil\"\"), then more\""), text.constData());

    const QString jsonPath = m_dir.filePath(u"status.json"_s);
    QCOMPARE(StatusExporter::write(jsonPath, statuses, now, 60, false, StatusExporter::Format::Json), QString());
    QFile json(jsonPath);
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QJsonArray array = QJsonDocument::fromJson(json.readAll()).array();
    QCOMPARE(array.size(), statuses.size());
    QVERIFY(array.at(0).toObject().contains(u"overdue_cause"_s));
    QVERIFY(!StatusExporter::write(m_dir.filePath(u"no/such/folder/x.csv"_s), statuses, now, 60, false,
                                   StatusExporter::Format::Csv)
                 .isEmpty());
}

void TestConsoleActions::overviewCountsByState()
{
    OverviewPane *overview = m_window->overviewPane();
    QTRY_COMPARE_WITH_TIMEOUT(overview->tile(u"mailboxes"_s), QString::number(m_window->mailboxModel()->rowCount()),
                              5000);
    QCOMPARE(overview->tile(u"failing"_s), u"1"_s);
    QCOMPARE(overview->tile(u"overdue"_s), u"1"_s);
    QVERIFY(overview->tile(u"disabled"_s).toInt() >= 1);
}

void TestConsoleActions::layoutIsRemembered()
{
    QHeaderView *header = m_window->mailboxView()->horizontalHeader();
    header->resizeSection(MailboxTableModel::Profile, 321);
    header->moveSection(header->visualIndex(MailboxTableModel::Hint), 1);
    auto *splitter = m_window->findChild<QSplitter *>(u"mailboxSplitter"_s);
    splitter->setSizes({700, 300});
    const QList<int> sizes = splitter->sizes();
    m_window->close(); // saves the layout
    MainWindow again;
    again.show();
    QCOMPARE(again.mailboxView()->horizontalHeader()->sectionSize(MailboxTableModel::Profile), 321);
    QCOMPARE(again.mailboxView()->horizontalHeader()->visualIndex(MailboxTableModel::Hint), 1);
    QCOMPARE(again.findChild<QSplitter *>(u"mailboxSplitter"_s)->sizes(), sizes);
}

void TestConsoleActions::defaultColumnsFitAt1366x768()
{
    QVERIFY(m_console.stop());
    QSettings().clear(); // the default layout, as on a first start
    m_console.start(m_store);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->mailboxModel()->rowCount() >= 4, 10000);
    // A 1366×768 screen leaves about 740 pixels to the window under a title bar and a panel: the window
    // must fit there, not grow past the screen's bottom edge.
    m_window->resize(1366, 740);
    QTRY_COMPARE(m_window->width(), 1366);
    QVERIFY2(
        m_window->height() <= 740 && m_window->minimumSizeHint().height() <= 740,
        qPrintable(u"window %1 high, at least %2"_s.arg(m_window->height()).arg(m_window->minimumSizeHint().height())));
    QTableView *view = m_window->mailboxView();
    QHeaderView *header = view->horizontalHeader();
    const int visible = view->viewport()->width();
    for (int column : {MailboxTableModel::Address, MailboxTableModel::State, MailboxTableModel::LastSuccess,
                       MailboxTableModel::NextSync, MailboxTableModel::Failures, MailboxTableModel::Hint}) {
        const QString title = m_window->mailboxModel()->headerData(column, Qt::Horizontal).toString();
        QVERIFY2(!header->isSectionHidden(column), qPrintable(title));
        const int left = header->sectionViewportPosition(column);
        QVERIFY2(
            left >= 0 && left + std::min(header->sectionSize(column), 120) <= visible,
            qPrintable(
                u"%1 at %2..%3 of %4"_s.arg(title).arg(left).arg(left + header->sectionSize(column)).arg(visible)));
    }
}

void TestConsoleActions::columnChooserIsRemembered()
{
    QHeaderView *header = m_window->mailboxView()->horizontalHeader();
    QCOMPARE(header->contextMenuPolicy(), Qt::ActionsContextMenu);
    QAction *owner = nullptr;
    for (QAction *action : header->actions()) {
        if (action->text().remove(u'&') == u"Owner"_s) {
            owner = action;
        }
    }
    QVERIFY(owner && owner->isCheckable());
    const bool shown = !header->isSectionHidden(MailboxTableModel::Owner);
    QCOMPARE(owner->isChecked(), shown);
    owner->trigger();
    QCOMPARE(header->isSectionHidden(MailboxTableModel::Owner), shown);
    // The last visible column cannot be hidden: the chooser keeps at least the address.
    header->resizeSection(MailboxTableModel::Address, 277);
    QVERIFY(m_console.stop()); // saves the layout
    m_console.start(m_store);
    QHeaderView *again = m_window->mailboxView()->horizontalHeader();
    QCOMPARE(again->isSectionHidden(MailboxTableModel::Owner), shown);
    QCOMPARE(again->sectionSize(MailboxTableModel::Address), 277);
    for (QAction *action : again->actions()) {
        if (action->text().remove(u'&') == u"Owner"_s) {
            QCOMPARE(action->isChecked(), !shown);
        }
    }
}

void TestConsoleActions::errorColumnSaysClassAndShortText()
{
    const int row = rowOf(u"failing@example.test"_s);
    QVERIFY(row >= 0);
    const QModelIndex error = m_window->mailboxModel()->index(row, MailboxTableModel::ErrorClass);
    QVERIFY2(error.data().toString().startsWith(u"Timeout: no answer from"_s), qPrintable(error.data().toString()));
    QVERIFY(error.data().toString().size() <= 64);
    QVERIFY(error.data(Qt::ToolTipRole).toString().contains(u"while waiting for the greeting"_s));
}

void TestConsoleActions::filtersCombineAndViewsAreSaved()
{
    MailboxFilterProxy *proxy = m_window->mailboxProxy();
    auto *profile = m_window->findChild<QComboBox *>(u"profileFilter"_s);
    auto *error = m_window->findChild<QComboBox *>(u"errorFilter"_s);
    QVERIFY(profile && error);
    QTRY_VERIFY(profile->findData(u"Legacy"_s) > 0);
    profile->setCurrentIndex(profile->findData(u"Legacy"_s));
    QCOMPARE(proxy->rowCount(), 2);
    m_window->setQuickFilter(MailboxFilterProxy::QuickFilter::Disabled);
    QCOMPARE(proxy->rowCount(), 1);
    QCOMPARE(proxy->index(0, MailboxTableModel::Address).data().toString(), u"off@example.test"_s);
    m_window->saveView(u"Legacy & off"_s);
    QVERIFY(m_window->savedViews().contains(u"Legacy & off"_s));
    m_window->clearMailboxFilters();
    QCOMPARE(proxy->rowCount(), m_window->mailboxModel()->rowCount());
    // Restored from the Views menu.
    auto *menu = m_window->findChild<QMenu *>(u"viewsMenu"_s);
    QVERIFY(menu);
    QAction *restore = nullptr;
    for (QAction *action : menu->actions()) {
        if (action->objectName() == u"view:Legacy & off"_s) {
            restore = action;
        }
    }
    QVERIFY(restore);
    QCOMPARE(restore->text(), u"Legacy && off"_s); // shown with its ampersand
    restore->trigger();
    QCOMPARE(proxy->rowCount(), 1);
    QCOMPARE(profile->currentData().toString(), u"Legacy"_s);
    // The error class combines with the rest.
    m_window->clearMailboxFilters();
    QTRY_VERIFY(error->findData(u"Timeout"_s) > 0);
    error->setCurrentIndex(error->findData(u"Timeout"_s));
    QCOMPARE(proxy->rowCount(), 1);
    QCOMPARE(proxy->index(0, MailboxTableModel::Address).data().toString(), u"failing@example.test"_s);
    m_window->clearMailboxFilters();
}

void TestConsoleActions::overviewTilesAndBarsOpenTheFilteredTable()
{
    auto *tabs = m_window->findChild<QTabWidget *>(u"tabs"_s);
    m_window->showOverview();
    QWidget *failing = m_window->overviewPane()->tileBox(u"failing"_s);
    QVERIFY(failing);
    QTest::mouseClick(failing, Qt::LeftButton);
    QCOMPARE(tabs->currentIndex(), 0);
    QCOMPARE(m_window->mailboxProxy()->rowCount(), 1);
    QCOMPARE(m_window->mailboxProxy()->quickFilter(), MailboxFilterProxy::QuickFilter::Failing);
    m_window->showOverview();
    QWidget *never = m_window->overviewPane()->tileBox(u"never"_s);
    never->setFocus();
    QTest::keyClick(never, Qt::Key_Return); // by keyboard too
    QCOMPARE(tabs->currentIndex(), 0);
    QCOMPARE(m_window->mailboxProxy()->quickFilter(), MailboxFilterProxy::QuickFilter::Never);
    // The failures chart: a bar is an error class.
    m_window->showOverview();
    QBarSet *bars = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const auto series = m_window->overviewPane()->failuresChart()->series();
            auto *barSeries = series.isEmpty() ? nullptr : qobject_cast<QAbstractBarSeries *>(series.constFirst());
            bars = barSeries && !barSeries->barSets().isEmpty() ? barSeries->barSets().constFirst() : nullptr;
            return bars != nullptr;
        }(),
        10000);
    Q_EMIT bars->clicked(0); // what a click on the first bar sends
    QCOMPARE(tabs->currentIndex(), 0);
    QCOMPARE(m_window->mailboxProxy()->errorClass(), u"Timeout"_s);
    QCOMPARE(m_window->mailboxProxy()->rowCount(), 1);
    m_window->clearMailboxFilters();
}

void TestConsoleActions::detailsPaneStartsAtTheTopAndFollowsTheRules()
{
    m_console.window->resize(1366, 600); // the details longer than the pane: it scrolls
    MailboxDetailsPane *details = m_window->detailsPane();
    m_window->selectMailbox(u"off@example.test"_s);
    QTRY_COMPARE_WITH_TIMEOUT(details->mailboxId(), SyncHelper::mailboxId(m_store, u"off@example.test"_s), 5000);
    QVERIFY(!details->resyncButton()->isEnabled()); // as the tool bar's: a disabled mailbox is not synced
    m_window->selectMailbox(u"ok@example.test"_s);
    QTRY_COMPARE_WITH_TIMEOUT(details->mailboxId(), SyncHelper::mailboxId(m_store, u"ok@example.test"_s), 5000);
    QVERIFY(details->resyncButton()->isEnabled());
    QScrollBar *bar = details->scrollArea()->verticalScrollBar();
    QTRY_VERIFY(bar->maximum() > 0);
    // The wheel over the runs table (without focus) scrolls the pane.
    m_window->mailboxView()->setFocus();
    QWidget *runs = details->runsTable()->viewport();
    const QPoint at = runs->rect().center();
    QWheelEvent wheel(at, runs->mapToGlobal(at), QPoint(), QPoint(0, -120), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(runs, &wheel);
    QVERIFY2(bar->value() > 0, qPrintable(QString::number(bar->value())));
    // Another mailbox's details open at the top.
    bar->setValue(bar->maximum());
    m_window->selectMailbox(u"failing@example.test"_s);
    QTRY_COMPARE_WITH_TIMEOUT(details->mailboxId(), SyncHelper::mailboxId(m_store, u"failing@example.test"_s), 5000);
    QCOMPARE(bar->value(), 0);
}

void TestConsoleActions::intervalChartBreaksWhereTheMailboxDidNotSync()
{
    MailboxDetailsPane pane;
    MailboxDetails details;
    details.status.mailbox.id = 42;
    details.status.mailbox.address = u"gap@example.test"_s;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // Newest first, as the store gives them: two runs now, a two-hour gap (disabled), three runs before.
    for (const int minutesAgo : {1, 6, 130, 135, 140}) {
        SyncRun run;
        run.startedAt = now.addSecs(-60 * minutesAgo);
        run.finishedAt = run.startedAt.addSecs(2);
        run.success = true;
        run.intervalMs = 300000;
        details.runs.append(run);
    }
    pane.setDetails(details, now);
    int lines = 0;
    for (QAbstractSeries *series : pane.intervalChart()->series()) {
        lines += series->type() == QAbstractSeries::SeriesTypeLine ? 1 : 0;
    }
    QCOMPARE(lines, 2);
}

QTEST_MAIN(TestConsoleActions)
#include "tst_consoleactions.moc"

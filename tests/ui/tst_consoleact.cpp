// The console's appointments and tasks on a real database, offscreen and monitor-only: the CRM tab's Appointments and
// Tasks pages add, edit (keeping what the form cannot show, such as attendees' responses), delete and track records
// through the same checks as syncdesk-node, and every change asks the mailboxes that carry it to sync their calendars;
// the dialog refuses bad input and shows the store's refusals; the details pane's ACT box shows the direction's
// state, its conflicts and the last error with its hint.

#include "act/actfields.h"
#include "consoleharness.h"
#include "dialogs/actrecorddialog.h"
#include "dialogs/regardingcombo.h"
#include "dialogs/trackappointmentdialog.h"
#include "mainwindow.h"
#include "models/actrecordmodel.h"
#include "models/crmrecordmodel.h"
#include "models/mailboxtablemodel.h"
#include "store/actstore.h"
#include "store/store.h"
#include "synchelper.h"
#include "views/actrecordspane.h"
#include "views/crmpane.h"
#include "views/mailboxdetailspane.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace SyncDesk;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

class TestConsoleAct : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void addEditAndDeleteAnAppointment();
    void editKeepsWhatTheFormCannotShow();
    void dialogRefusesBadInputAndShowsTheStoresRefusal();
    void addATask();
    void trackAppointmentSetsRegardingAndAsksForASync();
    void detailsShowTheActDirection();

private:
    std::optional<ActStore::State> actState(const QString &address);
    void selectRow(ActRecordsPane *pane, qint64 id);
    ActRecordDialog *openEditor(ActRecordsPane *pane, bool add);

    QTemporaryDir m_dir;
    StoreConfig m_store;
    ConsoleHarness m_console;
    std::unique_ptr<MainWindow> &m_window = m_console.window;
};

void TestConsoleAct::initTestCase()
{
    useTestSettings(u"tst_consoleact"_s);
    QVERIFY(m_dir.isValid());
    m_store = StoreConfig::sqlite(m_dir.filePath(u"act.db"_s));
    QVERIFY(writeSecretFile(m_dir.filePath(u"pw"_s)));
    QFile config(m_dir.filePath(u"config.json"_s));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(R"({
      "server_profiles": [{"name": "Main", "incoming": {"protocol": "imap", "host": "imap.example.test"},
                           "act": {"url": "https://dav.example.test/"}},
                          {"name": "NoDav", "incoming": {"protocol": "imap", "host": "imap2.example.test"}}],
      "crm": {
        "roles": {"sales": {"account": "business-unit"}},
        "business_units": [{"id": "emea"}],
        "system_users": [{"id": "ana", "name": "Ana Souza", "email": "ana@corp.example", "business_unit": "emea",
                          "roles": ["sales"]},
                         {"id": "ben", "name": "Ben Ode", "email": "ben@corp.example", "business_unit": "emea"}],
        "accounts": [{"id": "contoso", "name": "Contoso", "email": "info@contoso.example", "owner": "ana"}]
      },
      "mailboxes": [
        {"address": "ana@corp.example", "profile": "Main", "password_file": "pw", "owner": "systemuser:ana",
         "act": true},
        {"address": "ben@corp.example", "profile": "NoDav", "password_file": "pw", "owner": "systemuser:ben",
         "act": {"appointments": "both", "contacts": "none", "tasks": "none"}},
        {"address": "plain@corp.example", "profile": "Main", "password_file": "pw"}
      ]
    })");
    config.close();
    const QString imported = SyncHelper::importConfig(m_store, config.fileName());
    QVERIFY2(imported.isEmpty(), qPrintable(imported));
}

void TestConsoleAct::init()
{
    m_console.start(m_store);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->mailboxModel()->rowCount() == 3, 10000);
    QVERIFY(m_window->showTab(u"appointments"_s));
    // The owners the dialog offers come with the CRM records.
    QTRY_VERIFY_WITH_TIMEOUT(m_window->crmPane()->recordModel()->rowCount() >= 3, 5000);
}

void TestConsoleAct::cleanup()
{
    QVERIFY(m_console.stop());
}

std::optional<ActStore::State> TestConsoleAct::actState(const QString &address)
{
    auto store = Store::open(m_store);
    if (!store) {
        return std::nullopt;
    }
    auto state = ActStore(**store).state(SyncHelper::mailboxId(m_store, address));
    return state ? std::optional(*state) : std::nullopt;
}

void TestConsoleAct::selectRow(ActRecordsPane *pane, qint64 id)
{
    QTableView *view = pane->view();
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        if (view->model()->index(row, 0).data(ActRecordModel::IdRole).toLongLong() == id) {
            view->selectRow(row);
            return;
        }
    }
    QFAIL("the record is not listed");
}

ActRecordDialog *TestConsoleAct::openEditor(ActRecordsPane *pane, bool add)
{
    QPushButton *button = pane->button(add ? u"add"_s : u"edit"_s);
    if (!button || !button->isEnabled()) {
        return nullptr;
    }
    button->click();
    return m_window->actRecordDialog();
}

void TestConsoleAct::addEditAndDeleteAnAppointment()
{
    ActRecordsPane *pane = m_window->crmPane()->appointmentsPane();
    QAbstractItemModelTester tester(pane->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(pane->isVisible());
    ActRecordDialog *dialog = openEditor(pane, true);
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    dialog->subjectEdit()->setText(u"Quarterly review"_s);
    dialog->timeZoneCombo()->setCurrentIndex(dialog->timeZoneCombo()->findData(u"Europe/Berlin"_s));
    // 10:00 in Berlin in summer is 08:00 UTC.
    // The edits hold the zone's wall-clock time (as UTC, whatever this computer's zone).
    dialog->startEdit()->setDateTime(QDateTime(QDate(2027, 7, 5), QTime(10, 0), Qt::UTC));
    dialog->endEdit()->setDateTime(QDateTime(QDate(2027, 7, 5), QTime(11, 30), Qt::UTC));
    dialog->locationEdit()->setText(u"Room 4"_s);
    dialog->ownerCombo()->setCurrentIndex(dialog->ownerCombo()->findData(u"ana"_s));
    QVERIFY2(dialog->problem().isEmpty(), qPrintable(dialog->problem()));
    QSignalSpy finished(dialog, &QDialog::finished);
    dialog->accept();
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.constFirst().at(0).toInt(), int(QDialog::Accepted));

    QTRY_COMPARE_WITH_TIMEOUT(pane->model()->rowCount(), 1, 5000);
    const ActRecordView shown = pane->model()->records().constFirst();
    QCOMPARE(shown.subject(), u"Quarterly review"_s);
    QCOMPARE(shown.ownerKey, u"ana"_s);
    QCOMPARE(shown.fields.value(u"start"_s).toString(), u"2027-07-05T08:00:00Z"_s);
    QCOMPARE(shown.fields.value(u"end"_s).toString(), u"2027-07-05T09:30:00Z"_s);
    QCOMPARE(shown.fields.value(u"time_zone"_s).toString(), u"Europe/Berlin"_s);
    QCOMPARE(shown.fields.value(u"location"_s).toString(), u"Room 4"_s);
    // What the store holds, and Ana's mailbox (it syncs her appointments) asked to sync its calendar at once; Ben's
    // mailbox, whose owner does not own it, is not.
    auto store = Store::open(m_store);
    QVERIFY(store);
    auto saved = ActStore(**store).appointment(shown.id);
    QVERIFY(saved && saved->has_value());
    QCOMPARE((*saved)->start, QDateTime(QDate(2027, 7, 5), QTime(8, 0), Qt::UTC));
    QVERIFY(actState(u"ana@corp.example"_s)->requestedAt.isValid());
    QVERIFY(!actState(u"ben@corp.example"_s)->requestedAt.isValid());
    QVERIFY(pane->model()->index(0, ActRecordModel::Detail).data().toString() == u"Room 4"_s);

    // Edit: a new subject; the list follows.
    selectRow(pane, shown.id);
    dialog = openEditor(pane, false);
    QVERIFY(dialog);
    QCOMPARE(dialog->subjectEdit()->text(), u"Quarterly review"_s);
    QCOMPARE(dialog->startEdit()->dateTime(), QDateTime(QDate(2027, 7, 5), QTime(10, 0), Qt::UTC)); // in Berlin
    dialog->subjectEdit()->setText(u"Quarterly review (moved)"_s);
    QCOMPARE(dialog->assignments(), QStringList{u"subject=Quarterly review (moved)"_s});
    dialog->accept();
    QTRY_COMPARE_WITH_TIMEOUT(pane->model()->records().constFirst().subject(), u"Quarterly review (moved)"_s, 5000);
    QTRY_VERIFY(!m_window->actRecordDialog());

    // Delete, after a confirmation; Cancel first keeps it.
    selectRow(pane, shown.id);
    pane->button(u"delete"_s)->click();
    auto *confirm = m_window->findChild<QMessageBox *>(u"actDeleteConfirm"_s);
    QVERIFY(confirm);
    QVERIFY(confirm->text().contains(u"1 appointment"_s));
    confirm->button(QMessageBox::Ok)->click();
    QTRY_COMPARE_WITH_TIMEOUT(pane->model()->rowCount(), 0, 5000);
    saved = ActStore(**store).appointment(shown.id);
    QVERIFY(saved && !saved->has_value());
}

void TestConsoleAct::editKeepsWhatTheFormCannotShow()
{
    // An appointment from a calendar, with an attendee who accepted: the form shows addresses only, and saving a new
    // location must not reset the response.
    auto store = Store::open(m_store);
    QVERIFY(store);
    Appointment appointment;
    appointment.subject = u"Site visit"_s;
    appointment.start = QDateTime(QDate(2027, 3, 1), QTime(9, 0), Qt::UTC);
    appointment.end = appointment.start.addSecs(3600);
    appointment.ownerKey = u"ana"_s;
    appointment.businessUnit = u"emea"_s;
    appointment.attendees = {{u"kim@contoso.example"_s, u"Kim Lee"_s, u"accepted"_s, u"required"_s}};
    QVERIFY(ActStore(**store).saveAppointment(appointment, QDateTime::currentDateTimeUtc()));
    m_window->crmPane()->refreshRequested();
    ActRecordsPane *pane = m_window->crmPane()->appointmentsPane();
    QTRY_VERIFY_WITH_TIMEOUT(pane->model()->recordById(appointment.id).has_value(), 5000);
    selectRow(pane, appointment.id);
    ActRecordDialog *dialog = openEditor(pane, false);
    QVERIFY(dialog);
    // UTC shown as UTC: the record has no zone.
    QCOMPARE(dialog->timeZoneCombo()->currentData().toString(), QString());
    dialog->locationEdit()->setText(u"Contoso, Lisbon"_s);
    QCOMPARE(dialog->assignments(), QStringList{u"location=Contoso, Lisbon"_s});
    dialog->accept();
    QTRY_COMPARE_WITH_TIMEOUT(pane->model()->recordById(appointment.id)->fields.value(u"location"_s).toString(),
                              u"Contoso, Lisbon"_s, 5000);
    auto saved = ActStore(**store).appointment(appointment.id);
    QVERIFY(saved && saved->has_value());
    QCOMPARE((*saved)->attendees, appointment.attendees);
    QCOMPARE((*saved)->start, appointment.start);
    QVERIFY(ActStore(**store).removeRecord(ActKind::Appointment, appointment.id));
}

void TestConsoleAct::dialogRefusesBadInputAndShowsTheStoresRefusal()
{
    ActRecordsPane *pane = m_window->crmPane()->appointmentsPane();
    ActRecordDialog *dialog = openEditor(pane, true);
    QVERIFY(dialog);
    auto *save = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
    QVERIFY(dialog->problem().contains(u"subject"_s));
    QVERIFY(!save->isEnabled());
    dialog->subjectEdit()->setText(u"Backwards"_s);
    dialog->endEdit()->setDateTime(dialog->startEdit()->dateTime().addSecs(-60));
    QVERIFY(dialog->problem().contains(u"end must be after"_s));
    QVERIFY(!save->isEnabled());
    dialog->endEdit()->setDateTime(dialog->startEdit()->dateTime().addSecs(3600));
    dialog->timeZoneCombo()->setEditText(u"Mars/Olympus"_s);
    QVERIFY(dialog->problem().contains(u"time zone"_s));
    dialog->timeZoneCombo()->setCurrentIndex(0); // UTC
    dialog->regardingCombo()->setEditText(u"planet:mars"_s);
    QVERIFY(dialog->problem().contains(u"account:contoso"_s));
    dialog->regardingCombo()->setCurrentIndex(0);
    QVERIFY(dialog->problem().isEmpty());
    QVERIFY(save->isEnabled());
    // What only the store's checks find (the same as syncdesk-node's): the dialog stays open with the reason and
    // what was typed, and nothing is written.
    const auto edits = dialog->findChildren<QLineEdit *>();
    QLineEdit *recurrence = nullptr;
    for (QLineEdit *edit : edits) {
        if (edit->accessibleName() == u"Recurrence"_s) {
            recurrence = edit;
        }
    }
    QVERIFY(recurrence);
    recurrence->setText(u"EVERY=TUESDAY"_s);
    QSignalSpy edited(m_console.backend.get(), &ConsoleBackend::actRecordEdited);
    dialog->accept();
    QVERIFY(edited.wait(5000));
    QCOMPARE(edited.constFirst().at(1).toLongLong(), 0);
    QVERIFY(dialog->isVisible());
    QVERIFY2(dialog->problemLabel()->text().contains(u"recurrence"_s), qPrintable(dialog->problemLabel()->text()));
    QCOMPARE(dialog->subjectEdit()->text(), u"Backwards"_s);
    QVERIFY(save->isEnabled());
    dialog->reject();
    auto store = Store::open(m_store);
    QVERIFY(store);
    auto all = ActStore(**store).appointments({});
    QVERIFY(all);
    for (const Appointment &a : std::as_const(*all)) {
        QVERIFY(a.subject != u"Backwards"_s);
    }
}

void TestConsoleAct::addATask()
{
    QVERIFY(m_window->showTab(u"tasks"_s));
    ActRecordsPane *pane = m_window->crmPane()->tasksPane();
    QVERIFY(pane->isVisible());
    QVERIFY(!pane->button(u"track"_s)); // tracking is for appointments
    ActRecordDialog *dialog = openEditor(pane, true);
    QVERIFY(dialog);
    dialog->subjectEdit()->setText(u"Send the quote"_s);
    dialog->allDayBox()->setChecked(true);
    dialog->endEdit()->setDate(QDate(2027, 2, 26)); // due
    dialog->statusCombo()->setCurrentIndex(dialog->statusCombo()->findData(u"completed"_s));
    dialog->ownerCombo()->setCurrentIndex(dialog->ownerCombo()->findData(u"ben"_s));
    dialog->regardingCombo()->setCurrentIndex(dialog->regardingCombo()->findData(u"account:contoso"_s));
    dialog->accept();
    QTRY_COMPARE_WITH_TIMEOUT(pane->model()->rowCount(), 1, 5000);
    const ActRecordView task = pane->model()->records().constFirst();
    QCOMPARE(task.fields.value(u"due"_s).toString(), u"2027-02-26T00:00:00Z"_s);
    QCOMPARE(task.fields.value(u"all_day"_s).toBool(), true);
    QCOMPARE(task.fields.value(u"status"_s).toString(), u"completed"_s);
    QCOMPARE(task.fields.value(u"percent_complete"_s).toInt(), 100);
    QCOMPARE(task.fields.value(u"regarding"_s).toString(), u"account:contoso"_s);
    QCOMPARE(task.ownerKey, u"ben"_s);
    QVERIFY(pane->model()->index(0, ActRecordModel::Until).data().toString().startsWith(u"Completed"_s));
    // Ben's mailbox does not sync tasks: nothing asked of it.
    QVERIFY(!actState(u"ben@corp.example"_s)->requestedAt.isValid());
}

void TestConsoleAct::trackAppointmentSetsRegardingAndAsksForASync()
{
    auto store = Store::open(m_store);
    QVERIFY(store);
    Appointment appointment;
    appointment.subject = u"Call with Contoso"_s;
    appointment.start = QDateTime(QDate(2027, 4, 1), QTime(14, 0), Qt::UTC);
    appointment.end = appointment.start.addSecs(1800);
    appointment.ownerKey = u"ben"_s;
    appointment.businessUnit = u"emea"_s;
    QVERIFY(ActStore(**store).saveAppointment(appointment, QDateTime::currentDateTimeUtc()));
    m_window->crmPane()->refreshRequested();
    ActRecordsPane *pane = m_window->crmPane()->appointmentsPane();
    QTRY_VERIFY_WITH_TIMEOUT(pane->model()->recordById(appointment.id).has_value(), 5000);
    selectRow(pane, appointment.id);
    pane->button(u"track"_s)->click();
    auto *dialog = m_window->findChild<TrackAppointmentDialog *>(u"trackAppointmentDialog"_s);
    QVERIFY(dialog);
    dialog->regardingCombo()->setCurrentIndex(dialog->regardingCombo()->findData(u"account:contoso"_s));
    QSignalSpy done(m_console.backend.get(), &ConsoleBackend::actionDone);
    dialog->accept();
    QVERIFY(done.wait(5000));
    QVERIFY2(done.constFirst().at(1).toString().isEmpty(), qPrintable(done.constFirst().at(1).toString()));
    QVERIFY2(done.constFirst().at(0).toString().contains(u"ben@corp.example"_s),
             qPrintable(done.constFirst().at(0).toString()));
    auto saved = ActStore(**store).appointment(appointment.id);
    QVERIFY(saved && saved->has_value());
    QCOMPARE((*saved)->regarding, (RecordRef{u"account"_s, u"contoso"_s}));
    // Ben's mailbox syncs his appointments (its profile has no calendar server: its ACT state says so, below).
    QVERIFY(actState(u"ben@corp.example"_s)->requestedAt.isValid());
    bool asked = false;
    const qint64 ben = SyncHelper::mailboxId(m_store, u"ben@corp.example"_s);
    auto syncAsked = [&] {
        auto requests = (*store)->takeSyncRequests();
        for (const SyncRequest &request : requests ? *requests : QList<SyncRequest>()) {
            asked = asked || request.mailboxId == ben;
        }
        return asked;
    };
    QTRY_VERIFY_WITH_TIMEOUT(syncAsked(), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(pane->model()->recordById(appointment.id)->fields.value(u"regarding"_s).toString(),
                              u"account:contoso"_s, 5000);
}

void TestConsoleAct::detailsShowTheActDirection()
{
    auto store = Store::open(m_store);
    QVERIFY(store);
    ActStore act(**store);
    ActStore::State state;
    state.mailboxId = SyncHelper::mailboxId(m_store, u"ana@corp.example"_s);
    state.lastAttemptAt = QDateTime::currentDateTimeUtc().addSecs(-120);
    state.lastSuccessAt = QDateTime::currentDateTimeUtc().addSecs(-3600);
    state.failuresInRow = 2;
    state.errorClass = u"Auth"_s;
    state.errorMessage = u"the calendar server refused the login <b>bold</b>"_s;
    state.errorHint = u"dav-auth"_s;
    state.conflicts = 1;
    QVERIFY(act.saveState(state));
    ActStore::Conflict conflict;
    conflict.mailboxId = state.mailboxId;
    conflict.recordId = 1;
    conflict.uid = u"u1"_s;
    conflict.subject = u"Planning"_s;
    conflict.field = u"location"_s;
    conflict.crmValue = u"Room 1"_s; // a string as it is, as the engine records it
    conflict.serverValue = u"Room 2"_s;
    conflict.winner = u"crm"_s;
    conflict.detectedAt = QDateTime::currentDateTimeUtc();
    QVERIFY(act.recordConflicts({conflict}));

    QVERIFY(m_window->showTab(u"mailboxes"_s));
    m_window->selectMailbox(u"ana@corp.example"_s);
    auto *label = m_window->detailsPane()->findChild<QLabel *>(u"actState"_s);
    QVERIFY(label);
    QTRY_VERIFY_WITH_TIMEOUT(label->text().contains(u"failing"_s), 5000);
    const QString text = label->text();
    QVERIFY(text.contains(u"https://dav.example.test/"_s));
    QVERIFY(text.contains(u"Room 1"_s) && text.contains(u"Room 2"_s));
    QVERIFY(text.contains(u"dav-auth"_s));
    QVERIFY2(text.contains(u"&lt;b&gt;bold"_s), qPrintable(text)); // a server's text is never rich text
    QVERIFY(text.contains(u"Appointments: both ways"_s));
    auto *subtitle = m_window->detailsPane()->findChild<QLabel *>(u"subtitle"_s);
    QTRY_VERIFY(subtitle->text().contains(u"calendar: failing"_s));

    // A profile without a calendar server: not configured, with its hint; a mailbox without act: off.
    m_window->selectMailbox(u"ben@corp.example"_s);
    QTRY_VERIFY_WITH_TIMEOUT(label->text().contains(u"not configured"_s), 5000);
    QVERIFY(label->text().contains(u"NoDav"_s));
    m_window->selectMailbox(u"plain@corp.example"_s);
    QTRY_VERIFY_WITH_TIMEOUT(label->text().contains(u"off"_s), 5000);
    QVERIFY(label->text().contains(u"\"act\""_s) || label->text().contains(u"&quot;act&quot;"_s));
}

QTEST_MAIN(TestConsoleAct)
#include "tst_consoleact.moc"

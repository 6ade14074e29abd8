// The console's outgoing email, offscreen: Compose sends through the console's own engine and Dovecot's real
// submission service (the recipient's INBOX has it, the Outbox shows it Sent, Open shows the server's reply and
// the copy in Sent, the details pane the outgoing direction); Compose keeps the composer's refusal in the
// dialog and stores nothing; the Outbox's views and its Send draft, Cancel and Retry move emails as the
// command line does, and only the buttons that apply are enabled.

#include "consoleharness.h"
#include "dialogs/composedialog.h"
#include "dialogs/outgoingemaildialog.h"
#include "dialogs/regardingcombo.h"
#include "dovecotserver.h"
#include "imapprobe.h"
#include "mainwindow.h"
#include "models/mailboxtablemodel.h"
#include "outgoing/outboxcomposer.h"
#include "store/outboxstore.h"
#include "store/store.h"
#include "synchelper.h"
#include "testconfig.h"
#include "views/mailboxdetailspane.h"
#include "views/outboxpane.h"

#include <QComboBox>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace SyncDesk;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

namespace {
const QString kPassword = u"outbox-pw"_s;
const QString kAna = u"ana@contoso.test"_s;
} // namespace

class TestConsoleOutbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void composeSendsThroughDovecotAndTheOutboxFollows();
    void composeKeepsTheRefusalInTheDialog();
    void outboxActionsMoveEmailsAndOnlyWhatAppliesIsEnabled();

private:
    void startConsole(bool runEngine);
    qint64 composeDirect(const QString &subject, bool draft);
    std::optional<OutgoingEmail> email(qint64 id);
    int rowOf(qint64 id) const;
    void selectRow(qint64 id);

    DovecotServer m_dovecot{[] {
        DovecotServer::Options options;
        options.deliverSubmissions = true;
        return options;
    }()};
    QTemporaryDir m_dir;
    StoreConfig m_store;
    ConsoleHarness m_console;
    int m_round = 0;
};

void TestConsoleOutbox::initTestCase()
{
    useTestSettings(u"tst_consoleoutbox"_s);
    if (!DovecotServer::isAvailable() || !DovecotServer::smtpRelayAvailable()) {
        if (qEnvironmentVariableIsSet("CI")) {
            QFAIL("Dovecot with submission and LMTP, or python3-aiosmtpd, is missing; scripts/test.sh installs them");
        }
        QSKIP("Dovecot with submission and LMTP, or python3-aiosmtpd, is missing; scripts/test.sh installs them");
    }
    for (const QString &user : {u"ana"_s, u"bjorn"_s}) {
        QVERIFY(m_dovecot.setUser(user, kPassword));
    }
    QString error;
    QVERIFY2(m_dovecot.start(&error), qPrintable(error));
    QVERIFY(m_dir.isValid());
}

void TestConsoleOutbox::init()
{
    ++m_round;
    m_store = StoreConfig::sqlite(m_dir.filePath(u"store-%1.db"_s.arg(m_round)));
    TestConfig config(m_dir.path());
    config.addProfile(u"dovecot"_s, m_dovecot, u"none"_s);
    config.addMailbox(kAna, u"dovecot"_s, u"ana"_s, kPassword, {u"INBOX"_s});
    config.setMailboxKey(kAna, u"owner"_s, u"systemuser:ana"_s);
    config.setCrm(QJsonDocument::fromJson(R"({
        "roles": {"sales": {"account": "organization"}},
        "business_units": [{"id": "sales"}],
        "system_users": [{"id": "ana", "name": "Ana Müller", "email": "ana@contoso.test", "business_unit": "sales",
                          "roles": ["sales"]}],
        "accounts": [{"id": "fabrikam", "name": "Fabrikam", "email": "info@fabrikam.test", "owner": "ana"}]
    })")
                      .object());
    config.addSubmission(u"dovecot"_s, m_dovecot);
    const QString imported = SyncHelper::importConfig(m_store, config.write());
    QVERIFY2(imported.isEmpty(), qPrintable(imported));
}

void TestConsoleOutbox::cleanup()
{
    QVERIFY(m_console.stop());
}

void TestConsoleOutbox::startConsole(bool runEngine)
{
    m_console.start(m_store, runEngine);
    QTRY_VERIFY_WITH_TIMEOUT(m_console.window->mailboxModel()->rowCount() == 1, 10000);
}

qint64 TestConsoleOutbox::composeDirect(const QString &subject, bool draft)
{
    auto store = Store::open(m_store);
    if (!store) {
        return 0;
    }
    OutgoingDraft compose;
    compose.fromAddress = kAna;
    compose.to = {{QString(), u"bjorn@fabrikam.test"_s}};
    compose.subject = subject;
    compose.bodyText = u"text"_s;
    compose.draft = draft;
    auto id = OutboxComposer(**store).compose(compose);
    return id ? *id : 0;
}

std::optional<OutgoingEmail> TestConsoleOutbox::email(qint64 id)
{
    auto store = Store::open(m_store);
    if (!store) {
        return std::nullopt;
    }
    auto found = OutboxStore(**store).email(id);
    return found ? *found : std::nullopt;
}

int TestConsoleOutbox::rowOf(qint64 id) const
{
    const QList<OutgoingEmail> &emails = m_console.window->outboxPane()->emails();
    for (int row = 0; row < emails.size(); ++row) {
        if (emails.at(row).activity.id == id) {
            return row;
        }
    }
    return -1;
}

void TestConsoleOutbox::selectRow(qint64 id)
{
    QTableWidget *table = m_console.window->outboxPane()->table();
    const int row = rowOf(id);
    QVERIFY(row >= 0);
    table->clearSelection();
    table->setCurrentCell(row, 0);
    table->selectRow(row);
}

void TestConsoleOutbox::composeSendsThroughDovecotAndTheOutboxFollows()
{
    startConsole(true);
    MainWindow &window = *m_console.window;
    QVERIFY(window.showTab(u"outbox"_s));
    OutboxPane *outbox = window.outboxPane();
    outbox->setView(OutboxPane::View::All);

    window.mailboxView()->selectRow(0);
    window.compose();
    QPointer<ComposeDialog> dialog = window.composeDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->fromCombo()->currentText(), kAna);
    QVERIFY(!dialog->sendButton()->isEnabled()); // nothing typed yet
    dialog->toEdit()->setText(u"Björn Ås <bjorn@fabrikam.test>"_s);
    dialog->subjectEdit()->setText(u"Console — Angebot März"_s);
    dialog->bodyEdit()->setPlainText(u"Hallo Björn,\nvom Console.\n"_s);
    dialog->regardingCombo()->setEditText(u"account:fabrikam"_s);
    const QString attachment = m_dir.filePath(u"Preisliste März.txt"_s);
    {
        QFile file(attachment);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Artikel;Preis\nA;1,00\n");
    }
    dialog->addAttachment(attachment);
    QVERIFY2(dialog->problem().isEmpty(), qPrintable(dialog->problem()));
    QVERIFY(dialog->sendButton()->isEnabled());
    dialog->sendButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull(), 10000); // closed, deleted on close

    // The console's engine sends it at once (a new Pending Send email asks its mailbox to sync).
    // Sent first, then its copy appended to Sent: wait for both.
    QTRY_VERIFY_WITH_TIMEOUT(outbox->emails().size() == 1 &&
                                 outbox->emails().constFirst().status == OutgoingStatus::Sent &&
                                 !outbox->emails().constFirst().sentCopy.isEmpty(),
                             30000);
    const OutgoingEmail sent = outbox->emails().constFirst();
    QVERIFY2(sent.serverReply.startsWith(u"250"_s), qPrintable(sent.serverReply));
    QCOMPARE(sent.sentCopy, u"appended"_s);
    QVERIFY(sent.activity.regarding.has_value());
    QCOMPARE(sent.activity.regarding->id, u"fabrikam"_s);
    QCOMPARE(outbox->table()->item(0, 0)->text(), outgoingStatusTitle(OutgoingStatus::Sent));

    // Open shows what happened to it, as plain text.
    selectRow(sent.activity.id);
    QVERIFY(outbox->button(u"open"_s)->isEnabled());
    QVERIFY(!outbox->button(u"cancel"_s)->isEnabled()); // a sent email cannot be cancelled
    outbox->button(u"open"_s)->click();
    auto *opened = window.findChild<OutgoingEmailDialog *>(u"outgoingEmailDialog"_s);
    QVERIFY(opened);
    QCOMPARE(opened->fieldText(u"Status"_s), outgoingStatusTitle(OutgoingStatus::Sent));
    QVERIFY(opened->fieldText(u"Server reply"_s).startsWith(u"250"_s));
    QCOMPARE(opened->fieldText(u"Copy in Sent"_s), u"appended (Sent)"_s);
    QVERIFY(opened->fieldText(u"Attachments"_s).startsWith(u"Preisliste März.txt"_s));
    QVERIFY(opened->bodyView()->toPlainText().contains(u"vom Console."_s));
    opened->close();

    // The recipient has it, subject and attachment name as typed.
    ImapProbe probe;
    QVERIFY(probe.open(m_dovecot, u"bjorn"_s, kPassword, u"INBOX"_s));
    const QList<quint32> uids = probe.search("SUBJECT \"Console\"");
    QCOMPARE(uids.size(), 1);
    const QByteArray message = probe.fetch(uids.constFirst());
    QVERIFY2(message.contains("=?UTF-8?"), message.left(600).constData());
    QVERIFY(message.contains("Preisliste"));

    // The details pane shows the outgoing direction beside the incoming one.
    window.showTab(u"mailboxes"_s);
    window.mailboxView()->selectRow(0);
    QLabel *outgoing = window.detailsPane()->findChild<QLabel *>(u"outgoingState"_s);
    QVERIFY(outgoing);
    QTRY_VERIFY_WITH_TIMEOUT(outgoing->text().contains(u"Console — Angebot März"_s), 10000);
    QVERIFY2(outgoing->text().contains(window.detailsPane()->tr("Last sent")), qPrintable(outgoing->text()));
}

void TestConsoleOutbox::composeKeepsTheRefusalInTheDialog()
{
    startConsole(false);
    MainWindow &window = *m_console.window;
    window.compose();
    QPointer<ComposeDialog> dialog = window.composeDialog();
    QVERIFY(dialog);
    dialog->toEdit()->setText(u"bjorn@"_s);
    QVERIFY(!dialog->sendButton()->isEnabled());
    QVERIFY2(dialog->problemLabel()->text().contains(u"bjorn@"_s), qPrintable(dialog->problemLabel()->text()));
    dialog->toEdit()->setText(u"bjorn@fabrikam.test"_s);
    dialog->subjectEdit()->setText(u"Refused"_s);
    dialog->addAttachment(m_dir.filePath(u"does-not-exist.pdf"_s));
    QVERIFY(!dialog->sendButton()->isEnabled());
    QVERIFY2(dialog->problemLabel()->text().contains(u"does-not-exist.pdf"_s),
             qPrintable(dialog->problemLabel()->text()));
    qDeleteAll(dialog->attachmentList()->findItems(u"does-not-exist"_s, Qt::MatchContains));
    // A record the CRM does not have: only the store can tell; the dialog stays open with the refusal.
    dialog->regardingCombo()->setEditText(u"account:nope"_s);
    QVERIFY2(dialog->problem().isEmpty(), qPrintable(dialog->problem()));
    dialog->sendButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(dialog->problemLabel()->text().contains(u"account:nope"_s), 10000);
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->sendButton()->isEnabled()); // it can be corrected and sent again
    auto store = Store::open(m_store);
    QVERIFY(store);
    auto emails = OutboxStore(**store).emails({});
    QVERIFY(emails);
    QVERIFY(emails->isEmpty()); // nothing was stored
    // Corrected, it is saved as a draft and the dialog closes.
    dialog->regardingCombo()->setEditText(u"account:fabrikam"_s);
    dialog->draftButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull(), 10000); // closed, deleted on close
    emails = OutboxStore(**store).emails({});
    QVERIFY(emails);
    QCOMPARE(emails->size(), 1);
    QCOMPARE(emails->constFirst().status, OutgoingStatus::Draft);
}

void TestConsoleOutbox::outboxActionsMoveEmailsAndOnlyWhatAppliesIsEnabled()
{
    const qint64 draft = composeDirect(u"A draft"_s, true);
    const qint64 pending = composeDirect(u"Pending"_s, false);
    QVERIFY(draft > 0 && pending > 0);
    startConsole(false); // monitor only: nothing sends, so the statuses stay where the actions put them
    MainWindow &window = *m_console.window;
    OutboxPane *outbox = window.outboxPane();
    QVERIFY(window.showTab(u"outbox"_s));
    const int tab = window.findChild<QTabWidget *>(u"tabs"_s)->indexOf(outbox);
    QTRY_VERIFY_WITH_TIMEOUT(window.findChild<QTabWidget *>(u"tabs"_s)->tabText(tab).contains(u"1"_s), 10000);

    // Waiting shows the pending one only; Cancel applies to it, Retry and Send draft do not.
    outbox->setView(OutboxPane::View::Waiting);
    QTRY_COMPARE_WITH_TIMEOUT(outbox->emails().size(), 1, 10000);
    QCOMPARE(outbox->emails().constFirst().activity.id, pending);
    selectRow(pending);
    QVERIFY(outbox->button(u"cancel"_s)->isEnabled());
    QVERIFY(!outbox->button(u"retry"_s)->isEnabled());
    QVERIFY(!outbox->button(u"sendDraft"_s)->isEnabled());
    outbox->button(u"cancel"_s)->click();
    QTRY_VERIFY_WITH_TIMEOUT(email(pending) && email(pending)->status == OutgoingStatus::Cancelled, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(outbox->emails().size(), 0, 10000);
    QCOMPARE(outbox->caption()->text(), outbox->tr("Nothing waits to be sent."));

    // Cancelled: Retry puts it back to Pending Send (and asks the mailbox to sync).
    outbox->setView(OutboxPane::View::Cancelled);
    QTRY_COMPARE_WITH_TIMEOUT(outbox->emails().size(), 1, 10000);
    selectRow(pending);
    QVERIFY(outbox->button(u"retry"_s)->isEnabled());
    outbox->button(u"retry"_s)->click();
    QTRY_VERIFY_WITH_TIMEOUT(email(pending) && email(pending)->status == OutgoingStatus::PendingSend, 10000);

    // Drafts: Send draft.
    outbox->setView(OutboxPane::View::Drafts);
    QTRY_COMPARE_WITH_TIMEOUT(outbox->emails().size(), 1, 10000);
    selectRow(draft);
    QVERIFY(outbox->button(u"sendDraft"_s)->isEnabled());
    QVERIFY(outbox->button(u"cancel"_s)->isEnabled());
    outbox->button(u"sendDraft"_s)->click();
    QTRY_VERIFY_WITH_TIMEOUT(email(draft) && email(draft)->status == OutgoingStatus::PendingSend, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(outbox->emails().size(), 0, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(window.findChild<QTabWidget *>(u"tabs"_s)->tabText(tab).contains(u"2"_s), 10000);

    // An email the engine is sending cannot be cancelled: the store says so even if the view is stale.
    auto store = Store::open(m_store);
    QVERIFY(store);
    auto claimed = OutboxStore(**store).email(draft);
    QVERIFY(claimed && claimed->has_value());
    OutgoingEmail sending = **claimed;
    auto took = OutboxStore(**store).claim(sending, QDateTime::currentDateTimeUtc());
    QVERIFY(took && *took);
    outbox->setView(OutboxPane::View::Waiting);
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(draft) >= 0 && outbox->emails().at(rowOf(draft)).status == OutgoingStatus::Sending,
                             10000);
    selectRow(draft);
    QVERIFY(!outbox->button(u"cancel"_s)->isEnabled());

    // A failed email makes the mailbox's overall state Failing in the details pane, though it syncs fine.
    QVERIFY(OutboxStore(**store).markAttemptFailed(
        draft, SyncError::make(ErrorClass::ServerNo, u"smtp-send-refused"_s, u"550 5.7.1 refused"_s), std::nullopt,
        QDateTime::currentDateTimeUtc()));
    QVERIFY(window.showTab(u"mailboxes"_s));
    window.mailboxView()->selectRow(0);
    QLabel *subtitle = window.detailsPane()->findChild<QLabel *>(u"subtitle"_s);
    QVERIFY(subtitle);
    QTRY_VERIFY2_WITH_TIMEOUT(subtitle->text().contains(u"(outgoing: failing)"_s), qPrintable(subtitle->text()), 10000);
    QLabel *outgoing = window.detailsPane()->findChild<QLabel *>(u"outgoingState"_s);
    QVERIFY(outgoing->text().contains(u"550 5.7.1 refused"_s));
}

QTEST_MAIN(TestConsoleOutbox)
#include "tst_consoleoutbox.moc"

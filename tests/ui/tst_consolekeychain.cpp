// The console's Add mailbox dialog with "Keep it in the system keychain": the typed password goes to a real
// Secret Service (GNOME Keyring on a private session bus) through QtKeychain, from the store's thread through the
// main one, and the database names the entry only. (A session without a keychain is tst_keychain's: GLib ends a
// process whose session bus goes away, so it cannot be shown here by stopping the bus.)

#include "config/keychain.h"
#include "config/passwordsource.h"
#include "consoleharness.h"
#include "dialogs/mailboxdialog.h"
#include "mainwindow.h"
#include "models/mailboxtablemodel.h"
#include "secretservice.h"
#include "store/store.h"
#include "synchelper.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace SyncDesk;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

class TestConsoleKeychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void typedPasswordGoesToTheKeychain();

private:
    SecretService m_secrets;
    QTemporaryDir m_dir;
    StoreConfig m_store;
    ConsoleHarness m_console;
    std::unique_ptr<MainWindow> &m_window = m_console.window;
    std::unique_ptr<ConsoleBackend> &m_backend = m_console.backend;
};

void TestConsoleKeychain::initTestCase()
{
    if (!SecretService::isAvailable()) {
        QSKIP("dbus-daemon or gnome-keyring-daemon is not installed: run scripts/test.sh, which installs them");
    }
    QStandardPaths::setTestModeEnabled(true);
    QString error;
    QVERIFY2(m_secrets.start(&error), qPrintable(error));
    QVERIFY(m_dir.isValid());
    m_store = StoreConfig::sqlite(m_dir.filePath(u"console.db"_s));
    QFile config(m_dir.filePath(u"config.json"_s));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(R"json({"server_profiles": [{"name": "Main", "incoming": {"protocol": "imap",
                         "host": "imap.example.test"}}], "mailboxes": []})json");
    config.close();
    const QString imported = SyncHelper::importConfig(m_store, config.fileName());
    QVERIFY2(imported.isEmpty(), qPrintable(imported));

    m_console.start(m_store);
}

void TestConsoleKeychain::cleanupTestCase()
{
    QVERIFY(m_console.stop());
}

void TestConsoleKeychain::typedPasswordGoesToTheKeychain()
{
    auto store = Store::open(m_store);
    QVERIFY(store);
    const QList<ServerProfile> profiles = *(*store)->profiles();
    MailboxDialog dialog(m_backend.get(), profiles);
    dialog.show();
    dialog.addressEdit()->setText(u"Keychain.User@Example.test"_s);
    dialog.profileCombo()->setCurrentText(u"Main"_s);
    QTest::keyClicks(dialog.passwordEdit(), u"kept-in-the-keyring"_s);
    dialog.keychainBox()->setChecked(true);
    QSignalSpy finished(&dialog, &QDialog::finished);
    dialog.accept();
    // The store's thread writes the keychain entry through the main thread, whose loop runs while we wait.
    QVERIFY(finished.wait(20000));
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->mailboxModel()->rowCount() == 1, 5000);
    const Mailbox added = m_window->mailboxModel()->status(0).mailbox;
    QCOMPARE(added.passwordSource, u"keychain:keychain.user@example.test"_s);
    const Result<QString> stored = Keychain::read(u"keychain.user@example.test"_s);
    QVERIFY2(stored.ok(), stored.ok() ? "" : qPrintable(stored.error().toString()));
    QCOMPARE(*stored, u"kept-in-the-keyring"_s);
    // Neither the database nor a password file has it.
    QFile database(m_store.sqlitePath);
    QVERIFY(database.open(QIODevice::ReadOnly));
    QVERIFY(!database.readAll().contains("kept-in-the-keyring"));
    QVERIFY(!QFile::exists(MailboxDialog::secretFileFor(u"keychain.user@example.test"_s)));
}

QTEST_MAIN(TestConsoleKeychain)
#include "tst_consolekeychain.moc"

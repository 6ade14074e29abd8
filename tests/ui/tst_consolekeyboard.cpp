// The console by keyboard and for assistive technology: no two actions of the main window share a shortcut,
// no two things one can reach with Alt share a mnemonic (menus, tabs, the buttons of the shown tab), and every
// control of the main window and of every dialog has an accessible name (its own, its text's, or its label's).

#include "consoleharness.h"
#include "dialogs/folderpickerdialog.h"
#include "dialogs/mailboxdialog.h"
#include "dialogs/profiledialog.h"
#include "dialogs/testconnectiondialog.h"
#include "dialogs/trackmessagedialog.h"
#include "mainwindow.h"
#include "models/mailboxtablemodel.h"
#include "synchelper.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QComboBox>
#include <QDirIterator>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMultiHash>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>

using namespace SyncDesk;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

// The character after a single '&' ("&&" is a literal ampersand), lower-cased; 0 when there is none.
QChar mnemonic(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) == u'&') {
            if (text.at(i + 1) == u'&') {
                ++i;
                continue;
            }
            return text.at(i + 1).toLower();
        }
    }
    return {};
}

bool isControl(const QWidget *widget)
{
    return qobject_cast<const QAbstractButton *>(widget) || qobject_cast<const QLineEdit *>(widget) ||
           qobject_cast<const QComboBox *>(widget) || qobject_cast<const QAbstractSpinBox *>(widget) ||
           qobject_cast<const QAbstractItemView *>(widget) || qobject_cast<const QTextEdit *>(widget) ||
           qobject_cast<const QPlainTextEdit *>(widget) || qobject_cast<const QAbstractSlider *>(widget) ||
           qobject_cast<const QTabBar *>(widget);
}

QString describe(const QWidget *widget)
{
    QStringList path;
    for (const QWidget *w = widget; w; w = w->parentWidget()) {
        path.prepend(u"%1(%2)"_s.arg(QString::fromLatin1(w->metaObject()->className()), w->objectName()));
    }
    return path.join(u" > "_s);
}

// Every control under root without a name a screen reader could say.
QStringList unnamedControls(QWidget *root)
{
    QStringList unnamed;
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *widget : std::as_const(widgets)) {
        if (!isControl(widget) || widget->parentWidget() == nullptr) {
            continue;
        }
        // Parts of a composite control (a spin box's line edit, a view's scroll bars, a combo's popup) are
        // named by the control they belong to.
        const QWidget *parent = widget->parentWidget();
        if (qobject_cast<const QAbstractSpinBox *>(parent) || qobject_cast<const QComboBox *>(parent) ||
            qobject_cast<const QAbstractItemView *>(parent) || qobject_cast<const QLineEdit *>(parent) ||
            qobject_cast<const QAbstractSlider *>(widget) || qobject_cast<const QTabBar *>(widget) ||
            QString::fromLatin1(widget->metaObject()->className()).startsWith(u"QComboBoxPrivate"_s) ||
            QString::fromLatin1(parent->metaObject()->className()).startsWith(u"QComboBoxPrivate"_s) ||
            widget->objectName().startsWith(u"qt_"_s) || parent->objectName().startsWith(u"qt_"_s)) {
            continue;
        }
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
        const QString name = accessible ? accessible->text(QAccessible::Name).trimmed() : QString();
        if (name.isEmpty()) {
            unnamed.append(describe(widget));
        }
    }
    return unnamed;
}

} // namespace

class TestConsoleKeyboard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void noTwoActionsShareAShortcut();
    void noTwoAltTargetsShareAMnemonic();
    void everyControlOfTheWindowHasAName();
    void everyControlOfEveryDialogHasAName();
    void theConsoleAsksTheCoreNotTheProtocolLayer();

private:
    QTemporaryDir m_dir;
    StoreConfig m_store;
    ConsoleHarness m_console;
    std::unique_ptr<MainWindow> &m_window = m_console.window;
    std::unique_ptr<ConsoleBackend> &m_backend = m_console.backend;
};

void TestConsoleKeyboard::initTestCase()
{
    useTestSettings(u"tst_consolekeyboard"_s);
    QVERIFY(m_dir.isValid());
    m_store = StoreConfig::sqlite(m_dir.filePath(u"keyboard.db"_s));
    QVERIFY(writeSecretFile(m_dir.filePath(u"pw"_s)));
    QFile config(m_dir.filePath(u"config.json"_s));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(R"({
      "server_profiles": [{"name": "Main", "incoming": {"protocol": "imap", "host": "127.0.0.1", "port": 9,
                                                         "security": "none"}}],
      "mailboxes": [{"address": "ok@example.test", "profile": "Main", "password_file": "pw"},
                    {"address": "off@example.test", "profile": "Main", "password_file": "pw", "enabled": false}]
    })");
    config.close();
    const QString imported = SyncHelper::importConfig(m_store, config.fileName());
    QVERIFY2(imported.isEmpty(), qPrintable(imported));
}

void TestConsoleKeyboard::init()
{
    m_console.start(m_store);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->mailboxModel()->rowCount() == 2, 10000);
}

void TestConsoleKeyboard::cleanup()
{
    QVERIFY(m_console.stop());
}

void TestConsoleKeyboard::noTwoActionsShareAShortcut()
{
    // Every action that can fire while the main window is active: window- and application-wide shortcuts.
    QMultiHash<QString, QString> byKey;
    int withShortcut = 0;
    for (QAction *action : m_window->findChildren<QAction *>()) {
        if (action->shortcutContext() == Qt::WidgetShortcut) {
            continue; // only while its own widget has focus
        }
        for (const QKeySequence &key : action->shortcuts()) {
            ++withShortcut;
            byKey.insert(key.toString(QKeySequence::PortableText), action->objectName());
        }
    }
    QVERIFY(withShortcut >= 10);
    QStringList clashes;
    for (const QString &key : byKey.uniqueKeys()) {
        if (byKey.count(key) > 1) {
            clashes.append(u"%1: %2"_s.arg(key, QStringList(byKey.values(key)).join(u", "_s)));
        }
    }
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(u"; "_s)));
}

void TestConsoleKeyboard::noTwoAltTargetsShareAMnemonic()
{
    // Inside each menu: its items' mnemonics.
    QStringList clashes;
    for (QMenu *menu : m_window->menuBar()->findChildren<QMenu *>()) {
        QHash<QChar, QString> seen;
        for (QAction *action : menu->actions()) {
            const QChar key = mnemonic(action->text());
            if (action->isSeparator() || key.isNull()) {
                continue;
            }
            if (seen.contains(key)) {
                clashes.append(
                    u"menu %1: '%2' in %3 and %4"_s.arg(menu->title(), key, seen.value(key), action->text()));
            }
            seen.insert(key, action->text());
        }
    }
    // Alt+letter in the window: the menu bar's titles, the tabs, and the buttons of each tab while it shows.
    auto *tabs = m_window->findChild<QTabWidget *>(u"tabs"_s);
    QVERIFY(tabs);
    for (int index = 0; index < tabs->count(); ++index) {
        tabs->setCurrentIndex(index);
        QHash<QChar, QString> seen;
        auto add = [&](const QString &text, const QString &where) {
            const QChar key = mnemonic(text);
            if (key.isNull()) {
                return;
            }
            if (seen.contains(key)) {
                clashes.append(
                    u"tab %1: '%2' in %3 and %4"_s.arg(tabs->tabText(index).remove(u'&'), key, seen.value(key), where));
            }
            seen.insert(key, where);
        };
        for (QAction *menu : m_window->menuBar()->actions()) {
            add(menu->text(), u"menu "_s + menu->text());
        }
        for (int tab = 0; tab < tabs->count(); ++tab) {
            add(tabs->tabText(tab), u"tab "_s + tabs->tabText(tab));
        }
        for (QAbstractButton *button : m_window->findChildren<QAbstractButton *>()) {
            if (button->isVisibleTo(m_window.get()) && !button->text().isEmpty()) {
                add(button->text(), u"button "_s + button->text());
            }
        }
        for (QLabel *label : m_window->findChildren<QLabel *>()) {
            if (label->buddy() && label->isVisibleTo(m_window.get())) {
                add(label->text(), u"label "_s + label->text());
            }
        }
    }
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(u"\n"_s)));
}

void TestConsoleKeyboard::everyControlOfTheWindowHasAName()
{
    m_window->selectMailbox(u"ok@example.test"_s); // the details pane filled in
    QTRY_VERIFY(!m_window->selectedMailboxIds(false).isEmpty());
    const QStringList unnamed = unnamedControls(m_window.get());
    QVERIFY2(unnamed.isEmpty(), qPrintable(u"controls without an accessible name:\n"_s + unnamed.join(u'\n')));
}

void TestConsoleKeyboard::everyControlOfEveryDialogHasAName()
{
    QTRY_VERIFY(!m_window->profiles().isEmpty());
    const MailboxStatus status = m_window->mailboxModel()->status(0);
    std::vector<std::unique_ptr<QDialog>> dialogs;
    dialogs.push_back(std::make_unique<MailboxDialog>(m_backend.get(), m_window->profiles(), std::nullopt));
    dialogs.push_back(std::make_unique<MailboxDialog>(m_backend.get(), m_window->profiles(), status.mailbox));
    dialogs.push_back(std::make_unique<ProfileDialog>(m_backend.get(), std::nullopt));
    dialogs.push_back(std::make_unique<ProfileDialog>(m_backend.get(), m_window->profiles().constFirst()));
    dialogs.push_back(
        std::make_unique<TrackMessageDialog>(m_window->mailboxModel()->statuses(), status.mailbox.id, CrmRecordList{}));
    dialogs.push_back(std::make_unique<TestConnectionDialog>(m_backend.get(), status.mailbox,
                                                             m_window->profiles().constFirst(), false));
    dialogs.push_back(std::make_unique<FolderPickerDialog>(status.mailbox, m_window->profiles().constFirst(),
                                                           QStringList{u"INBOX"_s}));
    QStringList unnamed;
    for (const auto &dialog : dialogs) {
        unnamed += unnamedControls(dialog.get());
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(u"controls without an accessible name:\n"_s + unnamed.join(u'\n')));
}

void TestConsoleKeyboard::theConsoleAsksTheCoreNotTheProtocolLayer()
{
    // The console goes through the core's services (ConnectionTest, the store, the engine), never through
    // IMAP, POP3 or SMTP sessions and streams of its own.
    QDirIterator files(QStringLiteral(SYNCDESK_SOURCE_DIR) + u"/ui"_s, {u"*.cpp"_s, u"*.h"_s}, QDir::Files,
                       QDirIterator::Subdirectories);
    int read = 0;
    while (files.hasNext()) {
        QFile file(files.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        ++read;
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY2(!text.contains(u"#include \"protocol/"_s), qPrintable(file.fileName()));
    }
    QVERIFY(read > 40);
}

QTEST_MAIN(TestConsoleKeyboard)
#include "tst_consolekeyboard.moc"

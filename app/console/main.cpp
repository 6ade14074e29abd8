#include "cli/manpage.h"
#include "config/privatefiles.h"
#include "consolebackend.h"
#include "demoenvironment.h"
#include "dialogs/mailboxdialog.h"
#include "mainwindow.h"
#include "oauth/oauthtokenbroker.h"
#include "oauth/oauthtokenstore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QPixmap>
#include <QScreen>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>

#include <cstdio>
#include <memory>

using namespace SyncDesk;
using namespace Qt::StringLiterals;

namespace {

QString defaultDatabasePath()
{
    const QString fromEnvironment = qEnvironmentVariable("SYNCDESK_DB");
    if (!fromEnvironment.isEmpty()) {
        return fromEnvironment;
    }
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/syncdesk.db"_s;
}

struct ConsoleOptions
{
    QList<QCommandLineOption> cli;
    QCommandLineOption man{u"man"_s, u"Print the manual page (roff)."_s};
};

ConsoleOptions addOptions(QCommandLineParser &parser)
{
    ConsoleOptions options;
    parser.setApplicationDescription(QCoreApplication::translate("ConsoleCli", "SyncDesk monitoring console."));
    parser.addHelpOption();
    parser.addVersionOption();
    // Descriptions and value names are for people; option names and the --tab values are not translated.
    options.cli = {
        {u"db"_s,
         //: Keep postgresql://USER@HOST:PORT/DBNAME and $SYNCDESK_DB as they are. %1: the default database file
         QCoreApplication::translate("ConsoleCli", "The database to open: a SQLite file or "
                                                   "postgresql://USER@HOST:PORT/DBNAME (default: $SYNCDESK_DB or %1).")
             .arg(defaultDatabasePath()),
         //: Value name of --db in the help
         QCoreApplication::translate("ConsoleCli", "PATH|URL")},
        {u"demo"_s,
         QCoreApplication::translate(
             "ConsoleCli", "Demo mode: a private mail server with demo mailboxes, a schedule 60 times faster.")},
        {u"monitor-only"_s,
         QCoreApplication::translate("ConsoleCli", "Do not sync from this console; watch the engines "
                                                   "of syncdesk-node on the same database.")},
        {u"engine"_s, QCoreApplication::translate(
                          "ConsoleCli", "Run an engine in this console even when syncdesk-node engines run on "
                                        "the database (by default the console runs one only when no live "
                                        "engine is registered).")},
        {u"workers"_s,
         QCoreApplication::translate("ConsoleCli", "Worker threads of the engine (default: one per core)."),
         //: Value name of --workers in the help (a number)
         QCoreApplication::translate("ConsoleCli", "N")},
        {u"screenshot"_s,
         //: FILE: the value name of --screenshot (translate it as that value name)
         QCoreApplication::translate("ConsoleCli", "Save a picture of the window to FILE after --screenshot-delay "
                                                   "seconds, then quit."),
         //: Value name of --screenshot in the help (a file name)
         QCoreApplication::translate("ConsoleCli", "FILE")},
        {u"screenshot-delay"_s,
         QCoreApplication::translate("ConsoleCli", "Seconds to wait before --screenshot (default 10)."),
         //: Value name of --screenshot-delay in the help
         QCoreApplication::translate("ConsoleCli", "SECONDS"), u"10"_s},
        {u"select"_s, QCoreApplication::translate("ConsoleCli", "Select this mailbox, showing its details."),
         //: Value name of --select in the help (a mailbox address)
         QCoreApplication::translate("ConsoleCli", "ADDRESS")},
        {u"tab"_s,
         //: Keep the tab names (mailboxes, overview, alerts, failures, outbox, crm, appointments, tasks): they are the
         //: values --tab takes
         QCoreApplication::translate("ConsoleCli", "Open this tab: mailboxes, overview, alerts, failures, outbox, crm, "
                                                   "or the CRM tab's appointments or tasks."),
         //: Value name of --tab in the help
         QCoreApplication::translate("ConsoleCli", "TAB")},
        {u"log"_s, QCoreApplication::translate(
                       "ConsoleCli", "Open the log viewer large, filtered to the --select mailbox if one is given.")},
    };
    parser.addOptions(options.cli);
    // The manual page (syncdesk(1)), built from these options at build time.
    options.man.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(options.man);
    return options;
}

void setIdentity()
{
    QCoreApplication::setOrganizationName(u"SyncDesk"_s);
    QCoreApplication::setApplicationName(u"syncdesk"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(SYNCDESK_VERSION));
}

// Help, version and the manual page are text: they need no display (an administrator over SSH asks for them).
bool onlyText(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray argument(argv[i]);
        if (argument == "--") {
            break;
        }
        if (argument == "-platform" || argument == "-display") {
            ++i; // Qt's own options take a value (QGuiApplication removes them; QCoreApplication would not)
            continue;
        }
        if (argument == "-h" || argument == "--help" || argument == "-?" || argument == "--help-all" ||
            argument == "-v" || argument == "--version" || argument == "--man") {
            return true;
        }
    }
    return false;
}

// Prints help, version (both exit in process()) or the manual page and returns 0; -1 when the arguments ask
// for none of them after all (a "--help" that is the value of --db, say): the console starts as usual.
int printText(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    setIdentity();
    QCommandLineParser parser;
    const ConsoleOptions options = addOptions(parser);
    QStringList arguments = QCoreApplication::arguments();
    for (qsizetype i = 1; i < arguments.size();) {
        if (arguments.at(i) == u"-platform"_s || arguments.at(i) == u"-display"_s) {
            arguments.remove(i, qMin<qsizetype>(2, arguments.size() - i)); // Qt's own, with its value
        } else {
            ++i;
        }
    }
    parser.process(arguments);
    if (!parser.isSet(options.man)) {
        return -1;
    }
    ManPage page;
    page.name = u"syncdesk"_s;
    page.summary = QCoreApplication::translate("ConsoleCli", "SyncDesk monitoring console");
    page.version = QCoreApplication::applicationVersion();
    page.synopsis = {u"[--db PATH|URL] [--monitor-only | --engine] [--select ADDRESS] [--tab TAB]"_s, u"--demo"_s};
    page.description = QCoreApplication::translate(
        "ConsoleCli", "The console shows every mailbox of a SyncDesk database: its interval, last and next sync, "
                      "failures with a hint for each, alerts and the log, with the actions an operator needs. It "
                      "runs a sync engine itself unless syncdesk-node engines already run on the database.");
    page.options = options.cli;
    page.sections.append({QCoreApplication::translate("ConsoleCli", "See also"), {{QString(), u"syncdesk-node(1)"_s}}});
    std::fputs(page.render().toUtf8().constData(), stdout);
    return 0;
}

// Qt aborts when its platform cannot connect to a display; say so plainly first. A platform named in
// QT_QPA_PLATFORM (offscreen, vnc, …) is the user's choice and is left to Qt.
bool noDisplay(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray argument(argv[i]);
        if (argument == "-platform" || argument == "-display") {
            return false; // Qt's -platform offscreen, -display :1: the user's choice
        }
    }
    return qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY") &&
           qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}

} // namespace

int main(int argc, char *argv[])
{
    if (onlyText(argc, argv)) {
        if (const int printed = printText(argc, argv); printed >= 0) {
            return printed;
        }
    }
    if (noDisplay(argc, argv)) {
        std::fprintf(stderr, "syncdesk: %s\n",
                     qPrintable(QCoreApplication::translate(
                         "ConsoleCli", "no display to open the console on (neither DISPLAY nor WAYLAND_DISPLAY is "
                                       "set): start it in a desktop session or over ssh -X, or use syncdesk-node "
                                       "on the command line")));
        return 2;
    }
    QApplication app(argc, argv);
    setIdentity();
    QApplication::setApplicationDisplayName(u"SyncDesk"_s);
    QApplication::setDesktopFileName(u"syncdesk"_s);

    QCommandLineParser parser;
    addOptions(parser);
    parser.process(app);
    // The database, exports, bundles and password files hold mail and secrets: private whatever the umask.
    // Not in demo mode, whose private Dovecot must read the files the demo writes for it (sample mail only;
    // the demo's database is still created 0600 by the store).
    if (!parser.isSet(u"demo"_s)) {
        SyncDesk::PrivateFiles::restrictProcessUmask();
    }
    if (parser.isSet(u"demo"_s) && parser.isSet(u"db"_s)) {
        std::fprintf(
            stderr, "syncdesk: %s\n",
            qPrintable(QCoreApplication::translate("ConsoleCli", "--demo uses a database of its own; leave out --db")));
        return 2;
    }

    const auto location =
        StoreConfig::fromLocation(parser.isSet(u"db"_s) ? parser.value(u"db"_s) : defaultDatabasePath());
    if (!location) {
        std::fprintf(stderr, "syncdesk: %s: %s\n", qPrintable(location.error().message),
                     qPrintable(location.error().detail));
        return 2;
    }

    const QStringList tabs = {u"mailboxes"_s, u"overview"_s, u"alerts"_s,       u"failures"_s,
                              u"outbox"_s,    u"crm"_s,      u"appointments"_s, u"tasks"_s};
    if (parser.isSet(u"tab"_s) && !tabs.contains(parser.value(u"tab"_s).toLower())) {
        //: %1: the value given, %2: the tab names --tab takes (not translated)
        std::fprintf(stderr, "syncdesk: %s\n",
                     qPrintable(QCoreApplication::translate("ConsoleCli", "no tab '%1'; --tab takes %2")
                                    .arg(parser.value(u"tab"_s), tabs.join(u", "_s))));
        return 2;
    }

    ConsoleBackend::Options options;
    if (parser.isSet(u"engine"_s) && parser.isSet(u"monitor-only"_s)) {
        std::fprintf(stderr, "syncdesk: %s\n",
                     qPrintable(QCoreApplication::translate(
                         "ConsoleCli", "--engine and --monitor-only contradict each other; give one of them")));
        return 2;
    }
    if (parser.isSet(u"monitor-only"_s) && !parser.isSet(u"demo"_s) && !location->isPostgres() &&
        !QFileInfo::exists(location->sqlitePath)) {
        // Watching only: a mistyped path would otherwise become a new, empty database showing no mailboxes.
        //: %1: a file name; keep store-missing, --db and $SYNCDESK_DB as they are
        std::fprintf(
            stderr, "syncdesk: %s\n",
            qPrintable(QCoreApplication::translate("ConsoleCli", "there is no database at %1 (store-missing); "
                                                                 "--monitor-only watches an existing one: check --db "
                                                                 "or $SYNCDESK_DB")
                           .arg(location->sqlitePath)));
        return 2;
    }
    if (parser.isSet(u"monitor-only"_s)) {
        options.runEngine = false;
        options.engineNote =
            QCoreApplication::translate("ConsoleMain", "Monitoring only (--monitor-only): syncs run in syncdesk-node");
    } else if (parser.isSet(u"engine"_s)) {
        options.engineNote = QCoreApplication::translate("ConsoleMain", "Engine running in this console (--engine)");
    } else if (!parser.isSet(u"demo"_s)) {
        // On a store shared with syncdesk-node engines the console watches them instead of competing.
        const int alive = ConsoleBackend::liveEngines(*location);
        options.runEngine = alive == 0;
        if (alive == 0) {
            options.engineNote = QCoreApplication::translate(
                "ConsoleMain", "Engine running in this console: no other engine runs on this store");
        } else {
            //: The verb agrees with the number: "1 syncdesk-node engine runs", "2 syncdesk-node engines run"
            options.engineNote = QCoreApplication::translate("ConsoleMain",
                                                             "Monitoring only: %n syncdesk-node engine(s) run on this "
                                                             "store (--engine runs one here too)",
                                                             nullptr, alive);
        }
    }
    if (parser.isSet(u"workers"_s)) {
        bool ok = false;
        const int workers = parser.value(u"workers"_s).toInt(&ok);
        if (!ok || workers < 1 || workers > 64) {
            std::fprintf(
                stderr, "syncdesk: %s\n",
                qPrintable(QCoreApplication::translate("ConsoleCli", "--workers expects a number from 1 to 64")));
            return 2;
        }
        options.scheduler.workerThreads = workers;
    }

    MainWindow window;
    std::unique_ptr<ConsoleBackend> backend;
    QThread demoThread;
    demoThread.setObjectName(u"syncdesk-demo"_s);
    DemoEnvironment *demo = nullptr;

    auto quitAll = [&] {
        if (demo) {
            QMetaObject::invokeMethod(
                demo, [demo] { demo->stop(); }, Qt::BlockingQueuedConnection);
            QObject::connect(&demoThread, &QThread::finished, demo, &QObject::deleteLater);
            demoThread.quit();
            demoThread.wait();
            demo = nullptr;
        }
        QApplication::quit();
    };
    QObject::connect(&window, &MainWindow::closeRequested, &app, [&] {
        if (!backend) {
            quitAll();
            return;
        }
        QObject::connect(backend.get(), &ConsoleBackend::shutDown, &app, quitAll, Qt::QueuedConnection);
        backend->shutdown();
    });

    auto startBackend = [&](const StoreConfig &store) {
        options.store = store;
        // OAuth tokens beside the database, as the node keeps them (SYNCDESK_OAUTH_TOKENS=keychain: the keychain).
        OAuthTokenBroker::instance().setStore(std::make_shared<OAuthTokenStore>(
            OAuthTokenStore::defaultDirectory(store.isPostgres() ? QString() : store.sqlitePath),
            qEnvironmentVariable("SYNCDESK_OAUTH_TOKENS") == u"keychain"_s ? OAuthTokenStore::SecretLocation::Keychain
                                                                           : OAuthTokenStore::SecretLocation::File));
        backend = std::make_unique<ConsoleBackend>(options);
        window.setBackend(backend.get());
        backend->start();
    };

    if (parser.isSet(u"demo"_s)) {
        //: The window's subtitle in demo mode
        const QString subtitle = QCoreApplication::translate(
            "ConsoleMain", "demo — the schedule runs 60× faster: 1 minute of schedule takes 1 second");
        window.setSubtitle(subtitle);
        window.setPlaceholder(QCoreApplication::translate(
            "ConsoleMain", "Starting the demo mail server and seeding the demo mailboxes…"));
        options.scheduler.intervals.scale = 1.0 / 60.0;
        // Each demo mailbox is audited within its first minute (and every minute), so the details show it.
        options.scheduler.auditIntervalSeconds = 60;
        demo = new DemoEnvironment;
        demo->moveToThread(&demoThread);
        QObject::connect(demo, &DemoEnvironment::ready, &app, [&, subtitle](const QString &database) {
            // Passwords typed in the demo go to its temporary directory, removed when it ends.
            MailboxDialog::setSecretDirectory(QFileInfo(database).absolutePath() + u"/secrets"_s);
            startBackend(StoreConfig::sqlite(database));
            window.setSubtitle(subtitle);
            window.setInfoBar(DemoEnvironment::infoText());
        });
        QObject::connect(demo, &DemoEnvironment::failed, &app, [&](const QString &message) {
            //: %1: the reason
            window.setPlaceholder(
                QCoreApplication::translate("ConsoleMain", "The demo could not start.\n\n%1").arg(message));
        });
        demoThread.start();
        QMetaObject::invokeMethod(
            demo, [demo] { demo->start(); }, Qt::QueuedConnection);
    } else {
        startBackend(*location);
        if (!options.runEngine) {
            //: The window's subtitle. %1: the database
            window.setSubtitle(
                QCoreApplication::translate("ConsoleMain", "%1 (monitoring only)").arg(options.store.describe()));
        }
    }

    if (parser.isSet(u"select"_s)) {
        window.selectMailbox(parser.value(u"select"_s));
    }
    if (parser.isSet(u"tab"_s)) {
        window.showTab(parser.value(u"tab"_s));
    }
    window.show();
    if (parser.isSet(u"log"_s)) {
        QTimer::singleShot(0, &window, [&window, &parser] { window.focusLog(parser.value(u"select"_s)); });
    }
    if (parser.isSet(u"screenshot"_s)) {
        const QString file = parser.value(u"screenshot"_s);
        const int delayMs = qMax(0, parser.value(u"screenshot-delay"_s).toInt()) * 1000;
        QTimer::singleShot(delayMs, &window, [&window, file] {
            // What the screen shows where the window is, so that a menu or dialog open over it is in the
            // picture too; the window alone where the platform cannot grab the screen.
            QPixmap picture;
            if (QScreen *screen = window.screen()) {
                const QRect frame = window.frameGeometry();
                picture = screen->grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height());
            }
            if (picture.isNull()) {
                picture = window.grab();
            }
            if (!picture.save(file)) {
                std::fprintf(
                    stderr, "syncdesk: %s\n",
                    qPrintable(
                        QCoreApplication::translate("ConsoleCli", "cannot save the screenshot to %1").arg(file)));
            }
            window.close();
        });
    }
    const int result = QApplication::exec();
    backend.reset();
    if (demo) {
        quitAll();
    }
    return result;
}

// The console's command line, run as a user runs it: help and version print without a display (an
// administrator over SSH), a start without one says so instead of aborting in Qt, and wrong options are
// refused with exit 2 before any window or database is made.

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    QProcess::ExitStatus status = QProcess::CrashExit;
    QString out;
    QString err;
};

// No display of any kind: no X, no Wayland, no platform chosen.
QProcessEnvironment withoutDisplay()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &name : {u"DISPLAY"_s, u"WAYLAND_DISPLAY"_s, u"QT_QPA_PLATFORM"_s}) {
        environment.remove(name);
    }
    return environment;
}

Run console(const QStringList &arguments, const QProcessEnvironment &environment)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(SYNCDESK_CONSOLE_BINARY), arguments);
    Run run;
    if (!process.waitForStarted(10000)) {
        run.err = process.errorString();
        return run;
    }
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished(5000);
        run.err = u"timed out"_s;
        return run;
    }
    run.exitCode = process.exitCode();
    run.status = process.exitStatus();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace

class TestConsoleCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void helpAndVersionNeedNoDisplay_data();
    void helpAndVersionNeedNoDisplay();
    void noDisplayIsAClearError();
    void unknownTabIsRefused();
    void monitorOnlyNeverCreatesADatabase();
    void helpAsAnOptionValueIsNotText();
    void qtPlatformArgumentNeedsNoDisplay();
    void demoIgnoresTheDefaultDatabase();

private:
    QTemporaryDir m_dir;
};

void TestConsoleCli::helpAndVersionNeedNoDisplay_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    QTest::newRow("--help") << QStringList{u"--help"_s} << u"--monitor-only"_s;
    QTest::newRow("-h") << QStringList{u"-h"_s} << u"--monitor-only"_s;
    QTest::newRow("--version") << QStringList{u"--version"_s} << QStringLiteral(SYNCDESK_VERSION);
    QTest::newRow("--man") << QStringList{u"--man"_s} << u".TH"_s;
    QTest::newRow("--db X --help") << QStringList{u"--db"_s, u"/nowhere/x.db"_s, u"--help"_s} << u"--tab"_s;
}

void TestConsoleCli::helpAndVersionNeedNoDisplay()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    const Run run = console(arguments, withoutDisplay());
    QCOMPARE(run.status, QProcess::NormalExit);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(expected), qPrintable(run.out + run.err));
    QVERIFY(!QFileInfo::exists(u"/nowhere/x.db"_s));
}

void TestConsoleCli::noDisplayIsAClearError()
{
    const Run run = console({u"--db"_s, m_dir.filePath(u"store.db"_s)}, withoutDisplay());
    QCOMPARE(run.status, QProcess::NormalExit); // not Qt's abort
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(u"no display"_s) && run.err.contains(u"syncdesk-node"_s), qPrintable(run.err));
    QVERIFY2(!run.err.contains(u"qt.qpa"_s), qPrintable(run.err));
    QVERIFY(!QFileInfo::exists(m_dir.filePath(u"store.db"_s)));
}

void TestConsoleCli::unknownTabIsRefused()
{
    QProcessEnvironment offscreen = QProcessEnvironment::systemEnvironment();
    offscreen.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    const Run run = console({u"--db"_s, m_dir.filePath(u"tab.db"_s), u"--tab"_s, u"bogus"_s}, offscreen);
    QCOMPARE(run.status, QProcess::NormalExit);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(u"no tab 'bogus'"_s), qPrintable(run.err));
    QVERIFY(!QFileInfo::exists(m_dir.filePath(u"tab.db"_s)));
}

// Watching only: a mistyped path is an error, not a new empty database that shows no mailboxes.
void TestConsoleCli::monitorOnlyNeverCreatesADatabase()
{
    QProcessEnvironment offscreen = QProcessEnvironment::systemEnvironment();
    offscreen.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    const QString missing = m_dir.filePath(u"sub/mistyped.db"_s);
    const Run run = console({u"--db"_s, missing, u"--monitor-only"_s}, offscreen);
    QCOMPARE(run.status, QProcess::NormalExit);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(missing) && run.err.contains(u"store-missing"_s), qPrintable(run.err));
    QVERIFY(!QFileInfo::exists(missing));
    QVERIFY(!QFileInfo::exists(m_dir.filePath(u"sub"_s)));
}

// "--help" taken as the value of --db is not a request for help: no manual page, the normal start (and with no
// display, its error).
void TestConsoleCli::helpAsAnOptionValueIsNotText()
{
    const Run run = console({u"--db"_s, u"--help"_s}, withoutDisplay());
    QCOMPARE(run.status, QProcess::NormalExit);
    QVERIFY2(!run.out.contains(u".TH"_s), qPrintable(run.out.left(200)));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(u"no display"_s), qPrintable(run.err));
}

// Qt's own -platform argument chooses where the console shows: no DISPLAY is needed then.
void TestConsoleCli::qtPlatformArgumentNeedsNoDisplay()
{
    const Run run =
        console({u"-platform"_s, u"offscreen"_s, u"--db"_s, m_dir.filePath(u"p.db"_s), u"--tab"_s, u"bogus"_s},
                withoutDisplay());
    QCOMPARE(run.status, QProcess::NormalExit);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(u"no tab 'bogus'"_s), qPrintable(run.err)); // got past the display check
    const Run help = console({u"-platform"_s, u"offscreen"_s, u"--help"_s}, withoutDisplay());
    QVERIFY2(help.exitCode == 0 && help.out.contains(u"--monitor-only"_s), qPrintable(help.err));
}

// The demo has a database of its own: --monitor-only with it is not refused for the default database's absence.
void TestConsoleCli::demoIgnoresTheDefaultDatabase()
{
    QProcessEnvironment offscreen = QProcessEnvironment::systemEnvironment();
    offscreen.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    offscreen.insert(u"SYNCDESK_DB"_s, m_dir.filePath(u"none/absent.db"_s));
    // --workers 0 ends the start right after the checks that concern the database.
    const Run run = console({u"--demo"_s, u"--monitor-only"_s, u"--workers"_s, u"0"_s}, offscreen);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(u"--workers"_s) && !run.err.contains(u"store-missing"_s), qPrintable(run.err));
}

QTEST_GUILESS_MAIN(TestConsoleCli)
#include "tst_consolecli.moc"

#include "noderunner.h"

#include <QEventLoop>
#include <QProcess>
#include <QTimer>

#include <signal.h>

namespace SyncDesk::Testing {

using namespace Qt::StringLiterals;

NodeRun runNode(const QString &binary, const QString &database, const QStringList &arguments, const QByteArray &input,
                const QProcessEnvironment &environment, int timeoutMs)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(binary, database.isEmpty() ? arguments : QStringList{u"--db"_s, database} + arguments);
    NodeRun run;
    if (!process.waitForStarted(10000)) {
        return run;
    }
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

KilledRun runNodeAndKill(const QString &binary, const QString &database, const QByteArray &mark, int afterMarks,
                         int extraMs)
{
    KilledRun result;
    QProcess process;
    process.setProgram(binary);
    process.setArguments({u"--db"_s, database, u"--verbose"_s, u"sync"_s, u"--once"_s});
    QByteArray pending;
    QTimer killTimer;
    killTimer.setSingleShot(true);
    QObject::connect(&killTimer, &QTimer::timeout, &process, [&] {
        if (process.state() == QProcess::Running) {
            ::kill(pid_t(process.processId()), SIGKILL);
            result.killed = true;
        }
    });
    auto aim = [&] {
        if (afterMarks >= 0 && result.marksSeen >= afterMarks && !killTimer.isActive() && !result.killed) {
            killTimer.start(extraMs);
        }
    };
    QObject::connect(&process, &QProcess::readyReadStandardError, &process, [&] {
        pending += process.readAllStandardError();
        qsizetype end;
        while ((end = pending.indexOf('\n')) >= 0) {
            if (pending.left(end).contains(mark)) {
                ++result.marksSeen;
            }
            pending.remove(0, end + 1);
        }
        aim();
    });
    QEventLoop loop;
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    timeout.start(120000);
    process.start();
    if (!process.waitForStarted()) {
        qWarning("syncdesk-node did not start");
        return result;
    }
    aim();
    loop.exec();
    if (process.state() != QProcess::NotRunning) {
        qWarning("syncdesk-node did not finish within two minutes");
        process.kill();
        process.waitForFinished();
    }
    return result;
}

} // namespace SyncDesk::Testing

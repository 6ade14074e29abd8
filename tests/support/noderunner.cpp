#include "noderunner.h"

#include <QProcess>

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

} // namespace SyncDesk::Testing

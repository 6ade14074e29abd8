#include "processmeasure.h"

#include <QFile>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

extern char **environ;

namespace SyncDesk::Bench {

using namespace Qt::StringLiterals;

Measurement measure(const QString &program, const QStringList &arguments, const QString &logFile, double timeoutSeconds,
                    const QString &inputFile)
{
    Measurement m;
    QList<QByteArray> storage;
    storage.append(QFile::encodeName(program));
    for (const QString &argument : arguments) {
        storage.append(argument.toLocal8Bit());
    }
    std::vector<char *> argv;
    for (QByteArray &bytes : storage) {
        argv.push_back(bytes.data());
    }
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    const QByteArray log = QFile::encodeName(logFile);
    const QByteArray input = inputFile.isEmpty() ? QByteArray("/dev/null") : QFile::encodeName(inputFile);
    posix_spawn_file_actions_addopen(&actions, 1, log.constData(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    posix_spawn_file_actions_addopen(&actions, 0, input.constData(), O_RDONLY, 0);
    pid_t pid = 0;
    const auto start = std::chrono::steady_clock::now();
    const int spawned = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) {
        m.note = u"cannot start %1: %2"_s.arg(program, QString::fromLocal8Bit(strerror(spawned)));
        return m;
    }
    int status = 0;
    rusage usage{};
    for (;;) {
        const pid_t done = wait4(pid, &status, timeoutSeconds > 0 ? WNOHANG : 0, &usage);
        if (done == pid) {
            break;
        }
        if (done < 0 && errno != EINTR) {
            m.note = u"wait4: "_s + QString::fromLocal8Bit(strerror(errno));
            return m;
        }
        if (timeoutSeconds > 0) {
            const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            if (elapsed > timeoutSeconds && !m.timedOut) {
                m.timedOut = true;
                kill(pid, SIGKILL);
            }
            // Polling a child's end: a benchmark's own cost, a few wakeups per second at most.
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    }
    const auto end = std::chrono::steady_clock::now();
    m.ran = true;
    m.wallSeconds = std::chrono::duration<double>(end - start).count();
    m.peakRssMb = double(usage.ru_maxrss) / 1024.0; // Linux: kilobytes
    m.cpuSeconds = double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                   double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    m.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return m;
}

double ownPeakRssMb()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly)) {
        return 0;
    }
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:")) {
            return line.mid(6).trimmed().split(' ').constFirst().toDouble() / 1024.0;
        }
    }
    return 0;
}

} // namespace SyncDesk::Bench

#include "processmeasure.h"

#include <QFile>

#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <mutex>
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
    // The time limit: a watchdog thread waits on a condition for the child's end, and kills it when the
    // limit comes first; this thread blocks in wait4 meanwhile.
    std::mutex mutex;
    std::condition_variable ended;
    bool done = false;
    bool killed = false;
    std::thread watchdog;
    if (timeoutSeconds > 0) {
        watchdog = std::thread([&] {
            std::unique_lock lock(mutex);
            if (!ended.wait_for(lock, std::chrono::duration<double>(timeoutSeconds), [&] { return done; })) {
                killed = true;
                kill(pid, SIGKILL);
            }
        });
    }
    int status = 0;
    rusage usage{};
    pid_t waited = -1;
    while ((waited = wait4(pid, &status, 0, &usage)) < 0 && errno == EINTR) {
    }
    const int waitError = errno;
    {
        std::lock_guard lock(mutex);
        done = true;
    }
    ended.notify_all();
    if (watchdog.joinable()) {
        watchdog.join();
    }
    m.timedOut = killed;
    if (waited != pid) {
        m.note = u"wait4: "_s + QString::fromLocal8Bit(strerror(waitError));
        return m;
    }
    const auto end = std::chrono::steady_clock::now();
    m.ran = true;
    m.wallSeconds = std::chrono::duration<double>(end - start).count();
    m.peakRssMb = double(usage.ru_maxrss) / 1024.0; // Linux: kilobytes
    m.cpuSeconds = double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                   double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    m.systemSeconds = double(usage.ru_stime.tv_sec) + double(usage.ru_stime.tv_usec) / 1e6;
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

#pragma once

#include <QString>
#include <QStringList>

namespace SyncDesk::Bench {

// What one process cost, measured by the kernel for exactly that process.
struct Measurement
{
    bool ran = false;
    bool timedOut = false; // killed after the time limit
    int exitCode = -1;
    double wallSeconds = 0;
    double peakRssMb = 0;
    double cpuSeconds = 0;    // user + system time of the process
    double systemSeconds = 0; // of which in the kernel (writes, and the writeback of other processes' dirty pages)
    QString note;
};

// Runs a program to completion and measures it alone: wall time around posix_spawn/wait4 and the peak
// resident set size the kernel reports for it. Standard output and error go to `logFile` (appended),
// standard input is `inputFile` (default /dev/null). With timeoutSeconds > 0 the process is killed
// when it runs longer, and timedOut says so.
Measurement measure(const QString &program, const QStringList &arguments, const QString &logFile,
                    double timeoutSeconds = 0, const QString &inputFile = QString());

// Peak resident set size of this process so far (VmHWM), in MB.
double ownPeakRssMb();

} // namespace SyncDesk::Bench

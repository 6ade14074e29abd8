#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace SyncDesk::Testing {

// What one run of the syncdesk-node binary gave: exit code (-1 when it crashed or timed out) and output.
struct NodeRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs the real syncdesk-node binary as an administrator would: `--db DATABASE` (none when empty) then the
// arguments, with
// `input` on its standard input, until it exits (killed after `timeoutMs`).
NodeRun runNode(const QString &binary, const QString &database, const QStringList &arguments,
                const QByteArray &input = {},
                const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
                int timeoutMs = 120000);

// A run killed on purpose: whether the SIGKILL came before the process ended by itself, and how many lines of
// its standard error contained the mark.
struct KilledRun
{
    bool killed = false;
    int marksSeen = 0;
};

// Runs `syncdesk-node --db DATABASE --verbose sync --once` and sends it SIGKILL `extraMs` after the
// `afterMarks`-th line of its standard error that contains `mark` ("stored", "sent to": what the run logs once
// per step); afterMarks < 0: never killed. Waits on its signals, up to two minutes.
KilledRun runNodeAndKill(const QString &binary, const QString &database, const QByteArray &mark, int afterMarks,
                         int extraMs);

} // namespace SyncDesk::Testing

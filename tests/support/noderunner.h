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

} // namespace SyncDesk::Testing

#pragma once

#include "model/mailboxstatus.h"

#include <QString>

namespace SyncDesk {

// Writes every mailbox's status to a file: CSV (one row per mailbox, a header row) or JSON (the array
// of 'syncdesk-node status --json'). Runs in any thread; returns an error message, or empty on success.
class StatusExporter final
{
public:
    enum class Format { Csv, Json };
    static QString write(const QString &path, const QList<MailboxStatus> &statuses, const QDateTime &now,
                         int overdueGraceSeconds, bool engineRunning, Format format);
    static QByteArray csv(const QList<MailboxStatus> &statuses, const QDateTime &now, int overdueGraceSeconds,
                          bool engineRunning);
};

} // namespace SyncDesk

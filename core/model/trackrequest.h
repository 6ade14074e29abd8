#pragma once

#include "recordref.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace SyncDesk {

// "Track this message": recorded by the CLI or the console, completed by the next sync of the mailbox
// (an immediate one is requested; if it fails, the scheduled one completes it).
struct TrackRequest
{
    qint64 id = 0;
    qint64 mailboxId = 0;
    QString mailboxAddress;
    QString messageId; // without angle brackets
    std::optional<RecordRef> regarding;
    QString state = QStringLiteral("pending"); // "pending", "done", "failed"
    QString reason;                            // why it failed, or what it became
    QDateTime requestedAt;
    QDateTime completedAt;
    qint64 activityId = 0;

    // "<abc@example.com>" or "abc@example.com" -> "abc@example.com"; empty when it cannot be a Message-ID.
    static QString normalizeMessageId(const QString &text);
};

} // namespace SyncDesk

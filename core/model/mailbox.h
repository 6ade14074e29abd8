#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace SyncDesk {

// One mailbox to synchronize. The password itself is never held here nor stored: passwordSource says
// where to read it at sync time ("file:/absolute/path" or "env:VARIABLE").
struct Mailbox
{
    qint64 id = 0;
    QString address; // lower case
    qint64 profileId = 0;
    QString profileName;
    QString username;
    QString passwordSource;
    bool enabled = true;
    QStringList folders{QStringLiteral("INBOX")};
    // Why a disabled mailbox is disabled: "admin", "permanent-failure" or "repeated-failures".
    QString disabledReason;
    QDateTime disabledAt;

    friend bool operator==(const Mailbox &, const Mailbox &) = default;
};

} // namespace SyncDesk

#pragma once

#include <QDateTime>
#include <QString>

namespace SyncDesk {

// Something an administrator should look at, raised on a transition (a mailbox disabled, a profile
// outage, ...). At most one alert is open per cause key; repeats count as occurrences.
struct Alert
{
    qint64 id = 0;
    QString causeKey; // "mailbox-disabled:12", "profile-outage:3"
    QString kind;     // "mailbox-disabled", "first-failure", "recovered", "profile-outage"
    QString severity; // "error", "warning", "information"
    qint64 mailboxId = 0;
    qint64 profileId = 0;
    QString mailboxAddress;
    QString profileName;
    QString hintId;
    QString message;
    QDateTime raisedAt;
    QDateTime updatedAt;
    int occurrences = 1;
    QString state = QStringLiteral("open"); // "open", "acknowledged", "closed"
    QDateTime acknowledgedAt;
    QDateTime closedAt;
};

} // namespace SyncDesk

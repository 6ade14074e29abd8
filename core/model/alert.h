#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace SyncDesk {

// A mailbox a profile incident groups: when it joined, why it failed, and whether the incident disabled it.
struct AlertMember
{
    qint64 mailboxId = 0;
    QString address;
    QDateTime joinedAt;
    QString errorClass;
    QString hintId;
    QDateTime disabledAt;  // disabled while the incident was open
    QDateTime reenabledAt; // re-enabled by "re-enable all mailboxes disabled by this incident"
    bool stillDisabled = false;
};

// Something an administrator should look at, raised on a transition (a mailbox disabled, a profile
// outage, ...). At most one alert is open per cause key; repeats count as occurrences.
struct Alert
{
    qint64 id = 0;
    QString causeKey; // "mailbox-disabled:12", "profile-outage:3"
    // "first-failure", "mailbox-disabled", "recovered", "profile-outage", "profile-recovered", "uidvalidity-reset"
    QString kind;
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
    qint64 incidentId = 0;      // a mailbox alert grouped into this profile incident
    QList<AlertMember> members; // a profile incident's mailboxes (filled where asked for)

    bool isOpen() const { return state != QStringLiteral("closed"); }
};

} // namespace SyncDesk

Q_DECLARE_METATYPE(SyncDesk::Alert)

#pragma once

#include "act/actsettings.h"
#include "recordref.h"
#include "trackingoption.h"

#include <QDateTime>
#include <QMap>
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
    // Why a disabled mailbox is disabled: "admin", "config", "permanent-failure" or "repeated-failures".
    QString disabledReason;
    QDateTime disabledAt;
    // Who owns it in the CRM ("systemuser" or "queue", and the key): their permissions decide what syncs.
    QString ownerType;
    QString ownerKey;
    TrackingOption tracking = TrackingOption::All;
    // Folders whose every message is tracked with a regarding record, whatever the tracking option.
    QMap<QString, RecordRef> trackedFolders;
    // Debug records (protocol traces, credentials hidden) for this mailbox, whatever the engine's log level.
    bool verboseLog = false;
    // Mail received before this time is not imported (the ledger lists it as skipped); invalid: everything.
    QDateTime processFrom;
    // Whether CRM email leaves through this mailbox (its outgoing direction; config "outgoing").
    bool outgoing = true;
    // Its appointments, contacts and tasks (the ACT direction; config "act"); unset: the direction is off.
    std::optional<ActSettings> act;
    // Whether it keeps an IMAP IDLE connection on its INBOX so that new mail syncs within seconds ("push").
    bool push = false;

    QString owner() const { return ownerKey.isEmpty() ? QString() : ownerType + QLatin1Char(':') + ownerKey; }

    friend bool operator==(const Mailbox &, const Mailbox &) = default;
};

} // namespace SyncDesk

#pragma once

#include "act/actstatus.h"
#include "activity.h"
#include "alert.h"
#include "mailboxstatus.h"
#include "oauth/oauthtokenstore.h"
#include "outgoing/outgoingdirection.h"
#include "outgoing/outgoingemail.h"
#include "scheduler/pushmanager.h"
#include "serverprofile.h"
#include "syncrun.h"
#include "trackrequest.h"

#include <QList>
#include <QMetaType>

namespace SyncDesk {

// Everything the console's details pane shows about one mailbox, read in one go off the UI thread.
struct MailboxDetails
{
    MailboxStatus status;
    ServerProfile profile;
    QList<SyncRun> runs;                        // the last 24 hours, latest first
    QList<Alert> alerts;                        // open and acknowledged alerts about it or its profile
    QList<Activity> activities;                 // the latest tracked, newest first
    QList<TrackRequest> trackRequests;          // the latest, newest first
    OutgoingDirection outgoing;                 // the outgoing direction's state, beside the incoming one above
    QList<OutgoingEmail> outbox;                // its latest outgoing emails, newest first, without their messages
    ActStatus act;                              // appointments, contacts and tasks: the third direction
    QList<ActStore::Conflict> actConflicts;     // the latest recorded, newest first
    QList<ActStore::Collection> actCollections; // the calendars and address book discovery found
    std::optional<PushStatus> push;             // its IDLE connection, when a live engine holds one
    QString pushNode;                           // the engine that holds it
    // OAuth mailboxes: what this computer keeps of the sign-in (nullopt: never signed in here).
    std::optional<OAuthTokenRecord> signIn;
};

} // namespace SyncDesk

Q_DECLARE_METATYPE(SyncDesk::MailboxDetails)

#pragma once

#include "actsettings.h"
#include "diagnostics/result.h"
#include "store/actstore.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace SyncDesk {

class DavClient;

// Finds a mailbox's calendar, task list and address book (RFC 6764 well-known URIs, RFC 5397
// current-user-principal, RFC 4791 calendar-home-set, RFC 6352 addressbook-home-set, and the supported components
// of each calendar). A kind whose direction is not none and that has no collection gets one made for it
// ("SyncDesk", "SyncDesk tasks", "SyncDesk contacts") when createMissing is set; otherwise (the connection test,
// which writes nothing) it is only named in the steps.
class DavDiscovery final
{
    Q_DECLARE_TR_FUNCTIONS(DavDiscovery)
public:
    struct Found
    {
        QString principal;
        QString calendarHome;
        QString addressbookHome;
        QList<ActStore::Collection> collections; // one per kind found or made
        QStringList steps;                       // what was asked and found, for the connection test
    };
    static Result<Found> run(DavClient &client, const ActSettings &settings, bool createMissing);
};

} // namespace SyncDesk

#include "davdiscovery.h"

#include "davclient.h"
#include "davxml.h"

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

Result<DavXml::Multistatus> propfind(DavClient &client, const QUrl &url, int depth, const QByteArray &body,
                                     const QString &what)
{
    auto reply = client.propfind(url, depth, body);
    if (!reply) {
        return reply.error();
    }
    if (reply->status != 207) {
        return DavClient::httpError(*reply, what);
    }
    return DavXml::parseMultistatus(reply->body);
}

// PROPFIND current-user-principal on the well-known URI (its redirects followed by hand, at most 5), else on the
// server's URL itself.
Result<QString> findPrincipal(DavClient &client, const QString &wellKnown, QStringList &steps)
{
    QUrl url = client.resolve(wellKnown);
    for (int hop = 0; hop < 5; ++hop) {
        auto reply = client.propfind(url, 0, DavXml::propfindPrincipal());
        if (!reply) {
            return reply.error();
        }
        if (reply->status >= 300 && reply->status < 400 && !reply->location.isEmpty()) {
            url = url.resolved(QUrl(reply->location));
            continue;
        }
        if (reply->status == 404 || reply->status == 405 || reply->status == 501) {
            if (url == client.base()) {
                return DavClient::httpError(*reply, DavDiscovery::tr("the current user's principal"));
            }
            url = client.base();
            continue;
        }
        if (reply->status != 207) {
            return DavClient::httpError(*reply, DavDiscovery::tr("the current user's principal"));
        }
        auto status = DavXml::parseMultistatus(reply->body);
        if (!status) {
            return status.error();
        }
        for (const DavXml::Response &response : std::as_const(status->responses)) {
            if (!response.principalHrefs.isEmpty()) {
                steps.append(
                    DavDiscovery::tr("principal %1 (from %2)").arg(response.principalHrefs.constFirst(), url.path()));
                return response.principalHrefs.constFirst();
            }
        }
        return SyncError::make(
            ErrorClass::Protocol, u"dav-no-principal"_s,
            DavDiscovery::tr("the DAV server names no principal for this login at %1").arg(url.toDisplayString()));
    }
    return SyncError::make(ErrorClass::Protocol, u"dav-no-principal"_s,
                           DavDiscovery::tr("the DAV server redirects %1 in circles").arg(wellKnown));
}

bool supports(const DavXml::Response &calendar, const QString &component)
{
    return !calendar.componentsGiven || calendar.components.contains(component);
}

} // namespace

Result<DavDiscovery::Found> DavDiscovery::run(DavClient &client, const ActSettings &settings, bool createMissing)
{
    Found found;
    auto principal = findPrincipal(client, u"/.well-known/caldav"_s, found.steps);
    if (!principal) {
        return principal.error();
    }
    found.principal = *principal;
    auto homes = propfind(client, client.resolve(found.principal), 0, DavXml::propfindHomes(),
                          tr("the calendar and address book homes"));
    if (!homes) {
        return homes.error();
    }
    for (const DavXml::Response &response : std::as_const(homes->responses)) {
        if (found.calendarHome.isEmpty() && !response.calendarHomes.isEmpty()) {
            found.calendarHome = response.calendarHomes.constFirst();
        }
        if (found.addressbookHome.isEmpty() && !response.addressbookHomes.isEmpty()) {
            found.addressbookHome = response.addressbookHomes.constFirst();
        }
    }
    const bool wantsCalendar = settings.appointments != ActDirection::None || settings.tasks != ActDirection::None;
    if (wantsCalendar && found.calendarHome.isEmpty()) {
        return SyncError::make(ErrorClass::Config, u"dav-no-calendar"_s,
                               tr("the DAV server offers no calendar home for this login (no calendar-home-set)"));
    }
    if (settings.contacts != ActDirection::None && found.addressbookHome.isEmpty()) {
        return SyncError::make(ErrorClass::Config, u"dav-no-addressbook"_s,
                               tr("the DAV server offers no address book home for this login "
                                  "(no addressbook-home-set)"));
    }
    found.steps.append(tr("calendar home %1, address book home %2")
                           .arg(found.calendarHome.isEmpty() ? u"-"_s : found.calendarHome,
                                found.addressbookHome.isEmpty() ? u"-"_s : found.addressbookHome));

    QList<DavXml::Response> members;
    QStringList listed;
    for (const QString &home : {found.calendarHome, found.addressbookHome}) {
        if (home.isEmpty() || listed.contains(home)) {
            continue;
        }
        listed.append(home);
        auto children = propfind(client, client.resolve(home), 1, DavXml::propfindCollections(),
                                 tr("the collections of %1").arg(home));
        if (!children) {
            return children.error();
        }
        members += children->responses;
    }
    std::sort(members.begin(), members.end(),
              [](const DavXml::Response &a, const DavXml::Response &b) { return a.href < b.href; });
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto collectionFrom = [&](ActKind kind, const DavXml::Response &r) {
        const bool sync = r.reports.contains(u"sync-collection"_s) || !r.syncToken.isEmpty();
        return ActStore::Collection{kind, client.resolve(r.href).toString(), r.displayName, QString(), sync, now, {},
                                    0};
    };
    const DavXml::Response *events = nullptr;
    const DavXml::Response *tasks = nullptr;
    const DavXml::Response *contacts = nullptr;
    for (const DavXml::Response &r : std::as_const(members)) {
        if (r.resourceTypes.contains(u"calendar"_s)) {
            if (!events && supports(r, u"VEVENT"_s)) {
                events = &r;
            }
            // A list of tasks alone is preferred over a calendar that also takes tasks.
            if (supports(r, u"VTODO"_s) && (!tasks ||
                                            (r.componentsGiven && !r.components.contains(u"VEVENT"_s) &&
                                             tasks->components.contains(u"VEVENT"_s)) ||
                                            (!tasks->componentsGiven && r.componentsGiven))) {
                tasks = &r;
            }
        } else if (r.resourceTypes.contains(u"addressbook"_s) && !contacts) {
            contacts = &r;
        }
    }
    struct Wanted
    {
        ActKind kind;
        bool wanted;
        const DavXml::Response *found;
    };
    for (const Wanted &w : {Wanted{ActKind::Appointment, settings.appointments != ActDirection::None, events},
                            Wanted{ActKind::Task, settings.tasks != ActDirection::None, tasks},
                            Wanted{ActKind::Contact, settings.contacts != ActDirection::None, contacts}}) {
        if (!w.wanted) {
            continue;
        }
        if (w.found) {
            found.collections.append(collectionFrom(w.kind, *w.found));
            found.steps.append(tr("%1: %2").arg(actKindName(w.kind), w.found->href));
            continue;
        }
        const bool calendar = w.kind != ActKind::Contact;
        const QString home = calendar ? found.calendarHome : found.addressbookHome;
        if (!createMissing) {
            //: %1: appointment, task or contact; %2: the home collection's path
            found.steps.append(tr("%1: none yet in %2 (the first sync makes one)").arg(actKindName(w.kind), home));
            continue;
        }
        const QString name = w.kind == ActKind::Appointment ? u"syncdesk-calendar/"_s
                             : w.kind == ActKind::Task      ? u"syncdesk-tasks/"_s
                                                            : u"syncdesk-contacts/"_s;
        const QString display = w.kind == ActKind::Appointment ? u"SyncDesk"_s
                                : w.kind == ActKind::Task      ? u"SyncDesk tasks"_s
                                                               : u"SyncDesk contacts"_s;
        const QUrl url = client.resolve(home.endsWith(u'/') ? QString(home + name) : QString(home + u'/' + name));
        auto made = calendar
                        ? client.send("MKCALENDAR", url,
                                      DavXml::mkcalendar(display, {w.kind == ActKind::Task ? u"VTODO"_s : u"VEVENT"_s}),
                                      {{"Content-Type", "application/xml; charset=utf-8"}})
                        : client.send("MKCOL", url, DavXml::mkAddressBook(display),
                                      {{"Content-Type", "application/xml; charset=utf-8"}});
        if (!made) {
            return made.error();
        }
        if (made->status != 201 && made->status != 200) {
            SyncError error = DavClient::httpError(*made, tr("making %1").arg(url.path()));
            if (w.kind == ActKind::Task) {
                error.hintId = u"dav-no-tasks"_s;
                error.message =
                    tr("no calendar of %1 takes tasks (VTODO), and one could not be made: %2").arg(home, error.message);
            }
            return error;
        }
        found.collections.append({w.kind, url.toString(), display, QString(), true, now, {}, 0});
        found.steps.append(tr("%1: made %2").arg(actKindName(w.kind), url.path()));
    }
    return found;
}

} // namespace SyncDesk

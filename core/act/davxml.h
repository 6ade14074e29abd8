#pragma once

#include "diagnostics/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace SyncDesk::DavXml {

// WebDAV multistatus answers (RFC 4918 §13) as far as discovery and the ACT sync need them. Elements are matched by
// namespace and local name, never by prefix; the order of elements does not matter. Server text stays plain text.

struct Response
{
    QString href;   // as sent (a path, usually), percent-decoding left to the caller
    int status = 0; // the response's own status (a member removed: 404), or the 200 propstat's
    // From the 200 propstat:
    QString etag;
    QByteArray data;           // calendar-data or address-data
    QStringList resourceTypes; // local names: "collection", "calendar", "addressbook", "principal"
    QStringList components;    // supported-calendar-component-set: "VEVENT", "VTODO"; empty: not given
    bool componentsGiven = false;
    QString displayName;
    QString syncToken;
    QString ctag;
    QStringList principalHrefs; // current-user-principal
    QStringList calendarHomes;  // calendar-home-set
    QStringList addressbookHomes;
    QStringList reports; // supported-report-set: local names ("sync-collection", "calendar-multiget")
};

struct Multistatus
{
    QList<Response> responses;
    QString syncToken;      // a sync-collection answer's new token
    bool truncated = false; // a 507 on the request URI: ask again with the new token
};

// Refuses anything that is not a well-formed multistatus (class Protocol, hint dav-bad-response), and answers over
// 64 MiB of text (the caller limits what it reads anyway).
Result<Multistatus> parseMultistatus(const QByteArray &xml);

// The precondition a DAV error body names (RFC 4918 §16), e.g. "valid-sync-token", "no-uid-conflict"; "" if none.
QString errorCondition(const QByteArray &xml);

// Request bodies.
QByteArray propfindPrincipal();
QByteArray propfindHomes();
QByteArray propfindCollections();
QByteArray propfindEtags();
QByteArray syncCollection(const QString &token);
QByteArray multiget(bool calendar, const QStringList &hrefs);
QByteArray mkcalendar(const QString &displayName, const QStringList &components);
QByteArray mkAddressBook(const QString &displayName);

} // namespace SyncDesk::DavXml

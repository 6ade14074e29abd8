#pragma once

#include "act/actrecords.h"
#include "diagnostics/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>

// The iCalendar codec of the calendar and task directions (CalDAV), on libical 3's C API in the iCalendar
// module (icalmodule.h)
// (docs/research/caldav-carddav.md §2). Thread-safe: each call owns its libical objects; the builtin zones
// (libical's global state) are looked up under a mutex.
//
// Reading (parse), one calendar object resource: a VCALENDAR with one UID, a master VEVENT or VTODO and
// RECURRENCE-ID overrides of it.
//  * VEVENT: SUMMARY -> subject; DTSTART, DTEND (or DURATION) -> start, end in UTC; timeZone = the IANA id of
//    DTSTART's TZID (libical's "/freeassociation.sourceforge.net/" and similar prefixes removed). An IANA TZID
//    is converted with the system tzdata, not with the VTIMEZONE the server sent. Another TZID (Outlook's
//    "W. Europe Standard Time") is converted with the object's VTIMEZONE of that TZID and timeZone stays
//    empty; without such a VTIMEZONE a Windows id is mapped to its IANA zone, anything else is read as UTC.
//    A floating time (no TZID, no Z) is read as UTC with timeZone empty. VALUE=DATE -> allDay, dates at
//    00:00 UTC, DTEND exclusive; no DTEND: one day (a timed event without DTEND or DURATION ends at its start).
//  * LOCATION, DESCRIPTION; ORGANIZER -> organizer (mailto: removed, lower case), its CN -> organizerName;
//    ATTENDEE -> attendees (address as organizer, or the EMAIL parameter of a non-mailto address; CN -> name;
//    PARTSTAT NEEDS-ACTION/ACCEPTED/DECLINED/TENTATIVE/DELEGATED -> needs-action/accepted/declined/tentative/
//    delegated, any other -> needs-action; ROLE REQ-PARTICIPANT/OPT-PARTICIPANT/CHAIR/NON-PARTICIPANT ->
//    required/optional/chair/non-participant, none -> required).
//  * RRULE -> recurrence, as libical prints it back (its order of parts: "FREQ=WEEKLY;COUNT=10;BYDAY=MO").
//    EXDATE (every property and every value, each in its own TZID) -> excludedDates in UTC; a DATE EXDATE of
//    a timed event excludes the occurrence on that day (DTSTART's local time). RDATE and EXRULE are not
//    modelled: write() keeps them from `previous`, occurrences() ignores them.
//  * Overrides (RECURRENCE-ID) -> exceptions, ordered by recurrenceId: recurrenceId, start, end, STATUS:CANCELLED
//    -> cancelled; SUMMARY and LOCATION only when they differ from the master's (empty: as the master).
//  * UID; CREATED, LAST-MODIFIED -> createdAt, modifiedAt; X-SYNCDESK-REGARDING:<type>:<id> -> regarding.
//  * VTODO: SUMMARY, DTSTART -> start, DUE -> due (VALUE=DATE -> allDay; timeZone from DUE, else DTSTART),
//    STATUS NEEDS-ACTION/IN-PROCESS/COMPLETED/CANCELLED -> not-started/in-progress/completed/cancelled (none:
//    not-started), PERCENT-COMPLETE (0..100), PRIORITY (0..9), DESCRIPTION, UID, CREATED, LAST-MODIFIED,
//    X-SYNCDESK-REGARDING. The master VTODO only; overrides of a recurring task are kept by write().
//  * id, ownerKey and businessUnit are the CRM's and stay empty.
//
// Refused, as ErrorClass::Parse with hint "dav-bad-data" (scope Item, stage Parse; the detail gives sizes,
// counts and property names, never the content): empty data, more than 4 MiB, a NUL byte, more than 1000
// components (BEGIN lines are counted before libical parses: it frees components recursively, and deep
// nesting would overflow a worker thread's stack), text libical cannot parse, no VCALENDAR or several, no
// VEVENT/VTODO, both VEVENT and VTODO, a component without UID or UIDs that differ, no master or two masters,
// a VEVENT without a valid DTSTART, a value libical could not parse in UID, DTSTART, DTEND, DURATION, DUE,
// RRULE, RECURRENCE-ID or EXDATE (libical does not fail: it replaces the property by X-LIC-ERROR; a bad value
// elsewhere, such as Google's empty "LOCATION:", only loses that value), two RRULEs, an RRULE libical cannot
// parse or expand in bounded time (SECONDLY, MINUTELY, HOURLY with a day filter, a numbered BYDAY in a DAILY
// or WEEKLY rule), a VTIMEZONE whose rules libical would expand without bound or crash on (see
// Detail::isSafeVTimezone in icaltime.h).
//
// Writing: VCALENDAR (PRODID "-//SyncDesk//SyncDesk//EN", VERSION 2.0) with the master VEVENT or VTODO, the
// overrides as further VEVENTs with the same UID (a new override copies the master's DESCRIPTION, ORGANIZER
// and ATTENDEEs), and one VTIMEZONE per TZID used: TZID = the IANA id, the system zone trimmed to the
// transitions from three years before the earliest time written (icaltimezone_truncate_vtimezone). Times in
// a zone known to the system tzdata are local with TZID=<IANA id>; others are UTC (...Z); all-day ones are
// VALUE=DATE. DTSTAMP is now; CREATED is createdAt; LAST-MODIFIED is modifiedAt (now when invalid).
// With `previous` (the server's current text of the same object, same UID): everything SyncDesk does not
// model is kept (X-* properties, VALARMs, CATEGORIES, CLASS, TRANSP, RDATE, the master's STATUS, the
// parameters of a kept ATTENDEE or ORGANIZER such as RSVP or SCHEDULE-STATUS, VCALENDAR properties other than
// METHOD); overrides are matched by RECURRENCE-ID; SEQUENCE is the highest previous one, plus one when start,
// end, time zone, recurrence, excluded dates, location or an override's start, end, location or cancellation
// changed (RFC 5546); DTSTAMP and LAST-MODIFIED are now. A `previous` that does not parse or has another
// UID is ignored. A completed task gets COMPLETED (kept from `previous`, else now); another status drops it.
//
// occurrences(): the starts and ends of the occurrences whose start is in [from, to), sorted, at most `max`:
// RRULE expanded by libical in the appointment's zone (a weekly 09:00 stays 09:00 local across DST), minus
// excludedDates, an overridden occurrence at its override's start (none when the override is cancelled). An
// override whose recurrenceId is no occurrence of the rule is ignored. Expansion stops after 2,000,000 rule
// steps; a rule parse() would refuse gives no occurrences.

namespace SyncDesk::ICalCodec {

constexpr qsizetype kMaxObjectBytes = 4 * 1024 * 1024;
constexpr int kMaxComponents = 1000;

// One calendar object resource (RFC 4791: one UID; a master plus RECURRENCE-ID overrides) read from a server.
struct CalendarObject
{
    ActKind kind = ActKind::Appointment;
    Appointment appointment;
    CrmTask task;
};

// libical is in the iCalendar module (icalmodule.h), opened at the first call: when it is missing or cannot
// be loaded, every function returns an Internal error (hint "module-missing") naming it and where it was looked
// for; an exception inside the module (out of memory) is an Internal error ("internal-error"), never thrown.
Result<CalendarObject> parse(const QByteArray &data);

Result<QByteArray> write(const Appointment &appointment, const QByteArray &previous = {});
Result<QByteArray> write(const CrmTask &task, const QByteArray &previous = {});

Result<QList<QPair<QDateTime, QDateTime>>> occurrences(const Appointment &appointment, const QDateTime &from,
                                                       const QDateTime &to, int max = 1000);

} // namespace SyncDesk::ICalCodec

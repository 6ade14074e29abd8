#pragma once

// Internal to the iCalendar codec in its module (icalbackend.cpp, icaltime.cpp): RAII for libical objects, time
// zones and times. Not for other code: it exposes libical types.

#include "act/actrecords.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <initializer_list>
#include <libical/ical.h>
#include <memory>
#include <vector>

namespace SyncDesk::ICalCodec::Detail {

struct ComponentFree
{
    void operator()(icalcomponent *component) const { icalcomponent_free(component); }
};
struct PropertyFree
{
    void operator()(icalproperty *property) const { icalproperty_free(property); }
};
struct RecurIteratorFree
{
    void operator()(icalrecur_iterator *iterator) const { icalrecur_iterator_free(iterator); }
};
using ComponentPtr = std::unique_ptr<icalcomponent, ComponentFree>;
using PropertyPtr = std::unique_ptr<icalproperty, PropertyFree>;
using RecurIteratorPtr = std::unique_ptr<icalrecur_iterator, RecurIteratorFree>;

// Copies a libical string (ring buffer or owned by a component) at once.
inline QString text(const char *value)
{
    return value ? QString::fromUtf8(value) : QString();
}

// The direct children of a kind, collected first: libical's get_first/get_next iterators keep their state
// in the parent, so nothing may iterate the same parent while a loop over it runs.
QList<icalcomponent *> children(icalcomponent *parent, icalcomponent_kind kind);
QList<icalproperty *> properties(icalcomponent *component, icalproperty_kind kind);
QList<icalproperty *> xProperties(icalcomponent *component, const char *name);
// Detaches and frees the properties (every one of the kind).
inline void removeProperties(icalcomponent *component, const QList<icalproperty *> &list)
{
    for (icalproperty *p : list) {
        icalcomponent_remove_property(component, p);
        icalproperty_free(p);
    }
}
inline void removeProperties(icalcomponent *component, icalproperty_kind kind)
{
    removeProperties(component, properties(component, kind));
}

// All components in the tree, counting stops a little above `limit`.
int countComponents(icalcomponent *root, int limit);

// Property values and the properties SyncDesk models in every component.
QString textOf(icalproperty *property);
QString address(icalproperty *property); // ORGANIZER, ATTENDEE: "mailto:" removed (or EMAIL=), lower case
// PARTSTAT needs-action/accepted/declined/tentative/delegated (others: needs-action), ROLE required/optional/
// chair/non-participant (none: required).
Attendee attendeeOf(icalproperty *property);
QString normalizedRule(const QString &rule); // as libical prints it; unchanged when it does not parse
RecordRef regardingOf(icalcomponent *component);
void setRegarding(icalcomponent *component, const RecordRef &regarding); // adds X-SYNCDESK-REGARDING

// Writing starts from a new component with what `previous` (the server's, or null) has and SyncDesk does not
// model: its properties but UID, DTSTAMP, LAST-MODIFIED, SEQUENCE, DTSTART, DTEND, DURATION, DUE,
// RECURRENCE-ID, X-SYNCDESK-REGARDING and those of the `dropped` kinds, and its subcomponents
// (VALARM). The modelled ones are added after. (Removing them from a clone instead costs O(n²): libical
// searches its list for every removal, 18 s for a VEVENT of 66000 ATTENDEEs.)
ComponentPtr carryOver(icalcomponent *previous, icalcomponent_kind kind,
                       std::initializer_list<icalproperty_kind> dropped);
// Adds a property of the kind with this text (none when empty): `previous`'s property of the kind with its
// parameters (LANGUAGE, ALTREP) when its text is the same, without ALTREP when not.
void setText(icalcomponent *component, icalproperty_kind kind, const QString &value, icalcomponent *previous);
void setUtc(icalcomponent *component, icalproperty_kind kind, const QDateTime &utc); // none when invalid
// Adds ORGANIZER and ATTENDEEs; `previous`'s property for the same address is copied with its other
// parameters (RSVP, SCHEDULE-STATUS, SENT-BY, X-...).
void setPeople(icalcomponent *component, const QString &organizer, const QString &organizerName,
               const QList<Attendee> &attendees, icalcomponent *previous);

// The written text: a VCALENDAR with PRODID and VERSION (and the properties of `previousCalendar` but
// METHOD), one VTIMEZONE per TZID used in `items` (a builtin one trimmed to `earliest`, else the previous
// calendar's), then the items.
QByteArray assemble(icalcomponent *previousCalendar, std::vector<ComponentPtr> items, const QDateTime &earliest);

// One-time initialisation of libical's global time zone state (zones.tab, the UTC zone): libical fills
// these lazily and without a lock on some paths.
void initLibical();

// The builtin (system tzdata) zone of an IANA id, or null. Only names of real files in the zone directory,
// made of [A-Za-z0-9_+-] separated by '/', are looked up; lookups are serialised under a mutex, because
// libical appends zones that zone.tab lacks to a global array without a lock.
icaltimezone *builtinZone(const QString &ianaId);
// The IANA id in a TZID: libical's "/freeassociation.sourceforge.net/Europe/Berlin" (and any other
// "/vendor/.../Area/City" prefix) gives "Europe/Berlin". Empty when no builtin zone matches.
QString ianaFromTzid(const QString &tzid);

// A VTIMEZONE from a server is expanded by libical up to the year used (at most 2582): at most 100
// observances with a valid DTSTART, 1000 RDATEs, rules YEARLY with a handful of BY values that can match, or
// a hostile one ("FREQ=SECONDLY") would expand for hours (or crash icaltimezone_truncate_vtimezone).
bool isSafeVTimezone(icalcomponent *vtimezone);
// A rule that libical can expand in bounded time: parsed, not SECONDLY or MINUTELY, HOURLY without day
// filters (BYMONTH, BYMONTHDAY, BYYEARDAY, BYWEEKNO), numbered BYDAY ("2MO") only when MONTHLY or YEARLY
// (RFC 5545). One step of libical's iterator walks unit by unit up to the year 2582 when its filters never
// match: 13 s for HOURLY;BYMONTHDAY=-31, far longer for MINUTELY and SECONDLY. (MONTHLY and YEARLY rules
// that never match cost libical up to about a second, then it gives up.)
bool isExpandableRule(const icalrecurrencetype &rule);

// The zone a TZID stands for within one VCALENDAR: a builtin zone for an IANA id (libical's prefix
// removed), else the VCALENDAR's own VTIMEZONE of that TZID (Outlook's "W. Europe Standard Time"), else a
// Windows id mapped to IANA, else none (the time is read as UTC). Never libical's own TZID lookup, which
// opens any path below the zone directory (TZID=../../../dev/stdin blocks) and grows a global array. More than
// 100 TZIDs in one object are unsafe.
struct Zone
{
    icaltimezone *zone = nullptr;
    QString ianaId; // empty for a VTIMEZONE that is not an IANA zone
    bool unsafe = false;
};
class ZoneResolver
{
public:
    // fromYear: a VTIMEZONE of the calendar is cut to the transitions from this year on before it is used
    // (libical expands all of them for each object: 8 ms for Outlook's from 1601, under a global lock).
    ZoneResolver(icalcomponent *calendar, int fromYear)
        : m_calendar(calendar)
        , m_fromYear(fromYear)
    {}
    Zone resolve(const QString &tzid);
    Zone resolve(icalproperty *property); // by its TZID parameter; none for UTC or floating times
    // The instant of a DATE or DATE-TIME property (toUtc() in its TZID's zone); invalid when it has no such
    // value or its VTIMEZONE is unsafe (then `unsafe` is set). `ianaId` gets the zone's IANA id.
    QDateTime instant(icalproperty *property, QString *ianaId = nullptr);
    bool unsafe = false;

private:
    icalcomponent *m_calendar;
    int m_fromYear;
    QHash<QString, Zone> m_zones;
};

// The raw value of a DATE or DATE-TIME property (DTSTART, EXDATE, RECURRENCE-ID, ...), without libical's
// TZID resolution. Null time when the value is of another type.
icaltimetype rawTime(icalproperty *property);
// An instant in UTC: a date at 00:00 UTC, a UTC time as is, a local time converted from the zone, a
// floating time (no zone) read as UTC. Invalid when the fields are not a valid date and time.
QDateTime toUtc(icaltimetype time, icaltimezone *zone);
// The reverse: a date, a UTC time, or a local time in the zone (returned with zone null, to be written with
// a TZID parameter; a UTC time when libical cannot convert it, after its year 2582).
icaltimetype fromUtc(const QDateTime &utc, icaltimezone *zone, bool date);

// A DATE or DATE-TIME property of the kind (DTSTART, DTEND, DUE, EXDATE, RECURRENCE-ID) with TZID=<zoneId>
// when the time is local in a builtin zone. Null for an invalid time or one outside the years 1..3000, which
// libical prints as 00000000T000000 (toUtc() reads none of those either).
icalproperty *timeProperty(icalproperty_kind kind, const QDateTime &utc, bool date, const QString &zoneId);

// The builtin zone's VTIMEZONE with the given TZID (normally the IANA id itself), trimmed to the transitions
// from three years before `earliest` (icaltimezone_truncate_vtimezone). Null for an unknown zone.
ComponentPtr trimmedVTimezone(const QString &ianaId, const QString &tzid, const QDateTime &earliest);

// Small readers of the properties every component has.
inline QString firstText(icalcomponent *component, icalproperty_kind kind)
{
    return textOf(icalcomponent_get_first_property(component, kind));
}

inline QString commonName(icalproperty *property)
{
    icalparameter *cn = icalproperty_get_first_parameter(property, ICAL_CN_PARAMETER);
    return cn ? text(icalparameter_get_cn(cn)) : QString();
}

// CREATED, LAST-MODIFIED
inline QDateTime utcProperty(icalcomponent *component, icalproperty_kind kind)
{
    icalproperty *p = icalcomponent_get_first_property(component, kind);
    return p ? toUtc(rawTime(p), nullptr) : QDateTime();
}

} // namespace SyncDesk::ICalCodec::Detail

#include "icaltime.h"

#include <QFileInfo>
#include <QMutex>
#include <QMutexLocker>
#include <QSet>
#include <QTimeZone>

#include <algorithm>
#include <array>
#include <mutex>

namespace SyncDesk::ICalCodec::Detail {

using namespace Qt::StringLiterals;

namespace {

const char *const kRegarding = "X-SYNCDESK-REGARDING";
// What every written component gets anew (write()'s stamp() and times).
constexpr std::array kStamped{ICAL_UID_PROPERTY,      ICAL_DTSTAMP_PROPERTY, ICAL_LASTMODIFIED_PROPERTY,
                              ICAL_SEQUENCE_PROPERTY, ICAL_DTSTART_PROPERTY, ICAL_DTEND_PROPERTY,
                              ICAL_DURATION_PROPERTY, ICAL_DUE_PROPERTY,     ICAL_RECURRENCEID_PROPERTY};

// Guards every lookup in libical's global array of builtin zones (icaltimezone_get_builtin_timezone appends
// to it without a lock) and our cache of the zones found.
QMutex &zoneMutex()
{
    static QMutex mutex;
    return mutex;
}

QString zoneDirectory()
{
    static const QString directory = [] {
        initLibical();
        return text(icaltzutil_get_zone_directory());
    }();
    return directory;
}

// "Europe/Berlin", "America/Argentina/Buenos_Aires", "Etc/GMT+5": no dots, no empty parts, nothing absolute.
bool isPlausibleZoneName(const QString &name)
{
    if (name.isEmpty() || name.size() > 64 || name.startsWith(u'/') || name.endsWith(u'/') || name.contains(u"//"_s)) {
        return false;
    }
    for (const QChar c : name) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'_' ||
                        u == u'+' || u == u'-' || u == u'/';
        if (!ok) {
            return false;
        }
    }
    return name.front().isLetter();
}

bool isUtcName(const QString &tzid)
{
    static const QStringList names{u"UTC"_s,      u"GMT"_s,  u"Z"_s,         u"Etc/UTC"_s,      u"Etc/GMT"_s,
                                   u"Etc/Zulu"_s, u"Zulu"_s, u"Universal"_s, u"Etc/Universal"_s};
    return names.contains(tzid, Qt::CaseInsensitive);
}

// January 1st, 00:00 UTC: the start for icaltimezone_truncate_vtimezone().
icaltimetype yearStart(int year)
{
    icaltimetype start = icaltime_null_time();
    start.year = std::clamp(year, 1900, 2500);
    start.month = start.day = 1;
    start.zone = icaltimezone_get_utc_timezone();
    return start;
}

// libical expands a VTIMEZONE from its first DTSTART for every conversion (Outlook's: from 1601, 8 ms under a
// global lock): cut it first. icaltimezone_truncate_vtimezone skips observances without TZNAME, and Outlook
// writes none: they get a marked one for the time of the cut.
void trimServerVTimezone(icalcomponent *vtimezone, int fromYear)
{
    static const char *const marker = "X-SYNCDESK-TRIM";
    for (icalcomponent *observance : children(vtimezone, ICAL_ANY_COMPONENT)) {
        if (!icalcomponent_get_first_property(observance, ICAL_TZNAME_PROPERTY)) {
            icalcomponent_add_property(observance, icalproperty_new_tzname(marker));
        }
    }
    icaltimezone_truncate_vtimezone(vtimezone, yearStart(fromYear), icaltime_null_time(), 0);
    for (icalcomponent *observance : children(vtimezone, ICAL_ANY_COMPONENT)) {
        for (icalproperty *p : properties(observance, ICAL_TZNAME_PROPERTY)) {
            if (qstrcmp(icalproperty_get_tzname(p), marker) == 0) {
                icalcomponent_remove_property(observance, p);
                icalproperty_free(p);
            }
        }
    }
}

int arrayCount(const short *array, int size)
{
    int count = 0;
    while (count < size && array[count] != ICAL_RECURRENCE_ARRAY_MAX) {
        ++count;
    }
    return count;
}

} // namespace

QList<icalcomponent *> children(icalcomponent *parent, icalcomponent_kind kind)
{
    QList<icalcomponent *> result;
    if (!parent) {
        return result;
    }
    icalcompiter it = icalcomponent_begin_component(parent, kind);
    for (icalcomponent *child = icalcompiter_deref(&it); child; child = icalcompiter_next(&it)) {
        result.append(child);
    }
    return result;
}

QList<icalproperty *> properties(icalcomponent *component, icalproperty_kind kind)
{
    QList<icalproperty *> result;
    for (icalproperty *p = component ? icalcomponent_get_first_property(component, kind) : nullptr; p;
         p = icalcomponent_get_next_property(component, kind)) {
        result.append(p);
    }
    return result;
}

QList<icalproperty *> xProperties(icalcomponent *component, const char *name)
{
    QList<icalproperty *> result;
    for (icalproperty *p : properties(component, ICAL_X_PROPERTY)) {
        const char *xName = icalproperty_get_x_name(p);
        if (xName && qstricmp(xName, name) == 0) {
            result.append(p);
        }
    }
    return result;
}

void initLibical()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // zones.tab, the UTC zone, the zone directory and the TZID prefix are filled on first use; do it once,
        // before any worker thread races for them.
        icaltimezone_get_utc_timezone();
        icalarray *zones = icaltimezone_get_builtin_timezones();
        icaltzutil_get_zone_directory();
        if (zones && zones->num_elements > 0) {
            icaltimezone_get_component(static_cast<icaltimezone *>(icalarray_element_at(zones, 0)));
        }
    });
}

icaltimezone *builtinZone(const QString &ianaId)
{
    if (!isPlausibleZoneName(ianaId) || isUtcName(ianaId)) {
        return nullptr;
    }
    const QString directory = zoneDirectory();
    QMutexLocker locker(&zoneMutex());
    static QHash<QString, icaltimezone *> cache; // guarded by zoneMutex()
    if (const auto it = cache.constFind(ianaId); it != cache.constEnd()) {
        return it.value();
    }
    // Only real files (not cached when missing: a hostile server could send endless names).
    if (directory.isEmpty() || !QFileInfo(directory + u'/' + ianaId).isFile()) {
        return nullptr;
    }
    icaltimezone *zone = icaltimezone_get_builtin_timezone(ianaId.toUtf8().constData());
    if (zone && icaltimezone_get_component(zone)) { // loads the VTIMEZONE now, under libical's own lock
        cache.insert(ianaId, zone);
        return zone;
    }
    return nullptr;
}

QString ianaFromTzid(const QString &tzid)
{
    const QString trimmed = tzid.trimmed();
    if (builtinZone(trimmed)) {
        return trimmed;
    }
    if (!trimmed.startsWith(u'/')) {
        return {};
    }
    // "/freeassociation.sourceforge.net/Europe/Berlin", "/mozilla.org/20050126_1/America/New_York",
    // "/freeassociation.sourceforge.net/Tzfile/America/Argentina/Buenos_Aires": the longest tail that is a zone.
    const QStringList parts = trimmed.split(u'/', Qt::SkipEmptyParts);
    for (qsizetype length = std::min<qsizetype>(3, parts.size() - 1); length >= 1; --length) {
        const QString candidate = parts.mid(parts.size() - length).join(u'/');
        if (builtinZone(candidate)) {
            return candidate;
        }
    }
    return {};
}

namespace {

// A VTIMEZONE rule as zone data has them (YEARLY, a month or two, a weekday, at most a week of days) that
// libical can start an iterator for: icaltimezone_truncate_vtimezone does not check and crashes, and libical
// searches 18000 years (80 ms) before it gives up on an impossible one, so those are refused beforehand.
bool isSafeZoneRule(const icalrecurrencetype &rule, const icaltimetype &dtstart)
{
    const int months = arrayCount(rule.by_month, ICAL_BY_MONTH_SIZE);
    const int monthDays = arrayCount(rule.by_month_day, ICAL_BY_MONTHDAY_SIZE);
    const int setPositions = arrayCount(rule.by_set_pos, ICAL_BY_SETPOS_SIZE);
    if (rule.freq != ICAL_YEARLY_RECURRENCE || rule.interval < 1 || arrayCount(rule.by_second, ICAL_BY_SECOND_SIZE) ||
        arrayCount(rule.by_minute, ICAL_BY_MINUTE_SIZE) || arrayCount(rule.by_hour, ICAL_BY_HOUR_SIZE) ||
        arrayCount(rule.by_year_day, ICAL_BY_YEARDAY_SIZE) || arrayCount(rule.by_week_no, ICAL_BY_WEEKNO_SIZE) ||
        months > 2 || monthDays > 7 || arrayCount(rule.by_day, ICAL_BY_DAY_SIZE) > 7 || setPositions > 1 ||
        (setPositions && std::abs(rule.by_set_pos[0]) > 1)) {
        return false;
    }
    for (int i = 0; i < monthDays; ++i) {
        if (std::abs(rule.by_month_day[i]) > 28) {
            return false;
        }
    }
    for (int i = 0; i < ICAL_BY_DAY_SIZE && rule.by_day[i] != ICAL_RECURRENCE_ARRAY_MAX; ++i) {
        const int position = std::abs(icalrecurrencetype_day_position(rule.by_day[i]));
        if ((position && monthDays) || (months && position > 5)) {
            return false;
        }
    }
    return RecurIteratorPtr(icalrecur_iterator_new(rule, dtstart)) != nullptr;
}

} // namespace

bool isSafeVTimezone(icalcomponent *vtimezone)
{
    const QList<icalcomponent *> observances = children(vtimezone, ICAL_ANY_COMPONENT);
    int rdates = 0;
    for (icalcomponent *observance : observances) {
        rdates += int(properties(observance, ICAL_RDATE_PROPERTY).size());
        const QList<icalproperty *> rules = properties(observance, ICAL_RRULE_PROPERTY);
        const QList<icalproperty *> starts = properties(observance, ICAL_DTSTART_PROPERTY);
        // One DTSTART, one of each offset: libical reads whichever it meets (a second, broken DTSTART made
        // icaltimezone_truncate_vtimezone() crash).
        if (starts.size() != 1 || properties(observance, ICAL_TZOFFSETFROM_PROPERTY).size() != 1 ||
            properties(observance, ICAL_TZOFFSETTO_PROPERTY).size() != 1) {
            return false;
        }
        const icaltimetype dtstart = rawTime(starts.constFirst());
        if (rules.size() > 1 || dtstart.is_date || !toUtc(dtstart, nullptr).isValid() ||
            (!rules.isEmpty() && !isSafeZoneRule(icalproperty_get_rrule(rules.first()), dtstart))) {
            return false;
        }
    }
    return observances.size() <= 100 && rdates <= 1000;
}

bool isExpandableRule(const icalrecurrencetype &rule)
{
    bool ordinalDay = false;
    for (int i = 0; i < ICAL_BY_DAY_SIZE && rule.by_day[i] != ICAL_RECURRENCE_ARRAY_MAX; ++i) {
        ordinalDay = ordinalDay || icalrecurrencetype_day_position(rule.by_day[i]) != 0;
    }
    const bool monthly = rule.freq == ICAL_MONTHLY_RECURRENCE || rule.freq == ICAL_YEARLY_RECURRENCE;
    // HOURLY walks hour by hour: a day filter that never matches (BYMONTHDAY=-31 for libical) takes 13 s a step.
    const bool dayFilters =
        arrayCount(rule.by_month, ICAL_BY_MONTH_SIZE) || arrayCount(rule.by_month_day, ICAL_BY_MONTHDAY_SIZE) ||
        arrayCount(rule.by_year_day, ICAL_BY_YEARDAY_SIZE) || arrayCount(rule.by_week_no, ICAL_BY_WEEKNO_SIZE);
    return rule.freq != ICAL_NO_RECURRENCE && rule.freq != ICAL_SECONDLY_RECURRENCE &&
           rule.freq != ICAL_MINUTELY_RECURRENCE && rule.interval >= 1 && (monthly || !ordinalDay) &&
           (rule.freq != ICAL_HOURLY_RECURRENCE || !dayFilters);
}

Zone ZoneResolver::resolve(const QString &tzid)
{
    if (const auto it = m_zones.constFind(tzid); it != m_zones.constEnd()) {
        return it.value();
    }
    Zone result;
    if (m_zones.size() >= 100) { // zones enough for any calendar: the rest would only cost lookups
        result.unsafe = true;
        return result;
    }
    if (isUtcName(tzid.trimmed())) {
        result.zone = icaltimezone_get_utc_timezone();
    } else if (const QString iana = ianaFromTzid(tzid); !iana.isEmpty()) {
        result.zone = builtinZone(iana);
        result.ianaId = iana;
    } else {
        const QByteArray utf8 = tzid.toUtf8();
        QList<icalcomponent *> embedded; // every one of that TZID: libical picks one of them
        for (icalcomponent *vtimezone : children(m_calendar, ICAL_VTIMEZONE_COMPONENT)) {
            icalproperty *p = icalcomponent_get_first_property(vtimezone, ICAL_TZID_PROPERTY);
            const char *id = p ? icalproperty_get_tzid(p) : nullptr;
            if (id && utf8 == id) {
                embedded.append(vtimezone);
                result.unsafe = result.unsafe || !isSafeVTimezone(vtimezone);
            }
        }
        if (!embedded.isEmpty() && !result.unsafe) {
            for (icalcomponent *vtimezone : std::as_const(embedded)) {
                trimServerVTimezone(vtimezone, m_fromYear);
            }
            result.zone = icalcomponent_get_timezone(m_calendar, utf8.constData());
        } else if (embedded.isEmpty()) {
            const QByteArray windows = QTimeZone::windowsIdToDefaultIanaId(utf8);
            if (!windows.isEmpty()) {
                const QString iana = QString::fromLatin1(windows);
                if (icaltimezone *zone = builtinZone(iana)) {
                    result.zone = zone;
                    result.ianaId = iana;
                }
            }
        }
    }
    m_zones.insert(tzid, result);
    return result;
}

Zone ZoneResolver::resolve(icalproperty *property)
{
    icalparameter *param = icalproperty_get_first_parameter(property, ICAL_TZID_PARAMETER);
    const QString tzid = param ? text(icalparameter_get_tzid(param)) : QString();
    return tzid.isEmpty() ? Zone{} : resolve(tzid);
}

icaltimetype rawTime(icalproperty *property)
{
    icalvalue *value = property ? icalproperty_get_value(property) : nullptr;
    const icalvalue_kind kind = value ? icalvalue_isa(value) : ICAL_NO_VALUE;
    return kind == ICAL_DATETIME_VALUE         ? icalvalue_get_datetime(value)
           : kind == ICAL_DATE_VALUE           ? icalvalue_get_date(value)
           : kind == ICAL_DATETIMEPERIOD_VALUE ? icalvalue_get_datetimeperiod(value).time
                                               : icaltime_null_time();
}

QDateTime toUtc(icaltimetype time, icaltimezone *zone)
{
    if (icaltime_is_null_time(time) || time.year < 1 || time.year > 3000) { // libical prints nothing later
        return {};
    }
    if (time.is_date) {
        const QDate date(time.year, time.month, time.day);
        return date.isValid() ? QDateTime(date, QTime(0, 0), Qt::UTC) : QDateTime();
    }
    icaltimezone *utc = icaltimezone_get_utc_timezone();
    if (!icaltime_is_utc(time) && zone && zone != utc) {
        time.zone = nullptr;
        icaltimezone_convert_time(&time, zone, utc);
    }
    const QDate date(time.year, time.month, time.day);
    const QTime clock(time.hour, time.minute, std::min(time.second, 59));
    if (!date.isValid() || !clock.isValid()) {
        return {};
    }
    return QDateTime(date, clock, Qt::UTC);
}

icaltimetype fromUtc(const QDateTime &utc, icaltimezone *zone, bool date)
{
    icaltimetype result = icaltime_null_time();
    if (!utc.isValid()) {
        return result;
    }
    icaltimezone *utcZone = icaltimezone_get_utc_timezone();
    if (!date && zone && zone != utcZone) {
        result = icaltime_from_timet_with_zone(static_cast<time_t>(utc.toSecsSinceEpoch()), 0, zone);
        if (QDate(result.year, result.month, result.day).isValid()) { // not after libical's year 2582
            result.zone = nullptr;                                    // written as local time with TZID
            return result;
        }
    }
    const QDateTime inUtc = utc.toUTC(); // fields of dates and UTC times directly: any year 1..9999
    result = icaltime_null_time();
    result.year = inUtc.date().year();
    result.month = inUtc.date().month();
    result.day = inUtc.date().day();
    result.hour = date ? 0 : inUtc.time().hour();
    result.minute = date ? 0 : inUtc.time().minute();
    result.second = date ? 0 : inUtc.time().second();
    result.is_date = date;
    result.zone = date ? nullptr : utcZone;
    return result;
}

icalproperty *timeProperty(icalproperty_kind kind, const QDateTime &utc, bool date, const QString &zoneId)
{
    if (!utc.isValid() || utc.toUTC().date().year() < 1 || utc.toUTC().date().year() > 3000) {
        return nullptr; // libical prints 00000000T000000 after the year 3000
    }
    icaltimezone *zone = (!date && !zoneId.isEmpty()) ? builtinZone(zoneId) : nullptr;
    const icaltimetype time = fromUtc(utc, zone, date);
    icalproperty *property = icalproperty_new(kind);
    icalproperty_set_value(property, date ? icalvalue_new_date(time) : icalvalue_new_datetime(time));
    if (zone && !icaltime_is_utc(time)) {
        icalproperty_add_parameter(property, icalparameter_new_tzid(zoneId.toUtf8().constData()));
    }
    return property;
}

ComponentPtr trimmedVTimezone(const QString &ianaId, const QString &tzid, const QDateTime &earliest)
{
    icaltimezone *zone = builtinZone(ianaId);
    if (!zone) {
        return {};
    }
    ComponentPtr vtimezone;
    {
        QMutexLocker locker(&zoneMutex());
        if (icalcomponent *component = icaltimezone_get_component(zone)) {
            vtimezone.reset(icalcomponent_new_clone(component));
        }
    }
    if (!vtimezone) {
        return {};
    }
    if (icalproperty *id = icalcomponent_get_first_property(vtimezone.get(), ICAL_TZID_PROPERTY)) {
        icalproperty_set_tzid(id, tzid.toUtf8().constData());
    }
    const int year = (earliest.isValid() ? earliest.toUTC().date().year() : QDate::currentDate().year()) - 3;
    // ms_compatible: keep the RRULEs' original DTSTART (1981-03-29 for Berlin), as Outlook expects.
    icaltimezone_truncate_vtimezone(vtimezone.get(), yearStart(year), icaltime_null_time(), 1);
    return vtimezone;
}

QDateTime ZoneResolver::instant(icalproperty *property, QString *ianaId)
{
    const icaltimetype raw = rawTime(property);
    Zone zone;
    if (!raw.is_date && !icaltime_is_utc(raw)) {
        zone = resolve(property);
    }
    if (zone.unsafe) {
        unsafe = true;
        return {};
    }
    if (ianaId) {
        *ianaId = zone.ianaId;
    }
    return toUtc(raw, zone.zone);
}

int countComponents(icalcomponent *root, int limit)
{
    int count = 0;
    QList<icalcomponent *> stack{root};
    while (!stack.isEmpty() && count <= limit) {
        icalcomponent *c = stack.takeLast();
        ++count;
        stack.append(children(c, ICAL_ANY_COMPONENT));
    }
    return count;
}

QString textOf(icalproperty *property)
{
    icalvalue *value = property ? icalproperty_get_value(property) : nullptr;
    if (!value) {
        return {};
    }
    return icalvalue_isa(value) == ICAL_TEXT_VALUE ? text(icalvalue_get_text(value))
                                                   : text(icalproperty_get_value_as_string(property));
}

QString address(icalproperty *property)
{
    QString value = text(icalproperty_get_value_as_string(property)).trimmed();
    if (value.startsWith(u"mailto:"_s, Qt::CaseInsensitive)) {
        value = value.mid(7);
    } else if (icalparameter *email = icalproperty_get_first_parameter(property, ICAL_EMAIL_PARAMETER)) {
        value = text(icalparameter_get_email(email)); // urn:uuid:... with EMAIL=
    }
    return value.trimmed().toLower();
}

QString normalizedRule(const QString &rule)
{
    if (rule.isEmpty()) {
        return {};
    }
    icalrecurrencetype parsed = icalrecurrencetype_from_string(rule.toUtf8().constData());
    if (parsed.freq == ICAL_NO_RECURRENCE) {
        return rule;
    }
    char *printed = icalrecurrencetype_as_string_r(&parsed);
    const QString result = text(printed);
    icalmemory_free_buffer(printed);
    return result;
}

RecordRef regardingOf(icalcomponent *component)
{
    for (icalproperty *p : xProperties(component, kRegarding)) {
        const QString value = text(icalproperty_get_x(p)).trimmed();
        const qsizetype colon = value.indexOf(u':');
        if (colon > 0 && colon < value.size() - 1) {
            return {value.left(colon), value.mid(colon + 1)};
        }
    }
    return {};
}

void setRegarding(icalcomponent *component, const RecordRef &regarding)
{
    if (regarding.isValid()) {
        icalproperty *p = icalproperty_new_x((regarding.type + u':' + regarding.id).toUtf8().constData());
        icalproperty_set_x_name(p, kRegarding);
        icalcomponent_add_property(component, p);
    }
}

void setText(icalcomponent *component, icalproperty_kind kind, const QString &value, icalcomponent *previous)
{
    icalproperty *old = (previous && !value.isEmpty()) ? icalcomponent_get_first_property(previous, kind) : nullptr;
    if (value.isEmpty() || (old && textOf(old) == value)) {
        if (old) { // unchanged: with its parameters (LANGUAGE, ALTREP)
            icalcomponent_add_property(component, icalproperty_new_clone(old));
        }
        return;
    }
    icalproperty *p = old ? icalproperty_new_clone(old) : icalproperty_new(kind);
    icalproperty_set_value(p, icalvalue_new_text(value.toUtf8().constData()));
    icalproperty_remove_parameter_by_kind(p, ICAL_ALTREP_PARAMETER);
    icalcomponent_add_property(component, p);
}

ComponentPtr carryOver(icalcomponent *previous, icalcomponent_kind kind,
                       std::initializer_list<icalproperty_kind> dropped)
{
    ComponentPtr result(icalcomponent_new(kind));
    for (icalproperty *p : properties(previous, ICAL_ANY_PROPERTY)) {
        const icalproperty_kind k = icalproperty_isa(p);
        const char *x = k == ICAL_X_PROPERTY ? icalproperty_get_x_name(p) : nullptr;
        if (std::find(dropped.begin(), dropped.end(), k) == dropped.end() &&
            std::find(kStamped.begin(), kStamped.end(), k) == kStamped.end() && !(x && qstricmp(x, kRegarding) == 0)) {
            icalcomponent_add_property(result.get(), icalproperty_new_clone(p));
        }
    }
    for (icalcomponent *child : children(previous, ICAL_ANY_COMPONENT)) {
        icalcomponent_add_component(result.get(), icalcomponent_new_clone(child));
    }
    return result;
}

void setUtc(icalcomponent *component, icalproperty_kind kind, const QDateTime &utc)
{
    removeProperties(component, kind);
    if (icalproperty *p = timeProperty(kind, utc, false, {})) {
        icalcomponent_add_property(component, p);
    }
}

namespace {

template <typename Enum, size_t N>
Enum lookup(const std::array<std::pair<Enum, QStringView>, N> &table, const QString &name, Enum fallback)
{
    for (const auto &[value, id] : table) {
        if (id == name) {
            return value;
        }
    }
    return fallback;
}

const std::array<std::pair<icalparameter_partstat, QStringView>, 5> kResponses{{
    {ICAL_PARTSTAT_NEEDSACTION, u"needs-action"},
    {ICAL_PARTSTAT_ACCEPTED, u"accepted"},
    {ICAL_PARTSTAT_DECLINED, u"declined"},
    {ICAL_PARTSTAT_TENTATIVE, u"tentative"},
    {ICAL_PARTSTAT_DELEGATED, u"delegated"},
}};
const std::array<std::pair<icalparameter_role, QStringView>, 4> kRoles{{
    {ICAL_ROLE_REQPARTICIPANT, u"required"},
    {ICAL_ROLE_OPTPARTICIPANT, u"optional"},
    {ICAL_ROLE_CHAIR, u"chair"},
    {ICAL_ROLE_NONPARTICIPANT, u"non-participant"},
}};

} // namespace

Attendee attendeeOf(icalproperty *property)
{
    Attendee attendee;
    attendee.email = address(property);
    attendee.name = commonName(property);
    if (icalparameter *partstat = icalproperty_get_first_parameter(property, ICAL_PARTSTAT_PARAMETER)) {
        for (const auto &[value, id] : kResponses) {
            if (value == icalparameter_get_partstat(partstat)) {
                attendee.response = id.toString();
            }
        }
    }
    if (icalparameter *role = icalproperty_get_first_parameter(property, ICAL_ROLE_PARAMETER)) {
        for (const auto &[value, id] : kRoles) {
            if (value == icalparameter_get_role(role)) {
                attendee.role = id.toString();
            }
        }
    }
    return attendee;
}

void setPeople(icalcomponent *component, const QString &organizer, const QString &organizerName,
               const QList<Attendee> &attendees, icalcomponent *previous)
{
    const auto keyOf = [](icalproperty *p) -> QString { // not a QStringBuilder of temporaries
        return (icalproperty_isa(p) == ICAL_ORGANIZER_PROPERTY ? u"organizer:"_s : u"attendee:"_s) + address(p);
    };
    QHash<QString, icalproperty *> old; // previous's, reused as copies with their other parameters
    for (icalproperty *p :
         properties(previous, ICAL_ATTENDEE_PROPERTY) + properties(previous, ICAL_ORGANIZER_PROPERTY)) {
        old.insert(keyOf(p), old.value(keyOf(p), p));
    }
    const auto add = [&](const QString &key, const QString &email, const QString &name,
                         icalproperty *(*create)(const char *)) {
        icalproperty *kept = old.value(key);
        icalproperty *p =
            kept ? icalproperty_new_clone(kept) : create(QByteArray("mailto:"_ba + email.toUtf8()).constData());
        icalproperty_remove_parameter_by_kind(p, ICAL_CN_PARAMETER);
        if (!name.isEmpty()) {
            icalproperty_add_parameter(p, icalparameter_new_cn(name.toUtf8().constData()));
        }
        icalcomponent_add_property(component, p);
        return p;
    };
    if (!organizer.isEmpty()) {
        add(u"organizer:"_s + organizer, organizer, organizerName, icalproperty_new_organizer);
    }
    for (const Attendee &attendee : attendees) {
        icalproperty *p =
            add(u"attendee:"_s + attendee.email, attendee.email, attendee.name, icalproperty_new_attendee);
        icalproperty_set_parameter(
            p, icalparameter_new_partstat(lookup(kResponses, attendee.response, ICAL_PARTSTAT_NEEDSACTION)));
        icalproperty_set_parameter(p, icalparameter_new_role(lookup(kRoles, attendee.role, ICAL_ROLE_REQPARTICIPANT)));
    }
}

namespace {

// The TZIDs used below `component`, in order, the first 100 (more zones in one object are not worth a lookup).
void collectTzids(icalcomponent *component, QStringList &tzids, QSet<QString> &seen)
{
    for (icalproperty *p : properties(component, ICAL_ANY_PROPERTY)) {
        icalparameter *tzid = icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER);
        const QString id = tzid ? text(icalparameter_get_tzid(tzid)) : QString();
        if (!id.isEmpty() && tzids.size() < 100 && !seen.contains(id)) {
            seen.insert(id);
            tzids.append(id);
        }
    }
    for (icalcomponent *child : children(component, ICAL_ANY_COMPONENT)) {
        collectTzids(child, tzids, seen);
    }
}

} // namespace

QByteArray assemble(icalcomponent *previousCalendar, std::vector<ComponentPtr> items, const QDateTime &earliest)
{
    ComponentPtr calendar(icalcomponent_new(ICAL_VCALENDAR_COMPONENT));
    for (icalproperty *p : properties(previousCalendar, ICAL_ANY_PROPERTY)) {
        const icalproperty_kind kind = icalproperty_isa(p);
        if (kind != ICAL_METHOD_PROPERTY && kind != ICAL_PRODID_PROPERTY && kind != ICAL_VERSION_PROPERTY) {
            icalcomponent_add_property(calendar.get(), icalproperty_new_clone(p));
        }
    }
    icalcomponent_add_property(calendar.get(), icalproperty_new_prodid("-//SyncDesk//SyncDesk//EN"));
    icalcomponent_add_property(calendar.get(), icalproperty_new_version("2.0"));
    QStringList tzids;
    QSet<QString> seen;
    for (const ComponentPtr &item : items) {
        collectTzids(item.get(), tzids, seen);
    }
    QHash<QString, icalcomponent *> previousZones; // the previous calendar's VTIMEZONEs by TZID
    for (icalcomponent *old : children(previousCalendar, ICAL_VTIMEZONE_COMPONENT)) {
        icalproperty *id = icalcomponent_get_first_property(old, ICAL_TZID_PROPERTY);
        const QString tzid = id ? text(icalproperty_get_tzid(id)) : QString();
        previousZones.insert(tzid, previousZones.value(tzid, old));
    }
    for (const QString &tzid : std::as_const(tzids)) {
        ComponentPtr vtimezone;
        if (builtinZone(tzid)) {
            vtimezone = trimmedVTimezone(tzid, tzid, earliest);
        } else if (icalcomponent *old = previousZones.value(tzid)) {
            vtimezone.reset(icalcomponent_new_clone(old));
        }
        if (const QString iana = vtimezone ? QString() : ianaFromTzid(tzid); !iana.isEmpty()) {
            vtimezone = trimmedVTimezone(iana, tzid, earliest);
        }
        if (vtimezone) {
            icalcomponent_add_component(calendar.get(), vtimezone.release());
        }
    }
    for (ComponentPtr &item : items) {
        icalcomponent_add_component(calendar.get(), item.release());
    }
    char *printed = icalcomponent_as_ical_string_r(calendar.get());
    QByteArray result(printed);
    icalmemory_free_buffer(printed);
    return result;
}

} // namespace SyncDesk::ICalCodec::Detail

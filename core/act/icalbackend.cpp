#include "icalmodule.h"
#include "icaltime.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <array>
#include <optional>
#include <tuple>

namespace SyncDesk::ICalBackend {

using namespace Qt::StringLiterals;
using namespace ICalCodec::Detail;
using ICalCodec::CalendarObject;
using ICalCodec::kMaxComponents;
using ICalCodec::kMaxObjectBytes;

namespace {

constexpr int kMaxRuleSteps = 2'000'000;

const std::array<std::pair<icalproperty_status, QStringView>, 4> kTaskStatuses{{
    {ICAL_STATUS_NEEDSACTION, u"not-started"},
    {ICAL_STATUS_INPROCESS, u"in-progress"},
    {ICAL_STATUS_COMPLETED, u"completed"},
    {ICAL_STATUS_CANCELLED, u"cancelled"},
}};

// Built field by field: this file is part of the iCalendar module, which does not link the core
// (SyncError::make). A parse error is not transient (isTransientByDefault); tst_icalcodec checks both.
SyncError badData(const char *message, const QString &detail = {})
{
    SyncError error;
    error.errorClass = ErrorClass::Parse;
    error.hintId = u"dav-bad-data"_s;
    error.message = QCoreApplication::translate("ICalCodec", message);
    error.detail = detail;
    error.transient = false;
    error.scope = ErrorScope::Item;
    error.stage = ErrorStage::Parse;
    return error;
}

// Component starts (BEGIN lines after unfolding, any case) in the text, counted before libical sees it:
// libical frees and prints components recursively, so deep nesting must never reach it.
int countBegins(const QByteArray &data)
{
    int count = 0;
    QByteArray head; // the first 5 bytes of the current unfolded line
    for (qsizetype pos = 0; pos < data.size();) {
        const qsizetype newline = data.indexOf('\n', pos);
        const qsizetype end = newline < 0 ? data.size() : newline;
        QByteArrayView line(data.constData() + pos, end - pos);
        line = line.endsWith('\r') ? line.chopped(1) : line;
        if (line.startsWith(' ') || line.startsWith('\t')) { // a folded continuation
            head += line.sliced(1).first(std::clamp<qsizetype>(5 - head.size(), 0, line.size() - 1));
        } else {
            count += qstrnicmp(head.constData(), head.size(), "BEGIN", 5) == 0;
            head = line.first(std::min<qsizetype>(line.size(), 5)).toByteArray();
        }
        pos = end + 1;
    }
    return count + (qstrnicmp(head.constData(), head.size(), "BEGIN", 5) == 0);
}

// A parsed calendar object resource: the checks every reader needs, the tree kept for write().
struct Tree
{
    ComponentPtr root;
    icalcomponent *calendar = nullptr;
    QList<icalcomponent *> items; // the VEVENTs or VTODOs
    icalcomponent *master = nullptr;
    ActKind kind = ActKind::Appointment;
};

// The properties whose loss changes what SyncDesk stores: libical drops a property with a bad value and puts
// X-LIC-ERROR in its place. (A bad SUMMARY, LOCATION, STATUS or CREATED only loses that value: an empty
// "LOCATION:" as Google writes it is harmless.)
const QStringList &damagingProperties()
{
    static const QStringList names{u"UID"_s, u"DTSTART"_s, u"DTEND"_s,         u"DURATION"_s,
                                   u"DUE"_s, u"RRULE"_s,   u"RECURRENCE-ID"_s, u"EXDATE"_s};
    return names;
}

Result<Tree> parseTree(const QByteArray &data)
{
    initLibical();
    if (data.trimmed().isEmpty()) {
        return badData(QT_TRANSLATE_NOOP("ICalCodec", "the calendar object is empty"));
    }
    if (data.size() > kMaxObjectBytes) {
        return badData(QT_TRANSLATE_NOOP("ICalCodec", "the calendar object is larger than 4 MiB"),
                       u"%1 bytes"_s.arg(data.size()));
    }
    if (data.contains('\0')) {
        return badData(QT_TRANSLATE_NOOP("ICalCodec", "the calendar object contains binary data (a NUL byte)"),
                       u"%1 bytes"_s.arg(data.size()));
    }
    const int begins = countBegins(data);
    if (begins > kMaxComponents) {
        return badData(QT_TRANSLATE_NOOP("ICalCodec", "the calendar object has more than 1000 components"),
                       u"%1 BEGIN lines"_s.arg(begins));
    }
    if (begins == 0) {
        return badData(QT_TRANSLATE_NOOP("ICalCodec", "this is not iCalendar data (no BEGIN line)"),
                       u"%1 bytes"_s.arg(data.size()));
    }
    Tree tree;
    tree.root.reset(icalparser_parse_string(data.constData()));
    if (!tree.root) {
        return badData(
            QT_TRANSLATE_NOOP("ICalCodec",
                              "libical could not parse the calendar object (an END line is missing or misplaced)"),
            u"%1 bytes"_s.arg(data.size()));
    }
    if (countComponents(tree.root.get(), kMaxComponents) > kMaxComponents) {
        return badData(QT_TRANSLATE_NOOP("ICalCodec", "the calendar object has more than 1000 components"));
    }
    const icalcomponent_kind rootKind = icalcomponent_isa(tree.root.get());
    const QList<icalcomponent *> calendars = rootKind == ICAL_VCALENDAR_COMPONENT ? QList{tree.root.get()}
                                             : rootKind == ICAL_XROOT_COMPONENT
                                                 ? children(tree.root.get(), ICAL_VCALENDAR_COMPONENT)
                                                 : QList<icalcomponent *>{};
    if (calendars.size() != 1) {
        return badData(QT_TRANSLATE_NOOP("ICalCodec", "the data holds no VCALENDAR or several"),
                       u"%1 VCALENDARs"_s.arg(calendars.size()));
    }
    tree.calendar = calendars.first();
    const QList<icalcomponent *> events = children(tree.calendar, ICAL_VEVENT_COMPONENT);
    const QList<icalcomponent *> todos = children(tree.calendar, ICAL_VTODO_COMPONENT);
    if (events.isEmpty() && todos.isEmpty()) {
        return badData(QT_TRANSLATE_NOOP("ICalCodec", "the calendar object has no VEVENT or VTODO"));
    }
    if (!events.isEmpty() && !todos.isEmpty()) {
        return badData(QT_TRANSLATE_NOOP("ICalCodec", "the calendar object mixes VEVENT and VTODO"),
                       u"%1 VEVENTs, %2 VTODOs"_s.arg(events.size()).arg(todos.size()));
    }
    tree.items = events.isEmpty() ? todos : events;
    tree.kind = events.isEmpty() ? ActKind::Task : ActKind::Appointment;

    QString uid;
    QStringList damaged;
    QList<icalcomponent *> masters;
    for (icalcomponent *item : std::as_const(tree.items)) {
        const QString itemUid = text(icalcomponent_get_uid(item));
        if (itemUid.isEmpty()) {
            return badData(QT_TRANSLATE_NOOP("ICalCodec", "a component of the calendar object has no UID"));
        }
        if (!uid.isEmpty() && itemUid != uid) {
            return badData(QT_TRANSLATE_NOOP(
                "ICalCodec", "the calendar object has components with different UIDs (one object is one UID)"));
        }
        uid = itemUid;
        // libical does not fail on a bad value: it drops the property and puts X-LIC-ERROR in its place.
        for (icalproperty *error : properties(item, ICAL_XLICERROR_PROPERTY)) {
            const QString message = text(icalproperty_get_xlicerror(error));
            for (const QString &name : damagingProperties()) {
                if (message.contains(u' ' + name + u" property"_s) || message.endsWith(u"property "_s + name)) {
                    damaged.append(name);
                }
            }
        }
        if (!icalcomponent_get_first_property(item, ICAL_RECURRENCEID_PROPERTY)) {
            masters.append(item);
        }
    }
    if (!damaged.isEmpty()) {
        damaged.removeDuplicates();
        return badData(QT_TRANSLATE_NOOP("ICalCodec", "libical could not read a property of the calendar object"),
                       u"unparseable: %1"_s.arg(damaged.join(u", "_s)));
    }
    if (masters.size() != 1) {
        return badData(
            QT_TRANSLATE_NOOP("ICalCodec", "the calendar object needs exactly one component without RECURRENCE-ID"),
            u"%1 found"_s.arg(masters.size()));
    }
    tree.master = masters.first();
    return tree;
}

// A couple of years before the earliest DTSTART, DUE or RECURRENCE-ID: where a VTIMEZONE may be cut.
int firstYear(const Tree &tree)
{
    int year = QDate::currentDate().year();
    for (icalcomponent *item : tree.items) {
        for (icalproperty_kind kind : {ICAL_DTSTART_PROPERTY, ICAL_DUE_PROPERTY, ICAL_RECURRENCEID_PROPERTY}) {
            const icaltimetype time = rawTime(icalcomponent_get_first_property(item, kind));
            year = icaltime_is_null_time(time) ? year : std::min(year, time.year);
        }
    }
    return year - 2;
}

struct EventTimes
{
    QDateTime start;
    QDateTime end;
    bool allDay = false;
    QString timeZone;
    icaltimetype rawStart{};
    icaltimezone *zone = nullptr;
};

// DTSTART (required), DTEND or DURATION of a VEVENT; nullopt with `error` set when they are unusable.
std::optional<EventTimes> eventTimes(icalcomponent *event, ZoneResolver &zones, const char *&error)
{
    EventTimes times;
    icalproperty *dtstart = icalcomponent_get_first_property(event, ICAL_DTSTART_PROPERTY);
    times.rawStart = rawTime(dtstart);
    if (!icaltime_is_null_time(times.rawStart)) {
        times.allDay = times.rawStart.is_date;
        times.start = zones.instant(dtstart, &times.timeZone);
        if (!times.allDay && !icaltime_is_utc(times.rawStart)) {
            times.zone = zones.resolve(dtstart).zone;
        }
    }
    if (!times.start.isValid()) {
        error = zones.unsafe ? "a VTIMEZONE of the calendar object has rules libical cannot expand safely"
                             : "a VEVENT has no valid DTSTART";
        return std::nullopt;
    }
    if (icalproperty *dtend = icalcomponent_get_first_property(event, ICAL_DTEND_PROPERTY)) {
        times.end = zones.instant(dtend);
        if (!times.end.isValid()) {
            error = "a VEVENT has an invalid DTEND";
            return std::nullopt;
        }
    } else if (icalproperty *duration = icalcomponent_get_first_property(event, ICAL_DURATION_PROPERTY)) {
        times.end = times.start.addSecs(icaldurationtype_as_int(icalproperty_get_duration(duration)));
    } else {
        times.end = times.allDay ? times.start.addDays(1) : times.start;
    }
    times.end = std::max(times.end, times.start);
    return times;
}

Result<Appointment> readAppointment(const Tree &tree)
{
    ZoneResolver zones(tree.calendar, firstYear(tree));
    icalcomponent *master = tree.master;
    const char *error = nullptr;
    const std::optional<EventTimes> times = eventTimes(master, zones, error);
    if (!times) {
        return badData(error);
    }
    Appointment a;
    a.uid = text(icalcomponent_get_uid(master));
    a.subject = firstText(master, ICAL_SUMMARY_PROPERTY);
    a.start = times->start;
    a.end = times->end;
    a.allDay = times->allDay;
    a.timeZone = times->allDay ? QString() : times->timeZone;
    a.location = firstText(master, ICAL_LOCATION_PROPERTY);
    a.description = firstText(master, ICAL_DESCRIPTION_PROPERTY);
    if (icalproperty *organizer = icalcomponent_get_first_property(master, ICAL_ORGANIZER_PROPERTY)) {
        a.organizer = address(organizer);
        a.organizerName = commonName(organizer);
    }
    for (icalproperty *p : properties(master, ICAL_ATTENDEE_PROPERTY)) {
        a.attendees.append(attendeeOf(p));
    }
    const QList<icalproperty *> rules = properties(master, ICAL_RRULE_PROPERTY);
    if (rules.size() > 1) {
        return badData(QT_TRANSLATE_NOOP("ICalCodec", "the appointment has more than one RRULE"));
    }
    if (!rules.isEmpty()) {
        icalrecurrencetype rule = icalproperty_get_rrule(rules.first());
        icaltimetype dtstart = times->rawStart;
        dtstart.zone = nullptr;
        const RecurIteratorPtr check(isExpandableRule(rule) ? icalrecur_iterator_new(rule, dtstart) : nullptr);
        if (!check) {
            return badData(
                QT_TRANSLATE_NOOP("ICalCodec", "libical cannot expand the appointment's RRULE in bounded time"),
                u"FREQ=%1"_s.arg(text(icalrecur_freq_to_string(rule.freq))));
        }
        char *printed = icalrecurrencetype_as_string_r(&rule);
        a.recurrence = text(printed);
        icalmemory_free_buffer(printed);
    }
    for (icalproperty *p : properties(master, ICAL_EXDATE_PROPERTY)) {
        icaltimetype raw = rawTime(p);
        QDateTime excluded;
        if (raw.is_date && !a.allDay) { // the occurrence on that day, at DTSTART's local time
            raw.is_date = 0;
            raw.hour = times->rawStart.hour;
            raw.minute = times->rawStart.minute;
            raw.second = times->rawStart.second;
            raw.zone = times->rawStart.zone;
            excluded = toUtc(raw, times->zone);
        } else if (a.allDay) {
            excluded = QDateTime(QDate(raw.year, raw.month, raw.day), QTime(0, 0), Qt::UTC);
        } else {
            excluded = zones.instant(p);
        }
        if (excluded.isValid()) {
            a.excludedDates.append(excluded);
        }
    }
    std::sort(a.excludedDates.begin(), a.excludedDates.end());
    a.excludedDates.erase(std::unique(a.excludedDates.begin(), a.excludedDates.end()), a.excludedDates.end());
    for (icalcomponent *item : tree.items) {
        icalproperty *rid = icalcomponent_get_first_property(item, ICAL_RECURRENCEID_PROPERTY);
        if (item == master || !rid) {
            continue;
        }
        const std::optional<EventTimes> own = eventTimes(item, zones, error);
        if (!own) {
            return badData(error);
        }
        AppointmentOccurrence occurrence;
        occurrence.recurrenceId = zones.instant(rid);
        if (!occurrence.recurrenceId.isValid()) {
            return badData(QT_TRANSLATE_NOOP("ICalCodec", "an override has an invalid RECURRENCE-ID"));
        }
        occurrence.cancelled = icalcomponent_get_status(item) == ICAL_STATUS_CANCELLED;
        occurrence.start = own->start;
        occurrence.end = own->end;
        occurrence.subject = firstText(item, ICAL_SUMMARY_PROPERTY);
        occurrence.location = firstText(item, ICAL_LOCATION_PROPERTY);
        if (occurrence.subject == a.subject) {
            occurrence.subject.clear();
        }
        if (occurrence.location == a.location) {
            occurrence.location.clear();
        }
        a.exceptions.append(occurrence);
    }
    std::sort(a.exceptions.begin(), a.exceptions.end(),
              [](const auto &x, const auto &y) { return x.recurrenceId < y.recurrenceId; });
    a.regarding = regardingOf(master);
    a.createdAt = utcProperty(master, ICAL_CREATED_PROPERTY);
    a.modifiedAt = utcProperty(master, ICAL_LASTMODIFIED_PROPERTY);
    return a;
}

Result<CrmTask> readTask(const Tree &tree)
{
    ZoneResolver zones(tree.calendar, firstYear(tree));
    icalcomponent *todo = tree.master;
    CrmTask t;
    t.uid = text(icalcomponent_get_uid(todo));
    t.subject = firstText(todo, ICAL_SUMMARY_PROPERTY);
    t.description = firstText(todo, ICAL_DESCRIPTION_PROPERTY);
    const auto dated = [&](icalproperty_kind kind) { // Outlook's "none" is 4501-01-01
        icalproperty *p = icalcomponent_get_first_property(todo, kind);
        return p && rawTime(p).year > 3000 ? nullptr : p;
    };
    icalproperty *dtstart = dated(ICAL_DTSTART_PROPERTY);
    icalproperty *due = dated(ICAL_DUE_PROPERTY);
    QString startZone;
    QString dueZone;
    t.start = dtstart ? zones.instant(dtstart, &startZone) : QDateTime();
    t.due = due ? zones.instant(due, &dueZone) : QDateTime();
    if ((dtstart && !t.start.isValid()) || (due && !t.due.isValid())) {
        return badData(QT_TRANSLATE_NOOP("ICalCodec", "the task has an invalid DTSTART or DUE"));
    }
    bool dueDate = due && rawTime(due).is_date;
    const bool startDate = dtstart && rawTime(dtstart).is_date;
    icalproperty *duration = icalcomponent_get_first_property(todo, ICAL_DURATION_PROPERTY);
    if (!due && t.start.isValid() && duration) {
        t.due = t.start.addSecs(icaldurationtype_as_int(icalproperty_get_duration(duration)));
        dueDate = startDate;
        dueZone = startZone;
    }
    t.allDay = t.due.isValid() ? dueDate : startDate;
    t.timeZone = t.allDay ? QString() : (t.due.isValid() ? dueZone : startZone);
    t.status = u"not-started"_s;
    for (const auto &[value, id] : kTaskStatuses) {
        t.status = value == icalcomponent_get_status(todo) ? id.toString() : t.status;
    }
    if (icalproperty *p = icalcomponent_get_first_property(todo, ICAL_PERCENTCOMPLETE_PROPERTY)) {
        t.percentComplete = std::clamp(icalproperty_get_percentcomplete(p), 0, 100);
    }
    if (icalproperty *p = icalcomponent_get_first_property(todo, ICAL_PRIORITY_PROPERTY)) {
        t.priority = std::clamp(icalproperty_get_priority(p), 0, 9);
    }
    t.regarding = regardingOf(todo);
    t.createdAt = utcProperty(todo, ICAL_CREATED_PROPERTY);
    t.modifiedAt = utcProperty(todo, ICAL_LASTMODIFIED_PROPERTY);
    return t;
}

// ---------------------------------------------------------------------------------------------- writing

// What the writer starts from: the previous object when it parses and has the same UID and kind.
std::optional<Tree> previousTree(const QByteArray &previous, const QString &uid, ActKind kind)
{
    if (previous.isEmpty()) {
        return std::nullopt;
    }
    Result<Tree> tree = parseTree(previous);
    if (!tree || tree->kind != kind || text(icalcomponent_get_uid(tree->master)) != uid) {
        return std::nullopt;
    }
    icalcomponent_strip_errors(tree->calendar);
    return std::move(tree).value();
}

int highestSequence(const Tree &tree)
{
    int highest = 0;
    for (icalcomponent *item : tree.items) {
        if (icalproperty *p = icalcomponent_get_first_property(item, ICAL_SEQUENCE_PROPERTY)) {
            highest = std::max(highest, icalproperty_get_sequence(p));
        }
    }
    return std::min(highest, 1'000'000'000); // + 1 must not overflow
}

// UID, DTSTAMP, LAST-MODIFIED and SEQUENCE of every written component.
void stamp(icalcomponent *c, const QString &uid, const QDateTime &now, const QDateTime &modified, int sequence)
{
    icalcomponent_add_property(c, icalproperty_new_uid(uid.toUtf8().constData()));
    setUtc(c, ICAL_DTSTAMP_PROPERTY, now);
    setUtc(c, ICAL_LASTMODIFIED_PROPERTY, modified);
    if (sequence >= 0) {
        icalcomponent_add_property(c, icalproperty_new_sequence(sequence));
    }
}

void addTime(icalcomponent *c, icalproperty_kind kind, const QDateTime &utc, bool date, const QString &zone)
{
    if (icalproperty *p = timeProperty(kind, utc, date, zone)) {
        icalcomponent_add_property(c, p);
    }
}

QDateTime effectiveEnd(const Appointment &a)
{
    return a.end.isValid() ? a.end : (a.allDay ? a.start.addDays(1) : a.start);
}

// The occurrences as written: (recurrenceId, start, end, cancelled, location).
auto writtenExceptions(const Appointment &a)
{
    const qint64 duration = a.start.secsTo(effectiveEnd(a));
    QList<std::tuple<QDateTime, QDateTime, QDateTime, bool, QString>> result;
    for (const AppointmentOccurrence &e : a.exceptions) {
        const QDateTime start = e.start.isValid() ? e.start : e.recurrenceId;
        result.append({e.recurrenceId, start, e.end.isValid() ? e.end : start.addSecs(duration), e.cancelled,
                       e.location.isEmpty() ? a.location : e.location});
    }
    std::sort(result.begin(), result.end());
    return result;
}

// RFC 5546 §2.1.4: a change of start, end, recurrence or location is one the attendees must see again.
bool significantChange(const Appointment &before, const Appointment &a)
{
    const auto sorted = [](QList<QDateTime> dates) {
        std::sort(dates.begin(), dates.end());
        return dates;
    };
    return before.start != a.start || effectiveEnd(before) != effectiveEnd(a) || before.allDay != a.allDay ||
           before.timeZone != a.timeZone || normalizedRule(before.recurrence) != normalizedRule(a.recurrence) ||
           sorted(before.excludedDates) != sorted(a.excludedDates) || before.location != a.location ||
           writtenExceptions(before) != writtenExceptions(a);
}

QString writtenZone(bool allDay, const QString &timeZone)
{
    return !allDay && builtinZone(timeZone) ? timeZone : QString();
}

} // namespace

Result<CalendarObject> parse(const QByteArray &data)
{
    Result<Tree> tree = parseTree(data);
    if (!tree) {
        return tree.error();
    }
    CalendarObject object;
    object.kind = tree->kind;
    if (tree->kind == ActKind::Task) {
        Result<CrmTask> task = readTask(*tree);
        if (!task) {
            return task.error();
        }
        object.task = std::move(task).value();
    } else {
        Result<Appointment> appointment = readAppointment(*tree);
        if (!appointment) {
            return appointment.error();
        }
        object.appointment = std::move(appointment).value();
    }
    return object;
}

QByteArray write(const Appointment &appointment, const QByteArray &previous)
{
    initLibical();
    const Appointment &a = appointment;
    const std::optional<Tree> before = previousTree(previous, a.uid, ActKind::Appointment);
    const QDateTime now = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
    int sequence = -1;
    QHash<qint64, icalcomponent *> oldOverrides; // by RECURRENCE-ID
    if (before) {
        const Result<Appointment> old = readAppointment(*before);
        sequence = highestSequence(*before) + (old && !significantChange(*old, a) ? 0 : 1);
        ZoneResolver zones(before->calendar, firstYear(*before));
        for (icalcomponent *item : before->items) {
            if (icalproperty *rid = icalcomponent_get_first_property(item, ICAL_RECURRENCEID_PROPERTY)) {
                oldOverrides.insert(zones.instant(rid).toMSecsSinceEpoch(), item);
            }
        }
    }
    const QString zone = writtenZone(a.allDay, a.timeZone);
    const QDateTime modified = before || !a.modifiedAt.isValid() ? now : a.modifiedAt;
    const qint64 duration = a.start.secsTo(effectiveEnd(a));

    icalcomponent *previousMaster = before ? before->master : nullptr;
    ComponentPtr master =
        carryOver(previousMaster, ICAL_VEVENT_COMPONENT,
                  {ICAL_SUMMARY_PROPERTY, ICAL_LOCATION_PROPERTY, ICAL_DESCRIPTION_PROPERTY, ICAL_ORGANIZER_PROPERTY,
                   ICAL_ATTENDEE_PROPERTY, ICAL_RRULE_PROPERTY, ICAL_EXDATE_PROPERTY, ICAL_CREATED_PROPERTY});
    icalcomponent *m = master.get();
    stamp(m, a.uid, now, modified, sequence);
    addTime(m, ICAL_DTSTART_PROPERTY, a.start, a.allDay, zone);
    addTime(m, ICAL_DTEND_PROPERTY, a.end, a.allDay, zone);
    setText(m, ICAL_SUMMARY_PROPERTY, a.subject, previousMaster);
    setText(m, ICAL_LOCATION_PROPERTY, a.location, previousMaster);
    setText(m, ICAL_DESCRIPTION_PROPERTY, a.description, previousMaster);
    setPeople(m, a.organizer, a.organizerName, a.attendees, previousMaster);
    if (!a.recurrence.isEmpty()) {
        const icalrecurrencetype rule = icalrecurrencetype_from_string(a.recurrence.toUtf8().constData());
        if (rule.freq != ICAL_NO_RECURRENCE) {
            icalcomponent_add_property(m, icalproperty_new_rrule(rule));
        } else {
            qWarning("ICalCodec: the recurrence of %s does not parse and is not written", qPrintable(a.uid));
        }
    }
    for (const QDateTime &excluded : a.excludedDates) {
        addTime(m, ICAL_EXDATE_PROPERTY, excluded, a.allDay, zone);
    }
    setUtc(m, ICAL_CREATED_PROPERTY, a.createdAt);
    setRegarding(m, a.regarding);

    std::vector<ComponentPtr> items;
    QDateTime earliest = a.start;
    const qsizetype copyCost = a.description.size() + 100 * (a.attendees.size() + 1); // 8 MiB for all copies
    qsizetype copied = 0;
    for (const AppointmentOccurrence &e : a.exceptions) {
        icalcomponent *old = oldOverrides.value(e.recurrenceId.toMSecsSinceEpoch());
        ComponentPtr override = carryOver(old, ICAL_VEVENT_COMPONENT,
                                          {ICAL_SUMMARY_PROPERTY, ICAL_LOCATION_PROPERTY, ICAL_RRULE_PROPERTY,
                                           ICAL_EXDATE_PROPERTY, ICAL_RDATE_PROPERTY});
        icalcomponent *c = override.get();
        if (!old && (copied += copyCost) <= 8 * 1024 * 1024) { // new: as the master
            for (icalproperty_kind kind :
                 {ICAL_DESCRIPTION_PROPERTY, ICAL_ORGANIZER_PROPERTY, ICAL_ATTENDEE_PROPERTY}) {
                for (icalproperty *p : properties(m, kind)) {
                    icalcomponent_add_property(c, icalproperty_new_clone(p));
                }
            }
        }
        stamp(c, a.uid, now, modified, sequence);
        const QDateTime start = e.start.isValid() ? e.start : e.recurrenceId;
        addTime(c, ICAL_RECURRENCEID_PROPERTY, e.recurrenceId, a.allDay, zone);
        addTime(c, ICAL_DTSTART_PROPERTY, start, a.allDay, zone);
        addTime(c, ICAL_DTEND_PROPERTY, e.end.isValid() ? e.end : start.addSecs(duration), a.allDay, zone);
        setText(c, ICAL_SUMMARY_PROPERTY, e.subject.isEmpty() ? a.subject : e.subject, old);
        setText(c, ICAL_LOCATION_PROPERTY, e.location.isEmpty() ? a.location : e.location, old);
        if (e.cancelled || icalcomponent_get_status(c) == ICAL_STATUS_CANCELLED) {
            removeProperties(c, ICAL_STATUS_PROPERTY);
        }
        if (e.cancelled) {
            icalcomponent_add_property(c, icalproperty_new_status(ICAL_STATUS_CANCELLED));
        }
        earliest = std::min({earliest, start, e.recurrenceId});
        items.push_back(std::move(override));
    }
    for (const QDateTime &excluded : a.excludedDates) {
        earliest = std::min(earliest, excluded);
    }
    items.insert(items.begin(), std::move(master));
    return assemble(before ? before->calendar : nullptr, std::move(items), earliest);
}

QByteArray write(const CrmTask &task, const QByteArray &previous)
{
    initLibical();
    const CrmTask &t = task;
    const std::optional<Tree> before = previousTree(previous, t.uid, ActKind::Task);
    const QDateTime now = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
    int sequence = -1;
    if (before) {
        const Result<CrmTask> old = readTask(*before);
        const bool changed = !old || old->start != t.start || old->due != t.due || old->allDay != t.allDay ||
                             old->timeZone != t.timeZone;
        sequence = highestSequence(*before) + (changed ? 1 : 0);
    }
    const QString zone = writtenZone(t.allDay, t.timeZone);
    icalcomponent *previousTodo = before ? before->master : nullptr;
    ComponentPtr todo =
        carryOver(previousTodo, ICAL_VTODO_COMPONENT,
                  {ICAL_SUMMARY_PROPERTY, ICAL_DESCRIPTION_PROPERTY, ICAL_STATUS_PROPERTY, ICAL_COMPLETED_PROPERTY,
                   ICAL_PERCENTCOMPLETE_PROPERTY, ICAL_PRIORITY_PROPERTY, ICAL_CREATED_PROPERTY});
    icalcomponent *c = todo.get();
    stamp(c, t.uid, now, before || !t.modifiedAt.isValid() ? now : t.modifiedAt, sequence);
    addTime(c, ICAL_DTSTART_PROPERTY, t.start, t.allDay, zone);
    addTime(c, ICAL_DUE_PROPERTY, t.due, t.allDay, zone);
    setText(c, ICAL_SUMMARY_PROPERTY, t.subject, previousTodo);
    setText(c, ICAL_DESCRIPTION_PROPERTY, t.description, previousTodo);
    icalproperty_status status = ICAL_STATUS_NEEDSACTION;
    for (const auto &[value, id] : kTaskStatuses) {
        status = id == t.status ? value : status;
    }
    icalcomponent_add_property(c, icalproperty_new_status(status));
    icalproperty *completed =
        previousTodo ? icalcomponent_get_first_property(previousTodo, ICAL_COMPLETED_PROPERTY) : nullptr;
    if (status == ICAL_STATUS_COMPLETED && completed) {
        icalcomponent_add_property(c, icalproperty_new_clone(completed));
    } else if (status == ICAL_STATUS_COMPLETED) {
        setUtc(c, ICAL_COMPLETED_PROPERTY, now);
    }
    if (t.percentComplete > 0) {
        icalcomponent_add_property(c, icalproperty_new_percentcomplete(std::clamp(t.percentComplete, 0, 100)));
    }
    if (t.priority > 0) {
        icalcomponent_add_property(c, icalproperty_new_priority(std::clamp(t.priority, 0, 9)));
    }
    setUtc(c, ICAL_CREATED_PROPERTY, t.createdAt);
    setRegarding(c, t.regarding);
    std::vector<ComponentPtr> items;
    items.push_back(std::move(todo));
    for (icalcomponent *item : before ? before->items : QList<icalcomponent *>{}) {
        if (item != before->master) { // overrides of a recurring task: not modelled, kept
            items.emplace_back(icalcomponent_new_clone(item));
        }
    }
    const QDateTime earliest = t.start.isValid() ? std::min(t.start, t.due.isValid() ? t.due : t.start) : t.due;
    return assemble(before ? before->calendar : nullptr, std::move(items), earliest);
}

QList<QPair<QDateTime, QDateTime>> occurrences(const Appointment &appointment, const QDateTime &from,
                                               const QDateTime &to, int max)
{
    const Appointment &a = appointment;
    QList<QPair<QDateTime, QDateTime>> result;
    if (max <= 0 || !a.start.isValid() || !from.isValid() || !to.isValid() || from >= to) {
        return result;
    }
    initLibical();
    const qint64 duration = a.start.secsTo(effectiveEnd(a));
    const auto inRange = [&](const QDateTime &start) {
        return start >= from && start < to;
    };
    if (a.recurrence.isEmpty()) {
        if (inRange(a.start)) {
            result.append({a.start, a.start.addSecs(duration)});
        }
        return result;
    }
    icalrecurrencetype rule = icalrecurrencetype_from_string(a.recurrence.toUtf8().constData());
    if (!isExpandableRule(rule)) {
        return result;
    }
    // Expanded in local time of the zone, as floating times: 09:00 stays 09:00 across DST.
    icaltimezone *zone = a.allDay ? nullptr : builtinZone(a.timeZone);
    icaltimetype dtstart = fromUtc(a.start, zone, a.allDay);
    dtstart.zone = nullptr;
    if (!icaltime_is_null_time(rule.until) && !rule.until.is_date && icaltime_is_utc(rule.until)) {
        if (zone) {
            icaltimezone_convert_time(&rule.until, icaltimezone_get_utc_timezone(), zone);
        }
        rule.until.zone = nullptr;
    }
    QSet<qint64> excluded;
    for (const QDateTime &date : a.excludedDates) {
        excluded.insert(date.toMSecsSinceEpoch());
    }
    // Overrides count only for occurrences the rule has; expansion runs until the last of them.
    QHash<qint64, const AppointmentOccurrence *> overrides;
    QDateTime lastOverride;
    for (const AppointmentOccurrence &e : a.exceptions) {
        overrides.insert(e.recurrenceId.toMSecsSinceEpoch(), &e);
        lastOverride = lastOverride.isValid() ? std::max(lastOverride, e.recurrenceId) : e.recurrenceId;
    }
    const QDateTime stop = lastOverride.isValid() ? std::max(to.addDays(1), lastOverride.addSecs(1)) : to.addDays(1);
    const RecurIteratorPtr iterator(icalrecur_iterator_new(rule, dtstart));
    int found = 0;
    for (int step = 0; iterator && step < kMaxRuleSteps; ++step) {
        const icaltimetype next = icalrecur_iterator_next(iterator.get());
        const QDateTime start = icaltime_is_null_time(next) ? QDateTime() : toUtc(next, zone);
        // `stop` has a day's margin: local order is not UTC order in the hour a DST change repeats.
        if (!start.isValid() || start >= stop || (found >= max && (!lastOverride.isValid() || start > lastOverride))) {
            break;
        }
        const qint64 key = start.toMSecsSinceEpoch();
        if (excluded.contains(key)) {
            continue;
        }
        if (const AppointmentOccurrence *e = overrides.value(key)) {
            const QDateTime moved = e->start.isValid() ? e->start : e->recurrenceId;
            if (!e->cancelled && inRange(moved)) {
                result.append({moved, e->end.isValid() ? e->end : moved.addSecs(duration)});
            }
        } else if (inRange(start)) {
            result.append({start, start.addSecs(duration)});
            ++found;
        }
    }
    std::sort(result.begin(), result.end());
    if (result.size() > max) {
        result.resize(max);
    }
    return result;
}

} // namespace SyncDesk::ICalBackend

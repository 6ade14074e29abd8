#pragma once

// tst_icalcodec's helpers and sample objects (Google's and Outlook's calendars among them).

#include "act/icalcodec.h"

#include <QDateTime>
#include <QTest>

namespace SyncDesk::ICalCodecTest {

using namespace Qt::StringLiterals;

// The codec's write() and occurrences() return a Result (the iCalendar module might be missing): here it is
// always there, and a failure fails the test.
template <typename Record>
QByteArray writeOk(const Record &record, const QByteArray &previous = {})
{
    auto written = ICalCodec::write(record, previous);
    if (!written) {
        QTest::qFail(qPrintable(written.error().toString()), __FILE__, __LINE__);
        return {};
    }
    return *written;
}

inline QList<QPair<QDateTime, QDateTime>> occurrencesOk(const Appointment &appointment, const QDateTime &from,
                                                        const QDateTime &to, int max = 1000)
{
    auto found = ICalCodec::occurrences(appointment, from, to, max);
    if (!found) {
        QTest::qFail(qPrintable(found.error().toString()), __FILE__, __LINE__);
        return {};
    }
    return *found;
}

inline QDateTime utc(int year, int month, int day, int hour = 0, int minute = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), Qt::UTC);
}

// Line ends as servers send them.
inline QByteArray crlf(const char *text)
{
    QByteArray data(text);
    data.replace("\r\n", "\n");
    data.replace("\n", "\r\n");
    return data;
}

// A weekly meeting at 09:00 Berlin time, ten times from Monday 2026-03-09 (CET, 08:00Z) across the change
// to CEST on 2026-03-29 (07:00Z after). 03-23 is excluded, 04-06 moved to Tuesday 10:00, 04-20 cancelled.
inline Appointment weeklyBerlin()
{
    Appointment a;
    a.uid = u"weekly-sync-1@syncdesk.example"_s;
    a.subject = u"Weekly sync, team; A\\B"_s;
    a.start = utc(2026, 3, 9, 8);
    a.end = utc(2026, 3, 9, 9);
    a.timeZone = u"Europe/Berlin"_s;
    a.location = u"Room 1"_s;
    a.organizer = u"peter.schmidt@contoso.com"_s;
    a.organizerName = u"Peter Schmidt"_s;
    a.attendees = {{u"anna@contoso.com"_s, u"Anna Müller"_s, u"accepted"_s, u"required"_s},
                   {u"bob@example.org"_s, QString(), u"needs-action"_s, u"optional"_s}};
    a.description = u"Agenda:\n1. Status\n2. Plans"_s;
    a.recurrence = u"FREQ=WEEKLY;COUNT=10"_s;
    a.excludedDates = {utc(2026, 3, 23, 8)};
    AppointmentOccurrence moved;
    moved.recurrenceId = utc(2026, 4, 6, 7);
    moved.start = utc(2026, 4, 7, 8);
    moved.end = utc(2026, 4, 7, 9);
    moved.subject = u"Moved sync"_s;
    moved.location = u"Room 2"_s;
    AppointmentOccurrence cancelled;
    cancelled.recurrenceId = utc(2026, 4, 20, 7);
    cancelled.cancelled = true;
    cancelled.start = utc(2026, 4, 20, 7);
    cancelled.end = utc(2026, 4, 20, 8);
    a.exceptions = {moved, cancelled};
    a.regarding = {u"account"_s, u"contoso-42"_s};
    a.createdAt = utc(2026, 3, 1, 10);
    a.modifiedAt = utc(2026, 3, 2, 11, 30);
    return a;
}

inline void compareAppointments(const Appointment &actual, const Appointment &expected)
{
    QCOMPARE(actual.uid, expected.uid);
    QCOMPARE(actual.subject, expected.subject);
    QCOMPARE(actual.start, expected.start);
    QCOMPARE(actual.end, expected.end);
    QCOMPARE(actual.allDay, expected.allDay);
    QCOMPARE(actual.timeZone, expected.timeZone);
    QCOMPARE(actual.location, expected.location);
    QCOMPARE(actual.organizer, expected.organizer);
    QCOMPARE(actual.organizerName, expected.organizerName);
    QCOMPARE(actual.attendees.size(), expected.attendees.size());
    for (qsizetype i = 0; i < expected.attendees.size(); ++i) {
        QCOMPARE(actual.attendees[i].email, expected.attendees[i].email);
        QCOMPARE(actual.attendees[i].name, expected.attendees[i].name);
        QCOMPARE(actual.attendees[i].response, expected.attendees[i].response);
        QCOMPARE(actual.attendees[i].role, expected.attendees[i].role);
    }
    QCOMPARE(actual.description, expected.description);
    QCOMPARE(actual.recurrence, expected.recurrence);
    QCOMPARE(actual.excludedDates, expected.excludedDates);
    QCOMPARE(actual.exceptions.size(), expected.exceptions.size());
    for (qsizetype i = 0; i < expected.exceptions.size(); ++i) {
        QCOMPARE(actual.exceptions[i].recurrenceId, expected.exceptions[i].recurrenceId);
        QCOMPARE(actual.exceptions[i].cancelled, expected.exceptions[i].cancelled);
        QCOMPARE(actual.exceptions[i].start, expected.exceptions[i].start);
        QCOMPARE(actual.exceptions[i].end, expected.exceptions[i].end);
        QCOMPARE(actual.exceptions[i].subject, expected.exceptions[i].subject);
        QCOMPARE(actual.exceptions[i].location, expected.exceptions[i].location);
    }
    QCOMPARE(actual.regarding, expected.regarding);
    QCOMPARE(actual.createdAt, expected.createdAt);
    QCOMPARE(actual.modifiedAt, expected.modifiedAt);
    QVERIFY(actual == expected);
}

inline Appointment parseAppointment(const QByteArray &data)
{
    const Result<ICalCodec::CalendarObject> parsed = ICalCodec::parse(data);
    if (!parsed) {
        qWarning() << parsed.error();
        return {};
    }
    return parsed->kind == ActKind::Appointment ? parsed->appointment : Appointment{};
}

const char *const kGoogle = R"(BEGIN:VCALENDAR
PRODID:-//Google Inc//Google Calendar 70.9054//EN
VERSION:2.0
CALSCALE:GREGORIAN
X-WR-CALNAME:jane.doe@gmail.com
BEGIN:VTIMEZONE
TZID:America/New_York
X-LIC-LOCATION:America/New_York
BEGIN:DAYLIGHT
TZOFFSETFROM:-0500
TZOFFSETTO:-0400
TZNAME:EDT
DTSTART:19700308T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:-0400
TZOFFSETTO:-0500
TZNAME:EST
DTSTART:19701101T020000
RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU
END:STANDARD
END:VTIMEZONE
BEGIN:VEVENT
DTSTART;TZID=America/New_York:20260305T093000
DTEND;TZID=America/New_York:20260305T100000
RRULE:FREQ=DAILY;UNTIL=20260310T135959Z;BYDAY=MO,TU,WE,TH,FR
DTSTAMP:20260301T120000Z
ORGANIZER;CN=Jane Doe:mailto:jane.doe@gmail.com
UID:5q8b0h3k2l1m9n7p6r4s2t0v1x@google.com
ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Jane Do
 e;X-NUM-GUESTS=0:mailto:jane.doe@gmail.com
ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=
 TRUE;CN=bob@example.org;X-NUM-GUESTS=0:mailto:bob@example.org
X-GOOGLE-CONFERENCE:https://meet.google.com/abc-defg-hij
CREATED:20260301T115900Z
DESCRIPTION:Daily standup\nJoin: https://meet.google.com/abc-defg-hij
LAST-MODIFIED:20260301T120000Z
LOCATION:
SEQUENCE:0
STATUS:CONFIRMED
SUMMARY:Standup
TRANSP:OPAQUE
BEGIN:VALARM
ACTION:DISPLAY
DESCRIPTION:This is an event reminder
TRIGGER:-P0DT0H10M0S
END:VALARM
END:VEVENT
END:VCALENDAR
)";

const char *const kOutlook = R"(BEGIN:VCALENDAR
PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN
VERSION:2.0
METHOD:REQUEST
X-MS-OLK-FORCEINSPECTOROPEN:TRUE
BEGIN:VTIMEZONE
TZID:W. Europe Standard Time
BEGIN:STANDARD
DTSTART:16011028T030000
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:16010325T020000
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
END:DAYLIGHT
END:VTIMEZONE
BEGIN:VEVENT
ATTENDEE;CN="Müller, Anna";RSVP=TRUE:mailto:Anna.Mueller@contoso.com
CLASS:PUBLIC
CREATED:20260301T101500Z
DESCRIPTION:Quarterly review\n\nAgenda to follow.\n
DTEND;TZID="W. Europe Standard Time":20260415T113000
DTSTAMP:20260301T101500Z
DTSTART;TZID="W. Europe Standard Time":20260415T100000
EXDATE;TZID="W. Europe Standard Time":20260422T100000
LAST-MODIFIED:20260301T101500Z
LOCATION:Konferenzraum 3
ORGANIZER;CN="Schmidt, Peter":mailto:peter.schmidt@contoso.com
PRIORITY:5
RRULE:FREQ=WEEKLY;COUNT=3;BYDAY=WE
SEQUENCE:0
SUMMARY;LANGUAGE=de-de:Quartalsreview
TRANSP:OPAQUE
UID:040000008200E00074C5B7101A82E00800000000D0F3C1A2B3C4D2010000000000000000
X-MICROSOFT-CDO-BUSYSTATUS:BUSY
X-MICROSOFT-CDO-IMPORTANCE:1
BEGIN:VALARM
TRIGGER:-PT15M
ACTION:DISPLAY
DESCRIPTION:Reminder
END:VALARM
END:VEVENT
END:VCALENDAR
)";

const char *const kPreserved = R"(BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Example Corp//CalDAV Server 1.0//EN
X-WR-TIMEZONE:Europe/Berlin
BEGIN:VEVENT
UID:keep-1@example.org
DTSTAMP:20260101T000000Z
DTSTART:20260310T130000Z
DTEND:20260310T140000Z
SUMMARY:Review
LOCATION:Room 7
CATEGORIES:Work,Review
CLASS:CONFIDENTIAL
TRANSP:TRANSPARENT
SEQUENCE:3
X-FOO;X-BAR=1:hello world
ATTENDEE;RSVP=TRUE;PARTSTAT=TENTATIVE;CN=Carol:mailto:carol@example.org
ATTENDEE;PARTSTAT=ACCEPTED:mailto:dave@example.org
BEGIN:VALARM
ACTION:DISPLAY
DESCRIPTION:Review starts
TRIGGER:-PT30M
X-WR-ALARMUID:alarm-1
END:VALARM
END:VEVENT
END:VCALENDAR
)";

const char *const kTask = R"(BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Example Corp//CalDAV Server 1.0//EN
BEGIN:VTODO
UID:task-1@example.org
DTSTAMP:20260301T090000Z
SUMMARY:Send the offer
DUE;VALUE=DATE:20260302
STATUS:%1
PERCENT-COMPLETE:40
PRIORITY:1
DESCRIPTION:Offer for Contoso
X-SYNCDESK-REGARDING:opportunity:opp-7
END:VTODO
END:VCALENDAR
)";

// The text with folded lines joined (RFC 5545 §3.1: libical folds at 75 octets).
inline QByteArray unfolded(QByteArray text)
{
    return text.replace("\r\n ", "");
}

inline int sequenceOf(const QByteArray &text)
{
    const qsizetype at = text.indexOf("\r\nSEQUENCE:");
    return at < 0 ? -1 : text.mid(at + 11, text.indexOf("\r\n", at + 2) - at - 11).toInt();
}

} // namespace SyncDesk::ICalCodecTest

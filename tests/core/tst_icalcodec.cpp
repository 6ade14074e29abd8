// ICalCodec: iCalendar on libical — reading, writing with `previous`, recurrence across DST, bad data.

#include "act/icalcodec.h"
#include "icalcodectest.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

using namespace SyncDesk;
using namespace Qt::StringLiterals;

using namespace SyncDesk::ICalCodecTest;

class TstICalCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void weeklyAcrossDaylightSaving();
    void roundTrip();
    void occurrenceWindowAndLimit();
    void allDayEvents();
    void attendeesAndOrganizer();
    void regardingRoundTrip();
    void tasks_data();
    void tasks();
    void taskRoundTrip();
    void preservesUnmodelled();
    void sequenceIncrement();
    void googleEvent();
    void outlookEvent();
    void otherZoneNames();
    void writtenSize();
    void badData_data();
    void badData();
    void hostileZonesDoNotHang();
    void concurrentThreads();
    void mutations();
};

void TstICalCodec::weeklyAcrossDaylightSaving()
{
    const Appointment a = weeklyBerlin();
    const auto list = occurrencesOk(a, utc(2026, 3, 1), utc(2026, 6, 1));
    const QList<QDateTime> expected{utc(2026, 3, 9, 8),  utc(2026, 3, 16, 8), // CET: 09:00 local = 08:00Z
                                    utc(2026, 3, 30, 7),                      // CEST: 09:00 local = 07:00Z
                                    utc(2026, 4, 7, 8),                       // the moved one (10:00 local)
                                    utc(2026, 4, 13, 7), utc(2026, 4, 27, 7), utc(2026, 5, 4, 7), utc(2026, 5, 11, 7)};
    QList<QDateTime> starts;
    for (const auto &[start, end] : list) {
        starts.append(start);
        QCOMPARE(start.secsTo(end), 3600);
    }
    QCOMPARE(starts, expected);

    const QByteArray text = writeOk(a);
    QVERIFY2(text.contains("DTSTART;TZID=Europe/Berlin:20260309T090000\r\n"), text.constData());
    QVERIFY(text.contains("RRULE:FREQ=WEEKLY;COUNT=10\r\n"));
    QVERIFY(text.contains("EXDATE;TZID=Europe/Berlin:20260323T090000\r\n"));
    QVERIFY(text.contains("RECURRENCE-ID;TZID=Europe/Berlin:20260406T090000\r\n"));
    QVERIFY(text.contains("RECURRENCE-ID;TZID=Europe/Berlin:20260420T090000\r\n"));
    QVERIFY(text.contains("STATUS:CANCELLED\r\n"));
    QVERIFY(text.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n"));
    QVERIFY(text.contains("PRODID:-//SyncDesk//SyncDesk//EN\r\n"));
    QVERIFY(text.contains("VERSION:2.0\r\n"));
    QVERIFY(!text.contains("freeassociation"));
    QCOMPARE(text.count("BEGIN:VEVENT"), 3);
    QCOMPARE(text.count("BEGIN:VTIMEZONE"), 1);
    QCOMPARE(text.count("UID:weekly-sync-1@syncdesk.example"), 3);

    // The same occurrences from what a server would send back.
    QCOMPARE(occurrencesOk(parseAppointment(text), utc(2026, 3, 1), utc(2026, 6, 1)), list);
}

void TstICalCodec::roundTrip()
{
    const Appointment a = weeklyBerlin();
    const QByteArray text = writeOk(a);
    compareAppointments(parseAppointment(text), a);
    // A second round trip writes the same text but for DTSTAMP.
    QByteArray again = writeOk(parseAppointment(text));
    const auto withoutStamps = [](QByteArray data) {
        QList<QByteArray> lines = data.split('\n');
        lines.removeIf([](const QByteArray &line) { return line.startsWith("DTSTAMP:"); });
        return lines;
    };
    QCOMPARE(withoutStamps(again), withoutStamps(text));
}

void TstICalCodec::occurrenceWindowAndLimit()
{
    const Appointment a = weeklyBerlin();
    const auto april = occurrencesOk(a, utc(2026, 4, 1), utc(2026, 4, 15));
    QCOMPARE(april.size(), 2);
    QCOMPARE(april[0].first, utc(2026, 4, 7, 8)); // moved into the window's second week
    QCOMPARE(april[1].first, utc(2026, 4, 13, 7));
    const auto firstThree = occurrencesOk(a, utc(2026, 1, 1), utc(2027, 1, 1), 3);
    QCOMPARE(firstThree.size(), 3);
    QCOMPARE(firstThree[2].first, utc(2026, 3, 30, 7));
    QVERIFY(occurrencesOk(a, utc(2027, 1, 1), utc(2028, 1, 1)).isEmpty()); // COUNT=10 is over
    Appointment single = a;
    single.recurrence.clear();
    QCOMPARE(occurrencesOk(single, utc(2026, 3, 1), utc(2026, 4, 1)).size(), 1);
    // An UNTIL in UTC ends the rule at the right local occurrence; the overrides after it are no occurrences.
    Appointment until = a;
    until.recurrence = u"FREQ=WEEKLY;UNTIL=20260330T070000Z"_s;
    until.excludedDates.clear();
    QCOMPARE(occurrencesOk(until, utc(2026, 1, 1), utc(2027, 1, 1)).size(), 4);
}

void TstICalCodec::allDayEvents()
{
    const QByteArray text = crlf("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:x\nBEGIN:VEVENT\nUID:allday-1\n"
                                 "DTSTAMP:20260101T000000Z\nDTSTART;VALUE=DATE:20260210\n"
                                 "DTEND;VALUE=DATE:20260212\nSUMMARY:Trade fair\nEND:VEVENT\nEND:VCALENDAR\n");
    const Appointment a = parseAppointment(text);
    QVERIFY(a.allDay);
    QCOMPARE(a.start, utc(2026, 2, 10));
    QCOMPARE(a.end, utc(2026, 2, 12)); // exclusive: two days
    QVERIFY(a.timeZone.isEmpty());

    QByteArray noEnd = text;
    noEnd.replace("DTEND;VALUE=DATE:20260212\r\n", "");
    const Appointment oneDay = parseAppointment(noEnd);
    QVERIFY(oneDay.allDay);
    QCOMPARE(oneDay.end, utc(2026, 2, 11));

    Appointment yearly = a;
    yearly.timeZone = u"Europe/Berlin"_s; // ignored for dates
    yearly.recurrence = u"FREQ=YEARLY;COUNT=3"_s;
    yearly.excludedDates = {utc(2027, 2, 10)};
    const QByteArray written = writeOk(yearly);
    QVERIFY2(written.contains("DTSTART;VALUE=DATE:20260210\r\n"), written.constData());
    QVERIFY(written.contains("DTEND;VALUE=DATE:20260212\r\n"));
    QVERIFY(written.contains("EXDATE;VALUE=DATE:20270210\r\n"));
    QVERIFY(!written.contains("BEGIN:VTIMEZONE"));
    yearly.timeZone.clear();
    yearly.modifiedAt = parseAppointment(written).modifiedAt; // written as now: none before
    compareAppointments(parseAppointment(written), yearly);
    const auto years = occurrencesOk(yearly, utc(2020, 1, 1), utc(2030, 1, 1));
    QCOMPARE(years.size(), 2);
    QCOMPARE(years[1].first, utc(2028, 2, 10));
    QCOMPARE(years[1].second, utc(2028, 2, 12));
}

void TstICalCodec::attendeesAndOrganizer()
{
    const QByteArray text =
        crlf("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:x\nBEGIN:VEVENT\nUID:people-1\nDTSTAMP:20260101T000000Z\n"
             "DTSTART:20260310T130000Z\nDTEND:20260310T140000Z\n"
             "ORGANIZER;CN=\"Schmidt, Peter\":MAILTO:Peter.Schmidt@Contoso.com\n"
             "ATTENDEE;CN=Anna;PARTSTAT=ACCEPTED;ROLE=CHAIR:mailto:anna@contoso.com\n"
             "ATTENDEE;CN=Bob;PARTSTAT=DECLINED;ROLE=OPT-PARTICIPANT:mailto:BOB@example.org\n"
             "ATTENDEE;CN=Carol;PARTSTAT=TENTATIVE;ROLE=NON-PARTICIPANT:mailto:carol@example.org\n"
             "ATTENDEE;CN=Dave;PARTSTAT=DELEGATED;ROLE=REQ-PARTICIPANT:mailto:dave@example.org\n"
             "ATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:erin@example.org\n"
             "ATTENDEE:mailto:frank@example.org\n"
             "ATTENDEE;CN=Room;PARTSTAT=X-WEIRD;EMAIL=room@example.org:urn:uuid:1234\n"
             "END:VEVENT\nEND:VCALENDAR\n");
    const Appointment a = parseAppointment(text);
    QCOMPARE(a.organizer, u"peter.schmidt@contoso.com"_s);
    QCOMPARE(a.organizerName, u"Schmidt, Peter"_s);
    const QList<Attendee> expected{
        {u"anna@contoso.com"_s, u"Anna"_s, u"accepted"_s, u"chair"_s},
        {u"bob@example.org"_s, u"Bob"_s, u"declined"_s, u"optional"_s},
        {u"carol@example.org"_s, u"Carol"_s, u"tentative"_s, u"non-participant"_s},
        {u"dave@example.org"_s, u"Dave"_s, u"delegated"_s, u"required"_s},
        {u"erin@example.org"_s, QString(), u"needs-action"_s, u"required"_s},
        {u"frank@example.org"_s, QString(), u"needs-action"_s, u"required"_s},
        {u"room@example.org"_s, u"Room"_s, u"needs-action"_s, u"required"_s},
    };
    QCOMPARE(a.attendees.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(a.attendees[i].email, expected[i].email);
        QCOMPARE(a.attendees[i].name, expected[i].name);
        QCOMPARE(a.attendees[i].response, expected[i].response);
        QCOMPARE(a.attendees[i].role, expected[i].role);
    }
    const QByteArray written = writeOk(a);
    QVERIFY2(written.contains("ORGANIZER;CN=\"Schmidt, Peter\":mailto:peter.schmidt@contoso.com\r\n"),
             written.constData());
    QVERIFY(written.contains("PARTSTAT=DELEGATED"));
    QCOMPARE(parseAppointment(written).attendees, a.attendees);
}

void TstICalCodec::regardingRoundTrip()
{
    Appointment a = weeklyBerlin();
    a.regarding = {u"account"_s, u"3f2b1c9e-0000-4a1b-9c2d-123456789abc"_s};
    const QByteArray written = writeOk(a);
    QVERIFY(written.contains("X-SYNCDESK-REGARDING:account:3f2b1c9e-0000-4a1b-9c2d-123456789abc\r\n"));
    QCOMPARE(parseAppointment(written).regarding, a.regarding);
    a.regarding = {u"opportunity"_s, u"a,b;c\\d:e"_s}; // text escapes and a colon in the id
    QCOMPARE(parseAppointment(writeOk(a)).regarding, a.regarding);
    a.regarding = {};
    QVERIFY(!writeOk(a).contains("X-SYNCDESK-REGARDING"));
    QVERIFY(!parseAppointment(writeOk(a)).regarding.isValid());
}

void TstICalCodec::tasks_data()
{
    QTest::addColumn<QString>("ical");
    QTest::addColumn<QString>("status");
    QTest::newRow("needs-action") << u"NEEDS-ACTION"_s << u"not-started"_s;
    QTest::newRow("in-process") << u"IN-PROCESS"_s << u"in-progress"_s;
    QTest::newRow("completed") << u"COMPLETED"_s << u"completed"_s;
    QTest::newRow("cancelled") << u"CANCELLED"_s << u"cancelled"_s;
}

void TstICalCodec::tasks()
{
    QFETCH(QString, ical);
    QFETCH(QString, status);
    const Result<ICalCodec::CalendarObject> parsed = ICalCodec::parse(crlf(kTask).replace("%1", ical.toLatin1()));
    QVERIFY2(parsed, parsed ? "" : qPrintable(parsed.error().toString()));
    QCOMPARE(parsed->kind, ActKind::Task);
    const CrmTask &t = parsed->task;
    QCOMPARE(t.uid, u"task-1@example.org"_s);
    QCOMPARE(t.subject, u"Send the offer"_s);
    QVERIFY(t.allDay);
    QCOMPARE(t.due, utc(2026, 3, 2));
    QVERIFY(!t.start.isValid());
    QCOMPARE(t.status, status);
    QCOMPARE(t.percentComplete, 40);
    QCOMPARE(t.priority, 1);
    QCOMPARE(t.description, u"Offer for Contoso"_s);
    QCOMPARE(t.regarding, (RecordRef{u"opportunity"_s, u"opp-7"_s}));

    const QByteArray written = writeOk(t);
    QVERIFY(written.contains("DUE;VALUE=DATE:20260302\r\n"));
    QVERIFY(written.contains(QByteArray("STATUS:" + ical.toLatin1() + "\r\n")));
    QCOMPARE(written.contains("\r\nCOMPLETED:"), status == u"completed"_s);
    const Result<ICalCodec::CalendarObject> back = ICalCodec::parse(written);
    QVERIFY(back);
    QCOMPARE(back->task.status, status);
}

void TstICalCodec::taskRoundTrip()
{
    CrmTask t;
    t.uid = u"task-2@syncdesk.example"_s;
    t.subject = u"Call back"_s;
    t.start = utc(2026, 3, 27, 8);
    t.due = utc(2026, 3, 30, 15); // after the DST change: 17:00 CEST
    t.timeZone = u"Europe/Berlin"_s;
    t.status = u"in-progress"_s;
    t.percentComplete = 50;
    t.priority = 5;
    t.description = u"About the renewal"_s;
    t.regarding = {u"contact"_s, u"c-1"_s};
    t.createdAt = utc(2026, 3, 20, 9);
    t.modifiedAt = utc(2026, 3, 21, 9);
    const QByteArray written = writeOk(t);
    QVERIFY2(written.contains("DUE;TZID=Europe/Berlin:20260330T170000\r\n"), written.constData());
    QVERIFY(written.contains("DTSTART;TZID=Europe/Berlin:20260327T090000\r\n"));
    const Result<ICalCodec::CalendarObject> back = ICalCodec::parse(written);
    QVERIFY(back);
    QCOMPARE(back->kind, ActKind::Task);
    QCOMPARE(back->task.start, t.start);
    QCOMPARE(back->task.due, t.due);
    QCOMPARE(back->task.timeZone, t.timeZone);
    QVERIFY(back->task == t);

    // Completed: COMPLETED is written (now), and a later write keeps it.
    CrmTask done = t;
    done.status = u"completed"_s;
    const QByteArray completed = writeOk(done, written);
    QVERIFY(completed.contains("\r\nCOMPLETED:"));
    const qsizetype at = completed.indexOf("\r\nCOMPLETED:");
    const QByteArray stamp = completed.mid(at, 28);
    done.subject = u"Call back (done)"_s;
    QVERIFY(writeOk(done, completed).contains(stamp));
    done.status = u"in-progress"_s;
    QVERIFY(!writeOk(done, completed).contains("\r\nCOMPLETED:"));

    // Outlook's "no date" (4501-01-01) is none; libical cannot print years after 3000, so none are written.
    QByteArray outlook = crlf(kTask).replace("%1", "NEEDS-ACTION");
    outlook.replace("DUE;VALUE=DATE:20260302", "DUE:45010101T000000\r\nDTSTART:45010101T000000");
    const Result<ICalCodec::CalendarObject> none = ICalCodec::parse(outlook);
    QVERIFY(none);
    QVERIFY(!none->task.due.isValid() && !none->task.start.isValid());
    CrmTask far = t;
    far.due = utc(4501, 1, 1);
    QVERIFY(!writeOk(far).contains("DUE"));
}

void TstICalCodec::preservesUnmodelled()
{
    const QByteArray previous = crlf(kPreserved);
    Appointment changed = parseAppointment(previous);
    QCOMPARE(changed.subject, u"Review"_s);
    QCOMPARE(changed.attendees.size(), 2);
    changed.subject = u"Review (agenda changed)"_s;
    changed.attendees[0].response = u"accepted"_s;
    changed.attendees.removeLast();
    changed.attendees.append({u"erin@example.org"_s, u"Erin"_s, u"needs-action"_s, u"required"_s});
    const QByteArray written = unfolded(writeOk(changed, previous));
    QVERIFY2(written.contains("BEGIN:VALARM\r\n"), written.constData());
    QVERIFY(written.contains("TRIGGER:-PT30M\r\n"));
    QVERIFY(written.contains("X-WR-ALARMUID:alarm-1\r\n"));
    QVERIFY(written.contains("X-FOO;X-BAR=1:hello world\r\n"));
    QVERIFY(written.contains("CATEGORIES:Work\r\n")); // libical splits multi-valued properties
    QVERIFY(written.contains("CATEGORIES:Review\r\n"));
    QVERIFY(written.contains("CLASS:CONFIDENTIAL\r\n"));
    QVERIFY(written.contains("TRANSP:TRANSPARENT\r\n"));
    QVERIFY(written.contains("X-WR-TIMEZONE:Europe/Berlin\r\n")); // a VCALENDAR property
    QVERIFY(written.contains("SUMMARY:Review (agenda changed)\r\n"));
    QVERIFY(written.contains("PRODID:-//SyncDesk//SyncDesk//EN\r\n"));
    QVERIFY(!written.contains("Example Corp"));
    // Carol keeps RSVP, with her new answer; Dave is gone; Erin is new.
    const qsizetype carol = written.indexOf("mailto:carol@example.org");
    QVERIFY(carol > 0);
    const QByteArray carolLine =
        written.mid(written.lastIndexOf("ATTENDEE", carol), carol - written.lastIndexOf("ATTENDEE", carol));
    QVERIFY2(carolLine.contains("RSVP=TRUE") && carolLine.contains("PARTSTAT=ACCEPTED"), carolLine.constData());
    QVERIFY(!written.contains("dave@example.org"));
    QVERIFY(written.contains("mailto:erin@example.org"));
    // DTSTAMP and LAST-MODIFIED are now; the subject is no reason for a new SEQUENCE.
    QVERIFY(!written.contains("DTSTAMP:20260101T000000Z"));
    QVERIFY(written.contains(
        QByteArray("\r\nLAST-MODIFIED:" + QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd"_s).toLatin1())));
    QCOMPARE(sequenceOf(written), 3);
    const Appointment back = parseAppointment(written);
    QCOMPARE(back.subject, changed.subject);
    QCOMPARE(back.attendees, changed.attendees);
}

void TstICalCodec::sequenceIncrement()
{
    const QByteArray previous = crlf(kPreserved);
    const Appointment base = parseAppointment(previous);
    QCOMPARE(sequenceOf(writeOk(base, previous)), 3);
    Appointment moved = base;
    moved.start = moved.start.addSecs(3600);
    moved.end = moved.end.addSecs(3600);
    QCOMPARE(sequenceOf(writeOk(moved, previous)), 4);
    Appointment relocated = base;
    relocated.location = u"Room 8"_s;
    QCOMPARE(sequenceOf(writeOk(relocated, previous)), 4);
    Appointment recurring = base;
    recurring.recurrence = u"FREQ=DAILY;COUNT=2"_s;
    const QByteArray twice = writeOk(recurring, previous);
    QCOMPARE(sequenceOf(twice), 4);
    QCOMPARE(sequenceOf(writeOk(recurring, twice)), 4); // nothing changed since
    Appointment noPrevious = base;
    QCOMPARE(sequenceOf(writeOk(noPrevious)), -1);
    // A previous object of another UID is not this one's.
    Appointment other = base;
    other.uid = u"other@example.org"_s;
    QVERIFY(!writeOk(other, previous).contains("X-FOO"));
}

void TstICalCodec::googleEvent()
{
    const Appointment a = parseAppointment(crlf(kGoogle));
    QCOMPARE(a.uid, u"5q8b0h3k2l1m9n7p6r4s2t0v1x@google.com"_s);
    QCOMPARE(a.subject, u"Standup"_s);
    QCOMPARE(a.timeZone, u"America/New_York"_s);
    QCOMPARE(a.start, utc(2026, 3, 5, 14, 30)); // EST
    QCOMPARE(a.end, utc(2026, 3, 5, 15));
    QVERIFY(a.location.isEmpty()); // "LOCATION:" without a value is tolerated
    QCOMPARE(a.organizer, u"jane.doe@gmail.com"_s);
    QCOMPARE(a.organizerName, u"Jane Doe"_s);
    QCOMPARE(a.attendees.size(), 2);
    QCOMPARE(a.attendees[0].name, u"Jane Doe"_s); // unfolded
    QCOMPARE(a.attendees[1].response, u"needs-action"_s);
    QCOMPARE(a.description, u"Daily standup\nJoin: https://meet.google.com/abc-defg-hij"_s);
    QCOMPARE(a.recurrence, u"FREQ=DAILY;UNTIL=20260310T135959Z;BYDAY=MO,TU,WE,TH,FR"_s);
    QCOMPARE(a.createdAt, QDateTime(QDate(2026, 3, 1), QTime(11, 59), Qt::UTC));
    const auto list = occurrencesOk(a, utc(2026, 3, 1), utc(2026, 4, 1));
    QList<QDateTime> starts;
    for (const auto &occurrence : list) {
        starts.append(occurrence.first);
    }
    // Thu, Fri in EST; Mon, Tue in EDT (DST began on Sunday 03-08); UNTIL ends after Tuesday.
    QCOMPARE(starts, (QList<QDateTime>{utc(2026, 3, 5, 14, 30), utc(2026, 3, 6, 14, 30), utc(2026, 3, 9, 13, 30),
                                       utc(2026, 3, 10, 13, 30)}));
    const QByteArray written = writeOk(a, crlf(kGoogle));
    QVERIFY(written.contains("X-GOOGLE-CONFERENCE:https://meet.google.com/abc-defg-hij\r\n"));
    QVERIFY(written.contains("X-NUM-GUESTS=0"));
    QVERIFY(written.contains("BEGIN:VALARM"));
    QVERIFY(written.contains("CALSCALE:GREGORIAN\r\n"));
    QCOMPARE(written.count("BEGIN:VTIMEZONE"), 1);
    QCOMPARE(sequenceOf(written), 0);
}

void TstICalCodec::outlookEvent()
{
    const QByteArray text = crlf(kOutlook);
    const Appointment a = parseAppointment(text);
    QCOMPARE(a.subject, u"Quartalsreview"_s);
    QVERIFY(a.timeZone.isEmpty());          // a Windows zone with its VTIMEZONE: converted, not named
    QCOMPARE(a.start, utc(2026, 4, 15, 8)); // 10:00 CEST
    QCOMPARE(a.end, utc(2026, 4, 15, 9, 30));
    QCOMPARE(a.excludedDates, (QList<QDateTime>{utc(2026, 4, 22, 8)}));
    QCOMPARE(a.organizerName, u"Schmidt, Peter"_s);
    QCOMPARE(a.attendees.value(0).email, u"anna.mueller@contoso.com"_s);
    QCOMPARE(a.attendees.value(0).name, u"Müller, Anna"_s);
    QCOMPARE(a.location, u"Konferenzraum 3"_s);
    QCOMPARE(a.description, u"Quarterly review\n\nAgenda to follow.\n"_s);
    QCOMPARE(occurrencesOk(a, utc(2026, 4, 1), utc(2026, 5, 1)).size(), 2);

    // A winter one: CET.
    QByteArray winter = text;
    winter.replace("20260415T", "20260114T").replace("20260422T", "20260121T");
    QCOMPARE(parseAppointment(winter).start, utc(2026, 1, 14, 9));

    // Written back: the Outlook VTIMEZONE and its TZID stay for properties that still use it, METHOD goes.
    Appointment moved = a;
    moved.timeZone = u"Europe/Berlin"_s;
    const QByteArray written = writeOk(moved, text);
    QVERIFY2(written.contains("DTSTART;TZID=Europe/Berlin:20260415T100000\r\n"), written.constData());
    QVERIFY(written.contains("X-MICROSOFT-CDO-BUSYSTATUS:BUSY\r\n"));
    QVERIFY(written.contains("SUMMARY;LANGUAGE=de-de:Quartalsreview\r\n")); // unchanged: parameters kept
    QVERIFY(!written.contains("METHOD:"));
    QVERIFY(!written.contains("W. Europe Standard Time")); // nothing uses it any more
}

void TstICalCodec::otherZoneNames()
{
    const auto withTzid = [](const char *tzid) {
        return crlf((u"BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:x\nBEGIN:VEVENT\nUID:zone-1\nDTSTAMP:20260101T000000Z\n"
                     u"DTSTART;TZID=%1:20260701T120000\nEND:VEVENT\nEND:VCALENDAR\n"_s)
                        .arg(QLatin1StringView(tzid))
                        .toUtf8()
                        .constData());
    };
    // libical's own prefix, as Evolution writes it.
    Appointment a = parseAppointment(withTzid("/freeassociation.sourceforge.net/Europe/Berlin"));
    QCOMPARE(a.timeZone, u"Europe/Berlin"_s);
    QCOMPARE(a.start, utc(2026, 7, 1, 10));
    // No VTIMEZONE: an IANA id is known, a Windows id is mapped, an unknown one is read as UTC.
    a = parseAppointment(withTzid("Asia/Tokyo"));
    QCOMPARE(a.start, utc(2026, 7, 1, 3));
    a = parseAppointment(withTzid("Romance Standard Time"));
    QCOMPARE(a.timeZone, u"Europe/Paris"_s);
    QCOMPARE(a.start, utc(2026, 7, 1, 10));
    a = parseAppointment(withTzid("Mars/Olympus_Mons"));
    QVERIFY(a.timeZone.isEmpty());
    QCOMPARE(a.start, utc(2026, 7, 1, 12));
    a = parseAppointment(withTzid("UTC"));
    QVERIFY(a.timeZone.isEmpty());
    QCOMPARE(a.start, utc(2026, 7, 1, 12));
    // Floating: UTC, no zone.
    a = parseAppointment(crlf("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:x\nBEGIN:VEVENT\nUID:f\nDTSTAMP:20260101T000000Z\n"
                              "DTSTART:20260701T120000\nDURATION:PT90M\nEND:VEVENT\nEND:VCALENDAR\n"));
    QVERIFY(a.timeZone.isEmpty());
    QCOMPARE(a.start, utc(2026, 7, 1, 12));
    QCOMPARE(a.end, utc(2026, 7, 1, 13, 30));
}

void TstICalCodec::writtenSize()
{
    const Appointment a = weeklyBerlin();
    const QByteArray text = writeOk(a);
    const qsizetype vtimezone = text.indexOf("END:VTIMEZONE") - text.indexOf("BEGIN:VTIMEZONE");
    qInfo("written Berlin weekly event: %lld bytes, its VTIMEZONE %lld bytes", qlonglong(text.size()),
          qlonglong(vtimezone));
    QVERIFY(text.size() < 8 * 1024);
    QVERIFY(vtimezone < 1500);
    QVERIFY(!text.contains("DTSTART:18930401")); // trimmed: no transition of the 19th century
}

void TstICalCodec::badData_data()
{
    QTest::addColumn<QByteArray>("data");
    const QByteArray head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n";
    const QByteArray tail = "END:VCALENDAR\r\n";
    const QByteArray event = "BEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260101T100000Z\r\n"
                             "END:VEVENT\r\n";
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("blank") << QByteArray(" \r\n\r\n");
    QTest::newRow("garbage") << QByteArray("this is not a calendar\x01\x02\xff at all");
    QTest::newRow("html") << QByteArray("<html><body>502 Bad Gateway</body></html>");
    QTest::newRow("no end") << QByteArray(head + event);
    QTest::newRow("no event") << QByteArray(head + tail);
    QTest::newRow("two uids") << QByteArray(head + event + QByteArray(event).replace("UID:a", "UID:b") + tail);
    QTest::newRow("two masters") << QByteArray(head + event + event + tail);
    QTest::newRow("event and todo") << QByteArray(
        head + event + "BEGIN:VTODO\r\nUID:a\r\nDTSTAMP:20260101T000000Z\r\nEND:VTODO\r\n" + tail);
    QTest::newRow("no uid") << QByteArray(head + QByteArray(event).replace("UID:a\r\n", "") + tail);
    QTest::newRow("5 MiB") << QByteArray(head + event + "X-PAD:" + QByteArray(5 * 1024 * 1024, 'x') + "\r\n" + tail);
    QTest::newRow("invalid dtstart") << QByteArray(
        head + QByteArray(event).replace("20260101T100000Z", "2026-01-01 10:00") + tail);
    QTest::newRow("missing dtstart") << QByteArray(
        head + QByteArray(event).replace("DTSTART:20260101T100000Z\r\n", "") + tail);
    QTest::newRow("bad rrule") << QByteArray(
        head + QByteArray(event).replace("END:VEVENT", "RRULE:FREQ=SOMETIMES\r\nEND:VEVENT") + tail);
    QTest::newRow("secondly rrule") << QByteArray(
        head + QByteArray(event).replace("END:VEVENT", "RRULE:FREQ=SECONDLY\r\nEND:VEVENT") + tail);
    QTest::newRow("impossible hourly rrule") << QByteArray(
        head + QByteArray(event).replace("END:VEVENT", "RRULE:FREQ=HOURLY;BYMONTH=2;BYMONTHDAY=30\r\nEND:VEVENT") +
        tail);
    QTest::newRow("bad exdate") << QByteArray(
        head + QByteArray(event).replace("END:VEVENT", "EXDATE:yesterday\r\nEND:VEVENT") + tail);
    QTest::newRow("nul byte") << QByteArray(head + event + QByteArray(1, '\0') + tail);
    QByteArray many = head;
    for (int i = 0; i < 1001; ++i) {
        many += "BEGIN:VALARM\r\nEND:VALARM\r\n";
    }
    QTest::newRow("1002 components") << QByteArray(many + event + tail);
    // Folded BEGIN lines nested 150000 deep: libical frees components recursively and would overflow the
    // (small) stack of the worker thread badData() parses on.
    QByteArray deep = head;
    for (int i = 0; i < 150000; ++i) {
        deep += "BEG\r\n in:X-A\r\n";
    }
    for (int i = 0; i < 150000; ++i) {
        deep += "END:X-A\r\n";
    }
    deep += tail;
    QTest::newRow("deep nesting") << deep;
}

void TstICalCodec::badData()
{
    QFETCH(QByteArray, data);
    QElapsedTimer timer;
    timer.start();
    std::optional<Result<ICalCodec::CalendarObject>> result;
    std::unique_ptr<QThread> worker(QThread::create([&] { result = ICalCodec::parse(data); }));
    worker->setStackSize(512 * 1024);
    worker->start();
    QVERIFY(worker->wait(QDeadlineTimer(30000)));
    QVERIFY(result.has_value());
    const Result<ICalCodec::CalendarObject> &parsed = *result;
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().errorClass, ErrorClass::Parse);
    QCOMPARE(parsed.error().hintId, u"dav-bad-data"_s);
    QCOMPARE(parsed.error().scope, ErrorScope::Item);
    QCOMPARE(parsed.error().stage, ErrorStage::Parse);
    // Built in the iCalendar module without SyncError::make: the same default as make() would give.
    QCOMPARE(parsed.error().transient, isTransientByDefault(ErrorClass::Parse));
    QVERIFY(!parsed.error().message.isEmpty());
    QVERIFY(!parsed.error().detail.contains(u"xxxxxxxxxx"_s)); // never the content
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
}

void TstICalCodec::hostileZonesDoNotHang()
{
    // libical's own TZID lookup would open this path and block on standard input, and expand this VTIMEZONE
    // second by second for hours.
    QElapsedTimer timer;
    timer.start();
    const QByteArray traversal =
        crlf("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:x\nBEGIN:VEVENT\nUID:t\nDTSTAMP:20260101T000000Z\n"
             "DTSTART;TZID=../../../../dev/stdin:20260701T120000\nEND:VEVENT\nEND:VCALENDAR\n");
    const Appointment a = parseAppointment(traversal);
    QCOMPARE(a.start, utc(2026, 7, 1, 12));
    QVERIFY(a.timeZone.isEmpty());
    const QByteArray secondly =
        crlf("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:x\nBEGIN:VTIMEZONE\nTZID:Evil\nBEGIN:STANDARD\n"
             "DTSTART:16010101T000000\nRRULE:FREQ=SECONDLY\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0100\nTZNAME:E\n"
             "END:STANDARD\nEND:VTIMEZONE\nBEGIN:VEVENT\nUID:e\nDTSTAMP:20260101T000000Z\n"
             "DTSTART;TZID=Evil:25000101T000000\nEND:VEVENT\nEND:VCALENDAR\n");
    const Result<ICalCodec::CalendarObject> parsed = ICalCodec::parse(secondly);
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().hintId, u"dav-bad-data"_s);
    // An impossible rule (no 30th of February) is refused instead of walking to the year 2582 hour by hour
    // (10 s in libical); an impossible DAILY one costs libical half a second.
    Appointment impossible = weeklyBerlin();
    impossible.recurrence = u"FREQ=HOURLY;BYMONTH=2;BYMONTHDAY=30"_s;
    QVERIFY(occurrencesOk(impossible, utc(2026, 1, 1), utc(2027, 1, 1)).isEmpty());
    impossible.recurrence = u"FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30"_s;
    QVERIFY(occurrencesOk(impossible, utc(2026, 1, 1), utc(2027, 1, 1)).isEmpty());
    impossible.recurrence = u"FREQ=HOURLY;INTERVAL=6;BYDAY=MO"_s; // one day filter: fine
    QCOMPARE(occurrencesOk(impossible, utc(2026, 3, 9), utc(2026, 3, 10)).size(), 3);
    qInfo("hostile zones and rules: %lld ms", qlonglong(timer.elapsed()));
    QVERIFY(timer.elapsed() < 10000);
}

void TstICalCodec::concurrentThreads()
{
    const QStringList zones{u"Europe/Berlin"_s, u"America/New_York"_s, u"Asia/Kolkata"_s, u"Australia/Sydney"_s};
    std::atomic<int> failures = 0;
    std::vector<std::thread> threads;
    for (const QString &zone : zones) {
        threads.emplace_back([zone, &failures] {
            Appointment a = weeklyBerlin();
            a.timeZone = zone;
            a.exceptions.clear();
            a.excludedDates.clear();
            const QByteArray google = crlf(kGoogle);
            const QByteArray outlook = crlf(kOutlook);
            for (int i = 0; i < 150; ++i) {
                // The codec's own Results, not writeOk()/occurrencesOk(): QTest is not for other threads.
                const Result<QByteArray> text = ICalCodec::write(a);
                const Result<ICalCodec::CalendarObject> back = text ? ICalCodec::parse(*text) : text.error();
                const auto occurrences =
                    back ? ICalCodec::occurrences(back->appointment, utc(2026, 1, 1), utc(2027, 1, 1)) : back.error();
                if (!back || !(back->appointment == a) || !occurrences || occurrences->size() != 10 ||
                    !ICalCodec::parse(google) || !ICalCodec::parse(outlook)) {
                    ++failures;
                }
            }
        });
    }
    for (std::thread &thread : threads) {
        thread.join();
    }
    QCOMPARE(failures.load(), 0);
}

void TstICalCodec::mutations()
{
    const quint32 seed = 20260329;
    qInfo("mutation seed %u", seed);
    QRandomGenerator random(seed);
    const QList<QByteArray> corpus{writeOk(weeklyBerlin()), crlf(kGoogle), crlf(kOutlook), crlf(kPreserved),
                                   crlf(kTask).replace("%1", "COMPLETED")};
    const QList<QByteArray> tokens{"BEGIN:VEVENT\r\n",
                                   "END:VEVENT\r\n",
                                   "BEGIN:VCALENDAR\r\n",
                                   "END:VCALENDAR\r\n",
                                   ";TZID=",
                                   ":",
                                   ";",
                                   ",",
                                   "\r\n ",
                                   "\r\n",
                                   "\"",
                                   "\\",
                                   "Z",
                                   "T",
                                   "99999999",
                                   "RRULE:FREQ=HOURLY;BYMONTHDAY=31;BYMONTH=2\r\n",
                                   "RECURRENCE-ID:20260316T080000Z\r\n",
                                   "EXDATE:20260316T080000Z,20260317\r\n",
                                   "BEGIN:VTIMEZONE\r\n",
                                   "TZID:Europe/Berlin\r\n",
                                   "DTSTART;TZID=W. Europe Standard Time:20260101T000000\r\n",
                                   "BEGIN:VALARM\r\n"};
    int parsed = 0;
    int refused = 0;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < 2000; ++i) {
        QByteArray data = corpus[random.bounded(int(corpus.size()))];
        const int edits = 1 + random.bounded(4);
        for (int e = 0; e < edits && !data.isEmpty(); ++e) {
            const int at = random.bounded(int(data.size()));
            switch (random.bounded(5)) {
            case 0:
                data[at] = char(random.bounded(256));
                break;
            case 1:
                data.remove(at, 1 + random.bounded(40));
                break;
            case 2:
                data.insert(at, tokens[random.bounded(int(tokens.size()))]);
                break;
            case 3:
                data.insert(at, data.mid(random.bounded(int(data.size())), random.bounded(200)));
                break;
            default:
                data.truncate(at);
                break;
            }
        }
        const Result<ICalCodec::CalendarObject> result = ICalCodec::parse(data);
        if (result) {
            ++parsed;
            if (result->kind == ActKind::Appointment) {
                const QByteArray written = writeOk(result->appointment, data);
                QVERIFY(ICalCodec::parse(written));
                occurrencesOk(result->appointment, utc(2026, 1, 1), utc(2027, 1, 1), 50);
            } else {
                QVERIFY(ICalCodec::parse(writeOk(result->task, data)));
            }
        } else {
            ++refused;
            QCOMPARE(result.error().errorClass, ErrorClass::Parse);
            QCOMPARE(result.error().hintId, u"dav-bad-data"_s);
        }
    }
    qInfo("mutations: %d parsed, %d refused, %lld ms", parsed, refused, qlonglong(timer.elapsed()));
    QCOMPARE(parsed + refused, 2000);
    QVERIFY(parsed > 100);
    QVERIFY(refused > 100);
}

QTEST_GUILESS_MAIN(TstICalCodec)
#include "tst_icalcodec.moc"

// The ACT direction (appointments, contacts, tasks) against a real CalDAV/CardDAV server: a private Radicale.
#include "act/actfields.h"
#include "act/actsync.h"
#include "act/icalcodec.h"
#include "act/vcard.h"
#include "actradicalefixture.h"
#include "radicaleserver.h"
#include "store/actstore.h"
#include "store/crmstore.h"
#include "store/store.h"
#include "teststore.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace SyncDesk;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

class TstActRadicale : public ActRadicaleFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (!RadicaleServer::isAvailable()) {
            if (qEnvironmentVariableIsSet("CI")) {
                QFAIL("radicale is not installed: scripts/test.sh installs it");
            }
            QSKIP("radicale is not installed: run scripts/test.sh, which installs it");
        }
        qputenv("SYNCDESK_TEST_DAV_PASSWORD", kPassword.toUtf8());
        m_radicale = std::make_unique<RadicaleServer>();
        QString error;
        QVERIFY2(m_radicale->start(&error), qPrintable(error));
    }

    void cleanup() { m_store.reset(); }

    // Discovery finds nothing on a new account and makes a calendar, a task list and an address book; a second
    // store finds the same three without making more.
    void discoveryMakesAndFinds()
    {
        m_radicale->addUser(u"dora"_s, kPassword);
        ActSettings settings;
        settings.davUsername = u"dora"_s;
        settings.tasks = ActDirection::Both;
        settings.contacts = ActDirection::Both;
        QVERIFY(setUpStore(settings));
        const ActResult first = sync();
        QVERIFY(!first.error);
        QVERIFY2(first.notices.join(u' ').contains(u"made"_s), qPrintable(first.notices.join(u'\n')));
        QCOMPARE(collectionPath(ActKind::Appointment), u"/dora/syncdesk-calendar/"_s);
        QCOMPARE(collectionPath(ActKind::Task), u"/dora/syncdesk-tasks/"_s);
        QCOMPARE(collectionPath(ActKind::Contact), u"/dora/syncdesk-contacts/"_s);
        QVERIFY(setUpStore(settings));
        const ActResult second = sync();
        QVERIFY(!second.error);
        QVERIFY2(!second.notices.join(u' ').contains(u"made"_s), qPrintable(second.notices.join(u'\n')));
        QCOMPARE(collectionPath(ActKind::Appointment), u"/dora/syncdesk-calendar/"_s);
        QCOMPARE(collectionPath(ActKind::Task), u"/dora/syncdesk-tasks/"_s);
    }

    // An appointment made in the CRM reaches the calendar; one made on the server becomes a CRM appointment
    // owned by the mailbox's owner; a re-sync with nothing changed is one request per collection.
    void appointmentsBothWays()
    {
        QVERIFY(setUpStore(ActSettings()));
        ActStore act(*m_store);
        Appointment crmSide = appointment(u"Quarterly review"_s);
        crmSide.location = u"Room 4"_s;
        crmSide.attendees = {{u"bob@contoso.com"_s, u"Bob"_s, u"accepted"_s, u"required"_s}};
        QVERIFY(act.saveAppointment(crmSide, QDateTime::currentDateTimeUtc()));
        ActResult first = sync();
        QVERIFY(!first.error);
        QCOMPARE(first.toServer, 1);
        auto items = serverItems(ActKind::Appointment);
        QCOMPARE(items.size(), 1);
        const QByteArray text = items.cbegin().value();
        QVERIFY2(text.contains("SUMMARY:Quarterly review"), text.constData());
        QVERIFY2(text.contains("PARTSTAT=ACCEPTED"), text.constData());

        const QString calendar = collectionPath(ActKind::Appointment);
        const auto put = m_radicale->put(kUser, kPassword, calendar + u"from-phone.ics"_s,
                                         icsEvent(u"phone-1"_s, u"Dentist"_s), {}, "*");
        QVERIFY2(put.ok(), qPrintable(put.error + QString::fromUtf8(put.body)));
        ActResult second = sync();
        QVERIFY(!second.error);
        QCOMPARE(second.fromServer, 1);
        auto made = act.appointmentByUid(u"phone-1"_s);
        QVERIFY(made && made->has_value());
        QCOMPARE((*made)->subject, u"Dentist"_s);
        QCOMPARE((*made)->ownerKey, u"ana"_s);
        QCOMPARE((*made)->start, QDateTime(QDate(2026, 3, 10), QTime(9, 0), Qt::UTC));

        ActResult quiet = sync();
        QVERIFY(!quiet.error);
        QCOMPARE(quiet.toServer, 0);
        QCOMPARE(quiet.fromServer, 0);
        // Appointments both ways, contacts and tasks to the server: three collections, one request each.
        QCOMPARE(quiet.requests, 3);
    }

    // Both sides changed the same appointment: fields changed on one side are merged; a field changed on both
    // follows the rule (crm-wins) and is recorded with both values.
    void conflictsMergeFieldByField()
    {
        QVERIFY(setUpStore(ActSettings()));
        ActStore act(*m_store);
        Appointment a = appointment(u"Kick-off"_s);
        a.location = u"Room 1"_s;
        QVERIFY(act.saveAppointment(a, QDateTime::currentDateTimeUtc()));
        QVERIFY(!sync().error);
        auto links = act.links(m_mailbox.id, ActKind::Appointment);
        QCOMPARE(links->size(), 1);
        const QString href = links->constFirst().href;
        // The server: new location and new subject. The CRM: new description and another subject.
        const auto current = m_radicale->get(kUser, kPassword, href);
        QByteArray changed = current.body;
        changed.replace("LOCATION:Room 1", "LOCATION:Room 9");
        changed.replace("SUMMARY:Kick-off", "SUMMARY:Kick-off (server)");
        QVERIFY(m_radicale->put(kUser, kPassword, href, changed, current.etag()).ok());
        a.description = u"Agenda attached"_s;
        a.subject = u"Kick-off (CRM)"_s;
        QVERIFY(act.saveAppointment(a, QDateTime::currentDateTimeUtc()));

        const ActResult result = sync();
        QVERIFY(!result.error);
        QCOMPARE(result.conflicts, 1);
        auto merged = act.appointment(a.id);
        QCOMPARE((*merged)->location, u"Room 9"_s);             // server only
        QCOMPARE((*merged)->description, u"Agenda attached"_s); // CRM only
        QCOMPARE((*merged)->subject, u"Kick-off (CRM)"_s);      // both: crm-wins
        const QByteArray server = m_radicale->get(kUser, kPassword, href).body;
        QVERIFY2(server.contains("LOCATION:Room 9") && server.contains("Agenda attached") &&
                     server.contains("SUMMARY:Kick-off (CRM)"),
                 server.constData());
        auto conflicts = act.conflicts(m_mailbox.id);
        QCOMPARE(conflicts->size(), 1);
        QCOMPARE(conflicts->constFirst().field, u"subject"_s);
        QCOMPARE(conflicts->constFirst().crmValue, u"Kick-off (CRM)"_s);
        QCOMPARE(conflicts->constFirst().serverValue, u"Kick-off (server)"_s);
        QCOMPARE(conflicts->constFirst().winner, u"crm"_s);
    }

    void serverWinsRule()
    {
        ActSettings settings;
        settings.conflict = ConflictRule::ServerWins;
        QVERIFY(setUpStore(settings));
        ActStore act(*m_store);
        Appointment a = appointment(u"Budget"_s);
        QVERIFY(act.saveAppointment(a, QDateTime::currentDateTimeUtc()));
        QVERIFY(!sync().error);
        const QString href = act.links(m_mailbox.id, ActKind::Appointment)->constFirst().href;
        const auto current = m_radicale->get(kUser, kPassword, href);
        QByteArray changed = current.body;
        changed.replace("SUMMARY:Budget", "SUMMARY:Budget (server)");
        QVERIFY(m_radicale->put(kUser, kPassword, href, changed, current.etag()).ok());
        a.subject = u"Budget (CRM)"_s;
        QVERIFY(act.saveAppointment(a, QDateTime::currentDateTimeUtc()));
        const ActResult result = sync();
        QVERIFY(!result.error);
        QCOMPARE(result.conflicts, 1);
        QCOMPARE((*act.appointment(a.id))->subject, u"Budget (server)"_s);
        QCOMPARE(act.conflicts(m_mailbox.id)->constFirst().winner, u"server"_s);
    }

    // Deleted in the CRM: deleted from the calendar. Deleted on the server: deleted from the CRM (both ways).
    void deletionsPropagate()
    {
        QVERIFY(setUpStore(ActSettings()));
        ActStore act(*m_store);
        Appointment one = appointment(u"One"_s);
        Appointment two = appointment(u"Two"_s);
        QVERIFY(act.saveAppointment(one, QDateTime::currentDateTimeUtc()));
        QVERIFY(act.saveAppointment(two, QDateTime::currentDateTimeUtc()));
        QVERIFY(!sync().error);
        QCOMPARE(serverItems(ActKind::Appointment).size(), 2);
        QString twoHref;
        const auto links = act.links(m_mailbox.id, ActKind::Appointment);
        for (const auto &link : *links) {
            if (link.recordId == two.id) {
                twoHref = link.href;
            }
        }
        QVERIFY(*act.removeRecord(ActKind::Appointment, one.id));
        QVERIFY(m_radicale->remove(kUser, kPassword, twoHref).ok());
        const ActResult result = sync();
        QVERIFY(!result.error);
        QCOMPARE(act.links(m_mailbox.id, ActKind::Appointment)->size(), 0);
        QVERIFY(!act.appointment(two.id)->has_value());
        const auto listing =
            m_radicale->request("PROPFIND", collectionPath(ActKind::Appointment), kUser, kPassword,
                                "<propfind xmlns=\"DAV:\"><prop><getetag/></prop></propfind>", {{"Depth", "1"}});
        QVERIFY(!listing.body.contains(".ics"));
    }

    // A record the owner may not read never reaches the calendar, and a field the owner's field security withholds
    // is not written.
    void securityDecidesWhatSyncs()
    {
        QJsonObject crmSettings{
            {u"roles"_s, QJsonObject{{u"salesperson"_s, QJsonObject{{u"appointment"_s, u"own"_s}}}}},
            {u"field_security_profiles"_s, QJsonObject{{u"no-notes"_s, QJsonArray{u"description"_s}}}},
            {u"ana"_s,
             QJsonObject{{u"roles"_s, QJsonArray{u"salesperson"_s}}, {u"field_security_profile"_s, u"no-notes"_s}}}};
        QVERIFY(setUpStore(ActSettings(), crmSettings));
        ActStore act(*m_store);
        Appointment mine = appointment(u"Mine"_s);
        mine.description = u"secret notes"_s;
        Appointment bobs = appointment(u"Bob's board meeting"_s, u"bob"_s);
        bobs.businessUnit = u"support"_s;
        bobs.attendees = {{u"ana@contoso.com"_s, u"Ana"_s, u"needs-action"_s, u"required"_s}};
        QVERIFY(act.saveAppointment(mine, QDateTime::currentDateTimeUtc()));
        QVERIFY(act.saveAppointment(bobs, QDateTime::currentDateTimeUtc()));
        const ActResult result = sync();
        QVERIFY(!result.error);
        const auto items = serverItems(ActKind::Appointment);
        QCOMPARE(items.size(), 1);
        const QByteArray text = items.cbegin().value();
        QVERIFY2(text.contains("SUMMARY:Mine"), text.constData());
        QVERIFY2(!text.contains("secret notes"), text.constData());
        QVERIFY(!text.contains("board meeting"));
    }

    // A second client writes the same event between this engine's read and its write: the 412 is read again,
    // merged, and written; nothing either side wrote is lost.
    void preconditionRace()
    {
        QVERIFY(setUpStore(ActSettings()));
        ActStore act(*m_store);
        Appointment a = appointment(u"Race"_s);
        QVERIFY(act.saveAppointment(a, QDateTime::currentDateTimeUtc()));
        QVERIFY(!sync().error);
        const QString href = act.links(m_mailbox.id, ActKind::Appointment)->constFirst().href;
        a.location = u"Room CRM"_s;
        QVERIFY(act.saveAppointment(a, QDateTime::currentDateTimeUtc()));
        int raced = 0;
        const ActResult result = sync([&](const QString &written) {
            if (written != href || raced++ > 0) {
                return;
            }
            const auto current = m_radicale->get(kUser, kPassword, href);
            QByteArray changed = current.body;
            changed.replace("SUMMARY:Race", "SUMMARY:Race (phone)");
            QVERIFY(m_radicale->put(kUser, kPassword, href, changed, current.etag()).ok());
        });
        QVERIFY(!result.error);
        QCOMPARE(raced, 2);
        const QByteArray server = m_radicale->get(kUser, kPassword, href).body;
        QVERIFY2(server.contains("SUMMARY:Race (phone)") && server.contains("LOCATION:Room CRM"), server.constData());
        QCOMPARE((*act.appointment(a.id))->subject, u"Race (phone)"_s);
    }

    // Contacts and tasks go from the CRM to the server by default; the server's own items stay untouched there.
    void contactsAndTasksToServer()
    {
        QVERIFY(setUpStore(ActSettings()));
        ActStore act(*m_store);
        CrmRecord contact;
        contact.type = u"contact"_s;
        contact.key = u"c-100"_s;
        contact.name = u"Grace Hopper"_s;
        contact.email = u"grace@example.org"_s;
        ContactCard card;
        card.formattedName = contact.name;
        card.givenName = u"Grace"_s;
        card.familyName = u"Hopper"_s;
        card.emails = {contact.email};
        card.phones = {{u"mobile"_s, u"+1 555 0100"_s}};
        ActFields::contactToRecord(card, contact);
        QVERIFY(act.saveContact(contact, QDateTime::currentDateTimeUtc()));
        CrmTask task;
        task.subject = u"Send the offer"_s;
        task.due = QDateTime(QDate(2026, 3, 20), QTime(0, 0), Qt::UTC);
        task.allDay = true;
        task.ownerKey = u"ana"_s;
        QVERIFY(act.saveTask(task, QDateTime::currentDateTimeUtc()));
        const ActResult result = sync();
        QVERIFY(!result.error);
        const auto cards = serverItems(ActKind::Contact);
        QCOMPARE(cards.size(), 1);
        QVERIFY2(cards.cbegin().value().contains("Grace Hopper") && cards.cbegin().value().contains("555 0100"),
                 cards.cbegin().value().constData());
        const auto tasks = serverItems(ActKind::Task);
        QCOMPARE(tasks.size(), 1);
        QVERIFY2(tasks.cbegin().value().contains("SUMMARY:Send the offer") &&
                     tasks.cbegin().value().contains("DUE;VALUE=DATE:20260320"),
                 tasks.cbegin().value().constData());
        // A task made on the phone stays there and does not enter the CRM (tasks: to-server).
        QVERIFY(m_radicale
                    ->put(kUser, kPassword, collectionPath(ActKind::Task) + u"phone-task.ics"_s,
                          "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//T//T//EN\r\nBEGIN:VTODO\r\nUID:phone-task\r\n"
                          "DTSTAMP:20260101T000000Z\r\nSUMMARY:Buy milk\r\nEND:VTODO\r\nEND:VCALENDAR\r\n",
                          {}, "*")
                    .ok());
        QVERIFY(!sync().error);
        QVERIFY(!act.taskByUid(u"phone-task"_s)->has_value());
    }

    // A weekly meeting in Berlin with one occurrence moved and one cancelled, made on the server, reaches the CRM
    // with its rule, exceptions and zone, and survives a change made in the CRM.
    void recurringMeetingAcrossDst()
    {
        QVERIFY(setUpStore(ActSettings()));
        const QByteArray weekly =
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//T//T//EN\r\n"
            "BEGIN:VEVENT\r\nUID:weekly-1\r\nDTSTAMP:20260101T000000Z\r\n"
            "DTSTART;TZID=Europe/Berlin:20260316T090000\r\nDTEND;TZID=Europe/Berlin:20260316T093000\r\n"
            "RRULE:FREQ=WEEKLY;COUNT=4\r\nEXDATE;TZID=Europe/Berlin:20260323T090000\r\nSUMMARY:Standup\r\n"
            "END:VEVENT\r\n"
            "BEGIN:VEVENT\r\nUID:weekly-1\r\nDTSTAMP:20260101T000000Z\r\n"
            "RECURRENCE-ID;TZID=Europe/Berlin:20260330T090000\r\n"
            "DTSTART;TZID=Europe/Berlin:20260330T110000\r\nDTEND;TZID=Europe/Berlin:20260330T113000\r\n"
            "SUMMARY:Standup (moved)\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        QVERIFY(!sync().error); // finds (makes) the calendar
        QVERIFY(
            m_radicale->put(kUser, kPassword, collectionPath(ActKind::Appointment) + u"weekly.ics"_s, weekly, {}, "*")
                .ok());
        QVERIFY(!sync().error);
        ActStore act(*m_store);
        auto stored = act.appointmentByUid(u"weekly-1"_s);
        QVERIFY(stored && stored->has_value());
        Appointment a = **stored;
        QCOMPARE(a.timeZone, u"Europe/Berlin"_s);
        QCOMPARE(a.start, QDateTime(QDate(2026, 3, 16), QTime(8, 0), Qt::UTC)); // CET
        QCOMPARE(a.excludedDates.size(), 1);
        QCOMPARE(a.exceptions.size(), 1);
        // After the change to daylight saving time (29 March), 09:00 in Berlin is 07:00 UTC.
        const auto found = ICalCodec::occurrences(a, QDateTime(QDate(2026, 3, 1), QTime(0, 0), Qt::UTC),
                                                  QDateTime(QDate(2026, 5, 1), QTime(0, 0), Qt::UTC));
        QVERIFY(found);
        const auto &occurrences = *found;
        QCOMPARE(occurrences.size(), 3);
        QCOMPARE(occurrences.at(0).first, QDateTime(QDate(2026, 3, 16), QTime(8, 0), Qt::UTC));
        QCOMPARE(occurrences.at(1).first, QDateTime(QDate(2026, 3, 30), QTime(9, 0), Qt::UTC)); // moved
        QCOMPARE(occurrences.at(2).first, QDateTime(QDate(2026, 4, 6), QTime(7, 0), Qt::UTC));
        a.location = u"Room 2"_s;
        QVERIFY(act.saveAppointment(a, QDateTime::currentDateTimeUtc()));
        QVERIFY(!sync().error);
        const QByteArray server =
            serverItems(ActKind::Appointment).value(collectionPath(ActKind::Appointment) + u"weekly.ics"_s);
        QVERIFY2(server.contains("LOCATION:Room 2") && server.contains("RECURRENCE-ID") && server.contains("EXDATE") &&
                     server.contains("TZID=Europe/Berlin"),
                 server.constData());
    }

    // A refused login is class Auth with the dav-auth hint, counted in the direction's state; a calendar deleted on
    // the server is looked for again (a new one made) and the CRM's appointments are written into it.
    void failuresAreClassifiedAndCollectionsFoundAgain()
    {
        QVERIFY(setUpStore(ActSettings()));
        ActStore act(*m_store);
        Appointment a = appointment(u"Survives"_s);
        QVERIFY(act.saveAppointment(a, QDateTime::currentDateTimeUtc()));
        QVERIFY(!sync().error);
        const QString calendar = collectionPath(ActKind::Appointment);

        qputenv("SYNCDESK_TEST_DAV_PASSWORD", "wrong");
        const ActResult refused = sync();
        qputenv("SYNCDESK_TEST_DAV_PASSWORD", kPassword.toUtf8());
        QVERIFY(refused.error);
        QCOMPARE(refused.error->errorClass, ErrorClass::Auth);
        QCOMPARE(refused.error->hintId, u"dav-auth"_s);
        auto state = act.state(m_mailbox.id);
        QCOMPARE(state->failuresInRow, 1);
        QCOMPARE(state->errorHint, u"dav-auth"_s);

        QVERIFY(m_radicale->remove(kUser, kPassword, calendar).ok());
        const ActResult again = sync();
        QVERIFY(!again.error);
        QVERIFY2(again.notices.join(u' ').contains(u"404"_s), qPrintable(again.notices.join(u'\n')));
        QCOMPARE(collectionPath(ActKind::Appointment), calendar); // made again where it was
        const auto items = serverItems(ActKind::Appointment);
        QCOMPARE(items.size(), 1);
        QVERIFY(items.cbegin().value().contains("SUMMARY:Survives"));
        state = act.state(m_mailbox.id);
        QCOMPARE(state->failuresInRow, 0);
        QVERIFY(state->lastSuccessAt.isValid());
    }

    // A server without sync-collection: every sync lists the ETags instead (one PROPFIND per collection when
    // nothing changed) and still finds changes and deletions.
    void etagFallbackWithoutSyncCollection()
    {
        RadicaleServer::Options options;
        options.syncCollection = false;
        RadicaleServer plain(options);
        plain.addUser(u"eve"_s, kPassword);
        QString error;
        QVERIFY2(plain.start(&error), qPrintable(error));
        ActSettings settings;
        settings.davUsername = u"eve"_s;
        QVERIFY(setUpStore(settings));
        m_profile.act = ActEndpoint{plain.url(), {}};
        QVERIFY(m_store->upsertProfile(m_profile));
        ActStore act(*m_store);
        Appointment a = appointment(u"Fallback"_s);
        QVERIFY(act.saveAppointment(a, QDateTime::currentDateTimeUtc()));
        const ActResult first = sync();
        QVERIFY(!first.error);
        QCOMPARE(first.toServer, 1);
        QVERIFY2(first.notices.join(u' ').contains(u"sync-collection"_s), qPrintable(first.notices.join(u'\n')));
        // A task of the server's own in a list the CRM only writes to: left alone, and not fetched again and again.
        const QString tasks = collectionPath(ActKind::Task);
        const QByteArray phoneTask = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Phone//EN\r\nBEGIN:VTODO\r\n"
                                     "UID:phone-task\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:Buy milk\r\n"
                                     "END:VTODO\r\nEND:VCALENDAR\r\n";
        QVERIFY(plain.put(u"eve"_s, kPassword, tasks + u"phone.ics"_s, phoneTask, {}, "*").ok());
        QVERIFY(!sync().error);
        const ActResult quiet = sync();
        QVERIFY(!quiet.error);
        QCOMPARE(quiet.requests, 3);
        QCOMPARE(quiet.toServer + quiet.fromServer, 0);
        QVERIFY(!act.taskByUid(u"phone-task"_s)->has_value());
        QVERIFY(plain.get(u"eve"_s, kPassword, tasks + u"phone.ics"_s).ok());
        const QString href = act.links(m_mailbox.id, ActKind::Appointment)->constFirst().href;
        const auto current = plain.get(u"eve"_s, kPassword, href);
        QByteArray changed = current.body;
        changed.replace("SUMMARY:Fallback", "SUMMARY:Fallback (server)");
        QVERIFY(plain.put(u"eve"_s, kPassword, href, changed, current.etag()).ok());
        QVERIFY(!sync().error);
        QCOMPARE((*act.appointment(a.id))->subject, u"Fallback (server)"_s);
        QVERIFY(plain.remove(u"eve"_s, kPassword, href).ok());
        QVERIFY(!sync().error);
        QVERIFY(!act.appointment(a.id)->has_value());
    }

    // All-day events both ways (dates, the end exclusive as RFC 5545 has it), and attendees' responses: an attendee
    // who declines on the server and one added there with a tentative answer reach the CRM; the others are kept.
    void allDayEventsAndAttendeeResponses()
    {
        QVERIFY(setUpStore(ActSettings()));
        ActStore act(*m_store);
        Appointment offsite = appointment(u"Offsite"_s);
        offsite.allDay = true;
        offsite.start = QDateTime(QDate(2026, 5, 1), QTime(0, 0), Qt::UTC);
        offsite.end = QDateTime(QDate(2026, 5, 3), QTime(0, 0), Qt::UTC); // 1 and 2 May
        offsite.attendees = {{u"bob@contoso.com"_s, u"Bob"_s, u"needs-action"_s, u"required"_s},
                             {u"carol@fabrikam.com"_s, u"Carol"_s, u"needs-action"_s, u"optional"_s}};
        QVERIFY(act.saveAppointment(offsite, QDateTime::currentDateTimeUtc()));
        QVERIFY(!sync().error);
        const auto links = act.linksOfRecord(ActKind::Appointment, offsite.id);
        QVERIFY(links && links->size() == 1);
        const QString href = links->constFirst().href;
        auto current = m_radicale->get(kUser, kPassword, href);
        QVERIFY(current.ok());
        QVERIFY2(current.body.contains("DTSTART;VALUE=DATE:20260501"), current.body.constData());
        QVERIFY2(current.body.contains("DTEND;VALUE=DATE:20260503"), current.body.constData());

        // Bob declines, Dave is added as tentative, on the server.
        QByteArray changed = current.body;
        // (Radicale folds long lines: the attendee's address may be cut in two.)
        QVERIFY2(changed.contains("ATTENDEE;CN=Bob;PARTSTAT=NEEDS-ACTION"), changed.constData());
        changed.replace("ATTENDEE;CN=Bob;PARTSTAT=NEEDS-ACTION", "ATTENDEE;CN=Bob;PARTSTAT=DECLINED");
        changed.replace("END:VEVENT",
                        "ATTENDEE;CN=Dave;PARTSTAT=TENTATIVE;ROLE=REQ-PARTICIPANT:mailto:dave@contoso.com\r\n"
                        "END:VEVENT");
        QVERIFY(m_radicale->put(kUser, kPassword, href, changed, current.etag()).ok());
        // And a company holiday made on the server, all day.
        const QString calendar = collectionPath(ActKind::Appointment);
        const QByteArray holiday = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Phone//EN\r\nBEGIN:VEVENT\r\n"
                                   "UID:holiday-1\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20260525\r\n"
                                   "DTEND;VALUE=DATE:20260526\r\nSUMMARY:Company holiday\r\nEND:VEVENT\r\n"
                                   "END:VCALENDAR\r\n";
        QVERIFY(m_radicale->put(kUser, kPassword, calendar + u"holiday.ics"_s, holiday, {}, "*").ok());
        const ActResult back = sync();
        QVERIFY(!back.error);
        QCOMPARE(back.fromServer, 2);

        auto updated = act.appointment(offsite.id);
        QVERIFY(updated && updated->has_value());
        QVERIFY((*updated)->allDay);
        QCOMPARE((*updated)->end, offsite.end);
        QHash<QString, QString> responses;
        for (const Attendee &attendee : (*updated)->attendees) {
            responses.insert(attendee.email, attendee.response);
        }
        QCOMPARE(responses.value(u"bob@contoso.com"_s), u"declined"_s);
        QCOMPARE(responses.value(u"carol@fabrikam.com"_s), u"needs-action"_s);
        QCOMPARE(responses.value(u"dave@contoso.com"_s), u"tentative"_s);
        QCOMPARE(responses.size(), 3);

        auto made = act.appointmentByUid(u"holiday-1"_s);
        QVERIFY(made && made->has_value());
        QVERIFY((*made)->allDay);
        QCOMPARE((*made)->start, QDateTime(QDate(2026, 5, 25), QTime(0, 0), Qt::UTC));
        QCOMPARE((*made)->end, QDateTime(QDate(2026, 5, 26), QTime(0, 0), Qt::UTC));
        // Nothing bounces back: the CRM now agrees with the server.
        const ActResult quiet = sync();
        QVERIFY(!quiet.error);
        QCOMPARE(quiet.toServer + quiet.fromServer, 0);
    }

    // scheduler.max_run_seconds bounds a run once it has done something: it stops with what it did kept and a
    // notice, counts no failure, and the next run goes on from there; nothing is written twice.
    void timeLimitStopsAndTheNextRunContinues()
    {
        ActSettings settings;
        QVERIFY(setUpStore(settings));
        ActStore act(*m_store);
        for (int i = 0; i < 12; ++i) {
            Appointment a = appointment(u"Limited %1"_s.arg(i));
            QVERIFY(act.saveAppointment(a, QDateTime::currentDateTimeUtc()));
        }
        auto mailbox = m_store->mailbox(m_mailbox.id);
        QVERIFY(mailbox && mailbox->has_value());
        ActSync limited(*m_store, **mailbox, m_profile, 15000);
        limited.setTimeLimit(1); // past at once: it stops after its first write
        const ActResult first = limited.run();
        QVERIFY(!first.error);
        QVERIFY(first.incomplete);
        QVERIFY2(first.toServer >= 1 && first.toServer < 12, qPrintable(QString::number(first.toServer)));
        QVERIFY2(first.notices.join(u' ').contains(u"time limit"_s), qPrintable(first.notices.join(u'\n')));
        auto state = act.state(m_mailbox.id);
        QVERIFY(state);
        QCOMPARE(state->failuresInRow, 0);
        QVERIFY(!state->lastSuccessAt.isValid()); // not complete yet
        const ActResult rest = sync();
        QVERIFY(!rest.error);
        QVERIFY(!rest.incomplete);
        QCOMPARE(first.toServer + rest.toServer, 12);
        QCOMPARE(serverItems(ActKind::Appointment).size(), 12);
        QVERIFY(act.state(m_mailbox.id)->lastSuccessAt.isValid());
    }

    // A server item whose UID the CRM already has, with fields the rule decides for the CRM: the CRM's values must
    // reach the server even when the run stops (time limit) between taking the item and writing it back.
    void crmValuesReachTheServerAfterAStopBetweenReadAndWrite()
    {
        QVERIFY(setUpStore(ActSettings()));
        ActStore act(*m_store);
        Appointment shared = appointment(u"Shared meeting"_s);
        shared.uid = u"shared-1"_s;
        shared.location = u"CRM room"_s;
        QVERIFY(act.saveAppointment(shared, QDateTime::currentDateTimeUtc()));
        // The calendar exists and already holds the same meeting, with another location.
        QVERIFY(!sync().error); // discovery, and the CRM's copy written
        const auto links = act.linksOfRecord(ActKind::Appointment, shared.id);
        QVERIFY(links && links->size() == 1);
        const QString href = links->constFirst().href;
        // Start again from a CRM that knows the record but not the link: as a second mailbox would meet it.
        QVERIFY(act.removeLinks(m_mailbox.id, ActKind::Appointment));
        QVERIFY(act.setSyncToken(m_mailbox.id, ActKind::Appointment, QString()));
        auto current = m_radicale->get(kUser, kPassword, href);
        QByteArray changed = current.body;
        QVERIFY(changed.contains("LOCATION:CRM room"));
        changed.replace("LOCATION:CRM room", "LOCATION:Server room");
        QVERIFY(m_radicale->put(kUser, kPassword, href, changed, current.etag()).ok());

        auto mailbox = m_store->mailbox(m_mailbox.id);
        ActSync limited(*m_store, **mailbox, m_profile, 15000);
        limited.setTimeLimit(1); // stops right after taking the item, before writing it back
        const ActResult first = limited.run();
        QVERIFY(!first.error);
        QVERIFY(first.incomplete);
        QCOMPARE(first.toServer, 0);
        QVERIFY(m_radicale->get(kUser, kPassword, href).body.contains("LOCATION:Server room"));
        const ActResult rest = sync();
        QVERIFY(!rest.error);
        QVERIFY2(m_radicale->get(kUser, kPassword, href).body.contains("LOCATION:CRM room"),
                 m_radicale->get(kUser, kPassword, href).body.constData());
        QCOMPARE((*act.appointment(shared.id))->location, u"CRM room"_s);
    }

    // A kind that started syncing to the server only, then both ways: the server's own items it passed over are
    // taken at the next run (changed act settings start a full comparison).
    void changingADirectionTakesWhatWasPassedOver()
    {
        ActSettings settings;
        settings.tasks = ActDirection::ToServer;
        QVERIFY(setUpStore(settings));
        QVERIFY(!sync().error);
        const QByteArray phoneTask = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Phone//EN\r\nBEGIN:VTODO\r\n"
                                     "UID:passed-over\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:Call the bank\r\n"
                                     "END:VTODO\r\nEND:VCALENDAR\r\n";
        QVERIFY(
            m_radicale->put(kUser, kPassword, collectionPath(ActKind::Task) + u"bank.ics"_s, phoneTask, {}, "*").ok());
        QVERIFY(!sync().error);
        ActStore act(*m_store);
        QVERIFY(!act.taskByUid(u"passed-over"_s)->has_value());
        m_mailbox.act->tasks = ActDirection::Both;
        QVERIFY(m_store->upsertMailbox(m_mailbox));
        const ActResult both = sync();
        QVERIFY(!both.error);
        auto taken = act.taskByUid(u"passed-over"_s);
        QVERIFY(taken && taken->has_value());
        QCOMPARE((*taken)->subject, u"Call the bank"_s);
        QCOMPARE((*taken)->ownerKey, u"ana"_s);
    }

    // Cancelling (shutdown, a lease lost) aborts a request the server never answers at once, not after its time
    // limit: a server that accepts and stays silent.
    void cancelAbortsARequestInFlight()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        QList<QTcpSocket *> held;
        connect(&silent, &QTcpServer::newConnection, &silent, [&] {
            while (QTcpSocket *socket = silent.nextPendingConnection()) {
                held.append(socket); // read nothing, answer nothing
            }
        });
        ActSettings settings;
        QVERIFY(setUpStore(settings));
        ServerProfile profile = m_profile;
        profile.act = ActEndpoint{QUrl(u"http://127.0.0.1:%1/"_s.arg(silent.serverPort())), {}};
        auto cancelled = std::make_shared<std::atomic_bool>(false);
        auto config = m_store->config();
        const Mailbox mailbox = m_mailbox;
        ActResult result;
        QElapsedTimer clock;
        clock.start();
        std::unique_ptr<QThread> thread(QThread::create([&] {
            auto store = Store::open(config);
            if (!store) {
                return;
            }
            ActSync run(**store, mailbox, profile, 60000, cancelled);
            result = run.run();
        }));
        QSignalSpy finished(thread.get(), &QThread::finished);
        thread->start();
        QTRY_VERIFY_WITH_TIMEOUT(!held.isEmpty(), 10000); // the request is in flight
        *cancelled = true;
        QVERIFY(finished.wait(10000));
        QVERIFY2(clock.elapsed() < 10000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(result.error);
        QCOMPARE(result.error->errorClass, ErrorClass::Cancelled);
        QCOMPARE(ActStore(*m_store).state(m_mailbox.id)->failuresInRow, 0);
    }
};

QTEST_GUILESS_MAIN(TstActRadicale)
#include "tst_actradicale.moc"

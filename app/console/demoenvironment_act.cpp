// The demo's appointments, contacts and tasks: a private Radicale with the calendars of Ana, Ben and Carla (their
// logins are their mail logins), one event already on Ana's calendar, and the CRM's own appointments and tasks, which
// the demo's engine writes to the calendars at their first sync.
#include "act/actrecordservice.h"
#include "demoenvironment.h"
#include "logging/logger.h"
#include "radicaleserver.h"
#include "store/store.h"
#include "testconfig.h"

#include <QJsonObject>

namespace SyncDesk {

using namespace Qt::StringLiterals;
using namespace SyncDesk::Testing;

void DemoEnvironment::startCalendarServer(TestConfig &config)
{
    if (!RadicaleServer::isAvailable()) {
        Log::info(u"demo"_s, {},
                  u"radicale is not installed: the demo has no calendars (scripts/run.sh installs it)"_s);
        return;
    }
    m_radicale = std::make_unique<RadicaleServer>();
    for (const QString &user : {u"ana"_s, u"ben"_s, u"carla"_s}) {
        m_radicale->addUser(user, u"demo-"_s + user);
    }
    QString error;
    if (!m_radicale->start(&error)) {
        Log::warning(u"demo"_s, {}, u"the demo calendar server (Radicale) did not start: "_s + error);
        m_radicale.reset();
        return;
    }
    // Ana already has a calendar with a lunch on it: it becomes a CRM appointment owned by her.
    m_radicale->makeCalendar(u"ana"_s, u"demo-ana"_s, u"/ana/calendar/"_s, u"Calendar"_s, {u"VEVENT"_s});
    const QDateTime lunch = QDateTime(QDate::currentDate().addDays(2), QTime(12, 0), Qt::UTC);
    const QString stamp = QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd'T'HHmmss'Z'"_s);
    const QString event =
        u"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Demo//Ana's phone//EN\r\nBEGIN:VEVENT\r\n"
        "UID:demo-lunch@contoso.demo\r\nDTSTAMP:%1\r\nDTSTART:%2\r\nDTEND:%3\r\n"
        "SUMMARY:Lunch with Jürgen (Fabrikam)\r\nLOCATION:Café am Markt\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"_s.arg(stamp, lunch.toString(u"yyyyMMdd'T'HHmmss'Z'"_s),
                                                lunch.addSecs(5400).toString(u"yyyyMMdd'T'HHmmss'Z'"_s));
    m_radicale->put(u"ana"_s, u"demo-ana"_s, u"/ana/calendar/demo-lunch.ics"_s, event.toUtf8(), {}, "*");
    const QJsonObject act{{u"url"_s, m_radicale->url().toString()}};
    config.setProfileKey(u"Contoso IMAP (STARTTLS)"_s, u"act"_s, act);
    config.setProfileKey(u"Contoso IMAP (TLS)"_s, u"act"_s, act);
    config.setMailboxKey(
        u"ana.sales@contoso.demo"_s, u"act"_s,
        QJsonObject{{u"appointments"_s, u"both"_s}, {u"contacts"_s, u"to-server"_s}, {u"tasks"_s, u"both"_s}});
    config.setMailboxKey(u"ben.support@contoso.demo"_s, u"act"_s, true);
    config.setMailboxKey(u"carla.ceo@contoso.demo"_s, u"act"_s,
                         QJsonObject{{u"appointments"_s, u"both"_s},
                                     {u"contacts"_s, u"none"_s},
                                     {u"tasks"_s, u"none"_s},
                                     {u"conflict"_s, u"server-wins"_s}});
}

void DemoEnvironment::seedAppointmentsAndTasks(const QString &database)
{
    if (!m_radicale) {
        return;
    }
    auto store = Store::open(StoreConfig::sqlite(database));
    if (!store) {
        Log::warning(u"demo"_s, {}, store.error().toString());
        return;
    }
    const QDate today = QDate::currentDate();
    auto day = [&](int days) {
        return today.addDays(days).toString(Qt::ISODate);
    };
    int monday = 1;
    while (today.addDays(monday).dayOfWeek() != Qt::Monday) {
        ++monday;
    }
    const QList<std::pair<ActKind, QStringList>> records{
        {ActKind::Appointment,
         {u"owner=ana"_s, u"subject=Fabrikam renewal review"_s, u"time_zone=Europe/Berlin"_s,
          u"start=%1T10:00"_s.arg(day(1)), u"end=%1T11:00"_s.arg(day(1)), u"location=Teams"_s,
          u"attendees=Jürgen Weiß <j.weiss@fabrikam.example>"_s, u"regarding=opportunity:fabrikam-renewal"_s}},
        {ActKind::Appointment,
         {u"owner=ana"_s, u"subject=Weekly pipeline"_s, u"time_zone=Europe/Lisbon"_s,
          u"start=%1T09:00"_s.arg(day(monday)), u"end=%1T09:30"_s.arg(day(monday)),
          u"recurrence=FREQ=WEEKLY;BYDAY=MO;COUNT=12"_s}},
        {ActKind::Appointment,
         {u"owner=ben"_s, u"subject=Northwind: replacement delivery call"_s, u"time_zone=Europe/London"_s,
          u"start=%1T15:00"_s.arg(day(3)), u"end=%1T15:30"_s.arg(day(3)),
          u"attendees=Chloé Martin <chloe.martin@northwind.example>"_s, u"regarding=case:case-1042"_s}},
        {ActKind::Appointment,
         {u"owner=carla"_s, u"subject=Board meeting"_s, u"start=%1"_s.arg(day(7)), u"end=%1"_s.arg(day(8)),
          u"regarding=account:contoso"_s}},
        {ActKind::Task,
         {u"owner=ana"_s, u"subject=Send Fabrikam the renewal offer"_s, u"due=%1"_s.arg(day(2)), u"priority=1"_s,
          u"regarding=account:fabrikam"_s}},
        {ActKind::Task,
         {u"owner=ben"_s, u"subject=Ship the replacement for case 1042"_s, u"due=%1"_s.arg(day(1)),
          u"status=in-progress"_s, u"percent_complete=50"_s, u"regarding=case:case-1042"_s}},
    };
    ActRecordService service(**store);
    for (const auto &[kind, assignments] : records) {
        if (auto added = service.edit(kind, 0, assignments); !added) {
            Log::warning(u"demo"_s, {}, added.error().toString());
        }
    }
}

} // namespace SyncDesk

#include "actfields.h"

#include <QJsonArray>

namespace SyncDesk::ActFields {

using namespace Qt::StringLiterals;

QString timeToText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

QDateTime timeFromText(const QString &text)
{
    if (text.isEmpty()) {
        return {};
    }
    QDateTime time = QDateTime::fromString(text, Qt::ISODate);
    return time.isValid() ? time.toUTC() : QDateTime();
}

namespace {

QString regardingText(const RecordRef &ref)
{
    return ref.isValid() ? ref.type + u':' + ref.id : QString();
}

RecordRef regardingFrom(const QString &text)
{
    const qsizetype colon = text.indexOf(u':');
    if (colon <= 0) {
        return {};
    }
    return {text.left(colon), text.mid(colon + 1)};
}

QJsonArray timesToJson(const QList<QDateTime> &times)
{
    QJsonArray array;
    for (const QDateTime &time : times) {
        array.append(timeToText(time));
    }
    return array;
}

QList<QDateTime> timesFromJson(const QJsonValue &value)
{
    QList<QDateTime> times;
    for (const QJsonValue &item : value.toArray()) {
        if (QDateTime time = timeFromText(item.toString()); time.isValid()) {
            times.append(time);
        }
    }
    return times;
}

QJsonArray stringsToJson(const QStringList &strings)
{
    return QJsonArray::fromStringList(strings);
}

QStringList stringsFromJson(const QJsonValue &value)
{
    QStringList strings;
    for (const QJsonValue &item : value.toArray()) {
        strings.append(item.toString());
    }
    return strings;
}

QJsonObject addressToJson(const PostalAddress &address)
{
    return {{u"street"_s, address.street},
            {u"city"_s, address.city},
            {u"region"_s, address.region},
            {u"postal_code"_s, address.postalCode},
            {u"country"_s, address.country}};
}

PostalAddress addressFromJson(const QJsonObject &object)
{
    return {object.value(u"street"_s).toString(), object.value(u"city"_s).toString(),
            object.value(u"region"_s).toString(), object.value(u"postal_code"_s).toString(),
            object.value(u"country"_s).toString()};
}

QJsonArray phonesToJson(const QList<ContactPhone> &phones)
{
    QJsonArray array;
    for (const ContactPhone &phone : phones) {
        array.append(QJsonObject{{u"type"_s, phone.type}, {u"number"_s, phone.number}});
    }
    return array;
}

QList<ContactPhone> phonesFromJson(const QJsonValue &value)
{
    QList<ContactPhone> phones;
    for (const QJsonValue &item : value.toArray()) {
        phones.append({item[u"type"_s].toString(), item[u"number"_s].toString()});
    }
    return phones;
}

} // namespace

QJsonObject fromAppointment(const Appointment &a)
{
    QJsonArray attendees;
    for (const Attendee &attendee : a.attendees) {
        attendees.append(QJsonObject{{u"email"_s, attendee.email},
                                     {u"name"_s, attendee.name},
                                     {u"response"_s, attendee.response},
                                     {u"role"_s, attendee.role}});
    }
    QJsonArray exceptions;
    for (const AppointmentOccurrence &o : a.exceptions) {
        exceptions.append(QJsonObject{{u"recurrence_id"_s, timeToText(o.recurrenceId)},
                                      {u"cancelled"_s, o.cancelled},
                                      {u"start"_s, timeToText(o.start)},
                                      {u"end"_s, timeToText(o.end)},
                                      {u"subject"_s, o.subject},
                                      {u"location"_s, o.location}});
    }
    return {{u"subject"_s, a.subject},       {u"start"_s, timeToText(a.start)},
            {u"end"_s, timeToText(a.end)},   {u"all_day"_s, a.allDay},
            {u"time_zone"_s, a.timeZone},    {u"location"_s, a.location},
            {u"organizer"_s, a.organizer},   {u"organizer_name"_s, a.organizerName},
            {u"attendees"_s, attendees},     {u"description"_s, a.description},
            {u"recurrence"_s, a.recurrence}, {u"excluded_dates"_s, timesToJson(a.excludedDates)},
            {u"exceptions"_s, exceptions},   {u"regarding"_s, regardingText(a.regarding)}};
}

void toAppointment(const QJsonObject &f, Appointment &a)
{
    a.subject = f.value(u"subject"_s).toString();
    a.start = timeFromText(f.value(u"start"_s).toString());
    a.end = timeFromText(f.value(u"end"_s).toString());
    a.allDay = f.value(u"all_day"_s).toBool();
    a.timeZone = f.value(u"time_zone"_s).toString();
    a.location = f.value(u"location"_s).toString();
    a.organizer = f.value(u"organizer"_s).toString();
    a.organizerName = f.value(u"organizer_name"_s).toString();
    a.attendees.clear();
    for (const QJsonValue &item : f.value(u"attendees"_s).toArray()) {
        a.attendees.append({item[u"email"_s].toString(), item[u"name"_s].toString(), item[u"response"_s].toString(),
                            item[u"role"_s].toString()});
    }
    a.description = f.value(u"description"_s).toString();
    a.recurrence = f.value(u"recurrence"_s).toString();
    a.excludedDates = timesFromJson(f.value(u"excluded_dates"_s));
    a.exceptions.clear();
    for (const QJsonValue &item : f.value(u"exceptions"_s).toArray()) {
        a.exceptions.append({timeFromText(item[u"recurrence_id"_s].toString()), item[u"cancelled"_s].toBool(),
                             timeFromText(item[u"start"_s].toString()), timeFromText(item[u"end"_s].toString()),
                             item[u"subject"_s].toString(), item[u"location"_s].toString()});
    }
    a.regarding = regardingFrom(f.value(u"regarding"_s).toString());
}

QJsonObject fromTask(const CrmTask &t)
{
    return {{u"subject"_s, t.subject},
            {u"start"_s, timeToText(t.start)},
            {u"due"_s, timeToText(t.due)},
            {u"all_day"_s, t.allDay},
            {u"time_zone"_s, t.timeZone},
            {u"status"_s, t.status},
            {u"percent_complete"_s, t.percentComplete},
            {u"priority"_s, t.priority},
            {u"description"_s, t.description},
            {u"regarding"_s, regardingText(t.regarding)}};
}

void toTask(const QJsonObject &f, CrmTask &t)
{
    t.subject = f.value(u"subject"_s).toString();
    t.start = timeFromText(f.value(u"start"_s).toString());
    t.due = timeFromText(f.value(u"due"_s).toString());
    t.allDay = f.value(u"all_day"_s).toBool();
    t.timeZone = f.value(u"time_zone"_s).toString();
    t.status = f.value(u"status"_s).toString(u"not-started"_s);
    t.percentComplete = f.value(u"percent_complete"_s).toInt();
    t.priority = f.value(u"priority"_s).toInt();
    t.description = f.value(u"description"_s).toString();
    t.regarding = regardingFrom(f.value(u"regarding"_s).toString());
}

QJsonObject fromContact(const ContactCard &c)
{
    return {{u"formatted_name"_s, c.formattedName},
            {u"given_name"_s, c.givenName},
            {u"family_name"_s, c.familyName},
            {u"emails"_s, stringsToJson(c.emails)},
            {u"phones"_s, phonesToJson(c.phones)},
            {u"company"_s, c.company},
            {u"job_title"_s, c.jobTitle},
            {u"address"_s, addressToJson(c.address)},
            {u"note"_s, c.note}};
}

void toContact(const QJsonObject &f, ContactCard &c)
{
    c.formattedName = f.value(u"formatted_name"_s).toString();
    c.givenName = f.value(u"given_name"_s).toString();
    c.familyName = f.value(u"family_name"_s).toString();
    c.emails = stringsFromJson(f.value(u"emails"_s));
    c.phones = phonesFromJson(f.value(u"phones"_s));
    c.company = f.value(u"company"_s).toString();
    c.jobTitle = f.value(u"job_title"_s).toString();
    c.address = addressFromJson(f.value(u"address"_s).toObject());
    c.note = f.value(u"note"_s).toString();
}

ContactCard contactFromRecord(const CrmRecord &record, const QString &companyName)
{
    ContactCard card;
    toContact(record.extra.value(u"card"_s).toObject(), card);
    card.uid = record.extra.value(u"uid"_s).toString();
    if (card.uid.isEmpty()) {
        card.uid = u"syncdesk-contact-"_s + record.key;
    }
    card.formattedName = record.name;
    if (!record.email.isEmpty() && !card.emails.contains(record.email)) {
        card.emails.prepend(record.email);
    }
    if (!companyName.isEmpty()) {
        card.company = companyName;
    }
    return card;
}

void contactToRecord(const ContactCard &card, CrmRecord &record)
{
    record.type = u"contact"_s;
    record.name = card.formattedName;
    record.email = card.emails.value(0).toLower();
    record.extra.insert(u"uid"_s, card.uid);
    QJsonObject fields = fromContact(card);
    fields.remove(u"formatted_name"_s);
    record.extra.insert(u"card"_s, fields);
}

const QStringList &names(ActKind kind)
{
    static const QStringList appointment{u"subject"_s,    u"start"_s,       u"end"_s,        u"all_day"_s,
                                         u"time_zone"_s,  u"location"_s,    u"organizer"_s,  u"organizer_name"_s,
                                         u"attendees"_s,  u"description"_s, u"recurrence"_s, u"excluded_dates"_s,
                                         u"exceptions"_s, u"regarding"_s};
    static const QStringList task{u"subject"_s, u"start"_s,    u"due"_s,         u"all_day"_s,          u"time_zone"_s,
                                  u"status"_s,  u"priority"_s, u"description"_s, u"percent_complete"_s, u"regarding"_s};
    static const QStringList contact{u"formatted_name"_s, u"given_name"_s, u"family_name"_s, u"emails"_s, u"phones"_s,
                                     u"company"_s,        u"job_title"_s,  u"address"_s,     u"note"_s};
    switch (kind) {
    case ActKind::Appointment:
        return appointment;
    case ActKind::Task:
        return task;
    case ActKind::Contact:
        break;
    }
    return contact;
}

const QStringList &withholdableFields()
{
    static const QStringList fields{u"description"_s, u"location"_s, u"attendees"_s,
                                    u"phones"_s,      u"address"_s,  u"note"_s};
    return fields;
}

bool isWithholdable(ActKind kind, const QString &field)
{
    return withholdableFields().contains(field) && names(kind).contains(field);
}

} // namespace SyncDesk::ActFields

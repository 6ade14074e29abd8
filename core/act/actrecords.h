#pragma once

#include "model/recordref.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace SyncDesk {

// The records of the ACT direction (appointments, contacts and tasks), as the CRM store keeps them and as
// the codecs (iCalendar through libical, vCard) read and write them. Times are instants (QDateTime in
// UTC); timeZone names the IANA zone they were given in, so that a weekly 09:00 meeting stays at 09:00
// across a daylight-saving change. An all-day appointment or task keeps dates: start and end at 00:00 UTC
// of the day, the end exclusive as in RFC 5545.

enum class ActKind { Appointment, Task, Contact };
QString actKindName(ActKind kind); // "appointment", "task", "contact"
std::optional<ActKind> actKindFromName(const QString &name);

struct Attendee
{
    QString email; // lower case
    QString name;
    QString response = QStringLiteral("needs-action"); // needs-action, accepted, declined, tentative, delegated
    QString role = QStringLiteral("required");         // required, optional, chair, non-participant

    friend bool operator==(const Attendee &, const Attendee &) = default;
};

// One occurrence of a recurring appointment that differs from its rule (an iCalendar RECURRENCE-ID
// component): moved, changed, or cancelled (STATUS:CANCELLED). An occurrence removed without a trace is an
// excluded date of the appointment instead.
struct AppointmentOccurrence
{
    QDateTime recurrenceId; // the start the rule gives the occurrence (UTC)
    bool cancelled = false;
    QDateTime start;
    QDateTime end;
    QString subject;
    QString location;

    friend bool operator==(const AppointmentOccurrence &, const AppointmentOccurrence &) = default;
};

struct Appointment
{
    qint64 id = 0;
    QString uid; // the iCalendar UID both sides share
    QString subject;
    QDateTime start;
    QDateTime end;
    bool allDay = false;
    QString timeZone; // IANA id; empty: UTC
    QString location;
    QString organizer; // email address, lower case
    QString organizerName;
    QList<Attendee> attendees;
    QString description;
    QString recurrence;                      // an RRULE value ("FREQ=WEEKLY;BYDAY=MO;COUNT=10"); empty: once
    QList<QDateTime> excludedDates;          // EXDATE: occurrences removed from the rule (UTC starts)
    QList<AppointmentOccurrence> exceptions; // RECURRENCE-ID overrides, ordered by recurrenceId
    RecordRef regarding;
    QString ownerKey;     // the system user owning it in the CRM
    QString businessUnit; // the owner's business unit (record-level security)
    QDateTime createdAt;
    QDateTime modifiedAt;

    friend bool operator==(const Appointment &, const Appointment &) = default;
};

struct CrmTask
{
    qint64 id = 0;
    QString uid;
    QString subject;
    QDateTime start;     // optional (invalid: none)
    QDateTime due;       // optional
    bool allDay = false; // start and due are dates
    QString timeZone;
    QString status = QStringLiteral("not-started"); // not-started, in-progress, completed, cancelled
    int percentComplete = 0;                        // 0..100
    int priority = 0;                               // iCalendar: 0 undefined, 1 highest .. 9 lowest
    QString description;
    RecordRef regarding;
    QString ownerKey;
    QString businessUnit;
    QDateTime createdAt;
    QDateTime modifiedAt;

    friend bool operator==(const CrmTask &, const CrmTask &) = default;
};

struct ContactPhone
{
    QString type; // work, home, mobile, fax, other
    QString number;

    friend bool operator==(const ContactPhone &, const ContactPhone &) = default;
};

struct PostalAddress
{
    QString street;
    QString city;
    QString region;
    QString postalCode;
    QString country;

    bool isEmpty() const
    {
        return street.isEmpty() && city.isEmpty() && region.isEmpty() && postalCode.isEmpty() && country.isEmpty();
    }
    friend bool operator==(const PostalAddress &, const PostalAddress &) = default;
};

// A contact as a vCard carries it. In the CRM it is a contact record (crm_records, type "contact"): its name,
// email and parent account (the company) are columns, the rest is in its extra object.
struct ContactCard
{
    QString uid;
    QString formattedName; // FN
    QString givenName;     // N
    QString familyName;
    QStringList emails; // lower case, the preferred first
    QList<ContactPhone> phones;
    QString company;       // ORG
    QString jobTitle;      // TITLE
    PostalAddress address; // the first ADR
    QString note;

    friend bool operator==(const ContactCard &, const ContactCard &) = default;
};

} // namespace SyncDesk

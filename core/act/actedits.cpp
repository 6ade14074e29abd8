#include "actedits.h"

#include "actfields.h"
#include "model/emailaddress.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTimeZone>

namespace SyncDesk::ActEdits {

using namespace Qt::StringLiterals;

namespace {

SyncError refused(const QString &field, const QString &message)
{
    return SyncError::make(ErrorClass::Config, u"config-invalid"_s, u"%1: %2"_s.arg(field, message));
}

// A time as typed, in the zone given (IANA id; empty: UTC). allDay: a date alone.
std::optional<QDateTime> parseTime(const QString &text, const QString &zone, bool *dateOnly)
{
    const QString value = text.trimmed();
    *dateOnly = false;
    if (QDate date = QDate::fromString(value, Qt::ISODate); date.isValid() && value.size() == 10) {
        *dateOnly = true;
        return QDateTime(date, QTime(0, 0), Qt::UTC);
    }
    static const QRegularExpression withZone(u"(Z|[+-]\\d\\d:?\\d\\d)$"_s);
    if (withZone.match(value).hasMatch()) {
        QDateTime time = QDateTime::fromString(value, Qt::ISODate);
        return time.isValid() ? std::optional(time.toUTC()) : std::nullopt;
    }
    QDateTime local = QDateTime::fromString(value, Qt::ISODate);
    if (!local.isValid()) {
        return std::nullopt;
    }
    if (zone.isEmpty()) {
        return QDateTime(local.date(), local.time(), Qt::UTC);
    }
    return QDateTime(local.date(), local.time(), QTimeZone(zone.toUtf8())).toUTC();
}

} // namespace

QStringList editableFields(ActKind kind)
{
    switch (kind) {
    case ActKind::Appointment:
        return {u"subject"_s,   u"start"_s,          u"end"_s,       u"all_day"_s,     u"time_zone"_s,  u"location"_s,
                u"organizer"_s, u"organizer_name"_s, u"attendees"_s, u"description"_s, u"recurrence"_s, u"regarding"_s,
                u"owner"_s};
    case ActKind::Task:
        return {u"subject"_s,          u"start"_s,    u"due"_s,         u"all_day"_s,   u"time_zone"_s, u"status"_s,
                u"percent_complete"_s, u"priority"_s, u"description"_s, u"regarding"_s, u"owner"_s};
    case ActKind::Contact:
        break;
    }
    return {};
}

Result<QJsonObject> apply(ActKind kind, QJsonObject fields, const QStringList &assignments, QString *owner)
{
    const QStringList allowed = editableFields(kind);
    QList<std::pair<QString, QString>> pairs;
    for (const QString &assignment : assignments) {
        const qsizetype equals = assignment.indexOf(u'=');
        const QString field = equals > 0 ? assignment.left(equals).trimmed() : QString();
        if (field.isEmpty()) {
            return refused(assignment, QCoreApplication::translate("ActEdits", "expected FIELD=VALUE"));
        }
        if (!allowed.contains(field)) {
            return refused(field, QCoreApplication::translate("ActEdits", "unknown field; expected one of: %1")
                                      .arg(allowed.join(u", "_s)));
        }
        pairs.append({field, assignment.mid(equals + 1)});
    }
    // The zone first: the times typed after it are in it.
    std::stable_sort(pairs.begin(), pairs.end(), [](const auto &a, const auto &b) {
        return (a.first == u"time_zone"_s || a.first == u"all_day"_s) &&
               !(b.first == u"time_zone"_s || b.first == u"all_day"_s);
    });
    for (const auto &[field, value] : std::as_const(pairs)) {
        if (field == u"owner"_s) {
            if (value.trimmed().isEmpty()) {
                return refused(field, QCoreApplication::translate("ActEdits", "expected the key of a system user"));
            }
            if (owner) {
                *owner = value.trimmed().section(u':', -1);
            }
        } else if (field == u"time_zone"_s) {
            if (!value.isEmpty() && !QTimeZone(value.toUtf8()).isValid()) {
                return refused(field, QCoreApplication::translate(
                                          "ActEdits", "expected an IANA time zone such as Europe/Berlin, got %1")
                                          .arg(value));
            }
            fields.insert(field, value);
        } else if (field == u"all_day"_s) {
            const QString v = value.trimmed().toLower();
            if (v != u"true"_s && v != u"false"_s && v != u"yes"_s && v != u"no"_s) {
                return refused(field,
                               QCoreApplication::translate("ActEdits", "expected true or false, got %1").arg(value));
            }
            fields.insert(field, v == u"true"_s || v == u"yes"_s);
        } else if (field == u"start"_s || field == u"end"_s || field == u"due"_s) {
            if (value.isEmpty() && field != u"end"_s && !(kind == ActKind::Appointment && field == u"start"_s)) {
                fields.insert(field, QString());
                continue;
            }
            bool dateOnly = false;
            const auto time = parseTime(value, fields.value(u"time_zone"_s).toString(), &dateOnly);
            if (!time) {
                return refused(field, QCoreApplication::translate(
                                          "ActEdits", "expected a time such as 2026-03-10T09:00 (in the time zone), "
                                                      "2026-03-10T09:00Z, or a date such as 2026-03-10, got %1")
                                          .arg(value));
            }
            if (dateOnly) {
                fields.insert(u"all_day"_s, true);
            }
            fields.insert(field, ActFields::timeToText(*time));
        } else if (field == u"attendees"_s) {
            QJsonArray attendees;
            for (const EmailAddress &address : parseAddressList({value})) {
                attendees.append(QJsonObject{{u"email"_s, address.address},
                                             {u"name"_s, address.name},
                                             {u"response"_s, u"needs-action"_s},
                                             {u"role"_s, u"required"_s}});
            }
            if (attendees.isEmpty() && !value.trimmed().isEmpty()) {
                return refused(
                    field, QCoreApplication::translate(
                               "ActEdits", "expected addresses such as bob@contoso.com, Carol <carol@fabrikam.com>"));
            }
            fields.insert(field, attendees);
        } else if (field == u"organizer"_s) {
            const auto addresses = parseAddressList({value});
            if (!value.trimmed().isEmpty() && addresses.size() != 1) {
                return refused(field,
                               QCoreApplication::translate("ActEdits", "expected one address, got %1").arg(value));
            }
            fields.insert(field, addresses.isEmpty() ? QString() : addresses.constFirst().address);
        } else if (field == u"regarding"_s) {
            static const QRegularExpression reference(u"^[a-z]+:\\S+$"_s);
            if (!value.isEmpty() && !reference.match(value).hasMatch()) {
                return refused(
                    field, QCoreApplication::translate("ActEdits", "expected TYPE:ID such as account:contoso, got %1")
                               .arg(value));
            }
            fields.insert(field, value);
        } else if (field == u"recurrence"_s) {
            static const QRegularExpression rule(u"^FREQ=(SECONDLY|MINUTELY|HOURLY|DAILY|WEEKLY|MONTHLY|YEARLY)"
                                                 "(;[A-Z]+=[A-Z0-9,+\\-:T]+)*$"_s);
            if (!value.isEmpty() && !rule.match(value.toUpper()).hasMatch()) {
                return refused(
                    field, QCoreApplication::translate(
                               "ActEdits", "expected an iCalendar rule such as FREQ=WEEKLY;BYDAY=MO;COUNT=10, got %1")
                               .arg(value));
            }
            fields.insert(field, value.toUpper());
        } else if (field == u"status"_s) {
            static const QStringList statuses{u"not-started"_s, u"in-progress"_s, u"completed"_s, u"cancelled"_s};
            if (!statuses.contains(value)) {
                return refused(field, QCoreApplication::translate("ActEdits", "expected one of %1, got %2")
                                          .arg(statuses.join(u", "_s), value));
            }
            fields.insert(field, value);
            if (value == u"completed"_s) {
                fields.insert(u"percent_complete"_s, 100);
            }
        } else if (field == u"percent_complete"_s || field == u"priority"_s) {
            bool ok = false;
            const int number = value.trimmed().toInt(&ok);
            const int maximum = field == u"priority"_s ? 9 : 100;
            if (!ok || number < 0 || number > maximum) {
                return refused(field,
                               QCoreApplication::translate("ActEdits", "expected a whole number from 0 to %1, got %2")
                                   .arg(maximum)
                                   .arg(value));
            }
            fields.insert(field, number);
        } else {
            if (field == u"subject"_s && value.trimmed().isEmpty()) {
                return refused(field, QCoreApplication::translate("ActEdits", "a subject cannot be empty"));
            }
            fields.insert(field, value);
        }
    }
    if (kind == ActKind::Appointment) {
        const QDateTime start = ActFields::timeFromText(fields.value(u"start"_s).toString());
        const QDateTime end = ActFields::timeFromText(fields.value(u"end"_s).toString());
        if (start.isValid() && end.isValid() && end <= start) {
            return refused(u"end"_s, QCoreApplication::translate("ActEdits", "the end must be after the start"));
        }
    }
    return fields;
}

} // namespace SyncDesk::ActEdits

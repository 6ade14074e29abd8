#pragma once

#include "actrecords.h"
#include "model/crmrecord.h"

#include <QJsonObject>
#include <QStringList>

namespace SyncDesk::ActFields {

// The fields of a record that sync, as one flat JSON object: what a link's base holds, what the merge compares
// field by field, and what `appointments show --json` prints. Times are ISO 8601 in UTC ("2026-03-02T08:00:00Z"),
// lists are arrays. Values are normalised (empty strings and lists are present, not left out), so that two
// objects are equal exactly when the records agree.

QJsonObject fromAppointment(const Appointment &appointment);
void toAppointment(const QJsonObject &fields, Appointment &appointment);
QJsonObject fromTask(const CrmTask &task);
void toTask(const QJsonObject &fields, CrmTask &task);
QJsonObject fromContact(const ContactCard &card);
void toContact(const QJsonObject &fields, ContactCard &card);

// A CRM contact record as a card and back (name, email and company are columns; the rest is in extra).
ContactCard contactFromRecord(const CrmRecord &record, const QString &companyName);
void contactToRecord(const ContactCard &card, CrmRecord &record);

// The names of the fields of a kind, in the order they are shown.
const QStringList &names(ActKind kind);
// Fields a field security profile may withhold, per kind: "description" (appointments and tasks), "location" and
// "attendees" (appointments), "phones", "address" and "note" (contacts).
bool isWithholdable(ActKind kind, const QString &field);
const QStringList &withholdableFields();

QString timeToText(const QDateTime &time); // "" for an invalid time
QDateTime timeFromText(const QString &text);

} // namespace SyncDesk::ActFields

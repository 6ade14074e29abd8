#include "actitems.h"

#include "actfields.h"
#include "icalcodec.h"
#include "store/crmstore.h"
#include "store/store.h"
#include "tracking/securitycontext.h"
#include "vcard.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace SyncDesk {

using namespace Qt::StringLiterals;

ActItems::ActItems(Store &store, ActKind kind, const Mailbox &mailbox, const SecurityContext &security)
    : m_store(store)
    , m_act(store)
    , m_kind(kind)
    , m_mailbox(mailbox)
    , m_security(security)
{
    for (const QString &field : ActFields::names(kind)) {
        if (!(ActFields::isWithholdable(kind, field) && security.withheldFields().contains(field))) {
            m_fields.append(field);
        }
    }
}

QByteArray ActItems::contentType() const
{
    return m_kind == ActKind::Contact ? "text/vcard; charset=utf-8" : "text/calendar; charset=utf-8";
}

QString ActItems::extension() const
{
    return m_kind == ActKind::Contact ? u".vcf"_s : u".ics"_s;
}

bool ActItems::eligible(const QString &ownerKey, const QString &businessUnit, const QJsonObject &fields,
                        const QString &type) const
{
    const bool owned = !m_mailbox.ownerKey.isEmpty() && ownerKey == m_mailbox.ownerKey;
    CrmRecord probe;
    probe.type = type;
    probe.ownerKey = ownerKey;
    probe.businessUnit = businessUnit;
    // A user always reads what they own; anything else needs a role that reaches it.
    const bool readable = owned || m_security.canRead(probe);
    if (!readable) {
        return false;
    }
    switch (m_kind) {
    case ActKind::Contact:
        return true;
    case ActKind::Task:
        return owned;
    case ActKind::Appointment:
        break;
    }
    if (owned || fields.value(u"organizer"_s).toString() == m_mailbox.address) {
        return true;
    }
    const QJsonArray attendees = fields.value(u"attendees"_s).toArray();
    return std::any_of(attendees.begin(), attendees.end(), [&](const QJsonValue &attendee) {
        return attendee[u"email"_s].toString() == m_mailbox.address;
    });
}

Result<QHash<qint64, ActItems::CrmItem>> ActItems::load()
{
    QHash<qint64, CrmItem> items;
    if (m_kind == ActKind::Contact) {
        auto contacts = m_act.contacts();
        if (!contacts) {
            return contacts.error();
        }
        CrmStore crm(m_store);
        auto accounts = crm.records(u"account"_s);
        if (!accounts) {
            return accounts.error();
        }
        QHash<QString, QString> accountNames;
        for (const CrmRecord &account : std::as_const(*accounts)) {
            accountNames.insert(account.key, account.name);
        }
        for (const CrmRecord &record : std::as_const(*contacts)) {
            const ContactCard card = ActFields::contactFromRecord(
                record, record.parentType == u"account"_s ? accountNames.value(record.parentKey) : QString());
            const QJsonObject fields = ActFields::fromContact(card);
            items.insert(record.id, {record.id, card.uid, card.formattedName, fields,
                                     eligible(record.ownerKey, record.businessUnit, fields, u"contact"_s)});
        }
        return items;
    }
    ActStore::Filter all;
    all.limit = 1000000;
    if (m_kind == ActKind::Appointment) {
        auto appointments = m_act.appointments(all);
        if (!appointments) {
            return appointments.error();
        }
        for (const Appointment &a : std::as_const(*appointments)) {
            const QJsonObject fields = ActFields::fromAppointment(a);
            items.insert(
                a.id, {a.id, a.uid, a.subject, fields, eligible(a.ownerKey, a.businessUnit, fields, u"appointment"_s)});
        }
        return items;
    }
    auto tasks = m_act.tasks(all);
    if (!tasks) {
        return tasks.error();
    }
    for (const CrmTask &t : std::as_const(*tasks)) {
        const QJsonObject fields = ActFields::fromTask(t);
        items.insert(t.id, {t.id, t.uid, t.subject, fields, eligible(t.ownerKey, t.businessUnit, fields, u"task"_s)});
    }
    return items;
}

Result<ActItems::ServerItem> ActItems::parse(const QByteArray &data) const
{
    if (m_kind == ActKind::Contact) {
        auto card = VCard::parse(data);
        if (!card) {
            return card.error();
        }
        return ServerItem{card->uid, card->formattedName, ActFields::fromContact(*card)};
    }
    auto object = ICalCodec::parse(data);
    if (!object) {
        return object.error();
    }
    if (object->kind != m_kind) {
        return SyncError::make(ErrorClass::Parse, u"dav-bad-data"_s,
                               QCoreApplication::translate("ActItems", "a %1 where a %2 was expected")
                                   .arg(actKindName(object->kind), actKindName(m_kind)));
    }
    if (m_kind == ActKind::Appointment) {
        return ServerItem{object->appointment.uid, object->appointment.subject,
                          ActFields::fromAppointment(object->appointment)};
    }
    return ServerItem{object->task.uid, object->task.subject, ActFields::fromTask(object->task)};
}

namespace {

// The fields to write: the CRM's synced fields over the previous server text's (so withheld ones stay as the
// server has them), or over empty values for a new item.
QJsonObject overlay(const QJsonObject &under, const QJsonObject &over)
{
    QJsonObject result = under;
    for (auto it = over.begin(); it != over.end(); ++it) {
        result.insert(it.key(), it.value());
    }
    return result;
}

} // namespace

Result<QByteArray> ActItems::render(qint64 recordId, const QString &uid, const QJsonObject &fields,
                                    const QByteArray &previous)
{
    QJsonObject under;
    if (!previous.isEmpty()) {
        auto before = parse(previous);
        if (before) {
            under = before->fields;
        } else if (before.error().errorClass != ErrorClass::Parse) {
            // Not the text's fault (the iCalendar module missing): writing over empty values would replace what
            // the server holds in the fields the CRM withholds.
            return before.error();
        }
    }
    const QJsonObject all = overlay(under, fields);
    switch (m_kind) {
    case ActKind::Appointment: {
        Appointment a;
        ActFields::toAppointment(all, a);
        a.uid = uid;
        a.id = recordId;
        return ICalCodec::write(a, previous);
    }
    case ActKind::Task: {
        CrmTask t;
        ActFields::toTask(all, t);
        t.uid = uid;
        t.id = recordId;
        return ICalCodec::write(t, previous);
    }
    case ActKind::Contact:
        break;
    }
    ContactCard card;
    ActFields::toContact(all, card);
    card.uid = uid;
    return VCard::write(card, previous);
}

Result<qint64> ActItems::apply(qint64 recordId, const QString &uid, const QJsonObject &fields)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (m_ownerBusinessUnit.isEmpty() && !m_mailbox.ownerKey.isEmpty()) {
        CrmStore crm(m_store);
        auto owner =
            crm.record(m_mailbox.ownerType.isEmpty() ? u"systemuser"_s : m_mailbox.ownerType, m_mailbox.ownerKey);
        if (owner && owner->has_value()) {
            m_ownerBusinessUnit = (*owner)->businessUnit;
        }
    }
    switch (m_kind) {
    case ActKind::Appointment: {
        Appointment a;
        if (recordId) {
            auto existing = m_act.appointment(recordId);
            if (!existing) {
                return existing.error();
            }
            if (existing->has_value()) {
                a = **existing;
            }
        }
        if (!a.id) {
            a.uid = uid;
            a.ownerKey = m_mailbox.ownerKey;
            a.businessUnit = m_ownerBusinessUnit;
        }
        ActFields::toAppointment(overlay(ActFields::fromAppointment(a), fields), a);
        if (Status saved = m_act.saveAppointment(a, now); !saved) {
            return saved.error();
        }
        return a.id;
    }
    case ActKind::Task: {
        CrmTask t;
        if (recordId) {
            auto existing = m_act.task(recordId);
            if (!existing) {
                return existing.error();
            }
            if (existing->has_value()) {
                t = **existing;
            }
        }
        if (!t.id) {
            t.uid = uid;
            t.ownerKey = m_mailbox.ownerKey;
            t.businessUnit = m_ownerBusinessUnit;
        }
        ActFields::toTask(overlay(ActFields::fromTask(t), fields), t);
        if (Status saved = m_act.saveTask(t, now); !saved) {
            return saved.error();
        }
        return t.id;
    }
    case ActKind::Contact:
        break;
    }
    CrmRecord record;
    if (recordId) {
        auto existing = m_act.contact(recordId);
        if (!existing) {
            return existing.error();
        }
        if (existing->has_value()) {
            record = **existing;
        }
    }
    if (!record.id) {
        record.key = uid;
        record.ownerKey = m_mailbox.ownerKey;
        record.businessUnit = m_ownerBusinessUnit;
    }
    ContactCard card = ActFields::contactFromRecord(record, QString());
    ActFields::toContact(overlay(ActFields::fromContact(card), fields), card);
    card.uid = uid;
    ActFields::contactToRecord(card, record);
    return m_act.saveContact(record, now);
}

Result<bool> ActItems::remove(qint64 recordId)
{
    return m_kind == ActKind::Contact ? m_act.removeContact(recordId) : m_act.removeRecord(m_kind, recordId);
}

Result<qint64> ActItems::findByUid(const QString &uid)
{
    switch (m_kind) {
    case ActKind::Appointment: {
        auto found = m_act.appointmentByUid(uid);
        if (!found) {
            return found.error();
        }
        return found->has_value() ? (*found)->id : qint64(0);
    }
    case ActKind::Task: {
        auto found = m_act.taskByUid(uid);
        if (!found) {
            return found.error();
        }
        return found->has_value() ? (*found)->id : qint64(0);
    }
    case ActKind::Contact:
        break;
    }
    auto found = m_act.contactByUid(uid);
    if (!found) {
        return found.error();
    }
    return found->has_value() ? (*found)->id : qint64(0);
}

} // namespace SyncDesk

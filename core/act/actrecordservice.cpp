#include "actrecordservice.h"

#include "actedits.h"
#include "actfields.h"
#include "store/crmstore.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QSet>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

SyncError refused(const QString &message)
{
    return SyncError::make(ErrorClass::Config, u"config-invalid"_s, message);
}

ActRecordView fromAppointment(const Appointment &a)
{
    return {ActKind::Appointment, a.id,        a.uid,        a.ownerKey,
            a.businessUnit,       a.createdAt, a.modifiedAt, ActFields::fromAppointment(a)};
}

ActRecordView fromTask(const CrmTask &t)
{
    return {ActKind::Task, t.id, t.uid, t.ownerKey, t.businessUnit, t.createdAt, t.modifiedAt, ActFields::fromTask(t)};
}

} // namespace

QJsonObject ActRecordView::toJson() const
{
    QJsonObject json{{u"id"_s, id},
                     {u"uid"_s, uid},
                     {u"owner"_s, ownerKey},
                     {u"business_unit"_s, businessUnit},
                     {u"created_at"_s, ActFields::timeToText(createdAt)},
                     {u"modified_at"_s, ActFields::timeToText(modifiedAt)}};
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        json.insert(it.key(), it.value());
    }
    return json;
}

ActRecordService::ActRecordService(Store &store)
    : m_store(store)
{}

Result<std::optional<ActRecordView>> ActRecordService::record(ActKind kind, qint64 id)
{
    ActStore act(m_store);
    if (kind == ActKind::Appointment) {
        auto found = act.appointment(id);
        if (!found) {
            return found.error();
        }
        return found->has_value() ? std::optional(fromAppointment(**found)) : std::nullopt;
    }
    auto found = act.task(id);
    if (!found) {
        return found.error();
    }
    return found->has_value() ? std::optional(fromTask(**found)) : std::nullopt;
}

Result<ActRecordViewList> ActRecordService::records(ActKind kind, const ActStore::Filter &filter)
{
    ActStore act(m_store);
    ActRecordViewList list;
    if (kind == ActKind::Appointment) {
        auto all = act.appointments(filter);
        if (!all) {
            return all.error();
        }
        for (const Appointment &a : std::as_const(*all)) {
            list.append(fromAppointment(a));
        }
    } else {
        auto all = act.tasks(filter);
        if (!all) {
            return all.error();
        }
        for (const CrmTask &t : std::as_const(*all)) {
            list.append(fromTask(t));
        }
    }
    return list;
}

Result<ActRecordService::Changed> ActRecordService::edit(ActKind kind, qint64 id, const QStringList &assignments)
{
    if (kind == ActKind::Contact) {
        return refused(tr("contacts are CRM records: change them with crm import"));
    }
    ActRecordView record;
    record.kind = kind;
    if (id != 0) {
        auto found = this->record(kind, id);
        if (!found) {
            return found.error();
        }
        if (!found->has_value()) {
            return refused(tr("no %1 with id %2").arg(actKindName(kind)).arg(id));
        }
        record = **found;
    } else {
        record.fields =
            kind == ActKind::Appointment ? ActFields::fromAppointment(Appointment()) : ActFields::fromTask(CrmTask());
    }
    QString owner;
    auto edited = ActEdits::apply(kind, record.fields, assignments, &owner);
    if (!edited) {
        return edited.error();
    }
    record.fields = *edited;
    if (!owner.isEmpty()) {
        auto user = CrmStore(m_store).record(u"systemuser"_s, owner);
        if (!user) {
            return user.error();
        }
        if (!user->has_value()) {
            return refused(
                tr("owner: %1 is not a system user of the CRM (syncdesk-node crm list --type systemuser)").arg(owner));
        }
        record.ownerKey = owner;
        record.businessUnit = (*user)->businessUnit;
    }
    if (id == 0) {
        if (record.ownerKey.isEmpty()) {
            return refused(tr("a new %1 needs owner=ID, the system user who owns it").arg(actKindName(kind)));
        }
        if (record.subject().isEmpty()) {
            return refused(tr("a new %1 needs subject=TEXT").arg(actKindName(kind)));
        }
        if (kind == ActKind::Appointment && (record.fields.value(u"start"_s).toString().isEmpty() ||
                                             record.fields.value(u"end"_s).toString().isEmpty())) {
            return refused(tr("a new appointment needs start=… and end=…"));
        }
    }
    Changed changed;
    Status done = m_store.transaction([&]() -> Status {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        Status saved;
        ActStore act(m_store);
        if (kind == ActKind::Appointment) {
            Appointment a;
            ActFields::toAppointment(record.fields, a);
            a.id = record.id;
            a.uid = record.uid;
            a.ownerKey = record.ownerKey;
            a.businessUnit = record.businessUnit;
            saved = act.saveAppointment(a, now);
            record = fromAppointment(a);
        } else {
            CrmTask t;
            ActFields::toTask(record.fields, t);
            t.id = record.id;
            t.uid = record.uid;
            t.ownerKey = record.ownerKey;
            t.businessUnit = record.businessUnit;
            saved = act.saveTask(t, now);
            record = fromTask(t);
        }
        if (!saved) {
            return saved;
        }
        auto requested = requestSyncs(kind, record.id, record.ownerKey, u"act"_s, &changed.requestedIds);
        if (!requested) {
            return requested.error();
        }
        changed.requested = *requested;
        return {};
    });
    if (!done) {
        return done.error();
    }
    changed.record = record;
    return changed;
}

Result<ActRecordService::Changed> ActRecordService::remove(ActKind kind, qint64 id)
{
    auto found = record(kind, id);
    if (!found) {
        return found.error();
    }
    if (!found->has_value()) {
        return refused(tr("no %1 with id %2").arg(actKindName(kind)).arg(id));
    }
    Changed changed;
    changed.record = **found;
    Status done = m_store.transaction([&]() -> Status {
        // Asked before the record goes, while its owner and links still say which mailboxes hold it.
        auto requested = requestSyncs(kind, id, changed.record.ownerKey, u"act"_s, &changed.requestedIds);
        if (!requested) {
            return requested.error();
        }
        changed.requested = *requested;
        auto removed = ActStore(m_store).removeRecord(kind, id);
        return removed ? Status() : Status(removed.error());
    });
    if (!done) {
        return done.error();
    }
    return changed;
}

Result<ActRecordService::Changed> ActRecordService::trackAppointment(const QString &uid,
                                                                     const std::optional<RecordRef> &regarding)
{
    ActStore act(m_store);
    auto found = act.appointmentByUid(uid.trimmed());
    if (!found) {
        return found.error();
    }
    if (!found->has_value()) {
        return refused(tr("no appointment with UID %1 (syncdesk-node appointments list --json shows them)").arg(uid));
    }
    Appointment appointment = **found;
    if (regarding) {
        auto target = CrmStore(m_store).record(regarding->type, regarding->id);
        if (!target) {
            return target.error();
        }
        if (!target->has_value()) {
            return refused(tr("%1:%2 is not a CRM record; import it first (syncdesk-node crm list shows what there is)")
                               .arg(regarding->type, regarding->id));
        }
    }
    Changed changed;
    Status done = m_store.transaction([&]() -> Status {
        if (regarding && appointment.regarding != *regarding) {
            appointment.regarding = *regarding;
            if (Status saved = act.saveAppointment(appointment, QDateTime::currentDateTimeUtc()); !saved) {
                return saved;
            }
        }
        // Tracking an appointment syncs its mailboxes' ACT direction at once (a running engine takes the request);
        // when that fails, the request stays and the schedule completes it.
        auto requested = requestSyncs(ActKind::Appointment, appointment.id, appointment.ownerKey,
                                      u"track-appointment"_s, &changed.requestedIds);
        if (!requested) {
            return requested.error();
        }
        changed.requested = *requested;
        return {};
    });
    if (!done) {
        return done.error();
    }
    changed.record = fromAppointment(appointment);
    return changed;
}

Result<QStringList> ActRecordService::requestSyncs(ActKind kind, qint64 recordId, const QString &ownerKey,
                                                   const QString &reason, QList<qint64> *ids)
{
    ActStore act(m_store);
    auto mailboxes = m_store.mailboxes();
    if (!mailboxes) {
        return mailboxes.error();
    }
    auto links = act.linksOfRecord(kind, recordId);
    if (!links) {
        return links.error();
    }
    QSet<qint64> holding;
    for (const ActStore::Link &link : std::as_const(*links)) {
        holding.insert(link.mailboxId);
    }
    QStringList requested;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const Mailbox &mailbox : std::as_const(*mailboxes)) {
        if (!mailbox.enabled || !mailbox.act || mailbox.act->direction(kind) == ActDirection::None) {
            continue;
        }
        if (holding.contains(mailbox.id) || (!ownerKey.isEmpty() && mailbox.ownerKey == ownerKey)) {
            if (Status marked = act.markRequested(mailbox.id, now); !marked) {
                return marked.error();
            }
            if (Status asked = m_store.requestSync(mailbox.id, reason, now); !asked) {
                return asked.error();
            }
            requested.append(mailbox.address);
            if (ids) {
                ids->append(mailbox.id);
            }
        }
    }
    return requested;
}

} // namespace SyncDesk

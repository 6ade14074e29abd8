// syncdesk-node's appointments and tasks commands (list, show, add, set, delete) and track --appointment.
#include "act/actedits.h"
#include "act/actfields.h"
#include "config/crmconfigparser.h"
#include "nodecli.h"
#include "store/actstore.h"
#include "store/crmstore.h"
#include "store/store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

struct Record
{
    qint64 id = 0;
    QString uid;
    QString ownerKey;
    QString businessUnit;
    QDateTime createdAt;
    QDateTime modifiedAt;
    QJsonObject fields;
};

Record fromAppointment(const Appointment &a)
{
    return {a.id, a.uid, a.ownerKey, a.businessUnit, a.createdAt, a.modifiedAt, ActFields::fromAppointment(a)};
}

Record fromTask(const CrmTask &t)
{
    return {t.id, t.uid, t.ownerKey, t.businessUnit, t.createdAt, t.modifiedAt, ActFields::fromTask(t)};
}

QString shortTime(const QString &iso)
{
    const QDateTime time = ActFields::timeFromText(iso);
    return time.isValid() ? time.toString(u"yyyy-MM-dd HH:mm'Z'"_s) : u"-"_s;
}

// Asks the mailboxes whose ACT direction should carry a change to a record at once: those that hold it and those
// whose owner owns it (and sync that kind). Returns their addresses. A running engine takes the requests; the
// direction's state says "requested" until a run succeeds, and the schedule completes it if that run fails.
Result<QStringList> requestActSyncs(Store &store, ActKind kind, qint64 recordId, const QString &ownerKey,
                                    const QString &reason)
{
    ActStore act(store);
    auto mailboxes = store.mailboxes();
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
            if (Status asked = store.requestSync(mailbox.id, reason, now); !asked) {
                return asked.error();
            }
            requested.append(mailbox.address);
        }
    }
    return requested;
}

} // namespace

int NodeCli::actRecordsCommand(ActKind kind, const QStringList &positional)
{
    const QString noun = kind == ActKind::Appointment ? u"appointments"_s : u"tasks"_s;
    const QString usageText =
        tr("usage: syncdesk-node %1 list [--owner ID] [--json]\n"
           "       syncdesk-node %1 show ID [--json]\n"
           "       syncdesk-node %1 add FIELD=VALUE... (owner= and subject=; start= and end= for appointments)\n"
           "       syncdesk-node %1 set ID FIELD=VALUE...\n"
           "       syncdesk-node %1 delete ID\n"
           "fields: %2")
            .arg(noun, ActEdits::editableFields(kind).join(u", "_s));
    const QString sub = positional.value(0);
    auto idAt = [&](int index) -> qint64 {
        bool ok = false;
        const qint64 id = positional.value(index).toLongLong(&ok);
        return ok && id > 0 ? id : 0;
    };
    auto store = openStore();
    if (!store) {
        return storeFailure(store.error());
    }
    ActStore act(**store);
    auto load = [&](qint64 id) -> Result<std::optional<Record>> {
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
    };
    // The record an ID names: Success with it in `out`, or the exit code of the refusal (printed).
    auto named = [&](int index, Record &out) -> int {
        const qint64 id = idAt(index);
        auto found = id ? load(id) : Result<std::optional<Record>>(std::nullopt);
        if (!found) {
            return storeFailure(found.error());
        }
        if (!found->has_value()) {
            return usage(tr("no %1 with id %2").arg(actKindName(kind), positional.value(index)));
        }
        out = **found;
        return Success;
    };
    auto save = [&](Record &record) -> Status {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (kind == ActKind::Appointment) {
            Appointment a;
            ActFields::toAppointment(record.fields, a);
            a.id = record.id;
            a.uid = record.uid;
            a.ownerKey = record.ownerKey;
            a.businessUnit = record.businessUnit;
            Status saved = act.saveAppointment(a, now);
            record.id = a.id;
            record.uid = a.uid;
            return saved;
        }
        CrmTask t;
        ActFields::toTask(record.fields, t);
        t.id = record.id;
        t.uid = record.uid;
        t.ownerKey = record.ownerKey;
        t.businessUnit = record.businessUnit;
        Status saved = act.saveTask(t, now);
        record.id = t.id;
        record.uid = t.uid;
        return saved;
    };
    auto toJson = [&](const Record &record) {
        QJsonObject json{{u"id"_s, record.id},
                         {u"uid"_s, record.uid},
                         {u"owner"_s, record.ownerKey},
                         {u"business_unit"_s, record.businessUnit},
                         {u"created_at"_s, ActFields::timeToText(record.createdAt)},
                         {u"modified_at"_s, ActFields::timeToText(record.modifiedAt)}};
        for (auto it = record.fields.begin(); it != record.fields.end(); ++it) {
            json.insert(it.key(), it.value());
        }
        return json;
    };

    if (sub == u"list"_s && positional.size() == 1) {
        ActStore::Filter filter;
        filter.limit = 10000;
        if (m_parser.isSet(u"owner"_s)) {
            filter.ownerKey = m_parser.value(u"owner"_s).section(u':', -1);
        }
        QList<Record> records;
        if (kind == ActKind::Appointment) {
            auto all = act.appointments(filter);
            if (!all) {
                return storeFailure(all.error());
            }
            for (const Appointment &a : std::as_const(*all)) {
                records.append(fromAppointment(a));
            }
        } else {
            auto all = act.tasks(filter);
            if (!all) {
                return storeFailure(all.error());
            }
            for (const CrmTask &t : std::as_const(*all)) {
                records.append(fromTask(t));
            }
        }
        if (m_parser.isSet(u"json"_s)) {
            QJsonArray array;
            for (const Record &record : std::as_const(records)) {
                array.append(toJson(record));
            }
            m_out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
            m_out.flush();
            return Success;
        }
        for (const Record &record : std::as_const(records)) {
            const QString when = kind == ActKind::Appointment
                                     ? shortTime(record.fields.value(u"start"_s).toString()) + u" – "_s +
                                           shortTime(record.fields.value(u"end"_s).toString())
                                     : shortTime(record.fields.value(u"due"_s).toString()) + u"  "_s +
                                           record.fields.value(u"status"_s).toString();
            m_out << qSetFieldWidth(6) << Qt::left << record.id << qSetFieldWidth(0) << when << "  "
                  << record.fields.value(u"subject"_s).toString() << "  (" << record.ownerKey << ")\n";
        }
        if (records.isEmpty()) {
            m_out << (kind == ActKind::Appointment ? tr("No appointments.") : tr("No tasks.")) << "\n";
        }
        m_out.flush();
        return Success;
    }
    if (sub == u"show"_s && positional.size() == 2) {
        Record record;
        if (const int refused = named(1, record); refused != Success) {
            return refused;
        }
        const qint64 id = record.id;
        auto links = act.linksOfRecord(kind, id);
        auto mailboxes = (*store)->mailboxes();
        if (!links || !mailboxes) {
            return storeFailure(!links ? links.error() : mailboxes.error());
        }
        QJsonArray where;
        for (const ActStore::Link &link : std::as_const(*links)) {
            QString address;
            for (const Mailbox &m : std::as_const(*mailboxes)) {
                if (m.id == link.mailboxId) {
                    address = m.address;
                }
            }
            where.append(QJsonObject{{u"mailbox"_s, address},
                                     {u"href"_s, link.href},
                                     {u"synced_at"_s, ActFields::timeToText(link.syncedAt)}});
        }
        QJsonObject json = toJson(record);
        json.insert(u"synced_to"_s, where);
        if (m_parser.isSet(u"json"_s)) {
            m_out << QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented));
        } else {
            for (auto it = json.begin(); it != json.end(); ++it) {
                const QJsonValue value = it.value();
                m_out << it.key() << ": "
                      << (value.isString()
                              ? value.toString()
                              : QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact))
                                    .mid(1)
                                    .chopped(1))
                      << "\n";
            }
        }
        m_out.flush();
        return Success;
    }
    if ((sub == u"add"_s && positional.size() >= 2) || (sub == u"set"_s && positional.size() >= 3)) {
        Record record;
        const QStringList assignments = positional.mid(sub == u"add"_s ? 1 : 2);
        if (sub == u"set"_s) {
            if (const int refused = named(1, record); refused != Success) {
                return refused;
            }
        } else {
            record.fields = kind == ActKind::Appointment ? ActFields::fromAppointment(Appointment())
                                                         : ActFields::fromTask(CrmTask());
        }
        QString owner;
        auto edited = ActEdits::apply(kind, record.fields, assignments, &owner);
        if (!edited) {
            m_err << "syncdesk-node: " << edited.error().message << "\n";
            return UsageError;
        }
        record.fields = *edited;
        if (!owner.isEmpty()) {
            CrmStore crm(**store);
            auto user = crm.record(u"systemuser"_s, owner);
            if (!user) {
                return storeFailure(user.error());
            }
            if (!user->has_value()) {
                return usage(tr("owner: %1 is not a system user of the CRM (syncdesk-node crm list --type systemuser)")
                                 .arg(owner));
            }
            record.ownerKey = owner;
            record.businessUnit = (*user)->businessUnit;
        }
        if (sub == u"add"_s) {
            if (record.ownerKey.isEmpty()) {
                return usage(tr("'%1 add' needs owner=ID, the system user who owns it").arg(noun));
            }
            if (record.fields.value(u"subject"_s).toString().isEmpty()) {
                return usage(tr("'%1 add' needs subject=TEXT").arg(noun));
            }
            if (kind == ActKind::Appointment && (record.fields.value(u"start"_s).toString().isEmpty() ||
                                                 record.fields.value(u"end"_s).toString().isEmpty())) {
                return usage(tr("'appointments add' needs start=… and end=…"));
            }
        }
        if (Status saved = save(record); !saved) {
            return saved.error().errorClass == ErrorClass::Store ? storeFailure(saved.error())
                                                                 : usage(saved.error().message);
        }
        if (auto requested = requestActSyncs(**store, kind, record.id, record.ownerKey, u"act"_s); !requested) {
            return storeFailure(requested.error());
        }
        if (m_parser.isSet(u"json"_s)) {
            m_out << QString::fromUtf8(QJsonDocument(toJson(record)).toJson(QJsonDocument::Indented));
        } else if (sub == u"add"_s) {
            m_out << record.id << "\n";
        } else {
            //: %1: "appointment" or "task", %2: its id
            m_out << tr("%1 %2 changed; its mailboxes sync it next").arg(actKindName(kind)).arg(record.id) << "\n";
        }
        m_out.flush();
        return Success;
    }
    if (sub == u"delete"_s && positional.size() == 2) {
        Record existing;
        if (const int refused = named(1, existing); refused != Success) {
            return refused;
        }
        const qint64 id = existing.id;
        if (auto requested = requestActSyncs(**store, kind, id, existing.ownerKey, u"act"_s); !requested) {
            return storeFailure(requested.error());
        }
        auto removed = act.removeRecord(kind, id);
        if (!removed) {
            return storeFailure(removed.error());
        }
        m_out << tr("%1 %2 deleted; its mailboxes delete it from their calendars next").arg(actKindName(kind)).arg(id)
              << "\n";
        m_out.flush();
        return Success;
    }
    return usage(usageText);
}

int NodeCli::trackAppointment()
{
    const QString uid = m_parser.value(u"appointment"_s).trimmed();
    if (uid.isEmpty()) {
        return usage(tr("--appointment needs the appointment's UID (appointments show ID lists it)"));
    }
    std::optional<RecordRef> regarding;
    if (m_parser.isSet(u"regarding"_s)) {
        static const QStringList types{u"account"_s, u"contact"_s, u"lead"_s, u"opportunity"_s, u"case"_s};
        QString problem;
        regarding = CrmConfigParser::parseReference(m_parser.value(u"regarding"_s), types, &problem);
        if (!regarding) {
            return usage(u"--regarding: "_s + problem);
        }
    }
    auto store = openStore();
    if (!store) {
        return storeFailure(store.error());
    }
    ActStore act(**store);
    auto found = act.appointmentByUid(uid);
    if (!found) {
        return storeFailure(found.error());
    }
    if (!found->has_value()) {
        return usage(tr("no appointment with UID %1 (syncdesk-node appointments list --json shows them)").arg(uid));
    }
    Appointment appointment = **found;
    if (regarding) {
        CrmStore crm(**store);
        auto record = crm.record(regarding->type, regarding->id);
        if (!record) {
            return storeFailure(record.error());
        }
        if (!record->has_value()) {
            return usage(tr("%1:%2 is not a CRM record; import it first (syncdesk-node crm list shows what there is)")
                             .arg(regarding->type, regarding->id));
        }
        appointment.regarding = *regarding;
        if (Status saved = act.saveAppointment(appointment, QDateTime::currentDateTimeUtc()); !saved) {
            return storeFailure(saved.error());
        }
    }
    // Tracking an appointment syncs its mailboxes' ACT direction at once (a running engine takes the request);
    // when that fails, the request stays and the schedule completes it.
    auto asked =
        requestActSyncs(**store, ActKind::Appointment, appointment.id, appointment.ownerKey, u"track-appointment"_s);
    if (!asked) {
        return storeFailure(asked.error());
    }
    const QStringList requested = *asked;
    if (requested.isEmpty()) {
        m_out << tr("Appointment %1 tracked; no mailbox holds it or syncs its owner's appointments, so it stays in the "
                    "CRM.")
                     .arg(uid)
              << "\n";
    } else {
        //: %1: the appointment's UID, %2: mailbox addresses
        m_out << tr("Appointment %1 tracked; syncing it now in %2 (the schedule completes it if that fails).")
                     .arg(uid, requested.join(u", "_s))
              << "\n";
    }
    m_out.flush();
    return Success;
}

} // namespace SyncDesk

// syncdesk-node's appointments and tasks commands (list, show, add, set, delete) and track --appointment.
#include "act/actedits.h"
#include "act/actfields.h"
#include "act/actrecordservice.h"
#include "config/crmconfigparser.h"
#include "model/untrustedtext.h"
#include "nodecli.h"
#include "store/actstore.h"
#include "store/store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

QString shortTime(const QString &iso)
{
    const QDateTime time = ActFields::timeFromText(iso);
    return time.isValid() ? time.toString(u"yyyy-MM-dd HH:mm'Z'"_s) : u"-"_s;
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
    ActRecordService service(**store);
    // A refusal (bad input) is a usage error; a store failure keeps its exit code.
    auto failure = [&](const SyncError &error) {
        return error.errorClass == ErrorClass::Config ? usage(error.message) : storeFailure(error);
    };
    // The record an ID names: Success with it in `out`, or the exit code of the refusal (printed).
    auto named = [&](int index, ActRecordView &out) -> int {
        const qint64 id = idAt(index);
        auto found = id ? service.record(kind, id) : Result<std::optional<ActRecordView>>(std::nullopt);
        if (!found) {
            return storeFailure(found.error());
        }
        if (!found->has_value()) {
            return usage(tr("no %1 with id %2").arg(actKindName(kind), positional.value(index)));
        }
        out = **found;
        return Success;
    };

    if (sub == u"list"_s && positional.size() == 1) {
        ActStore::Filter filter;
        filter.limit = 10000;
        if (m_parser.isSet(u"owner"_s)) {
            filter.ownerKey = m_parser.value(u"owner"_s).section(u':', -1);
        }
        auto all = service.records(kind, filter);
        if (!all) {
            return storeFailure(all.error());
        }
        const ActRecordViewList records = *all;
        if (m_parser.isSet(u"json"_s)) {
            QJsonArray array;
            for (const ActRecordView &record : std::as_const(records)) {
                array.append(record.toJson());
            }
            m_out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
            m_out.flush();
            return Success;
        }
        for (const ActRecordView &record : std::as_const(records)) {
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
        ActRecordView record;
        if (const int refused = named(1, record); refused != Success) {
            return refused;
        }
        auto links = ActStore(**store).linksOfRecord(kind, record.id);
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
        QJsonObject json = record.toJson();
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
        qint64 id = 0;
        if (sub == u"set"_s) {
            ActRecordView existing;
            if (const int refused = named(1, existing); refused != Success) {
                return refused;
            }
            id = existing.id;
        }
        auto changed = service.edit(kind, id, positional.mid(sub == u"add"_s ? 1 : 2));
        if (!changed) {
            return failure(changed.error());
        }
        if (m_parser.isSet(u"json"_s)) {
            m_out << QString::fromUtf8(QJsonDocument(changed->record.toJson()).toJson(QJsonDocument::Indented));
        } else if (sub == u"add"_s) {
            m_out << changed->record.id << "\n";
        } else {
            //: %1: "appointment" or "task", %2: its id
            m_out << tr("%1 %2 changed; its mailboxes sync it next").arg(actKindName(kind)).arg(id) << "\n";
        }
        m_out.flush();
        return Success;
    }
    if (sub == u"delete"_s && positional.size() == 2) {
        ActRecordView existing;
        if (const int refused = named(1, existing); refused != Success) {
            return refused;
        }
        auto removed = service.remove(kind, existing.id);
        if (!removed) {
            return failure(removed.error());
        }
        m_out << tr("%1 %2 deleted; its mailboxes delete it from their calendars next")
                     .arg(actKindName(kind))
                     .arg(existing.id)
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
    auto asked = ActRecordService(**store).trackAppointment(uid, regarding);
    if (!asked) {
        return asked.error().errorClass == ErrorClass::Config ? usage(asked.error().message)
                                                              : storeFailure(asked.error());
    }
    const QStringList requested = asked->requested;
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

int NodeCli::actConflictsCommand(const QStringList &positional)
{
    if (!positional.isEmpty()) {
        return usage(tr("usage: syncdesk-node conflicts [--mailbox ADDRESS] [--json]"));
    }
    auto store = openStore();
    if (!store) {
        return storeFailure(store.error());
    }
    std::optional<qint64> only;
    if (m_parser.isSet(u"mailbox"_s)) {
        auto mailbox = mailboxNamed(**store, m_parser.value(u"mailbox"_s));
        if (!mailbox) {
            return mailbox.error().errorClass == ErrorClass::Store ? storeFailure(mailbox.error())
                                                                   : usage(mailbox.error().message);
        }
        only = mailbox->id;
    }
    auto conflicts = ActStore(**store).conflicts(only, 1000);
    auto mailboxes = (*store)->mailboxes();
    if (!conflicts || !mailboxes) {
        return storeFailure(!conflicts ? conflicts.error() : mailboxes.error());
    }
    QHash<qint64, QString> addresses;
    for (const Mailbox &mailbox : std::as_const(*mailboxes)) {
        addresses.insert(mailbox.id, mailbox.address);
    }
    // A value as recorded: a string as it is, anything else (a list, a number) as JSON text.
    auto valueOf = [](const QString &text) -> QJsonValue {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(QByteArray("[" + text.toUtf8() + "]"), &error);
        if (error.error != QJsonParseError::NoError || document.array().size() != 1) {
            return text;
        }
        return document.array().at(0);
    };
    auto plain = [&](const QString &text) {
        const QJsonValue value = valueOf(text);
        return value.isString() ? value.toString() : text;
    };
    if (m_parser.isSet(u"json"_s)) {
        QJsonArray array;
        for (const ActStore::Conflict &c : std::as_const(*conflicts)) {
            array.append(QJsonObject{{u"id"_s, c.id},
                                     {u"mailbox"_s, addresses.value(c.mailboxId)},
                                     {u"kind"_s, actKindName(c.kind)},
                                     {u"record_id"_s, c.recordId},
                                     {u"uid"_s, c.uid},
                                     {u"subject"_s, c.subject},
                                     {u"field"_s, c.field},
                                     {u"crm_value"_s, valueOf(c.crmValue)},
                                     {u"server_value"_s, valueOf(c.serverValue)},
                                     {u"kept"_s, c.winner},
                                     {u"detected_at"_s, ActFields::timeToText(c.detectedAt)}});
        }
        m_out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        m_out.flush();
        return Success;
    }
    if (conflicts->isEmpty()) {
        m_out << tr("No conflicts recorded.") << "\n";
    }
    for (const ActStore::Conflict &c : std::as_const(*conflicts)) {
        //: one conflict: when, mailbox, kind and record, field, the CRM's value, the server's, which was kept
        m_out << tr("%1  %2  %3 %4 \"%5\"  %6: CRM \"%7\", server \"%8\", kept: %9")
                     .arg(c.detectedAt.toString(u"yyyy-MM-dd HH:mm'Z'"_s), addresses.value(c.mailboxId),
                          actKindName(c.kind), QString::number(c.recordId),
                          UntrustedText::withoutControls(c.subject).simplified().left(60), c.field,
                          UntrustedText::withoutControls(plain(c.crmValue)).simplified().left(60),
                          UntrustedText::withoutControls(plain(c.serverValue)).simplified().left(60), c.winner)
              << "\n";
    }
    m_out.flush();
    return Success;
}

} // namespace SyncDesk

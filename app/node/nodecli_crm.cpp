// syncdesk-node's CRM commands: crm import, crm list, track, track list.
#include "config/crmconfigparser.h"
#include "config/crmcsvimporter.h"
#include "logging/logger.h"
#include "logging/logpersister.h"
#include "model/jsonexport.h"
#include "nodecli.h"
#include "store/crmstore.h"
#include "store/store.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

const QStringList kRegardingTypes{u"account"_s, u"contact"_s, u"lead"_s, u"opportunity"_s, u"case"_s};

} // namespace

int NodeCli::crmCommand(const QStringList &positional)
{
    const QString usageText = u"usage: syncdesk-node crm import FILE.csv --type account|contact|lead [--skip-invalid]\n"
                              "       syncdesk-node crm list [--type TYPE] [--json]"_s;
    if (positional.isEmpty()) {
        return usage(usageText);
    }
    if (positional.at(0) == u"import"_s) {
        if (positional.size() != 2) {
            return usage(usageText);
        }
        if (!m_parser.isSet(u"type"_s)) {
            return usage(u"'crm import' needs --type account, contact or lead"_s);
        }
        const QString type = m_parser.value(u"type"_s).trimmed().toLower();
        if (!CrmCsvImporter::importableTypes().contains(type)) {
            return usage(
                u"--type must be one of %1, not \"%2\""_s.arg(CrmCsvImporter::importableTypes().join(u", "_s), type));
        }
        QFile file(positional.at(1));
        if (!file.open(QIODevice::ReadOnly)) {
            return usage(u"cannot read %1: %2"_s.arg(file.fileName(), file.errorString()));
        }
        if (file.size() > 256 * 1024 * 1024) {
            return usage(u"%1 is larger than 256 MiB; split it"_s.arg(file.fileName()));
        }
        const QByteArray data = file.readAll();
        auto store = openStore();
        if (!store) {
            return storeFailure(store.error());
        }
        const auto outcome = CrmCsvImporter::import(**store, data, type, m_parser.isSet(u"skip-invalid"_s));
        if (const auto *problems = std::get_if<QStringList>(&outcome)) {
            m_err << "syncdesk-node: " << file.fileName() << " was not imported; nothing was changed:\n";
            for (const QString &problem : *problems) {
                m_err << "  " << problem << "\n";
            }
            if (problems->size() > 1 || !problems->constFirst().contains(u"column \""_s)) {
                m_err << "Fix these lines, or import the valid ones with --skip-invalid.\n";
            }
            m_err.flush();
            return UsageError;
        }
        if (const auto *error = std::get_if<SyncError>(&outcome)) {
            return storeFailure(*error);
        }
        const CsvImportSummary &summary = std::get<CsvImportSummary>(outcome);
        for (const QString &problem : summary.problems) {
            m_err << "skipped: " << problem << "\n";
        }
        m_out << "Imported " << file.fileName() << " (" << type << "s) into " << m_storeConfig.describe() << ": "
              << summary.created << " new, " << summary.updated << " updated, " << summary.unchanged << " unchanged";
        if (summary.skipped > 0) {
            m_out << ", " << summary.skipped << " invalid rows skipped";
        }
        m_out << "\n";
        m_out.flush();
        m_err.flush();
        Log::info(u"crm"_s, {},
                  u"imported %1 %2s from %3: %4 new, %5 updated"_s.arg(summary.created + summary.updated)
                      .arg(type, file.fileName())
                      .arg(summary.created)
                      .arg(summary.updated));
        LogPersister(**store).flush();
        return Success;
    }
    if (positional.at(0) == u"list"_s) {
        if (positional.size() != 1) {
            return usage(usageText);
        }
        const QString type = m_parser.value(u"type"_s).trimmed().toLower();
        if (!type.isEmpty() && !CrmRecord::types().contains(type)) {
            return usage(u"--type must be one of %1"_s.arg(CrmRecord::types().join(u", "_s)));
        }
        auto store = openStore();
        if (!store) {
            return storeFailure(store.error());
        }
        auto records = CrmStore(**store).records(type);
        if (!records) {
            return storeFailure(records.error());
        }
        if (m_parser.isSet(u"json"_s)) {
            QJsonArray array;
            for (const CrmRecord &record : *records) {
                array.append(JsonExport::crmRecord(record));
            }
            m_out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
            m_out.flush();
            return Success;
        }
        if (records->isEmpty()) {
            m_out << "No CRM records" << (type.isEmpty() ? QString() : u" of type "_s + type)
                  << ". Add them in the configuration's \"crm\" section or with 'syncdesk-node crm import'.\n";
            m_out.flush();
            return Success;
        }
        m_out << qSetFieldWidth(14) << Qt::left << "TYPE" << qSetFieldWidth(20) << "ID" << qSetFieldWidth(28) << "NAME"
              << qSetFieldWidth(32) << "EMAIL" << qSetFieldWidth(14) << "OWNER" << qSetFieldWidth(0)
              << "BUSINESS UNIT\n";
        for (const CrmRecord &record : *records) {
            m_out << qSetFieldWidth(14) << record.type << qSetFieldWidth(20) << record.key << qSetFieldWidth(28)
                  << record.name.left(26) << qSetFieldWidth(32) << record.email << qSetFieldWidth(14) << record.ownerKey
                  << qSetFieldWidth(0) << record.businessUnit << "\n";
        }
        m_out.flush();
        return Success;
    }
    return usage(usageText);
}

int NodeCli::trackCommand(const QStringList &positional)
{
    if (positional.size() == 1 && (positional.at(0) == u"list"_s || positional.at(0) == u"status"_s)) {
        return trackList();
    }
    if (!positional.isEmpty()) {
        return usage(u"usage: syncdesk-node track --mailbox ADDRESS --message-id ID [--regarding TYPE:ID] "
                     "[--no-sync]\n       syncdesk-node track list [--mailbox ADDRESS] [--json]"_s);
    }
    if (m_parser.values(u"mailbox"_s).size() != 1 || !m_parser.isSet(u"message-id"_s)) {
        return usage(u"'track' needs one --mailbox ADDRESS and --message-id ID"_s);
    }
    const QString messageId = TrackRequest::normalizeMessageId(m_parser.value(u"message-id"_s));
    if (messageId.isEmpty()) {
        return usage(u"--message-id \"%1\" is not a Message-ID (such as <1234@example.com>)"_s.arg(
            m_parser.value(u"message-id"_s).left(80)));
    }
    std::optional<RecordRef> regarding;
    if (m_parser.isSet(u"regarding"_s)) {
        QString problem;
        regarding = CrmConfigParser::parseReference(m_parser.value(u"regarding"_s), kRegardingTypes, &problem);
        if (!regarding) {
            return usage(u"--regarding: "_s + problem);
        }
    }
    auto store = openStore();
    if (!store) {
        return storeFailure(store.error());
    }
    auto mailbox = (*store)->mailboxByAddress(m_parser.value(u"mailbox"_s));
    if (!mailbox) {
        return storeFailure(mailbox.error());
    }
    if (!mailbox->has_value()) {
        return usage(u"no mailbox %1 in %2"_s.arg(m_parser.value(u"mailbox"_s), m_storeConfig.describe()));
    }
    const Mailbox box = **mailbox;
    CrmStore crm(**store);
    if (regarding) {
        auto record = crm.record(regarding->type, regarding->id);
        if (!record) {
            return storeFailure(record.error());
        }
        if (!record->has_value()) {
            return usage(
                u"%1:%2 is not a CRM record; import it first (syncdesk-node crm list shows what there is)"_s.arg(
                    regarding->type, regarding->id));
        }
    }
    TrackRequest request;
    request.mailboxId = box.id;
    request.messageId = messageId;
    request.regarding = regarding;
    auto id = crm.addTrackRequest(request);
    if (!id) {
        return storeFailure(id.error());
    }
    Log::info(u"tracking"_s, box.address,
              u"track request #%1 for <%2>%3"_s.arg(*id).arg(
                  messageId, regarding ? u" regarding "_s + regarding->type + u':' + regarding->id : QString()));
    LogPersister(**store).flush();
    m_out << "Recorded track request #" << *id << " for <" << messageId << "> in " << box.address << ".\n";
    if (m_parser.isSet(u"no-sync"_s)) {
        m_out << "The next sync of " << box.address << " completes it.\n";
        m_out.flush();
        return Success;
    }
    if (!box.enabled) {
        m_out << box.address << " is disabled (" << box.disabledReason
              << "); the request completes once it is enabled and synced.\n";
        m_out.flush();
        return Success;
    }
    if (engineRunning(**store)) {
        if (Status requested = (*store)->requestSync(box.id, u"track"_s, QDateTime::currentDateTimeUtc()); !requested) {
            return storeFailure(requested.error());
        }
        m_out << "The running engine syncs " << box.address << " now; 'syncdesk-node track list --mailbox "
              << box.address << "' shows the request's state.\n";
        m_out.flush();
        return Success;
    }
    m_out << "No engine runs on this database: syncing " << box.address << " here.\n";
    m_out.flush();
    store->reset();
    const int synced = syncOnce({box.id});
    auto reopened = openStore();
    if (!reopened) {
        return storeFailure(reopened.error());
    }
    auto requests = CrmStore(**reopened).trackRequests(box.id, 50);
    if (!requests) {
        return storeFailure(requests.error());
    }
    for (const TrackRequest &stored : *requests) {
        if (stored.id != *id) {
            continue;
        }
        if (stored.state == u"pending"_s) {
            m_out << "Request #" << *id << " is still pending: the sync did not complete; the next scheduled sync "
                  << "completes it.\n";
        } else {
            m_out << "Request #" << *id << ": " << stored.state << " (" << stored.reason << ").\n";
        }
        m_out.flush();
        if (stored.state == u"failed"_s && synced == Success) {
            return SyncFailed;
        }
    }
    return synced;
}

int NodeCli::trackList()
{
    auto store = openStore();
    if (!store) {
        return storeFailure(store.error());
    }
    std::optional<qint64> mailboxId;
    if (m_parser.isSet(u"mailbox"_s)) {
        auto ids = resolveMailboxes(**store, false);
        if (!ids) {
            return ids.error().errorClass == ErrorClass::Store ? storeFailure(ids.error()) : usage(ids.error().message);
        }
        if (ids->size() != 1) {
            return usage(u"'track list' takes one --mailbox"_s);
        }
        mailboxId = ids->constFirst();
    }
    auto requests = CrmStore(**store).trackRequests(mailboxId, 1000);
    if (!requests) {
        return storeFailure(requests.error());
    }
    if (m_parser.isSet(u"json"_s)) {
        QJsonArray array;
        for (const TrackRequest &request : *requests) {
            array.append(JsonExport::trackRequest(request));
        }
        m_out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        m_out.flush();
        return Success;
    }
    if (requests->isEmpty()) {
        m_out << "No track requests.\n";
        m_out.flush();
        return Success;
    }
    m_out << qSetFieldWidth(6) << Qt::left << "ID" << qSetFieldWidth(28) << "MAILBOX" << qSetFieldWidth(36)
          << "MESSAGE-ID" << qSetFieldWidth(22) << "REGARDING" << qSetFieldWidth(9) << "STATE" << qSetFieldWidth(0)
          << "REASON\n";
    for (const TrackRequest &request : *requests) {
        m_out << qSetFieldWidth(6) << request.id << qSetFieldWidth(28) << request.mailboxAddress << qSetFieldWidth(36)
              << request.messageId.left(34) << qSetFieldWidth(22)
              << (request.regarding ? request.regarding->type + u':' + request.regarding->id : u"-"_s)
              << qSetFieldWidth(9) << request.state << qSetFieldWidth(0) << request.reason << "\n";
    }
    m_out.flush();
    return Success;
}

} // namespace SyncDesk

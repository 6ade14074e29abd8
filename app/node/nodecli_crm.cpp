// syncdesk-node's CRM commands: crm import, crm list, track, track list.
#include "config/crmconfigparser.h"
#include "config/crmcsvimporter.h"
#include "logging/logger.h"
#include "logging/logpersister.h"
#include "model/jsonexport.h"
#include "nodecli.h"
#include "store/crmstore.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

const QStringList kRegardingTypes{u"account"_s, u"contact"_s, u"lead"_s, u"opportunity"_s, u"case"_s};

// What "crm import --type TYPE" imported, for people: "accounts" for account.
QString importedRecords(const QString &type)
{
    if (type == u"account"_s) {
        //: What crm import imported: records of the type account
        return QCoreApplication::translate("SyncDesk::NodeCli", "accounts");
    }
    if (type == u"contact"_s) {
        //: What crm import imported: records of the type contact
        return QCoreApplication::translate("SyncDesk::NodeCli", "contacts");
    }
    if (type == u"lead"_s) {
        //: What crm import imported: records of the type lead
        return QCoreApplication::translate("SyncDesk::NodeCli", "leads");
    }
    return type + u's';
}

} // namespace

int NodeCli::crmCommand(const QStringList &positional)
{
    const QString usageText = tr("usage: syncdesk-node crm import FILE.csv --type account|contact|lead "
                                 "[--skip-invalid]\n"
                                 "       syncdesk-node crm list [--type TYPE] [--json]");
    if (positional.isEmpty()) {
        return usage(usageText);
    }
    if (positional.at(0) == u"import"_s) {
        if (positional.size() != 2) {
            return usage(usageText);
        }
        if (!m_parser.isSet(u"type"_s)) {
            //: Keep account, contact and lead: they are the values --type takes
            return usage(tr("'crm import' needs --type account, contact or lead"));
        }
        const QString type = m_parser.value(u"type"_s).trimmed().toLower();
        if (!CrmCsvImporter::importableTypes().contains(type)) {
            //: %1: the types --type takes (not translated), %2: what was given
            return usage(
                tr("--type must be one of %1, not \"%2\"").arg(CrmCsvImporter::importableTypes().join(u", "_s), type));
        }
        QFile file(positional.at(1));
        if (!file.open(QIODevice::ReadOnly)) {
            //: %1: a file, %2: why not
            return usage(tr("cannot read %1: %2").arg(file.fileName(), file.errorString()));
        }
        if (file.size() > 256 * 1024 * 1024) {
            return usage(tr("%1 is larger than 256 MiB; split it").arg(file.fileName()));
        }
        const QByteArray data = file.readAll();
        auto store = openStore();
        if (!store) {
            return storeFailure(store.error());
        }
        const auto outcome = CrmCsvImporter::import(**store, data, type, m_parser.isSet(u"skip-invalid"_s));
        if (const auto *rejected = std::get_if<CsvRejected>(&outcome)) {
            m_err << "syncdesk-node: " << tr("%1 was not imported; nothing was changed:").arg(file.fileName()) << "\n";
            for (const QString &problem : rejected->problems) {
                m_err << "  " << problem << "\n";
            }
            if (rejected->rowsOnly) {
                m_err << tr("Fix these lines, or import the valid ones with --skip-invalid.") << "\n";
            }
            m_err.flush();
            return UsageError;
        }
        if (const auto *error = std::get_if<SyncError>(&outcome)) {
            return storeFailure(*error);
        }
        const CsvImportSummary &summary = std::get<CsvImportSummary>(outcome);
        for (const QString &problem : summary.problems) {
            //: %1: a row that was not imported, and why
            m_err << tr("skipped: %1").arg(problem) << "\n";
        }
        const QStringList imported{file.fileName(),
                                   importedRecords(type),
                                   m_storeConfig.describe(),
                                   QString::number(summary.created),
                                   QString::number(summary.updated),
                                   QString::number(summary.unchanged)};
        if (summary.skipped > 0) {
            //: %1: the file, %2: the records ("accounts"), %3: the database, %4-%6: how many records
            m_out << tr("Imported %1 (%2) into %3: %4 new, %5 updated, %6 unchanged, %n invalid row(s) skipped",
                        nullptr, summary.skipped)
                         .arg(imported[0], imported[1], imported[2], imported[3], imported[4], imported[5]);
        } else {
            //: %1: the file, %2: the records ("accounts"), %3: the database, %4-%6: how many records
            m_out << tr("Imported %1 (%2) into %3: %4 new, %5 updated, %6 unchanged")
                         .arg(imported[0], imported[1], imported[2], imported[3], imported[4], imported[5]);
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
            //: %1: the record types (not translated)
            return usage(tr("--type must be one of %1").arg(CrmRecord::types().join(u", "_s)));
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
            if (type.isEmpty()) {
                //: Keep "crm": it is the name of the configuration's section
                m_out << tr("No CRM records. Add them in the configuration's \"crm\" section or with 'syncdesk-node "
                            "crm import'.");
            } else {
                //: %1: a record type (account, contact, ...; not translated). Keep "crm": it is the name of the
                //: configuration's section
                m_out << tr("No CRM records of type %1. Add them in the configuration's \"crm\" section or with "
                            "'syncdesk-node crm import'.")
                             .arg(type);
            }
            m_out << "\n";
            m_out.flush();
            return Success;
        }
        // Qt::left first: lupdate drops a translator comment that follows it.
        m_out << Qt::left
              << qSetFieldWidth(14)
              //: Column header of 'crm list': the record type
              << tr("TYPE")
              << qSetFieldWidth(20)
              //: Column header of 'crm list': the record's id
              << tr("ID")
              << qSetFieldWidth(28)
              //: Column header of 'crm list': the record's name
              << tr("NAME")
              << qSetFieldWidth(32)
              //: Column header of 'crm list': the record's email address
              << tr("EMAIL")
              << qSetFieldWidth(14)
              //: Column header of 'crm list': the record's owner
              << tr("OWNER")
              << qSetFieldWidth(0)
              //: Column header of 'crm list'
              << tr("BUSINESS UNIT") << "\n";
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
        return usage(tr("usage: syncdesk-node track --mailbox ADDRESS --message-id ID [--regarding TYPE:ID] "
                        "[--no-sync]\n       syncdesk-node track list [--mailbox ADDRESS] [--json]"));
    }
    if (m_parser.values(u"mailbox"_s).size() != 1 || !m_parser.isSet(u"message-id"_s)) {
        return usage(tr("'track' needs one --mailbox ADDRESS and --message-id ID"));
    }
    const QString messageId = TrackRequest::normalizeMessageId(m_parser.value(u"message-id"_s));
    if (messageId.isEmpty()) {
        return usage(tr("--message-id \"%1\" is not a Message-ID (such as <1234@example.com>)")
                         .arg(m_parser.value(u"message-id"_s).left(80)));
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
        return usage(tr("no mailbox %1 in %2").arg(m_parser.value(u"mailbox"_s), m_storeConfig.describe()));
    }
    const Mailbox box = **mailbox;
    CrmStore crm(**store);
    if (regarding) {
        auto record = crm.record(regarding->type, regarding->id);
        if (!record) {
            return storeFailure(record.error());
        }
        if (!record->has_value()) {
            //: %1:%2: a record's type and id
            return usage(tr("%1:%2 is not a CRM record; import it first (syncdesk-node crm list shows what there is)")
                             .arg(regarding->type, regarding->id));
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
    //: %1: the request's number, %2: the Message-ID, %3: the mailbox address
    m_out << tr("Recorded track request #%1 for <%2> in %3.").arg(QString::number(*id), messageId, box.address) << "\n";
    if (m_parser.isSet(u"no-sync"_s)) {
        m_out << tr("The next sync of %1 completes it.").arg(box.address) << "\n";
        m_out.flush();
        return Success;
    }
    if (!box.enabled) {
        //: %1: the mailbox address, %2: why it was disabled (an id such as admin)
        m_out << tr("%1 is disabled (%2); the request completes once it is enabled and synced.")
                     .arg(box.address, box.disabledReason)
              << "\n";
        m_out.flush();
        return Success;
    }
    if (engineRunning(**store)) {
        if (Status requested = (*store)->requestSync(box.id, u"track"_s, QDateTime::currentDateTimeUtc()); !requested) {
            return storeFailure(requested.error());
        }
        m_out << tr("The running engine syncs %1 now; 'syncdesk-node track list --mailbox %1' shows the request's "
                    "state.")
                     .arg(box.address)
              << "\n";
        m_out.flush();
        return Success;
    }
    m_out << tr("No engine runs on this database: syncing %1 here.").arg(box.address) << "\n";
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
            m_out << tr("Request #%1 is still pending: the sync did not complete; the next scheduled sync "
                        "completes it.")
                         .arg(*id)
                  << "\n";
        } else {
            //: %1: the request's number, %2: its state (done or failed; not translated), %3: the reason
            m_out << tr("Request #%1: %2 (%3).").arg(QString::number(*id), stored.state, stored.reason) << "\n";
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
            return usage(tr("'track list' takes one --mailbox"));
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
        m_out << tr("No track requests.") << "\n";
        m_out.flush();
        return Success;
    }
    m_out << Qt::left
          << qSetFieldWidth(6)
          //: Column header of 'track list': the request's number
          << tr("ID")
          << qSetFieldWidth(28)
          //: Column header of 'track list': the mailbox address
          << tr("MAILBOX")
          << qSetFieldWidth(36)
          //: Column header of 'track list': the message's Message-ID
          << tr("MESSAGE-ID")
          << qSetFieldWidth(22)
          //: Column header of 'track list': the record the message is regarding
          << tr("REGARDING")
          << qSetFieldWidth(9)
          //: Column header of 'track list': the request's state (pending, done, failed)
          << tr("STATE")
          << qSetFieldWidth(0)
          //: Column header of 'track list': why it failed
          << tr("REASON") << "\n";
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

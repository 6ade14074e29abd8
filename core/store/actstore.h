#pragma once

#include "act/actrecords.h"
#include "diagnostics/result.h"
#include "model/crmrecord.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSqlQuery>

#include <optional>

namespace SyncDesk {

class Store;

// The ACT direction's tables: the CRM's appointments and tasks (act_records; contacts are crm_records of type
// contact), the links between a record and its copy in a mailbox's calendar or address book, the collections
// discovery found, conflicts and the direction's state per mailbox. Works on a Store's connection, in its thread.
class ActStore final
{
public:
    explicit ActStore(Store &store);

    // Inserts (id 0; a UID is made when it has none) or updates by id; sets id, uid, createdAt, modifiedAt.
    Status saveAppointment(Appointment &appointment, const QDateTime &now);
    Status saveTask(CrmTask &task, const QDateTime &now);
    Result<std::optional<Appointment>> appointment(qint64 id);
    Result<std::optional<Appointment>> appointmentByUid(const QString &uid);
    Result<std::optional<CrmTask>> task(qint64 id);
    Result<std::optional<CrmTask>> taskByUid(const QString &uid);
    struct Filter
    {
        QString ownerKey; // empty: any owner
        QDateTime from;   // appointments ending after it / tasks due after it (invalid: no bound)
        QDateTime to;     // ... starting before it
        int limit = 1000;
    };
    Result<QList<Appointment>> appointments(const Filter &filter);
    Result<QList<CrmTask>> tasks(const Filter &filter);
    // Removes an appointment or task (its links stay: the next sync deletes the server's copies).
    Result<bool> removeRecord(ActKind kind, qint64 id);

    // CRM contacts with their ids (crm_records of type contact), and the ones a UID names.
    Result<CrmRecordList> contacts();
    Result<std::optional<CrmRecord>> contactByUid(const QString &uid);
    Result<std::optional<CrmRecord>> contact(qint64 id);
    Result<qint64> saveContact(const CrmRecord &record, const QDateTime &now); // by (type, key); returns its id
    Result<bool> removeContact(qint64 id);

    struct Link
    {
        qint64 id = 0;
        qint64 mailboxId = 0;
        ActKind kind = ActKind::Appointment;
        qint64 recordId = 0;
        QString href;
        QString etag;
        QJsonObject base;
        QByteArray serverData;
        QDateTime syncedAt;
    };
    // Without their server text (serverData), which serverData() reads when a write needs it.
    Result<QList<Link>> links(qint64 mailboxId, ActKind kind);
    Result<QByteArray> serverData(qint64 linkId);
    Status saveLink(Link &link); // by (mailbox, kind, record)
    // Where one record is, in every mailbox.
    Result<QList<Link>> linksOfRecord(ActKind kind, qint64 recordId);
    Status removeLink(qint64 linkId);
    Status removeLinks(qint64 mailboxId, ActKind kind);

    struct Collection
    {
        ActKind kind = ActKind::Appointment;
        QString url;
        QString displayName;
        QString syncToken;
        bool syncCollection = true; // the server offers RFC 6578 sync-collection on it
        QDateTime discoveredAt;
        // When every CRM record of the kind was last compared with its link, and the store's configuration
        // version then (mailboxes, roles): until either changes, a sync with nothing new on the server skips it.
        QDateTime checkedAt;
        qint64 configVersion = 0;
    };
    Result<QList<Collection>> collections(qint64 mailboxId);
    Status saveCollection(qint64 mailboxId, const Collection &collection);
    Status setSyncToken(qint64 mailboxId, ActKind kind, const QString &token);
    Status setChecked(qint64 mailboxId, ActKind kind, const QDateTime &at, qint64 configVersion);
    // Whether anything the CRM holds for this kind may have changed since `since` for this mailbox: a record of the
    // kind (or a contact, account or user) modified at or after it, or a linked record gone.
    Result<bool> crmChangedSince(qint64 mailboxId, ActKind kind, const QDateTime &since);
    Status forgetCollections(qint64 mailboxId);

    struct Conflict
    {
        qint64 id = 0;
        qint64 mailboxId = 0;
        ActKind kind = ActKind::Appointment;
        qint64 recordId = 0;
        QString uid;
        QString subject;
        QString field;
        QString crmValue; // the field's value: a string as it is, anything else as JSON text
        QString serverValue;
        QString winner; // "crm" or "server"
        QDateTime detectedAt;
    };
    Status recordConflicts(const QList<Conflict> &conflicts);
    Result<QList<Conflict>> conflicts(std::optional<qint64> mailboxId, int limit = 200);

    struct State
    {
        qint64 mailboxId = 0;
        QDateTime lastAttemptAt;
        QDateTime lastSuccessAt;
        int failuresInRow = 0;
        QString errorClass;
        QString errorMessage;
        QString errorHint;
        int conflicts = 0;     // recorded in all
        int toServer = 0;      // records written to the server by the last run
        int fromServer = 0;    // records taken from the server by the last run
        QDateTime requestedAt; // an immediate sync asked for and not done yet
    };
    Result<State> state(qint64 mailboxId);
    Result<QHash<qint64, State>> states();
    Status saveState(const State &state);
    // An immediate sync of the mailbox's ACT direction is wanted (tracking, regarding); cleared by a successful run.
    Status markRequested(qint64 mailboxId, const QDateTime &now);

private:
    Result<QSqlQuery> selectRecord(ActKind kind, const QString &column, const QVariant &value);
    Status saveRecord(ActKind kind, qint64 &id, QString &uid, const QString &subject, const QDateTime &start,
                      const QDateTime &end, const QString &ownerKey, const QString &businessUnit,
                      const RecordRef &regarding, const QJsonObject &fields, QDateTime &createdAt,
                      QDateTime &modifiedAt, const QDateTime &now);

    Store &m_store;
};

} // namespace SyncDesk

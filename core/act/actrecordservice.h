#pragma once

#include "actrecords.h"
#include "diagnostics/result.h"
#include "store/actstore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QStringList>

#include <optional>

namespace SyncDesk {

class Store;

// An appointment or task as the CLI and the console show and edit it: its identity and owner, and its fields as
// ActFields' flat object.
struct ActRecordView
{
    ActKind kind = ActKind::Appointment;
    qint64 id = 0;
    QString uid;
    QString ownerKey;
    QString businessUnit;
    QDateTime createdAt;
    QDateTime modifiedAt;
    QJsonObject fields;

    QJsonObject toJson() const; // id, uid, owner, business_unit, created_at, modified_at and the fields
    QString subject() const { return fields.value(QStringLiteral("subject")).toString(); }
};
using ActRecordViewList = QList<ActRecordView>;

// What an operator does to appointments and tasks, whether from syncdesk-node or the console: list, add and change
// them with FIELD=VALUE assignments (ActEdits: the same checks and messages everywhere), delete them, track an
// appointment. Every change asks the mailboxes that should carry it to sync their ACT direction at once. Works on a
// Store's connection, in its thread. Refusals are class Config (hint config-invalid) with a message for the user;
// store failures keep their class.
class ActRecordService final
{
    Q_DECLARE_TR_FUNCTIONS(SyncDesk::ActRecordService)
public:
    explicit ActRecordService(Store &store);

    Result<std::optional<ActRecordView>> record(ActKind kind, qint64 id);
    Result<ActRecordViewList> records(ActKind kind, const ActStore::Filter &filter);

    struct Changed
    {
        ActRecordView record;
        QStringList requested;      // the addresses of the mailboxes asked to sync now
        QList<qint64> requestedIds; // and their ids
    };
    // id 0 adds a record (owner=, subject= and, for appointments, start= and end= are then needed).
    Result<Changed> edit(ActKind kind, qint64 id, const QStringList &assignments);
    Result<Changed> remove(ActKind kind, qint64 id);
    // Tracks an appointment by UID, setting what it is regarding when given (a CRM record that exists).
    Result<Changed> trackAppointment(const QString &uid, const std::optional<RecordRef> &regarding);

    // Asks the mailboxes whose ACT direction should carry a change to a record at once: those that hold it and those
    // whose owner owns it (and sync that kind). A running engine takes the requests; the direction's state says
    // "requested" until a run succeeds, and the schedule completes it if that run fails. Returns their addresses.
    Result<QStringList> requestSyncs(ActKind kind, qint64 recordId, const QString &ownerKey, const QString &reason,
                                     QList<qint64> *ids = nullptr);

private:
    Store &m_store;
};

} // namespace SyncDesk

Q_DECLARE_METATYPE(SyncDesk::ActRecordView)

#pragma once

#include "actsettings.h"
#include "diagnostics/result.h"
#include "model/mailbox.h"
#include "store/actstore.h"

#include <QHash>
#include <QJsonObject>

namespace SyncDesk {

class SecurityContext;
class Store;

// What the ACT sync needs of a record, whatever its kind: the CRM's records of one kind as field objects, the
// server's text read and written through the codec of the kind (libical for appointments and tasks, the vCard
// codec for contacts), and changes applied to the CRM. One per kind and run, in the run's thread.
class ActItems final
{
public:
    struct CrmItem
    {
        qint64 id = 0;
        QString uid;
        QString subject;
        QJsonObject fields;
        bool eligible = false; // belongs in this mailbox's collection and its owner may read it
    };
    struct ServerItem
    {
        QString uid;
        QString subject;
        QJsonObject fields;
    };

    ActItems(Store &store, ActKind kind, const Mailbox &mailbox, const SecurityContext &security);

    // Every CRM record of the kind, by id, with whether it belongs in this mailbox's collection: appointments the
    // owner owns or the mailbox's address organizes or attends, tasks the owner owns, contacts the owner may read.
    Result<QHash<qint64, CrmItem>> load();
    Result<ServerItem> parse(const QByteArray &data) const;
    // The server's text for the record with these fields: `previous` keeps what SyncDesk does not model; the
    // fields a field security profile withholds are the previous text's (or empty), never the CRM's.
    Result<QByteArray> render(qint64 recordId, const QString &uid, const QJsonObject &fields,
                              const QByteArray &previous);
    // Applies fields taken from the server to the CRM record (0: a new one, owned by the mailbox's owner); returns
    // its id. Fields not named stay as they were.
    Result<qint64> apply(qint64 recordId, const QString &uid, const QJsonObject &fields);
    Result<bool> remove(qint64 recordId);
    // The id of the CRM record with this UID, 0 when there is none.
    Result<qint64> findByUid(const QString &uid);

    const QStringList &syncedFields() const { return m_fields; }
    QByteArray contentType() const;
    QString extension() const;

private:
    bool eligible(const QString &ownerKey, const QString &businessUnit, const QJsonObject &fields,
                  const QString &type) const;

    Store &m_store;
    ActStore m_act;
    ActKind m_kind;
    Mailbox m_mailbox;
    const SecurityContext &m_security;
    QStringList m_fields;
    QString m_ownerBusinessUnit;
};

} // namespace SyncDesk

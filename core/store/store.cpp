#include "store.h"

#include "config/privatefiles.h"
#include "ledgerstore.h"
#include "schemamigration.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QSysInfo>

#include <algorithm>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

QAtomicInteger<quint64> s_connectionCounter;

QVariant toMs(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant(QMetaType::fromType<qint64>());
}

QDateTime fromMs(const QVariant &value)
{
    if (value.isNull()) {
        return {};
    }
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QString partiesToJson(const QList<ActivityParty> &parties)
{
    QJsonArray array;
    for (const ActivityParty &party : parties) {
        array.append(QJsonObject{{u"role"_s, party.role},
                                 {u"address"_s, party.address},
                                 {u"type"_s, party.record.type},
                                 {u"id"_s, party.record.id}});
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<ActivityParty> partiesFromJson(const QString &json)
{
    QList<ActivityParty> parties;
    for (const QJsonValue &value : QJsonDocument::fromJson(json.toUtf8()).array()) {
        const QJsonObject object = value.toObject();
        parties.append({object.value(u"role"_s).toString(),
                        object.value(u"address"_s).toString(),
                        {object.value(u"type"_s).toString(), object.value(u"id"_s).toString()}});
    }
    return parties;
}

QString addressesToJson(const QList<EmailAddress> &addresses)
{
    QJsonArray array;
    for (const EmailAddress &address : addresses) {
        array.append(QJsonObject{{u"name"_s, address.name}, {u"address"_s, address.address}});
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<EmailAddress> addressesFromJson(const QString &json)
{
    QList<EmailAddress> addresses;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        addresses.append({object.value(u"name"_s).toString(), object.value(u"address"_s).toString()});
    }
    return addresses;
}

QString stringsToJson(const QStringList &strings)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(strings)).toJson(QJsonDocument::Compact));
}

QStringList stringsFromJson(const QString &json)
{
    QStringList strings;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue &value : array) {
        strings.append(value.toString());
    }
    return strings;
}

QString attachmentsToJson(const QList<AttachmentInfo> &attachments)
{
    QJsonArray array;
    for (const AttachmentInfo &attachment : attachments) {
        array.append(QJsonObject{
            {u"name"_s, attachment.fileName}, {u"type"_s, attachment.contentType}, {u"size"_s, attachment.size}});
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<AttachmentInfo> attachmentsFromJson(const QString &json)
{
    QList<AttachmentInfo> attachments;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        attachments.append({object.value(u"name"_s).toString(), object.value(u"type"_s).toString(),
                            object.value(u"size"_s).toInteger()});
    }
    return attachments;
}

// Reads rows of (id, at, level, category, mailbox, message).
QList<LogRecord> logRecordsFrom(QSqlQuery &query)
{
    QList<LogRecord> records;
    while (query.next()) {
        LogRecord record;
        record.id = query.value(0).toLongLong();
        record.at = fromMs(query.value(1));
        record.level = LogLevel(qBound(0, query.value(2).toInt(), 3));
        record.category = query.value(3).toString();
        record.mailbox = query.value(4).toString();
        record.message = query.value(5).toString();
        records.append(record);
    }
    return records;
}

const QString kProfileColumns = u"id, name, incoming_protocol, incoming_host, incoming_port, incoming_security, "
                                "incoming_ca_file, outgoing_host, outgoing_port, outgoing_security, outgoing_ca_file, "
                                "max_concurrent_connections, min_interval_seconds, base_interval_seconds, "
                                "max_interval_seconds, max_message_bytes"_s;

ServerProfile profileFromQuery(const QSqlQuery &query)
{
    ServerProfile profile;
    profile.id = query.value(0).toLongLong();
    profile.name = query.value(1).toString();
    profile.incoming.protocol = protocolFromName(query.value(2).toString()).value_or(MailProtocol::Imap);
    profile.incoming.host = query.value(3).toString();
    profile.incoming.port = quint16(query.value(4).toUInt());
    profile.incoming.security = securityFromName(query.value(5).toString()).value_or(Security::Tls);
    profile.incoming.caFile = query.value(6).toString();
    if (!query.value(7).isNull()) {
        Endpoint outgoing;
        outgoing.protocol = MailProtocol::Smtp;
        outgoing.host = query.value(7).toString();
        outgoing.port = quint16(query.value(8).toUInt());
        outgoing.security = securityFromName(query.value(9).toString()).value_or(Security::Tls);
        outgoing.caFile = query.value(10).toString();
        profile.outgoing = outgoing;
    }
    profile.maxConcurrentConnections = query.value(11).toInt();
    auto optionalInt = [&](int column) {
        return query.value(column).isNull() ? std::optional<int>() : std::optional<int>(query.value(column).toInt());
    };
    profile.minIntervalSeconds = optionalInt(12);
    profile.baseIntervalSeconds = optionalInt(13);
    profile.maxIntervalSeconds = optionalInt(14);
    if (!query.value(15).isNull()) {
        profile.maxMessageBytes = query.value(15).toLongLong();
    }
    return profile;
}

const QString kMailboxColumns = u"m.id, m.address, m.profile_id, p.name, m.username, m.password_source, m.enabled, "
                                "m.folders, m.disabled_reason, m.disabled_at, m.owner_type, m.owner_key, m.tracking, "
                                "m.tracked_folders_json, m.verbose_log, m.process_from"_s;
constexpr int kMailboxColumnCount = 16;

QString trackedFoldersToJson(const QMap<QString, RecordRef> &folders)
{
    QJsonObject object;
    for (auto it = folders.cbegin(); it != folders.cend(); ++it) {
        object.insert(it.key(), QString(it.value().type + u':' + it.value().id));
    }
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QMap<QString, RecordRef> trackedFoldersFromJson(const QString &json)
{
    QMap<QString, RecordRef> folders;
    const QJsonObject object = QJsonDocument::fromJson(json.toUtf8()).object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString reference = it.value().toString();
        folders.insert(it.key(), {reference.section(u':', 0, 0), reference.section(u':', 1)});
    }
    return folders;
}

Mailbox mailboxFromQuery(const QSqlQuery &query, int offset = 0)
{
    Mailbox mailbox;
    mailbox.id = query.value(offset + 0).toLongLong();
    mailbox.address = query.value(offset + 1).toString();
    mailbox.profileId = query.value(offset + 2).toLongLong();
    mailbox.profileName = query.value(offset + 3).toString();
    mailbox.username = query.value(offset + 4).toString();
    mailbox.passwordSource = query.value(offset + 5).toString();
    mailbox.enabled = query.value(offset + 6).toBool();
    mailbox.folders = stringsFromJson(query.value(offset + 7).toString());
    if (mailbox.folders.isEmpty()) {
        mailbox.folders = {u"INBOX"_s};
    }
    mailbox.disabledReason = query.value(offset + 8).toString();
    mailbox.disabledAt = fromMs(query.value(offset + 9));
    mailbox.ownerType = query.value(offset + 10).toString();
    mailbox.ownerKey = query.value(offset + 11).toString();
    mailbox.tracking = trackingOptionFromName(query.value(offset + 12).toString()).value_or(TrackingOption::All);
    mailbox.trackedFolders = trackedFoldersFromJson(query.value(offset + 13).toString());
    mailbox.verboseLog = query.value(offset + 14).toBool();
    mailbox.processFrom = fromMs(query.value(offset + 15));
    return mailbox;
}

const QString kStateColumns =
    u"s.mailbox_id, COALESCE(s.interval_ms, s.interval_seconds * 1000), s.interval_reason, s.last_sync_at, "
    "s.last_success_at, s.next_due_at, s.consecutive_failures, s.last_error_class, s.last_error_message, "
    "s.last_error_detail, s.last_error_hint, s.items_last_sync, s.lease_owner, s.lease_until, s.avg_new_items, "
    "s.last_new_item_at, s.first_sync_at, s.overdue_cause, s.items_withheld, s.fields_withheld, s.last_error_stage, "
    "s.last_audit_at, s.last_audit_missing"_s;

MailboxState stateFromQuery(const QSqlQuery &query, int offset = 0)
{
    MailboxState state;
    state.mailboxId = query.value(offset + 0).toLongLong();
    state.intervalMs = query.value(offset + 1).isNull() ? 300000 : query.value(offset + 1).toLongLong();
    state.intervalReason = intervalReasonFromName(query.value(offset + 2).toString());
    state.lastSyncAt = fromMs(query.value(offset + 3));
    state.lastSuccessAt = fromMs(query.value(offset + 4));
    state.nextDueAt = fromMs(query.value(offset + 5));
    state.consecutiveFailures = query.value(offset + 6).toInt();
    state.lastErrorClass =
        query.value(offset + 7).isNull() ? ErrorClass::None : errorClassFromName(query.value(offset + 7).toString());
    state.lastErrorMessage = query.value(offset + 8).toString();
    state.lastErrorDetail = query.value(offset + 9).toString();
    state.lastErrorHintId = query.value(offset + 10).toString();
    state.itemsLastSync = query.value(offset + 11).toInt();
    state.leaseOwner = query.value(offset + 12).toString();
    state.leaseUntil = fromMs(query.value(offset + 13));
    state.itemsPerMinute = query.value(offset + 14).toDouble();
    state.lastNewItemAt = fromMs(query.value(offset + 15));
    state.firstSyncAt = fromMs(query.value(offset + 16));
    state.overdueCause = query.value(offset + 17).toString();
    state.itemsWithheld = query.value(offset + 18).toLongLong();
    state.fieldsWithheld = query.value(offset + 19).toLongLong();
    state.lastErrorStage = errorStageFromName(query.value(offset + 20).toString());
    state.lastAuditAt = fromMs(query.value(offset + 21));
    state.lastAuditMissing = query.value(offset + 22).isNull() ? -1 : query.value(offset + 22).toInt();
    return state;
}

const QString kActivityColumns = u"a.id, a.mailbox_id, m.address, a.folder, a.uidvalidity, a.uid, a.message_id, "
                                 "a.dedupe_key, a.subject, a.from_name, a.from_address, a.to_json, a.cc_json, "
                                 "a.sent_at, a.body_text, a.regarding_type, a.regarding_id, a.correlation, "
                                 "a.created_at, a.in_reply_to, a.references_json, a.attachments_json, a.size_bytes, "
                                 "a.warnings_json, a.parties_json, a.withheld_json, a.conversation"_s;

Activity activityFromQuery(const QSqlQuery &query)
{
    Activity activity;
    activity.id = query.value(0).toLongLong();
    activity.mailboxId = query.value(1).toLongLong();
    activity.mailboxAddress = query.value(2).toString();
    activity.folder = query.value(3).toString();
    activity.uidValidity = query.value(4).toUInt();
    activity.uid = query.value(5).toUInt();
    activity.messageId = query.value(6).toString();
    activity.dedupeKey = query.value(7).toString();
    activity.subject = query.value(8).toString();
    activity.from = {query.value(9).toString(), query.value(10).toString()};
    activity.to = addressesFromJson(query.value(11).toString());
    activity.cc = addressesFromJson(query.value(12).toString());
    activity.date = fromMs(query.value(13));
    activity.bodyText = query.value(14).toString();
    if (!query.value(15).isNull()) {
        activity.regarding = RecordRef{query.value(15).toString(), query.value(16).toString()};
    }
    activity.correlation = query.value(17).toString();
    activity.createdAt = fromMs(query.value(18));
    activity.inReplyTo = query.value(19).toString();
    activity.references = stringsFromJson(query.value(20).toString());
    activity.attachments = attachmentsFromJson(query.value(21).toString());
    activity.size = query.value(22).toLongLong();
    activity.warnings = stringsFromJson(query.value(23).toString());
    activity.parties = partiesFromJson(query.value(24).toString());
    activity.withheldFields = stringsFromJson(query.value(25).toString());
    activity.conversation = query.value(26).toString();
    return activity;
}

} // namespace

Store::Store(const StoreConfig &config)
    : m_config(config)
    , m_connectionName(u"syncdesk-store-"_s + QString::number(++s_connectionCounter))
{}

Store::~Store()
{
    m_cachedQueries.clear(); // before the connection goes
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen()) {
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<Store>> Store::open(const StoreConfig &config)
{
    return openAtVersion(config, latestSchemaVersion());
}

Result<std::unique_ptr<Store>> Store::openAtVersion(const StoreConfig &config, int version)
{
    std::unique_ptr<Store> store(new Store(config));
    if (Status opened = store->openConnection(); !opened) {
        return opened.error();
    }
    if (Status migrated = store->migrate(version); !migrated) {
        return migrated.error();
    }
    return store;
}

Status Store::openConnection()
{
    if (m_config.sqlitePath.isEmpty()) {
        return SyncError::make(ErrorClass::Config, u"store-error"_s, u"no database path given"_s);
    }
    const QFileInfo info(m_config.sqlitePath);
    // A new database is created 0600 in folders created 0700: SQLite gives its -wal and -shm files the
    // database's mode, so mail and the log are never readable by others, whatever the umask.
    if (!info.exists()) {
        if (Status created = PrivateFiles::createFile(m_config.sqlitePath); !created) {
            return SyncError::make(ErrorClass::Store, u"store-readonly"_s, created.error().message);
        }
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    if (!db.isValid()) {
        return SyncError::make(ErrorClass::Store, u"store-error"_s,
                               u"the Qt SQLite driver (QSQLITE) is not installed"_s);
    }
    db.setDatabaseName(m_config.sqlitePath);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(m_config.busyTimeoutMs));
    if (!db.open()) {
        return errorFrom(db.lastError(), u"open database %1"_s.arg(m_config.sqlitePath));
    }
    // WAL lets readers (the console) work while a writer commits; NORMAL is durable across crashes
    // of the process, and still consistent after a power loss.
    for (const QString &pragma :
         {u"PRAGMA journal_mode=WAL"_s, u"PRAGMA synchronous=NORMAL"_s, u"PRAGMA foreign_keys=ON"_s}) {
        if (auto result = exec(pragma); !result) {
            return result.error();
        }
    }
    return {};
}

Status Store::migrate(int targetVersion)
{
    auto created = exec(u"CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                        "description TEXT NOT NULL, applied_at INTEGER NOT NULL)"_s);
    if (!created) {
        return created.error();
    }
    for (const SchemaMigration &migration : schemaMigrations()) {
        if (migration.version > targetVersion) {
            break;
        }
        // Each step in its own write transaction; the version is checked again inside it, so two
        // processes opening a new file at the same time do not both apply a step.
        Status applied = transaction([&]() -> Status {
            auto current = schemaVersion();
            if (!current) {
                return current.error();
            }
            if (*current >= migration.version) {
                return {};
            }
            for (const QString &statement : migration.statements) {
                if (auto result = exec(statement); !result) {
                    return result.error();
                }
            }
            auto recorded = exec(u"INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)"_s,
                                 {migration.version, migration.description, QDateTime::currentMSecsSinceEpoch()});
            if (!recorded) {
                return recorded.error();
            }
            return {};
        });
        if (!applied) {
            SyncError error = applied.error();
            error.message = u"schema migration to version %1 failed: %2"_s.arg(migration.version).arg(error.message);
            return error;
        }
    }
    auto current = schemaVersion();
    if (!current) {
        return current.error();
    }
    if (*current > latestSchemaVersion()) {
        return SyncError::make(ErrorClass::Store, u"store-error"_s,
                               u"the database %1 has schema version %2, newer than this SyncDesk knows (%3); "
                               "use a newer SyncDesk"_s.arg(m_config.sqlitePath)
                                   .arg(*current)
                                   .arg(latestSchemaVersion()));
    }
    return {};
}

Result<int> Store::schemaVersion()
{
    auto query = exec(u"SELECT COALESCE(MAX(version), 0) FROM schema_version"_s);
    if (!query) {
        return query.error();
    }
    return query->next() ? query->value(0).toInt() : 0;
}

Result<qint64> Store::dataVersion()
{
    auto query = exec(u"PRAGMA data_version"_s);
    if (!query) {
        return query.error();
    }
    return query->next() ? query->value(0).toLongLong() : qint64(0);
}

Result<QSqlQuery> Store::exec(const QString &sql, const QVariantList &values)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    if (!query.prepare(sql)) {
        return errorFrom(query, u"prepare"_s);
    }
    for (qsizetype i = 0; i < values.size(); ++i) {
        const QVariant &value = values.at(i);
        // A null QString binds as SQL NULL; only an explicitly null QVariant should.
        if (value.typeId() == QMetaType::QString && !value.isNull() && value.toString().isNull()) {
            query.bindValue(int(i), QStringLiteral(""));
        } else {
            query.bindValue(int(i), value);
        }
    }
    if (!query.exec()) {
        return errorFrom(query, u"execute"_s);
    }
    return query;
}

Result<QSqlQuery *> Store::execCached(const QString &sql, const QVariantList &values)
{
    auto it = m_cachedQueries.find(sql);
    if (it == m_cachedQueries.end()) {
        QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
        query.setForwardOnly(true);
        if (!query.prepare(sql)) {
            return errorFrom(query, u"prepare"_s);
        }
        it = m_cachedQueries.insert(sql, query);
    }
    QSqlQuery &query = it.value();
    for (qsizetype i = 0; i < values.size(); ++i) {
        const QVariant &value = values.at(i);
        if (value.typeId() == QMetaType::QString && !value.isNull() && value.toString().isNull()) {
            query.bindValue(int(i), QStringLiteral(""));
        } else {
            query.bindValue(int(i), value);
        }
    }
    if (!query.exec()) {
        SyncError error = errorFrom(query, u"execute"_s);
        m_cachedQueries.erase(it);
        return error;
    }
    return &query;
}

SyncError Store::errorFrom(const QSqlQuery &query, const QString &what) const
{
    return errorFrom(query.lastError(), what + u": "_s + query.lastQuery().simplified().left(120));
}

SyncError Store::errorFrom(const QSqlError &error, const QString &what) const
{
    // SQLite result codes: the primary code is the low byte of the extended one.
    const int code = error.nativeErrorCode().toInt() & 0xff;
    QString hint = u"store-error"_s;
    QString message = u"database error"_s;
    switch (code) {
    case 5: // SQLITE_BUSY
    case 6: // SQLITE_LOCKED
        hint = u"store-locked"_s;
        message = u"the database is locked by another process"_s;
        break;
    case 8: // SQLITE_READONLY
        hint = u"store-readonly"_s;
        message = u"the database is read-only"_s;
        break;
    case 13: // SQLITE_FULL
        hint = u"store-full"_s;
        message = u"the database's disk is full"_s;
        break;
    case 14: // SQLITE_CANTOPEN
        hint = u"store-readonly"_s;
        message = u"the database file cannot be opened"_s;
        break;
    case 3:  // SQLITE_PERM
    case 23: // SQLITE_AUTH
        hint = u"store-readonly"_s;
        message = u"the database refused access"_s;
        break;
    case 11: // SQLITE_CORRUPT
    case 26: // SQLITE_NOTADB
        message = u"the database file is damaged or is not a SyncDesk database"_s;
        break;
    case 10: // SQLITE_IOERR
        message = u"the disk holding the database reported an I/O error"_s;
        break;
    case 18:                       // SQLITE_TOOBIG
        hint = u"message-store"_s; // about the rows written, not the store: ItemFailures::isItemSpecific
        message = u"a value is too large for the database"_s;
        break;
    case 19: // SQLITE_CONSTRAINT
    case 20: // SQLITE_MISMATCH
        hint = u"message-store"_s;
        message = u"the database refused a row (a constraint or a trigger)"_s;
        break;
    default:
        break;
    }
    SyncError result = SyncError::make(ErrorClass::Store, hint, message + u" (" + m_config.sqlitePath + u')',
                                       what + u": "_s + error.text());
    result.stage = ErrorStage::Store;
    return result;
}

Status Store::probeWrite()
{
    if (Status written = transaction([this]() -> Status {
            auto inserted = exec(u"INSERT INTO store_probe (data) VALUES (zeroblob(262144))"_s);
            return inserted ? Status{} : Status(inserted.error());
        });
        !written) {
        return written;
    }
    auto removed = exec(u"DELETE FROM store_probe"_s);
    return removed ? Status{} : Status(removed.error());
}

Status Store::transaction(const std::function<Status()> &body)
{
    if (m_transactionDepth > 0) {
        ++m_transactionDepth;
        Status status = body();
        --m_transactionDepth;
        return status;
    }
    // IMMEDIATE takes the write lock up front (waiting up to the busy timeout) so that a transaction
    // never fails half-way because another connection wrote first.
    if (auto begun = exec(u"BEGIN IMMEDIATE"_s); !begun) {
        return begun.error();
    }
    ++m_transactionDepth;
    Status status = body();
    --m_transactionDepth;
    if (status) {
        if (auto committed = exec(u"COMMIT"_s); !committed) {
            (void)exec(u"ROLLBACK"_s);
            return committed.error();
        }
        return {};
    }
    (void)exec(u"ROLLBACK"_s);
    return status;
}

Result<qint64> Store::upsertProfile(const ServerProfile &profile)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const bool hasOutgoing = profile.outgoing.has_value();
    const QVariant nullText(QMetaType::fromType<QString>());
    const QVariant nullInt(QMetaType::fromType<int>());
    auto query = exec(
        u"INSERT INTO server_profiles (name, incoming_protocol, incoming_host, incoming_port, incoming_security, "
        "incoming_ca_file, outgoing_host, outgoing_port, outgoing_security, outgoing_ca_file, "
        "max_concurrent_connections, min_interval_seconds, base_interval_seconds, max_interval_seconds, "
        "max_message_bytes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (name) DO UPDATE SET incoming_protocol = excluded.incoming_protocol, "
        "incoming_host = excluded.incoming_host, incoming_port = excluded.incoming_port, "
        "incoming_security = excluded.incoming_security, incoming_ca_file = excluded.incoming_ca_file, "
        "outgoing_host = excluded.outgoing_host, outgoing_port = excluded.outgoing_port, "
        "outgoing_security = excluded.outgoing_security, outgoing_ca_file = excluded.outgoing_ca_file, "
        "max_concurrent_connections = excluded.max_concurrent_connections, "
        "min_interval_seconds = excluded.min_interval_seconds, base_interval_seconds = excluded.base_interval_seconds, "
        "max_interval_seconds = excluded.max_interval_seconds, max_message_bytes = excluded.max_message_bytes, "
        "updated_at = excluded.updated_at"_s,
        {profile.name, protocolName(profile.incoming.protocol), profile.incoming.host, int(profile.incoming.port),
         securityName(profile.incoming.security), profile.incoming.caFile,
         hasOutgoing ? QVariant(profile.outgoing->host) : nullText,
         hasOutgoing ? QVariant(int(profile.outgoing->port)) : nullInt,
         hasOutgoing ? QVariant(securityName(profile.outgoing->security)) : nullText,
         hasOutgoing ? QVariant(profile.outgoing->caFile) : nullText, profile.maxConcurrentConnections,
         profile.minIntervalSeconds ? QVariant(*profile.minIntervalSeconds) : nullInt,
         profile.baseIntervalSeconds ? QVariant(*profile.baseIntervalSeconds) : nullInt,
         profile.maxIntervalSeconds ? QVariant(*profile.maxIntervalSeconds) : nullInt,
         profile.maxMessageBytes ? QVariant(*profile.maxMessageBytes) : QVariant(QMetaType::fromType<qint64>()), now,
         now});
    if (!query) {
        return query.error();
    }
    auto id = exec(u"SELECT id FROM server_profiles WHERE name = ?"_s, {profile.name});
    if (!id) {
        return id.error();
    }
    return id->next() ? id->value(0).toLongLong() : qint64(0);
}

Result<QList<ServerProfile>> Store::profiles()
{
    auto query = exec(u"SELECT "_s + kProfileColumns + u" FROM server_profiles ORDER BY name"_s);
    if (!query) {
        return query.error();
    }
    QList<ServerProfile> result;
    while (query->next()) {
        result.append(profileFromQuery(*query));
    }
    return result;
}

Result<std::optional<ServerProfile>> Store::profile(qint64 id)
{
    auto query = exec(u"SELECT "_s + kProfileColumns + u" FROM server_profiles WHERE id = ?"_s, {id});
    if (!query) {
        return query.error();
    }
    if (!query->next()) {
        return std::optional<ServerProfile>();
    }
    return std::optional<ServerProfile>(profileFromQuery(*query));
}

Result<qint64> Store::upsertMailbox(const Mailbox &mailbox)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    qint64 id = 0;
    Status status = transaction([&]() -> Status {
        const QVariant nullText(QMetaType::fromType<QString>());
        auto query =
            exec(u"INSERT INTO mailboxes (address, profile_id, username, password_source, enabled, folders, "
                 "disabled_reason, disabled_at, owner_type, owner_key, tracking, tracked_folders_json, "
                 "created_at, updated_at, process_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                 "ON CONFLICT (address) DO UPDATE SET profile_id = excluded.profile_id, "
                 "username = excluded.username, password_source = excluded.password_source, "
                 "enabled = excluded.enabled, folders = excluded.folders, "
                 "disabled_reason = excluded.disabled_reason, disabled_at = excluded.disabled_at, "
                 "owner_type = excluded.owner_type, owner_key = excluded.owner_key, "
                 "tracking = excluded.tracking, tracked_folders_json = excluded.tracked_folders_json, "
                 "updated_at = excluded.updated_at, process_from = excluded.process_from"_s,
                 {mailbox.address, mailbox.profileId, mailbox.username, mailbox.passwordSource, mailbox.enabled ? 1 : 0,
                  stringsToJson(mailbox.folders),
                  mailbox.enabled || mailbox.disabledReason.isEmpty() ? nullText : QVariant(mailbox.disabledReason),
                  mailbox.enabled ? QVariant(QMetaType::fromType<qint64>()) : toMs(mailbox.disabledAt),
                  mailbox.ownerType, mailbox.ownerKey, trackingOptionName(mailbox.tracking),
                  trackedFoldersToJson(mailbox.trackedFolders), now, now, toMs(mailbox.processFrom)});
        if (!query) {
            return query.error();
        }
        auto select = exec(u"SELECT id FROM mailboxes WHERE address = ?"_s, {mailbox.address});
        if (!select) {
            return select.error();
        }
        if (!select->next()) {
            return SyncError::make(ErrorClass::Internal, u"internal-error"_s, u"mailbox vanished after insert"_s);
        }
        id = select->value(0).toLongLong();
        return ensureStateRow(id);
    });
    if (!status) {
        return status.error();
    }
    return id;
}

Status Store::ensureStateRow(qint64 mailboxId)
{
    auto query =
        exec(u"INSERT INTO mailbox_state (mailbox_id) VALUES (?) ON CONFLICT (mailbox_id) DO NOTHING"_s, {mailboxId});
    if (!query) {
        return query.error();
    }
    return {};
}

Result<QList<Mailbox>> Store::mailboxes()
{
    auto query = exec(u"SELECT "_s + kMailboxColumns +
                      u" FROM mailboxes m JOIN server_profiles p ON p.id = m.profile_id ORDER BY m.address"_s);
    if (!query) {
        return query.error();
    }
    QList<Mailbox> result;
    while (query->next()) {
        result.append(mailboxFromQuery(*query));
    }
    return result;
}

Result<std::optional<Mailbox>> Store::mailbox(qint64 id)
{
    auto query = exec(u"SELECT "_s + kMailboxColumns +
                          u" FROM mailboxes m JOIN server_profiles p ON p.id = m.profile_id WHERE m.id = ?"_s,
                      {id});
    if (!query) {
        return query.error();
    }
    if (!query->next()) {
        return std::optional<Mailbox>();
    }
    return std::optional<Mailbox>(mailboxFromQuery(*query));
}

Result<std::optional<Mailbox>> Store::mailboxByAddress(const QString &address)
{
    auto query = exec(u"SELECT "_s + kMailboxColumns +
                          u" FROM mailboxes m JOIN server_profiles p ON p.id = m.profile_id WHERE m.address = ?"_s,
                      {address.trimmed().toLower()});
    if (!query) {
        return query.error();
    }
    if (!query->next()) {
        return std::optional<Mailbox>();
    }
    return std::optional<Mailbox>(mailboxFromQuery(*query));
}

Status Store::setMailboxEnabled(qint64 mailboxId, bool enabled, const QString &reason, const QDateTime &now)
{
    return transaction([&]() -> Status {
        if (!enabled) {
            auto query = exec(u"UPDATE mailboxes SET enabled = 0, disabled_reason = ?, disabled_at = ?, updated_at = ? "
                              "WHERE id = ?"_s,
                              {reason, now.toMSecsSinceEpoch(), now.toMSecsSinceEpoch(), mailboxId});
            if (!query) {
                return query.error();
            }
            return {};
        }
        auto query = exec(u"UPDATE mailboxes SET enabled = 1, disabled_reason = NULL, disabled_at = NULL, "
                          "updated_at = ? WHERE id = ?"_s,
                          {now.toMSecsSinceEpoch(), mailboxId});
        if (!query) {
            return query.error();
        }
        // Enabling starts afresh: no failure counted, due now.
        auto reset =
            exec(u"UPDATE mailbox_state SET consecutive_failures = 0, next_due_at = NULL, "
                 "interval_reason = 'normal', last_error_class = NULL, last_error_message = NULL, "
                 "last_error_detail = NULL, last_error_hint = NULL, last_error_stage = NULL, overdue_cause = NULL "
                 "WHERE mailbox_id = ?"_s,
                 {mailboxId});
        if (!reset) {
            return reset.error();
        }
        return {};
    });
}

Result<qint64> Store::configVersion()
{
    auto query = exec(u"SELECT value FROM meta WHERE key = 'config_version'"_s);
    if (!query) {
        return query.error();
    }
    return query->next() ? query->value(0).toLongLong() : qint64(0);
}

Result<QJsonObject> Store::setting(const QString &key)
{
    auto query = exec(u"SELECT value FROM settings WHERE key = ?"_s, {key});
    if (!query) {
        return query.error();
    }
    if (!query->next()) {
        return QJsonObject();
    }
    return QJsonDocument::fromJson(query->value(0).toString().toUtf8()).object();
}

Status Store::setSetting(const QString &key, const QJsonObject &value)
{
    auto current = setting(key);
    if (current && *current == value) {
        return {}; // unchanged: do not make every engine reload
    }
    auto query = exec(u"INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET "
                      "value = excluded.value"_s,
                      {key, QString::fromUtf8(QJsonDocument(value).toJson(QJsonDocument::Compact))});
    if (!query) {
        return query.error();
    }
    return {};
}

Status Store::setOverdueCauses(const QHash<qint64, QString> &changes)
{
    if (changes.isEmpty()) {
        return {};
    }
    return transaction([&]() -> Status {
        const QVariant nullText(QMetaType::fromType<QString>());
        for (auto it = changes.cbegin(); it != changes.cend(); ++it) {
            auto query = exec(u"UPDATE mailbox_state SET overdue_cause = ? WHERE mailbox_id = ?"_s,
                              {it.value().isEmpty() ? nullText : QVariant(it.value()), it.key()});
            if (!query) {
                return query.error();
            }
        }
        return {};
    });
}

Status Store::publishNode(const NodeStatus &node)
{
    auto query = exec(u"INSERT INTO nodes (node_id, host, pid, started_at, heartbeat_at, workers_total, workers_busy, "
                      "capacity, running, queued, overdue, profiles_json, stopped, pid_namespace) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (node_id) DO UPDATE SET "
                      "heartbeat_at = excluded.heartbeat_at, workers_total = excluded.workers_total, "
                      "workers_busy = excluded.workers_busy, capacity = excluded.capacity, "
                      "running = excluded.running, queued = excluded.queued, overdue = excluded.overdue, "
                      "profiles_json = excluded.profiles_json, stopped = excluded.stopped"_s,
                      {node.nodeId, node.host, node.pid, toMs(node.startedAt), toMs(node.heartbeatAt),
                       node.workersTotal, node.workersBusy, node.capacity, node.running, node.queued, node.overdue,
                       QString::fromUtf8(QJsonDocument(node.profiles).toJson(QJsonDocument::Compact)),
                       node.stopped ? 1 : 0, node.pidNamespace});
    if (!query) {
        return query.error();
    }
    return {};
}

Result<QList<NodeStatus>> Store::nodes()
{
    auto query = exec(u"SELECT node_id, host, pid, started_at, heartbeat_at, workers_total, workers_busy, capacity, "
                      "running, queued, overdue, profiles_json, stopped, pid_namespace FROM nodes ORDER BY node_id"_s);
    if (!query) {
        return query.error();
    }
    QList<NodeStatus> nodes;
    while (query->next()) {
        NodeStatus node;
        node.nodeId = query->value(0).toString();
        node.host = query->value(1).toString();
        node.pid = query->value(2).toLongLong();
        node.startedAt = fromMs(query->value(3));
        node.heartbeatAt = fromMs(query->value(4));
        node.workersTotal = query->value(5).toInt();
        node.workersBusy = query->value(6).toInt();
        node.capacity = query->value(7).toInt();
        node.running = query->value(8).toInt();
        node.queued = query->value(9).toInt();
        node.overdue = query->value(10).toInt();
        node.profiles = QJsonDocument::fromJson(query->value(11).toString().toUtf8()).array();
        node.stopped = query->value(12).toBool();
        node.pidNamespace = query->value(13).toString();
        nodes.append(node);
    }
    return nodes;
}

Result<qint64> Store::raiseAlert(const Alert &alert)
{
    qint64 id = 0;
    Status status = transaction([&]() -> Status {
        auto existing = exec(u"SELECT id FROM alerts WHERE cause_key = ? AND state <> 'closed'"_s, {alert.causeKey});
        if (!existing) {
            return existing.error();
        }
        const qint64 now = toMs(alert.raisedAt).toLongLong();
        if (existing->next()) {
            // One open alert per cause: a repeat counts, it does not raise another.
            id = existing->value(0).toLongLong();
            existing->finish();
            auto updated = exec(u"UPDATE alerts SET occurrences = occurrences + 1, updated_at = ?, message = ? "
                                "WHERE id = ?"_s,
                                {now, alert.message, id});
            if (!updated) {
                return updated.error();
            }
            return {};
        }
        existing->finish();
        const QVariant nullId(QMetaType::fromType<qint64>());
        auto inserted =
            exec(u"INSERT INTO alerts (cause_key, kind, severity, mailbox_id, profile_id, hint_id, message, "
                 "raised_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                 {alert.causeKey, alert.kind, alert.severity, alert.mailboxId > 0 ? QVariant(alert.mailboxId) : nullId,
                  alert.profileId > 0 ? QVariant(alert.profileId) : nullId, alert.hintId, alert.message, now, now});
        if (!inserted) {
            return inserted.error();
        }
        id = inserted->lastInsertId().toLongLong();
        return {};
    });
    if (!status) {
        return status.error();
    }
    return id;
}

Status Store::closeAlerts(const QString &causeKey, const QDateTime &now)
{
    auto query = exec(u"UPDATE alerts SET state = 'closed', closed_at = ?, updated_at = ? "
                      "WHERE cause_key = ? AND state <> 'closed'"_s,
                      {now.toMSecsSinceEpoch(), now.toMSecsSinceEpoch(), causeKey});
    if (!query) {
        return query.error();
    }
    return {};
}

Result<QList<Alert>> Store::alerts(bool includeClosed)
{
    auto query =
        exec(u"SELECT a.id, a.cause_key, a.kind, a.severity, a.mailbox_id, a.profile_id, a.hint_id, "
             "a.message, a.raised_at, a.updated_at, a.occurrences, a.state, a.acknowledged_at, a.closed_at, "
             "COALESCE(m.address, ''), COALESCE(p.name, ''), a.incident_id FROM alerts a "
             "LEFT JOIN mailboxes m ON m.id = a.mailbox_id LEFT JOIN server_profiles p ON p.id = a.profile_id " +
             QString(includeClosed ? QString() : u"WHERE a.state <> 'closed' "_s) +
             u"ORDER BY a.raised_at DESC, a.id DESC"_s);
    if (!query) {
        return query.error();
    }
    QList<Alert> list;
    while (query->next()) {
        Alert alert;
        alert.id = query->value(0).toLongLong();
        alert.causeKey = query->value(1).toString();
        alert.kind = query->value(2).toString();
        alert.severity = query->value(3).toString();
        alert.mailboxId = query->value(4).toLongLong();
        alert.profileId = query->value(5).toLongLong();
        alert.hintId = query->value(6).toString();
        alert.message = query->value(7).toString();
        alert.raisedAt = fromMs(query->value(8));
        alert.updatedAt = fromMs(query->value(9));
        alert.occurrences = query->value(10).toInt();
        alert.state = query->value(11).toString();
        alert.acknowledgedAt = fromMs(query->value(12));
        alert.closedAt = fromMs(query->value(13));
        alert.mailboxAddress = query->value(14).toString();
        alert.profileName = query->value(15).toString();
        alert.incidentId = query->value(16).toLongLong();
        list.append(alert);
    }
    return list;
}

Result<MailboxState> Store::mailboxState(qint64 mailboxId)
{
    auto query = exec(u"SELECT "_s + kStateColumns + u" FROM mailbox_state s WHERE s.mailbox_id = ?"_s, {mailboxId});
    if (!query) {
        return query.error();
    }
    if (!query->next()) {
        MailboxState state;
        state.mailboxId = mailboxId;
        return state;
    }
    return stateFromQuery(*query);
}

Status Store::saveMailboxState(const MailboxState &state)
{
    const bool hasError = state.lastErrorClass != ErrorClass::None;
    const QVariant nullText(QMetaType::fromType<QString>());
    auto query = exec(
        u"INSERT INTO mailbox_state (mailbox_id, interval_seconds, interval_reason, last_sync_at, last_success_at, "
        "next_due_at, consecutive_failures, last_error_class, last_error_message, last_error_detail, "
        "last_error_hint, items_last_sync, interval_ms, avg_new_items, last_new_item_at, first_sync_at, "
        "last_error_stage) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (mailbox_id) DO UPDATE SET interval_seconds = excluded.interval_seconds, "
        "interval_reason = excluded.interval_reason, last_sync_at = excluded.last_sync_at, "
        "last_success_at = excluded.last_success_at, next_due_at = excluded.next_due_at, "
        "consecutive_failures = excluded.consecutive_failures, last_error_class = excluded.last_error_class, "
        "last_error_message = excluded.last_error_message, last_error_detail = excluded.last_error_detail, "
        "last_error_hint = excluded.last_error_hint, items_last_sync = excluded.items_last_sync, "
        "interval_ms = excluded.interval_ms, avg_new_items = excluded.avg_new_items, "
        "last_new_item_at = excluded.last_new_item_at, first_sync_at = excluded.first_sync_at, "
        "last_error_stage = excluded.last_error_stage"_s,
        {state.mailboxId, int((state.intervalMs + 500) / 1000), intervalReasonName(state.intervalReason),
         toMs(state.lastSyncAt), toMs(state.lastSuccessAt), toMs(state.nextDueAt), state.consecutiveFailures,
         hasError ? QVariant(errorClassName(state.lastErrorClass)) : nullText,
         hasError ? QVariant(state.lastErrorMessage) : nullText, hasError ? QVariant(state.lastErrorDetail) : nullText,
         hasError ? QVariant(state.lastErrorHintId) : nullText, state.itemsLastSync, state.intervalMs,
         state.itemsPerMinute, toMs(state.lastNewItemAt), toMs(state.firstSyncAt),
         hasError && state.lastErrorStage != ErrorStage::Unknown ? QVariant(errorStageName(state.lastErrorStage))
                                                                 : nullText});
    if (!query) {
        return query.error();
    }
    return {};
}

Result<MailboxStatusList> Store::mailboxStatuses()
{
    auto query = exec(u"SELECT "_s + kMailboxColumns + u", "_s + kStateColumns +
                      u" FROM mailboxes m JOIN server_profiles p ON p.id = m.profile_id "
                      "LEFT JOIN mailbox_state s ON s.mailbox_id = m.id ORDER BY m.address"_s);
    if (!query) {
        return query.error();
    }
    MailboxStatusList result;
    while (query->next()) {
        MailboxStatus status;
        status.mailbox = mailboxFromQuery(*query, 0);
        status.state = stateFromQuery(*query, kMailboxColumnCount);
        status.state.mailboxId = status.mailbox.id;
        result.append(status);
    }
    return result;
}

Result<QList<qint64>> Store::dueMailboxes(const QDateTime &now)
{
    const qint64 nowMs = now.toMSecsSinceEpoch();
    auto query = exec(u"SELECT m.id FROM mailboxes m JOIN mailbox_state s ON s.mailbox_id = m.id "
                      "WHERE m.enabled = 1 AND (s.next_due_at IS NULL OR s.next_due_at <= ?) "
                      "AND (s.lease_owner IS NULL OR s.lease_until IS NULL OR s.lease_until <= ?) "
                      "ORDER BY COALESCE(s.next_due_at, 0), m.id"_s,
                      {nowMs, nowMs});
    if (!query) {
        return query.error();
    }
    QList<qint64> ids;
    while (query->next()) {
        ids.append(query->value(0).toLongLong());
    }
    return ids;
}

Result<Store::Claim> Store::claimMailbox(qint64 mailboxId, qint64 profileId, int maxConnections, const QString &node,
                                         const QDateTime &now, const QDateTime &leaseUntil)
{
    Claim claimed = Claim::HeldElsewhere;
    Status status = transaction([&]() -> Status {
        if (Status row = ensureStateRow(mailboxId); !row) {
            return row;
        }
        auto busy = exec(u"SELECT COUNT(*) FROM mailbox_state s JOIN mailboxes m ON m.id = s.mailbox_id "
                         "WHERE m.profile_id = ? AND s.mailbox_id <> ? AND s.lease_owner IS NOT NULL "
                         "AND s.lease_until > ?"_s,
                         {profileId, mailboxId, now.toMSecsSinceEpoch()});
        if (!busy) {
            return busy.error();
        }
        if (busy->next() && busy->value(0).toInt() >= qMax(1, maxConnections)) {
            claimed = Claim::ProfileFull;
            return {};
        }
        busy->finish();
        auto query = exec(u"UPDATE mailbox_state SET lease_owner = ?, lease_until = ? WHERE mailbox_id = ? AND "
                          "(lease_owner IS NULL OR lease_owner = ? OR lease_until IS NULL OR lease_until <= ?)"_s,
                          {node, leaseUntil.toMSecsSinceEpoch(), mailboxId, node, now.toMSecsSinceEpoch()});
        if (!query) {
            return query.error();
        }
        claimed = query->numRowsAffected() == 1 ? Claim::Claimed : Claim::HeldElsewhere;
        return {};
    });
    if (!status) {
        return status.error();
    }
    return claimed;
}

Status Store::renewLease(qint64 mailboxId, const QString &node, const QDateTime &leaseUntil)
{
    auto query = exec(u"UPDATE mailbox_state SET lease_until = ? WHERE mailbox_id = ? AND lease_owner = ?"_s,
                      {leaseUntil.toMSecsSinceEpoch(), mailboxId, node});
    if (!query) {
        return query.error();
    }
    return {};
}

Status Store::releaseMailbox(qint64 mailboxId, const QString &node)
{
    auto query = exec(u"UPDATE mailbox_state SET lease_owner = NULL, lease_until = NULL "
                      "WHERE mailbox_id = ? AND lease_owner = ?"_s,
                      {mailboxId, node});
    if (!query) {
        return query.error();
    }
    return {};
}

Result<QStringList> Store::leaseOwners()
{
    auto query = exec(u"SELECT DISTINCT lease_owner FROM mailbox_state WHERE lease_owner IS NOT NULL"_s);
    if (!query) {
        return query.error();
    }
    QStringList owners;
    while (query->next()) {
        owners.append(query->value(0).toString());
    }
    return owners;
}

Status Store::releaseAllLeases(const QString &node)
{
    auto query =
        exec(u"UPDATE mailbox_state SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ?"_s, {node});
    if (!query) {
        return query.error();
    }
    return {};
}

Result<FolderState> Store::folderState(qint64 mailboxId, const QString &folder)
{
    auto query = exec(u"SELECT uidvalidity, uidnext, highestmodseq, updated_at FROM folder_state "
                      "WHERE mailbox_id = ? AND folder = ?"_s,
                      {mailboxId, folder});
    if (!query) {
        return query.error();
    }
    FolderState state;
    state.mailboxId = mailboxId;
    state.folder = folder;
    if (query->next()) {
        state.uidValidity = query->value(0).toUInt();
        state.uidNext = query->value(1).toUInt();
        state.highestModSeq = query->value(2).toULongLong();
        state.updatedAt = fromMs(query->value(3));
    }
    return state;
}

Status Store::insertActivities(const QList<Activity> &activities, qint64 now, BatchResult &result)
{
    const QVariant nullText(QMetaType::fromType<QString>());
    for (const Activity &activity : activities) {
        // Already stored under its Message-ID (or header digest)? After a UIDVALIDITY reset of the
        // same folder the stored row moves to the new UID; a copy in another folder stays one activity.
        auto existing = execCached(u"SELECT id, folder, uidvalidity FROM activities WHERE mailbox_id = ? AND "
                                   "dedupe_key = ?"_s,
                                   {activity.mailboxId, activity.dedupeKey});
        if (!existing) {
            return existing.error();
        }
        QSqlQuery &found = **existing;
        std::optional<std::tuple<qint64, bool, quint32>> match; // id, same folder, its UIDVALIDITY
        if (found.next()) {
            match = {found.value(0).toLongLong(), found.value(1).toString() == activity.folder,
                     found.value(2).toUInt()};
        }
        found.finish();
        if (!match && !activity.legacyDedupeKey.isEmpty()) {
            // Stored by a version that keyed messages without a Message-ID by their header block: matched in
            // the same folder only (after a UIDVALIDITY reset), and given today's key from then on.
            auto legacy = execCached(u"SELECT id, uidvalidity FROM activities WHERE mailbox_id = ? AND "
                                     "dedupe_key = ? AND folder = ?"_s,
                                     {activity.mailboxId, activity.legacyDedupeKey, activity.folder});
            if (!legacy) {
                return legacy.error();
            }
            if ((*legacy)->next()) {
                match = {(*legacy)->value(0).toLongLong(), true, (*legacy)->value(1).toUInt()};
            }
            (*legacy)->finish();
            if (match) {
                auto rekeyed = execCached(u"UPDATE activities SET dedupe_key = ? WHERE id = ?"_s,
                                          {activity.dedupeKey, std::get<0>(*match)});
                if (!rekeyed) {
                    return rekeyed.error();
                }
            }
        }
        if (match) {
            const auto [id, sameFolder, storedValidity] = *match;
            result.ids.append(id);
            if (!sameFolder || storedValidity == activity.uidValidity) {
                // Another copy of a stored message: this UID points at that activity, for the audit.
                if (Status aliased = LedgerStore(*this).recordAlias(activity.mailboxId, activity.folder,
                                                                    activity.uidValidity, activity.uid, id);
                    !aliased) {
                    return aliased;
                }
            }
            if (sameFolder && storedValidity != activity.uidValidity) {
                auto moved = execCached(u"UPDATE activities SET uidvalidity = ?, uid = ? WHERE id = ?"_s,
                                        {activity.uidValidity, activity.uid, id});
                if (!moved) {
                    return moved.error();
                }
                ++result.relinked;
            }
            ++result.duplicates;
            continue;
        }
        result.ids.append(0);
        // A row already at this folder/UIDVALIDITY/UID (a message seen again without a Message-ID match)
        // makes the insert do nothing: a duplicate, found by the unique index instead of one more query.
        auto inserted = execCached(
            u"INSERT INTO activities (mailbox_id, folder, uidvalidity, uid, message_id, dedupe_key, subject, "
            "from_name, from_address, to_json, cc_json, sent_at, body_text, regarding_type, regarding_id, "
            "correlation, created_at, in_reply_to, references_json, attachments_json, size_bytes, warnings_json, "
            "parties_json, withheld_json, conversation) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (mailbox_id, folder, uidvalidity, uid) DO NOTHING"_s,
            {activity.mailboxId,
             activity.folder,
             activity.uidValidity,
             activity.uid,
             activity.messageId,
             activity.dedupeKey,
             activity.subject,
             activity.from.name,
             activity.from.address,
             addressesToJson(activity.to),
             addressesToJson(activity.cc),
             toMs(activity.date),
             activity.bodyText,
             activity.regarding ? QVariant(activity.regarding->type) : nullText,
             activity.regarding ? QVariant(activity.regarding->id) : nullText,
             activity.correlation,
             now,
             activity.inReplyTo,
             stringsToJson(activity.references),
             attachmentsToJson(activity.attachments),
             activity.size,
             stringsToJson(activity.warnings),
             partiesToJson(activity.parties),
             stringsToJson(activity.withheldFields),
             activity.conversation});
        if (!inserted) {
            return inserted.error();
        }
        if ((*inserted)->numRowsAffected() == 0) {
            ++result.duplicates;
            continue;
        }
        result.ids.last() = (*inserted)->lastInsertId().toLongLong();
        ++result.inserted;
    }
    return {};
}

Result<Pop3Maildrop> Store::pop3Maildrop(qint64 mailboxId)
{
    auto query = exec(u"SELECT uidl, local_uid FROM pop3_seen WHERE mailbox_id = ?"_s, {mailboxId});
    if (!query) {
        return query.error();
    }
    Pop3Maildrop maildrop;
    quint32 highest = 0;
    while (query->next()) {
        maildrop.seenUidls.insert(query->value(0).toString().toLatin1());
        highest = qMax(highest, query->value(1).toUInt());
    }
    // Activities of the mailbox in INBOX with UIDVALIDITY 0 were made by POP3 too (seen rows may be gone).
    auto activities = exec(u"SELECT COALESCE(MAX(uid), 0) FROM activities WHERE mailbox_id = ? AND folder = 'INBOX' "
                           "AND uidvalidity = 0"_s,
                           {mailboxId});
    if (!activities) {
        return activities.error();
    }
    if (activities->next()) {
        highest = qMax(highest, activities->value(0).toUInt());
    }
    maildrop.nextLocalUid = highest + 1;
    return maildrop;
}

Result<BatchResult> Store::writePop3Batch(qint64 mailboxId, const QList<Pop3SeenMessage> &seen,
                                          const QList<Activity> &activities)
{
    BatchResult result;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    Status status = transaction([&]() -> Status {
        if (Status inserted = insertActivities(activities, now, result); !inserted) {
            return inserted;
        }
        for (const Pop3SeenMessage &message : seen) {
            auto saved = execCached(u"INSERT INTO pop3_seen (mailbox_id, uidl, local_uid, seen_at, disposition) "
                                    "VALUES (?, ?, ?, ?, ?) ON CONFLICT (mailbox_id, uidl) DO UPDATE SET "
                                    "disposition = excluded.disposition"_s,
                                    {mailboxId, QString::fromLatin1(message.uidl), message.localUid, now,
                                     dispositionName(message.disposition)});
            if (!saved) {
                return saved.error();
            }
        }
        return {};
    });
    if (!status) {
        return status.error();
    }
    return result;
}

Result<BatchResult> Store::writeBatch(const FolderState &folderState, const QList<Activity> &activities,
                                      const LedgerEntries &ledger)
{
    BatchResult result;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    Status status = transaction([&]() -> Status {
        if (Status inserted = insertActivities(activities, now, result); !inserted) {
            return inserted;
        }
        if (Status recorded =
                LedgerStore(*this).record(folderState.mailboxId, folderState.folder, folderState.uidValidity, ledger);
            !recorded) {
            return recorded;
        }
        auto saved = execCached(u"INSERT INTO folder_state (mailbox_id, folder, uidvalidity, uidnext, highestmodseq, "
                                "updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (mailbox_id, folder) DO UPDATE SET "
                                "uidvalidity = excluded.uidvalidity, uidnext = excluded.uidnext, "
                                "highestmodseq = excluded.highestmodseq, updated_at = excluded.updated_at"_s,
                                {folderState.mailboxId, folderState.folder, folderState.uidValidity,
                                 folderState.uidNext, qint64(folderState.highestModSeq), now});
        if (!saved) {
            return saved.error();
        }
        return {};
    });
    if (!status) {
        return status.error();
    }
    return result;
}

Result<qint64> Store::activityCount(std::optional<qint64> mailboxId)
{
    auto query = mailboxId ? exec(u"SELECT COUNT(*) FROM activities WHERE mailbox_id = ?"_s, {*mailboxId})
                           : exec(u"SELECT COUNT(*) FROM activities"_s);
    if (!query) {
        return query.error();
    }
    return query->next() ? query->value(0).toLongLong() : qint64(0);
}

Result<QList<Activity>> Store::recentActivities(qint64 mailboxId, int limit)
{
    auto query = exec(u"SELECT "_s + kActivityColumns +
                          u" FROM activities a JOIN mailboxes m ON m.id = a.mailbox_id WHERE a.mailbox_id = ? "
                          "ORDER BY a.id DESC LIMIT ?"_s,
                      {mailboxId, limit});
    if (!query) {
        return query.error();
    }
    QList<Activity> activities;
    while (query->next()) {
        activities.append(activityFromQuery(*query));
    }
    return activities;
}

Status Store::forEachActivity(const std::function<bool(const Activity &)> &callback, std::optional<qint64> mailboxId)
{
    const QString base =
        u"SELECT "_s + kActivityColumns + u" FROM activities a JOIN mailboxes m ON m.id = a.mailbox_id"_s;
    auto query = mailboxId ? exec(base + u" WHERE a.mailbox_id = ? ORDER BY a.id"_s, {*mailboxId})
                           : exec(base + u" ORDER BY a.id"_s);
    if (!query) {
        return query.error();
    }
    while (query->next()) {
        if (!callback(activityFromQuery(*query))) {
            break;
        }
    }
    return {};
}

Status Store::recordRun(const SyncRun &run)
{
    const bool hasError = run.errorClass != ErrorClass::None;
    const QVariant nullText(QMetaType::fromType<QString>());
    auto query = exec(u"INSERT INTO sync_runs (mailbox_id, started_at, finished_at, trigger, success, items_new, "
                      "items_seen, error_class, error_message, node, interval_ms, interval_reason) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                      {run.mailboxId, toMs(run.startedAt), toMs(run.finishedAt), syncTriggerName(run.trigger),
                       run.success ? 1 : 0, run.itemsNew, run.itemsSeen,
                       hasError ? QVariant(errorClassName(run.errorClass)) : nullText,
                       hasError ? QVariant(run.errorMessage) : nullText, run.node,
                       run.intervalMs > 0 ? QVariant(run.intervalMs) : QVariant(QMetaType::fromType<qint64>()),
                       run.intervalReason.isEmpty() ? nullText : QVariant(run.intervalReason)});
    if (!query) {
        return query.error();
    }
    return {};
}

Result<QList<SyncRun>> Store::recentRuns(qint64 mailboxId, int limit, const QDateTime &since)
{
    auto query = exec(u"SELECT id, mailbox_id, started_at, finished_at, trigger, success, items_new, items_seen, "
                      "error_class, error_message, node, interval_ms, interval_reason FROM sync_runs "
                      "WHERE mailbox_id = ? AND started_at >= ? ORDER BY started_at DESC, id DESC LIMIT ?"_s,
                      {mailboxId, since.isValid() ? since.toMSecsSinceEpoch() : qint64(0), limit});
    if (!query) {
        return query.error();
    }
    QList<SyncRun> runs;
    while (query->next()) {
        SyncRun run;
        run.id = query->value(0).toLongLong();
        run.mailboxId = query->value(1).toLongLong();
        run.startedAt = fromMs(query->value(2));
        run.finishedAt = fromMs(query->value(3));
        const QString trigger = query->value(4).toString();
        run.trigger = trigger == u"manual"_s ? SyncTrigger::Manual
                      : trigger == u"once"_s ? SyncTrigger::Once
                                             : SyncTrigger::Scheduled;
        run.success = query->value(5).toBool();
        run.itemsNew = query->value(6).toInt();
        run.itemsSeen = query->value(7).toInt();
        run.errorClass = query->value(8).isNull() ? ErrorClass::None : errorClassFromName(query->value(8).toString());
        run.errorMessage = query->value(9).toString();
        run.node = query->value(10).toString();
        run.intervalMs = query->value(11).toLongLong();
        run.intervalReason = query->value(12).toString();
        runs.append(run);
    }
    return runs;
}

Result<RunStatistics> Store::runStatistics(const QDateTime &since)
{
    RunStatistics statistics;
    statistics.since = since;
    auto query = exec(u"SELECT COALESCE(error_class, ''), COUNT(*) FROM sync_runs WHERE started_at >= ? "
                      "GROUP BY error_class"_s,
                      {since.toMSecsSinceEpoch()});
    if (!query) {
        return query.error();
    }
    while (query->next()) {
        const QString errorClass = query->value(0).toString();
        const int count = query->value(1).toInt();
        statistics.runs += count;
        if (!errorClass.isEmpty()) {
            statistics.failures += count;
            statistics.failuresByClass.insert(errorClass, count);
        }
    }
    return statistics;
}

Status Store::appendLog(const QList<LogRecord> &records)
{
    if (records.isEmpty()) {
        return {};
    }
    return transaction([&]() -> Status {
        // Prepared once for the batch: the persister writes thousands of records per second under load.
        QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
        if (!query.prepare(
                u"INSERT INTO log_records (at, level, category, mailbox, message) VALUES (?, ?, ?, ?, ?)"_s)) {
            return errorFrom(query, u"prepare"_s);
        }
        for (const LogRecord &record : records) {
            query.bindValue(0, toMs(record.at));
            query.bindValue(1, int(record.level));
            query.bindValue(2, record.category.isNull() ? u""_s : record.category);
            query.bindValue(3, record.mailbox.isNull() ? u""_s : record.mailbox);
            query.bindValue(4, record.message.isNull() ? u""_s : record.message);
            if (!query.exec()) {
                return errorFrom(query, u"execute"_s);
            }
        }
        return {};
    });
}

Result<QList<LogRecord>> Store::logRecordsAfter(qint64 afterId, int limit)
{
    auto query = exec(u"SELECT id, at, level, category, mailbox, message FROM log_records WHERE id > ? "
                      "ORDER BY id LIMIT ?"_s,
                      {afterId, limit});
    if (!query) {
        return query.error();
    }
    return logRecordsFrom(query.value());
}

Result<qint64> Store::firstLogId()
{
    auto query = exec(u"SELECT COALESCE(MIN(id), 0) FROM log_records"_s);
    if (!query) {
        return query.error();
    }
    return query->next() ? query->value(0).toLongLong() : qint64(0);
}

Result<QList<LogRecord>> Store::logRecordsBefore(qint64 beforeId, int limit)
{
    auto query = exec(u"SELECT id, at, level, category, mailbox, message FROM log_records WHERE id < ? "
                      "ORDER BY id DESC LIMIT ?"_s,
                      {beforeId, limit});
    if (!query) {
        return query.error();
    }
    QList<LogRecord> records = logRecordsFrom(query.value());
    std::reverse(records.begin(), records.end());
    return records;
}

Result<QList<LogRecord>> Store::logRecordsMatching(const LogQuery &logQuery, qint64 fromId, qint64 beforeId, int limit)
{
    QString sql = u"SELECT id, at, level, category, mailbox, message FROM log_records WHERE id >= ? AND id < ?"_s;
    QVariantList values{fromId, beforeId};
    if (logQuery.minimumLevel > LogLevel::Debug) {
        sql += u" AND level >= ?"_s;
        values.append(int(logQuery.minimumLevel));
    }
    if (!logQuery.mailbox.isEmpty()) {
        sql += u" AND mailbox = ?"_s; // the (mailbox, id) index
        values.append(logQuery.mailbox.toLower());
    }
    if (!logQuery.text.isEmpty()) {
        QString escaped = logQuery.text;
        escaped.replace(u'\\', u"\\\\"_s).replace(u'%', u"\\%"_s).replace(u'_', u"\\_"_s);
        const QString pattern = u'%' + escaped + u'%';
        sql += uR"( AND (message LIKE ? ESCAPE '\' OR mailbox LIKE ? ESCAPE '\' OR category LIKE ? ESCAPE '\'))"_s;
        values << pattern << pattern << pattern;
    }
    sql += u" ORDER BY id DESC LIMIT ?"_s;
    values.append(limit);
    auto query = exec(sql, values);
    if (!query) {
        return query.error();
    }
    return logRecordsFrom(query.value());
}

Result<qint64> Store::lastLogId()
{
    auto query = exec(u"SELECT COALESCE(MAX(id), 0) FROM log_records"_s);
    if (!query) {
        return query.error();
    }
    return query->next() ? query->value(0).toLongLong() : qint64(0);
}

Status Store::requestSync(qint64 mailboxId, const QString &reason, const QDateTime &now)
{
    auto query = exec(u"INSERT INTO sync_requests (mailbox_id, reason, requested_at) VALUES (?, ?, ?)"_s,
                      {mailboxId, reason, now.toMSecsSinceEpoch()});
    if (!query) {
        return query.error();
    }
    return {};
}

Result<QList<SyncRequest>> Store::takeSyncRequests()
{
    QList<SyncRequest> requests;
    Status status = transaction([&]() -> Status {
        auto query = exec(u"SELECT id, mailbox_id, reason, requested_at FROM sync_requests ORDER BY id"_s);
        if (!query) {
            return query.error();
        }
        while (query->next()) {
            requests.append({query->value(0).toLongLong(), query->value(1).toLongLong(), query->value(2).toString(),
                             fromMs(query->value(3))});
        }
        query->finish();
        if (!requests.isEmpty()) {
            auto deleted = exec(u"DELETE FROM sync_requests WHERE id <= ?"_s, {requests.constLast().id});
            if (!deleted) {
                return deleted.error();
            }
        }
        return {};
    });
    if (!status) {
        return status.error();
    }
    return requests;
}

} // namespace SyncDesk

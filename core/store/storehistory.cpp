// Store: what happened — alerts, sync runs and their statistics, the log, and sync requests.

#include "sqldialect.h"
#include "store.h"
#include "storerows.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include <algorithm>

namespace SyncDesk {

using namespace Qt::StringLiterals;
using namespace StoreRows;

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
                 "raised_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"_s,
                 {alert.causeKey, alert.kind, alert.severity, alert.mailboxId > 0 ? QVariant(alert.mailboxId) : nullId,
                  alert.profileId > 0 ? QVariant(alert.profileId) : nullId, alert.hintId, alert.message, now, now});
        if (!inserted) {
            return inserted.error();
        }
        id = inserted->next() ? inserted->value(0).toLongLong() : 0;
        inserted->finish();
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

Store::Statement Store::runInsert(const SyncRun &run)
{
    const bool hasError = run.errorClass != ErrorClass::None;
    const QVariant nullText(QMetaType::fromType<QString>());
    return {u"INSERT INTO sync_runs (mailbox_id, started_at, finished_at, trigger, success, items_new, items_seen, "
            "error_class, error_message, node, interval_ms, interval_reason, lease_epoch) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
            {run.mailboxId, toMs(run.startedAt), toMs(run.finishedAt), syncTriggerName(run.trigger),
             run.success ? 1 : 0, run.itemsNew, run.itemsSeen,
             hasError ? QVariant(errorClassName(run.errorClass)) : nullText,
             hasError ? QVariant(run.errorMessage) : nullText, run.node,
             run.intervalMs > 0 ? QVariant(run.intervalMs) : QVariant(QMetaType::fromType<qint64>()),
             run.intervalReason.isEmpty() ? nullText : QVariant(run.intervalReason),
             run.leaseEpoch > 0 ? QVariant(run.leaseEpoch) : QVariant(QMetaType::fromType<qint64>())}};
}

Status Store::recordRun(const SyncRun &run)
{
    const Statement insert = runInsert(run);
    auto query = execCached(insert.sql, insert.values);
    if (!query) {
        return query.error();
    }
    return {};
}

Result<QList<SyncRun>> Store::recentRuns(qint64 mailboxId, int limit, const QDateTime &since)
{
    return runs(mailboxId, since, limit);
}

Result<QList<SyncRun>> Store::runs(std::optional<qint64> mailboxId, const QDateTime &since, int limit)
{
    QString sql = u"SELECT id, mailbox_id, started_at, finished_at, trigger, success, items_new, items_seen, "
                  "error_class, error_message, node, interval_ms, interval_reason, lease_epoch FROM sync_runs "
                  "WHERE started_at >= ?"_s;
    QVariantList values{since.isValid() ? since.toMSecsSinceEpoch() : qint64(0)};
    if (mailboxId) {
        sql += u" AND mailbox_id = ?"_s;
        values.append(*mailboxId);
    }
    sql += u" ORDER BY started_at DESC, id DESC LIMIT ?"_s;
    values.append(limit);
    auto query = exec(sql, values);
    if (!query) {
        return query.error();
    }
    QList<SyncRun> found;
    while (query->next()) {
        SyncRun run;
        run.id = query->value(0).toLongLong();
        run.mailboxId = query->value(1).toLongLong();
        run.startedAt = fromMs(query->value(2));
        run.finishedAt = fromMs(query->value(3));
        const QString trigger = query->value(4).toString();
        run.trigger = trigger == u"manual"_s ? SyncTrigger::Manual
                      : trigger == u"once"_s ? SyncTrigger::Once
                      : trigger == u"push"_s ? SyncTrigger::Push
                                             : SyncTrigger::Scheduled;
        run.success = query->value(5).toBool();
        run.itemsNew = query->value(6).toInt();
        run.itemsSeen = query->value(7).toInt();
        run.errorClass = query->value(8).isNull() ? ErrorClass::None : errorClassFromName(query->value(8).toString());
        run.errorMessage = query->value(9).toString();
        run.node = query->value(10).toString();
        run.intervalMs = query->value(11).toLongLong();
        run.intervalReason = query->value(12).toString();
        run.leaseEpoch = query->value(13).toLongLong();
        found.append(run);
    }
    return found;
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
        sql += uR"( AND (message %1 ? ESCAPE '\' OR mailbox %1 ? ESCAPE '\' OR category %1 ? ESCAPE '\'))"_s.arg(
            SqlDialect::caseInsensitiveLike(m_config.backend));
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
    if (isPostgres()) {
        // Wakes every listening engine when this commits; an engine that misses it polls within 250 ms.
        if (auto notified = exec(u"SELECT pg_notify('%1', ?)"_s.arg(kSyncRequestChannel), {QString::number(mailboxId)});
            !notified) {
            return notified.error();
        }
    }
    return {};
}

Result<QList<SyncRequest>> Store::takeSyncRequests(int limit)
{
    // One statement takes and removes them; on PostgreSQL engines taking at once skip each other's rows
    // instead of waiting for them.
    const QString sql =
        u"DELETE FROM sync_requests WHERE id IN (SELECT id FROM sync_requests ORDER BY id LIMIT ?%1) "
        "RETURNING id, mailbox_id, reason, requested_at"_s.arg(isPostgres() ? u" FOR UPDATE SKIP LOCKED"_s : QString());
    const QVariant bound = limit >= 0 ? QVariant(qint64(limit)) : isPostgres() ? QVariant() : QVariant(qint64(-1));
    auto query = exec(sql, {bound});
    if (!query) {
        return query.error();
    }
    QList<SyncRequest> requests;
    while (query->next()) {
        requests.append({query->value(0).toLongLong(), query->value(1).toLongLong(), query->value(2).toString(),
                         fromMs(query->value(3))});
    }
    query->finish();
    std::sort(requests.begin(), requests.end(), [](const SyncRequest &a, const SyncRequest &b) { return a.id < b.id; });
    return requests;
}

Result<bool> Store::listenForSyncRequests(QObject *context, const std::function<void()> &notified)
{
    if (!isPostgres()) {
        return false;
    }
    m_listener = notified;
    m_listenerContext = context;
    return subscribeListener();
}

Result<bool> Store::subscribeListener()
{
    QSqlDriver *driver = QSqlDatabase::database(m_connectionName, false).driver();
    if (!driver || !driver->hasFeature(QSqlDriver::EventNotifications)) {
        return false;
    }
    if (driver->subscribedToNotifications().contains(kSyncRequestChannel)) {
        return true;
    }
    if (!driver->subscribeToNotification(kSyncRequestChannel)) {
        return errorFrom(driver->lastError(), u"LISTEN %1"_s.arg(kSyncRequestChannel));
    }
    if (!m_listenerConnected) {
        m_listenerConnected = true;
        QObject::connect(driver, &QSqlDriver::notification, m_listenerContext,
                         [this](const QString &name, QSqlDriver::NotificationSource, const QVariant &) {
                             if (name == kSyncRequestChannel && m_listener) {
                                 m_listener();
                             }
                         });
    }
    return true;
}

Status Store::keepListening()
{
    if (!m_listener) {
        return {};
    }
    // A lost session is noticed here (and connected again by exec); LISTEN is then said again.
    if (auto alive = exec(u"SELECT 1"_s); !alive) {
        return alive.error();
    }
    if (auto subscribed = subscribeListener(); !subscribed) {
        return subscribed.error();
    }
    return {};
}

} // namespace SyncDesk

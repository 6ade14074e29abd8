#include "actsync.h"

#include "actmerge.h"
#include "config/passwordsource.h"
#include "davclient.h"
#include "davdiscovery.h"
#include "davxml.h"
#include "store/crmstore.h"
#include "store/store.h"
#include "tracking/securitycontext.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSet>
#include <QUuid>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

constexpr int kMultigetBatch = 100;
constexpr int kMaxPreconditionRetries = 3;

SyncError cancelledError()
{
    return SyncError::make(ErrorClass::Cancelled, u"cancelled"_s, ActSync::tr("the sync was cancelled"));
}

QString jsonText(const QJsonValue &value)
{
    if (value.isString()) {
        return value.toString();
    }
    const QJsonArray array{value};
    const QByteArray text = QJsonDocument(array).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(text.mid(1, text.size() - 2));
}

// A file name for a new item: its UID when that is safe in a URL path, else a fresh UUID.
QString itemName(const QString &uid, const QString &extension)
{
    static const QRegularExpression safe(u"^[A-Za-z0-9._@-]{1,120}$"_s);
    return (safe.match(uid).hasMatch() ? uid : QUuid::createUuid().toString(QUuid::WithoutBraces)) + extension;
}

struct Fetched
{
    QString etag;
    QByteArray data;
};

} // namespace

ActSync::ActSync(Store &store, const Mailbox &mailbox, const ServerProfile &profile, int timeoutMs,
                 std::shared_ptr<std::atomic_bool> cancelled)
    : m_store(store)
    , m_act(store)
    , m_mailbox(mailbox)
    , m_profile(profile)
    , m_settings(mailbox.act.value_or(ActSettings()))
    , m_timeoutMs(timeoutMs)
{
    if (cancelled) {
        m_cancelled = std::move(cancelled);
    }
}

ActSync::~ActSync() = default;

Status ActSync::checkStop(const ActResult &result)
{
    if (*m_cancelled) {
        return cancelledError();
    }
    // Only once something was done: every run makes progress, however long it took to get there. What is done is
    // kept item by item (links, then the token last), so the next run continues from here.
    if (m_timeLimitMs > 0 && m_runClock.elapsed() >= m_timeLimitMs && result.toServer + result.fromServer > 0) {
        m_timeUp = true;
        return cancelledError();
    }
    return {};
}

ActResult ActSync::run()
{
    QElapsedTimer &timer = m_runClock;
    timer.start();
    m_timeUp = false;
    ActResult result;
    const QDateTime started = QDateTime::currentDateTimeUtc();
    auto fail = [&](const SyncError &error) {
        result.error = error;
        return result;
    };
    if (!m_profile.act || !m_profile.act->url.isValid()) {
        return fail(SyncError::make(
                        ErrorClass::Config, u"dav-not-configured"_s,
                        tr("the server profile %1 has no act endpoint (the CalDAV/CardDAV server)").arg(m_profile.name))
                        .at(ErrorStage::Config));
    }
    const QString source =
        m_settings.davPasswordSource.isEmpty() ? m_mailbox.passwordSource : m_settings.davPasswordSource;
    auto password = PasswordSource::parse(source).resolve();
    if (!password) {
        return fail(password.error());
    }
    DavClient client({m_profile.act->url,
                      m_settings.davUsername.isEmpty() ? m_mailbox.username : m_settings.davUsername, *password,
                      m_profile.act->caFile, m_timeoutMs, m_cancelled});
    CrmStore crm(m_store);
    auto crmSettings = m_store.setting(u"crm"_s);
    if (!crmSettings) {
        return fail(crmSettings.error());
    }
    auto security = SecurityContext::forMailbox(crm, *crmSettings, m_mailbox);
    if (!security) {
        return fail(security.error());
    }
    Status status = runKinds(client, *security, result);
    result.requests = client.requests();
    result.elapsedMs = timer.elapsed();
    if (!status && m_timeUp && !*m_cancelled) {
        result.incomplete = true;
        result.notices.append(tr("the run reached its time limit of %1 s: what was done is kept, and the next run "
                                 "continues where this one stopped")
                                  .arg(double(m_timeLimitMs) / 1000.0));
    } else if (!status) {
        result.error = status.error();
    }
    // The direction's state: kept even when the run failed (a store failure here is logged by the caller).
    auto state = m_act.state(m_mailbox.id);
    if (state) {
        ActStore::State s = *state;
        s.lastAttemptAt = started;
        s.conflicts += result.conflicts;
        s.toServer = result.toServer;
        s.fromServer = result.fromServer;
        if (result.error && result.error->errorClass != ErrorClass::Cancelled) {
            ++s.failuresInRow;
            s.errorClass = errorClassName(result.error->errorClass);
            s.errorMessage = result.error->message;
            s.errorHint = result.error->hintId;
        } else if (!result.error && !result.incomplete) {
            s.failuresInRow = 0;
            s.errorClass.clear();
            s.errorMessage.clear();
            s.errorHint.clear();
            s.lastSuccessAt = QDateTime::currentDateTimeUtc();
            // A request made before this run started is done; a newer one waits for the next.
            if (s.requestedAt.isValid() && s.requestedAt <= started) {
                s.requestedAt = {};
            }
        }
        if (Status saved = m_act.saveState(s); !saved && !result.error) {
            result.error = saved.error();
        }
    } else if (!result.error) {
        result.error = state.error();
    }
    return result;
}

Status ActSync::runKinds(DavClient &client, const SecurityContext &security, ActResult &result)
{
    for (int attempt = 0; attempt < 2; ++attempt) {
        auto known = m_act.collections(m_mailbox.id);
        if (!known) {
            return known.error();
        }
        QList<ActStore::Collection> collections = *known;
        const auto has = [&](ActKind kind) {
            return std::any_of(collections.cbegin(), collections.cend(),
                               [&](const ActStore::Collection &c) { return c.kind == kind; });
        };
        bool missing = false;
        for (ActKind kind : {ActKind::Appointment, ActKind::Task, ActKind::Contact}) {
            missing = missing || (m_settings.direction(kind) != ActDirection::None && !has(kind));
        }
        if (missing) {
            auto found = DavDiscovery::run(client, m_settings, true);
            if (!found) {
                return found.error();
            }
            for (const ActStore::Collection &c : std::as_const(found->collections)) {
                if (!has(c.kind)) {
                    if (Status saved = m_act.saveCollection(m_mailbox.id, c); !saved) {
                        return saved;
                    }
                    collections.append(c);
                }
            }
            result.notices.append(tr("calendar and address book found: %1").arg(found->steps.join(u"; "_s)));
        }
        bool rediscover = false;
        for (const ActStore::Collection &collection : std::as_const(collections)) {
            if (m_settings.direction(collection.kind) == ActDirection::None) {
                continue;
            }
            ActItems items(m_store, collection.kind, m_mailbox, security);
            Status synced = syncKind(client, items, collection, result);
            if (!synced) {
                // A collection that is gone is looked for again once (the user may have made a new one).
                if (synced.error().hintId == u"dav-collection-gone"_s && attempt == 0) {
                    if (Status forgot = m_act.forgetCollections(m_mailbox.id); !forgot) {
                        return forgot;
                    }
                    for (ActKind kind : {ActKind::Appointment, ActKind::Task, ActKind::Contact}) {
                        if (Status unlinked = m_act.removeLinks(m_mailbox.id, kind); !unlinked) {
                            return unlinked;
                        }
                    }
                    result.notices.append(synced.error().message);
                    rediscover = true;
                    break;
                }
                return synced;
            }
        }
        if (!rediscover) {
            return {};
        }
    }
    return {};
}

Status ActSync::syncKind(DavClient &client, ActItems &items, ActStore::Collection collection, ActResult &result)
{
    const ActKind kind = collection.kind;
    const ActDirection direction = m_settings.direction(kind);
    const QUrl collectionUrl(collection.url);
    const QString what = tr("the %1 collection %2").arg(actKindName(kind), collectionUrl.path());
    // The links, read only when needed: a re-sync with nothing new on either side never reads them.
    QHash<QString, ActStore::Link> linksByHref;
    bool linksLoaded = false;
    auto loadLinks = [&]() -> Status {
        if (linksLoaded) {
            return {};
        }
        auto loaded = m_act.links(m_mailbox.id, kind);
        if (!loaded) {
            return loaded.error();
        }
        for (const ActStore::Link &link : std::as_const(*loaded)) {
            linksByHref.insert(link.href, link);
        }
        linksLoaded = true;
        return {};
    };

    // 1. What changed on the server: hrefs with their ETag, and hrefs removed.
    auto listed = listServerChanges(client, collection, what, result);
    if (!listed) {
        return listed.error();
    }
    QHash<QString, QString> &changed = listed->changed;
    QSet<QString> &removed = listed->removed;
    const bool full = listed->full;
    const QString newToken = listed->newToken;
    if (full || !changed.isEmpty() || !removed.isEmpty()) {
        if (Status loaded = loadLinks(); !loaded) {
            return loaded;
        }
    }
    if (full) {
        // A full listing: what is not listed is gone, and 404s for hrefs never known mean nothing.
        for (auto it = linksByHref.cbegin(); it != linksByHref.cend(); ++it) {
            if (!changed.contains(it.key())) {
                removed.insert(it.key());
            }
        }
    }
    // An item whose ETag is the one stored is unchanged (often the echo of this engine's own write).
    for (auto it = changed.begin(); it != changed.end();) {
        const auto link = linksByHref.constFind(it.key());
        if (link != linksByHref.cend() && !it.value().isEmpty() && link->etag == it.value()) {
            it = changed.erase(it);
        } else {
            ++it;
        }
    }
    for (auto it = removed.begin(); it != removed.end();) {
        it = linksByHref.contains(*it) ? std::next(it) : removed.erase(it);
    }
    // A direction that only writes the CRM's items leaves the server's own alone: not read at all (without
    // sync-collection every listing names them again, and they would be fetched on every run).
    if (!readsFromServer(direction)) {
        for (auto it = changed.begin(); it != changed.end();) {
            it = linksByHref.contains(it.key()) ? std::next(it) : changed.erase(it);
        }
    }

    // 2. The changed items' text, in batches.
    auto multiget = [&](const QStringList &hrefs) -> Result<QHash<QString, Fetched>> {
        QHash<QString, Fetched> fetched;
        for (qsizetype from = 0; from < hrefs.size(); from += kMultigetBatch) {
            if (Status stop = checkStop(result); !stop) {
                return stop.error();
            }
            auto reply = client.report(collectionUrl, 1,
                                       DavXml::multiget(kind != ActKind::Contact, hrefs.mid(from, kMultigetBatch)));
            if (!reply) {
                return reply.error();
            }
            if (reply->status != 207) {
                return DavClient::httpError(*reply, what);
            }
            auto status = DavXml::parseMultistatus(reply->body);
            if (!status) {
                return status.error();
            }
            for (const DavXml::Response &r : std::as_const(status->responses)) {
                if (r.status >= 200 && r.status < 300 && !r.data.isEmpty()) {
                    fetched.insert(QUrl(client.resolve(r.href)).path(), {r.etag, r.data});
                }
            }
        }
        return fetched;
    };
    QStringList wanted = changed.keys();
    wanted.sort();
    auto fetched = multiget(wanted);
    if (!fetched) {
        return fetched.error();
    }

    // Nothing new on the server, and nothing in the CRM changed since every record was last compared: done.
    auto configVersion = m_store.configVersion();
    if (!configVersion) {
        return configVersion.error();
    }
    QDateTime checking = QDateTime::currentDateTimeUtc();
    if (fetched->isEmpty() && removed.isEmpty() && collection.checkedAt.isValid() &&
        collection.configVersion == *configVersion) {
        auto changedInCrm = m_act.crmChangedSince(m_mailbox.id, kind, collection.checkedAt);
        if (!changedInCrm) {
            return changedInCrm.error();
        }
        if (!*changedInCrm) {
            if (newToken != collection.syncToken) {
                return m_act.setSyncToken(m_mailbox.id, kind, newToken);
            }
            return {};
        }
    }
    if (Status loaded = loadLinks(); !loaded) {
        return loaded;
    }
    auto crmItems = items.load();
    if (!crmItems) {
        return crmItems.error();
    }
    const QStringList &fields = items.syncedFields();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const int fromServerBefore = result.fromServer;
    QSet<qint64> handled;

    auto recordConflicts = [&](const ActMerge::Outcome &outcome, qint64 recordId, const QString &uid,
                               const QString &subject) -> Status {
        if (outcome.conflicts.isEmpty()) {
            return {};
        }
        QList<ActStore::Conflict> conflicts;
        for (const ActMerge::FieldConflict &c : outcome.conflicts) {
            conflicts.append({0, m_mailbox.id, kind, recordId, uid, subject, c.field, jsonText(c.crm),
                              jsonText(c.server), c.crmWon ? u"crm"_s : u"server"_s, now});
        }
        result.conflicts += int(conflicts.size());
        return m_act.recordConflicts(conflicts);
    };

    // Writes the record to the server (If-Match the link's ETag, or If-None-Match for a new item) and keeps the
    // link; a 412 re-reads the server's item, merges again and retries.
    std::function<Status(ActStore::Link &, const ActItems::CrmItem &, QJsonObject)> writeItem;
    writeItem = [&](ActStore::Link &link, const ActItems::CrmItem &crm, QJsonObject merged) -> Status {
        for (int attempt = 0; attempt <= kMaxPreconditionRetries; ++attempt) {
            if (Status stop = checkStop(result); !stop) {
                return stop;
            }
            if (link.serverData.isEmpty() && link.id && !link.etag.isEmpty()) {
                auto stored = m_act.serverData(link.id);
                if (!stored) {
                    return stored.error();
                }
                link.serverData = *stored;
            }
            auto data = items.render(crm.id, crm.uid, merged, link.serverData);
            if (!data) {
                return data.error();
            }
            if (m_beforeWrite) {
                m_beforeWrite(link.href);
            }
            auto reply = client.put(client.resolve(link.href), *data, items.contentType(), link.etag);
            if (!reply) {
                return reply.error();
            }
            if (reply->status == 200 || reply->status == 201 || reply->status == 204) {
                QString etag = reply->etag;
                if (etag.isEmpty()) {
                    auto again = multiget({link.href});
                    if (!again) {
                        return again.error();
                    }
                    etag = again->value(link.href).etag;
                }
                link.etag = etag;
                link.base = merged;
                link.serverData = *data;
                link.syncedAt = now;
                ++result.toServer;
                return m_store.fencedWrite(m_mailbox.id, [&]() { return m_act.saveLink(link); });
            }
            if (reply->status != 412) {
                return DavClient::httpError(*reply, tr("writing %1").arg(link.href));
            }
            // Someone else wrote it first (or, for a new item, it exists): read it and merge again.
            auto current = multiget({link.href});
            if (!current) {
                return current.error();
            }
            const Fetched server = current->value(link.href);
            if (server.data.isEmpty()) {
                link.etag.clear(); // gone meanwhile: make it again
                link.serverData.clear();
                continue;
            }
            auto parsed = items.parse(server.data);
            if (!parsed) {
                return parsed.error();
            }
            const QJsonObject serverFields = ActMerge::project(parsed->fields, fields);
            const bool known = !link.base.isEmpty();
            ActMerge::Outcome outcome =
                ActMerge::merge(known ? link.base : ActMerge::project(crm.fields, fields),
                                ActMerge::project(crm.fields, fields), serverFields, m_settings.conflict, fields);
            if (Status noted = recordConflicts(outcome, crm.id, crm.uid, crm.subject); !noted) {
                return noted;
            }
            if (outcome.crmChanged && readsFromServer(direction)) {
                auto applied = items.apply(crm.id, crm.uid, outcome.merged);
                if (!applied) {
                    return applied.error();
                }
                ++result.fromServer;
            }
            merged = outcome.merged;
            link.etag = server.etag;
            link.serverData = server.data;
            if (!outcome.serverChanged) {
                link.base = merged;
                link.syncedAt = now;
                return m_store.fencedWrite(m_mailbox.id, [&]() { return m_act.saveLink(link); });
            }
        }
        return SyncError::make(ErrorClass::ServerNo, u"dav-precondition"_s,
                               tr("%1 changed on the server at every one of %2 attempts to write it (412)")
                                   .arg(link.href)
                                   .arg(kMaxPreconditionRetries + 1));
    };

    // 3. The server's changes into the CRM.
    QStringList order = fetched->keys();
    order.sort();
    for (const QString &href : std::as_const(order)) {
        if (Status stop = checkStop(result); !stop) {
            return stop;
        }
        const Fetched server = fetched->value(href);
        auto parsed = items.parse(server.data);
        if (!parsed && parsed.error().errorClass != ErrorClass::Parse) {
            // Not the item's fault (the iCalendar module missing): skipping would lose the server's change once
            // the sync token moves past it.
            return parsed.error();
        }
        if (!parsed) {
            ++result.itemsFailed;
            result.notices.append(tr("%1 could not be read and is skipped: %2").arg(href, parsed.error().message));
            continue;
        }
        const QJsonObject serverFields = ActMerge::project(parsed->fields, fields);
        auto linkIt = linksByHref.find(href);
        if (linkIt == linksByHref.end()) {
            if (!readsFromServer(direction)) {
                continue; // an item of the server's own: this direction only writes the CRM's
            }
            auto existing = items.findByUid(parsed->uid);
            if (!existing) {
                return existing.error();
            }
            qint64 recordId = *existing;
            QJsonObject merged = serverFields;
            bool serverChanged = false;
            if (recordId && crmItems->contains(recordId)) {
                // Known to the CRM already (another mailbox's copy): the rule decides what differs.
                const ActItems::CrmItem &crm = crmItems->value(recordId);
                const ActMerge::Outcome outcome = ActMerge::merge({}, ActMerge::project(crm.fields, fields),
                                                                  serverFields, m_settings.conflict, fields);
                merged = outcome.merged;
                serverChanged = outcome.serverChanged && writesToServer(direction);
            }
            // While the server still holds its own values (serverChanged: the write below may not happen in this run,
            // if it stops or fails), the stored base is what the server holds, so that the next run writes the CRM's.
            ActStore::Link link{
                0, m_mailbox.id, kind, 0, href, server.etag, serverChanged ? serverFields : merged, server.data, now};
            Status stored = m_store.fencedWrite(m_mailbox.id, [&]() -> Status {
                auto applied = items.apply(recordId, parsed->uid, merged);
                if (!applied) {
                    return applied.error();
                }
                link.recordId = *applied;
                return m_act.saveLink(link);
            });
            if (!stored) {
                return stored;
            }
            ++result.fromServer;
            handled.insert(link.recordId);
            linksByHref.insert(href, link);
            if (serverChanged) {
                ActItems::CrmItem crm = crmItems->value(link.recordId);
                crm.id = link.recordId;
                crm.uid = parsed->uid;
                link.base = serverFields;
                if (Status written = writeItem(link, crm, merged); !written) {
                    return written;
                }
            }
            continue;
        }
        ActStore::Link link = *linkIt;
        link.etag = server.etag;
        link.serverData = server.data;
        const auto crmIt = crmItems->constFind(link.recordId);
        if (crmIt == crmItems->cend()) {
            // Deleted in the CRM and changed on the server: the server's change brings it back when this direction
            // reads from the server; otherwise the deletion is carried out below.
            if (readsFromServer(direction)) {
                Status stored = m_store.fencedWrite(m_mailbox.id, [&]() -> Status {
                    auto applied = items.apply(0, parsed->uid, serverFields);
                    if (!applied) {
                        return applied.error();
                    }
                    link.recordId = *applied;
                    link.base = serverFields;
                    link.syncedAt = now;
                    return m_act.saveLink(link);
                });
                if (!stored) {
                    return stored;
                }
                ++result.fromServer;
                handled.insert(link.recordId);
                linksByHref.insert(href, link);
            } else {
                linksByHref.insert(href, link);
            }
            continue;
        }
        const ActItems::CrmItem &crm = *crmIt;
        const QJsonObject crmFields = ActMerge::project(crm.fields, fields);
        ActMerge::Outcome outcome;
        if (!readsFromServer(direction)) {
            outcome = ActMerge::merge(serverFields, crmFields, serverFields, m_settings.conflict, fields);
        } else if (!writesToServer(direction)) {
            outcome = ActMerge::merge(crmFields, crmFields, serverFields, m_settings.conflict, fields);
        } else {
            outcome = ActMerge::merge(link.base, crmFields, serverFields, m_settings.conflict, fields);
        }
        if (Status noted = recordConflicts(outcome, crm.id, crm.uid, crm.subject); !noted) {
            return noted;
        }
        handled.insert(crm.id);
        if (outcome.crmChanged) {
            Status stored = m_store.fencedWrite(m_mailbox.id, [&]() -> Status {
                auto applied = items.apply(crm.id, crm.uid, outcome.merged);
                return applied ? Status() : Status(applied.error());
            });
            if (!stored) {
                return stored;
            }
            ++result.fromServer;
        }
        if (outcome.serverChanged && crm.eligible) {
            link.base = serverFields;
            if (Status written = writeItem(link, crm, outcome.merged); !written) {
                return written;
            }
        } else {
            link.base = outcome.merged;
            link.syncedAt = now;
            if (Status stored = m_store.fencedWrite(m_mailbox.id, [&]() { return m_act.saveLink(link); }); !stored) {
                return stored;
            }
        }
        linksByHref.insert(href, link);
    }
    // Records made or changed above are read again, so that step 4 compares what the CRM holds now.
    if (result.fromServer > fromServerBefore) {
        checking = QDateTime::currentDateTimeUtc(); // what was just taken is compared below
        crmItems = items.load();
        if (!crmItems) {
            return crmItems.error();
        }
    }
    for (const QString &href : std::as_const(removed)) {
        const ActStore::Link link = linksByHref.take(href);
        Status stored = m_store.fencedWrite(m_mailbox.id, [&]() -> Status {
            if (readsFromServer(direction) && crmItems->contains(link.recordId)) {
                auto gone = items.remove(link.recordId);
                if (!gone) {
                    return gone.error();
                }
                crmItems->remove(link.recordId);
                ++result.fromServer;
            }
            return m_act.removeLink(link.id);
        });
        if (!stored) {
            return stored;
        }
    }

    // 4. The CRM's changes to the server.
    if (writesToServer(direction)) {
        for (auto it = linksByHref.begin(); it != linksByHref.end();) {
            if (Status stop = checkStop(result); !stop) {
                return stop;
            }
            ActStore::Link &link = it.value();
            const auto crmIt = crmItems->constFind(link.recordId);
            if (crmIt == crmItems->cend() || !crmIt->eligible) {
                // Deleted in the CRM, or no longer the owner's to see: removed from the server.
                QString etag = link.etag;
                for (int attempt = 0; attempt < 2; ++attempt) {
                    auto reply = client.remove(client.resolve(link.href), etag);
                    if (!reply) {
                        return reply.error();
                    }
                    if (reply->status == 412 && attempt == 0) {
                        auto current = multiget({link.href});
                        if (!current) {
                            return current.error();
                        }
                        etag = current->value(link.href).etag;
                        continue;
                    }
                    if (reply->status >= 300 && reply->status != 404 && reply->status != 410) {
                        return DavClient::httpError(*reply, tr("deleting %1").arg(link.href));
                    }
                    break;
                }
                ++result.toServer;
                if (Status stored = m_store.fencedWrite(m_mailbox.id, [&]() { return m_act.removeLink(link.id); });
                    !stored) {
                    return stored;
                }
                handled.insert(link.recordId);
                it = linksByHref.erase(it);
                continue;
            }
            handled.insert(link.recordId);
            const QJsonObject crmFields = ActMerge::project(crmIt->fields, fields);
            if (crmFields != link.base) {
                const QJsonObject base = link.base;
                if (Status written = writeItem(link, *crmIt, crmFields); !written) {
                    return written;
                }
                Q_UNUSED(base);
            }
            ++it;
        }
        QList<ActItems::CrmItem> fresh;
        for (const ActItems::CrmItem &crm : std::as_const(*crmItems)) {
            if (crm.eligible && !handled.contains(crm.id)) {
                fresh.append(crm);
            }
        }
        std::sort(fresh.begin(), fresh.end(),
                  [](const ActItems::CrmItem &a, const ActItems::CrmItem &b) { return a.id < b.id; });
        QString base = collectionUrl.path();
        if (!base.endsWith(u'/')) {
            base += u'/';
        }
        for (const ActItems::CrmItem &crm : std::as_const(fresh)) {
            ActStore::Link link{0,         m_mailbox.id, kind, crm.id, base + itemName(crm.uid, items.extension()),
                                QString(), {},           {},   now};
            if (Status written = writeItem(link, crm, ActMerge::project(crm.fields, fields)); !written) {
                return written;
            }
        }
    }

    // 5. Everything the token covers is applied: keep it, and when every record was compared.
    if (newToken != collection.syncToken || (collection.syncCollection && full)) {
        if (Status saved = m_act.setSyncToken(m_mailbox.id, kind, newToken); !saved) {
            return saved;
        }
    }
    return m_act.setChecked(m_mailbox.id, kind, checking, *configVersion);
}

} // namespace SyncDesk

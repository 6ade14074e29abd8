// The first step of a collection's sync: what changed on the server since the stored token, with RFC 6578
// sync-collection (read to its last page), or every member's ETag where the server has no sync-collection.
#include "actsync.h"
#include "davclient.h"
#include "davxml.h"

#include <QSet>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

// Truncated sync-collection answers read in a row before the server is taken to be looping.
constexpr int kMaxSyncPages = 1000;

} // namespace

Result<ActSync::ServerChanges> ActSync::listServerChanges(DavClient &client, ActStore::Collection &collection,
                                                          const QString &what, ActResult &result)
{
    const QUrl collectionUrl(collection.url);
    ServerChanges listed;
    QHash<QString, QString> &changed = listed.changed;
    QSet<QString> &removed = listed.removed;
    bool &full = listed.full;
    QString &newToken = listed.newToken;
    newToken = collection.syncToken;
    if (collection.syncCollection) {
        // A server may answer in pages (RFC 6578 §3.6): a 507 for the collection says the answer is truncated,
        // and its token asks for the rest. Only the last page completes a full listing, so the pages are read
        // to the end before anything is taken for deleted.
        QString token = collection.syncToken;
        bool first = true;
        int tokenRetries = 0;
        for (int page = 0; collection.syncCollection; ++page) {
            if (Status stop = checkStop(result); !stop) {
                return stop.error();
            }
            if (page >= kMaxSyncPages) {
                return SyncError::make(
                    ErrorClass::Protocol, u"dav-bad-response"_s,
                    tr("%1: the server's changes did not end after %2 truncated answers").arg(what).arg(kMaxSyncPages));
            }
            auto reply = client.report(collectionUrl, 1, DavXml::syncCollection(token));
            if (!reply) {
                return reply.error();
            }
            const QString condition = DavXml::errorCondition(reply->body);
            if (first && (reply->status == 403 || reply->status == 409) && condition == u"valid-sync-token"_s &&
                !token.isEmpty() && tokenRetries++ == 0) {
                result.notices.append(tr("the server no longer knows the sync token of %1: comparing everything")
                                          .arg(collectionUrl.path()));
                collection.syncToken.clear();
                token.clear();
                continue;
            }
            if (first && (reply->status == 501 || ((reply->status == 403 || reply->status == 400) &&
                                                   (condition == u"supported-report"_s || condition.isEmpty())))) {
                // No sync-collection here: compare ETags from now on.
                collection.syncCollection = false;
                collection.syncToken.clear();
                if (Status saved = m_act.saveCollection(m_mailbox.id, collection); !saved) {
                    return saved.error();
                }
                result.notices.append(
                    tr("%1 does not offer sync-collection: its items' ETags are compared instead").arg(what));
                break;
            }
            if (reply->status != 207) {
                return DavClient::httpError(*reply, what);
            }
            auto status = DavXml::parseMultistatus(reply->body);
            if (!status) {
                return status.error();
            }
            if (first) {
                full = token.isEmpty();
                first = false;
            }
            newToken = status->syncToken;
            for (const DavXml::Response &r : std::as_const(status->responses)) {
                const QString href = QUrl(client.resolve(r.href)).path();
                if (r.status == 404 || r.status == 410) {
                    removed.insert(href);
                    changed.remove(href);
                } else if (r.status >= 200 && r.status < 300 && !href.endsWith(u'/')) {
                    changed.insert(href, r.etag);
                    removed.remove(href);
                }
            }
            if (!status->truncated) {
                break;
            }
            if (status->syncToken.isEmpty() || status->syncToken == token) {
                return SyncError::make(ErrorClass::Protocol, u"dav-bad-response"_s,
                                       tr("%1: the server said its answer was truncated but gave no new token to "
                                          "ask for the rest")
                                           .arg(what));
            }
            token = status->syncToken;
        }
    }
    if (!collection.syncCollection) {
        if (Status stop = checkStop(result); !stop) {
            return stop.error();
        }
        auto reply = client.propfind(collectionUrl, 1, DavXml::propfindEtags());
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
        full = true;
        newToken.clear();
        for (const DavXml::Response &r : std::as_const(status->responses)) {
            const QString href = QUrl(client.resolve(r.href)).path();
            if (r.resourceTypes.contains(u"collection"_s) || href.endsWith(u'/')) {
                continue;
            }
            if (r.status >= 200 && r.status < 300) {
                changed.insert(href, r.etag);
            }
        }
    }
    return listed;
}

} // namespace SyncDesk

#pragma once

#include "diagnostics/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QSslConfiguration>
#include <QString>
#include <QUrl>

#include <atomic>
#include <memory>
#include <utility>

class QNetworkAccessManager;

namespace SyncDesk {

// An HTTP answer of a DAV server.
struct DavReply
{
    int status = 0;
    QByteArray body;
    QString etag;     // the ETag header, exactly as sent (quotes kept: If-Match must repeat it byte for byte)
    QString location; // a redirect's target
    qint64 retryAfterMs = 0;
};

// A blocking WebDAV client for one login: each request runs a local event loop until the answer or the time
// limit. Meant for a thread of its own (the ACT sync runs in a pool thread), never for a thread whose event loop
// drives other work. Sends Basic authentication up front (over TLS, or to a loopback address), follows no
// redirect by itself, reads at most 64 MiB of an answer, and counts its requests.
class DavClient final
{
    Q_DECLARE_TR_FUNCTIONS(DavClient)
public:
    struct Options
    {
        QUrl base; // the server ("act" url of the profile): relative hrefs are resolved against it
        QString username;
        QString password;
        QString caFile;
        int timeoutMs = 60000;
        // Set from another thread: a request in flight is aborted within a tenth of a second (class Cancelled).
        std::shared_ptr<std::atomic_bool> cancelled;
    };
    explicit DavClient(const Options &options);
    ~DavClient();
    DavClient(const DavClient &) = delete;
    DavClient &operator=(const DavClient &) = delete;

    using Headers = QList<std::pair<QByteArray, QByteArray>>;
    // Transport failures (DNS, connect, TLS, timeout, an answer too large) are errors; every HTTP status is a reply.
    Result<DavReply> send(const QByteArray &method, const QUrl &url, const QByteArray &body = {},
                          const Headers &headers = {});

    Result<DavReply> propfind(const QUrl &url, int depth, const QByteArray &body);
    Result<DavReply> report(const QUrl &url, int depth, const QByteArray &body);
    // ifMatch: the ETag the item must still have; empty: the item must not exist yet (If-None-Match: *).
    Result<DavReply> put(const QUrl &url, const QByteArray &data, const QByteArray &contentType,
                         const QString &ifMatch);
    Result<DavReply> remove(const QUrl &url, const QString &ifMatch);

    QUrl resolve(const QString &href) const;
    const QUrl &base() const { return m_options.base; }
    int requests() const { return m_requests; }

    // The classified error of an HTTP status that is not a success (401, 403, 404, 412, 507, 5xx, ...), with the
    // hint that explains it; `what` says what was asked, and leads the message ("writing /ana/calendar/x.ics: ...").
    static SyncError httpError(const DavReply &reply, const QString &what);

private:
    Options m_options;
    std::unique_ptr<QNetworkAccessManager> m_network;
    QSslConfiguration m_tls;
    SyncError m_setupError;
    bool m_setupFailed = false;
    int m_requests = 0;
};

} // namespace SyncDesk

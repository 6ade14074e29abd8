#include "metricsserver.h"

#include "metricsreport.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {
constexpr qsizetype kMaxRequestBytes = 8 * 1024;
constexpr int kRequestTimeoutMs = 10000;
constexpr int kMaxClients = 32;
} // namespace

// The server's half in its thread: the listening socket, the clients and the store connection of the scrapes.
class MetricsHttp final : public QObject
{
public:
    MetricsHttp(const StoreConfig &store, std::shared_ptr<EngineMetrics> metrics, const QString &version)
        : m_storeConfig(store)
        , m_metrics(std::move(metrics))
        , m_version(version)
    {}

    Result<quint16> listen(const ListenAddress &address)
    {
        delete m_server; // listening again: the new address only
        m_server = new QTcpServer(this);
        if (!m_server->listen(address.host, address.port)) {
            return SyncError::make(
                ErrorClass::Config, u"config-invalid"_s,
                QCoreApplication::translate("MetricsServer", "cannot listen on %1 for /metrics: %2")
                    .arg(address.toString(), m_server->errorString()),
                QCoreApplication::translate("MetricsServer",
                                            "is another process (or another node) on that port? Choose another "
                                            "with --http or the configuration's metrics.listen"));
        }
        connect(m_server, &QTcpServer::newConnection, this, &MetricsHttp::accept);
        return m_server->serverPort();
    }

private:
    void accept()
    {
        while (QTcpSocket *socket = m_server->nextPendingConnection()) {
            if (m_clients >= kMaxClients) {
                socket->abort();
                socket->deleteLater();
                continue;
            }
            ++m_clients;
            socket->setParent(this);
            auto *deadline = new QTimer(socket);
            deadline->setSingleShot(true);
            connect(deadline, &QTimer::timeout, socket, [socket] { socket->abort(); });
            deadline->start(kRequestTimeoutMs);
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readRequest(socket); });
            connect(socket, &QTcpSocket::disconnected, this, [this, socket] { drop(socket); });
            connect(socket, &QTcpSocket::errorOccurred, this, [this, socket] { drop(socket); });
        }
    }

    void drop(QTcpSocket *socket)
    {
        if (socket->property("dropped").toBool()) {
            return;
        }
        socket->setProperty("dropped", true);
        --m_clients;
        socket->deleteLater();
    }

    void readRequest(QTcpSocket *socket)
    {
        if (socket->property("answered").toBool()) {
            socket->readAll(); // whatever follows the request is not read
            return;
        }
        QByteArray request = socket->property("request").toByteArray() + socket->readAll();
        // RFC 9112 2.2: a bare LF ends a line too.
        const qsizetype end = std::max(request.indexOf("\r\n\r\n"), request.indexOf("\n\n"));
        if (end < 0) {
            if (request.size() > kMaxRequestBytes) {
                answer(socket, 431, "Request Header Fields Too Large", "the request is larger than 8 KiB\n");
                return;
            }
            socket->setProperty("request", request);
            return;
        }
        const QByteArray line = request.left(request.indexOf('\n')).trimmed();
        const QList<QByteArray> parts = line.split(' ');
        if (parts.size() != 3 || !parts.at(2).startsWith("HTTP/1.")) {
            answer(socket, 400, "Bad Request", "expected an HTTP/1.x request line\n");
            return;
        }
        const QByteArray &method = parts.at(0);
        const bool head = method == "HEAD";
        if (method != "GET" && !head) {
            answer(socket, 405, "Method Not Allowed", "only GET and HEAD\n", "Allow: GET, HEAD\r\n", head);
            return;
        }
        QByteArray path = parts.at(1);
        if (const qsizetype query = path.indexOf('?'); query >= 0) {
            path.truncate(query);
        }
        if (path == "/metrics") {
            const QByteArray body =
                MetricsReport::render(m_metrics->snapshot(), store(), QDateTime::currentDateTimeUtc(), m_version);
            answer(socket, 200, "OK", body, "Content-Type: text/plain; version=0.0.4; charset=utf-8\r\n", head);
        } else if (path == "/healthz") {
            answer(socket, 200, "OK", "ok\n", {}, head);
        } else if (path == "/readyz") {
            const QByteArray problems = readiness();
            if (problems.isEmpty()) {
                answer(socket, 200, "OK", "ready\n", {}, head);
            } else {
                answer(socket, 503, "Service Unavailable", problems, {}, head);
            }
        } else {
            answer(socket, 404, "Not Found", "not found: try /metrics, /healthz or /readyz\n", {}, head);
        }
    }

    // Empty when ready; otherwise one line per reason.
    QByteArray readiness()
    {
        QByteArray problems;
        Store *opened = store();
        if (!opened || !opened->dataVersion()) {
            m_store.reset(); // opened again at the next request
            problems += "store: not reachable\n";
        }
        const EngineMetrics::Snapshot engine = m_metrics->snapshot();
        if (!engine.schedulerRunning) {
            problems += "scheduler: not running\n";
        }
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (!engine.lastHeartbeat.isValid()) {
            problems += "heartbeat: none yet\n";
        } else if (engine.lastHeartbeat.msecsTo(now) > 3000LL * engine.heartbeatSeconds) {
            problems += "heartbeat: " + QByteArray::number(engine.lastHeartbeat.secsTo(now)) + " s old (more than " +
                        QByteArray::number(3 * engine.heartbeatSeconds) + " s)\n";
        }
        return problems;
    }

    Store *store()
    {
        if (!m_store) {
            if (auto opened = Store::open(m_storeConfig)) {
                m_store = std::move(opened).value();
            }
        }
        return m_store.get();
    }

    void answer(QTcpSocket *socket, int code, const char *reason, const QByteArray &body,
                const QByteArray &headers = {}, bool head = false)
    {
        socket->setProperty("answered", true);
        QByteArray reply = "HTTP/1.1 " + QByteArray::number(code) + ' ' + reason + "\r\n";
        reply += headers.isEmpty() ? QByteArray("Content-Type: text/plain; charset=utf-8\r\n") : headers;
        reply += "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n";
        if (!head) {
            reply += body;
        }
        socket->write(reply);
        socket->disconnectFromHost();
    }

    StoreConfig m_storeConfig;
    std::shared_ptr<EngineMetrics> m_metrics;
    QString m_version;
    QTcpServer *m_server = nullptr;
    std::unique_ptr<Store> m_store;
    int m_clients = 0;
};

MetricsServer::MetricsServer(const StoreConfig &store, std::shared_ptr<EngineMetrics> metrics, const QString &version)
{
    m_thread.setObjectName(u"metrics-http"_s);
    m_http = new MetricsHttp(store, std::move(metrics), version);
    m_http->moveToThread(&m_thread);
    m_thread.start();
}

MetricsServer::~MetricsServer()
{
    // Deleted in its thread: its sockets and its store connection belong there.
    MetricsHttp *http = m_http;
    QMetaObject::invokeMethod(
        http, [http] { delete http; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

Status MetricsServer::listen(const ListenAddress &address)
{
    Result<quint16> bound = SyncError::make(ErrorClass::Internal, u"internal-error"_s, {});
    MetricsHttp *http = m_http;
    QMetaObject::invokeMethod(
        http, [&] { bound = http->listen(address); }, Qt::BlockingQueuedConnection);
    if (!bound) {
        return bound.error();
    }
    m_port = *bound;
    return {};
}

} // namespace SyncDesk

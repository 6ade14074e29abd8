#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QTcpServer>

#include <functional>

class QTcpSocket;

namespace SyncDesk::Testing {

// An HTTP/1.1 proxy on a free loopback port in front of a real server (Radicale), for what the real server
// will not do: the test's handler sees each whole request and either lets it through unchanged or answers it
// itself. Requests are read one at a time per connection (clients that do not pipeline, as Qt's); the
// server's answers pass through byte for byte, and a connection the server closes is closed to the client.
class HttpRewriteProxy final : public QObject
{
    Q_OBJECT
public:
    struct Request
    {
        QByteArray method;
        QByteArray target;                     // as sent: the path and query
        QHash<QByteArray, QByteArray> headers; // names in lower case
        QByteArray body;
    };
    // Empty: forward the request. Otherwise the status line's code and reason, and the body sent as the
    // answer (application/xml), after which the connection is closed.
    struct Answer
    {
        int status = 0;
        QByteArray reason;
        QByteArray body;
    };
    using Handler = std::function<Answer(const Request &request)>;

    explicit HttpRewriteProxy(quint16 upstreamPort, QObject *parent = nullptr);
    ~HttpRewriteProxy() override;

    bool listen(QString *error = nullptr);
    quint16 port() const { return m_server.serverPort(); }
    void setHandler(Handler handler) { m_handler = std::move(handler); }
    int answered() const { return m_answered; } // requests the handler answered itself

private:
    struct Link;
    void onNewConnection();
    void fromClient(Link *link);
    void close(Link *link);

    QTcpServer m_server;
    quint16 m_upstreamPort = 0;
    Handler m_handler;
    QList<Link *> m_links;
    int m_answered = 0;
};

} // namespace SyncDesk::Testing

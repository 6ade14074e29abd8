#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QTcpServer>

class QTcpSocket;

namespace SyncDesk::Testing {

// A TCP proxy on a free loopback port between a client and a real server, that injects one fault into what
// the server sends: the connection cut after N bytes, inside a message literal, between a literal and its
// closing parenthesis, or in the middle of a FETCH line; a stall (nothing more is forwarded, the connection
// stays open); or one byte corrupted. What the client sends is forwarded as it is. Every connection gets
// the same fault; Fault::None forwards faithfully.
class FaultProxy final : public QObject
{
    Q_OBJECT
public:
    enum class Where {
        AfterBytes,    // `count` bytes into the server's stream
        InsideLiteral, // `offset` bytes into the body of the `count`-th message literal ("BODY[] {n}")
        AfterLiteral,  // right after the `count`-th literal, before its closing parenthesis
        MidFetchLine,  // a few bytes into the `count`-th "* n FETCH" line
    };
    enum class Action { None, Cut, Stall, Corrupt };
    struct Fault
    {
        Action action = Action::None;
        Where where = Where::AfterBytes;
        qint64 count = 0;
        qint64 offset = 0;
        QString describe() const;
    };

    FaultProxy(const QString &targetHost, quint16 targetPort, QObject *parent = nullptr);
    ~FaultProxy() override;

    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    void setFault(const Fault &fault) { m_fault = fault; }
    // Whether the fault was reached on some connection.
    bool triggered() const { return m_triggered; }

private:
    struct Link
    {
        QTcpSocket *client = nullptr;
        QTcpSocket *upstream = nullptr;
        QByteArray seen;      // everything the server sent on this link so far
        qint64 forwarded = 0; // bytes of `seen` passed to the client
        qint64 faultAt = -1;  // where the fault applies in `seen`, once known
        bool stalled = false;
        bool done = false;
    };
    void onNewConnection();
    void fromServer(Link *link);
    qint64 locate(const QByteArray &seen) const; // -1 while not in the stream yet
    void close(Link *link);

    QString m_host;
    quint16 m_targetPort = 0;
    QTcpServer m_server;
    Fault m_fault;
    QList<Link *> m_links;
    bool m_triggered = false;
};

} // namespace SyncDesk::Testing

#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTcpServer>

#include <deque>

class QTcpSocket;

namespace SyncDesk::Testing {

// A scripted fake IMAP or POP3 server for the protocol edge cases a real server will not produce:
// errors, throttling replies, disconnects, split literals, garbage, silence. Listens on a free loopback
// port; each connection plays the next scenario, one scenario per connection. A scenario is text, one
// step a line:
//
//   S: * OK ready          the server sends the line and CRLF (\r \n \t \\ and \xNN escapes allowed)
//   S+ {10}\r\nHel         the server sends exactly these bytes, no CRLF added
//   C: A0001 LOGIN *       the server waits for one line from the client; a trailing * matches any rest
//   X: read                the server waits for any bytes from the client (a TLS ClientHello) and drops them
//   X: close               the server closes the connection
//   X: drop                the server resets the connection (no orderly close)
//   X: wait 500            the server pauses this long (ms) before its next step (a slow or trickling server)
//   # comment              ignored, as are empty lines
//
// A scenario that runs out of steps leaves the connection open and silent (a server that never answers).
// A client line that does not match is recorded in failures() and the connection is closed.
class FakeServer final : public QObject
{
    Q_OBJECT
public:
    explicit FakeServer(QObject *parent = nullptr);
    ~FakeServer() override;

    bool listen();
    quint16 port() const;
    void addScenario(const QString &script);

    // Client lines that did not match the script, with the step they were compared with.
    const QStringList &failures() const { return m_failures; }
    // Every line the clients sent, in order.
    const QList<QByteArray> &received() const { return m_received; }
    int connectionCount() const { return m_connections; }
    // Scenarios whose every step was played.
    int completedScenarios() const { return m_completed; }

    static QByteArray unescape(const QString &text);

Q_SIGNALS:
    void scenarioCompleted();

private:
    struct Step
    {
        enum class Kind { Send, Expect, ReadAny, Close, Drop, Wait };
        Kind kind = Kind::Send;
        QByteArray bytes; // Send: what to send; Expect: the pattern
        int ms = 0;       // Wait
    };
    struct Connection
    {
        QTcpSocket *socket = nullptr;
        std::deque<Step> steps;
        QByteArray buffer;
        bool done = false;
        bool waiting = false; // in a Wait step: client bytes are buffered, nothing advances
    };

    static std::deque<Step> parse(const QString &script);
    void onNewConnection();
    void advance(Connection *connection);
    static bool matches(const QByteArray &pattern, const QByteArray &line);

    QTcpServer m_server;
    std::deque<std::deque<Step>> m_scenarios;
    QList<Connection *> m_live;
    QStringList m_failures;
    QList<QByteArray> m_received;
    int m_connections = 0;
    int m_completed = 0;
};

} // namespace SyncDesk::Testing

#pragma once

#include <QByteArray>
#include <QObject>
#include <QTcpServer>

#include <deque>

class QTcpSocket;

namespace SyncDesk::Testing {

// An IMAP server that lies about sizes, for what a real server will not do: one folder, INBOX, of
// `messages` messages; listings declare RFC822.SIZE `declaredSize` for each, and body fetches send
// `sentSize` bytes (a valid message: distinct headers, then filler lines). It answers just the commands a
// sync sends (CAPABILITY, AUTHENTICATE PLAIN, STATUS, SELECT/EXAMINE, UID FETCH, UID SEARCH, UID STORE,
// NOOP, LOGOUT). Output is written as the socket drains (a few MiB pending at most), so the server itself
// holds one filler buffer whatever it sends. Single-threaded; lives in the thread that creates it.
class HostileImapServer final : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        int messages = 200;
        qint64 declaredSize = 100;
        qint64 sentSize = 32LL * 1024 * 1024;
    };

    explicit HostileImapServer(const Settings &settings, QObject *parent = nullptr);
    ~HostileImapServer() override;

    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    // Message bodies sent so far, and their bytes.
    int bodiesSent() const { return m_bodiesSent; }
    qint64 bodyBytesSent() const { return m_bodyBytesSent; }

private:
    struct Chunk
    {
        QByteArray data; // shared: the filler is never copied
        qsizetype offset = 0;
        qsizetype length = 0;
    };
    struct Connection
    {
        QTcpSocket *socket = nullptr;
        QByteArray input;
        std::deque<Chunk> output;
    };

    void onNewConnection();
    void onReadyRead(Connection *connection);
    void handle(Connection *connection, const QByteArray &line);
    void fetch(Connection *connection, const QByteArray &set, bool bodies);
    void send(Connection *connection, const QByteArray &bytes);
    void pump(Connection *connection);
    QByteArray header(int uid) const;

    Settings m_settings;
    QTcpServer m_server{this}; // a child, so that moveToThread() moves it too
    QByteArray m_filler;
    QList<Connection *> m_connections;
    int m_bodiesSent = 0;
    qint64 m_bodyBytesSent = 0;
};

} // namespace SyncDesk::Testing

#include "hostileimapserver.h"

#include <QTcpSocket>

namespace SyncDesk::Testing {

namespace {

constexpr qsizetype kMaxPending = 4 * 1024 * 1024; // bytes handed to the socket and not yet written

// The UIDs of a set such as "1:5,7,9:*", within 1..highest.
QList<int> uidsOf(const QByteArray &set, int highest)
{
    QList<int> uids;
    for (const QByteArray &part : set.split(',')) {
        const QList<QByteArray> ends = part.split(':');
        auto value = [highest](const QByteArray &text) {
            return text == "*" ? highest : text.toInt();
        };
        int first = value(ends.at(0));
        int last = ends.size() > 1 ? value(ends.at(1)) : first;
        if (first > last) {
            std::swap(first, last);
        }
        for (int uid = qMax(1, first); uid <= qMin(last, highest); ++uid) {
            uids.append(uid);
        }
        if (ends.size() > 1 && ends.at(1) == "*" && first > highest && highest > 0) {
            uids.append(highest); // "n:*" names the highest message even below n
        }
    }
    return uids;
}

} // namespace

HostileImapServer::HostileImapServer(const Settings &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{
    QByteArray line(76, 'x');
    line += "\r\n";
    m_filler.reserve(qsizetype(settings.sentSize));
    while (m_filler.size() < settings.sentSize) {
        m_filler += line;
    }
    connect(&m_server, &QTcpServer::newConnection, this, &HostileImapServer::onNewConnection);
}

HostileImapServer::~HostileImapServer()
{
    for (Connection *connection : std::as_const(m_connections)) {
        connection->socket->disconnect(this);
        delete connection;
    }
}

bool HostileImapServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QByteArray HostileImapServer::header(int uid) const
{
    return "Message-ID: <hostile-" + QByteArray::number(uid) +
           "@example.test>\r\n"
           "From: Sender <sender@example.test>\r\nTo: alice@example.test\r\n"
           "Subject: message " +
           QByteArray::number(uid) + "\r\nDate: Mon, 7 Dec 2026 10:00:00 +0000\r\n\r\n";
}

void HostileImapServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        auto *connection = new Connection;
        connection->socket = socket;
        m_connections.append(connection);
        connect(socket, &QTcpSocket::readyRead, this, [this, connection] { onReadyRead(connection); });
        connect(socket, &QTcpSocket::bytesWritten, this, [this, connection] { pump(connection); });
        connect(socket, &QTcpSocket::disconnected, this, [this, connection] {
            m_connections.removeOne(connection);
            connection->socket->deleteLater();
            delete connection;
        });
        send(connection, "* OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN] hostile server ready\r\n");
    }
}

void HostileImapServer::onReadyRead(Connection *connection)
{
    connection->input += connection->socket->readAll();
    qsizetype newline;
    while ((newline = connection->input.indexOf('\n')) >= 0) {
        const QByteArray line = connection->input.left(newline).trimmed();
        connection->input.remove(0, newline + 1);
        handle(connection, line);
        if (!m_connections.contains(connection)) {
            return;
        }
    }
}

void HostileImapServer::handle(Connection *connection, const QByteArray &line)
{
    const QList<QByteArray> words = line.split(' ');
    const QByteArray tag = words.value(0);
    const QByteArray command = words.value(1).toUpper();
    const QByteArray sub = words.value(2).toUpper();
    const QByteArray count = QByteArray::number(m_settings.messages);
    const QByteArray next = QByteArray::number(m_settings.messages + 1);
    if (command == "CAPABILITY") {
        send(connection, "* CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN\r\n" + tag + " OK done\r\n");
    } else if (command == "AUTHENTICATE" || command == "LOGIN") {
        send(connection, tag + " OK [CAPABILITY IMAP4rev1] logged in\r\n");
    } else if (command == "STATUS") {
        send(connection,
             "* STATUS INBOX (MESSAGES " + count + " UIDNEXT " + next + " UIDVALIDITY 7)\r\n" + tag + " OK done\r\n");
    } else if (command == "SELECT" || command == "EXAMINE") {
        send(connection, "* " + count + " EXISTS\r\n* OK [UIDVALIDITY 7] ok\r\n* OK [UIDNEXT " + next +
                             "] ok\r\n* FLAGS (\\Seen)\r\n* OK [PERMANENTFLAGS (\\Seen \\*)] ok\r\n" + tag +
                             (command == "SELECT" ? " OK [READ-WRITE] done\r\n" : " OK [READ-ONLY] done\r\n"));
    } else if (command == "UID" && sub == "FETCH") {
        fetch(connection, words.value(3), line.toUpper().contains("BODY.PEEK[]"));
        send(connection, tag + " OK done\r\n");
    } else if (command == "UID" && sub == "SEARCH") {
        send(connection, "* SEARCH\r\n" + tag + " OK done\r\n");
    } else if (command == "LOGOUT") {
        send(connection, "* BYE bye\r\n" + tag + " OK done\r\n");
        connection->socket->disconnectFromHost();
    } else {
        send(connection, tag + " OK done\r\n");
    }
}

void HostileImapServer::fetch(Connection *connection, const QByteArray &set, bool bodies)
{
    const QByteArray declared = QByteArray::number(m_settings.declaredSize);
    for (int uid : uidsOf(set, m_settings.messages)) {
        const QByteArray number = QByteArray::number(uid);
        if (!bodies) {
            send(connection, "* " + number + " FETCH (UID " + number + " RFC822.SIZE " + declared +
                                 " INTERNALDATE \"07-Dec-2026 10:00:00 +0000\")\r\n");
            continue;
        }
        const QByteArray head = header(uid);
        const qsizetype filler = qMax<qsizetype>(0, qsizetype(m_settings.sentSize) - head.size());
        send(connection, "* " + number + " FETCH (UID " + number + " RFC822.SIZE " + declared +
                             " INTERNALDATE \"07-Dec-2026 10:00:00 +0000\" BODY[] {" +
                             QByteArray::number(head.size() + filler) + "}\r\n" + head);
        connection->output.push_back({m_filler, 0, filler});
        send(connection, ")\r\n");
        ++m_bodiesSent;
        m_bodyBytesSent += head.size() + filler;
    }
}

void HostileImapServer::send(Connection *connection, const QByteArray &bytes)
{
    connection->output.push_back({bytes, 0, bytes.size()});
    pump(connection);
}

void HostileImapServer::pump(Connection *connection)
{
    QTcpSocket *socket = connection->socket;
    while (!connection->output.empty() && socket->bytesToWrite() < kMaxPending &&
           socket->state() == QAbstractSocket::ConnectedState) {
        Chunk &chunk = connection->output.front();
        const qsizetype piece = qMin<qsizetype>(chunk.length - chunk.offset, 1024 * 1024);
        socket->write(chunk.data.constData() + chunk.offset, piece);
        chunk.offset += piece;
        if (chunk.offset >= chunk.length) {
            connection->output.pop_front();
        }
    }
}

} // namespace SyncDesk::Testing

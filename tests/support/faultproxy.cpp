#include "faultproxy.h"

#include <QTcpSocket>

namespace SyncDesk::Testing {

using namespace Qt::StringLiterals;

QString FaultProxy::Fault::describe() const
{
    const QString action = this->action == Action::Cut       ? u"cut"_s
                           : this->action == Action::Stall   ? u"stall"_s
                           : this->action == Action::Corrupt ? u"corrupt a byte"_s
                                                             : u"none"_s;
    switch (where) {
    case Where::AfterBytes:
        return u"%1 after %2 bytes"_s.arg(action).arg(count);
    case Where::InsideLiteral:
        return u"%1 %2 bytes into literal %3"_s.arg(action).arg(offset).arg(count);
    case Where::AfterLiteral:
        return u"%1 after literal %2, before its parenthesis"_s.arg(action).arg(count);
    case Where::MidFetchLine:
        return u"%1 in the middle of FETCH line %2"_s.arg(action).arg(count);
    }
    return action;
}

FaultProxy::FaultProxy(const QString &targetHost, quint16 targetPort, QObject *parent)
    : QObject(parent)
    , m_host(targetHost)
    , m_targetPort(targetPort)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FaultProxy::onNewConnection);
}

FaultProxy::~FaultProxy()
{
    for (Link *link : std::as_const(m_links)) {
        for (QTcpSocket *socket : {link->client, link->upstream}) {
            socket->disconnect(this);
            socket->abort();
            delete socket;
        }
        delete link;
    }
}

bool FaultProxy::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void FaultProxy::onNewConnection()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        client->setParent(nullptr);
        auto *link = new Link;
        link->client = client;
        link->upstream = new QTcpSocket;
        m_links.append(link);
        client->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        connect(client, &QTcpSocket::readyRead, this, [link] {
            if (!link->done && link->upstream->state() == QAbstractSocket::ConnectedState) {
                link->upstream->write(link->client->readAll());
            }
        });
        connect(link->upstream, &QTcpSocket::connected, this, [link] {
            link->upstream->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            link->upstream->write(link->client->readAll()); // what the client sent meanwhile
        });
        connect(link->upstream, &QTcpSocket::readyRead, this, [this, link] { fromServer(link); });
        connect(client, &QTcpSocket::disconnected, this, [this, link] { close(link); });
        connect(link->upstream, &QTcpSocket::disconnected, this, [this, link] {
            if (!link->stalled) {
                close(link);
            }
        });
        link->upstream->connectToHost(m_host, m_targetPort);
    }
}

qint64 FaultProxy::locate(const QByteArray &seen) const
{
    switch (m_fault.where) {
    case Where::AfterBytes:
        return seen.size() >= m_fault.count ? m_fault.count : -1;
    case Where::MidFetchLine: {
        qsizetype from = 0;
        for (qint64 n = 0;; ++n) {
            const qsizetype line = seen.indexOf(" FETCH (", from);
            if (line < 0) {
                return -1;
            }
            if (n + 1 == m_fault.count) {
                const qint64 at = line + 4;
                return seen.size() > at ? at : -1;
            }
            from = line + 1;
        }
    }
    case Where::InsideLiteral:
    case Where::AfterLiteral: {
        qsizetype from = 0;
        for (qint64 n = 0;; ++n) {
            const qsizetype open = seen.indexOf("BODY[] {", from);
            if (open < 0) {
                return -1;
            }
            const qsizetype close = seen.indexOf("}\r\n", open);
            if (close < 0) {
                return -1;
            }
            const qint64 size = seen.mid(open + 8, close - open - 8).toLongLong();
            const qint64 start = close + 3;
            if (n + 1 == m_fault.count) {
                const qint64 at = m_fault.where == Where::AfterLiteral
                                      ? start + size
                                      : start + qMin(m_fault.offset, qMax<qint64>(size - 1, 0));
                return seen.size() > at ? at : -1;
            }
            from = start + size;
        }
    }
    }
    return -1;
}

void FaultProxy::fromServer(Link *link)
{
    if (link->done) {
        link->upstream->readAll();
        return;
    }
    link->seen += link->upstream->readAll();
    if (m_fault.action != Action::None && link->faultAt < 0) {
        link->faultAt = locate(link->seen);
    }
    qint64 end = link->seen.size();
    if (link->faultAt >= 0) {
        m_triggered = true;
        switch (m_fault.action) {
        case Action::Cut:
        case Action::Stall:
            end = qMin(end, link->faultAt);
            break;
        case Action::Corrupt:
            if (link->forwarded <= link->faultAt && link->faultAt < end) {
                link->seen[link->faultAt] = link->seen.at(link->faultAt) == 'X' ? 'Y' : 'X';
            }
            break;
        case Action::None:
            break;
        }
    }
    if (end > link->forwarded) {
        link->client->write(link->seen.constData() + link->forwarded, end - link->forwarded);
        link->forwarded = end;
    }
    if (link->faultAt >= 0 && link->forwarded >= link->faultAt) {
        if (m_fault.action == Action::Cut) {
            link->client->waitForBytesWritten(1000); // what came before the cut reaches the client
            link->client->abort();
            link->upstream->abort();
            link->done = true;
        } else if (m_fault.action == Action::Stall) {
            link->stalled = true; // nothing more is forwarded; the connection stays open
        }
    }
    if (link->stalled) {
        link->forwarded = link->seen.size(); // swallow the rest
    }
}

void FaultProxy::close(Link *link)
{
    if (link->done) {
        return;
    }
    link->done = true;
    link->client->disconnectFromHost();
    link->upstream->disconnectFromHost();
}

} // namespace SyncDesk::Testing

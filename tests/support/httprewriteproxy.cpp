#include "httprewriteproxy.h"

#include <QHostAddress>
#include <QTcpSocket>

namespace SyncDesk::Testing {

struct HttpRewriteProxy::Link
{
    QTcpSocket *client = nullptr;
    QTcpSocket *upstream = nullptr;
    QByteArray pending; // what the client sent that is not a whole request yet
    bool closing = false;
};

HttpRewriteProxy::HttpRewriteProxy(quint16 upstreamPort, QObject *parent)
    : QObject(parent)
    , m_upstreamPort(upstreamPort)
{
    connect(&m_server, &QTcpServer::newConnection, this, &HttpRewriteProxy::onNewConnection);
}

HttpRewriteProxy::~HttpRewriteProxy()
{
    const QList<Link *> links = m_links;
    for (Link *link : links) {
        close(link);
    }
}

bool HttpRewriteProxy::listen(QString *error)
{
    if (m_server.listen(QHostAddress::LocalHost, 0)) {
        return true;
    }
    if (error) {
        *error = m_server.errorString();
    }
    return false;
}

void HttpRewriteProxy::onNewConnection()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        auto *link = new Link;
        link->client = client;
        link->upstream = new QTcpSocket(this);
        m_links.append(link);
        connect(client, &QTcpSocket::readyRead, this, [this, link] { fromClient(link); });
        connect(client, &QTcpSocket::disconnected, this, [this, link] { close(link); });
        connect(link->upstream, &QTcpSocket::readyRead, this,
                [link] { link->client->write(link->upstream->readAll()); });
        connect(link->upstream, &QTcpSocket::disconnected, this, [this, link] {
            link->client->write(link->upstream->readAll());
            link->client->disconnectFromHost();
        });
        link->upstream->connectToHost(QHostAddress::LocalHost, m_upstreamPort);
    }
}

void HttpRewriteProxy::fromClient(Link *link)
{
    link->pending += link->client->readAll();
    while (!link->closing) {
        const qsizetype headerEnd = link->pending.indexOf("\r\n\r\n");
        if (headerEnd < 0) {
            return;
        }
        Request request;
        const QList<QByteArray> lines = link->pending.left(headerEnd).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        request.method = requestLine.value(0);
        request.target = requestLine.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            if (colon > 0) {
                request.headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                                       lines.at(i).mid(colon + 1).trimmed());
            }
        }
        const qsizetype length = request.headers.value("content-length", "0").toLongLong();
        const qsizetype total = headerEnd + 4 + length;
        if (link->pending.size() < total) {
            return;
        }
        const QByteArray raw = link->pending.left(total);
        request.body = raw.mid(headerEnd + 4);
        link->pending.remove(0, total);
        const Answer answer = m_handler ? m_handler(request) : Answer{};
        if (answer.status == 0) {
            link->upstream->write(raw);
            continue;
        }
        ++m_answered;
        link->closing = true;
        link->client->write("HTTP/1.1 " + QByteArray::number(answer.status) + ' ' + answer.reason +
                            "\r\nContent-Type: application/xml; charset=utf-8\r\nContent-Length: " +
                            QByteArray::number(answer.body.size()) + "\r\nConnection: close\r\n\r\n" + answer.body);
        link->client->disconnectFromHost();
    }
}

void HttpRewriteProxy::close(Link *link)
{
    if (!m_links.removeOne(link)) {
        return;
    }
    link->upstream->disconnect(this);
    link->client->disconnect(this);
    link->upstream->abort();
    link->upstream->deleteLater();
    link->client->deleteLater();
    delete link;
}

} // namespace SyncDesk::Testing

#include "fakeserver.h"

#include <QTcpSocket>
#include <QTimer>

namespace SyncDesk::Testing {

using namespace Qt::StringLiterals;

FakeServer::FakeServer(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FakeServer::onNewConnection);
}

FakeServer::~FakeServer()
{
    for (Connection *connection : std::as_const(m_live)) {
        if (connection->socket) {
            connection->socket->disconnect(this);
            connection->socket->abort();
        }
        delete connection;
    }
}

bool FakeServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

quint16 FakeServer::port() const
{
    return m_server.serverPort();
}

void FakeServer::addScenario(const QString &script)
{
    m_scenarios.push_back(parse(script));
}

QByteArray FakeServer::unescape(const QString &text)
{
    const QByteArray in = text.toUtf8();
    QByteArray out;
    out.reserve(in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in.at(i);
        if (c != '\\' || i + 1 >= in.size()) {
            out += c;
            continue;
        }
        const char e = in.at(++i);
        switch (e) {
        case 'r':
            out += '\r';
            break;
        case 'n':
            out += '\n';
            break;
        case 't':
            out += '\t';
            break;
        case 'x':
            if (i + 2 < in.size()) {
                bool ok = false;
                const int value = in.mid(i + 1, 2).toInt(&ok, 16);
                if (ok) {
                    out += char(value);
                    i += 2;
                    break;
                }
            }
            out += "\\x";
            break;
        default:
            out += e; // "\\" and anything else: the character itself
            break;
        }
    }
    return out;
}

std::deque<FakeServer::Step> FakeServer::parse(const QString &script)
{
    std::deque<Step> steps;
    const QStringList lines = script.split(u'\n');
    for (QString line : lines) {
        if (line.endsWith(u'\r')) {
            line.chop(1);
        }
        if (line.trimmed().isEmpty() || line.startsWith(u'#')) {
            continue;
        }
        const QString body = line.mid(3);
        if (line.startsWith(u"S: "_s)) {
            steps.push_back({Step::Kind::Send, unescape(body) + "\r\n"});
        } else if (line.startsWith(u"S+ "_s)) {
            steps.push_back({Step::Kind::Send, unescape(body)});
        } else if (line.startsWith(u"C: "_s)) {
            steps.push_back({Step::Kind::Expect, body.toUtf8()});
        } else if (line == u"X: read"_s) {
            steps.push_back({Step::Kind::ReadAny, {}});
        } else if (line == u"X: close"_s) {
            steps.push_back({Step::Kind::Close, {}});
        } else if (line == u"X: drop"_s) {
            steps.push_back({Step::Kind::Drop, {}});
        } else if (line.startsWith(u"X: wait "_s)) {
            steps.push_back({Step::Kind::Wait, {}, line.mid(8).toInt()});
        } else {
            qWarning("FakeServer: cannot read scenario line: %s", qPrintable(line));
        }
    }
    return steps;
}

bool FakeServer::matches(const QByteArray &pattern, const QByteArray &line)
{
    if (pattern.endsWith('*')) {
        return line.startsWith(pattern.left(pattern.size() - 1));
    }
    return line == pattern;
}

void FakeServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        ++m_connections;
        // Each step is its own write: without this, Nagle's algorithm holds small writes back for the
        // client's delayed ACK (40 ms a step on Linux).
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        auto *connection = new Connection;
        connection->socket = socket;
        if (!m_scenarios.empty()) {
            connection->steps = std::move(m_scenarios.front());
            m_scenarios.pop_front();
        } else {
            m_failures.append(u"connection %1 has no scenario"_s.arg(m_connections));
            connection->steps.push_back({Step::Kind::Close, {}});
        }
        m_live.append(connection);
        connect(socket, &QTcpSocket::readyRead, this, [this, connection] {
            connection->buffer += connection->socket->readAll();
            advance(connection);
        });
        advance(connection);
    }
}

void FakeServer::advance(Connection *connection)
{
    while (!connection->done && !connection->waiting) {
        if (connection->steps.empty()) {
            connection->done = true;
            ++m_completed;
            Q_EMIT scenarioCompleted();
            return; // the connection stays open and silent
        }
        Step &step = connection->steps.front();
        switch (step.kind) {
        case Step::Kind::Send:
            connection->socket->write(step.bytes);
            connection->socket->flush();
            connection->steps.pop_front();
            break;
        case Step::Kind::Expect: {
            const qsizetype newline = connection->buffer.indexOf('\n');
            if (newline < 0) {
                return; // wait for the client
            }
            QByteArray line = connection->buffer.left(newline);
            connection->buffer.remove(0, newline + 1);
            if (line.endsWith('\r')) {
                line.chop(1);
            }
            m_received.append(line);
            if (!matches(step.bytes, line)) {
                m_failures.append(
                    u"expected \"%1\", got \"%2\""_s.arg(QString::fromUtf8(step.bytes), QString::fromUtf8(line)));
                connection->done = true;
                connection->socket->disconnectFromHost();
                return;
            }
            connection->steps.pop_front();
            break;
        }
        case Step::Kind::ReadAny:
            if (connection->buffer.isEmpty()) {
                return;
            }
            m_received.append(connection->buffer);
            connection->buffer.clear();
            connection->steps.pop_front();
            break;
        case Step::Kind::Close:
            connection->steps.pop_front();
            if (connection->steps.empty()) {
                ++m_completed;
                Q_EMIT scenarioCompleted();
            }
            connection->done = true;
            connection->socket->disconnectFromHost();
            return;
        case Step::Kind::Wait: {
            const int ms = step.ms;
            connection->steps.pop_front();
            connection->waiting = true;
            QTimer::singleShot(ms, this, [this, connection] {
                if (m_live.contains(connection)) {
                    connection->waiting = false;
                    advance(connection);
                }
            });
            return;
        }
        case Step::Kind::Drop:
            connection->steps.pop_front();
            if (connection->steps.empty()) {
                ++m_completed;
                Q_EMIT scenarioCompleted();
            }
            connection->done = true;
            connection->socket->abort();
            return;
        }
    }
}

} // namespace SyncDesk::Testing

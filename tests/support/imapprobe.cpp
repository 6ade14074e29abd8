#include "imapprobe.h"

#include <QRegularExpression>

namespace SyncDesk::Testing {

bool ImapProbe::open(const DovecotServer &server, const QString &user, const QString &password, const QString &folder)
{
    m_socket.connectToHost(server.host(), server.imapPort());
    if (!m_socket.waitForConnected(10000) || !readUntil("* OK")) {
        return false;
    }
    return command("LOGIN " + user.toUtf8() + " \"" + password.toUtf8() + "\"") &&
           command("EXAMINE \"" + folder.toUtf8() + "\"");
}

QList<quint32> ImapProbe::search(const QByteArray &criteria)
{
    QList<QByteArray> lines;
    if (!command("UID SEARCH " + criteria, &lines)) {
        return {};
    }
    QList<quint32> uids;
    for (const QByteArray &line : std::as_const(lines)) {
        if (line.startsWith("* SEARCH")) {
            const QList<QByteArray> parts = line.mid(8).trimmed().split(' ');
            for (const QByteArray &part : parts) {
                if (!part.isEmpty()) {
                    uids.append(part.toUInt());
                }
            }
        }
    }
    return uids;
}

QByteArray ImapProbe::fetch(quint32 uid)
{
    m_literal.clear();
    if (!command("UID FETCH " + QByteArray::number(uid) + " BODY.PEEK[]")) {
        return {};
    }
    return m_literal;
}

QList<QByteArray> ImapProbe::flags(quint32 uid)
{
    QList<QByteArray> lines;
    if (!command("UID FETCH " + QByteArray::number(uid) + " FLAGS", &lines)) {
        return {};
    }
    static const QRegularExpression pattern(QStringLiteral("FLAGS \\(([^)]*)\\)"));
    for (const QByteArray &line : std::as_const(lines)) {
        const auto match = pattern.match(QString::fromLatin1(line));
        if (match.hasMatch()) {
            return match.captured(1).toLatin1().split(' ');
        }
    }
    return {};
}

bool ImapProbe::command(const QByteArray &text, QList<QByteArray> *untagged)
{
    const QByteArray tag = "p" + QByteArray::number(++m_tag);
    m_socket.write(tag + ' ' + text + "\r\n");
    QList<QByteArray> lines;
    if (!readUntil(QByteArray(tag + " "), &lines, &m_literal)) {
        return false;
    }
    if (untagged) {
        *untagged = lines;
    }
    return lines.constLast().startsWith(QByteArray(tag + " OK"));
}

bool ImapProbe::readUntil(const QByteArray &prefix, QList<QByteArray> *lines, QByteArray *literal)
{
    static const QRegularExpression size(QStringLiteral("\\{(\\d+)\\}$"));
    QList<QByteArray> seen;
    for (;;) {
        while (!m_socket.canReadLine()) {
            if (!m_socket.waitForReadyRead(10000)) {
                return false;
            }
        }
        const QByteArray line = m_socket.readLine().trimmed();
        seen.append(line);
        // A literal follows: its bytes exactly, then the rest of the line.
        const auto match = size.match(QString::fromLatin1(line));
        if (match.hasMatch()) {
            const qint64 bytes = match.captured(1).toLongLong();
            QByteArray data;
            while (data.size() < bytes) {
                if (m_socket.bytesAvailable() == 0 && !m_socket.waitForReadyRead(10000)) {
                    return false;
                }
                data += m_socket.read(bytes - data.size());
            }
            if (literal) {
                *literal = data;
            }
            continue;
        }
        if (line.startsWith(prefix)) {
            if (lines) {
                *lines = seen;
            }
            return true;
        }
    }
}

} // namespace SyncDesk::Testing

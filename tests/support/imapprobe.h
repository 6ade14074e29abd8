#pragma once

#include "dovecotserver.h"

#include <QByteArray>
#include <QList>
#include <QTcpSocket>

namespace SyncDesk::Testing {

// A second, independent IMAP conversation over a plain socket, for tests to check what a server holds
// without SyncDesk's own client: which UIDs of a folder match a search, and a message's exact bytes.
// Waits for each tagged answer with a timeout.
class ImapProbe
{
public:
    bool open(const DovecotServer &server, const QString &user, const QString &password, const QString &folder);
    QList<quint32> search(const QByteArray &criteria);
    // The whole message (BODY.PEEK[], the \Seen flag untouched); empty when it cannot be read.
    QByteArray fetch(quint32 uid);
    // The flags of a message, as the server lists them ("\Seen", "$SyncDeskTracked", ...).
    QList<QByteArray> flags(quint32 uid);

private:
    bool command(const QByteArray &text, QList<QByteArray> *untagged = nullptr);
    bool readUntil(const QByteArray &prefix, QList<QByteArray> *lines = nullptr, QByteArray *literal = nullptr);

    QTcpSocket m_socket;
    int m_tag = 0;
    QByteArray m_literal;
};

} // namespace SyncDesk::Testing

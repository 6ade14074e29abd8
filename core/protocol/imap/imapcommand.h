#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace SyncDesk::Imap {

// One client command, without its tag. Arguments are encoded as the protocol requires: atoms as they
// are, strings quoted or as literals. A command with synchronizing literals is sent in chunks, each after
// the server's continuation request; with LITERAL+ it goes in one piece.
class Command
{
public:
    explicit Command(const QByteArray &name);

    Command &atom(const QByteArray &atom);
    Command &number(quint64 number);
    // Any string: atom-safe text stays bare, 7-bit text is quoted, the rest becomes a literal.
    Command &astring(const QByteArray &bytes);
    Command &string(const QByteArray &bytes);       // quoted or literal, never a bare atom
    Command &mailbox(const QString &name);          // modified UTF-7, quoted
    Command &mailboxList(const QStringList &names); // ("a" "b"), for LIST-EXTENDED patterns
    Command &raw(const QByteArray &text);           // appended verbatim after a space
    // Marks the command as carrying secrets: logs show only its name.
    Command &sensitive();
    // Text sent after a continuation request, without the space handling of arguments (AUTHENTICATE).
    Command &continuation(const QByteArray &line);

    const QByteArray &name() const { return m_name; }
    bool isSensitive() const { return m_sensitive; }
    // The bytes to send, split where the server must first answer with a continuation request.
    QList<QByteArray> chunks(const QByteArray &tag, bool literalPlus) const;
    // The same with the server's non-synchronizing literal limit: literals up to this size go as {n+}
    // (LITERAL+: no limit; LITERAL-, RFC 7888: 4096 bytes; neither: 0, every literal waits for "+").
    QList<QByteArray> chunks(const QByteArray &tag, qint64 maxNonSynchronizingLiteral) const;
    // For logs: the command with secrets and literals elided.
    QByteArray redacted(const QByteArray &tag) const;

private:
    struct Part
    {
        QByteArray text;
        bool literal = false;
        bool afterContinuation = false;
    };
    QByteArray m_name;
    QList<Part> m_parts;
    bool m_sensitive = false;
};

QByteArray encodeMailboxName(const QString &name); // RFC 3501 modified UTF-7
QString decodeMailboxName(const QByteArray &encoded);

} // namespace SyncDesk::Imap

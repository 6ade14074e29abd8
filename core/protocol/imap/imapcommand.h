#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace SyncDesk::Imap {

// How mailbox names travel: RFC 3501's modified UTF-7, or plain UTF-8 once the client has enabled
// UTF8=ACCEPT (RFC 6855 3: the server then neither takes nor sends modified UTF-7).
enum class MailboxEncoding { ModifiedUtf7, Utf8 };

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
    Command &string(const QByteArray &bytes); // quoted or literal, never a bare atom
    // Modified UTF-7 (or UTF-8), quoted.
    Command &mailbox(const QString &name, MailboxEncoding encoding = MailboxEncoding::ModifiedUtf7);
    // ("a" "b"), for LIST-EXTENDED patterns.
    Command &mailboxList(const QStringList &names, MailboxEncoding encoding = MailboxEncoding::ModifiedUtf7);
    Command &raw(const QByteArray &text); // appended verbatim after a space
    // Marks the command as carrying secrets: logs show only its name.
    Command &sensitive();
    // The size of the answer to expect (a body FETCH: the sizes the listing declared). The command's
    // deadline allows for that many bytes at the session's floor rate; nothing is reserved for them.
    Command &expectBytes(qint64 bytes);
    qint64 expectedBytes() const { return m_expectedBytes; }
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
    qint64 m_expectedBytes = 0;
};

QByteArray encodeMailboxName(const QString &name); // RFC 3501 modified UTF-7
QString decodeMailboxName(const QByteArray &encoded);
// A mailbox name as the server sent it, in the encoding the session uses.
QString decodeMailboxName(const QByteArray &encoded, MailboxEncoding encoding);

} // namespace SyncDesk::Imap

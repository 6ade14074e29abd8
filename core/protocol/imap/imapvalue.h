#pragma once

#include <QByteArray>
#include <QDebug>
#include <QList>

namespace SyncDesk::Imap {

// One token of a response's data: NIL, an atom (incl. flags such as \Seen and section specs such
// as BODY[HEADER.FIELDS (SUBJECT)]), a number, a string (quoted or literal) or a parenthesized list.
class Value
{
public:
    enum class Type { Nil, Atom, Number, String, List };

    Value() = default;
    static Value nil() { return Value(); }
    static Value atom(const QByteArray &text);
    static Value number(quint64 number);
    static Value string(const QByteArray &bytes);
    static Value list(const QList<Value> &items);
    // A literal larger than the parser keeps (ParserLimits::maxLiteralSize): its bytes were read past and
    // dropped. A string with no bytes that remembers the size the server sent.
    static Value skippedLiteral(qint64 size);

    Type type() const { return m_type; }
    bool isNil() const { return m_type == Type::Nil; }
    bool isAtom() const { return m_type == Type::Atom; }
    bool isNumber() const { return m_type == Type::Number; }
    bool isString() const { return m_type == Type::String; }
    bool isList() const { return m_type == Type::List; }
    // Atom compared case-insensitively, as IMAP keywords are.
    bool isAtom(const char *keyword) const;

    const QByteArray &bytes() const { return m_bytes; } // atom text or string content
    // The size of a literal read past without being kept (skippedLiteral()); -1 for any other value.
    qint64 skippedSize() const { return m_skippedSize; }
    quint64 toNumber() const { return m_number; }
    const QList<Value> &items() const { return m_items; }
    // Atom, number or string as text; NIL as empty. Lists give an empty array.
    QByteArray text() const;

    // Out of line: a defaulted comparison of a type holding QList<itself> is deleted by GCC 12 when
    // QList<Value>'s comparison is instantiated first.
    friend bool operator==(const Value &a, const Value &b);

private:
    Type m_type = Type::Nil;
    QByteArray m_bytes;
    quint64 m_number = 0;
    QList<Value> m_items;
    qint64 m_skippedSize = -1;
};

QDebug operator<<(QDebug debug, const Value &value);
// Compact IMAP-like rendering for dumps and test output: (UID 4 BODY[] "…")
QByteArray dump(const Value &value);

} // namespace SyncDesk::Imap

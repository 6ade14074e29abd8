#include "imapvalue.h"

namespace SyncDesk::Imap {

Value Value::atom(const QByteArray &text)
{
    Value value;
    value.m_type = Type::Atom;
    value.m_bytes = text;
    return value;
}

Value Value::number(quint64 number)
{
    Value value;
    value.m_type = Type::Number;
    value.m_number = number;
    return value;
}

Value Value::string(const QByteArray &bytes)
{
    Value value;
    value.m_type = Type::String;
    value.m_bytes = bytes;
    return value;
}

Value Value::skippedLiteral(qint64 size)
{
    Value value;
    value.m_type = Type::String;
    value.m_skippedSize = size;
    return value;
}

Value Value::list(const QList<Value> &items)
{
    Value value;
    value.m_type = Type::List;
    value.m_items = items;
    return value;
}

bool operator==(const Value &a, const Value &b)
{
    return a.m_type == b.m_type && a.m_bytes == b.m_bytes && a.m_number == b.m_number && a.m_items == b.m_items &&
           a.m_skippedSize == b.m_skippedSize;
}

bool Value::isAtom(const char *keyword) const
{
    return m_type == Type::Atom && m_bytes.compare(keyword, Qt::CaseInsensitive) == 0;
}

QByteArray Value::text() const
{
    switch (m_type) {
    case Type::Atom:
    case Type::String:
        return m_bytes;
    case Type::Number:
        return QByteArray::number(m_number);
    case Type::Nil:
    case Type::List:
        break;
    }
    return {};
}

QByteArray dump(const Value &value)
{
    switch (value.type()) {
    case Value::Type::Nil:
        return "NIL";
    case Value::Type::Atom:
        return value.bytes();
    case Value::Type::Number:
        return QByteArray::number(value.toNumber());
    case Value::Type::String: {
        if (value.skippedSize() >= 0) {
            return "{" + QByteArray::number(value.skippedSize()) + " bytes, not kept}";
        }
        QByteArray shown = value.bytes().left(40);
        shown.replace('\\', "\\\\").replace('"', "\\\"").replace('\r', "\\r").replace('\n', "\\n");
        if (value.bytes().size() > 40) {
            shown += "...(" + QByteArray::number(value.bytes().size()) + " bytes)";
        }
        return '"' + shown + '"';
    }
    case Value::Type::List: {
        QByteArray out = "(";
        for (qsizetype i = 0; i < value.items().size(); ++i) {
            if (i > 0) {
                out += ' ';
            }
            out += dump(value.items().at(i));
        }
        return out + ')';
    }
    }
    return {};
}

QDebug operator<<(QDebug debug, const Value &value)
{
    QDebugStateSaver saver(debug);
    debug.noquote().nospace() << dump(value);
    return debug;
}

} // namespace SyncDesk::Imap

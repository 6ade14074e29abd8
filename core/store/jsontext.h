#pragma once

// Compact JSON text for the store's list columns, written without building a QJsonDocument (a full pull
// writes several per message): the same text QJsonDocument::toJson(Compact) gives for them, keys in the
// sorted order QJsonObject keeps.

#include <QString>
#include <QStringView>

#include <initializer_list>
#include <optional>

namespace SyncDesk::JsonText {

// Appends `text` as a JSON string. False, with `out` unusable, for text that is not valid UTF-16 (an
// unpaired surrogate): the caller then writes the document with Qt, which decides what becomes of it.
inline bool appendString(QString &out, QStringView text)
{
    if (!text.isValidUtf16()) {
        return false;
    }
    static constexpr char16_t kHex[] = u"0123456789abcdef";
    out += u'"';
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u >= 0x20 && u != u'"' && u != u'\\') {
            out += c;
            continue;
        }
        out += u'\\';
        switch (u) {
        case u'"':
            out += u'"';
            break;
        case u'\\':
            out += u'\\';
            break;
        case u'\b':
            out += u'b';
            break;
        case u'\f':
            out += u'f';
            break;
        case u'\n':
            out += u'n';
            break;
        case u'\r':
            out += u'r';
            break;
        case u'\t':
            out += u't';
            break;
        default:
            out += QStringView(u"u00");
            out += QChar(kHex[u >> 4]);
            out += QChar(kHex[u & 0xf]);
            break;
        }
    }
    out += u'"';
    return true;
}

// One member of an object: a string (a null one is written as ""), or an integer when `number` is set.
struct Member
{
    Member(QStringView name, QStringView value)
        : key(name)
        , text(value)
    {}
    Member(QStringView name, qint64 value)
        : key(name)
        , number(value)
    {}
    QStringView key; // plain ASCII, written as it is
    QStringView text;
    std::optional<qint64> number;
};

// Appends an object with these members, in the order given (sorted, as QJsonObject writes them); false as
// appendString().
inline bool appendObject(QString &out, std::initializer_list<Member> members)
{
    out += u'{';
    bool first = true;
    for (const Member &member : members) {
        if (!first) {
            out += u',';
        }
        first = false;
        out += u'"';
        out += member.key;
        out += QStringView(u"\":");
        if (member.number) {
            out += QString::number(*member.number);
        } else if (!appendString(out, member.text)) {
            return false;
        }
    }
    out += u'}';
    return true;
}

// An array of one object per item, written by `write(out, item)`; nothing when an item's text is not valid
// UTF-16 (the caller writes that list with Qt instead).
template <typename List, typename Write>
std::optional<QString> array(const List &items, Write write)
{
    QString out(1, u'[');
    for (const auto &item : items) {
        if (out.size() > 1) {
            out += u',';
        }
        if (!write(out, item)) {
            return std::nullopt;
        }
    }
    out += u']';
    return out;
}

} // namespace SyncDesk::JsonText

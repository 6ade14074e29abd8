#include "vcard.h"

#include <QCoreApplication>
#include <QHash>
#include <QMap>
#include <QSet>

#include <algorithm>
#include <map>
#include <utility>

namespace SyncDesk::VCard {

using namespace Qt::StringLiterals;

namespace {

struct Param
{
    QByteArray name;          // upper case; a 2.1 bare parameter ("WORK") is a TYPE, "QUOTED-PRINTABLE" an ENCODING
    QList<QByteArray> values; // unquoted; TYPE="a,b" is two values
};

// Uid to Note are singular (only the first of the name is modelled); Nested: in an embedded (2.1 AGENT) vCard.
enum class Role { Unmodelled, Nested, Structure, Uid, Fn, N, Org, Title, Adr, Note, Email, Tel };
const QHash<QByteArray, Role> kRoles{{"UID", Role::Uid},   {"FN", Role::Fn},       {"N", Role::N},
                                     {"ORG", Role::Org},   {"TITLE", Role::Title}, {"ADR", Role::Adr},
                                     {"NOTE", Role::Note}, {"EMAIL", Role::Email}, {"TEL", Role::Tel}};

struct Property
{
    QByteArray group;
    QByteArray name; // upper case
    QList<Param> params;
    QByteArray value; // unfolded, still encoded and escaped
    QByteArray raw;   // the physical lines as they were, each ending in CRLF
    Role role = Role::Unmodelled;
    QStringList fields; // of a modelled property: what fieldOf() gives
};

SyncError badData(const char *message, const QString &detail)
{
    const QString text = QCoreApplication::translate("VCard", message);
    SyncError error = SyncError::make(ErrorClass::Parse, u"dav-bad-data"_s,
                                      text.contains(u"%1"_s) ? text.arg(kMaxProperties) : text, detail);
    error.scope = ErrorScope::Item;
    return error.at(ErrorStage::Parse);
}

// Splits on `separator` outside double quotes, into at most `max` parts (the last one takes the rest).
QList<QByteArray> split(const QByteArray &text, char separator, qsizetype max = 64)
{
    QList<QByteArray> parts{QByteArray()};
    bool quoted = false;
    for (const char c : text) {
        quoted = c == '"' ? !quoted : quoted;
        if (c == separator && !quoted && parts.size() < max) {
            parts.append(QByteArray());
        } else {
            parts.last() += c;
        }
    }
    return parts;
}

bool parseLine(const QByteArray &logical, Property &prop)
{
    const QList<QByteArray> halves = split(logical, ':', 2); // an unbalanced quote: the first colon ends the name
    const qsizetype colon = halves.size() == 2 ? halves.first().size() : logical.indexOf(':');
    const QList<QByteArray> parts = split(logical.left(std::max<qsizetype>(colon, 0)), ';');
    const QByteArray name = parts.first().trimmed();
    prop.group = name.left(std::max<qsizetype>(name.indexOf('.'), 0));
    prop.name = name.mid(name.indexOf('.') + 1).toUpper();
    for (const QByteArray &part : parts.mid(1)) {
        const qsizetype eq = part.indexOf('=');
        const QByteArray bare = part.trimmed().toUpper();
        const bool encoding = bare == "QUOTED-PRINTABLE" || bare == "BASE64" || bare == "8BIT";
        Param param{eq < 0 ? (encoding ? "ENCODING"_ba : "TYPE"_ba) : part.left(eq).trimmed().toUpper(), {}};
        for (QByteArray value : split(part.mid(eq + 1), ',')) {
            value = value.trimmed();
            const bool quoted = value.size() >= 2 && value.startsWith('"') && value.endsWith('"');
            value = quoted ? value.mid(1, value.size() - 2) : value;
            param.values += param.name == "TYPE" ? split(value, ',') : QList<QByteArray>{value};
        }
        prop.params += bare.isEmpty() ? QList<Param>() : QList<Param>{param};
    }
    prop.value = logical.mid(colon + 1);
    return colon > 0 && !prop.name.isEmpty(); // else not a property: dropped
}

QList<QByteArray> paramValues(const Property &prop, const char *name)
{
    QList<QByteArray> values;
    for (const Param &param : prop.params) {
        values += param.name == name ? param.values : QList<QByteArray>();
    }
    return values;
}

bool hasType(const Property &prop, const char *type) // `type` in lower case
{
    return split(paramValues(prop, "TYPE").join(',').toLower().replace(' ', ""), ',').contains(type);
}

// The structure: BEGIN/END, unfolding, 2.1 soft line breaks and the limits. Properties are not interpreted.
Result<QList<Property>> readCard(const QByteArray &input)
{
    const QString size = u"%1 bytes"_s.arg(input.size());
    if (input.size() > kMaxCardBytes) {
        return badData(QT_TRANSLATE_NOOP("VCard", "the contact card is larger than 1 MiB"), size);
    }
    if (input.trimmed().isEmpty()) {
        return badData(QT_TRANSLATE_NOOP("VCard", "the contact card is empty"), size);
    }
    const char separator = input.contains('\n') ? '\n' : '\r';
    const QByteArray text = input + separator; // the last line ends like the others
    const QByteArrayView data = QByteArrayView(text).sliced(text.startsWith("\xEF\xBB\xBF") ? 3 : 0);
    QList<Property> card; // BEGIN:VCARD .. END:VCARD
    QByteArray raw;       // the physical lines of the property being read
    QByteArray logical;
    bool quotedPrintable = false;
    int depth = 0; // back to 0 at the END:VCARD of the card
    const auto finish = [&] {
        Property prop;
        prop.raw = std::exchange(raw, {}) + "\r\n";
        const bool property = prop.raw.size() > 2 && parseLine(std::exchange(logical, {}), prop);
        const bool vcard = prop.value.trimmed().compare("VCARD", Qt::CaseInsensitive) == 0;
        if (!property || (depth == 0 && !(vcard && prop.name == "BEGIN"))) {
            return; // not a property, or before BEGIN:VCARD
        }
        const int outer = depth;
        depth += vcard ? int(prop.name == "BEGIN") - int(prop.name == "END") : 0;
        prop.role = depth > 1 || outer > 1                               ? Role::Nested
                    : outer == 0 || depth == 0 || prop.name == "VERSION" ? Role::Structure
                                                                         : Role::Unmodelled;
        card.append(std::move(prop));
    };
    for (qsizetype pos = 0; pos <= data.size() && (depth > 0 || card.isEmpty());) {
        const qsizetype next = data.indexOf(separator, pos);
        QByteArrayView line = data.sliced(pos, (next < 0 ? data.size() : next) - pos);
        pos += line.size() + 1;
        line = line.endsWith('\r') ? line.chopped(1) : line;
        const bool softBreak = quotedPrintable && logical.endsWith('=');
        if (!raw.isEmpty() && (softBreak || line.startsWith(' ') || line.startsWith('\t'))) {
            raw.append("\r\n").append(line);
            logical.chop(softBreak ? 1 : 0);
            logical.append(softBreak ? line : line.sliced(1));
            continue;
        }
        finish();
        if (card.size() > kMaxProperties + 2) {
            return badData(QT_TRANSLATE_NOOP("VCard", "the contact card has more than %1 properties"), size);
        }
        while (line.startsWith(' ') || line.startsWith('\t')) {
            line = line.sliced(1); // after a blank line: a property, not a continuation (and never written as one)
        }
        raw = logical = line.toByteArray();
        Property head;
        quotedPrintable =
            parseLine(logical, head) && paramValues(head, "ENCODING").value(0).toUpper() == "QUOTED-PRINTABLE";
    }
    if (depth > 0 || card.isEmpty()) {
        return badData(card.isEmpty() ? QT_TRANSLATE_NOOP("VCard", "the contact card has no BEGIN:VCARD line")
                                      : QT_TRANSLATE_NOOP("VCard", "the contact card has no END:VCARD line"),
                       size);
    }
    return card;
}

// The value as text: 2.1's QUOTED-PRINTABLE or BASE64 decoded, and a Latin-1 CHARSET (anything else is UTF-8).
QString decodedValue(const Property &prop)
{
    QByteArray raw = prop.value;
    const QByteArray encoding = paramValues(prop, "ENCODING").value(0).toUpper();
    if (encoding == "QUOTED-PRINTABLE") {
        raw = QByteArray::fromPercentEncoding(raw, '=');
    } else if (encoding == "B" || encoding == "BASE64") {
        raw = QByteArray::fromBase64(raw);
    }
    const QByteArray charset = paramValues(prop, "CHARSET").value(0).toUpper();
    const bool latin1 = charset.contains("8859-1") || charset.contains("1252") || charset.contains("LATIN1");
    return latin1 ? QString::fromLatin1(raw) : QString::fromUtf8(raw);
}

// Text escapes; a CR (alone or before LF) reads as a newline, and an unknown escape stays as it is.
QString unescape(const QString &text)
{
    QString out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar next = i + 1 < text.size() ? text[i + 1] : QChar();
        const bool escape = text[i] == u'\\' && QStringView(u"nN\\,;:").contains(next);
        out += text[i] == u'\r' || (escape && next.toLower() == u'n') ? QChar(u'\n') : escape ? next : text[i];
        i += escape || (text[i] == u'\r' && next == u'\n') ? 1 : 0;
    }
    return out;
}

// A structured value split on unescaped ';', still escaped, into at most `count` parts (the last takes the rest).
QStringList rawComponents(const QString &text, qsizetype count)
{
    QStringList parts{QString()};
    for (qsizetype i = 0, length = 1; i < text.size(); i += length) {
        length = text[i] == u'\\' && i + 1 < text.size() ? 2 : 1;
        if (text[i] == u';' && parts.size() < count) {
            parts.append(QString());
        } else {
            parts.last() += QStringView(text).mid(i, length);
        }
    }
    return parts;
}

// What SyncDesk models of one property: what parse() reads and what write() compares.
QStringList fieldOf(const Property &prop, Role role)
{
    const QString value = decodedValue(prop);
    const QStringList parts =
        role == Role::N || role == Role::Org || role == Role::Adr ? rawComponents(value, 7) : QStringList();
    switch (role) {
    case Role::Uid:
        return {QString(value).remove(u'\r').remove(u'\n')};
    case Role::N:
        return {unescape(parts.value(0)), unescape(parts.value(1))};
    case Role::Org:
        return {unescape(parts.value(0))};
    case Role::Adr:
        return {unescape(parts.value(2)), unescape(parts.value(3)), unescape(parts.value(4)), unescape(parts.value(5)),
                unescape(parts.value(6))};
    case Role::Email: {
        const QString email = unescape(value).trimmed().toLower();
        return {email.startsWith(u"mailto:"_s) ? email.mid(7).trimmed() : email};
    }
    case Role::Tel: {
        const QString number = unescape(value).trimmed();
        const char *type = hasType(prop, "cell") || hasType(prop, "iphone") ? "mobile"
                           : hasType(prop, "fax")                           ? "fax"
                           : hasType(prop, "work")                          ? "work"
                           : hasType(prop, "home")                          ? "home"
                                                                            : "other";
        return {number.startsWith(u"tel:"_s, Qt::CaseInsensitive) ? number.mid(4).trimmed() : number,
                QString::fromLatin1(type)};
    }
    default:
        return {unescape(value)};
    }
}

// The fields of a card that a property of a singular role carries, in fieldOf()'s order.
QList<QString *> fieldsOf(ContactCard &c, Role role)
{
    PostalAddress &a = c.address;
    const QList<QString *> all[] = {
        {&c.uid},     {&c.formattedName}, {&c.familyName, &c.givenName},
        {&c.company}, {&c.jobTitle},      {&a.street, &a.city, &a.region, &a.postalCode, &a.country},
        {&c.note}};
    return all[int(role) - int(Role::Uid)];
}

int prefRank(const Property &prop)
{
    int rank = hasType(prop, "pref") ? 1 : 101;
    for (const QByteArray &value : paramValues(prop, "PREF")) {
        rank = value.toInt() >= 1 && value.toInt() < rank ? value.toInt() : rank;
    }
    return rank;
}

// Gives each modelled property its role and reads the card as SyncDesk models it (no FN/N fallback yet).
ContactCard interpret(QList<Property> &card, QStringList *nameParts)
{
    ContactCard contact;
    QSet<Role> seen;
    std::multimap<int, QString> emails; // by preference; equal ones in card order
    for (Property &prop : card) {
        const Role role = kRoles.value(prop.name, Role::Unmodelled);
        const bool list = role == Role::Email || role == Role::Tel;
        const bool candidate = prop.role == Role::Unmodelled && role != Role::Unmodelled && !seen.contains(role);
        const QStringList field = candidate ? fieldOf(prop, role) : QStringList();
        if (field.isEmpty() || (list && field[0].isEmpty())) {
            continue; // not modelled, not the first of its name, or an empty email or phone: kept as it is
        }
        if (list) {
            role == Role::Email ? void(emails.insert({prefRank(prop), field[0]}))
                                : contact.phones.append(ContactPhone{field[1], field[0]});
        } else {
            seen.insert(role);
            const QList<QString *> targets = fieldsOf(contact, role);
            for (qsizetype i = 0; i < targets.size(); ++i) {
                *targets[i] = field[i];
            }
            *nameParts = role == Role::N ? rawComponents(decodedValue(prop), 5) : *nameParts;
        }
        prop.role = role;
        prop.fields = field;
    }
    for (const auto &[rank, email] : emails) {
        contact.emails.append(email);
    }
    return contact;
}

// FN from N (prefix given additional family suffix), N from FN (split at the last space).
void completeNames(ContactCard &card, const QStringList &nameParts)
{
    if (card.formattedName.trimmed().isEmpty()) {
        QStringList words{unescape(nameParts.value(3)), card.givenName, unescape(nameParts.value(2)), card.familyName,
                          unescape(nameParts.value(4))};
        std::transform(words.begin(), words.end(), words.begin(), [](const QString &word) { return word.trimmed(); });
        words.removeAll(QString());
        card.formattedName = words.join(u' ');
    }
    if (card.givenName.trimmed().isEmpty() && card.familyName.trimmed().isEmpty()) {
        const QString name = card.formattedName.trimmed();
        const qsizetype space = name.lastIndexOf(u' ');
        card.givenName = space < 0 ? QString() : name.left(space).trimmed();
        card.familyName = name.mid(space + 1);
    }
}

QString escapeText(QString text)
{
    text.replace(u"\\"_s, u"\\\\"_s).replace(u","_s, u"\\,"_s).replace(u";"_s, u"\\;"_s);
    return text.replace(u"\r\n"_s, u"\\n"_s).replace(u'\r', u"\\n"_s).replace(u'\n', u"\\n"_s);
}

QByteArray fold(const QByteArray &line)
{
    QByteArray out;
    for (qsizetype pos = 0; pos < line.size() || out.isEmpty();) {
        qsizetype take = std::min<qsizetype>(pos == 0 ? 75 : 74, line.size() - pos);
        while (pos + take < line.size() && take > 1 && (uchar(line[pos + take]) & 0xC0) == 0x80) {
            --take; // never cut inside a UTF-8 sequence
        }
        out += (pos == 0 ? "" : " ") + line.mid(pos, take) + "\r\n";
        pos += take;
    }
    return out;
}

QByteArray propertyLine(const QByteArray &group, const QByteArray &name, const QList<Param> &params,
                        const QString &value)
{
    QByteArray line = group.isEmpty() ? name : group + '.' + name;
    for (const Param &param : params) {
        QList<QByteArray> values;
        for (QByteArray v : param.values) {
            v.replace('"', "").replace('\r', "").replace('\n', "");
            values.append(v.contains(':') || v.contains(';') || v.contains(',') ? '"' + v + '"' : v);
        }
        line += values.isEmpty() ? QByteArray() : ';' + param.name + '=' + values.join(',');
    }
    return fold(line + ':' + value.toUtf8());
}

// A changed property keeps its parameters, except those that describe the old value or its encoding.
QList<Param> carriedParams(const Property &prop, bool dropPref)
{
    static const QSet<QByteArray> stale{"ENCODING", "CHARSET", "LABEL", "SORT-AS", "VALUE", "LANGUAGE"};
    QList<Param> params;
    for (Param param : prop.params) {
        param.values.removeIf([&](const QByteArray &v) {
            return dropPref && param.name == "TYPE" && v.trimmed().compare("pref", Qt::CaseInsensitive) == 0;
        });
        if (!stale.contains(param.name) && !(dropPref && param.name == "PREF")) {
            params.append(param);
        }
    }
    return params;
}

} // namespace

Result<ContactCard> parse(const QByteArray &data)
{
    auto read = readCard(data);
    if (!read) {
        return read.error();
    }
    QStringList nameParts;
    ContactCard card = interpret(read.value(), &nameParts);
    if (card.formattedName.trimmed().isEmpty() && nameParts.join(QString()).trimmed().isEmpty()) {
        return badData(QT_TRANSLATE_NOOP("VCard", "the contact card has neither FN nor N (no name)"),
                       u"%1 bytes, %2 properties"_s.arg(data.size()).arg(read->size()));
    }
    completeNames(card, nameParts);
    return card;
}

QByteArray write(const ContactCard &input, const QByteArray &previous)
{
    QList<Property> prev;
    ContactCard before; // the previous card as SyncDesk models it
    if (auto read = readCard(previous); read && !previous.isEmpty()) {
        prev = std::move(read.value());
        QStringList unused;
        before = interpret(prev, &unused);
    }
    const bool v4 = std::any_of(prev.cbegin(), prev.cend(), [](const Property &prop) {
        return prop.role == Role::Structure && prop.name == "VERSION" && prop.value.trimmed() == "4.0";
    });
    ContactCard card = input;
    completeNames(card, {});
    QList<QByteArray> placed(prev.size()); // what replaces each modelled property of `previous`
    QMap<Role, QByteArray> tail;           // the roles `previous` lacks: before END:VCARD
    QHash<Role, qsizetype> anchors;        // where the first property of a role was
    QSet<qsizetype> used;                  // the modelled properties already written
    for (qsizetype i = prev.size() - 1; i >= 0; --i) {
        anchors[prev[i].role] = i;
    }
    // Writes `bytes` where the first property of the role was; `at`: the property of `previous` kept or replaced.
    const auto place = [&](Role role, qsizetype at, const QByteArray &bytes) {
        (anchors.contains(role) ? placed[anchors.value(role)] : tail[role]) += bytes;
        used.insert(at);
    };
    for (int r = int(Role::Uid); r <= int(Role::Note); ++r) {
        const Role role = Role(r);
        const qsizetype at = anchors.value(role, -1);
        const Property *old = at >= 0 ? &prev[at] : nullptr;
        QStringList now, parts;
        for (const QString *field : fieldsOf(card, role)) {
            now.append(role == Role::Uid ? QString(*field).remove(u'\r').remove(u'\n') : *field);
            parts.append(role == Role::Uid ? now.last() : escapeText(now.last()));
        }
        const bool same = old && old->fields == now;
        if (same || (now.join(QString()).isEmpty() && role != Role::Fn && role != Role::N)) {
            place(role, same ? at : -1, same ? old->raw : QByteArray()); // unchanged, or gone
            continue;
        }
        // Kept from the old value: N's additional names, prefix and suffix, ORG's units, ADR's PO box and extension.
        const QStringList was = old ? rawComponents(decodedValue(*old), role == Role::Org ? 2 : 7) : QStringList();
        const QStringList padded = was + QStringList(5, QString());
        parts = role == Role::N ? parts + padded.mid(2, 3) : role == Role::Adr ? padded.mid(0, 2) + parts : parts;
        parts += role == Role::Org ? was.mid(1) : QStringList();
        QList<Param> params = old ? carriedParams(*old, false) : QList<Param>();
        params += !old && role == Role::Adr ? QList<Param>{{"TYPE", {v4 ? "work" : "WORK"}}} : QList<Param>();
        // A changed property keeps its group, and so its label.
        place(role, at, propertyLine(old ? old->group : QByteArray(), kRoles.key(role), params, parts.join(u';')));
    }

    // Emails and phones: an unchanged list stays as it was. A changed one is written in the card's order where the
    // first one was; each one kept where the server has the same value, but an email's preference mark is dropped
    // where it would make it read back before an earlier one.
    const auto itemsOf = [](const ContactCard &c, Role role) {
        QList<QStringList> items;
        for (const QString &email : c.emails) {
            if (role == Role::Email && !email.trimmed().isEmpty()) {
                items.append({email.trimmed().toLower()});
            }
        }
        for (const ContactPhone &phone : c.phones) {
            const bool known = QStringList{u"mobile"_s, u"fax"_s, u"work"_s, u"home"_s}.contains(phone.type);
            if (role == Role::Tel && !phone.number.trimmed().isEmpty()) {
                items.append({phone.number.trimmed(), known ? phone.type : u"other"_s});
            }
        }
        return items;
    };
    const auto writeList = [&](Role role, const auto &fresh) {
        const QList<QStringList> items = itemsOf(card, role);
        const bool unchanged = items == itemsOf(before, role);
        for (qsizetype i = 0; i < prev.size() && unchanged; ++i) {
            placed[i] = prev[i].role == role ? prev[i].raw : placed[i];
            used.insert(prev[i].role == role ? i : -1);
        }
        for (qsizetype i = 0, maxRank = 0; i < items.size() && !unchanged; ++i) {
            qsizetype at = -1;
            for (qsizetype j = 0; j < prev.size() && at < 0; ++j) {
                at = prev[j].role == role && !used.contains(j) && prev[j].fields == items[i] ? j : -1;
            }
            const Property *old = at >= 0 ? &prev[at] : nullptr;
            const int rank = role != Role::Email ? 101 : old ? prefRank(*old) : i == 0 && items.size() > 1 ? 1 : 101;
            place(role, at,
                  !old ? fresh(items[i], rank)
                  : rank >= maxRank
                      ? old->raw
                      : propertyLine(old->group, old->name, carriedParams(*old, true), escapeText(items[i].first())));
            maxRank = std::max<qsizetype>(maxRank, old && rank < maxRank ? 101 : rank);
        }
    };
    writeList(Role::Email, [&](const QStringList &item, int rank) {
        const Param pref = v4 ? Param{"PREF", {"1"}} : Param{"TYPE", {"INTERNET", "pref"}};
        const QList<Param> plain = v4 ? QList<Param>() : QList<Param>{{"TYPE", {"INTERNET"}}};
        return propertyLine({}, "EMAIL", rank == 1 ? QList{pref} : plain, escapeText(item.first()));
    });
    writeList(Role::Tel, [&](const QStringList &item, int) {
        const QByteArray type = item[1] == u"mobile"_s ? "cell"_ba : item[1].toLatin1();
        const QList<Param> params =
            item[1] == u"other"_s ? QList<Param>() : QList<Param>{{"TYPE", {v4 ? type : type.toUpper()}}};
        return propertyLine({}, "TEL", params, escapeText(item.first()));
    });
    QByteArray out = "BEGIN:VCARD\r\nVERSION:"_ba + (v4 ? "4.0" : "3.0") + "\r\n";
    for (qsizetype i = 0; i < prev.size(); ++i) {
        const Property &prop = prev[i];
        out += prop.role < Role::Structure ? prop.raw : prop.role > Role::Structure ? placed[i] : QByteArray();
    }
    return out + QList<QByteArray>(tail.cbegin(), tail.cend()).join() + "END:VCARD\r\n";
}

} // namespace SyncDesk::VCard

#include "davxml.h"

#include <QCoreApplication>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

namespace SyncDesk::DavXml {

using namespace Qt::StringLiterals;

namespace {

const QString kDav = u"DAV:"_s;
const QString kCalDav = u"urn:ietf:params:xml:ns:caldav"_s;
const QString kCardDav = u"urn:ietf:params:xml:ns:carddav"_s;
const QString kCalendarServer = u"http://calendarserver.org/ns/"_s;
constexpr qsizetype kMaxXmlBytes = 64LL * 1024 * 1024;

SyncError badResponse(const QString &why)
{
    return SyncError::make(
        ErrorClass::Protocol, u"dav-bad-response"_s,
        QCoreApplication::translate("DavXml", "the DAV server's answer could not be read: %1").arg(why));
}

int statusFromLine(const QString &line)
{
    // "HTTP/1.1 200 OK"
    const QStringList parts = line.trimmed().split(u' ', Qt::SkipEmptyParts);
    return parts.size() >= 2 ? parts.at(1).toInt() : 0;
}

bool is(const QXmlStreamReader &xml, const QString &ns, const QString &name)
{
    return xml.namespaceUri() == ns && xml.name() == name;
}

// Reads the hrefs inside the current element (current-user-principal, calendar-home-set, ...).
QStringList readHrefs(QXmlStreamReader &xml)
{
    QStringList hrefs;
    const int depth = 1;
    int level = depth;
    while (level > 0 && !xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            if (is(xml, kDav, u"href"_s)) {
                hrefs.append(xml.readElementText(QXmlStreamReader::SkipChildElements).trimmed());
            } else {
                ++level;
            }
        } else if (token == QXmlStreamReader::EndElement) {
            --level;
        }
    }
    return hrefs;
}

// Reads the children of the current element as a list of local names (resourcetype, supported-report-set) or
// component names (supported-calendar-component-set).
void readNames(QXmlStreamReader &xml, QStringList &names, QStringList *components)
{
    int level = 1;
    while (level > 0 && !xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            ++level;
            if (components && is(xml, kCalDav, u"comp"_s)) {
                components->append(xml.attributes().value(u"name"_s).toString().toUpper());
            } else if (xml.name() != u"supported-report"_s && xml.name() != u"report"_s) {
                names.append(xml.name().toString());
            }
        } else if (token == QXmlStreamReader::EndElement) {
            --level;
        }
    }
}

struct PropStat
{
    int status = 0;
    Response props;
};

void readProp(QXmlStreamReader &xml, Response &r)
{
    while (xml.readNextStartElement()) {
        if (is(xml, kDav, u"getetag"_s)) {
            r.etag = xml.readElementText(QXmlStreamReader::SkipChildElements).trimmed();
        } else if (is(xml, kCalDav, u"calendar-data"_s) || is(xml, kCardDav, u"address-data"_s)) {
            r.data = xml.readElementText(QXmlStreamReader::SkipChildElements).toUtf8();
        } else if (is(xml, kDav, u"resourcetype"_s)) {
            readNames(xml, r.resourceTypes, nullptr);
        } else if (is(xml, kCalDav, u"supported-calendar-component-set"_s)) {
            QStringList ignored;
            readNames(xml, ignored, &r.components);
            r.componentsGiven = true;
        } else if (is(xml, kDav, u"supported-report-set"_s)) {
            readNames(xml, r.reports, nullptr);
        } else if (is(xml, kDav, u"displayname"_s)) {
            r.displayName = xml.readElementText(QXmlStreamReader::SkipChildElements).trimmed();
        } else if (is(xml, kDav, u"sync-token"_s)) {
            r.syncToken = xml.readElementText(QXmlStreamReader::SkipChildElements).trimmed();
        } else if (is(xml, kCalendarServer, u"getctag"_s)) {
            r.ctag = xml.readElementText(QXmlStreamReader::SkipChildElements).trimmed();
        } else if (is(xml, kDav, u"current-user-principal"_s)) {
            r.principalHrefs = readHrefs(xml);
        } else if (is(xml, kCalDav, u"calendar-home-set"_s)) {
            r.calendarHomes = readHrefs(xml);
        } else if (is(xml, kCardDav, u"addressbook-home-set"_s)) {
            r.addressbookHomes = readHrefs(xml);
        } else {
            xml.skipCurrentElement();
        }
    }
}

Response readResponse(QXmlStreamReader &xml)
{
    Response r;
    QList<PropStat> propstats;
    while (xml.readNextStartElement()) {
        if (is(xml, kDav, u"href"_s)) {
            if (r.href.isEmpty()) {
                r.href = xml.readElementText(QXmlStreamReader::SkipChildElements).trimmed();
            } else {
                xml.skipCurrentElement();
            }
        } else if (is(xml, kDav, u"status"_s)) {
            r.status = statusFromLine(xml.readElementText(QXmlStreamReader::SkipChildElements));
        } else if (is(xml, kDav, u"propstat"_s)) {
            PropStat ps;
            while (xml.readNextStartElement()) {
                if (is(xml, kDav, u"prop"_s)) {
                    readProp(xml, ps.props);
                } else if (is(xml, kDav, u"status"_s)) {
                    ps.status = statusFromLine(xml.readElementText(QXmlStreamReader::SkipChildElements));
                } else {
                    xml.skipCurrentElement();
                }
            }
            propstats.append(ps);
        } else {
            xml.skipCurrentElement();
        }
    }
    for (const PropStat &ps : std::as_const(propstats)) {
        if (ps.status >= 200 && ps.status < 300) {
            const QString href = r.href;
            const int status = r.status;
            r = ps.props;
            r.href = href;
            r.status = status ? status : ps.status;
        }
    }
    if (r.status == 0 && !propstats.isEmpty()) {
        r.status = propstats.constFirst().status;
    }
    return r;
}

} // namespace

Result<Multistatus> parseMultistatus(const QByteArray &body)
{
    if (body.size() > kMaxXmlBytes) {
        return badResponse(u"over 64 MiB"_s);
    }
    QXmlStreamReader xml(body);
    Multistatus result;
    if (!xml.readNextStartElement() || !is(xml, kDav, u"multistatus"_s)) {
        return badResponse(xml.hasError() ? xml.errorString() : u"not a multistatus"_s);
    }
    while (xml.readNextStartElement()) {
        if (is(xml, kDav, u"response"_s)) {
            Response r = readResponse(xml);
            if (r.status == 507 && r.data.isEmpty() && r.etag.isEmpty()) {
                result.truncated = true;
                continue;
            }
            result.responses.append(r);
        } else if (is(xml, kDav, u"sync-token"_s)) {
            result.syncToken = xml.readElementText(QXmlStreamReader::SkipChildElements).trimmed();
        } else {
            xml.skipCurrentElement();
        }
    }
    if (xml.hasError()) {
        return badResponse(xml.errorString());
    }
    return result;
}

QString errorCondition(const QByteArray &body)
{
    QXmlStreamReader xml(body.left(64 * 1024));
    if (!xml.readNextStartElement() || !is(xml, kDav, u"error"_s)) {
        return {};
    }
    if (xml.readNextStartElement()) {
        return xml.name().toString();
    }
    return {};
}

namespace {

QByteArray document(const std::function<void(QXmlStreamWriter &)> &body)
{
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.writeStartDocument();
    xml.writeNamespace(kDav, u"d"_s);
    xml.writeNamespace(kCalDav, u"c"_s);
    xml.writeNamespace(kCardDav, u"card"_s);
    xml.writeNamespace(kCalendarServer, u"cs"_s);
    body(xml);
    xml.writeEndDocument();
    return out;
}

QByteArray propfind(const QList<std::pair<QString, QString>> &props)
{
    return document([&](QXmlStreamWriter &xml) {
        xml.writeStartElement(kDav, u"propfind"_s);
        xml.writeStartElement(kDav, u"prop"_s);
        for (const auto &[ns, name] : props) {
            xml.writeEmptyElement(ns, name);
        }
        xml.writeEndElement();
        xml.writeEndElement();
    });
}

} // namespace

QByteArray propfindPrincipal()
{
    return propfind({{kDav, u"current-user-principal"_s}});
}

QByteArray propfindHomes()
{
    return propfind({{kCalDav, u"calendar-home-set"_s}, {kCardDav, u"addressbook-home-set"_s}});
}

QByteArray propfindCollections()
{
    return propfind({{kDav, u"resourcetype"_s},
                     {kDav, u"displayname"_s},
                     {kCalDav, u"supported-calendar-component-set"_s},
                     {kDav, u"supported-report-set"_s},
                     {kDav, u"sync-token"_s},
                     {kCalendarServer, u"getctag"_s}});
}

QByteArray propfindEtags()
{
    return propfind({{kDav, u"getetag"_s}, {kDav, u"resourcetype"_s}});
}

QByteArray syncCollection(const QString &token)
{
    return document([&](QXmlStreamWriter &xml) {
        xml.writeStartElement(kDav, u"sync-collection"_s);
        xml.writeTextElement(kDav, u"sync-token"_s, token);
        xml.writeTextElement(kDav, u"sync-level"_s, u"1"_s);
        xml.writeStartElement(kDav, u"prop"_s);
        xml.writeEmptyElement(kDav, u"getetag"_s);
        xml.writeEndElement();
        xml.writeEndElement();
    });
}

QByteArray multiget(bool calendar, const QStringList &hrefs)
{
    return document([&](QXmlStreamWriter &xml) {
        xml.writeStartElement(calendar ? kCalDav : kCardDav,
                              calendar ? u"calendar-multiget"_s : u"addressbook-multiget"_s);
        xml.writeStartElement(kDav, u"prop"_s);
        xml.writeEmptyElement(kDav, u"getetag"_s);
        xml.writeEmptyElement(calendar ? kCalDav : kCardDav, calendar ? u"calendar-data"_s : u"address-data"_s);
        xml.writeEndElement();
        for (const QString &href : hrefs) {
            xml.writeTextElement(kDav, u"href"_s, href);
        }
        xml.writeEndElement();
    });
}

QByteArray mkcalendar(const QString &displayName, const QStringList &components)
{
    return document([&](QXmlStreamWriter &xml) {
        xml.writeStartElement(kCalDav, u"mkcalendar"_s);
        xml.writeStartElement(kDav, u"set"_s);
        xml.writeStartElement(kDav, u"prop"_s);
        xml.writeTextElement(kDav, u"displayname"_s, displayName);
        xml.writeStartElement(kCalDav, u"supported-calendar-component-set"_s);
        for (const QString &component : components) {
            xml.writeEmptyElement(kCalDav, u"comp"_s);
            xml.writeAttribute(u"name"_s, component);
        }
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
    });
}

QByteArray mkAddressBook(const QString &displayName)
{
    return document([&](QXmlStreamWriter &xml) {
        xml.writeStartElement(kDav, u"mkcol"_s);
        xml.writeStartElement(kDav, u"set"_s);
        xml.writeStartElement(kDav, u"prop"_s);
        xml.writeStartElement(kDav, u"resourcetype"_s);
        xml.writeEmptyElement(kDav, u"collection"_s);
        xml.writeEmptyElement(kCardDav, u"addressbook"_s);
        xml.writeEndElement();
        xml.writeTextElement(kDav, u"displayname"_s, displayName);
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
    });
}

} // namespace SyncDesk::DavXml

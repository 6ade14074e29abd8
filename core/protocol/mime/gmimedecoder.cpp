// GMime's side of the MIME decoder, in the MIME module (mimemodule.h): MimeDecoder::decode opens the module
// and calls GMimeBackend::decode through it.
#include "htmltotext.h"
#include "mimemodule.h"

#include <QCryptographicHash>
#include <QStringDecoder>

#include <algorithm>
#include <cstring>
#include <gmime/gmime.h>
#include <memory>
#include <mutex>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

void initGMime()
{
    static std::once_flag once;
    std::call_once(once, [] { g_mime_init(); });
}

struct GObjectDeleter
{
    void operator()(gpointer object) const
    {
        if (object) {
            g_object_unref(object);
        }
    }
};
template <typename T>
using GPtr = std::unique_ptr<T, GObjectDeleter>;

struct GFreeDeleter
{
    void operator()(gpointer memory) const { g_free(memory); }
};

QString fromUtf8(const char *text)
{
    return text ? QString::fromUtf8(text).trimmed() : QString();
}

// Text that claims to be UTF-8 but is not (a wrong or missing charset): read it as Windows-1252,
// which maps every byte, rather than showing replacement characters.
QString decodeLenient(const QByteArray &bytes, bool *wasValidUtf8 = nullptr)
{
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8.decode(bytes);
    const bool valid = !utf8.hasError();
    if (wasValidUtf8) {
        *wasValidUtf8 = valid;
    }
    if (valid) {
        return text;
    }
    QStringDecoder fallback("windows-1252");
    if (fallback.isValid()) {
        return fallback.decode(bytes);
    }
    return QString::fromLatin1(bytes);
}

QString parserWarningText(GMimeParserWarning code)
{
    switch (code) {
    case GMIME_WARN_DUPLICATED_HEADER:
        return u"a header that may appear once is repeated"_s;
    case GMIME_WARN_DUPLICATED_PARAMETER:
        return u"a header parameter is repeated"_s;
    case GMIME_WARN_UNENCODED_8BIT_HEADER:
        return u"a header contains unencoded 8-bit characters"_s;
    case GMIME_WARN_INVALID_CONTENT_TYPE:
        return u"invalid content type, read as application/octet-stream"_s;
    case GMIME_WARN_INVALID_RFC2047_HEADER_VALUE:
        return u"invalid RFC 2047 encoded header"_s;
    case GMIME_WARN_MALFORMED_MULTIPART:
        return u"a multipart has no parts"_s;
    case GMIME_WARN_TRUNCATED_MESSAGE:
        return u"the message is truncated"_s;
    case GMIME_WARN_MALFORMED_MESSAGE:
        return u"the message is malformed"_s;
    case GMIME_CRIT_INVALID_HEADER_NAME:
        return u"invalid header name"_s;
    case GMIME_CRIT_CONFLICTING_HEADER:
        return u"conflicting headers"_s;
    case GMIME_CRIT_CONFLICTING_PARAMETER:
        return u"conflicting header parameters"_s;
    case GMIME_CRIT_MULTIPART_WITHOUT_BOUNDARY:
        return u"a multipart has no boundary"_s;
    case GMIME_WARN_INVALID_PARAMETER:
        return u"invalid header parameter"_s;
    case GMIME_WARN_INVALID_ADDRESS_LIST:
        return u"invalid address list"_s;
    case GMIME_CRIT_NESTING_OVERFLOW:
        return u"MIME parts nested too deeply"_s;
    case GMIME_WARN_PART_WITHOUT_CONTENT:
        return u"a MIME part has no content"_s;
    case GMIME_CRIT_PART_WITHOUT_HEADERS_OR_CONTENT:
        return u"a MIME part has neither headers nor content"_s;
    }
    return u"MIME parser warning %1"_s.arg(int(code));
}

void onParserWarning(gint64 offset, GMimeParserWarning code, const gchar *item, gpointer userData)
{
    auto *warnings = static_cast<QStringList *>(userData);
    QString text = parserWarningText(code);
    if (item && *item) {
        text += u" ("_s + QString::fromUtf8(item).left(80) + u')';
    }
    if (offset >= 0) {
        text += u" at byte %1"_s.arg(offset);
    }
    if (!warnings->contains(text) && warnings->size() < 20) {
        warnings->append(text);
    }
}

void collectAddresses(InternetAddressList *list, QList<EmailAddress> &out, int depth = 0)
{
    if (!list || depth > 4) {
        return;
    }
    const int count = internet_address_list_length(list);
    for (int i = 0; i < count; ++i) {
        InternetAddress *address = internet_address_list_get_address(list, i);
        if (INTERNET_ADDRESS_IS_MAILBOX(address)) {
            // The IDN (ASCII) form of the address; an address that is ASCII already is that form (GMime's
            // conversion, through libidn2, was most of the time spent on addresses).
            InternetAddressMailbox *mailbox = INTERNET_ADDRESS_MAILBOX(address);
            const char *written = internet_address_mailbox_get_addr(mailbox);
            const bool ascii = written && std::all_of(written, written + std::strlen(written),
                                                      [](char c) { return static_cast<unsigned char>(c) < 0x80; });
            const QString addr = fromUtf8(ascii ? written : internet_address_mailbox_get_idn_addr(mailbox)).toLower();
            if (!addr.isEmpty()) {
                out.append({fromUtf8(internet_address_get_name(address)), addr});
            }
        } else if (INTERNET_ADDRESS_IS_GROUP(address)) {
            collectAddresses(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(address)), out, depth + 1);
        }
    }
}

QStringList parseReferences(GMimeObject *object, const char *header)
{
    QStringList ids;
    const char *value = g_mime_object_get_header(object, header);
    if (!value) {
        return ids;
    }
    GMimeReferences *references = g_mime_references_parse(nullptr, value);
    if (!references) {
        return ids;
    }
    const int count = g_mime_references_length(references);
    for (int i = 0; i < count; ++i) {
        const QString id = fromUtf8(g_mime_references_get_message_id(references, i));
        if (!id.isEmpty() && !ids.contains(id)) {
            ids.append(id);
        }
    }
    g_mime_references_free(references);
    return ids;
}

// A part's content with its transfer encoding (base64, quoted-printable) undone, in its own charset.
QByteArray contentOf(GMimePart *part)
{
    GMimeDataWrapper *content = g_mime_part_get_content(part);
    if (!content) {
        return {};
    }
    GPtr<GMimeStream> sink(g_mime_stream_mem_new());
    g_mime_data_wrapper_write_to_stream(content, sink.get());
    GByteArray *array = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(sink.get()));
    return array ? QByteArray(reinterpret_cast<const char *>(array->data), qsizetype(array->len)) : QByteArray();
}

qint64 decodedSize(GMimePart *part)
{
    GMimeDataWrapper *content = g_mime_part_get_content(part);
    if (!content) {
        return 0;
    }
    GPtr<GMimeStream> sink(g_mime_stream_null_new());
    g_mime_data_wrapper_write_to_stream(content, sink.get());
    return qint64(GMIME_STREAM_NULL(sink.get())->written);
}

// Rewrites CRLF and lone CR as LF in place; returns the new length.
qsizetype normalizeNewlines(char *text, qsizetype length)
{
    char *const end = text + length;
    char *read = static_cast<char *>(std::memchr(text, '\r', size_t(length)));
    if (!read) {
        return length;
    }
    char *write = read;
    while (read < end) {
        const char c = *read++;
        if (c == '\r') {
            *write++ = '\n';
            if (read < end && *read == '\n') {
                ++read;
            }
        } else {
            *write++ = c;
        }
    }
    return qsizetype(write - text);
}

bool hasVisibleText(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return !c.isSpace(); });
}

bool isBlank(const QByteArray &raw)
{
    return std::all_of(raw.cbegin(), raw.cend(), [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); });
}

class BodyWalker
{
public:
    static constexpr int kMaxDepth = 32;

    // maxTextBytes: the UTF-8 bytes of a text part decoded at most (the rest would be cut anyway), so that a
    // huge text part never becomes a huge QString.
    BodyWalker(QStringList &warnings, qsizetype maxTextBytes)
        : m_warnings(warnings)
        , m_maxTextBytes(maxTextBytes)
    {}

    void walk(GMimeObject *object, int depth)
    {
        if (!object) {
            return;
        }
        if (depth > kMaxDepth) {
            const QString warning =
                u"parts nested deeper than %1 levels were not decoded; the body holds what lies above"_s.arg(kMaxDepth);
            if (!m_warnings.contains(warning)) {
                m_warnings.append(warning);
            }
            return;
        }
        if (GMIME_IS_MULTIPART(object)) {
            GMimeMultipart *multipart = GMIME_MULTIPART(object);
            const int count = g_mime_multipart_get_count(multipart);
            for (int i = 0; i < count; ++i) {
                walk(g_mime_multipart_get_part(multipart, i), depth + 1);
            }
            return;
        }
        if (GMIME_IS_MESSAGE_PART(object)) {
            GMimeMessage *inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(object));
            AttachmentInfo info;
            info.contentType = u"message/rfc822"_s;
            info.fileName = inner ? fromUtf8(g_mime_message_get_subject(inner)) : QString();
            if (info.fileName.isEmpty()) {
                info.fileName = u"attached message"_s;
            }
            if (inner) {
                GPtr<GMimeStream> sink(g_mime_stream_null_new());
                g_mime_object_write_to_stream(GMIME_OBJECT(inner), nullptr, sink.get());
                info.size = qint64(GMIME_STREAM_NULL(sink.get())->written);
            }
            attachments.append(info);
            return;
        }
        if (!GMIME_IS_PART(object)) {
            return;
        }
        GMimePart *part = GMIME_PART(object);
        GMimeContentType *type = g_mime_object_get_content_type(object);
        const bool isPlain = type && g_mime_content_type_is_type(type, "text", "plain");
        const bool isHtml = type && g_mime_content_type_is_type(type, "text", "html");
        const bool isAttachment = g_mime_part_is_attachment(part) || (!isPlain && !isHtml) ||
                                  (g_mime_part_get_filename(part) != nullptr && !isPlain && !isHtml);
        if (!isAttachment && GMIME_IS_TEXT_PART(object)) {
            // HTML is allowed more bytes than plain text: markup becomes no text at all.
            const QString text = textOf(GMIME_TEXT_PART(object), isPlain ? m_maxTextBytes : m_maxTextBytes * 8);
            if (isPlain) {
                if (!plain.isEmpty() && hasVisibleText(text)) {
                    plain += u"\n\n"_s;
                }
                plain += text;
                return;
            }
            if (html.isEmpty()) {
                html = text;
            }
            return;
        }
        AttachmentInfo info;
        info.fileName = fromUtf8(g_mime_part_get_filename(part));
        if (type) {
            std::unique_ptr<char, GFreeDeleter> mimeType(g_mime_content_type_get_mime_type(type));
            info.contentType = QString::fromUtf8(mimeType.get()).toLower();
        }
        info.size = decodedSize(part);
        attachments.append(info);
    }

    QString plain;
    QString html;
    QList<AttachmentInfo> attachments;

private:
    QString textOf(GMimeTextPart *part, qsizetype maxBytes)
    {
        const char *charset = g_mime_text_part_get_charset(part);
        // UTF-8 text is taken as it is (checked by decodeLenient below): g_mime_text_part_get_text would
        // run it through iconv from UTF-8 to UTF-8, a tenth of the decoder's time. Other charsets convert.
        // Bytes that are not all valid UTF-8 take GMime's conversion, which drops the bad ones and keeps the rest.
        QByteArray bytes;
        if (charset && (g_ascii_strcasecmp(charset, "utf-8") == 0 || g_ascii_strcasecmp(charset, "utf8") == 0)) {
            bytes = contentOf(GMIME_PART(part));
        }
        if (bytes.isNull() || !QByteArrayView(bytes).isValidUtf8()) {
            std::unique_ptr<char, GFreeDeleter> converted(g_mime_text_part_get_text(part));
            if (!converted) {
                return {};
            }
            bytes = QByteArray(converted.get());
        }
        // Text ends at a NUL byte, as GMime's conversion ends it.
        qsizetype length = bytes.size();
        if (const void *nul = std::memchr(bytes.constData(), 0, size_t(length))) {
            length = static_cast<const char *>(nul) - bytes.constData();
        }
        char *const data = bytes.data();
        if (length > maxBytes) {
            // UTF-8: cut at a character boundary, never inside a sequence.
            length = maxBytes;
            while (length > 0 && (static_cast<unsigned char>(data[length]) & 0xC0) == 0x80) {
                --length;
            }
            truncatedText = true;
        }
        // Line ends become "\n" here, on the bytes, before the one conversion to UTF-16.
        length = normalizeNewlines(data, length);
        bool valid = true;
        const QString text = decodeLenient(QByteArray::fromRawData(data, length), &valid);
        if (!valid) {
            const QString warning = charset
                                        ? u"text in charset \"%1\" could not be converted; read as Windows-1252"_s.arg(
                                              QString::fromLatin1(charset))
                                        : u"8-bit text without a charset; read as Windows-1252"_s;
            if (!m_warnings.contains(warning)) {
                m_warnings.append(warning);
            }
        }
        return text;
    }

    QStringList &m_warnings;
    qsizetype m_maxTextBytes;

public:
    bool truncatedText = false; // a text part was longer than maxTextBytes
};

QByteArray headerBlock(const QByteArray &raw)
{
    qsizetype end = raw.indexOf("\r\n\r\n");
    const qsizetype lfEnd = raw.indexOf("\n\n");
    if (end < 0 || (lfEnd >= 0 && lfEnd < end)) {
        end = lfEnd;
    }
    return end < 0 ? raw : raw.left(end);
}

QString normalizeNewlines(QString text)
{
    text.replace(u"\r\n"_s, u"\n"_s);
    text.replace(u'\r', u'\n');
    return text;
}

} // namespace

DecodedMessage GMimeBackend::decode(const QByteArray &raw, qsizetype maxBodyChars)
{
    initGMime();
    DecodedMessage decoded;
    decoded.empty = isBlank(raw);
    // The header block's digest names a message without a Message-ID (its legacy key, an empty message's
    // failure): only computed then, like the content's.
    auto digestHeader = [&decoded, &raw] {
        decoded.headerDigest = QCryptographicHash::hash(headerBlock(raw), QCryptographicHash::Sha1).toHex();
    };

    GPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(raw.constData(), size_t(raw.size())));
    GPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
    GMimeParserOptions *parserOptions = g_mime_parser_options_new();
    const char *fallbackCharsets[] = {"UTF-8", "windows-1252", nullptr};
    g_mime_parser_options_set_fallback_charsets(parserOptions, fallbackCharsets);
    g_mime_parser_options_set_warning_callback(parserOptions, onParserWarning, &decoded.warnings);
    GPtr<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), parserOptions));
    g_mime_parser_options_free(parserOptions);

    // What identifies a message without a Message-ID: all of it, so that two messages that share a header
    // block but differ in their body are two messages, and the same bytes delivered twice are one. Only
    // computed when needed: hashing every message costs a few percent of a full pull.
    auto digestContent = [&decoded, &raw] {
        decoded.contentDigest = QCryptographicHash::hash(raw, QCryptographicHash::Sha256).toHex();
    };
    if (!message) {
        digestHeader();
        digestContent();
        decoded.warnings.append(u"not a MIME message; stored as plain text"_s);
        // No more bytes than the text kept can take (a legacy charset has one byte per character).
        qsizetype keep = qsizetype(qMin<qint64>(raw.size(), qint64(maxBodyChars) * 3 + 4));
        while (keep > 0 && keep < raw.size() && (static_cast<unsigned char>(raw.at(keep)) & 0xC0) == 0x80) {
            --keep; // not inside a UTF-8 sequence
        }
        decoded.bodyText = normalizeNewlines(decodeLenient(QByteArray::fromRawData(raw.constData(), keep)));
        if (keep < raw.size() || decoded.bodyText.size() > maxBodyChars) {
            decoded.bodyText.truncate(maxBodyChars);
            decoded.bodyTruncated = true;
            decoded.warnings.append(
                u"body truncated: longer than %1 characters; the rest is not stored"_s.arg(maxBodyChars));
        }
        return decoded;
    }
    decoded.parsed = true;
    GMimeObject *object = GMIME_OBJECT(message.get());
    decoded.subject = fromUtf8(g_mime_message_get_subject(message.get())).simplified();
    decoded.messageId = fromUtf8(g_mime_message_get_message_id(message.get()));
    if (decoded.messageId.startsWith(u'<') && decoded.messageId.endsWith(u'>')) {
        decoded.messageId = decoded.messageId.mid(1, decoded.messageId.size() - 2);
    }
    if (decoded.messageId.isEmpty()) {
        digestHeader();
        digestContent();
    }
    const QStringList inReplyTo = parseReferences(object, "In-Reply-To");
    decoded.inReplyTo = inReplyTo.isEmpty() ? QString() : inReplyTo.constFirst();
    decoded.references = parseReferences(object, "References");

    QList<EmailAddress> from;
    collectAddresses(g_mime_message_get_from(message.get()), from);
    if (from.isEmpty()) {
        collectAddresses(g_mime_message_get_sender(message.get()), from);
    }
    if (!from.isEmpty()) {
        decoded.from = from.constFirst();
    }
    collectAddresses(g_mime_message_get_to(message.get()), decoded.to);
    collectAddresses(g_mime_message_get_cc(message.get()), decoded.cc);

    if (GDateTime *date = g_mime_message_get_date(message.get())) {
        decoded.date = QDateTime::fromSecsSinceEpoch(g_date_time_to_unix(date), Qt::UTC);
    } else if (g_mime_object_get_header(object, "Date")) {
        decoded.warnings.append(u"the Date header could not be read"_s);
    }

    // Three bytes of UTF-8 per character at most for the text kept (four-byte characters are two QChars).
    BodyWalker walker(decoded.warnings, qsizetype(qMin<qint64>(qint64(maxBodyChars) * 3 + 4, 1LL << 30)));
    walker.walk(g_mime_message_get_mime_part(message.get()), 0);
    decoded.attachments = walker.attachments;
    bool cut = walker.truncatedText;
    if (hasVisibleText(walker.plain) || walker.html.isEmpty()) {
        decoded.bodyText = std::move(walker.plain).trimmed(); // its line ends are "\n" already
    } else {
        // Stops converting past the maximum: a huge HTML body costs no more than the text kept.
        decoded.bodyText = HtmlToText::convert(walker.html, maxBodyChars, &cut);
        decoded.bodyFromHtml = true;
    }
    if (cut || decoded.bodyText.size() > maxBodyChars) {
        decoded.bodyText.truncate(maxBodyChars);
        decoded.bodyTruncated = true;
        decoded.warnings.append(
            u"body truncated: longer than %1 characters; the rest is not stored"_s.arg(maxBodyChars));
    }
    return decoded;
}

} // namespace SyncDesk

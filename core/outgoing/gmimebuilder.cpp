// GMime's side of the message builder, in the MIME module (protocol/mime/mimemodule.h): MessageBuilder::build
// opens the module and calls GMimeBackend::build through it.
#include "protocol/mime/mimemodule.h"

#include <gmime/gmime.h>
#include <mutex>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

// GMime objects are GObjects: released when the guard goes out of scope.
template <typename T>
struct Unref
{
    T *object = nullptr;
    explicit Unref(T *o)
        : object(o)
    {}
    ~Unref()
    {
        if (object) {
            g_object_unref(object);
        }
    }
    Unref(const Unref &) = delete;
    Unref &operator=(const Unref &) = delete;
};

void ensureGMime()
{
    static std::once_flag once;
    std::call_once(once, [] { g_mime_init(); });
}

GMimeObject *textPart(const char *subtype, const QString &text)
{
    GMimeTextPart *part = g_mime_text_part_new_with_subtype(subtype);
    g_mime_text_part_set_text(part, text.toUtf8().constData());
    return GMIME_OBJECT(part);
}

void addAddresses(GMimeMessage *message, GMimeAddressType type, const QList<EmailAddress> &addresses)
{
    for (const EmailAddress &address : addresses) {
        const QByteArray name = address.name.toUtf8();
        g_mime_message_add_mailbox(message, type, name.isEmpty() ? nullptr : name.constData(),
                                   address.address.toUtf8().constData());
    }
}

QString bracketed(const QString &id)
{
    return u"<"_s + id + u">"_s;
}

} // namespace

bool GMimeBackend::build(const MessageParts &parts, QByteArray *built)
{
    ensureGMime();
    Unref<GMimeMessage> message(g_mime_message_new(TRUE));
    addAddresses(message.object, GMIME_ADDRESS_TYPE_FROM, {parts.from});
    addAddresses(message.object, GMIME_ADDRESS_TYPE_TO, parts.to);
    addAddresses(message.object, GMIME_ADDRESS_TYPE_CC, parts.cc);
    if (parts.to.isEmpty() && parts.cc.isEmpty()) {
        // Bcc only: an empty group, so that no recipient is revealed (RFC 5322 3.6.3).
        g_mime_object_set_header(GMIME_OBJECT(message.object), "To", "undisclosed-recipients:;", nullptr);
    }
    g_mime_message_set_subject(message.object, parts.subject.toUtf8().constData(), "utf-8");
    const QDateTime date = parts.date.isValid() ? parts.date : QDateTime::currentDateTimeUtc();
    GDateTime *gdate = g_date_time_new_from_unix_utc(date.toSecsSinceEpoch());
    g_mime_message_set_date(message.object, gdate);
    g_date_time_unref(gdate);
    g_mime_message_set_message_id(message.object, parts.messageId.toUtf8().constData());
    if (!parts.inReplyTo.isEmpty()) {
        g_mime_object_set_header(GMIME_OBJECT(message.object), "In-Reply-To",
                                 bracketed(parts.inReplyTo).toUtf8().constData(), nullptr);
    }
    if (!parts.references.isEmpty()) {
        QStringList ids;
        for (const QString &id : parts.references) {
            ids.append(bracketed(id));
        }
        g_mime_object_set_header(GMIME_OBJECT(message.object), "References", ids.join(u' ').toUtf8().constData(),
                                 nullptr);
    }
    g_mime_object_set_header(GMIME_OBJECT(message.object), "X-Mailer", "SyncDesk", nullptr);

    // The body: text, or text and HTML as alternatives; then the attachments around it.
    GMimeObject *body = textPart("plain", parts.bodyText);
    if (!parts.bodyHtml.isEmpty()) {
        GMimeMultipart *alternative = g_mime_multipart_new_with_subtype("alternative");
        g_mime_multipart_add(alternative, body);
        g_object_unref(body);
        GMimeObject *html = textPart("html", parts.bodyHtml);
        g_mime_multipart_add(alternative, html);
        g_object_unref(html);
        body = GMIME_OBJECT(alternative);
    }
    if (!parts.attachments.isEmpty()) {
        GMimeMultipart *mixed = g_mime_multipart_new_with_subtype("mixed");
        g_mime_multipart_add(mixed, body);
        g_object_unref(body);
        for (const OutgoingAttachment &attachment : parts.attachments) {
            const QString &type = attachment.contentType;
            const QByteArray mediaType = type.section(u'/', 0, 0).toLatin1();
            const QByteArray subtype = type.section(u'/', 1).toLatin1();
            GMimePart *part = g_mime_part_new_with_type(mediaType.isEmpty() ? "application" : mediaType.constData(),
                                                        subtype.isEmpty() ? "octet-stream" : subtype.constData());
            GMimeStream *stream =
                g_mime_stream_mem_new_with_buffer(attachment.data.constData(), size_t(attachment.data.size()));
            GMimeDataWrapper *wrapper = g_mime_data_wrapper_new_with_stream(stream, GMIME_CONTENT_ENCODING_DEFAULT);
            g_mime_part_set_content(part, wrapper);
            g_object_unref(wrapper);
            g_object_unref(stream);
            g_mime_object_set_disposition(GMIME_OBJECT(part), "attachment");
            g_mime_part_set_filename(part, attachment.fileName.toUtf8().constData());
            g_mime_part_set_content_encoding(part, GMIME_CONTENT_ENCODING_BASE64);
            g_mime_multipart_add(mixed, GMIME_OBJECT(part));
            g_object_unref(part);
        }
        body = GMIME_OBJECT(mixed);
    }
    g_mime_message_set_mime_part(message.object, body);
    g_object_unref(body);
    // Any 8-bit text becomes quoted-printable or base64: the message passes any SMTP server as it is.
    g_mime_object_encode(GMIME_OBJECT(message.object), GMIME_ENCODING_CONSTRAINT_7BIT);

    GMimeFormatOptions *options = g_mime_format_options_clone(nullptr);
    g_mime_format_options_set_newline_format(options, GMIME_NEWLINE_FORMAT_DOS);
    g_mime_format_options_set_param_encoding_method(options, GMIME_PARAM_ENCODING_METHOD_RFC2231);
    Unref<GMimeStream> out(g_mime_stream_mem_new());
    const ssize_t written = g_mime_object_write_to_stream(GMIME_OBJECT(message.object), options, out.object);
    g_mime_format_options_free(options);
    if (written < 0) {
        return false;
    }
    GByteArray *bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(out.object));
    *built = QByteArray(reinterpret_cast<const char *>(bytes->data), qsizetype(bytes->len));
    return true;
}

} // namespace SyncDesk

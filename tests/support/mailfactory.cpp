#include "mailfactory.h"

#include <QLocale>

namespace SyncDesk::Testing {

using namespace Qt::StringLiterals;

namespace {

bool isAscii(const QString &text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 0x80; });
}

QByteArray quotedPrintable(const QByteArray &data)
{
    QByteArray out;
    int lineLength = 0;
    auto append = [&](const QByteArray &piece) {
        if (lineLength + piece.size() > 75) {
            out += "=\r\n";
            lineLength = 0;
        }
        out += piece;
        lineLength += int(piece.size());
    };
    for (qsizetype i = 0; i < data.size(); ++i) {
        const auto c = static_cast<unsigned char>(data.at(i));
        if (c == '\n') {
            out += "\r\n";
            lineLength = 0;
        } else if (c == '\r') {
            continue;
        } else if ((c >= 33 && c <= 126 && c != '=') || (c == ' ' && i + 1 < data.size() && data.at(i + 1) != '\n')) {
            append(QByteArray(1, char(c)));
        } else {
            append('=' + QByteArray::number(c, 16).toUpper().rightJustified(2, '0'));
        }
    }
    return out;
}

QByteArray addressHeader(const QStringList &addresses)
{
    QByteArrayList parts;
    for (const QString &address : addresses) {
        const qsizetype open = address.indexOf(u'<');
        if (open > 0) {
            parts.append(MailFactory::encodeHeaderWord(address.left(open).trimmed()) + " " +
                         address.mid(open).toUtf8());
        } else {
            parts.append(address.toUtf8());
        }
    }
    return parts.join(", ");
}

struct Sender
{
    const char16_t *name;
    const char16_t *address;
};

const Sender kSenders[] = {
    {u"Ana Souza", u"ana.souza@contoso.example"},         {u"Jürgen Weiß", u"j.weiss@fabrikam.example"},
    {u"Chloé Martin", u"chloe.martin@northwind.example"}, {u"Kenji Tanaka", u"kenji@adventure-works.example"},
    {u"Priya Raman", u"priya.raman@tailspin.example"},    {u"Olumide Bello", u"o.bello@wingtip.example"},
    {u"Sofia Lindqvist", u"sofia@litware.example"},       {u"Mateo García", u"mateo.garcia@proseware.example"},
};

struct Topic
{
    const char16_t *subject;
    const char16_t *body;
};

const Topic kTopics[] = {
    {u"Order %1 — delivery date",
     u"Hello,\n\ncould you confirm the delivery date for order %1? Our warehouse needs two days' notice.\n\n"
     "Thanks,\n%2"},
    {u"Renewal quote for 2027",
     u"Hi,\n\nattached is the renewal quote we discussed. The price holds until the end of the month; "
     "let me know if the seat count changes.\n\nBest regards,\n%2"},
    {u"Re: Case %1: login problem after update",
     u"Thanks for the quick answer. After clearing the cache the login works again on two of three "
     "machines; the third still shows error 0x80072EE2.\n\n%2"},
    {u"Meeting next Tuesday?", u"Hello,\n\nwould Tuesday at 10:00 work for a 30-minute call about the rollout plan? "
                               "I can send an invite.\n\nKind regards,\n%2"},
    {u"Rechnung %1 – Zahlungserinnerung",
     u"Guten Tag,\n\nlaut unserer Buchhaltung ist die Rechnung %1 noch offen. Könnten Sie den Zahlungsstatus "
     "prüfen?\n\nMit freundlichen Grüßen\n%2"},
    {u"Question about the API rate limits",
     u"Hi team,\n\nwe are hitting HTTP 429 responses at around 50 requests per second. Is the limit per "
     "tenant or per user? Our integration syncs about 8,000 records a night.\n\nCheers,\n%2"},
    {u"Devis n°%1 : précisions",
     u"Bonjour,\n\nmerci pour le devis. Pourriez-vous préciser si l'installation sur site est incluse ? "
     "Nous avons trois sites à équiper.\n\nCordialement,\n%2"},
    {u"Thank you for the workshop",
     u"Hello,\n\nthank you for yesterday's workshop — the team found the reporting part especially "
     "useful. Could you share the slides?\n\nBest,\n%2"},
};

} // namespace

QByteArray MailFactory::encodeHeaderWord(const QString &text)
{
    if (isAscii(text)) {
        return text.toUtf8();
    }
    // One encoded word per chunk of at most 30 characters keeps each word under 75 bytes.
    QByteArrayList words;
    for (qsizetype i = 0; i < text.size(); i += 30) {
        words.append("=?UTF-8?B?" + text.mid(i, 30).toUtf8().toBase64() + "?=");
    }
    return words.join("\r\n ");
}

QByteArray MailFactory::build(const Message &message)
{
    QByteArray out;
    out += "From: ";
    if (!message.fromName.isEmpty()) {
        out += encodeHeaderWord(message.fromName) + " <" + message.fromAddress.toUtf8() + ">\r\n";
    } else {
        out += message.fromAddress.toUtf8() + "\r\n";
    }
    if (!message.to.isEmpty()) {
        out += "To: " + addressHeader(message.to) + "\r\n";
    }
    if (!message.cc.isEmpty()) {
        out += "Cc: " + addressHeader(message.cc) + "\r\n";
    }
    out += "Subject: " + encodeHeaderWord(message.subject) + "\r\n";
    if (message.date.isValid()) {
        out += "Date: " + QLocale::c().toString(message.date.toUTC(), u"ddd, dd MMM yyyy hh:mm:ss"_s).toLatin1() +
               " +0000\r\n";
    }
    if (!message.messageId.isEmpty()) {
        out += "Message-ID: <" + message.messageId.toUtf8() + ">\r\n";
    }
    if (!message.inReplyTo.isEmpty()) {
        out += "In-Reply-To: <" + message.inReplyTo.toUtf8() + ">\r\n";
    }
    QStringList references = message.references;
    if (references.isEmpty() && !message.inReplyTo.isEmpty()) {
        references.append(message.inReplyTo);
    }
    if (!references.isEmpty()) {
        out += "References: <" + references.join(u"> <"_s).toUtf8() + ">\r\n";
    }
    out += "MIME-Version: 1.0\r\n";

    const QByteArray textPart = "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: "
                                "quoted-printable\r\n\r\n" +
                                quotedPrintable(message.body.toUtf8()) + "\r\n";
    QByteArray body = textPart;
    if (!message.html.isEmpty()) {
        body = "Content-Type: multipart/alternative; boundary=\"alt-boundary\"\r\n\r\n"
               "--alt-boundary\r\n" +
               textPart +
               "--alt-boundary\r\nContent-Type: text/html; charset=UTF-8\r\n"
               "Content-Transfer-Encoding: quoted-printable\r\n\r\n" +
               quotedPrintable(message.html.toUtf8()) + "\r\n--alt-boundary--\r\n";
    }
    if (!message.attachmentName.isEmpty()) {
        QByteArray encoded = message.attachmentData.toBase64();
        QByteArray wrapped;
        for (qsizetype i = 0; i < encoded.size(); i += 76) {
            wrapped += encoded.mid(i, 76) + "\r\n";
        }
        body = "Content-Type: multipart/mixed; boundary=\"mixed-boundary\"\r\n\r\n--mixed-boundary\r\n" + body +
               "--mixed-boundary\r\nContent-Type: application/pdf; name=\"" + message.attachmentName.toUtf8() +
               "\"\r\nContent-Disposition: attachment; filename=\"" + message.attachmentName.toUtf8() +
               "\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" + wrapped + "--mixed-boundary--\r\n";
    }
    return out + body;
}

MailFactory::Message MailFactory::realistic(const QString &toAddress, int index, const QDateTime &date)
{
    const int senderCount = int(std::size(kSenders));
    const int topicCount = int(std::size(kTopics));
    const Sender &sender = kSenders[(index * 5 + 3) % senderCount];
    const Topic &topic = kTopics[index % topicCount];
    const QString number = QString::number(40000 + index * 37);
    Message message;
    message.fromName = QString::fromUtf16(sender.name);
    message.fromAddress = QString::fromUtf16(sender.address);
    message.to = {toAddress};
    message.subject = QString::fromUtf16(topic.subject).replace(u"%1"_s, number);
    message.body = QString::fromUtf16(topic.body).replace(u"%1"_s, number).replace(u"%2"_s, message.fromName);
    message.date = date;
    message.messageId = u"%1.%2@%3"_s.arg(index).arg(date.toSecsSinceEpoch()).arg(message.fromAddress.section(u'@', 1));
    if (index % 3 == 1) {
        message.html = u"<html><body><p>"_s + message.body.toHtmlEscaped().replace(u"\n\n"_s, u"</p><p>"_s) +
                       u"</p></body></html>"_s;
    }
    if (index % 7 == 1) {
        message.attachmentName = u"quote-%1.pdf"_s.arg(number);
        message.attachmentData = QByteArray("%PDF-1.4\n% SyncDesk demo attachment\n") + QByteArray(600, 'x');
    }
    return message;
}

} // namespace SyncDesk::Testing

#include "redactor.h"

#include <QRegularExpression>

namespace SyncDesk {

using namespace Qt::StringLiterals;

void Redactor::addSecret(const QString &secret, const QString &username)
{
    if (secret.size() < 3) {
        return; // too short to look for without blanking innocent text; the patterns still apply
    }
    const QByteArray bytes = secret.toUtf8();
    m_secrets.append(secret);
    m_secrets.append(QString::fromLatin1(bytes.toBase64()));
    if (!username.isEmpty()) {
        QByteArray plain;
        plain.append('\0').append(username.toUtf8()).append('\0').append(bytes);
        m_secrets.append(QString::fromLatin1(plain.toBase64()));
    }
    // Longest first, so that a secret inside another is not half replaced.
    std::sort(m_secrets.begin(), m_secrets.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
}

QString Redactor::redact(const QString &text) const
{
    QString out = text;
    for (const QString &secret : m_secrets) {
        out.replace(secret, credentialsMarker());
    }
    const QString hidden = credentialsMarker();
    // Client lines of protocol traces ("C: A0001 LOGIN user pass", "C: A0001 AUTHENTICATE PLAIN base64",
    // "C: PASS secret", "C: APOP user digest", "C: AUTH PLAIN base64"); SyncDesk's own traces already hide
    // them, this also covers text from elsewhere.
    static const QRegularExpression command(
        u"^(\\s*C:\\s+(?:[A-Za-z0-9.]+\\s+)?(?:LOGIN|AUTHENTICATE|PASS|APOP|AUTH))(\\s+)(?!<credentials hidden>)\\S.*$"_s,
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::MultilineOption);
    out.replace(command, u"\\1\\2"_s + hidden);
    // key=value pairs naming a secret.
    static const QRegularExpression pair(
        u"\\b(password|passwd|pwd|secret|token|api[_-]?key)(\\s*[=:]\\s*)(?!<credentials hidden>)[^\\s,;&\"']+"_s,
        QRegularExpression::CaseInsensitiveOption);
    out.replace(pair, u"\\1\\2"_s + hidden);
    // Message contents in FETCH traces: BODY[...], BODY.PEEK[...], RFC822(.TEXT/.HEADER), BINARY[...] followed by
    // a quoted string or a literal.
    static const QRegularExpression content(
        u"\\b((?:BODY(?:\\.PEEK)?|BINARY(?:\\.PEEK)?)\\[[^\\]]*\\](?:<\\d+>)?|RFC822(?:\\.TEXT|\\.HEADER)?)"
        "\\s+(?:\"(?:[^\"\\\\]|\\\\.)*\"(?:\\.\\.\\.\\(\\d+ bytes\\))?|\\{\\d+\\}[^)]*)"_s);
    out.replace(content, u"\\1 "_s + contentMarker());
    return out;
}

} // namespace SyncDesk

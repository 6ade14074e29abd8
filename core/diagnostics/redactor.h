#pragma once

#include <QString>
#include <QStringList>

namespace SyncDesk {

// Removes what must never leave the machine from text meant for support (diagnostic bundles): passwords
// and other credentials in protocol traces (LOGIN, AUTHENTICATE, PASS, AUTH PLAIN/LOGIN and their base64),
// "password=..." pairs, known secrets wherever they appear (also base64-encoded), and message contents
// (the BODY[]/RFC822 data of IMAP FETCH traces). Pure; the patterns are documented in redact().
class Redactor final
{
public:
    // A secret removed wherever it appears, as is and in the base64 forms SASL uses.
    void addSecret(const QString &secret, const QString &username = {});

    QString redact(const QString &text) const;

    static QString credentialsMarker() { return QStringLiteral("<credentials hidden>"); }
    static QString contentMarker() { return QStringLiteral("<message content removed>"); }

private:
    QStringList m_secrets;
};

} // namespace SyncDesk

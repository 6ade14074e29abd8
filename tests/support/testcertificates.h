#pragma once

#include <QString>

namespace SyncDesk::Testing {

// A private certificate authority and certificates signed by it, made with the openssl command line
// in a directory of the caller's. The CA is trusted only by clients configured with caFile().
class TestCertificates final
{
public:
    explicit TestCertificates(const QString &directory);

    // CA plus a server certificate for localhost / 127.0.0.1 / 127.0.0.2 / ::1.
    bool create(QString *error);
    // A self-signed server certificate no client trusts.
    bool createSelfSigned(QString *error);
    // Signed by the CA but for another host name.
    bool createWrongHost(QString *error);
    // Signed by the CA for localhost, valid only during 2020 (made with "openssl ca", which takes explicit
    // start and end dates; "openssl x509 -req" of OpenSSL 3.0 cannot date a certificate in the past).
    bool createExpired(QString *error);

    QString caFile() const;
    QString serverCertificate() const;
    QString serverKey() const;
    QString selfSignedCertificate() const;
    QString selfSignedKey() const;
    QString wrongHostCertificate() const;
    QString wrongHostKey() const;
    QString expiredCertificate() const;
    QString expiredKey() const;

private:
    bool run(const QStringList &arguments, QString *error);
    bool issue(const QString &name, const QString &subjectAltNames, QString *error);

    QString m_directory;
};

} // namespace SyncDesk::Testing

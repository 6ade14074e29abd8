#include "testcertificates.h"

#include <QDir>
#include <QFile>
#include <QProcess>

namespace SyncDesk::Testing {

using namespace Qt::StringLiterals;

TestCertificates::TestCertificates(const QString &directory)
    : m_directory(directory)
{}

QString TestCertificates::caFile() const
{
    return m_directory + u"/ca.pem"_s;
}
QString TestCertificates::serverCertificate() const
{
    return m_directory + u"/server.pem"_s;
}
QString TestCertificates::serverKey() const
{
    return m_directory + u"/server.key"_s;
}
QString TestCertificates::selfSignedCertificate() const
{
    return m_directory + u"/selfsigned.pem"_s;
}
QString TestCertificates::selfSignedKey() const
{
    return m_directory + u"/selfsigned.key"_s;
}
QString TestCertificates::wrongHostCertificate() const
{
    return m_directory + u"/wronghost.pem"_s;
}
QString TestCertificates::wrongHostKey() const
{
    return m_directory + u"/wronghost.key"_s;
}

QString TestCertificates::expiredCertificate() const
{
    return m_directory + u"/expired.pem"_s;
}
QString TestCertificates::expiredKey() const
{
    return m_directory + u"/expired.key"_s;
}

bool TestCertificates::run(const QStringList &arguments, QString *error)
{
    QProcess openssl;
    openssl.setWorkingDirectory(m_directory);
    openssl.start(u"openssl"_s, arguments);
    if (!openssl.waitForFinished(60000) || openssl.exitStatus() != QProcess::NormalExit || openssl.exitCode() != 0) {
        if (error) {
            *error = u"openssl %1 failed: %2 %3"_s.arg(arguments.value(0), openssl.errorString(),
                                                       QString::fromLocal8Bit(openssl.readAllStandardError()));
        }
        return false;
    }
    return true;
}

bool TestCertificates::create(QString *error)
{
    QDir().mkpath(m_directory);
    if (!run({u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:prime256v1"_s,
              u"-nodes"_s, u"-keyout"_s, u"ca.key"_s, u"-out"_s, u"ca.pem"_s, u"-days"_s, u"3650"_s, u"-subj"_s,
              u"/CN=SyncDesk Test CA"_s, u"-addext"_s, u"basicConstraints=critical,CA:TRUE"_s, u"-addext"_s,
              u"keyUsage=critical,keyCertSign,cRLSign"_s},
             error)) {
        return false;
    }
    return issue(u"server"_s, u"DNS:localhost,IP:127.0.0.1,IP:127.0.0.2,IP:::1"_s, error);
}

bool TestCertificates::issue(const QString &name, const QString &subjectAltNames, QString *error)
{
    QFile extensions(m_directory + u'/' + name + u".ext"_s);
    if (!extensions.open(QIODevice::WriteOnly)) {
        return false;
    }
    extensions.write(("subjectAltName=" + subjectAltNames.toLatin1() +
                      "\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\n"
                      "extendedKeyUsage=serverAuth\n"));
    extensions.close();
    const QString commonName = subjectAltNames.section(u',', 0, 0).section(u':', 1);
    return run({u"req"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:prime256v1"_s, u"-nodes"_s,
                u"-keyout"_s, name + u".key"_s, u"-out"_s, name + u".csr"_s, u"-subj"_s, u"/CN="_s + commonName},
               error) &&
           run({u"x509"_s, u"-req"_s, u"-in"_s, name + u".csr"_s, u"-CA"_s, u"ca.pem"_s, u"-CAkey"_s, u"ca.key"_s,
                u"-CAcreateserial"_s, u"-out"_s, name + u".pem"_s, u"-days"_s, u"825"_s, u"-extfile"_s,
                name + u".ext"_s},
               error);
}

bool TestCertificates::createSelfSigned(QString *error)
{
    QDir().mkpath(m_directory);
    return run({u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:prime256v1"_s,
                u"-nodes"_s, u"-keyout"_s, u"selfsigned.key"_s, u"-out"_s, u"selfsigned.pem"_s, u"-days"_s, u"825"_s,
                u"-subj"_s, u"/CN=localhost"_s, u"-addext"_s, u"subjectAltName=DNS:localhost,IP:127.0.0.1"_s},
               error);
}

bool TestCertificates::createWrongHost(QString *error)
{
    if (!QFile::exists(caFile()) && !create(error)) {
        return false;
    }
    return issue(u"wronghost"_s, u"DNS:mail.example.invalid"_s, error);
}

} // namespace SyncDesk::Testing

namespace SyncDesk::Testing {

bool TestCertificates::createExpired(QString *error)
{
    if (!QFile::exists(caFile()) && !create(error)) {
        return false;
    }
    auto write = [this](const QString &name, const QByteArray &content) {
        QFile file(m_directory + u'/' + name);
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
    };
    const bool written = write(u"expired.ext"_s, "subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1\n"
                                                 "basicConstraints=CA:FALSE\n"
                                                 "keyUsage=digitalSignature,keyEncipherment\n"
                                                 "extendedKeyUsage=serverAuth\n") &&
                         write(u"ca-index.txt"_s, {}) && write(u"ca-serial.txt"_s, "1000\n") &&
                         write(u"ca.cnf"_s, "[ ca ]\ndefault_ca = test_ca\n"
                                            "[ test_ca ]\ndatabase = ca-index.txt\nnew_certs_dir = .\n"
                                            "serial = ca-serial.txt\ndefault_md = sha256\npolicy = policy_any\n"
                                            "unique_subject = no\n"
                                            "[ policy_any ]\ncommonName = supplied\n");
    if (!written) {
        if (error) {
            *error = u"cannot write the files for the expired certificate in "_s + m_directory;
        }
        return false;
    }
    return run({u"req"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:prime256v1"_s, u"-nodes"_s,
                u"-keyout"_s, u"expired.key"_s, u"-out"_s, u"expired.csr"_s, u"-subj"_s, u"/CN=localhost"_s},
               error) &&
           run({u"ca"_s, u"-batch"_s, u"-config"_s, u"ca.cnf"_s, u"-cert"_s, u"ca.pem"_s, u"-keyfile"_s, u"ca.key"_s,
                u"-in"_s, u"expired.csr"_s, u"-out"_s, u"expired.pem"_s, u"-startdate"_s, u"20200101000000Z"_s,
                u"-enddate"_s, u"20210101000000Z"_s, u"-extfile"_s, u"expired.ext"_s, u"-notext"_s},
               error);
}

} // namespace SyncDesk::Testing

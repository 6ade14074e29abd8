#include "oauthtokenstore.h"

#include "config/keychain.h"
#include "config/privatefiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutexLocker>
#include <QRandomGenerator>
#include <QStandardPaths>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

SyncError storeError(const QString &message, const QString &detail = {})
{
    return SyncError::make(ErrorClass::Config, u"oauth-token-store"_s, message, detail).at(ErrorStage::Config);
}

QString fileName(const QString &address)
{
    // Addresses are lower case already; anything outside a safe set is percent-encoded, so no name can leave
    // the folder or clash with another.
    QString name;
    for (const QChar c : address.toLower()) {
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'@' || c == u'-' || c == u'_' ||
            (c == u'.' && !name.isEmpty())) {
            name.append(c);
        } else {
            for (const char byte : QString(c).toUtf8()) {
                name += u"%%1"_s.arg(uchar(byte), 2, 16, QChar(u'0'));
            }
        }
    }
    return name + u".json"_s;
}

qint64 msOf(const QDateTime &when)
{
    return when.isValid() ? when.toMSecsSinceEpoch() : 0;
}

QDateTime whenOf(const QJsonValue &value)
{
    const qint64 ms = qint64(value.toDouble());
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC) : QDateTime();
}

// Writes `data` to `path` through a private temporary file in the same folder, fsync and rename(2).
Status replaceFile(const QString &path, const QByteArray &data)
{
    const QString temporary = path + u".tmp-%1"_s.arg(QRandomGenerator::global()->generate64(), 16, 16, QChar(u'0'));
    const QByteArray native = QFile::encodeName(temporary);
    const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        return storeError(QCoreApplication::translate("SyncDesk::OAuthTokenStore", "cannot write %1: %2")
                              .arg(temporary, QString::fromLocal8Bit(std::strerror(errno))));
    }
    qsizetype written = 0;
    while (written < data.size()) {
        const ssize_t n = ::write(fd, data.constData() + written, size_t(data.size() - written));
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            const int saved = errno;
            ::close(fd);
            ::unlink(native.constData());
            return storeError(QCoreApplication::translate("SyncDesk::OAuthTokenStore", "cannot write %1: %2")
                                  .arg(temporary, QString::fromLocal8Bit(std::strerror(saved))));
        }
        written += n;
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        ::unlink(native.constData());
        return storeError(
            QCoreApplication::translate("SyncDesk::OAuthTokenStore", "cannot flush %1 to disk").arg(temporary));
    }
    if (::rename(native.constData(), QFile::encodeName(path).constData()) != 0) {
        const int saved = errno;
        ::unlink(native.constData());
        return storeError(QCoreApplication::translate("SyncDesk::OAuthTokenStore", "cannot replace %1: %2")
                              .arg(path, QString::fromLocal8Bit(std::strerror(saved))));
    }
    // The rename itself survives a crash once the folder is on disk too.
    const int dir = ::open(QFile::encodeName(QFileInfo(path).absolutePath()).constData(), O_RDONLY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    return {};
}

QString keychainEntry(const QString &address)
{
    return u"oauth:"_s + address;
}

} // namespace

OAuthTokenStore::OAuthTokenStore(const QString &directory, SecretLocation secrets)
    : m_directory(directory)
    , m_secrets(secrets)
{}

QString OAuthTokenStore::defaultDirectory(const QString &databasePath)
{
    const QString state = qEnvironmentVariable("SYNCDESK_STATE_DIR");
    if (!state.isEmpty()) {
        return QDir(state).filePath(u"oauth"_s);
    }
    if (!databasePath.isEmpty() && !databasePath.contains(u"://"_s)) {
        return QFileInfo(databasePath).absoluteDir().filePath(u"oauth"_s);
    }
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/oauth"_s;
}

std::shared_ptr<OAuthTokenStore> OAuthTokenStore::forDatabase(const QString &databasePath)
{
    const bool keychain = qEnvironmentVariable("SYNCDESK_OAUTH_TOKENS") == u"keychain"_s;
    return std::make_shared<OAuthTokenStore>(defaultDirectory(databasePath),
                                             keychain ? SecretLocation::Keychain : SecretLocation::File);
}

QString OAuthTokenStore::pathOf(const QString &address) const
{
    return QDir(m_directory).filePath(fileName(address));
}

Result<std::optional<OAuthTokenRecord>> OAuthTokenStore::load(const QString &address) const
{
    QMutexLocker locker(&m_mutex);
    QFile file(pathOf(address));
    if (!file.exists()) {
        return std::optional<OAuthTokenRecord>();
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return storeError(QCoreApplication::translate("SyncDesk::OAuthTokenStore", "cannot read %1: %2")
                              .arg(file.fileName(), file.errorString()));
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.read(1024 * 1024), &parseError);
    if (!document.isObject()) {
        return storeError(QCoreApplication::translate("SyncDesk::OAuthTokenStore", "%1 is damaged: %2; sign in again")
                              .arg(file.fileName(), parseError.errorString()));
    }
    const QJsonObject object = document.object();
    OAuthTokenRecord record;
    record.address = address;
    record.refreshToken = object.value(u"refresh_token"_s).toString();
    record.scope = object.value(u"scope"_s).toString();
    record.signedInAt = whenOf(object.value(u"signed_in_at"_s));
    record.refreshedAt = whenOf(object.value(u"refreshed_at"_s));
    record.accessExpiresAt = whenOf(object.value(u"access_expires_at"_s));
    record.refreshExpiresAt = whenOf(object.value(u"refresh_expires_at"_s));
    record.needsSignIn = object.value(u"needs_sign_in"_s).toBool();
    record.problem = object.value(u"problem"_s).toString();
    record.problemAt = whenOf(object.value(u"problem_at"_s));
    if (object.value(u"refresh_token_in"_s).toString() == u"keychain"_s) {
        locker.unlock();
        auto secret = Keychain::read(keychainEntry(address));
        if (!secret) {
            return secret.error();
        }
        record.refreshToken = secret.value();
    }
    return std::optional<OAuthTokenRecord>(record);
}

Status OAuthTokenStore::save(const OAuthTokenRecord &record)
{
    QJsonObject object{{u"address"_s, record.address},
                       {u"scope"_s, record.scope},
                       {u"signed_in_at"_s, double(msOf(record.signedInAt))},
                       {u"refreshed_at"_s, double(msOf(record.refreshedAt))},
                       {u"access_expires_at"_s, double(msOf(record.accessExpiresAt))},
                       {u"refresh_expires_at"_s, double(msOf(record.refreshExpiresAt))},
                       {u"needs_sign_in"_s, record.needsSignIn},
                       {u"problem"_s, record.problem},
                       {u"problem_at"_s, double(msOf(record.problemAt))}};
    if (m_secrets == SecretLocation::Keychain) {
        // The keychain first: a file that says "keychain" always finds the token it names.
        if (Status written = Keychain::write(keychainEntry(record.address), record.refreshToken); !written) {
            return written;
        }
        object.insert(u"refresh_token_in"_s, u"keychain"_s);
    } else {
        object.insert(u"refresh_token"_s, record.refreshToken);
    }
    QMutexLocker locker(&m_mutex);
    if (m_failWrites) {
        return storeError(QCoreApplication::translate("SyncDesk::OAuthTokenStore", "cannot write %1: %2")
                              .arg(pathOf(record.address), u"No space left on device"_s));
    }
    if (Status folder = PrivateFiles::makeFolders(m_directory); !folder) {
        return folder;
    }
    return replaceFile(pathOf(record.address), QJsonDocument(object).toJson(QJsonDocument::Indented));
}

Status OAuthTokenStore::remove(const QString &address)
{
    {
        QMutexLocker locker(&m_mutex);
        QFile file(pathOf(address));
        if (file.exists() && !file.remove()) {
            return storeError(QCoreApplication::translate("SyncDesk::OAuthTokenStore", "cannot remove %1: %2")
                                  .arg(file.fileName(), file.errorString()));
        }
    }
    if (m_secrets == SecretLocation::Keychain) {
        return Keychain::remove(keychainEntry(address));
    }
    return {};
}

QStringList OAuthTokenStore::addresses() const
{
    QMutexLocker locker(&m_mutex);
    QStringList out;
    const QStringList files = QDir(m_directory).entryList({u"*.json"_s}, QDir::Files, QDir::Name);
    for (const QString &name : files) {
        QFile file(QDir(m_directory).filePath(name));
        if (file.open(QIODevice::ReadOnly)) {
            const QString address =
                QJsonDocument::fromJson(file.read(1024 * 1024)).object().value(u"address"_s).toString();
            if (!address.isEmpty()) {
                out.append(address);
            }
        }
    }
    out.sort();
    return out;
}

} // namespace SyncDesk

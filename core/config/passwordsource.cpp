#include "passwordsource.h"

#include "keychain.h"

#include <QFile>

namespace SyncDesk {

using namespace Qt::StringLiterals;

PasswordSource PasswordSource::fromFile(const QString &absolutePath)
{
    PasswordSource source;
    source.m_kind = Kind::File;
    source.m_location = absolutePath;
    return source;
}

PasswordSource PasswordSource::fromEnvironment(const QString &variable)
{
    PasswordSource source;
    source.m_kind = Kind::Environment;
    source.m_location = variable;
    return source;
}

PasswordSource PasswordSource::fromKeychain(const QString &entry)
{
    PasswordSource source;
    source.m_kind = Kind::Keychain;
    source.m_location = entry;
    return source;
}

PasswordSource PasswordSource::parse(const QString &encoded)
{
    if (encoded.startsWith(u"file:"_s)) {
        return fromFile(encoded.mid(5));
    }
    if (encoded.startsWith(u"env:"_s)) {
        return fromEnvironment(encoded.mid(4));
    }
    if (encoded.startsWith(u"keychain:"_s)) {
        return fromKeychain(encoded.mid(9));
    }
    return {};
}

QString PasswordSource::encode() const
{
    switch (m_kind) {
    case Kind::File:
        return u"file:"_s + m_location;
    case Kind::Environment:
        return u"env:"_s + m_location;
    case Kind::Keychain:
        return u"keychain:"_s + m_location;
    case Kind::None:
        break;
    }
    return {};
}

QString PasswordSource::describe() const
{
    switch (m_kind) {
    case Kind::File:
        return u"password file "_s + m_location;
    case Kind::Environment:
        return u"environment variable "_s + m_location;
    case Kind::Keychain:
        return u"system keychain entry "_s + m_location;
    case Kind::None:
        break;
    }
    return u"no password source"_s;
}

Result<QString> PasswordSource::resolve() const
{
    switch (m_kind) {
    case Kind::File: {
        QFile file(m_location);
        if (!file.open(QIODevice::ReadOnly)) {
            return SyncError::make(ErrorClass::Config, u"password-unavailable"_s,
                                   u"cannot read the password file %1"_s.arg(m_location), file.errorString());
        }
        // The first line is the password; a trailing newline (as editors write it) is not part of it.
        QByteArray line = file.readLine(64 * 1024);
        while (line.endsWith('\n') || line.endsWith('\r')) {
            line.chop(1);
        }
        if (line.isEmpty()) {
            return SyncError::make(ErrorClass::Config, u"password-unavailable"_s,
                                   u"the password file %1 is empty"_s.arg(m_location));
        }
        return QString::fromUtf8(line);
    }
    case Kind::Environment: {
        const QByteArray name = m_location.toLocal8Bit();
        if (!qEnvironmentVariableIsSet(name.constData())) {
            return SyncError::make(ErrorClass::Config, u"password-unavailable"_s,
                                   u"the environment variable %1 is not set"_s.arg(m_location));
        }
        return qEnvironmentVariable(name.constData());
    }
    case Kind::Keychain:
        return Keychain::read(m_location);
    case Kind::None:
        break;
    }
    return SyncError::make(ErrorClass::Config, u"password-unavailable"_s, u"the mailbox has no password source"_s);
}

} // namespace SyncDesk

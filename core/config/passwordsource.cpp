#include "passwordsource.h"

#include "keychain.h"

#include <QCoreApplication>
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

namespace {

// The English text of describe(), with the location as %1 (none for Kind::None).
const char *descriptionText(PasswordSource::Kind kind)
{
    switch (kind) {
    case PasswordSource::Kind::File:
        return QT_TRANSLATE_NOOP("PasswordSource", "password file %1");
    case PasswordSource::Kind::Environment:
        return QT_TRANSLATE_NOOP("PasswordSource", "environment variable %1");
    case PasswordSource::Kind::Keychain:
        return QT_TRANSLATE_NOOP("PasswordSource", "system keychain entry %1");
    case PasswordSource::Kind::None:
        break;
    }
    return QT_TRANSLATE_NOOP("PasswordSource", "no password source");
}

} // namespace

QString PasswordSource::describe() const
{
    const QString text = QCoreApplication::translate("PasswordSource", descriptionText(m_kind));
    return m_kind == Kind::None ? text : text.arg(m_location);
}

QString PasswordSource::describeUntranslated() const
{
    const QString text = QString::fromLatin1(descriptionText(m_kind));
    return m_kind == Kind::None ? text : text.arg(m_location);
}

Result<QString> PasswordSource::resolve() const
{
    switch (m_kind) {
    case Kind::File: {
        QFile file(m_location);
        if (!file.open(QIODevice::ReadOnly)) {
            return SyncError::make(
                ErrorClass::Config, u"password-unavailable"_s,
                QCoreApplication::translate("PasswordSource", "cannot read the password file %1").arg(m_location),
                file.errorString());
        }
        // The first line is the password; a trailing newline (as editors write it) is not part of it.
        QByteArray line = file.readLine(64 * 1024);
        while (line.endsWith('\n') || line.endsWith('\r')) {
            line.chop(1);
        }
        if (line.isEmpty()) {
            return SyncError::make(
                ErrorClass::Config, u"password-unavailable"_s,
                QCoreApplication::translate("PasswordSource", "the password file %1 is empty").arg(m_location));
        }
        return QString::fromUtf8(line);
    }
    case Kind::Environment: {
        const QByteArray name = m_location.toLocal8Bit();
        if (!qEnvironmentVariableIsSet(name.constData())) {
            return SyncError::make(
                ErrorClass::Config, u"password-unavailable"_s,
                QCoreApplication::translate("PasswordSource", "the environment variable %1 is not set")
                    .arg(m_location));
        }
        return qEnvironmentVariable(name.constData());
    }
    case Kind::Keychain:
        return Keychain::read(m_location);
    case Kind::None:
        break;
    }
    return SyncError::make(ErrorClass::Config, u"password-unavailable"_s,
                           QCoreApplication::translate("PasswordSource", "the mailbox has no password source"));
}

} // namespace SyncDesk

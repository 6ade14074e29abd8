#include "storeconfig.h"

#include <QCoreApplication>
#include <QUrl>
#include <QUrlQuery>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

// The libpq connection parameters a URL may carry (https://www.postgresql.org/docs/15/libpq-connect.html),
// those that make sense for a sync node; a password is not one of them.
const QStringList &urlOptions()
{
    static const QStringList options{u"sslmode"_s,
                                     u"sslrootcert"_s,
                                     u"sslcert"_s,
                                     u"sslkey"_s,
                                     u"sslcrl"_s,
                                     u"connect_timeout"_s,
                                     u"application_name"_s,
                                     u"target_session_attrs"_s,
                                     u"keepalives"_s,
                                     u"keepalives_idle"_s,
                                     u"keepalives_interval"_s,
                                     u"keepalives_count"_s};
    return options;
}

// A database URL that cannot be used; `message` says why.
SyncError urlError(const QString &message)
{
    return SyncError::make(
        ErrorClass::Config, u"store-url"_s, message,
        //: USER, HOST, PORT and DBNAME stand for the parts of the URL; keep the rest as it is
        QCoreApplication::translate("StoreConfig",
                                    "expected postgresql://USER@HOST:PORT/DBNAME, optionally with ?sslmode=require"));
}

// location: the URL without its password.
SyncError urlError(const QString &location, const QString &what)
{
    //: %1 is the URL, %2 says what is wrong with it
    return urlError(
        QCoreApplication::translate("StoreConfig", "the database URL %1 is not usable: %2").arg(location, what));
}

} // namespace

bool StoreConfig::isUrl(const QString &location)
{
    return location.startsWith(u"postgresql://"_s, Qt::CaseInsensitive) ||
           location.startsWith(u"postgres://"_s, Qt::CaseInsensitive) || location.contains(u"://"_s);
}

Result<StoreConfig> StoreConfig::fromLocation(const QString &location)
{
    if (location.trimmed().isEmpty()) {
        return SyncError::make(ErrorClass::Config, u"store-url"_s,
                               QCoreApplication::translate("StoreConfig", "no database given"),
                               QCoreApplication::translate("StoreConfig", "give a file path or a postgresql:// URL"));
    }
    if (!isUrl(location)) {
        return sqlite(location);
    }
    const QUrl url(location, QUrl::StrictMode);
    // The message never repeats a password the URL might hold.
    if (!url.isValid()) {
        //: %1 says what is wrong with the URL
        return urlError(QCoreApplication::translate("StoreConfig", "the database URL given is not usable: %1")
                            .arg(url.errorString()));
    }
    const QString shown = url.toString(QUrl::RemovePassword);
    const QString scheme = url.scheme().toLower();
    if (scheme != u"postgresql"_s && scheme != u"postgres"_s) {
        return urlError(
            shown, QCoreApplication::translate("StoreConfig", "the scheme %1 is not supported (only postgresql://)")
                       .arg(url.scheme()));
    }
    if (!url.password().isEmpty()) {
        return SyncError::make(
            ErrorClass::Config, u"store-url"_s,
            QCoreApplication::translate("StoreConfig", "the database URL %1 contains a password").arg(shown),
            //: PGPASSWORD, ~/.pgpass, PGPASSFILE and ?password_source=keychain:ENTRY are names to keep as they are
            QCoreApplication::translate(
                "StoreConfig",
                "a password on the command line shows in the process list; put it in PGPASSWORD, "
                "~/.pgpass or PGPASSFILE, or name a keychain entry with ?password_source=keychain:ENTRY"));
    }
    StoreConfig config;
    config.backend = Backend::PostgreSQL;
    config.host = url.host(QUrl::FullyDecoded);
    if (config.host.isEmpty()) {
        return urlError(shown, QCoreApplication::translate("StoreConfig", "no host"));
    }
    config.port = url.port(5432);
    config.user = url.userName(QUrl::FullyDecoded);
    QString path = url.path(QUrl::FullyDecoded);
    if (path.startsWith(u'/')) {
        path.remove(0, 1);
    }
    if (path.isEmpty() || path.contains(u'/')) {
        return urlError(shown, QCoreApplication::translate("StoreConfig", "the path must be the database's name"));
    }
    config.database = path;
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == u"password_source"_s) {
            if (!value.startsWith(u"keychain:"_s) && !value.startsWith(u"file:"_s) && !value.startsWith(u"env:"_s)) {
                //: password_source, keychain:, file: and env: are fixed words; ENTRY, PATH and NAME stand for values
                return urlError(shown,
                                QCoreApplication::translate(
                                    "StoreConfig", "password_source must be keychain:ENTRY, file:PATH or env:NAME"));
            }
            config.passwordSource = value;
        } else if (key == u"password"_s) {
            return SyncError::make(
                ErrorClass::Config, u"store-url"_s,
                QCoreApplication::translate("StoreConfig", "the database URL contains a password"),
                //: PGPASSWORD, ~/.pgpass, PGPASSFILE and ?password_source=keychain:ENTRY are names to keep as they are
                QCoreApplication::translate(
                    "StoreConfig", "put it in PGPASSWORD, ~/.pgpass or PGPASSFILE, or name a keychain entry with "
                                   "?password_source=keychain:ENTRY"));
        } else if (urlOptions().contains(key)) {
            if (value.contains(u';') || value.contains(u'\'') || value.contains(u' ')) {
                //: %1 is the name of a URL parameter
                return urlError(shown, QCoreApplication::translate(
                                           "StoreConfig", "the value of %1 contains a character that is not allowed")
                                           .arg(key));
            }
            config.options.insert(key, value);
        } else {
            //: %1 is the parameter given, %2 the list of known ones
            return urlError(
                shown, QCoreApplication::translate("StoreConfig", "unknown parameter %1 (known: %2, password_source)")
                           .arg(key, urlOptions().join(u", "_s)));
        }
    }
    return config;
}

QString StoreConfig::describe() const
{
    if (!isPostgres()) {
        return sqlitePath;
    }
    QUrl url;
    url.setScheme(u"postgresql"_s);
    url.setHost(host);
    url.setUserName(user);
    if (port != 5432) {
        url.setPort(port);
    }
    url.setPath(u'/' + database);
    QUrlQuery query;
    for (auto it = options.cbegin(); it != options.cend(); ++it) {
        query.addQueryItem(it.key(), it.value());
    }
    if (!passwordSource.isEmpty()) {
        query.addQueryItem(u"password_source"_s, passwordSource);
    }
    url.setQuery(query);
    return url.toString();
}

} // namespace SyncDesk

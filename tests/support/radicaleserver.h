#pragma once

#include <QByteArray>
#include <QHash>
#include <QMap>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace SyncDesk::Testing {

// A private Radicale (Debian's radicale 3.1.8, CalDAV and CardDAV over plain HTTP) for tests: its own temporary
// directory with the storage and an htpasswd file (plain passwords), 127.0.0.1 on a port the kernel picks,
// owner_only rights (user X may only touch /X/...), no login delay, no web interface, and none of Debian's
// /etc/radicale/config. Started and stopped by its owner; nothing is left running when it is destroyed, nor when
// the test process dies (the server gets SIGTERM when the thread that started it ends: start it from the test's
// main thread).
//
// Radicale logs every request to stderr, which is read here whenever the owning thread's event loop runs (QTRY_*,
// QSignalSpy::wait, request(), log()). A test must not block that thread for hundreds of requests: a full pipe
// (64 KiB, about 150 requests) would stall the server.
class RadicaleServer final
{
public:
    struct Options
    {
        // false: a server without RFC 6578. REPORT sync-collection answers 403 <DAV:supported-report/>,
        // supported-report-set leaves it out and DAV:sync-token is not a property (404). CS:getctag and ETags
        // remain. Radicale has no switch for this: a small storage plugin (the stock storage) loaded with
        // --storage-type patches Radicale's REPORT and PROPFIND answers inside the server process.
        bool syncCollection = true;
    };

    // An HTTP answer; status 0 when there was none (error says why). Header names are lower-case.
    struct Reply
    {
        int status = 0;
        QByteArray body;
        QHash<QByteArray, QByteArray> headers;
        QString error;
        bool ok() const { return status >= 200 && status < 300; }
        QByteArray etag() const { return headers.value("etag"); } // with its quotes, as If-Match wants it
    };

    RadicaleServer();
    explicit RadicaleServer(const Options &options);
    ~RadicaleServer();
    RadicaleServer(const RadicaleServer &) = delete;
    RadicaleServer &operator=(const RadicaleServer &) = delete;

    // Whether /usr/bin/radicale is installed (tests skip, saying so, when it is not).
    static bool isAvailable();

    // Starts Radicale and waits (at most 15 s) until it says it is ready; false with the reason and its log.
    // After stop(), start() again keeps the storage, the users and the port.
    bool start(QString *error = nullptr);
    void stop();
    bool isRunning() const;

    QUrl url() const; // http://127.0.0.1:PORT/
    quint16 port() const { return m_port; }
    QString directory() const { return m_dir ? m_dir->path() : QString(); }
    QString log() const; // what Radicale wrote to stderr since the last start()

    // Adds or changes a user, before or after start(): Radicale's htpasswd backend reads the file again on every
    // login (radicale/auth/htpasswd.py, "the content of the file is not cached"). No ':' or newline in the name.
    void addUser(const QString &name, const QString &password);

    // One request as another client would send it (a QNetworkAccessManager and an event loop of its own, any
    // thread, Basic authentication up front, no redirects followed). `path` is resolved against url().
    // A body without a Content-Type header is sent as application/xml.
    Reply request(const QByteArray &method, const QString &path, const QString &user, const QString &password,
                  const QByteArray &body = {}, const QHash<QByteArray, QByteArray> &headers = {},
                  int timeoutMs = 15000) const;
    // PUT as text/vcard for a .vcf path, else text/calendar. ifNoneMatch "*" creates only; ifMatch must be an
    // ETag exactly as the server sent it (Radicale compares strings; "*" never matches on PUT).
    Reply put(const QString &user, const QString &password, const QString &path, const QByteArray &data,
              const QByteArray &ifMatch = {}, const QByteArray &ifNoneMatch = {}) const;
    Reply get(const QString &user, const QString &password, const QString &path) const;
    Reply remove(const QString &user, const QString &password, const QString &path,
                 const QByteArray &ifMatch = {}) const;

    // MKCALENDAR `path` (e.g. "/alice/work/") with a display name and the components it holds ("VEVENT",
    // "VTODO"; empty: Radicale's default, all). Radicale does not enforce the component set on PUT.
    bool makeCalendar(const QString &user, const QString &password, const QString &path, const QString &displayName,
                      const QStringList &components, QString *error = nullptr);
    // Extended MKCOL (RFC 5689) of an address book.
    bool makeAddressBook(const QString &user, const QString &password, const QString &path, const QString &displayName,
                         QString *error = nullptr);

private:
    bool writeFiles(QString *error);
    bool writeUsers();
    void readOutput() const;
    bool makeCollection(const QByteArray &method, const QString &user, const QString &password, const QString &path,
                        const QByteArray &body, QString *error);

    Options m_options;
    std::unique_ptr<QTemporaryDir> m_dir;
    mutable QProcess m_process;
    mutable QByteArray m_log;
    QMap<QString, QString> m_users;
    quint16 m_port = 0;
};

} // namespace SyncDesk::Testing

#include "radicaleserver.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTimer>

#include <csignal>
#include <sys/prctl.h>

namespace SyncDesk::Testing {

using namespace Qt::StringLiterals;

namespace {

const QString kRadicale = u"/usr/bin/radicale"_s;

// Options::syncCollection = false. Radicale loads its storage by module name (radicale/utils.py load_plugin); this
// module is the stock storage and, when imported, wraps the two functions that answer REPORT and build a PROPFIND
// response (radicale/app/report.py xml_report, radicale/app/propfind.py xml_propfind_response, 3.1.8). If they are
// missing in another Radicale version the import fails, so the server does not start, rather than silently
// offering sync-collection.
const char kNoSyncPlugin[] = R"PY(# SyncDesk test support: Radicale without RFC 6578 sync-collection.
import xml.etree.ElementTree as ET
from http import client

from radicale import xmlutils
from radicale.app import propfind, report
from radicale.storage.multifilesystem import Storage  # noqa: F401 (the class Radicale loads)

_stock_report = report.xml_report
_stock_response = propfind.xml_propfind_response
_clark = xmlutils.make_clark
_SYNC_COLLECTION = _clark("D:sync-collection")
_SYNC_TOKEN = _clark("D:sync-token")


def xml_report(base_prefix, path, xml_request, *args, **kwargs):
    if xml_request is not None and xml_request.tag == _SYNC_COLLECTION:
        return client.FORBIDDEN, xmlutils.webdav_error("D:supported-report")
    return _stock_report(base_prefix, path, xml_request, *args, **kwargs)


def xml_propfind_response(base_prefix, path, item, props, *args, **kwargs):
    response = _stock_response(base_prefix, path, item, props, *args, **kwargs)
    removed = False
    for propstat in response.findall(_clark("D:propstat")):
        prop = propstat.find(_clark("D:prop"))
        for reports in prop.findall(_clark("D:supported-report-set")):
            for supported in reports.findall(_clark("D:supported-report")):
                if supported.find(_clark("D:report") + "/" + _SYNC_COLLECTION) is not None:
                    reports.remove(supported)
        for token in prop.findall(_SYNC_TOKEN):
            prop.remove(token)
            removed = True
        if len(prop) == 0:
            response.remove(propstat)
    if removed and _SYNC_TOKEN in props:  # asked for by name: 404, like any unknown property
        propstat = ET.SubElement(response, _clark("D:propstat"))
        ET.SubElement(ET.SubElement(propstat, _clark("D:prop")), _SYNC_TOKEN)
        ET.SubElement(propstat, _clark("D:status")).text = xmlutils.make_response(404)
    return response


report.xml_report = xml_report
propfind.xml_propfind_response = xml_propfind_response
)PY";

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

QString collectionPath(const QString &path)
{
    QString result = path.startsWith(u'/') ? path : u'/' + path;
    return result.endsWith(u'/') ? result : result + u'/';
}

} // namespace

RadicaleServer::RadicaleServer()
    : RadicaleServer(Options{})
{}

RadicaleServer::RadicaleServer(const Options &options)
    : m_options(options)
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    // If the test dies without stopping it, Radicale follows it instead of lingering.
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
}

RadicaleServer::~RadicaleServer()
{
    stop();
}

bool RadicaleServer::isAvailable()
{
    return QFileInfo(kRadicale).isExecutable();
}

bool RadicaleServer::writeUsers()
{
    QByteArray data;
    for (auto it = m_users.cbegin(); it != m_users.cend(); ++it) {
        data += (it.key() + u':' + it.value() + u'\n').toUtf8();
    }
    return writeFile(m_dir->path() + u"/users"_s, data);
}

void RadicaleServer::addUser(const QString &name, const QString &password)
{
    m_users.insert(name, password);
    if (m_dir) {
        writeUsers();
    }
}

bool RadicaleServer::writeFiles(QString *error)
{
    if (!m_dir) {
        m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + u"/sd-radicale-XXXXXX"_s);
    }
    const QString dir = m_dir->path();
    QString problem;
    if (!m_dir->isValid()) {
        problem = u"cannot create a temporary directory: "_s + m_dir->errorString();
    } else if (!writeUsers()) {
        problem = u"cannot write "_s + dir + u"/users"_s;
    } else if (!m_options.syncCollection &&
               (!QDir().mkpath(dir + u"/python"_s) ||
                !writeFile(dir + u"/python/syncdesk_nosync.py"_s, QByteArray(kNoSyncPlugin)))) {
        problem = u"cannot write the Radicale plugin in "_s + dir + u"/python"_s;
    }
    if (!problem.isEmpty() && error) {
        *error = problem;
    }
    return problem.isEmpty();
}

bool RadicaleServer::start(QString *error)
{
    if (isRunning()) {
        return true;
    }
    auto fail = [&](const QString &why) {
        stop();
        if (error) {
            *error = why + u"\nRadicale's log:\n"_s + log().right(4000);
        }
        return false;
    };
    if (!isAvailable()) {
        if (error) {
            *error = u"Radicale is not installed (Debian's radicale)"_s;
        }
        return false;
    }
    if (!writeFiles(error)) {
        return false;
    }
    const QString dir = m_dir->path();
    // -C '': no configuration file at all (Debian's /etc/radicale/config would set remote_user auth, from_file
    // rights and TLS); everything else from the command line.
    QStringList arguments{u"-C"_s,
                          QString(),
                          u"--server-hosts"_s,
                          u"127.0.0.1:%1"_s.arg(m_port), // 0 the first time: the kernel picks, the log says which
                          u"--auth-type"_s,
                          u"htpasswd"_s,
                          u"--auth-htpasswd-filename"_s,
                          dir + u"/users"_s,
                          u"--auth-htpasswd-encryption"_s,
                          u"plain"_s,
                          u"--auth-delay"_s,
                          u"0"_s,
                          u"--rights-type"_s,
                          u"owner_only"_s,
                          u"--storage-filesystem-folder"_s,
                          dir + u"/storage"_s,
                          u"--web-type"_s,
                          u"none"_s,
                          u"--logging-level"_s,
                          u"info"_s};
    if (!m_options.syncCollection) {
        arguments += {u"--storage-type"_s, u"syncdesk_nosync"_s};
    }
    // Debian's Python (the script's shebang) with nothing from the caller's Python setup but the plugin folder.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(u"PYTHONHOME"_s);
    environment.insert(u"PYTHONPATH"_s, dir + u"/python"_s);
    environment.insert(u"PYTHONNOUSERSITE"_s, u"1"_s);
    m_process.setProcessEnvironment(environment);
    m_process.setWorkingDirectory(dir);
    m_log.clear();
    m_process.start(kRadicale, arguments);
    if (!m_process.waitForStarted(10000)) {
        return fail(u"radicale did not start: "_s + m_process.errorString());
    }
    static const QRegularExpression listening(uR"(Listening on '\[127\.0\.0\.1\]:(\d+)')"_s);
    const QDeadlineTimer deadline(15000);
    quint16 port = 0;
    bool ready = false;
    while (!ready && !deadline.hasExpired() && m_process.state() == QProcess::Running) {
        m_process.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
        readOutput();
        const QString text = QString::fromUtf8(m_log);
        if (const QRegularExpressionMatch match = listening.match(text); match.hasMatch()) {
            port = quint16(match.captured(1).toUInt());
        }
        ready = port != 0 && text.contains(u"Radicale server ready"_s);
    }
    if (!ready) {
        return fail(m_process.state() == QProcess::Running ? u"radicale was not ready within 15 s"_s
                                                           : u"radicale exited during its start"_s);
    }
    m_port = port;
    return true;
}

void RadicaleServer::stop()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate(); // SIGTERM: "Stopping Radicale", then it exits
        if (!m_process.waitForFinished(10000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    readOutput();
}

bool RadicaleServer::isRunning() const
{
    return m_process.state() == QProcess::Running;
}

QUrl RadicaleServer::url() const
{
    return QUrl(u"http://127.0.0.1:%1/"_s.arg(m_port));
}

void RadicaleServer::readOutput() const
{
    m_log += m_process.readAll();
}

QString RadicaleServer::log() const
{
    readOutput();
    return QString::fromUtf8(m_log);
}

RadicaleServer::Reply RadicaleServer::request(const QByteArray &method, const QString &path, const QString &user,
                                              const QString &password, const QByteArray &body,
                                              const QHash<QByteArray, QByteArray> &headers, int timeoutMs) const
{
    QNetworkAccessManager manager;
    manager.setProxy(QNetworkProxy::NoProxy);
    QNetworkRequest request(url().resolved(QUrl(path)));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (!user.isEmpty()) {
        request.setRawHeader("Authorization", "Basic " + (user + u':' + password).toUtf8().toBase64());
    }
    bool hasContentType = false;
    for (auto it = headers.cbegin(); it != headers.cend(); ++it) {
        request.setRawHeader(it.key(), it.value());
        hasContentType = hasContentType || it.key().compare("content-type", Qt::CaseInsensitive) == 0;
    }
    if (!body.isEmpty() && !hasContentType) {
        request.setRawHeader("Content-Type", "application/xml; charset=utf-8");
    }
    QNetworkReply *reply = manager.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, reply, &QNetworkReply::abort);
    if (!reply->isFinished()) {
        loop.exec();
    }
    Reply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    for (const auto &[name, value] : reply->rawHeaderPairs()) {
        result.headers.insert(name.toLower(), value);
    }
    if (result.status == 0) {
        result.error = reply->error() == QNetworkReply::OperationCanceledError
                           ? u"%1 %2: no answer within %3 ms"_s.arg(QString::fromLatin1(method), path).arg(timeoutMs)
                           : u"%1 %2: %3"_s.arg(QString::fromLatin1(method), path, reply->errorString());
    }
    delete reply;
    return result;
}

RadicaleServer::Reply RadicaleServer::put(const QString &user, const QString &password, const QString &path,
                                          const QByteArray &data, const QByteArray &ifMatch,
                                          const QByteArray &ifNoneMatch) const
{
    QHash<QByteArray, QByteArray> headers{
        {"Content-Type", path.endsWith(u".vcf"_s) ? "text/vcard; charset=utf-8" : "text/calendar; charset=utf-8"}};
    if (!ifMatch.isEmpty()) {
        headers.insert("If-Match", ifMatch);
    }
    if (!ifNoneMatch.isEmpty()) {
        headers.insert("If-None-Match", ifNoneMatch);
    }
    return request("PUT", path, user, password, data, headers);
}

RadicaleServer::Reply RadicaleServer::get(const QString &user, const QString &password, const QString &path) const
{
    return request("GET", path, user, password);
}

RadicaleServer::Reply RadicaleServer::remove(const QString &user, const QString &password, const QString &path,
                                             const QByteArray &ifMatch) const
{
    QHash<QByteArray, QByteArray> headers;
    if (!ifMatch.isEmpty()) {
        headers.insert("If-Match", ifMatch);
    }
    return request("DELETE", path, user, password, {}, headers);
}

bool RadicaleServer::makeCollection(const QByteArray &method, const QString &user, const QString &password,
                                    const QString &path, const QByteArray &body, QString *error)
{
    const Reply reply = request(method, collectionPath(path), user, password, body);
    if (reply.status == 201) {
        return true;
    }
    if (error) {
        *error = reply.status == 0 ? reply.error
                                   : u"%1 %2 answered %3: %4"_s.arg(QString::fromLatin1(method), collectionPath(path))
                                         .arg(reply.status)
                                         .arg(QString::fromUtf8(reply.body));
    }
    return false;
}

bool RadicaleServer::makeCalendar(const QString &user, const QString &password, const QString &path,
                                  const QString &displayName, const QStringList &components, QString *error)
{
    QString set;
    for (const QString &component : components) {
        set += u"<c:comp name=\"%1\"/>"_s.arg(component.toHtmlEscaped());
    }
    if (!set.isEmpty()) {
        set = u"<c:supported-calendar-component-set>"_s + set + u"</c:supported-calendar-component-set>"_s;
    }
    const QString body =
        u"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        "<c:mkcalendar xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\"><d:set><d:prop>"
        "<d:displayname>%1</d:displayname>%2</d:prop></d:set></c:mkcalendar>"_s.arg(displayName.toHtmlEscaped(), set);
    return makeCollection("MKCALENDAR", user, password, path, body.toUtf8(), error);
}

bool RadicaleServer::makeAddressBook(const QString &user, const QString &password, const QString &path,
                                     const QString &displayName, QString *error)
{
    const QString body =
        u"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        "<d:mkcol xmlns:d=\"DAV:\" xmlns:card=\"urn:ietf:params:xml:ns:carddav\"><d:set><d:prop>"
        "<d:resourcetype><d:collection/><card:addressbook/></d:resourcetype>"
        "<d:displayname>%1</d:displayname></d:prop></d:set></d:mkcol>"_s.arg(displayName.toHtmlEscaped());
    return makeCollection("MKCOL", user, password, path, body.toUtf8(), error);
}

} // namespace SyncDesk::Testing

// Hostile input benchmark: what a crafted mail costs a node. Today the HTML bodies that once stalled a
// worker for minutes (2 MB of "&", of "&amp;", of "<br>" then "<p>", of unclosed tags, and a mix of them),
// each decoded as an HTML-only message the way a sync does it (MimeDecoder: GMime, then HTML to text, cut
// at the 1 MB maximum), against html2text (Debian's html2text, when installed) on the same HTML in the
// same run. Then a server that trickles "* OK" after login (a scripted fake server): how long until the
// sync ends with Timeout, against the command deadline. Then a server that declares 100 bytes per message
// and sends 32 MiB (HostileImapServer, in a thread of this process), synced by `syncdesk-node sync --once`
// in a process of its own, against the same server telling the truth: time and the node's peak memory.
// Prints a table with time and peak memory and, as its last line, RESULT {json}.
//
//   bench_hostile [--size BYTES] [--no-html2text] [--deadline SECONDS] [--messages N]

#include "fakeserver.h"
#include "hostileimapserver.h"
#include "noderunner.h"
#include "processmeasure.h"
#include "protocol/mime/mimedecoder.h"
#include "synchelper.h"
#include "testconfig.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>

using namespace SyncDesk;
using namespace SyncDesk::Bench;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

// Repeats `unit` until the result is `size` bytes long (the last copy cut).
QByteArray filled(const QByteArray &unit, qsizetype size)
{
    QByteArray out = unit.repeated(size / unit.size() + 1);
    out.truncate(size);
    return out;
}

struct HtmlCase
{
    QString name;
    QByteArray html;
};

QList<HtmlCase> htmlCases(qsizetype size)
{
    return {
        {u"\"&\" only"_s, filled("&", size)},
        {u"\"&amp;\" only"_s, filled("&amp;", size)},
        {u"\"<br>\" then \"<p>\""_s, filled("<br>", size / 2) + filled("<p>", size / 2)},
        {u"unclosed tags"_s, filled("<div class=x <span ", size)},
        {u"mixed: & &amp; <br> <p> unclosed"_s, filled("a&b &amp; <br><p>c<i <p d&amp", size)},
    };
}

struct TrickleResult
{
    bool finished = false;
    double seconds = 0;
    QString outcome;
};

// A server that answers the first command after login with "* OK" every 200 ms, for ten times the
// deadline, and never completes it.
TrickleResult trickle(int deadlineSeconds, const QString &storePath)
{
    FakeServer server;
    if (!server.listen()) {
        return {};
    }
    QString script = u"S: * OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN] ready\n"
                     "C: A0001 AUTHENTICATE PLAIN *\n"
                     "S: A0001 OK [CAPABILITY IMAP4rev1] Logged in\n"
                     "C: A0002 *\n"_s;
    for (int i = 0; i < deadlineSeconds * 50; ++i) {
        script += u"X: wait 200\nS: * OK still working\n"_s;
    }
    server.addScenario(script);
    const StoreConfig store = StoreConfig::sqlite(storePath);
    Endpoint incoming;
    incoming.host = u"127.0.0.1"_s;
    incoming.port = server.port();
    incoming.security = Security::None;
    std::optional<SyncJob> job = SyncHelper::makeJob(store, incoming, u"alice"_s, u"secret"_s);
    if (!job) {
        return {};
    }
    job->tuning.commandTimeoutMs = deadlineSeconds * 1000;
    QElapsedTimer timer;
    timer.start();
    const std::optional<SyncOutcome> outcome = SyncHelper::runJob(store, *job, deadlineSeconds * 12 * 1000);
    TrickleResult result;
    result.seconds = double(timer.nsecsElapsed()) / 1e9;
    result.finished = outcome.has_value();
    result.outcome = !outcome         ? u"still running"_s
                     : outcome->error ? errorClassName(outcome->error->errorClass) + u": "_s + outcome->error->message
                                      : u"succeeded"_s;
    return result;
}

QString nodeBinary()
{
    const QString beside = QCoreApplication::applicationDirPath() + u"/../../app/syncdesk-node"_s;
    return QFile::exists(beside) ? beside : QStandardPaths::findExecutable(u"syncdesk-node"_s);
}

struct SizeResult
{
    Measurement node;
    int bodiesSent = 0;
    qint64 bytesSent = 0;
};

// `messages` messages of 32 MiB each, declared as `declaredSize`, synced once by a syncdesk-node process
// (whose peak memory the kernel reports) while the server serves from a thread of its own.
SizeResult syncSizes(const QString &node, const QString &directory, int messages, qint64 declaredSize)
{
    QThread thread;
    HostileImapServer server({messages, declaredSize, 32LL * 1024 * 1024});
    server.moveToThread(&thread);
    thread.start();
    bool listening = false;
    QMetaObject::invokeMethod(
        &server, [&] { listening = server.listen(); }, Qt::BlockingQueuedConnection);
    SizeResult result;
    if (listening) {
        TestConfig config(directory);
        config.addLoopbackProfile(u"Hostile"_s, server.port());
        config.addMailbox(u"alice@hostile.test"_s, u"Hostile"_s, u"alice"_s, u"secret"_s);
        const QString db = directory + u"/sizes.db"_s;
        if (runNode(node, db, {u"config"_s, u"import"_s, config.write()}).exitCode == 0) {
            result.node = measure(node, {u"--db"_s, db, u"sync"_s, u"--once"_s}, directory + u"/node.log"_s, 600);
        }
        QMetaObject::invokeMethod(
            &server,
            [&] {
                result.bodiesSent = server.bodiesSent();
                result.bytesSent = server.bodyBytesSent();
            },
            Qt::BlockingQueuedConnection);
    }
    QMetaObject::invokeMethod(
        &server, [&] { server.moveToThread(QCoreApplication::instance()->thread()); }, Qt::BlockingQueuedConnection);
    thread.quit();
    thread.wait();
    return result;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"What hostile mail costs a SyncDesk node, against html2text."_s);
    parser.addHelpOption();
    QCommandLineOption sizeOption(u"size"_s, u"Size of each HTML body in bytes (default 2 MiB)."_s, u"bytes"_s,
                                  QString::number(2 * 1024 * 1024));
    QCommandLineOption noHtml2text(u"no-html2text"_s, u"Do not run html2text for comparison."_s);
    QCommandLineOption deadlineOption(u"deadline"_s, u"Command deadline for the trickle case (default 10 s)."_s,
                                      u"seconds"_s, u"10"_s);
    QCommandLineOption messagesOption(
        u"messages"_s, u"Messages of 32 MiB in the hostile-size case (default 200: 6.4 GiB)."_s, u"count"_s, u"200"_s);
    parser.addOptions({sizeOption, noHtml2text, deadlineOption, messagesOption});
    parser.process(app);
    bool ok = false;
    const qsizetype size = parser.value(sizeOption).toLongLong(&ok);
    if (!ok || size < 1024) {
        std::fprintf(stderr, "--size: expected a number of bytes of at least 1024\n");
        return 2;
    }
    const QString html2text = parser.isSet(noHtml2text) ? QString() : QStandardPaths::findExecutable(u"html2text"_s);
    QTemporaryDir dir;
    if (!dir.isValid()) {
        std::fprintf(stderr, "cannot create a temporary directory\n");
        return 1;
    }

    std::printf("HTML-only bodies of %lld bytes, decoded as a sync does (text cut at %lld characters)\n\n",
                static_cast<long long>(size), static_cast<long long>(MimeDecoder::Options().maxBodyChars));
    std::printf("%-36s %12s %12s %10s %14s %14s\n", "Body", "SyncDesk s", "text chars", "truncated", "html2text s",
                "html2text MB");
    QJsonArray results;
    double worst = 0;
    for (const HtmlCase &body : htmlCases(size)) {
        const QByteArray raw = "From: a@example.test\r\nSubject: hostile\r\nMIME-Version: 1.0\r\n"
                               "Content-Type: text/html; charset=utf-8\r\n\r\n" +
                               body.html;
        QElapsedTimer timer;
        timer.start();
        const DecodedMessage decoded = MimeDecoder::decode(raw);
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        worst = std::max(worst, seconds);

        Measurement other;
        if (!html2text.isEmpty()) {
            const QString file = dir.filePath(u"body.html"_s);
            QFile out(file);
            if (out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
                out.write(body.html);
                out.close();
            }
            other = measure(html2text, {u"-utf8"_s, file}, dir.filePath(u"html2text.out"_s), 120);
        }
        const QString otherTime = !other.ran       ? u"-"_s
                                  : other.timedOut ? u"> 120 (killed)"_s
                                                   : QString::number(other.wallSeconds, 'f', 3);
        std::printf("%-36s %12.3f %12lld %10s %14s %14s\n", qPrintable(body.name), seconds,
                    static_cast<long long>(decoded.bodyText.size()), decoded.bodyTruncated ? "yes" : "no",
                    qPrintable(otherTime), other.ran ? qPrintable(QString::number(other.peakRssMb, 'f', 1)) : "-");
        QJsonObject row{{u"body"_s, body.name},
                        {u"bytes"_s, double(body.html.size())},
                        {u"seconds"_s, seconds},
                        {u"text_chars"_s, double(decoded.bodyText.size())},
                        {u"truncated"_s, decoded.bodyTruncated}};
        if (other.ran) {
            row.insert(u"html2text_seconds"_s, other.wallSeconds);
            row.insert(u"html2text_timed_out"_s, other.timedOut);
            row.insert(u"html2text_peak_rss_mb"_s, other.peakRssMb);
        }
        results.append(row);
    }
    std::printf("\nslowest body: %.3f s (target: well under 1 s)\n", worst);
    if (html2text.isEmpty()) {
        std::printf("html2text is not installed (apt-get install html2text): no comparison in this run\n");
    }

    const int deadline = qMax(1, parser.value(deadlineOption).toInt());
    const TrickleResult trickled = trickle(deadline, dir.filePath(u"trickle.db"_s));
    std::printf(
        "\nserver trickling \"* OK\" every 200 ms after login, command deadline %d s: ended after %.2f s (%s)\n",
        deadline, trickled.seconds, qPrintable(trickled.outcome));
    const int messages = qMax(1, parser.value(messagesOption).toInt());
    const QString node = nodeBinary();
    QJsonObject sizes;
    if (node.isEmpty()) {
        std::printf("\nsyncdesk-node not found: no hostile-size case in this run\n");
    } else {
        std::printf("\n%d messages of 32 MiB, synced once by syncdesk-node (default limits: 50 MiB a message, "
                    "64 MiB a session)\n",
                    messages);
        std::printf("%-36s %12s %12s %14s %12s\n", "Server", "node s", "node CPU s", "node peak MB", "GiB sent");
        for (const auto &[name, declared] :
             {std::pair{u"declares 100 bytes each (hostile)"_s, qint64(100)},
              std::pair{u"declares the true size (honest)"_s, qint64(32LL * 1024 * 1024)}}) {
            QTemporaryDir caseDir;
            const SizeResult sized = syncSizes(node, caseDir.path(), messages, declared);
            std::printf("%-36s %12.2f %12.2f %14.1f %12.2f%s\n", qPrintable(name), sized.node.wallSeconds,
                        sized.node.cpuSeconds, sized.node.peakRssMb, double(sized.bytesSent) / (1 << 30),
                        sized.node.ran && sized.node.exitCode == 0 ? "" : "  (did not finish cleanly)");
            sizes.insert(declared == 100 ? u"hostile"_s : u"honest"_s,
                         QJsonObject{{u"seconds"_s, sized.node.wallSeconds},
                                     {u"cpu_seconds"_s, sized.node.cpuSeconds},
                                     {u"peak_rss_mb"_s, sized.node.peakRssMb},
                                     {u"exit_code"_s, sized.node.exitCode},
                                     {u"bodies_sent"_s, sized.bodiesSent},
                                     {u"bytes_sent"_s, double(sized.bytesSent)}});
        }
        std::printf("target: the node's peak memory under 512 MB whatever the server declares\n");
    }
    const double peak = ownPeakRssMb();
    std::printf("peak RSS of this process: %.1f MB\n", peak);
    const QJsonObject result{{u"html"_s, results},
                             {u"slowest_html_seconds"_s, worst},
                             {u"trickle"_s, QJsonObject{{u"deadline_seconds"_s, deadline},
                                                        {u"ended_after_seconds"_s, trickled.seconds},
                                                        {u"finished"_s, trickled.finished},
                                                        {u"outcome"_s, trickled.outcome}}},
                             {u"sizes"_s, sizes},
                             {u"peak_rss_mb"_s, peak}};
    std::printf("RESULT %s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return 0;
}

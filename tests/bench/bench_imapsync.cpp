// IMAP pull benchmark: syncdesk-node against mbsync (and offlineimap when installed) on the same private
// Dovecot, in one run. Measures wall time and peak RSS of each tool's process (wait4) for a full pull of
// one mailbox of N generated messages of about 4 KB into a fresh store, a re-sync with nothing changed (the
// tools alternating round by round), and a sweep of M unchanged mailboxes with syncdesk-node. Prints a table
// and, as its last line, RESULT {json} with the figures and the ratios.
//
//   bench_imapsync [--messages 20000] [--size 4096] [--sweep 100] [--no-offlineimap] [--keep]

#include "dovecotserver.h"
#include "processmeasure.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

using namespace SyncDesk::Testing;
using SyncDesk::Bench::measure;
using SyncDesk::Bench::Measurement;
using namespace Qt::StringLiterals;

namespace {

constexpr int kRepeat = 5; // the audit and the sweep: the median of this many runs
// Re-syncs: this many rounds of every tool in turn. A re-sync is 40-100 ms, and this machine's speed moves by
// a fifth over minutes: with 9 rounds, whole runs of the same build gave ratios 0.05 apart (README, rounds 6-8).
constexpr int kResyncRounds = 25;

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

// A plausible ~`size`-byte business message, deterministic per index: mostly plain text, some
// multipart/alternative with HTML, some with a small attachment, some with encoded headers.
QByteArray makeMessage(int index, int size)
{
    static const char *const kWords[] = {"order",    "invoice", "delivery", "meeting", "contract", "quote",
                                         "customer", "support", "renewal",  "project", "schedule", "update",
                                         "payment",  "account", "review",   "proposal"};
    const int kinds = index % 10;
    QByteArray subject = "Re: " + QByteArray(kWords[index % 16]) + ' ' + QByteArray(kWords[(index / 16) % 16]) + " #" +
                         QByteArray::number(10000 + index);
    if (kinds == 3) {
        subject = "=?UTF-8?Q?Angebot_f=C3=BCr_" + QByteArray::number(index) + "?=";
    }
    QByteArray headers = "From: Customer " + QByteArray::number(index % 97) + " <customer" +
                         QByteArray::number(index % 97) + "@example.com>\r\n" +
                         "To: Bench <bench@example.test>\r\n"
                         "Subject: " +
                         subject +
                         "\r\n"
                         "Date: Mon, 2 Nov 2026 09:" +
                         QByteArray::number(10 + index % 50) +
                         ":00 +0100\r\n"
                         "Message-ID: <bench-" +
                         QByteArray::number(index) + "@example.com>\r\nMIME-Version: 1.0\r\n";
    QByteArray text;
    int word = index;
    while (text.size() < size - headers.size() - 400) {
        QByteArray line;
        while (line.size() < 70) {
            line += kWords[(word++ * 7) % 16];
            line += ' ';
        }
        text += line.trimmed() + "\r\n";
    }
    if (kinds == 1 || kinds == 5) {
        const QByteArray html =
            "<html><body><p>" + text.left(text.size() / 3).replace("\r\n", "<br>\r\n") + "</p></body></html>\r\n";
        return headers +
               "Content-Type: multipart/alternative; boundary=\"b1\"\r\n\r\n"
               "--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" +
               text.left(text.size() * 2 / 3) + "\r\n--b1\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html +
               "--b1--\r\n";
    }
    if (kinds == 7) {
        const QByteArray attachment = QByteArray(600, char('A' + index % 26)).toBase64();
        QByteArray wrapped;
        for (qsizetype i = 0; i < attachment.size(); i += 76) {
            wrapped += attachment.mid(i, 76) + "\r\n";
        }
        return headers +
               "Content-Type: multipart/mixed; boundary=\"b2\"\r\n\r\n"
               "--b2\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" +
               text.left(text.size() - 900) +
               "\r\n--b2\r\nContent-Type: application/pdf; name=\"quote.pdf\"\r\n"
               "Content-Disposition: attachment; filename=\"quote.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
               wrapped + "--b2--\r\n";
    }
    return headers + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + text;
}

// Runs the same measurement `times` times (a second apart, see settle()) and keeps the medians (see
// medianOf()): short runs are noisy.
Measurement median(int times, const std::function<Measurement()> &run);

// A re-sync happens minutes after the previous sync, not in the same second: mbsync, for one, sleeps
// until the second changes when its maildir was modified in the current one. The same pause before every
// tool's re-sync keeps that out of the figures.
// Dirty pages of the runs before are written out first (sync): the kernel makes whichever process writes
// next wait for them, which would charge one tool for another's writes.
void settle()
{
    ::sync();
    ::usleep(1100 * 1000);
}

// The median of `runs` (fresh full pulls): the run of median wall time, with the median CPU and system
// times of all runs (each taken on its own: on a busy machine the run of median wall time is not the one
// of median CPU), every run's CPU time in its note, and a failed exit if any run failed.
Measurement medianOf(const QList<Measurement> &runs)
{
    if (runs.size() == 1) {
        return runs.constFirst();
    }
    QList<Measurement> sorted = runs;
    std::sort(sorted.begin(), sorted.end(),
              [](const Measurement &a, const Measurement &b) { return a.wallSeconds < b.wallSeconds; });
    Measurement middle = sorted.at(sorted.size() / 2);
    QList<double> cpuTimes;
    QList<double> systemTimes;
    for (const Measurement &m : runs) {
        cpuTimes.append(m.cpuSeconds);
        systemTimes.append(m.systemSeconds);
    }
    std::sort(cpuTimes.begin(), cpuTimes.end());
    std::sort(systemTimes.begin(), systemTimes.end());
    middle.cpuSeconds = cpuTimes.at(cpuTimes.size() / 2);
    middle.systemSeconds = systemTimes.at(systemTimes.size() / 2);
    QStringList cpu;
    for (const Measurement &m : runs) {
        cpu.append(u"%1 (sys %2)"_s.arg(m.cpuSeconds, 0, 'f', 2).arg(m.systemSeconds, 0, 'f', 2));
        if (m.exitCode != 0) {
            middle.exitCode = m.exitCode;
        }
    }
    middle.note = u"median of %1; CPU %2"_s.arg(runs.size()).arg(cpu.join(u' '));
    return middle;
}

Measurement median(int times, const std::function<Measurement()> &run)
{
    QList<Measurement> runs;
    for (int i = 0; i < times; ++i) {
        settle();
        runs.append(run());
    }
    Measurement middle = medianOf(runs); // wall, CPU and system time each the median of its own
    middle.note = u"median of %1"_s.arg(times);
    return middle;
}

// Rounds of every measurement in turn (after a settle() each), so that all of them see the same minutes of the
// machine; each one's median (as median()) over the rounds.
QList<Measurement> alternating(int rounds, const QList<std::function<Measurement()>> &measurements)
{
    QList<QList<Measurement>> runs(measurements.size());
    for (int round = 0; round < rounds; ++round) {
        for (qsizetype i = 0; i < measurements.size(); ++i) {
            settle();
            runs[i].append(measurements.at(i)());
        }
    }
    QList<Measurement> medians;
    for (const QList<Measurement> &each : std::as_const(runs)) {
        Measurement middle = medianOf(each);
        middle.note = u"median of %1, alternating"_s.arg(rounds);
        medians.append(middle);
    }
    return medians;
}

bool writeFile(const QString &path, const QByteArray &content, QFileDevice::Permissions permissions = {})
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size()) {
        return false;
    }
    if (permissions) {
        file.setPermissions(permissions);
    }
    return true;
}

QString nodeBinary()
{
    const QString beside = QCoreApplication::applicationDirPath() + u"/../../app/syncdesk-node"_s;
    if (QFile::exists(beside)) {
        return QFileInfo(beside).canonicalFilePath();
    }
    return QStandardPaths::findExecutable(u"syncdesk-node"_s);
}

// syncdesk-node configuration: `users` mailboxes on the plain IMAP port.
QByteArray nodeConfig(const DovecotServer &server, const QStringList &users, const QString &directory)
{
    QJsonArray mailboxes;
    for (const QString &user : users) {
        const QString passwordFile = directory + u"/"_s + user + u".password"_s;
        writeFile(passwordFile, "secret-" + user.toUtf8() + '\n', QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        mailboxes.append(QJsonObject{{u"address"_s, QString(user + u"@example.test"_s)},
                                     {u"profile"_s, u"bench"_s},
                                     {u"username"_s, user},
                                     {u"password_file"_s, passwordFile}});
    }
    const QJsonObject profile{{u"name"_s, u"bench"_s},
                              {u"incoming"_s, QJsonObject{{u"protocol"_s, u"imap"_s},
                                                          {u"host"_s, u"127.0.0.1"_s},
                                                          {u"port"_s, int(server.imapPort())},
                                                          {u"security"_s, u"none"_s}}},
                              {u"max_concurrent_connections"_s, 50}};
    return QJsonDocument(QJsonObject{{u"server_profiles"_s, QJsonArray{profile}}, {u"mailboxes"_s, mailboxes}})
        .toJson();
}

QByteArray mbsyncConfig(const DovecotServer &server, const QString &user, const QString &maildir)
{
    return "IMAPAccount bench\nHost 127.0.0.1\nPort " + QByteArray::number(server.imapPort()) + "\nUser " +
           user.toUtf8() + "\nPass secret-" + user.toUtf8() +
           "\nSSLType None\nAuthMechs PLAIN LOGIN\n\n"
           "IMAPStore bench-far\nAccount bench\n\n"
           "MaildirStore bench-near\nPath " +
           QFile::encodeName(maildir) + "/\nInbox " + QFile::encodeName(maildir) +
           "/INBOX\n\n"
           "Channel bench\nFar :bench-far:\nNear :bench-near:\nPatterns INBOX\nCreate Near\nSync Pull\n"
           "SyncState *\n";
}

QByteArray offlineimapConfig(const DovecotServer &server, const QString &user, const QString &root)
{
    return "[general]\naccounts = bench\nmetadata = " + QFile::encodeName(root) +
           "/metadata\nui = quiet\n\n"
           "[Account bench]\nlocalrepository = near\nremoterepository = far\n\n"
           "[Repository near]\ntype = Maildir\nlocalfolders = " +
           QFile::encodeName(root) +
           "/mail\n\n"
           "[Repository far]\ntype = IMAP\nremotehost = 127.0.0.1\nremoteport = " +
           QByteArray::number(server.imapPort()) + "\nremoteuser = " + user.toUtf8() + "\nremotepass = secret-" +
           user.toUtf8() + "\nssl = no\nstarttls = no\nreadonly = True\nfolderfilter = lambda f: f == 'INBOX'\n";
}

// Runs `program arguments` to completion, its standard output returned and its standard error appended
// to `log`. Empty on failure.
QByteArray capture(const QString &program, const QStringList &arguments, const QString &log)
{
    QProcess process;
    process.setStandardErrorFile(log, QIODevice::Append);
    process.start(program, arguments);
    if (!process.waitForFinished(300 * 1000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        return {};
    }
    return process.readAllStandardOutput();
}

// The profile of a full pull: the same pull as the measured one into a fresh store, recorded by perf
// (cpu-clock: no hardware counters in a VM; dwarf call graphs: Debian's libraries have no frame
// pointers). Returns the report: CPU per thread, then per stage of the pull.
QString profileFullPull(const QString &node, const DovecotServer &dovecot, const QString &profileDir,
                        const QString &log)
{
    const QString perf = QStandardPaths::findExecutable(u"perf"_s);
    if (perf.isEmpty()) {
        return u"profile: perf is not installed (Debian package linux-perf; run-imap-bench.sh installs it)\n"_s;
    }
    const QString stages = QCoreApplication::applicationDirPath() + u"/perf-stages.py"_s;
    QDir().mkpath(profileDir + u"/node"_s);
    const QString db = profileDir + u"/node/syncdesk.db"_s;
    QFile::remove(db);
    writeFile(profileDir + u"/node/config.json"_s, nodeConfig(dovecot, {u"bench"_s}, profileDir + u"/node"_s));
    measure(node, {u"--db"_s, db, u"config"_s, u"import"_s, profileDir + u"/node/config.json"_s}, log);
    const QString data = profileDir + u"/full.perf.data"_s;
    const Measurement recorded = measure(perf,
                                         {u"record"_s, u"-q"_s, u"-e"_s, u"cpu-clock"_s, u"-F"_s, u"999"_s,
                                          u"--call-graph"_s, u"dwarf,16384"_s, u"-o"_s, data, u"--"_s, node, u"--db"_s,
                                          db, u"sync"_s, u"--once"_s, u"--mailbox"_s, u"bench@example.test"_s},
                                         log);
    if (recorded.exitCode != 0) {
        return u"profile: perf record failed (exit %1; see %2)\n"_s.arg(recorded.exitCode).arg(log);
    }
    const QByteArray script = capture(perf, {u"script"_s, u"-i"_s, data, u"-F"_s, u"comm,tid,ip,sym"_s}, log);
    const QString scriptFile = profileDir + u"/full.perf.txt"_s;
    writeFile(scriptFile, script);
    QProcess process;
    process.setStandardInputFile(scriptFile);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(u"python3"_s, {stages});
    process.waitForFinished(300 * 1000);
    const QByteArray top = capture(perf,
                                   {u"report"_s, u"-i"_s, data, u"--no-children"_s, u"--sort"_s, u"dso,sym"_s,
                                    u"--stdio"_s, u"--percent-limit"_s, u"1"_s, u"-g"_s, u"none"_s},
                                   log);
    QString report = u"profile of a second full pull (perf, cpu-clock, 999 Hz; data in %1)\n"_s.arg(data);
    report += QString::fromUtf8(process.readAll());
    report += u"\nself time, functions over 1%:\n"_s;
    for (const QByteArray &line : top.split('\n')) {
        if (!line.startsWith('#') && !line.trimmed().isEmpty()) {
            report += QString::fromUtf8(line) + u'\n';
        }
    }
    return report;
}

QString row(const QString &what, const Measurement &m)
{
    if (!m.ran) {
        return u"%1  %2"_s.arg(what, -44).arg(m.note.isEmpty() ? u"not run"_s : m.note);
    }
    return u"%1  %2 s  %3 MB  %4 s%5%6"_s.arg(what, -44)
        .arg(m.wallSeconds, 9, 'f', 4)
        .arg(m.peakRssMb, 8, 'f', 1)
        .arg(m.cpuSeconds, 8, 'f', 3)
        .arg(m.exitCode == 0 ? QString() : u"  (exit %1)"_s.arg(m.exitCode))
        .arg(m.note.isEmpty() ? QString() : u"  ("_s + m.note + u')');
}

QJsonObject json(const Measurement &m)
{
    if (!m.ran) {
        return QJsonObject{{u"ran"_s, false}, {u"note"_s, m.note}};
    }
    return QJsonObject{{u"wall_s"_s, std::round(m.wallSeconds * 10000) / 10000},
                       {u"peak_rss_mb"_s, std::round(m.peakRssMb * 10) / 10},
                       {u"cpu_s"_s, std::round(m.cpuSeconds * 1000) / 1000},
                       {u"sys_s"_s, std::round(m.systemSeconds * 1000) / 1000},
                       {u"exit"_s, m.exitCode}};
}

double cpuRatio(const Measurement &a, const Measurement &b)
{
    return a.ran && b.ran && b.cpuSeconds > 0 ? std::round(a.cpuSeconds / b.cpuSeconds * 1000) / 1000 : -1;
}

// The median of each pair's ratio of CPU (or wall) time, for runs that alternated: each pair saw the same
// machine, which the ratio of the two medians does not promise. -1 without pairs.
double pairedRatio(const QList<Measurement> &a, const QList<Measurement> &b, bool cpu)
{
    QList<double> ratios;
    for (qsizetype i = 0; i < qMin(a.size(), b.size()); ++i) {
        const double over = cpu ? b.at(i).cpuSeconds : b.at(i).wallSeconds;
        if (a.at(i).ran && b.at(i).ran && over > 0) {
            ratios.append((cpu ? a.at(i).cpuSeconds : a.at(i).wallSeconds) / over);
        }
    }
    if (ratios.isEmpty()) {
        return -1;
    }
    std::sort(ratios.begin(), ratios.end());
    const qsizetype n = ratios.size();
    const double middle = n % 2 ? ratios.at(n / 2) : (ratios.at(n / 2 - 1) + ratios.at(n / 2)) / 2;
    return std::round(middle * 1000) / 1000;
}

double ratio(const Measurement &a, const Measurement &b)
{
    return a.ran && b.ran && b.wallSeconds > 0 ? std::round(a.wallSeconds / b.wallSeconds * 1000) / 1000 : -1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"IMAP full-pull benchmark: syncdesk-node against mbsync and offlineimap"_s);
    parser.addHelpOption();
    parser.addOption({u"messages"_s, u"messages in the big mailbox (default 20000)"_s, u"n"_s, u"20000"_s});
    parser.addOption({u"size"_s, u"approximate message size in bytes (default 4096)"_s, u"bytes"_s, u"4096"_s});
    parser.addOption({u"sweep"_s, u"unchanged mailboxes in the sweep (default 100)"_s, u"n"_s, u"100"_s});
    parser.addOption({u"no-offlineimap"_s, u"skip offlineimap even when installed"_s});
    parser.addOption({u"no-mbsync"_s, u"skip mbsync even when installed (when tuning syncdesk-node alone)"_s});
    parser.addOption({u"dovecot-defaults"_s,
                      u"run Dovecot with a new process per connection instead of its high-performance mode"_s});
    parser.addOption(
        {u"node"_s, u"the syncdesk-node binary (default: the one built beside the benchmark)"_s, u"path"_s});
    parser.addOption({u"keep"_s, u"keep the temporary directory and print its path"_s});
    parser.addOption({u"full-repeat"_s,
                      u"full pulls of syncdesk-node, each into a fresh store; the median is reported "
                      "(default 3)"_s,
                      u"n"_s, u"3"_s});
    parser.addOption({u"profile"_s,
                      u"after the measured runs, profile a second full pull into a fresh store with perf and print "
                      "the time per thread and per stage (tests/bench/perf-stages.py); perf's own cost is not in "
                      "the measured figures"_s});
    parser.addOption({u"profile-dir"_s,
                      u"where --profile keeps perf.data and its reports (default: a temporary "
                      "directory, removed at the end unless --keep)"_s,
                      u"dir"_s});
    parser.process(app);
    const int messages = parser.value(u"messages"_s).toInt();
    const int size = parser.value(u"size"_s).toInt();
    const int sweep = parser.value(u"sweep"_s).toInt();
    const int fullRepeat = qMax(1, parser.value(u"full-repeat"_s).toInt());

    if (!DovecotServer::isAvailable()) {
        out() << "dovecot is not installed: run tests/bench/run-imap-bench.sh as root, which installs it\n";
        return 2;
    }
    const QString node = parser.isSet(u"node"_s) ? parser.value(u"node"_s) : nodeBinary();
    if (node.isEmpty()) {
        out() << "syncdesk-node not found next to the benchmark or on the PATH\n";
        return 2;
    }
    const QString mbsync = parser.isSet(u"no-mbsync"_s) ? QString() : QStandardPaths::findExecutable(u"mbsync"_s);
    const QString mbsyncMissing =
        parser.isSet(u"no-mbsync"_s) ? u"skipped (--no-mbsync)"_s : u"mbsync not installed (Debian package isync)"_s;
    const QString offlineimap =
        parser.isSet(u"no-offlineimap"_s) ? QString() : QStandardPaths::findExecutable(u"offlineimap"_s);

    QTemporaryDir work(QDir::tempPath() + u"/sd-bench-XXXXXX"_s);
    work.setAutoRemove(!parser.isSet(u"keep"_s));
    const QString dir = work.path();
    const QString log = dir + u"/tools.log"_s;

    // --- Setup: Dovecot, the big mailbox, the sweep mailboxes ----------------------------------------
    QElapsedTimer setup;
    setup.start();
    DovecotServer::Options options;
    options.highPerformance = !parser.isSet(u"dovecot-defaults"_s);
    DovecotServer dovecot(options);
    dovecot.setUser(u"bench"_s, u"secret-bench"_s);
    QStringList sweepUsers;
    for (int i = 0; i < sweep; ++i) {
        sweepUsers.append(u"sweep%1"_s.arg(i, 3, 10, QChar(u'0')));
        dovecot.setUser(sweepUsers.constLast(), u"secret-"_s + sweepUsers.constLast());
    }
    QString error;
    if (!dovecot.start(&error)) {
        out() << "cannot start Dovecot: " << error << '\n';
        return 2;
    }
    const qint64 dovecotMs = setup.elapsed();
    qint64 bytes = 0;
    if (!dovecot.bulkDeliver(
            u"bench"_s, messages,
            [&](int i) {
                QByteArray message = makeMessage(i, size);
                bytes += message.size();
                return message;
            },
            &error)) {
        out() << "cannot fill the mailbox: " << error << '\n';
        return 2;
    }
    const qint64 bigMs = setup.elapsed() - dovecotMs;
    for (const QString &user : std::as_const(sweepUsers)) {
        if (!dovecot.bulkDeliver(
                user, 5, [&](int i) { return makeMessage(100000 + i, size); }, &error)) {
            out() << "cannot fill " << user << ": " << error << '\n';
            return 2;
        }
    }
    // The tools' target folders exist before they run (and long enough before that mbsync does not wait
    // for their modification time to age).
    for (const QString &sub : {u"/mbsync/mail/INBOX/cur"_s, u"/mbsync/mail/INBOX/new"_s, u"/mbsync/mail/INBOX/tmp"_s,
                               u"/offlineimap/mail"_s, u"/node"_s, u"/sweep"_s}) {
        QDir().mkpath(dir + sub);
    }
    const qint64 setupMs = setup.elapsed();

    // --- syncdesk-node --------------------------------------------------------------------------------
    const QString nodeDir = dir + u"/node"_s;
    QDir().mkpath(nodeDir);
    const QString db = nodeDir + u"/syncdesk.db"_s;
    writeFile(nodeDir + u"/config.json"_s, nodeConfig(dovecot, {u"bench"_s}, nodeDir));
    // The full pull, `fullRepeat` times into a fresh store each (the median is kept: one run on a busy
    // machine can be off by a fifth), each followed by one of mbsync's full pulls without fsync (below): the
    // two alternate, so that both see the same machine (its speed drifts over minutes, and a run of one tool
    // after the other's many runs would compare two different machines). The re-syncs use the last store.
    const QString mbDir = dir + u"/mbsync"_s;
    QList<Measurement> fullRuns;
    QList<Measurement> noFsyncRuns;
    QString noSyncDir;
    for (int run = 0; run < fullRepeat; ++run) {
        QFile::remove(db);
        QFile::remove(db + u"-wal"_s);
        QFile::remove(db + u"-shm"_s);
        measure(node, {u"--db"_s, db, u"config"_s, u"import"_s, nodeDir + u"/config.json"_s}, log);
        settle();
        fullRuns.append(
            measure(node, {u"--db"_s, db, u"sync"_s, u"--once"_s, u"--mailbox"_s, u"bench@example.test"_s}, log));
        if (mbsync.isEmpty()) {
            continue;
        }
        // mbsync with FSync no, into a maildir of its own. The earlier ones stay until the end: removing 20,000
        // files makes ext4 skip their inodes for minutes when it allocates new ones (recently_deleted() in
        // the kernel, several seconds of system time for mbsync's next 20,000 files).
        noSyncDir = dir + u"/mbsync-nofsync-%1"_s.arg(run);
        for (const QString &sub : {u"/cur"_s, u"/new"_s, u"/tmp"_s}) {
            QDir().mkpath(noSyncDir + u"/mail/INBOX"_s + sub);
        }
        writeFile(noSyncDir + u"/mbsyncrc"_s,
                  "FSync no\n\n" + mbsyncConfig(dovecot, u"bench"_s, noSyncDir + u"/mail"_s));
        settle();
        noFsyncRuns.append(measure(mbsync, {u"-c"_s, noSyncDir + u"/mbsyncrc"_s, u"bench"_s}, log));
    }
    const Measurement nodeFull = medianOf(fullRuns);

    // --- mbsync's full pull with its default fsync of every message, once ------------------------------------
    // The pulls without fsync (above, alternating with SyncDesk's) are closer to what SyncDesk's store promises
    // (SQLite WAL with synchronous=NORMAL: durable across crashes of the process, not of the machine).
    Measurement mbsyncFull;
    Measurement mbsyncNoFsyncFull;
    if (mbsync.isEmpty()) {
        mbsyncFull.note = mbsyncNoFsyncFull.note = mbsyncMissing;
    } else {
        QDir().mkpath(mbDir + u"/mail"_s);
        writeFile(mbDir + u"/mbsyncrc"_s, mbsyncConfig(dovecot, u"bench"_s, mbDir + u"/mail"_s));
        settle();
        mbsyncFull = measure(mbsync, {u"-c"_s, mbDir + u"/mbsyncrc"_s, u"bench"_s}, log);
        mbsyncNoFsyncFull = medianOf(noFsyncRuns);
    }

    // --- Re-syncs with nothing changed, the tools alternating round by round ---------------------------------
    // Each tool's median of a block of its own, taken minutes apart, compared two different machines: this
    // one's speed drifts by a fifth over minutes, as much as the figure's margin.
    QList<std::function<Measurement()>> resyncs{[&] {
        return measure(node, {u"--db"_s, db, u"sync"_s, u"--once"_s, u"--mailbox"_s, u"bench@example.test"_s}, log);
    }};
    if (!mbsync.isEmpty()) {
        resyncs.append([&] { return measure(mbsync, {u"-c"_s, mbDir + u"/mbsyncrc"_s, u"bench"_s}, log); });
        resyncs.append([&] { return measure(mbsync, {u"-c"_s, noSyncDir + u"/mbsyncrc"_s, u"bench"_s}, log); });
    }
    const QList<Measurement> again = alternating(kResyncRounds, resyncs);
    const Measurement nodeAgain = again.at(0);
    Measurement mbsyncAgain;
    Measurement mbsyncNoFsyncAgain;
    if (mbsync.isEmpty()) {
        mbsyncAgain.note = mbsyncNoFsyncAgain.note = mbsyncMissing;
    } else {
        mbsyncAgain = again.at(1);
        mbsyncNoFsyncAgain = again.at(2);
    }
    // The audit of the unchanged folder: every UID on the server against the ledger (target: 2 s at most).
    const Measurement nodeVerify = median(kRepeat, [&] {
        return measure(node, {u"--db"_s, db, u"verify"_s, u"--mailbox"_s, u"bench@example.test"_s}, log);
    });

    // --- offlineimap ----------------------------------------------------------------------------------
    Measurement offlineFull;
    Measurement offlineAgain;
    if (offlineimap.isEmpty()) {
        offlineFull.note = offlineAgain.note = parser.isSet(u"no-offlineimap"_s)
                                                   ? u"skipped (--no-offlineimap)"_s
                                                   : u"offlineimap not installed (Debian package offlineimap3)"_s;
    } else {
        const QString oiDir = dir + u"/offlineimap"_s;
        QDir().mkpath(oiDir + u"/mail"_s);
        writeFile(oiDir + u"/offlineimaprc"_s, offlineimapConfig(dovecot, u"bench"_s, oiDir));
        offlineFull = measure(offlineimap, {u"-c"_s, oiDir + u"/offlineimaprc"_s, u"-o"_s, u"-u"_s, u"quiet"_s}, log);
        offlineAgain = median(3, [&] {
            return measure(offlineimap, {u"-c"_s, oiDir + u"/offlineimaprc"_s, u"-o"_s, u"-u"_s, u"quiet"_s}, log);
        });
    }

    // --- Sweep of unchanged mailboxes with syncdesk-node ----------------------------------------------
    const QString sweepDir = dir + u"/sweep"_s;
    QDir().mkpath(sweepDir);
    const QString sweepDb = sweepDir + u"/syncdesk.db"_s;
    writeFile(sweepDir + u"/config.json"_s, nodeConfig(dovecot, sweepUsers, sweepDir));
    measure(node, {u"--db"_s, sweepDb, u"config"_s, u"import"_s, sweepDir + u"/config.json"_s}, log);
    const Measurement sweepFirst = measure(node, {u"--db"_s, sweepDb, u"sync"_s, u"--once"_s}, log);
    const Measurement sweepUnchanged = median(kRepeat, [&] {
        return measure(node, {u"--db"_s, sweepDb, u"sync"_s, u"--once"_s}, log);
    });
    const double perMailboxMs = sweepUnchanged.ran && sweep > 0 ? sweepUnchanged.wallSeconds * 1000 / sweep : -1;

    // --- Profile (optional): a second full pull into a fresh store, under perf -----------------------------
    QString profileReport;
    if (parser.isSet(u"profile"_s)) {
        const QString profileDir =
            parser.isSet(u"profile-dir"_s) ? parser.value(u"profile-dir"_s) : dir + u"/profile"_s;
        profileReport = profileFullPull(node, dovecot, profileDir, log);
    }

    // --- Report -----------------------------------------------------------------------------------------
    out() << "IMAP pull benchmark: " << messages << " messages, " << (bytes / 1024 / 1024) << " MB ("
          << (messages ? bytes / messages : 0) << " bytes each on average), Dovecot "
          << "on loopback, plain IMAP\n";
    out() << "setup: Dovecot " << dovecotMs << " ms, big mailbox " << bigMs << " ms, " << sweep << " sweep mailboxes "
          << (setupMs - dovecotMs - bigMs) << " ms\n\n";
    out() << u"%1  %2    %3    %4"_s.arg(u"run"_s, -44).arg(u"wall"_s, 9).arg(u"peak RSS"_s, 8).arg(u"CPU"_s, 8)
          << '\n';
    out() << row(u"syncdesk-node sync --once, full pull"_s, nodeFull) << '\n';
    out() << row(u"mbsync, full pull"_s, mbsyncFull) << '\n';
    out() << row(u"mbsync with FSync no, full pull"_s, mbsyncNoFsyncFull) << '\n';
    out() << row(u"offlineimap, full pull"_s, offlineFull) << '\n';
    out() << row(u"syncdesk-node, re-sync unchanged"_s, nodeAgain) << '\n';
    out() << row(u"syncdesk-node verify, unchanged folder"_s, nodeVerify) << '\n';
    out() << row(u"mbsync, re-sync unchanged"_s, mbsyncAgain) << '\n';
    out() << row(u"mbsync with FSync no, re-sync unchanged"_s, mbsyncNoFsyncAgain) << '\n';
    out() << row(u"offlineimap, re-sync unchanged"_s, offlineAgain) << '\n';
    out() << row(u"syncdesk-node, %1 mailboxes first sync"_s.arg(sweep), sweepFirst) << '\n';
    out() << row(u"syncdesk-node, %1 unchanged mailboxes"_s.arg(sweep), sweepUnchanged) << '\n';
    out() << '\n';
    const double fullRatio = ratio(nodeFull, mbsyncFull);
    const double againRatio = ratio(nodeAgain, mbsyncAgain);
    out() << "full pull, syncdesk-node / mbsync:        " << fullRatio << "  (target <= 0.5)\n";
    out() << "re-sync unchanged, syncdesk-node / mbsync: " << againRatio << "  (target <= 0.5)\n";
    out() << "full pull, syncdesk-node / mbsync FSync no: " << ratio(nodeFull, mbsyncNoFsyncFull) << '\n';
    out() << "full pull CPU, syncdesk-node / mbsync FSync no: " << cpuRatio(nodeFull, mbsyncNoFsyncFull)
          << "  (target <= 2; wall, the line above: <= 2)\n";
    const double pairedCpu = pairedRatio(fullRuns, noFsyncRuns, true);
    const double pairedWall = pairedRatio(fullRuns, noFsyncRuns, false);
    out() << "  the same, median of the alternating pairs: CPU " << pairedCpu << ", wall " << pairedWall << '\n';
    out() << "re-sync, syncdesk-node / mbsync FSync no:   " << ratio(nodeAgain, mbsyncNoFsyncAgain) << '\n';
    out() << "full pull, syncdesk-node / offlineimap:   " << ratio(nodeFull, offlineFull) << '\n';
    out() << "peak RSS of syncdesk-node, full pull:      " << nodeFull.peakRssMb << " MB  (target <= 64)\n";
    out() << "sweep, per unchanged mailbox:              " << perMailboxMs << " ms  (target <= 3)\n";
    out() << "verify of the unchanged folder:            " << nodeVerify.wallSeconds << " s  (target <= 2)\n";
    if (!profileReport.isEmpty()) {
        out() << '\n' << profileReport;
    }
    if (parser.isSet(u"keep"_s)) {
        out() << "kept: " << dir << " (tool output in " << log << ")\n";
    }
    const QJsonObject result{
        {u"messages"_s, messages},
        {u"bytes"_s, bytes},
        {u"setup_ms"_s, setupMs},
        {u"syncdesk_full"_s, json(nodeFull)},
        {u"syncdesk_resync"_s, json(nodeAgain)},
        {u"syncdesk_verify"_s, json(nodeVerify)},
        {u"mbsync_full"_s, json(mbsyncFull)},
        {u"mbsync_resync"_s, json(mbsyncAgain)},
        {u"mbsync_nofsync_full"_s, json(mbsyncNoFsyncFull)},
        {u"mbsync_nofsync_resync"_s, json(mbsyncNoFsyncAgain)},
        {u"offlineimap_full"_s, json(offlineFull)},
        {u"offlineimap_resync"_s, json(offlineAgain)},
        {u"sweep_mailboxes"_s, sweep},
        {u"sweep_first"_s, json(sweepFirst)},
        {u"sweep_unchanged"_s, json(sweepUnchanged)},
        {u"sweep_ms_per_mailbox"_s, std::round(perMailboxMs * 1000) / 1000},
        {u"ratio_full_vs_mbsync"_s, fullRatio},
        {u"ratio_resync_vs_mbsync"_s, againRatio},
        {u"ratio_full_vs_mbsync_nofsync"_s, ratio(nodeFull, mbsyncNoFsyncFull)},
        {u"cpu_ratio_full_vs_mbsync_nofsync"_s, cpuRatio(nodeFull, mbsyncNoFsyncFull)},
        {u"paired_cpu_ratio_full_vs_mbsync_nofsync"_s, pairedCpu},
        {u"paired_ratio_full_vs_mbsync_nofsync"_s, pairedWall},
        {u"ratio_resync_vs_mbsync_nofsync"_s, ratio(nodeAgain, mbsyncNoFsyncAgain)},
        {u"ratio_full_vs_offlineimap"_s, ratio(nodeFull, offlineFull)},
        {u"repeats"_s, kRepeat},
    };
    out() << "RESULT " << QJsonDocument(result).toJson(QJsonDocument::Compact) << '\n';
    out().flush();
    const bool allRan =
        nodeFull.exitCode == 0 && nodeAgain.exitCode == 0 && sweepUnchanged.exitCode == 0 && nodeVerify.exitCode == 0;
    return allRan ? 0 : 1;
}

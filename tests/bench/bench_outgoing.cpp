// Outgoing email benchmark: syncdesk-node sends N emails of about 20 KB through a private Dovecot's
// submission service (STARTTLS, AUTH PLAIN; delivered into the recipient's INBOX over LMTP by the tests'
// relay) and appends each one's copy to Sent, against msmtp run once per message as a mail client would, with
// the same messages through the same service in the same run. Prints wall time, CPU and messages per second
// for both and the ratio; the last line is RESULT {json}. Options: --messages N (default 1000), --size BYTES
// (default 20000), --keep.

#include "dovecotserver.h"
#include "outgoing/outboxcomposer.h"
#include "processmeasure.h"
#include "store/outboxstore.h"
#include "store/store.h"
#include "testconfig.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

using namespace SyncDesk;
using namespace SyncDesk::Bench;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

const QString kPassword = u"bench-pw"_s;

QString nodeBinary()
{
    const QString beside = QCoreApplication::applicationDirPath() + u"/../../app/syncdesk-node"_s;
    if (QFile::exists(beside)) {
        return beside;
    }
    return QStandardPaths::findExecutable(u"syncdesk-node"_s);
}

// A business letter of about `size` bytes.
QString body(int index, int size)
{
    QString text = u"Dear customer,\n\nthank you for your order %1. "_s.arg(index);
    const QString sentence = u"We confirm the delivery dates, prices and terms discussed in our last meeting. "_s;
    while (text.size() < size) {
        text += sentence;
        if (text.size() % 7 == 0) {
            text += u'\n';
        }
    }
    return text.left(size) + u"\n\nKind regards,\nAna\n"_s;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{u"messages"_s, u"Emails to send (default 1000)."_s, u"N"_s},
                       {u"size"_s, u"Bytes of text per email (default 20000)."_s, u"BYTES"_s},
                       {u"keep"_s, u"Keep the temporary directory."_s}});
    parser.process(app);
    const int count = parser.isSet(u"messages"_s) ? parser.value(u"messages"_s).toInt() : 1000;
    const int size = parser.isSet(u"size"_s) ? parser.value(u"size"_s).toInt() : 20000;
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QString node = nodeBinary();
    const QString msmtp = QStandardPaths::findExecutable(u"msmtp"_s);
    if (node.isEmpty() || msmtp.isEmpty() || !DovecotServer::isAvailable() || !DovecotServer::smtpRelayAvailable()) {
        err << "bench_outgoing needs syncdesk-node, msmtp, Dovecot (submission, LMTP) and python3-aiosmtpd; "
               "scripts/test.sh installs them\n";
        return 2;
    }
    QTemporaryDir dir;
    dir.setAutoRemove(!parser.isSet(u"keep"_s));
    DovecotServer::Options options;
    options.deliverSubmissions = true;
    options.highPerformance = true;
    DovecotServer dovecot(options);
    dovecot.setUser(u"ana"_s, kPassword);
    dovecot.setUser(u"bjorn"_s, kPassword);
    QString error;
    if (!dovecot.start(&error)) {
        err << "Dovecot: " << error << "\n";
        return 1;
    }
    TestConfig config(dir.path());
    config.addProfile(u"dovecot"_s, dovecot, u"none"_s);
    config.addSubmission(u"dovecot"_s, dovecot);
    config.addMailbox(u"ana@contoso.test"_s, u"dovecot"_s, u"ana"_s, kPassword);
    const QString db = dir.filePath(u"bench.db"_s);
    const QString log = dir.filePath(u"bench.log"_s);
    if (Measurement imported = measure(node, {u"--db"_s, db, u"config"_s, u"import"_s, config.write()}, log);
        imported.exitCode != 0) {
        err << "config import failed; see " << log << "\n";
        return 1;
    }
    // The emails, composed as `email send` would (the message built once, kept in the store); msmtp sends
    // the very same bytes.
    QStringList messageFiles;
    {
        auto store = Store::open(StoreConfig::sqlite(db));
        if (!store) {
            err << store.error().toString() << "\n";
            return 1;
        }
        for (int i = 0; i < count; ++i) {
            OutgoingDraft draft;
            draft.fromAddress = u"ana@contoso.test"_s;
            draft.to = {{u"Björn Ås"_s, u"bjorn@fabrikam.test"_s}};
            draft.subject = u"Order %1 — confirmation"_s.arg(i);
            draft.bodyText = body(i, size);
            auto id = OutboxComposer(**store).compose(draft);
            if (!id) {
                err << id.error().toString() << "\n";
                return 1;
            }
            auto email = OutboxStore(**store).email(*id);
            const QString file = dir.filePath(u"msg-%1.eml"_s.arg(i));
            QFile f(file);
            if (!email || !email->has_value() || !f.open(QIODevice::WriteOnly)) {
                return 1;
            }
            f.write((*email)->rawMessage);
            messageFiles.append(file);
        }
    }
    const int before = dovecot.messageCount(u"bjorn"_s, u"INBOX"_s);

    // SyncDesk: one sync --once of the mailbox sends everything over one connection and appends the copies.
    const Measurement syncdesk =
        measure(node, {u"--db"_s, db, u"sync"_s, u"--once"_s, u"--mailbox"_s, u"ana@contoso.test"_s}, log, 1800);
    const int afterSyncDesk = dovecot.messageCount(u"bjorn"_s, u"INBOX"_s);
    const int copies = dovecot.messageCount(u"ana"_s, u"Sent"_s);

    // msmtp: one process per message, as a mail client (or a script) sends.
    const QString passwordFile = dir.filePath(u"msmtp-password"_s);
    {
        QFile f(passwordFile);
        if (!f.open(QIODevice::WriteOnly)) {
            return 1;
        }
        f.write(kPassword.toUtf8() + '\n');
    }
    const QStringList msmtpArguments{u"--host=%1"_s.arg(dovecot.host()),
                                     u"--port=%1"_s.arg(dovecot.submissionPort()),
                                     u"--tls=on"_s,
                                     u"--tls-starttls=on"_s,
                                     u"--tls-trust-file=%1"_s.arg(dovecot.caFile()),
                                     u"--auth=plain"_s,
                                     u"--user=ana"_s,
                                     u"--passwordeval=cat %1"_s.arg(passwordFile),
                                     u"--from=ana@contoso.test"_s,
                                     u"bjorn@fabrikam.test"_s};
    QElapsedTimer msmtpClock;
    msmtpClock.start();
    double msmtpCpu = 0;
    double msmtpPeak = 0;
    int msmtpFailures = 0;
    for (const QString &file : std::as_const(messageFiles)) {
        const Measurement one = measure(msmtp, msmtpArguments, log, 60, file);
        msmtpCpu += one.cpuSeconds;
        msmtpPeak = qMax(msmtpPeak, one.peakRssMb);
        msmtpFailures += one.exitCode == 0 ? 0 : 1;
    }
    const double msmtpWall = double(msmtpClock.nsecsElapsed()) / 1e9;
    const int afterMsmtp = dovecot.messageCount(u"bjorn"_s, u"INBOX"_s);

    const double ratio = msmtpWall > 0 ? syncdesk.wallSeconds / msmtpWall : 0;
    out << Qt::left;
    out << u"%1 emails of about %2 bytes through Dovecot's submission service (STARTTLS, AUTH PLAIN)\n\n"_s.arg(count)
               .arg(size);
    out << qSetFieldWidth(30) << u"tool"_s << qSetFieldWidth(10) << u"wall s"_s << u"CPU s"_s << u"msg/s"_s
        << u"peak MB"_s << qSetFieldWidth(0) << u"delivered"_s << "\n";
    out << qSetFieldWidth(30) << u"syncdesk-node sync --once"_s << qSetFieldWidth(10)
        << QString::number(syncdesk.wallSeconds, 'f', 2) << QString::number(syncdesk.cpuSeconds, 'f', 2)
        << QString::number(count / qMax(0.001, syncdesk.wallSeconds), 'f', 0)
        << QString::number(syncdesk.peakRssMb, 'f', 0) << qSetFieldWidth(0)
        << u"%1 (+%2 copies in Sent)"_s.arg(afterSyncDesk - before).arg(copies) << "\n";
    out << qSetFieldWidth(30) << u"msmtp, once per message"_s << qSetFieldWidth(10)
        << QString::number(msmtpWall, 'f', 2) << QString::number(msmtpCpu, 'f', 2)
        << QString::number(count / qMax(0.001, msmtpWall), 'f', 0) << QString::number(msmtpPeak, 'f', 0)
        << qSetFieldWidth(0) << u"%1 (%2 failed)"_s.arg(afterMsmtp - afterSyncDesk).arg(msmtpFailures) << "\n";
    out << "\nsyncdesk-node / msmtp wall time: " << QString::number(ratio, 'f', 3) << " (target at most 0.333)\n";
    const QJsonObject result{
        {u"messages"_s, count},
        {u"size"_s, size},
        {u"syncdesk_wall_s"_s, syncdesk.wallSeconds},
        {u"syncdesk_cpu_s"_s, syncdesk.cpuSeconds},
        {u"syncdesk_peak_mb"_s, syncdesk.peakRssMb},
        {u"syncdesk_delivered"_s, afterSyncDesk - before},
        {u"syncdesk_sent_copies"_s, copies},
        {u"msmtp_wall_s"_s, msmtpWall},
        {u"msmtp_cpu_s"_s, msmtpCpu},
        {u"msmtp_delivered"_s, afterMsmtp - afterSyncDesk},
        {u"wall_ratio"_s, ratio},
    };
    out << "RESULT " << QJsonDocument(result).toJson(QJsonDocument::Compact) << "\n";
    out.flush();
    return afterSyncDesk - before == count && copies == count ? 0 : 1;
}

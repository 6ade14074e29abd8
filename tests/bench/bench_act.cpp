// ACT benchmark (issue 16): a mailbox's first sync of N appointments and N contacts with a private Radicale, both
// ways (the CRM's records written to an empty calendar and address book; the server's items taken into an empty
// CRM), and a re-sync with nothing changed, with wall time and the requests sent. vdirsyncer (Debian's
// vdirsyncer, a CalDAV/CardDAV sync tool) copies the same calendar and address book to local folders in the same
// run, for comparison. Options: --items N (default 2000), --keep. The last line is RESULT {json}.

#include "act/actfields.h"
#include "act/actsync.h"
#include "radicaleserver.h"
#include "store/actstore.h"
#include "store/crmstore.h"
#include "store/store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

using namespace SyncDesk;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

const QString kPassword = u"bench-pw"_s;

struct Setup
{
    std::unique_ptr<Store> store;
    Mailbox mailbox;
    ServerProfile profile;
};

Setup makeStore(const QString &path, const QUrl &dav, const QString &user)
{
    Setup s;
    auto opened = Store::open(StoreConfig::sqlite(path));
    if (!opened) {
        qFatal("store: %s", qPrintable(opened.error().toString()));
    }
    s.store = std::move(opened).value();
    s.profile.name = u"radicale"_s;
    s.profile.incoming.host = u"localhost"_s;
    s.profile.incoming.port = 143;
    s.profile.act = ActEndpoint{dav, {}};
    s.profile.id = *s.store->upsertProfile(s.profile);
    s.mailbox.address = user + u"@contoso.test"_s;
    s.mailbox.profileId = s.profile.id;
    s.mailbox.username = user;
    s.mailbox.passwordSource = u"env:SYNCDESK_BENCH_DAV_PASSWORD"_s;
    s.mailbox.ownerType = u"systemuser"_s;
    s.mailbox.ownerKey = user;
    ActSettings settings;
    settings.appointments = ActDirection::Both;
    settings.contacts = ActDirection::Both;
    settings.tasks = ActDirection::None;
    s.mailbox.act = settings;
    s.mailbox.id = *s.store->upsertMailbox(s.mailbox);
    CrmStore crm(*s.store);
    (void)crm.upsertRecords({{0, u"systemuser"_s, user, user, s.mailbox.address, {}, u"sales"_s, {}, {}, {}}});
    return s;
}

void fillCrm(Setup &s, int items)
{
    ActStore act(*s.store);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    (void)s.store->transaction([&]() -> Status {
        for (int i = 0; i < items; ++i) {
            Appointment a;
            a.subject = u"Customer meeting %1"_s.arg(i);
            a.start = QDateTime(QDate(2027, 1, 4), QTime(9, 0), Qt::UTC).addSecs(qint64(i) * 3600 * 5);
            a.end = a.start.addSecs(3600);
            a.timeZone = u"Europe/Berlin"_s;
            a.location = u"Room %1"_s.arg(i % 12);
            a.description = u"Agenda: figures, next steps, offer %1."_s.arg(i);
            a.attendees = {{u"guest%1@fabrikam.test"_s.arg(i), u"Guest %1"_s.arg(i), u"accepted"_s, u"required"_s}};
            a.ownerKey = s.mailbox.ownerKey;
            if (Status saved = act.saveAppointment(a, now); !saved) {
                return saved;
            }
            CrmRecord contact;
            contact.type = u"contact"_s;
            contact.key = u"c%1"_s.arg(i);
            ContactCard card;
            card.formattedName = u"Contact Person %1"_s.arg(i);
            card.givenName = u"Contact"_s;
            card.familyName = u"Person %1"_s.arg(i);
            card.emails = {u"person%1@fabrikam.test"_s.arg(i)};
            card.phones = {{u"work"_s, u"+49 30 %1"_s.arg(100000 + i)}};
            card.company = u"Fabrikam"_s;
            card.address = {u"Street %1"_s.arg(i), u"Berlin"_s, {}, u"10115"_s, u"Germany"_s};
            ActFields::contactToRecord(card, contact);
            contact.ownerKey = s.mailbox.ownerKey;
            if (auto saved = act.saveContact(contact, now); !saved) {
                return saved.error();
            }
        }
        return {};
    });
}

struct Measured
{
    ActResult result;
    qint64 ms = 0;
};

Measured run(Setup &s)
{
    QElapsedTimer timer;
    timer.start();
    auto mailbox = s.store->mailbox(s.mailbox.id);
    ActSync sync(*s.store, **mailbox, s.profile, 60000);
    Measured m{sync.run(), 0};
    m.ms = timer.elapsed();
    if (m.result.error) {
        qFatal("ACT sync failed: %s (%s)", qPrintable(m.result.error->toString()), qPrintable(m.result.error->detail));
    }
    return m;
}

QString collectionOf(Store &store, qint64 mailboxId, ActKind kind)
{
    auto collections = ActStore(store).collections(mailboxId);
    for (const auto &c : *collections) {
        if (c.kind == kind) {
            return QUrl(c.url).path();
        }
    }
    return {};
}

// vdirsyncer syncing a local calendar folder and address book folder with a user's collections (whichever side
// is empty is filled from the other): wall time in ms, -1 when it is missing or fails (why in *note).
qint64 vdirsyncer(const QString &dir, const QString &localCalendar, const QString &localCards, const QUrl &dav,
                  const QString &user, const QString &calendar, const QString &addressbook, QString *note)
{
    const QString binary = QStandardPaths::findExecutable(u"vdirsyncer"_s);
    if (binary.isEmpty()) {
        *note = u"vdirsyncer is not installed (tests/bench/run-act-bench.sh installs it)"_s;
        return -1;
    }
    QDir(dir).mkpath(u"status"_s);
    QDir().mkpath(localCalendar);
    QDir().mkpath(localCards);
    const QString base = dav.toString();
    const QString server = base.endsWith(u'/') ? base.chopped(1) : base;
    QFile config(dir + u"/config"_s);
    if (!config.open(QIODevice::WriteOnly)) {
        *note = u"cannot write "_s + config.fileName();
        return -1;
    }
    config.write(QStringLiteral("[general]\nstatus_path = \"%1/status\"\n\n"
                                "[pair cal]\na = \"cal_local\"\nb = \"cal_remote\"\ncollections = null\n\n"
                                "[storage cal_local]\ntype = \"filesystem\"\npath = \"%2\"\nfileext = \".ics\"\n\n"
                                "[storage cal_remote]\ntype = \"caldav\"\nurl = \"%3%4\"\nusername = \"%5\"\n"
                                "password = \"%6\"\n\n"
                                "[pair card]\na = \"card_local\"\nb = \"card_remote\"\ncollections = null\n\n"
                                "[storage card_local]\ntype = \"filesystem\"\npath = \"%7\"\nfileext = \".vcf\"\n\n"
                                "[storage card_remote]\ntype = \"carddav\"\nurl = \"%3%8\"\nusername = \"%5\"\n"
                                "password = \"%6\"\n")
                     .arg(dir, localCalendar, server, calendar, user, kPassword, localCards, addressbook)
                     .toUtf8());
    config.close();
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    // Waited for in an event loop: Radicale's log is read by this thread's events meanwhile (a blocking wait would
    // let its pipe fill and stall the server).
    auto wait = [&process](int ms) {
        QEventLoop loop;
        QTimer::singleShot(ms, &loop, &QEventLoop::quit);
        QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
        if (process.state() != QProcess::NotRunning) {
            loop.exec();
        }
        return process.state() == QProcess::NotRunning;
    };
    QElapsedTimer timer;
    timer.start();
    // vdirsyncer learns the collections of each pair first (nothing to create: both sides exist).
    process.start(binary, {u"-c"_s, config.fileName(), u"discover"_s});
    process.closeWriteChannel();
    if (!wait(600000) || process.exitCode() != 0) {
        *note = u"vdirsyncer discover failed: "_s + QString::fromUtf8(process.readAll().right(600));
        return -1;
    }
    process.start(binary, {u"-c"_s, config.fileName(), u"sync"_s});
    if (!wait(1800000) || process.exitCode() != 0) {
        *note = u"vdirsyncer failed: "_s + QString::fromUtf8(process.readAll().right(600));
        return -1;
    }
    return timer.elapsed();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({u"items"_s, u"appointments and contacts each (default 2000)"_s, u"N"_s, u"2000"_s});
    parser.addOption({u"keep"_s, u"keep the temporary directory"_s});
    parser.process(app);
    const int items = parser.value(u"items"_s).toInt();
    QTextStream out(stdout);
    qputenv("SYNCDESK_BENCH_DAV_PASSWORD", kPassword.toUtf8());
    QTemporaryDir dir;
    dir.setAutoRemove(!parser.isSet(u"keep"_s));
    RadicaleServer radicale;
    radicale.addUser(u"writer"_s, kPassword);
    radicale.addUser(u"reader"_s, kPassword);
    QString error;
    if (!radicale.start(&error)) {
        qFatal("Radicale: %s", qPrintable(error));
    }

    // 1. To the server: the CRM's N appointments and N contacts into an empty calendar and address book.
    Setup writer = makeStore(dir.filePath(u"writer.db"_s), radicale.url(), u"writer"_s);
    fillCrm(writer, items);
    const Measured toServer = run(writer);
    // The first re-sync sees this engine's own writes come back (the token predates them), the next nothing.
    const Measured echo = run(writer);
    const Measured unchanged = run(writer);

    // 2. From the server: the same calendar and address book (copied by the server's owner into reader's) into an
    //    empty CRM. The reader's collections are filled by a SyncDesk of its own with the CRM records, then a fresh
    //    store takes them from the server.
    Setup seed = makeStore(dir.filePath(u"seed.db"_s), radicale.url(), u"reader"_s);
    fillCrm(seed, items);
    (void)run(seed);
    Setup reader = makeStore(dir.filePath(u"reader.db"_s), radicale.url(), u"reader"_s);
    // The fresh store finds the same collections (discovery), then takes every item.
    const Measured fromServer = run(reader);
    const Measured readerUnchanged = run(reader);
    const Measured readerSteady = run(reader);
    // Radicale's own floor for a quiet re-sync: the cheapest question one can ask a collection (a PROPFIND of its
    // CS:getctag, depth 0), once per collection, timed from here. Radicale computes it over every item, as it does
    // the sync-collection answer.
    QElapsedTimer floorTimer;
    floorTimer.start();
    for (ActKind kind : {ActKind::Appointment, ActKind::Contact}) {
        const auto reply = radicale.request(
            "PROPFIND", collectionOf(*reader.store, reader.mailbox.id, kind), u"reader"_s, kPassword,
            R"(<?xml version="1.0"?><d:propfind xmlns:d="DAV:" xmlns:cs="http://calendarserver.org/ns/">)"
            R"(<d:prop><cs:getctag/></d:prop></d:propfind>)",
            {{"Depth", "0"}});
        if (reply.status != 207) {
            qFatal("PROPFIND getctag: %d %s", reply.status, qPrintable(reply.error));
        }
    }
    const qint64 serverFloorMs = floorTimer.elapsed();

    // vdirsyncer: the reader's calendar and address book down into empty folders, then those folders up into a
    // third user's empty collections (the same items as SyncDesk's first sync to the server).
    QString note;
    const QString calendarPath = collectionOf(*reader.store, reader.mailbox.id, ActKind::Appointment);
    const QString cardsPath = collectionOf(*reader.store, reader.mailbox.id, ActKind::Contact);
    const qint64 vdirDown =
        vdirsyncer(dir.filePath(u"vdir-down"_s), dir.filePath(u"local/cal"_s), dir.filePath(u"local/card"_s),
                   radicale.url(), u"reader"_s, calendarPath, cardsPath, &note);
    radicale.addUser(u"uploader"_s, kPassword);
    radicale.makeCalendar(u"uploader"_s, kPassword, u"/uploader/calendar/"_s, u"Calendar"_s, {u"VEVENT"_s});
    radicale.makeAddressBook(u"uploader"_s, kPassword, u"/uploader/contacts/"_s, u"Contacts"_s);
    const qint64 vdirUp = vdirDown < 0 ? -1
                                       : vdirsyncer(dir.filePath(u"vdir-up"_s), dir.filePath(u"local/cal"_s),
                                                    dir.filePath(u"local/card"_s), radicale.url(), u"uploader"_s,
                                                    u"/uploader/calendar/"_s, u"/uploader/contacts/"_s, &note);

    out << "ACT sync against a private Radicale "
        << "(" << items << " appointments and " << items << " contacts)\n\n";
    out << qSetFieldWidth(44) << Qt::left << "" << qSetFieldWidth(12) << Qt::right << "wall ms"
        << "requests"
        << "written"
        << "taken" << qSetFieldWidth(0) << "\n";
    auto row = [&](const QString &what, const Measured &m) {
        out << qSetFieldWidth(44) << Qt::left << what << qSetFieldWidth(12) << Qt::right << m.ms << m.result.requests
            << m.result.toServer << m.result.fromServer << qSetFieldWidth(0) << "\n";
    };
    row(u"first sync, CRM -> empty server"_s, toServer);
    row(u"re-sync, its own writes echoed"_s, echo);
    row(u"re-sync, nothing changed"_s, unchanged);
    row(u"first sync, server -> empty CRM"_s, fromServer);
    row(u"re-sync, nothing changed"_s, readerUnchanged);
    row(u"re-sync, nothing changed (again)"_s, readerSteady);
    out << qSetFieldWidth(44) << Qt::left << "Radicale alone: getctag of each collection" << qSetFieldWidth(12)
        << Qt::right << serverFloorMs << 2 << qSetFieldWidth(0) << "\n";
    auto toolRow = [&](const QString &what, qint64 ms) {
        out << qSetFieldWidth(44) << Qt::left << what << qSetFieldWidth(12) << Qt::right << ms << qSetFieldWidth(0)
            << "\n";
    };
    if (vdirDown >= 0) {
        toolRow(u"vdirsyncer, server -> empty folders"_s, vdirDown);
    }
    if (vdirUp >= 0) {
        toolRow(u"vdirsyncer, folders -> empty server"_s, vdirUp);
    }
    if (!note.isEmpty()) {
        out << note << "\n";
    }
    const QJsonObject result{
        {u"items"_s, items},
        {u"to_server_ms"_s, toServer.ms},
        {u"to_server_requests"_s, toServer.result.requests},
        {u"echo_ms"_s, echo.ms},
        {u"echo_requests"_s, echo.result.requests},
        {u"unchanged_ms"_s, unchanged.ms},
        {u"from_server_steady_ms"_s, readerSteady.ms},
        {u"radicale_getctag_ms"_s, serverFloorMs},
        {u"unchanged_requests"_s, unchanged.result.requests},
        {u"from_server_ms"_s, fromServer.ms},
        {u"from_server_requests"_s, fromServer.result.requests},
        {u"from_server_unchanged_ms"_s, readerUnchanged.ms},
        {u"from_server_unchanged_requests"_s, readerUnchanged.result.requests},
        {u"vdirsyncer_down_ms"_s, vdirDown},
        {u"vdirsyncer_up_ms"_s, vdirUp},
    };
    out << "RESULT " << QJsonDocument(result).toJson(QJsonDocument::Compact) << "\n";
    return 0;
}

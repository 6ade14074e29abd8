// The real scheduler, workers and store against a real Dovecot, on a schedule 600 times faster than
// real time: a mailbox receiving mail all the time gets a short interval, one receiving none a long one.

#include "dovecotserver.h"
#include "mailfactory.h"
#include "scheduler/syncengine.h"
#include "store/store.h"
#include "synchelper.h"
#include "testconfig.h"
#include "teststore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

using namespace SyncDesk;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

// Delivers mail to one user at a steady rate, from a thread of its own (doveadm blocks).
class MailPump final : public QObject
{
public:
    MailPump(DovecotServer &server, const QString &user, int perSecond)
        : m_server(server)
        , m_user(user)
    {
        m_timer.setInterval(1000 / perSecond);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            m_server.deliver(m_user, u"INBOX"_s,
                             MailFactory::build(MailFactory::realistic(m_user + u"@sched.test"_s, m_count++,
                                                                       QDateTime::currentDateTimeUtc())));
        });
    }
    void start() { m_timer.start(); }
    void stop() { m_timer.stop(); }
    int delivered() const { return m_count; }

private:
    DovecotServer &m_server;
    QString m_user;
    QTimer m_timer{this};
    int m_count = 0;
};

} // namespace

class TestSchedulerDovecot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void busyAndQuietMailboxesGetDifferentIntervals();
};

void TestSchedulerDovecot::busyAndQuietMailboxesGetDifferentIntervals()
{
    if (!DovecotServer::isAvailable()) {
        QSKIP("dovecot is not installed: run scripts/test.sh, which installs it");
    }
    DovecotServer dovecot;
    dovecot.setUser(u"busy"_s, u"pw"_s);
    dovecot.setUser(u"quiet"_s, u"pw"_s);
    QString error;
    QVERIFY2(dovecot.start(&error), qPrintable(error));
    for (const QString &user : {u"busy"_s, u"quiet"_s}) {
        for (int i = 0; i < 3; ++i) {
            QVERIFY(dovecot.deliver(user, u"INBOX"_s,
                                    MailFactory::build(MailFactory::realistic(user + u"@sched.test"_s, 1000 + i,
                                                                              QDateTime::currentDateTimeUtc()))));
        }
    }
    QTemporaryDir dir;
    SYNCDESK_NEW_STORE(store, dir.path(), u"sched.db"_s);
    TestConfig config(dir.filePath(u"cfg"_s));
    config.addProfile(u"local"_s, dovecot, u"none"_s);
    config.addMailbox(u"busy@sched.test"_s, u"local"_s, u"busy"_s, u"pw"_s);
    config.addMailbox(u"quiet@sched.test"_s, u"local"_s, u"quiet"_s, u"pw"_s);
    const QString imported = SyncHelper::importConfig(store, config.write());
    QVERIFY2(imported.isEmpty(), qPrintable(imported));

    // 1/600: a 5-minute interval takes 0.5 s, two minutes 0.2 s, an hour 6 s.
    EngineSettings settings;
    settings.store = store;
    settings.scheduler.intervals.scale = 1.0 / 600.0;
    settings.scheduler.pollIntervalMs = 100;
    settings.scheduler.workerThreads = 2;
    settings.scheduler.seed = 1;
    SyncEngine engine(settings);

    QThread pumpThread;
    MailPump pump(dovecot, u"busy"_s, 25); // 25 a second: 12 in a normal (0.5 s) interval, so busy
    pump.moveToThread(&pumpThread);
    pumpThread.start();
    QMetaObject::invokeMethod(
        &pump, [&pump] { pump.start(); }, Qt::BlockingQueuedConnection);
    QVERIFY(engine.start());

    auto state = [&](const QString &address) {
        auto opened = Store::open(store);
        if (!opened) {
            return MailboxState();
        }
        auto mailbox = (*opened)->mailboxByAddress(address);
        if (!mailbox || !mailbox->has_value()) {
            return MailboxState();
        }
        auto loaded = (*opened)->mailboxState((*mailbox)->id);
        return loaded ? loaded.value() : MailboxState();
    };
    // The quiet mailbox goes quiet once it saw nothing new for an hour of schedule (6 s here).
    QTRY_VERIFY_WITH_TIMEOUT(state(u"busy@sched.test"_s).intervalReason == IntervalReason::Busy &&
                                 state(u"quiet@sched.test"_s).intervalReason == IntervalReason::Quiet,
                             45000);
    const MailboxState busy = state(u"busy@sched.test"_s);
    const MailboxState quiet = state(u"quiet@sched.test"_s);
    QMetaObject::invokeMethod(
        &pump, [&pump] { pump.stop(); }, Qt::BlockingQueuedConnection);
    pumpThread.quit();
    pumpThread.wait();
    QSignalSpy stopped(&engine, &SyncEngine::stopped);
    engine.stop();
    QVERIFY(stopped.wait(20000));

    qInfo("busy: %lld ms (%s, %.1f new items a minute); quiet: %lld ms (%s)", busy.intervalMs,
          qPrintable(intervalReasonName(busy.intervalReason)), busy.itemsPerMinute, quiet.intervalMs,
          qPrintable(intervalReasonName(quiet.intervalReason)));
    QVERIFY(busy.intervalMs < 500);     // below the normal interval...
    QVERIFY(busy.intervalMs >= 200);    // ...but never below the minimum
    QVERIFY(quiet.intervalMs > 500);    // above it...
    QVERIFY(quiet.intervalMs <= 1150);  // ...but within the guarantee
    QVERIFY(busy.itemsPerMinute > 300); // 25 a second is 1,500 a minute of mail, measured roughly
    QCOMPARE(quiet.itemsPerMinute, 0.0);
    QVERIFY(busy.lastNewItemAt > quiet.lastNewItemAt);
    QVERIFY(pump.delivered() > 25);
}

QTEST_GUILESS_MAIN(TestSchedulerDovecot)
#include "tst_schedulerdovecot.moc"

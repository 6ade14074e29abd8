// A server outage across engines (issue 13: "the outage breaker across all engines"), on SQLite and (as
// tst_sharedoutage_postgresql) on PostgreSQL: two real MailboxSchedulers on one store, each with its own
// connection, with simulated syncs (WorkerPool's simulation seam) so that the server can be down and back
// on cue. Engine A finds the server of profile "down" failing and opens its incident; engine B, started
// during the outage, follows it: among both engines there is one probe at a time, never a burst of B's
// due mailboxes. When the server answers again, both engines release what they held back and the
// incident closes.

#include "scheduler/clock.h"
#include "scheduler/mailboxscheduler.h"
#include "scheduler/schedulersettings.h"
#include "scheduler/workerpool.h"
#include "store/diagnosticsstore.h"
#include "store/store.h"
#include "teststore.h"

#include <QHash>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <memory>

using namespace SyncDesk;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

QString why(const SyncError &error)
{
    return error.toString();
}

constexpr int kDownMailboxes = 12;

} // namespace

class TestSharedOutage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void engineJoiningAnOutageProbesOnceAmongAll();

private:
    struct Engine
    {
        std::unique_ptr<Store> store;
        std::unique_ptr<WorkerPool> pool;
        std::unique_ptr<MailboxScheduler> scheduler;
    };
    std::unique_ptr<Engine> startEngine(const QString &node);
    bool profileInOutage(const Engine &engine) const;

    StoreConfig m_config;
    QTemporaryDir m_dir;
    SystemClock m_clock;
    qint64 m_downProfile = 0;
    QSet<qint64> m_downMailboxes;
    std::atomic<bool> m_serverDown{true};
    int m_runningOnDown = 0; // across both engines
    int m_peak = 0;
    bool m_measuring = false;
    int m_startsWhileMeasuring = 0;
    QHash<qint64, qint64> m_lastSuccess; // mailbox → when a run of it last succeeded
};

void TestSharedOutage::initTestCase()
{
    qInfo("backend: %s", qPrintable(TestStore::backendName()));
    QVERIFY(m_dir.isValid());
    SYNCDESK_NEW_STORE(config, m_dir.path(), u"outage.db"_s);
    m_config = config;
    auto store = Store::open(m_config);
    QVERIFY2(store.ok(), store.ok() ? "" : qPrintable(why(store.error())));
    for (const QString &name : {u"down"_s, u"up"_s}) {
        ServerProfile profile;
        profile.name = name;
        profile.incoming.host = name + u".example.test"_s;
        profile.incoming.port = 993;
        profile.maxConcurrentConnections = 10;
        auto profileId = (*store)->upsertProfile(profile);
        QVERIFY(profileId.ok());
        const int count = name == u"down"_s ? kDownMailboxes : 4;
        for (int i = 0; i < count; ++i) {
            Mailbox mailbox;
            mailbox.address = u"%1%2@example.test"_s.arg(name).arg(i);
            mailbox.profileId = *profileId;
            mailbox.username = mailbox.address;
            mailbox.passwordSource = u"env:TEST_PW"_s;
            auto id = (*store)->upsertMailbox(mailbox);
            QVERIFY(id.ok());
            if (name == u"down"_s) {
                m_downProfile = *profileId;
                m_downMailboxes.insert(*id);
            }
        }
    }
}

std::unique_ptr<TestSharedOutage::Engine> TestSharedOutage::startEngine(const QString &node)
{
    auto engine = std::make_unique<Engine>();
    auto store = Store::open(m_config);
    if (!store) {
        qWarning("%s", qPrintable(why(store.error())));
        return nullptr;
    }
    engine->store = std::move(store.value());
    // A sync takes 200 ms; while the server is down, every sync of profile "down" fails to connect.
    engine->pool = std::make_unique<WorkerPool>(4, [this](const SyncJob &job, SyncOutcome &outcome) -> qint64 {
        outcome.startedAt = QDateTime::currentDateTimeUtc();
        outcome.finishedAt = outcome.startedAt.addMSecs(200);
        if (job.mailbox.profileId == m_downProfile && m_serverDown) {
            outcome.error = SyncError::make(ErrorClass::Network, u"network-refused"_s,
                                            u"connection refused by down.example.test:993"_s);
        }
        return 200;
    });
    SchedulerSettings settings;
    settings.intervals.scale = 1.0 / 60; // a minute in a second: retries after 1 s, syncs every 5 s
    settings.heartbeatSeconds = 1;
    settings.pollIntervalMs = 100;
    settings.auditIntervalSeconds = 0;
    settings.maintenanceIntervalSeconds = 0;
    engine->scheduler = std::make_unique<MailboxScheduler>(*engine->store, *engine->pool, m_clock, settings, node);
    MailboxScheduler *scheduler = engine->scheduler.get();
    connect(scheduler, &MailboxScheduler::syncStarted, this, [this](qint64 mailboxId) {
        if (!m_downMailboxes.contains(mailboxId)) {
            return;
        }
        ++m_runningOnDown;
        if (m_measuring) {
            m_peak = std::max(m_peak, m_runningOnDown);
            ++m_startsWhileMeasuring;
        }
    });
    connect(scheduler, &MailboxScheduler::syncFinished, this, [this](const SyncOutcome &outcome) {
        if (!m_downMailboxes.contains(outcome.mailboxId)) {
            return;
        }
        --m_runningOnDown;
        if (outcome.succeeded()) {
            m_lastSuccess.insert(outcome.mailboxId, QDateTime::currentMSecsSinceEpoch());
        }
    });
    scheduler->start();
    return engine;
}

bool TestSharedOutage::profileInOutage(const Engine &engine) const
{
    for (const ProfileSnapshot &profile : engine.scheduler->snapshot().profiles) {
        if (profile.id == m_downProfile) {
            return profile.outage;
        }
    }
    return false;
}

void TestSharedOutage::engineJoiningAnOutageProbesOnceAmongAll()
{
    auto observer = Store::open(m_config);
    QVERIFY(observer.ok());
    auto openIncident = [&]() -> qint64 {
        auto open = DiagnosticsStore(**observer).openIncidents();
        return open ? open->value(m_downProfile) : -1;
    };

    // Engine A finds the server down and opens the profile's incident.
    auto a = startEngine(u"engine-a"_s);
    QVERIFY(a);
    QTRY_VERIFY_WITH_TIMEOUT(openIncident() > 0, 30000);
    QVERIFY(profileInOutage(*a));

    // Engine B starts during the outage with twelve due mailboxes of the profile and room for ten of them:
    // it follows the incident and sends one probe among both engines, not ten at once.
    QVERIFY(QTest::qWaitFor([&] { return m_runningOnDown == 0; }, 10000)); // a probe of A's may be running
    m_measuring = true;
    m_peak = m_runningOnDown;
    auto b = startEngine(u"engine-b"_s);
    QVERIFY(b);
    QVERIFY(profileInOutage(*b));
    QVERIFY2(QTest::qWaitFor([&] { return m_startsWhileMeasuring >= 6; }, 30000),
             qPrintable(u"%1 probes in 30 s"_s.arg(m_startsWhileMeasuring)));
    m_measuring = false;
    QCOMPARE(m_peak, 1);
    QVERIFY(openIncident() > 0);

    // The server answers again: a probe gets through, every mailbox of the profile syncs, the incident
    // closes, and neither engine holds anything back any more.
    const qint64 back = QDateTime::currentMSecsSinceEpoch();
    m_serverDown = false;
    auto allSynced = [&] {
        for (qint64 id : std::as_const(m_downMailboxes)) {
            if (m_lastSuccess.value(id) < back) {
                return false;
            }
        }
        return true;
    };
    QTRY_VERIFY_WITH_TIMEOUT(allSynced(), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(openIncident(), qint64(0), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!profileInOutage(*a) && !profileInOutage(*b), 10000);

    for (Engine *engine : {a.get(), b.get()}) {
        QSignalSpy stopped(engine->scheduler.get(), &MailboxScheduler::stopped);
        engine->scheduler->stop();
        QVERIFY(stopped.count() == 1 || stopped.wait(10000));
    }
}

QTEST_GUILESS_MAIN(TestSharedOutage)
#include "tst_sharedoutage.moc"

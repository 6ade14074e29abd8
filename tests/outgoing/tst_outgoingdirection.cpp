// The outgoing direction's state, from a mailbox, its profile and its outbox summary: every state, and the
// reason given for email stuck in Pending Send.

#include "outgoing/outgoingdirection.h"

#include <QTest>

using namespace SyncDesk;
using namespace Qt::StringLiterals;

class TestOutgoingDirection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void states_data();
    void states();
    void overallIsTheWorseOfTheTwo();
};

void TestOutgoingDirection::states_data()
{
    QTest::addColumn<bool>("outgoing");
    QTest::addColumn<bool>("enabled");
    QTest::addColumn<bool>("canSend");
    QTest::addColumn<int>("pendingMinutes"); // age of the oldest pending email; -1: none pending
    QTest::addColumn<bool>("sentBefore");
    QTest::addColumn<QString>("error");
    QTest::addColumn<bool>("attempted");
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("reasonContains");

    QTest::newRow("idle") << true << true << true << -1 << false << QString() << false << u"idle"_s << QString();
    QTest::newRow("ok") << true << true << true << -1 << true << QString() << true << u"ok"_s << QString();
    QTest::newRow("pending") << true << true << true << 2 << true << QString() << false << u"pending"_s << QString();
    QTest::newRow("failing") << true << true << true << 2 << true << u"Network"_s << true << u"failing"_s
                             << u"retried"_s;
    // Nothing waits: the failure is for good, and nothing retries it by itself.
    QTest::newRow("failed for good") << true << true << true << -1 << true << u"ServerNo"_s << true << u"failing"_s
                                     << u"for good"_s;
    QTest::newRow("off") << false << true << true << -1 << false << QString() << false << u"off"_s << u"off"_s;
    QTest::newRow("disabled mailbox") << true << false << true << -1 << false << QString() << false << u"off"_s
                                      << u"disabled"_s;
    QTest::newRow("no smtp") << true << true << false << -1 << false << QString() << false << u"not-configured"_s
                             << u"SMTP"_s;
    QTest::newRow("stuck: off") << false << true << true << 30 << false << QString() << false << u"stuck"_s << u"off"_s;
    QTest::newRow("stuck: no smtp") << true << true << false << 30 << false << QString() << false << u"stuck"_s
                                    << u"SMTP"_s;
    QTest::newRow("stuck: no engine") << true << true << true << 30 << false << QString() << false << u"stuck"_s
                                      << u"engine"_s;
    QTest::newRow("stuck: retrying") << true << true << true << 30 << false << u"ServerNo"_s << true << u"stuck"_s
                                     << u"retried"_s;
}

void TestOutgoingDirection::states()
{
    QFETCH(bool, outgoing);
    QFETCH(bool, enabled);
    QFETCH(bool, canSend);
    QFETCH(int, pendingMinutes);
    QFETCH(bool, sentBefore);
    QFETCH(QString, error);
    QFETCH(bool, attempted);
    QFETCH(QString, state);
    QFETCH(QString, reasonContains);
    const QDateTime now(QDate(2026, 12, 6), QTime(10, 0), Qt::UTC);
    Mailbox mailbox;
    mailbox.outgoing = outgoing;
    mailbox.enabled = enabled;
    OutboxStore::Summary summary;
    if (pendingMinutes >= 0) {
        summary.pending = 1;
        summary.oldestPending = now.addSecs(-60 * pendingMinutes);
    }
    if (sentBefore) {
        summary.lastSent = now.addSecs(-3600);
    }
    if (attempted) {
        summary.lastAttempt = now.addSecs(-60);
    }
    summary.lastErrorClass = error;
    const OutgoingDirection direction = OutgoingDirection::evaluate(mailbox, canSend, summary, now, 15);
    QCOMPARE(outgoingStateName(direction.state), state);
    QVERIFY2(direction.reason.contains(reasonContains), qPrintable(direction.reason));
    const QJsonObject json = direction.toJson(now);
    QCOMPARE(json.value(u"state"_s).toString(), state);
    if (pendingMinutes >= 0) {
        QCOMPARE(json.value(u"oldest_pending_seconds"_s).toInteger(), qint64(pendingMinutes) * 60);
    } else {
        QVERIFY(json.value(u"oldest_pending_seconds"_s).isNull());
    }
}

void TestOutgoingDirection::overallIsTheWorseOfTheTwo()
{
    OutgoingDirection direction;
    direction.state = OutgoingDirection::State::Ok;
    QCOMPARE(direction.overallState(u"ok"_s), u"ok"_s);
    QCOMPARE(direction.overallState(u"failing"_s), u"failing"_s);
    direction.state = OutgoingDirection::State::Stuck;
    QCOMPARE(direction.overallState(u"ok"_s), u"failing"_s);
    QCOMPARE(direction.overallState(u"disabled"_s), u"disabled"_s);
    direction.state = OutgoingDirection::State::Failing;
    QCOMPARE(direction.overallState(u"syncing"_s), u"failing"_s);
}

QTEST_GUILESS_MAIN(TestOutgoingDirection)
#include "tst_outgoingdirection.moc"

// Which engine schedules which mailbox (EngineShares): every engine agrees, the shares are even, and an
// engine joining or leaving moves only the mailboxes that were or become its own.

#include "scheduler/engineshares.h"

#include <QHash>
#include <QTest>

using namespace SyncDesk;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kMailboxes = 100000;

QStringList engineIds(int count)
{
    QStringList ids;
    for (int i = 0; i < count; ++i) {
        // The shape of real engine ids: host, pid, random suffix.
        ids.append(u"node%1.example:%2:%3"_s.arg(i).arg(1000 + 17 * i).arg(0x5a3c1 * (i + 1) % 0xffffff, 6, 16));
    }
    return ids;
}

QHash<qint64, QString> homes(const QStringList &engines)
{
    EngineShares shares;
    shares.setEngines(engines, engines.constFirst());
    QHash<qint64, QString> result;
    for (qint64 id = 1; id <= kMailboxes; ++id) {
        result.insert(id, shares.homeOf(id));
    }
    return result;
}

} // namespace

class TestEngineShares : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aloneEverythingIsHome();
    void everyEngineAgreesAndEachMailboxHasOneHome();
    void sharesAreEven();
    void leavingMovesOnlyTheLeaversMailboxes();
    void joiningTakesOnlyWhatBecomesTheNewEnginesOwn();
};

void TestEngineShares::aloneEverythingIsHome()
{
    EngineShares none;
    QVERIFY(none.isHome(1));
    EngineShares alone;
    alone.setEngines({}, u"solo:1:abc"_s);
    QCOMPARE(alone.engines(), QStringList{u"solo:1:abc"_s});
    for (qint64 id = 1; id <= 1000; ++id) {
        QVERIFY(alone.isHome(id));
    }
}

void TestEngineShares::everyEngineAgreesAndEachMailboxHasOneHome()
{
    const QStringList engines = engineIds(4);
    std::vector<EngineShares> views(4);
    for (int i = 0; i < 4; ++i) {
        // Each engine lists the others in its own order.
        QStringList order = engines;
        std::rotate(order.begin(), order.begin() + i, order.end());
        views[size_t(i)].setEngines(order, engines.at(i));
    }
    for (qint64 id = 1; id <= 20000; ++id) {
        int homesFound = 0;
        for (int i = 0; i < 4; ++i) {
            homesFound += views[size_t(i)].isHome(id) ? 1 : 0;
            QCOMPARE(views[size_t(i)].homeOf(id), views[0].homeOf(id));
        }
        QCOMPARE(homesFound, 1);
    }
}

void TestEngineShares::sharesAreEven()
{
    for (int count : {2, 3, 4, 8}) {
        const QStringList engines = engineIds(count);
        QHash<QString, qint64> perEngine;
        const auto all = homes(engines);
        for (const QString &home : all) {
            perEngine[home]++;
        }
        QCOMPARE(perEngine.size(), count);
        const double fair = double(kMailboxes) / count;
        QStringList shares;
        for (const QString &engine : engines) {
            const double share = double(perEngine.value(engine));
            shares.append(u"%1 %"_s.arg(100.0 * share / kMailboxes, 0, 'f', 1));
            // Within 3 % of a fair share (the binomial spread at 100,000 is about 0.5 %).
            QVERIFY2(qAbs(share - fair) < 0.03 * fair,
                     qPrintable(
                         u"%1 engines: %2 has %3 mailboxes, fair is %4"_s.arg(count).arg(engine).arg(share).arg(fair)));
        }
        qInfo("%d engines: %s", count, qPrintable(shares.join(u", "_s)));
    }
}

void TestEngineShares::leavingMovesOnlyTheLeaversMailboxes()
{
    const QStringList four = engineIds(4);
    QStringList three = four;
    const QString leaver = three.takeAt(2);
    const auto before = homes(four);
    const auto after = homes(three);
    qint64 moved = 0;
    for (qint64 id = 1; id <= kMailboxes; ++id) {
        if (before.value(id) != leaver) {
            QCOMPARE(after.value(id), before.value(id));
        } else {
            ++moved;
            QVERIFY(three.contains(after.value(id)));
        }
    }
    qInfo("an engine of four left: %lld of %lld mailboxes moved", moved, kMailboxes);
}

void TestEngineShares::joiningTakesOnlyWhatBecomesTheNewEnginesOwn()
{
    const QStringList five = engineIds(5);
    const QStringList four = five.mid(0, 4);
    const auto before = homes(four);
    const auto after = homes(five);
    qint64 moved = 0;
    for (qint64 id = 1; id <= kMailboxes; ++id) {
        if (after.value(id) != before.value(id)) {
            QCOMPARE(after.value(id), five.constLast());
            ++moved;
        }
    }
    QVERIFY2(qAbs(double(moved) - kMailboxes / 5.0) < 0.03 * kMailboxes / 5.0, qPrintable(QString::number(moved)));
    qInfo("a fifth engine joined: %lld of %lld mailboxes moved to it", moved, kMailboxes);
}

QTEST_GUILESS_MAIN(TestEngineShares)
#include "tst_engineshares.moc"

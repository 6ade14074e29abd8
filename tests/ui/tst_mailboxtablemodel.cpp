// The mailbox table model: minimal updates, formatting, raw sort values; checked by QAbstractItemModelTester.

#include "model/untrustedtext.h"
#include "models/mailboxtablemodel.h"
#include "views/plainmessagebox.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace SyncDesk;
using namespace Qt::StringLiterals;

namespace {

MailboxStatus makeStatus(qint64 id, const QString &address, const QDateTime &now)
{
    MailboxStatus status;
    status.mailbox.id = id;
    status.mailbox.address = address;
    status.mailbox.profileName = u"p"_s;
    status.state.mailboxId = id;
    status.state.intervalMs = 300000;
    status.state.lastSyncAt = status.state.lastSuccessAt = now.addSecs(-180);
    status.state.nextDueAt = now.addSecs(120);
    return status;
}

} // namespace

class TestMailboxTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void messageBoxesShowServerWordsAsText();
    void insertsUpdatesAndRemovesMinimally();
    void formatsStatesTimesAndErrors();
    void sortsOnRawValues();
    void serverWordsAreNeverRichText();
};

void TestMailboxTableModel::insertsUpdatesAndRemovesMinimally()
{
    MailboxTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    model.setNow(now);
    MailboxStatusList list{makeStatus(1, u"a@x"_s, now), makeStatus(2, u"b@x"_s, now), makeStatus(3, u"c@x"_s, now)};
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setStatuses(list);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(inserted.count(), 1);

    // Same content: nothing is signalled.
    inserted.clear();
    model.setStatuses(list);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(inserted.count(), 0);

    // One row changes: one dataChanged, for that row only.
    list[1].state.consecutiveFailures = 2;
    model.setStatuses(list);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), model.rowOfMailbox(2));
    QCOMPARE(changed.at(0).at(1).toModelIndex().row(), model.rowOfMailbox(2));

    // One removed, one added: a removal and an insertion, never a reset.
    list.removeAt(0);
    list.append(makeStatus(4, u"d@x"_s, now));
    model.setStatuses(list);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.rowOfMailbox(1), -1);
    QVERIFY(model.rowOfMailbox(4) >= 0);
    QCOMPARE(model.index(model.rowOfMailbox(4), MailboxTableModel::Address).data().toString(), u"d@x"_s);

    model.setStatuses({});
    QCOMPARE(model.rowCount(), 0);
}

void TestMailboxTableModel::formatsStatesTimesAndErrors()
{
    MailboxTableModel model;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    model.setNow(now);
    MailboxStatus ok = makeStatus(1, u"ok@x"_s, now);
    MailboxStatus failing = makeStatus(2, u"failing@x"_s, now);
    failing.state.consecutiveFailures = 3;
    failing.state.lastErrorClass = ErrorClass::Auth;
    failing.state.lastErrorMessage = u"the server rejected the credentials"_s;
    failing.state.lastErrorHintId = u"auth-failed"_s;
    failing.state.intervalMs = 240000;
    failing.state.intervalReason = IntervalReason::Backoff;
    MailboxStatus overdue = makeStatus(3, u"late@x"_s, now);
    overdue.state.nextDueAt = now.addSecs(-300);
    MailboxStatus disabled = makeStatus(4, u"off@x"_s, now);
    disabled.mailbox.enabled = false;
    MailboxStatus never = makeStatus(5, u"new@x"_s, now);
    never.state.lastSyncAt = never.state.lastSuccessAt = never.state.nextDueAt = {};
    model.setStatuses({ok, failing, overdue, disabled, never});

    auto cell = [&](qint64 id, int column) {
        return model.index(model.rowOfMailbox(id), column).data().toString();
    };
    QCOMPARE(cell(1, MailboxTableModel::State), u"OK"_s);
    QCOMPARE(cell(1, MailboxTableModel::Interval), u"5 min (normal)"_s);
    QCOMPARE(cell(1, MailboxTableModel::LastSuccess), u"3 min ago"_s);
    QCOMPARE(cell(1, MailboxTableModel::NextSync), u"in 2 min"_s);
    QCOMPARE(cell(1, MailboxTableModel::Profile), u"p"_s);
    QCOMPARE(cell(1, MailboxTableModel::ItemsLastSync), u"0"_s);
    QCOMPARE(cell(2, MailboxTableModel::State), u"Failing"_s);
    QCOMPARE(cell(2, MailboxTableModel::Interval), u"4 min (backing off)"_s);
    QCOMPARE(cell(2, MailboxTableModel::LastSuccess), u"3 min ago"_s);
    QVERIFY(cell(2, MailboxTableModel::ErrorClass).startsWith(u"Auth: "_s));
    QVERIFY(model.index(model.rowOfMailbox(2), MailboxTableModel::ErrorClass)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(u"the server rejected the credentials"_s));
    QCOMPARE(cell(2, MailboxTableModel::Hint), u"Mail server rejected the user name or password"_s);
    QVERIFY(model.index(model.rowOfMailbox(2), MailboxTableModel::Hint)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(u"Edit mailbox"_s)); // the remedy names the console action to use
    QCOMPARE(cell(3, MailboxTableModel::NextSync), u"overdue 5 min"_s);
    QCOMPARE(model.index(model.rowOfMailbox(3), 0).data(MailboxTableModel::OverdueRole).toBool(), true);
    // With its cause when the engine recorded one, and "no engine running" when nothing runs.
    MailboxStatus capped = overdue;
    capped.state.overdueCause = u"connection-cap"_s;
    model.setStatuses({ok, failing, capped, disabled, never});
    QCOMPARE(cell(3, MailboxTableModel::NextSync), u"overdue 5 min (connection cap reached)"_s);
    model.setEngineRunning(false);
    QCOMPARE(cell(3, MailboxTableModel::NextSync), u"overdue 5 min (no engine running)"_s);
    model.setEngineRunning(true);
    QCOMPARE(cell(4, MailboxTableModel::State), u"Disabled"_s);
    QCOMPARE(cell(4, MailboxTableModel::NextSync), u"—"_s);
    QCOMPARE(cell(5, MailboxTableModel::State), u"Never synced"_s);
    QCOMPARE(cell(5, MailboxTableModel::NextSync), u"due now"_s);

    // Time passes: relative times move without new data.
    model.setNow(now.addSecs(60));
    QCOMPARE(cell(1, MailboxTableModel::LastSuccess), u"4 min ago"_s);
    QCOMPARE(cell(1, MailboxTableModel::NextSync), u"in 60 s"_s);
}

void TestMailboxTableModel::sortsOnRawValues()
{
    MailboxTableModel model;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    model.setNow(now);
    MailboxStatus a = makeStatus(1, u"a@x"_s, now);
    a.state.intervalMs = 720000; // "12 min" sorts before "2 min" as text, after it as a value
    MailboxStatus b = makeStatus(2, u"b@x"_s, now);
    b.state.intervalMs = 120000;
    model.setStatuses({a, b});
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(MailboxTableModel::SortRole);
    proxy.sort(MailboxTableModel::Interval, Qt::AscendingOrder);
    QCOMPARE(proxy.index(0, MailboxTableModel::Address).data().toString(), u"b@x"_s);
    QCOMPARE(proxy.index(1, MailboxTableModel::Address).data().toString(), u"a@x"_s);
}

void TestMailboxTableModel::serverWordsAreNeverRichText()
{
    // A server's reply with markup and a terminal escape: the tool tip shows it as text (escaped, so Qt
    // cannot take it for rich text, and without control characters).
    MailboxTableModel model;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    model.setNow(now);
    MailboxStatus hostile = makeStatus(1, u"h@x"_s, now);
    hostile.state.consecutiveFailures = 1;
    hostile.state.lastErrorClass = ErrorClass::ServerNo;
    hostile.state.lastErrorMessage = u"NO <b>urgent</b><img src=\"http://evil.test/x.png\"> \x1b[31mred\x1b[0m"_s;
    hostile.state.lastErrorHintId = u"server-no"_s;
    model.setStatuses({hostile});
    const QString tip = model.index(0, MailboxTableModel::ErrorClass).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(u"&lt;b&gt;urgent&lt;/b&gt;&lt;img src=&quot;http://evil.test/x.png&quot;&gt;"_s),
             qPrintable(tip));
    QVERIFY2(!tip.contains(u"<b>"_s) && !tip.contains(u"<img"_s), qPrintable(tip));
    QVERIFY2(!tip.contains(QChar(0x1b)), qPrintable(tip));
    QVERIFY2(tip.contains(QChar(0xfffd)), qPrintable(tip));

    QCOMPARE(UntrustedText::withoutControls(u"a\tb\nc\rd\x1b[2Je\u202Ef\u0085"_s),
             u"a\tb\nc\uFFFDd\uFFFD[2Je\uFFFDf\uFFFD"_s);
    QCOMPARE(UntrustedText::withoutControls(u"plain"_s), u"plain"_s);
}

void TestMailboxTableModel::messageBoxesShowServerWordsAsText()
{
    // An error whose detail came from a server, and a summary holding a file name: markup stays visible as
    // typed, in the main text and in the informative text, and control characters are replaced.
    QMessageBox *box = plainMessageBox(QMessageBox::Warning, u"Export status"_s,
                                       u"NO <b>quota</b> <img src=\"http://x/t.png\"> \x1b[31mred"_s,
                                       u"file <i>a.json</i>\nsecond line"_s, nullptr);
    QCOMPARE(box->textFormat(), Qt::PlainText);
    int plainLabels = 0;
    bool sawInformative = false;
    for (QLabel *label : box->findChildren<QLabel *>()) {
        if (label->text().isEmpty()) {
            continue;
        }
        QCOMPARE(label->textFormat(), Qt::PlainText);
        ++plainLabels;
        QVERIFY(!label->text().contains(QChar(0x1b)));
        sawInformative = sawInformative || label->text() == u"file <i>a.json</i>\nsecond line"_s;
    }
    QVERIFY(plainLabels >= 2);
    QVERIFY(sawInformative);
    QVERIFY(box->text().startsWith(u"NO <b>quota</b> <img"_s));
    QVERIFY(box->testAttribute(Qt::WA_DeleteOnClose));
    delete box;
}

QTEST_MAIN(TestMailboxTableModel)
#include "tst_mailboxtablemodel.moc"

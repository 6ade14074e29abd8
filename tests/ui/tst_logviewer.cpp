// The log viewer: its record model and filter proxy under QAbstractItemModelTester, bounded memory, the
// filters (level, mailbox, substring, regular expression — also an invalid one), pause and resume, copy,
// export of everything from a real SQLite store, background search and paging of older records, "show
// mailbox", and the empty states.

#include "log/logfilterproxy.h"
#include "log/logrecordmodel.h"
#include "log/logviewer.h"
#include "logging/logfilter.h"
#include "logging/textmatcher.h"
#include "store/store.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace SyncDesk;
using namespace Qt::StringLiterals;

namespace {

const QDateTime kStart = QDateTime(QDate(2026, 11, 24), QTime(9, 0), Qt::UTC);

LogRecord makeRecord(qint64 id, LogLevel level, const QString &mailbox, const QString &category, const QString &message)
{
    LogRecord record;
    record.id = id;
    record.at = kStart.addMSecs(id * 10);
    record.level = level;
    record.mailbox = mailbox;
    record.category = category;
    record.message = message;
    return record;
}

// Record `id` of a deterministic log: four mailboxes, every tenth a warning, every hundredth an error.
LogRecord sampleRecord(qint64 id)
{
    static const QString mailboxes[] = {u"ana@contoso.com"_s, u"bob@contoso.com"_s, u"support@fabrikam.com"_s,
                                        QString()};
    static const QString categories[] = {u"sync"_s, u"imap"_s, u"scheduler"_s};
    const LogLevel level = id % 100 == 0 ? LogLevel::Error : id % 10 == 0 ? LogLevel::Warning : LogLevel::Info;
    return makeRecord(id, level, mailboxes[id % 4], categories[id % 3],
                      u"record %1: fetched %2 messages from INBOX"_s.arg(id).arg(id % 7));
}

QList<LogRecord> sampleRecords(qint64 fromId, qint64 toId)
{
    QList<LogRecord> records;
    for (qint64 id = fromId; id <= toId; ++id) {
        records.append(sampleRecord(id));
    }
    return records;
}

QList<qint64> shownIds(const LogViewer &viewer)
{
    QList<qint64> ids;
    const LogFilterProxy *proxy = viewer.proxy();
    for (int row = 0; row < proxy->rowCount(); ++row) {
        ids.append(proxy->index(row, 0).data(LogRecordModel::IdRole).toLongLong());
    }
    return ids;
}

} // namespace

class TestLogViewer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void textMatcherAgreesWithQt_data();
    void textMatcherAgreesWithQt();
    void logFilterAcceptsAndRejects();
    void modelsPassTheModelTester();
    void memoryStaysBounded();
    void slicedFilterKeepsUpWithChanges();
    void filtersByLevelMailboxAndText();
    void invalidRegexShowsAnErrorAndKeepsTheFilter();
    void pauseCountsAndResumeCatchesUp();
    void copiesSelectedRowsAsTabSeparatedText();
    void exportsEverythingFromTheStore();
    void exportsTheSelectionAsText();
    void searchesTheStoreInTheBackground();
    void searchFurtherPagesBack();
    void storeSearchTakesTextLiterally();
    void loadsOlderRecordsAndGoesBackToTheNewest();
    void showMailboxFiltersAndSearchesWhenNotInMemory();
    void emptyStatesSayWhatIsHappening();
    void controlsHaveAccessibleNames();

private:
    std::unique_ptr<Store> makeStore(QTemporaryDir &dir, qint64 records);
};

std::unique_ptr<Store> TestLogViewer::makeStore(QTemporaryDir &dir, qint64 records)
{
    auto opened = Store::open(StoreConfig::sqlite(dir.filePath(u"log.db"_s)));
    if (!opened) {
        qWarning("%s", qPrintable(opened.error().toString()));
        return nullptr;
    }
    std::unique_ptr<Store> store = std::move(opened).value();
    for (qint64 from = 1; from <= records; from += 5000) {
        QList<LogRecord> batch = sampleRecords(from, qMin(records, from + 4999));
        for (LogRecord &record : batch) {
            record.id = 0; // the store numbers them: 1, 2, 3, …
        }
        if (!store->appendLog(batch)) {
            return nullptr;
        }
    }
    return store;
}

void TestLogViewer::textMatcherAgreesWithQt_data()
{
    QTest::addColumn<QString>("needle");
    QTest::addColumn<QString>("haystack");
    QTest::newRow("ascii") << u"timeout"_s << u"IMAP: Timeout while waiting for the server"_s;
    QTest::newRow("absent") << u"timeouts"_s << u"IMAP: Timeout while waiting for the server"_s;
    QTest::newRow("one char") << u"x"_s << u"no such letter here"_s;
    QTest::newRow("at the end") << u"server"_s << u"waiting for the SERVER"_s;
    QTest::newRow("umlaut") << u"FÜR"_s << u"Angebot für Q1"_s;
    QTest::newRow("kelvin sign") << u"kelvin"_s << u"\u212Aelvin"_s;
    QTest::newRow("greek sigma") << u"ΣΟΦΊΑ"_s << u"η σοφία"_s;
    QTest::newRow("needle longer") << u"a long needle"_s << u"short"_s;
    QTest::newRow("empty haystack") << u"a"_s << QString();
    QTest::newRow("punctuation") << u"[ana@contoso.com]"_s << u"sync [ANA@Contoso.com] done"_s;
}

void TestLogViewer::textMatcherAgreesWithQt()
{
    QFETCH(QString, needle);
    QFETCH(QString, haystack);
    QCOMPARE(TextMatcher(needle).matches(haystack), haystack.contains(needle, Qt::CaseInsensitive));
    // The same needle at every position of haystacks of every length around the 8-wide vector steps.
    const TextMatcher matcher(needle);
    for (int length = 0; length < 40; ++length) {
        for (int at = 0; at <= length; ++at) {
            QString text = QString(length, u'.');
            text.insert(at, needle.toUpper());
            QVERIFY2(matcher.matches(text), qPrintable(text));
            text.remove(at, needle.size());
            QCOMPARE(matcher.matches(text), text.contains(needle, Qt::CaseInsensitive));
        }
    }
}

void TestLogViewer::logFilterAcceptsAndRejects()
{
    const LogRecord record = makeRecord(1, LogLevel::Warning, u"ana@contoso.com"_s, u"imap"_s, u"Login failed"_s);
    QVERIFY(LogFilter().accepts(record));
    QVERIFY(LogFilter(LogLevel::Warning, {}, {}).accepts(record));
    QVERIFY(!LogFilter(LogLevel::Error, {}, {}).accepts(record));
    QVERIFY(LogFilter(LogLevel::Debug, u"ANA@contoso.com"_s, {}).accepts(record));
    QVERIFY(!LogFilter(LogLevel::Debug, u"ana@contoso"_s, {}).accepts(record)); // one address, not a part
    QVERIFY(LogFilter(LogLevel::Debug, {}, u"LOGIN"_s).accepts(record));
    QVERIFY(LogFilter(LogLevel::Debug, {}, u"contoso"_s).accepts(record)); // text in the mailbox
    QVERIFY(LogFilter(LogLevel::Debug, {}, u"IMAP"_s).accepts(record));    // text in the category
    QVERIFY(!LogFilter(LogLevel::Debug, {}, u"timeout"_s).accepts(record));
    QVERIFY(LogFilter(LogLevel::Debug, {}, u"^log.n f"_s, LogFilter::TextMode::RegularExpression).accepts(record));
    QVERIFY(!LogFilter(LogLevel::Debug, {}, u"^failed"_s, LogFilter::TextMode::RegularExpression).accepts(record));
    const LogFilter invalid(LogLevel::Debug, {}, u"(unclosed"_s, LogFilter::TextMode::RegularExpression);
    QVERIFY(!invalid.isValid());
    QVERIFY(!invalid.errorString().isEmpty());
    QVERIFY(!invalid.accepts(record));
}

void TestLogViewer::modelsPassTheModelTester()
{
    LogRecordModel model(50);
    LogFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);

    model.append(sampleRecords(101, 130));
    proxy.setFilter(LogFilter(LogLevel::Debug, u"ana@contoso.com"_s, {}));
    QVERIFY(!proxy.isFiltering());
    QCOMPARE(proxy.rowCount(), 7);         // ids 104, 108, …, 128
    model.append(sampleRecords(131, 170)); // 20 of the oldest go
    QCOMPARE(model.rowCount(), 50);
    QCOMPARE(model.firstId(), 121);
    QCOMPARE(proxy.rowCount(), 12); // 124 … 168
    QCOMPARE(proxy.index(0, LogRecordModel::Message).data().toString(), sampleRecord(124).message);
    QCOMPARE(proxy.mapToSource(proxy.index(0, 0)).row(), 3);
    QCOMPARE(proxy.mapFromSource(model.index(3, 2)).row(), 0);
    QVERIFY(!proxy.mapFromSource(model.index(0, 0)).isValid()); // 121 is bob's

    // Older records paged in at the top; the newest go beyond the capacity.
    QCOMPARE(model.prepend(sampleRecords(111, 120)), 10);
    QCOMPARE(model.firstId(), 111);
    QCOMPARE(model.lastId(), 160);
    QCOMPARE(proxy.rowCount(), 13); // 112 … 160

    proxy.setFilter(LogFilter(LogLevel::Warning, {}, u"fetched"_s));
    QCOMPARE(proxy.rowCount(), 5); // 120, 130, 140, 150, 160
    QCOMPARE(proxy.index(4, LogRecordModel::Level).data().toString(), u"Warning"_s);
    QCOMPARE(proxy.index(4, LogRecordModel::Level).data(LogRecordModel::LevelRole).toInt(), int(LogLevel::Warning));
    QCOMPARE(proxy.index(4, 0).data(LogRecordModel::IdRole).toLongLong(), 160);
    model.replace(sampleRecords(1, 20));
    QCOMPARE(proxy.rowCount(), 2);
    model.clear();
    QCOMPARE(proxy.rowCount(), 0);
    QCOMPARE(proxy.headerData(LogRecordModel::Mailbox, Qt::Horizontal).toString(), u"Mailbox"_s);
}

void TestLogViewer::memoryStaysBounded()
{
    LogViewer viewer;
    viewer.setCapacity(1000);
    for (qint64 from = 1; from <= 2500; from += 100) {
        viewer.appendRecords(sampleRecords(from, from + 99));
        viewer.flushPendingAppends();
    }
    QCOMPARE(viewer.liveModel()->rowCount(), 1000);
    QCOMPARE(viewer.liveModel()->firstId(), 1501);
    QCOMPARE(viewer.liveModel()->lastId(), 2500);
    QCOMPARE(viewer.liveModel()->evictedCount(), 1500);
    QCOMPARE(viewer.proxy()->rowCount(), 1000);

    // More than the capacity in one batch: only the newest are kept.
    viewer.appendRecords(sampleRecords(2501, 6000));
    viewer.flushPendingAppends();
    QCOMPARE(viewer.liveModel()->rowCount(), 1000);
    QCOMPARE(viewer.liveModel()->firstId(), 5001);
    QCOMPARE(viewer.liveModel()->evictedCount(), 5000);

    // With a filter the proxy follows the evictions too.
    viewer.setFilter(LogFilter(LogLevel::Error, {}, {}));
    QCOMPARE(viewer.proxy()->rowCount(), 10);
    viewer.appendRecords(sampleRecords(6001, 6500));
    viewer.flushPendingAppends();
    QCOMPARE(viewer.proxy()->rowCount(), 10);
    QCOMPARE(viewer.proxy()->index(0, 0).data(LogRecordModel::IdRole).toLongLong(), 5600);

    viewer.setCapacity(100);
    QCOMPARE(viewer.liveModel()->rowCount(), 100);
    QCOMPARE(viewer.proxy()->rowCount(), 1);
}

void TestLogViewer::slicedFilterKeepsUpWithChanges()
{
    LogRecordModel model(200000);
    LogFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.setSliceMilliseconds(1);
    model.append(sampleRecords(1, 200000));
    QSignalSpy finished(&proxy, &LogFilterProxy::filteringFinished);
    const LogFilter filter(LogLevel::Debug, {}, u"record \\d*7: fetched [34]"_s,
                           LogFilter::TextMode::RegularExpression);
    proxy.setFilter(filter);
    QVERIFY(proxy.isFiltering());       // 200,000 expression matches do not fit in one millisecond
    QCOMPARE(proxy.rowCount(), 200000); // the previous result shows until the new one is ready
    // The source moves on meanwhile: the oldest go, new ones come, older ones are paged in.
    model.append(sampleRecords(200001, 210000));
    model.prepend(sampleRecords(1, 10)); // beyond the capacity: the 10 newest go
    QVERIFY(finished.wait(30000));
    QVERIFY(!proxy.isFiltering());
    QList<qint64> expected;
    for (int row = 0; row < model.rowCount(); ++row) {
        if (filter.accepts(model.record(row))) {
            expected.append(model.record(row).id);
        }
    }
    QList<qint64> actual;
    for (int row = 0; row < proxy.rowCount(); ++row) {
        actual.append(proxy.index(row, 0).data(LogRecordModel::IdRole).toLongLong());
    }
    QVERIFY(!expected.isEmpty());
    QCOMPARE(actual, expected);
}

void TestLogViewer::filtersByLevelMailboxAndText()
{
    LogViewer viewer;
    viewer.appendRecords(sampleRecords(1, 400));
    auto *level = viewer.findChild<QComboBox *>(u"levelFilter"_s);
    auto *mailbox = viewer.findChild<QComboBox *>(u"mailboxFilter"_s);
    auto *text = viewer.findChild<QLineEdit *>(u"textFilter"_s);
    auto *regex = viewer.findChild<QCheckBox *>(u"regexToggle"_s);
    QVERIFY(level && mailbox && text && regex);
    QCOMPARE(viewer.proxy()->rowCount(), 400);

    level->setCurrentIndex(level->findData(int(LogLevel::Warning)));
    QCOMPARE(viewer.proxy()->rowCount(), 40);
    level->setCurrentIndex(level->findData(int(LogLevel::Error)));
    QCOMPARE(shownIds(viewer), (QList<qint64>{100, 200, 300, 400}));
    level->setCurrentIndex(0);

    // The mailbox list offers every address seen; picking one applies it.
    QTRY_COMPARE(mailbox->count(), 3); // updated at most once a second
    mailbox->setCurrentText(u"support@fabrikam.com"_s);
    QCOMPARE(viewer.proxy()->rowCount(), 100);
    QCOMPARE(viewer.filter().mailbox(), u"support@fabrikam.com"_s);
    mailbox->setCurrentText(QString());
    QCOMPARE(viewer.proxy()->rowCount(), 400);

    // Text: debounced while typing, at once on Enter.
    text->setText(u"RECORD 12"_s);
    QTRY_COMPARE(viewer.proxy()->rowCount(), 11); // 12, 120 … 129
    text->setText(u"record 1\\d\\d:"_s);
    QTest::keyClick(text, Qt::Key_Return);
    QCOMPARE(viewer.proxy()->rowCount(), 0); // a substring: backslashes are literal
    regex->setChecked(true);
    QCOMPARE(viewer.proxy()->rowCount(), 100); // 100 … 199
    QVERIFY(viewer.filterError().isEmpty());

    // All three together.
    level->setCurrentIndex(level->findData(int(LogLevel::Warning)));
    mailbox->setCurrentText(u"support@fabrikam.com"_s);
    QCOMPARE(shownIds(viewer), (QList<qint64>{110, 130, 150, 170, 190}));
}

void TestLogViewer::invalidRegexShowsAnErrorAndKeepsTheFilter()
{
    LogViewer viewer;
    viewer.show();
    viewer.appendRecords(sampleRecords(1, 100));
    auto *text = viewer.findChild<QLineEdit *>(u"textFilter"_s);
    auto *regex = viewer.findChild<QCheckBox *>(u"regexToggle"_s);
    auto *error = viewer.findChild<QLabel *>(u"filterError"_s);
    QVERIFY(text && regex && error);
    regex->setChecked(true);
    text->setText(u"record [12]0:"_s);
    QTest::keyClick(text, Qt::Key_Return);
    QCOMPARE(viewer.proxy()->rowCount(), 2);
    QVERIFY(!error->isVisible());

    text->setText(u"record ([12]0:"_s);
    QTest::keyClick(text, Qt::Key_Return);
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(u"Invalid regular expression"_s), qPrintable(error->text()));
    QCOMPARE(viewer.filterError(), error->text());
    QCOMPARE(viewer.proxy()->rowCount(), 2); // the last valid filter still shows
    QCOMPARE(viewer.filter().text(), u"record [12]0:"_s);
    QVERIFY(!viewer.findChild<QToolButton *>(u"searchDatabaseButton"_s)->isEnabled());

    // The same text as a substring is fine (and matches nothing).
    regex->setChecked(false);
    QVERIFY(!error->isVisible());
    QVERIFY(viewer.filterError().isEmpty());
    QCOMPARE(viewer.proxy()->rowCount(), 0);
}

void TestLogViewer::pauseCountsAndResumeCatchesUp()
{
    LogViewer viewer;
    viewer.resize(800, 300);
    viewer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&viewer));
    viewer.setCapacity(1000);
    viewer.appendRecords(sampleRecords(1, 500));
    QTRY_COMPARE(viewer.view()->verticalScrollBar()->value(), viewer.view()->verticalScrollBar()->maximum());
    QVERIFY(viewer.view()->verticalScrollBar()->maximum() > 0);

    auto *pause = viewer.findChild<QToolButton *>(u"pauseButton"_s);
    QVERIFY(pause);
    pause->click();
    QVERIFY(viewer.isPaused());
    const int position = viewer.view()->verticalScrollBar()->value();
    for (qint64 from = 501; from <= 800; from += 100) {
        viewer.appendRecords(sampleRecords(from, from + 99));
    }
    QCOMPARE(viewer.unseenCount(), 300);
    QCOMPARE(viewer.liveModel()->rowCount(), 500); // nothing moves while paused
    QCOMPARE(viewer.liveModel()->lastId(), 500);
    QCOMPARE(viewer.view()->verticalScrollBar()->value(), position);
    QVERIFY2(pause->text().contains(u"300"_s), qPrintable(pause->text()));
    QVERIFY(viewer.statusText().contains(u"paused"_s));

    pause->click();
    QVERIFY(!viewer.isPaused());
    QCOMPARE(viewer.unseenCount(), 0);
    QCOMPARE(viewer.liveModel()->rowCount(), 800);
    QCOMPARE(viewer.liveModel()->lastId(), 800);
    QTRY_COMPARE(viewer.view()->verticalScrollBar()->value(), viewer.view()->verticalScrollBar()->maximum());

    // Paused for longer than memory holds: resuming shows the newest, bounded.
    viewer.setPaused(true);
    viewer.appendRecords(sampleRecords(801, 3000));
    QCOMPARE(viewer.unseenCount(), 2200);
    viewer.setPaused(false);
    QCOMPARE(viewer.liveModel()->rowCount(), 1000);
    QCOMPARE(viewer.liveModel()->firstId(), 2001);
    QCOMPARE(viewer.liveModel()->lastId(), 3000);
}

void TestLogViewer::copiesSelectedRowsAsTabSeparatedText()
{
    LogViewer viewer;
    viewer.show();
    viewer.appendRecords(
        {makeRecord(1, LogLevel::Info, u"ana@contoso.com"_s, u"sync"_s, u"first"_s),
         makeRecord(2, LogLevel::Error, u"bob@contoso.com"_s, u"imap"_s, u"second\twith a tab\nand a line"_s),
         makeRecord(3, LogLevel::Warning, QString(), u"scheduler"_s, u"third"_s)});
    QTableView *view = viewer.view();
    view->selectionModel()->select(viewer.proxy()->index(0, 0),
                                   QItemSelectionModel::Select | QItemSelectionModel::Rows);
    view->selectionModel()->select(viewer.proxy()->index(1, 0),
                                   QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QApplication::clipboard()->clear();
    QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
    const QStringList lines = QApplication::clipboard()->text().split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    const QStringList first = lines.at(0).split(u'\t');
    QCOMPARE(first.size(), 5);
    QCOMPARE(QDateTime::fromString(first.at(0), Qt::ISODateWithMs), kStart.addMSecs(10));
    QCOMPARE(first.mid(1), (QStringList{u"info"_s, u"ana@contoso.com"_s, u"sync"_s, u"first"_s}));
    QCOMPARE(lines.at(1).split(u'\t').mid(1),
             (QStringList{u"error"_s, u"bob@contoso.com"_s, u"imap"_s, u"second with a tab and a line"_s}));
}

void TestLogViewer::exportsEverythingFromTheStore()
{
    QTemporaryDir dir;
    auto store = makeStore(dir, 12000);
    QVERIFY(store);
    LogViewer viewer;
    viewer.setCapacity(1000); // far fewer than the store holds
    viewer.setStore(store->config());
    auto newest = store->logRecordsBefore(std::numeric_limits<qint64>::max(), 1000);
    QVERIFY(newest);
    viewer.appendRecords(*newest);
    QCOMPARE(viewer.liveModel()->rowCount(), 1000);

    QSignalSpy exported(&viewer, &LogViewer::exportFinished);
    const QString csv = dir.filePath(u"everything.csv"_s);
    viewer.exportAll(csv);
    QVERIFY(exported.wait(30000));
    QCOMPARE(exported.at(0).at(2).toString(), QString());
    QCOMPARE(exported.at(0).at(1).toLongLong(), 12000);
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size(), 12002); // header, 12,000 records, and the final newline
    QCOMPARE(lines.at(0), QByteArray("time,level,mailbox,category,message"));
    QVERIFY2(lines.at(1).endsWith(",info,bob@contoso.com,imap,record 1: fetched 1 messages from INBOX"),
             lines.at(1).constData());
    QVERIFY2(lines.at(12000).contains("record 12000: fetched"), lines.at(12000).constData());

    // With a filter, "everything" is everything that passes it.
    viewer.setFilter(LogFilter(LogLevel::Error, {}, {}));
    exported.clear();
    viewer.exportAll(dir.filePath(u"errors.csv"_s));
    QVERIFY(exported.wait(30000));
    QCOMPARE(exported.at(0).at(1).toLongLong(), 120);
}

void TestLogViewer::exportsTheSelectionAsText()
{
    QTemporaryDir dir;
    LogViewer viewer;
    viewer.appendRecords(sampleRecords(1, 50));
    viewer.view()->selectionModel()->select(
        QItemSelection(viewer.proxy()->index(10, 0), viewer.proxy()->index(14, LogRecordModel::ColumnCount - 1)),
        QItemSelectionModel::Select);
    QSignalSpy exported(&viewer, &LogViewer::exportFinished);
    const QString fileName = dir.filePath(u"selection.log"_s);
    viewer.exportSelection(fileName);
    QVERIFY(exported.wait(10000));
    QCOMPARE(exported.at(0).at(1).toLongLong(), 5);
    QFile file(fileName);
    QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 5);
    QVERIFY2(lines.at(0).contains(u" INFO    scheduler record 11: fetched 4 messages"_s), qPrintable(lines.at(0)));
    QVERIFY(lines.at(4).contains(u"record 15:"_s));

    // Nothing selected: nothing written, and it says so.
    viewer.view()->clearSelection();
    viewer.view()->setCurrentIndex({});
    exported.clear();
    viewer.exportSelection(dir.filePath(u"none.log"_s));
    QCOMPARE(exported.size(), 1);
    QVERIFY(!exported.at(0).at(2).toString().isEmpty());
    QVERIFY(!QFile::exists(dir.filePath(u"none.log"_s)));
}

void TestLogViewer::searchesTheStoreInTheBackground()
{
    QTemporaryDir dir;
    auto store = makeStore(dir, 60000);
    QVERIFY(store);
    // A needle only in old records, long out of memory.
    QList<LogRecord> needles;
    for (int i = 0; i < 3; ++i) {
        needles.append(makeRecord(0, LogLevel::Error, u"ana@contoso.com"_s, u"imap"_s,
                                  u"Connection reset by PEER %1 (Ünïcode)"_s.arg(i)));
    }
    QVERIFY(store->appendLog(needles));
    auto later = sampleRecords(1, 5000);
    for (LogRecord &record : later) {
        record.id = 0;
    }
    QVERIFY(store->appendLog(later));

    LogViewer viewer;
    viewer.setCapacity(2000);
    viewer.setStore(store->config());
    auto newest = store->logRecordsBefore(std::numeric_limits<qint64>::max(), 2000);
    QVERIFY(newest);
    viewer.appendRecords(*newest);
    viewer.setFilter(LogFilter(LogLevel::Debug, {}, u"reset by peer"_s));
    QCOMPARE(viewer.proxy()->rowCount(), 0);
    QVERIFY(viewer.emptyStateText().contains(u"Search the database"_s));

    QSignalSpy finished(&viewer, &LogViewer::searchFinished);
    viewer.searchDatabase();
    // It runs in the reader's thread: nothing is there yet, and the window says what is going on.
    QCOMPARE(viewer.mode(), LogViewer::Mode::SearchResults);
    QVERIFY(viewer.isSearching());
    QCOMPARE(viewer.proxy()->rowCount(), 0);
    QVERIFY(viewer.statusText().contains(u"Searching the database"_s));
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.at(0).at(0).toLongLong(), 3);
    QCOMPARE(viewer.proxy()->rowCount(), 3);
    QCOMPARE(viewer.proxy()->index(0, LogRecordModel::Message).data().toString(),
             u"Connection reset by PEER 0 (Ünïcode)"_s);
    QCOMPARE(viewer.proxy()->index(0, 0).data(LogRecordModel::IdRole).toLongLong(), 60001);

    // Full Unicode case folding and regular expressions are searched the same way.
    finished.clear();
    viewer.setFilter(LogFilter(LogLevel::Debug, {}, u"ÜNÏCODE"_s));
    viewer.searchDatabase();
    QVERIFY(finished.wait(30000));
    QCOMPARE(viewer.proxy()->rowCount(), 3);
    finished.clear();
    viewer.setFilter(
        LogFilter(LogLevel::Error, u"ana@contoso.com"_s, u"peer [12] "_s, LogFilter::TextMode::RegularExpression));
    viewer.searchDatabase();
    QVERIFY(finished.wait(30000));
    QCOMPARE(viewer.proxy()->rowCount(), 2);
    QVERIFY(viewer.statusText().contains(u"the whole log was searched"_s));

    // Back to the live records, with the filter still on.
    viewer.showLive();
    QCOMPARE(viewer.mode(), LogViewer::Mode::Live);
    QCOMPARE(viewer.proxy()->recordModel(), viewer.liveModel());
    QCOMPARE(viewer.proxy()->rowCount(), 0);
}

void TestLogViewer::searchFurtherPagesBack()
{
    QTemporaryDir dir;
    auto store = makeStore(dir, 30000);
    QVERIFY(store);
    LogViewer viewer;
    viewer.setCapacity(1500);
    viewer.setStore(store->config());
    viewer.setFilter(LogFilter(LogLevel::Warning, {}, u"fetched"_s)); // 3,000 warnings and errors
    QSignalSpy finished(&viewer, &LogViewer::searchFinished);
    viewer.searchDatabase();
    QVERIFY(finished.wait(30000));
    QCOMPARE(viewer.proxy()->rowCount(), 1500); // as many as memory holds, the newest
    QCOMPARE(viewer.proxy()->index(1499, 0).data(LogRecordModel::IdRole).toLongLong(), 30000);
    QCOMPARE(viewer.proxy()->index(0, 0).data(LogRecordModel::IdRole).toLongLong(), 15010);
    QVERIFY(viewer.statusText().contains(u"Search further"_s));
    viewer.searchFurther(); // older ones at the top; the newest give way beyond the capacity
    QVERIFY(finished.wait(30000));
    QCOMPARE(viewer.proxy()->rowCount(), 1500);
    QCOMPARE(viewer.resultsModel()->firstId(), 10);
    QCOMPARE(viewer.resultsModel()->lastId(), 15000);
    viewer.searchFurther();
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.last().at(0).toLongLong(), 0);
    QCOMPARE(viewer.resultsModel()->firstId(), 10);
    QVERIFY(viewer.statusText().contains(u"the whole log was searched"_s));
}

void TestLogViewer::storeSearchTakesTextLiterally()
{
    QTemporaryDir dir;
    auto store = makeStore(dir, 10);
    QVERIFY(store);
    QVERIFY(store->appendLog({makeRecord(0, LogLevel::Info, {}, u"sync"_s, u"100% done"_s),
                              makeRecord(0, LogLevel::Info, {}, u"sync"_s, u"1000 done"_s),
                              makeRecord(0, LogLevel::Warning, {}, u"sync"_s, u"a_b\\c"_s),
                              makeRecord(0, LogLevel::Info, {}, u"sync"_s, u"axb\\c"_s)}));
    auto messages = [&](const LogQuery &query) {
        QStringList found;
        auto records = store->logRecordsMatching(query, 1, 100, 100);
        if (records) {
            for (const LogRecord &record : *records) {
                found.append(record.message);
            }
        }
        return found;
    };
    QCOMPARE(messages({LogLevel::Debug, {}, u"0% DONE"_s}), QStringList{u"100% done"_s});
    QCOMPARE(messages({LogLevel::Debug, {}, u"a_b\\"_s}), QStringList{u"a_b\\c"_s});
    QCOMPARE(messages({LogLevel::Warning, {}, u"_"_s}), QStringList{u"a_b\\c"_s});
    QCOMPARE(messages({LogLevel::Debug, u"BOB@contoso.com"_s, {}}).size(), 3); // records 1, 5, 9
    QCOMPARE(messages({LogLevel::Debug, {}, u"done"_s}), (QStringList{u"1000 done"_s, u"100% done"_s})); // newest first
    auto page = store->logRecordsBefore(5, 3);
    QVERIFY(page);
    QCOMPARE(page->size(), 3);
    QCOMPARE(page->at(0).id, 2);
    QCOMPARE(page->at(2).id, 4);
    QCOMPARE(*store->firstLogId(), 1);
}

void TestLogViewer::loadsOlderRecordsAndGoesBackToTheNewest()
{
    QTemporaryDir dir;
    auto store = makeStore(dir, 10000);
    QVERIFY(store);
    LogViewer viewer;
    viewer.resize(800, 300);
    viewer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&viewer));
    viewer.setCapacity(3000);
    viewer.setStore(store->config());
    viewer.appendRecords(*store->logRecordsAfter(9500, 500));
    QCOMPARE(viewer.liveModel()->firstId(), 9501);

    QSignalSpy older(&viewer, &LogViewer::olderRecordsLoaded);
    viewer.loadOlder();
    QVERIFY(older.wait(10000));
    QCOMPARE(older.at(0).at(0).toInt(), LogViewer::kOlderPage);
    QCOMPARE(viewer.liveModel()->rowCount(), 2500);
    QCOMPARE(viewer.liveModel()->firstId(), 7501);
    QCOMPARE(viewer.liveModel()->lastId(), 10000);
    QVERIFY(!viewer.isPaused());

    // Scrolled up to read, the rows in view stay in view when older ones come in above.
    QScrollBar *bar = viewer.view()->verticalScrollBar();
    QTRY_VERIFY(bar->maximum() > 100);
    bar->setValue(10);
    const qint64 topId = viewer.view()->indexAt(QPoint(1, 1)).data(LogRecordModel::IdRole).toLongLong();
    QCOMPARE(topId, 7511);

    // Beyond the capacity the newest give way: the view stops following until asked.
    older.clear();
    viewer.loadOlder();
    QVERIFY(older.wait(10000));
    QCOMPARE(viewer.liveModel()->rowCount(), 3000);
    QCOMPARE(viewer.liveModel()->firstId(), 5501);
    QCOMPARE(viewer.liveModel()->lastId(), 8500);
    QCOMPARE(viewer.view()->indexAt(QPoint(1, 1)).data(LogRecordModel::IdRole).toLongLong(), topId);
    QVERIFY(viewer.isPaused());
    QVERIFY(viewer.findChild<QWidget *>(u"logBanner"_s)->isVisible());

    // New records meanwhile are counted; going back reads the newest from the store again.
    auto added = sampleRecords(1, 20);
    for (LogRecord &record : added) {
        record.id = 0;
    }
    QVERIFY(store->appendLog(added));
    viewer.appendRecords(*store->logRecordsAfter(10000, 20));
    QCOMPARE(viewer.unseenCount(), 20);
    QCOMPARE(viewer.liveModel()->lastId(), 8500);
    viewer.findChild<QToolButton *>(u"backToLiveButton"_s)->click();
    QTRY_VERIFY(!viewer.isPaused());
    QCOMPARE(viewer.liveModel()->rowCount(), 3000);
    QCOMPARE(viewer.liveModel()->lastId(), 10020);
    QCOMPARE(viewer.liveModel()->firstId(), 7021);
    QTRY_COMPARE(bar->value(), bar->maximum());
}

void TestLogViewer::showMailboxFiltersAndSearchesWhenNotInMemory()
{
    QTemporaryDir dir;
    auto store = makeStore(dir, 2000);
    QVERIFY(store);
    QVERIFY(store->appendLog({makeRecord(0, LogLevel::Error, u"quiet@contoso.com"_s, u"imap"_s, u"Login failed"_s)}));
    QVERIFY(store->appendLog(sampleRecords(1, 1000)));

    LogViewer viewer;
    viewer.setCapacity(1000);
    viewer.setStore(store->config());
    viewer.appendRecords(*store->logRecordsBefore(std::numeric_limits<qint64>::max(), 1000));
    viewer.setFilter(LogFilter(LogLevel::Debug, {}, u"fetched 3"_s));

    viewer.showMailbox(u"bob@contoso.com"_s);
    QCOMPARE(viewer.mode(), LogViewer::Mode::Live);
    QCOMPARE(viewer.filter().mailbox(), u"bob@contoso.com"_s);
    QVERIFY(viewer.filter().text().isEmpty()); // the text filter is cleared
    QCOMPARE(viewer.findChild<QComboBox *>(u"mailboxFilter"_s)->currentText(), u"bob@contoso.com"_s);
    QCOMPARE(viewer.proxy()->rowCount(), 250);
    for (int row = 0; row < viewer.proxy()->rowCount(); ++row) {
        QCOMPARE(viewer.proxy()->index(row, LogRecordModel::Mailbox).data().toString(), u"bob@contoso.com"_s);
    }

    // A mailbox with nothing in memory: its older records are searched for at once.
    QSignalSpy finished(&viewer, &LogViewer::searchFinished);
    viewer.showMailbox(u"quiet@contoso.com"_s);
    QCOMPARE(viewer.mode(), LogViewer::Mode::SearchResults);
    QVERIFY(finished.wait(30000));
    QCOMPARE(viewer.proxy()->rowCount(), 1);
    QCOMPARE(viewer.proxy()->index(0, LogRecordModel::Message).data().toString(), u"Login failed"_s);
}

void TestLogViewer::emptyStatesSayWhatIsHappening()
{
    LogViewer viewer;
    viewer.show();
    QVERIFY2(viewer.emptyStateText().contains(u"No log records yet"_s), qPrintable(viewer.emptyStateText()));
    QVERIFY(viewer.findChild<QLabel *>(u"emptyState"_s)->isVisible());
    viewer.appendRecords(sampleRecords(1, 10));
    QCOMPARE(viewer.emptyStateText(), QString());
    QVERIFY(!viewer.findChild<QLabel *>(u"emptyState"_s)->isVisible());
    viewer.setFilter(LogFilter(LogLevel::Debug, {}, u"nothing like this"_s));
    QVERIFY2(viewer.emptyStateText().contains(u"No record in memory matches"_s), qPrintable(viewer.emptyStateText()));
    viewer.setFilter(LogFilter(LogLevel::Debug, u"nobody@contoso.com"_s, {}));
    QVERIFY(viewer.emptyStateText().contains(u"nobody@contoso.com"_s));
    QVERIFY(!viewer.statusText().isEmpty());
}

void TestLogViewer::controlsHaveAccessibleNames()
{
    LogViewer viewer;
    const QList<QWidget *> widgets = viewer.findChildren<QWidget *>();
    int checked = 0;
    for (QWidget *widget : widgets) {
        if (qobject_cast<QComboBox *>(widget) || qobject_cast<QLineEdit *>(widget) ||
            qobject_cast<QCheckBox *>(widget) || qobject_cast<QToolButton *>(widget) ||
            qobject_cast<QTableView *>(widget)) {
            if (qobject_cast<QLineEdit *>(widget) && qobject_cast<QComboBox *>(widget->parentWidget())) {
                continue; // the combo box's own editor: the combo box has the name
            }
            if (widget->parentWidget() && widget->parentWidget()->inherits("QAbstractScrollArea")) {
                continue;
            }
            if (qobject_cast<QToolButton *>(widget) && widget->parentWidget() &&
                (widget->parentWidget()->inherits("QTabBar") || widget->parentWidget()->inherits("QLineEdit"))) {
                continue;
            }
            QVERIFY2(!widget->accessibleName().isEmpty(),
                     qPrintable(
                         u"%1 %2"_s.arg(QString::fromLatin1(widget->metaObject()->className()), widget->objectName())));
            ++checked;
        }
    }
    QVERIFY(checked >= 8);
}

QTEST_MAIN(TestLogViewer)
#include "tst_logviewer.moc"

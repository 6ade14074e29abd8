// What the fuzzers found in the ACT codecs, kept as regressions: every input under tests/fuzz/corpus/icalcodec and
// tests/fuzz/corpus/vcard (the seeds and the crashers found, named crash-*) is parsed, written back over itself and
// parsed again, in this process without sanitizers, and must neither crash nor take long. A server's VTIMEZONE whose
// observance has a date libical cannot expand (month 51, day 62) is refused as bad data instead of crashing the node
// inside icaltimezone_truncate_vtimezone().

#include "act/icalcodec.h"
#include "act/vcard.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>

using namespace SyncDesk;
using namespace Qt::StringLiterals;

class TstActCodecsHostile : public QObject
{
    Q_OBJECT

private:
    static QStringList inputs(const QString &fuzzer)
    {
        QDir dir(QStringLiteral(SYNCDESK_SOURCE_DIR) + u"/tests/fuzz/corpus/"_s + fuzzer);
        QStringList paths;
        for (const QString &name : dir.entryList(QDir::Files, QDir::Name)) {
            paths.append(dir.filePath(name));
        }
        return paths;
    }
    static QByteArray read(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private Q_SLOTS:
    void calendarCorpus()
    {
        const QStringList paths = inputs(u"icalcodec"_s);
        QVERIFY(paths.size() >= 5);
        QVERIFY(std::any_of(paths.cbegin(), paths.cend(), [](const QString &p) { return p.contains(u"crash-"_s); }));
        for (const QString &path : paths) {
            QElapsedTimer timer;
            timer.start();
            const QByteArray input = read(path);
            QVERIFY(!input.isEmpty());
            auto parsed = ICalCodec::parse(input);
            if (parsed) {
                const auto written = parsed->kind == ActKind::Task ? ICalCodec::write(parsed->task, input)
                                                                   : ICalCodec::write(parsed->appointment, input);
                QVERIFY2(written.ok(), qPrintable(path));
                QVERIFY2(ICalCodec::parse(*written).ok(), qPrintable(path));
            } else {
                QCOMPARE(parsed.error().hintId, u"dav-bad-data"_s);
            }
            QVERIFY2(timer.elapsed() < 5000, qPrintable(path));
        }
    }

    void brokenObservanceIsBadData()
    {
        const QByteArray input =
            read(QStringLiteral(SYNCDESK_SOURCE_DIR) + u"/tests/fuzz/corpus/icalcodec/crash-truncate-vtimezone"_s);
        QVERIFY(input.contains("DTSTART:08005162T020000"));
        auto parsed = ICalCodec::parse(input);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().hintId, u"dav-bad-data"_s);
    }

    void cardCorpus()
    {
        const QStringList paths = inputs(u"vcard"_s);
        QVERIFY(paths.size() >= 5);
        for (const QString &path : paths) {
            const QByteArray input = read(path);
            auto parsed = VCard::parse(input);
            if (parsed) {
                QVERIFY2(VCard::parse(VCard::write(*parsed, input)).ok(), qPrintable(path));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TstActCodecsHostile)
#include "tst_actcodecshostile.moc"

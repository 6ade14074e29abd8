// The README's configuration examples are what a new administrator copies first: every JSON block in it is
// imported with `syncdesk-node config import` as written (fragments in the document they belong to; files
// they name made first), and must be accepted.

#include "noderunner.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

class TestReadmeExamples : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyJsonBlockImports();
};

void TestReadmeExamples::everyJsonBlockImports()
{
    QFile readme(QStringLiteral(SYNCDESK_SOURCE_DIR) + u"/README.md"_s);
    QVERIFY(readme.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(readme.readAll());
    static const QRegularExpression block(u"```json\\n(.*?)```"_s, QRegularExpression::DotMatchesEverythingOption);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // The files the examples name: password files and CA files, made where the example expects them (absolute
    // paths under /etc go to the test's directory instead).
    static const QRegularExpression named(u"\"(?:password_file|ca_file)\":\\s*\"([^\"]+)\""_s);
    int imported = 0;
    auto it = block.globalMatch(text);
    while (it.hasNext()) {
        QString json = it.next().captured(1).trimmed();
        json.replace(u"/etc/syncdesk/secrets/"_s, dir.path() + u"/"_s);
        // A fragment: a section ("key": {…}) goes into a document; a server profile into server_profiles.
        if (json.startsWith(u'"')) {
            json = u"{"_s + json + u"}"_s;
        } else if (json.contains(u"\"incoming\""_s) && !json.contains(u"\"server_profiles\""_s)) {
            json = u"{\"server_profiles\": ["_s + json + u"]}"_s;
        }
        if (!json.contains(u"\"server_profiles\""_s) && !json.contains(u"\"mailboxes\""_s) &&
            !json.contains(u"\"crm\""_s) && !json.contains(u"\"retention\""_s)) {
            json.insert(json.lastIndexOf(u'}'), u", \"mailboxes\": []"_s); // settings alone: with an empty list
        }
        auto files = named.globalMatch(json);
        while (files.hasNext()) {
            const QString name = files.next().captured(1);
            const QString path = QDir(dir.path()).absoluteFilePath(name);
            QFile file(path);
            QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(path));
            file.write("secret\n");
            file.close();
            QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        }
        const QString path = dir.filePath(u"example%1.json"_s.arg(++imported));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(json.toUtf8());
        file.close();
        const NodeRun run = runNode(QStringLiteral(SYNCDESK_NODE_BINARY), dir.filePath(u"store.db"_s),
                                    {u"config"_s, u"import"_s, path});
        QVERIFY2(run.exitCode == 0,
                 qPrintable(u"README example %1 was refused:\n%2\n%3"_s.arg(imported).arg(json, run.out + run.err)));
    }
    QVERIFY2(imported >= 7, qPrintable(QString::number(imported)));
}

QTEST_GUILESS_MAIN(TestReadmeExamples)
#include "tst_readmeexamples.moc"

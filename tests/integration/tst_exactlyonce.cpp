// Exactly once against a real Dovecot: messages without a Message-ID that share a header block stay
// distinct (IMAP and POP3), a re-delivered identical message stays one; the audit (`syncdesk-node verify`)
// finds nothing missing after a sync, finds an activity deleted by hand, raises its alert, and --repair
// fetches the message again in the same run.

#include "dovecotserver.h"
#include "mailfactory.h"
#include "noderunner.h"
#include "scheduler/syncengine.h"
#include "testconfig.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

// Six different messages with one header block and no Message-ID, then the first one again, byte for byte.
QList<QByteArray> sameHeaders()
{
    QList<QByteArray> messages;
    for (int i = 0; i < 6; ++i) {
        messages.append("From: Robot <robot@plant.test>\r\nTo: ops@corp.test\r\nSubject: Sensor report\r\n"
                        "Date: Tue, 3 Nov 2026 06:00:00 +0000\r\n\r\nReading " +
                        QByteArray::number(i * 17 + 3) + " units.\r\n");
    }
    messages.append(messages.constFirst());
    return messages;
}

} // namespace

class TestExactlyOnce : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void syncThenVerifyFindsNothingMissing();
    void distinctMessagesWithSameHeadersStayDistinct();
    void verifyFindsADeletedActivityAndRepairs();
    void verifyFindsADeletedPop3ActivityAndRepairs();
    void verifyRefusesUnknownMailbox();
    void processFromSkipsOlderMailAndAccountsForIt();
    void processFromMustBeADate();
    void runningEngineAuditsByItself();

private:
    NodeRun node(const QStringList &arguments);
    QJsonArray verifyJson(const QString &address, bool repair = false, int *exitCode = nullptr);
    int sqlCount(const QString &sql);
    bool sqlExec(const QString &sql);

    DovecotServer m_dovecot;
    QTemporaryDir m_dir;
    QString m_db;
};

NodeRun TestExactlyOnce::node(const QStringList &arguments)
{
    return runNode(QStringLiteral(SYNCDESK_NODE_BINARY), m_db, arguments);
}

QJsonArray TestExactlyOnce::verifyJson(const QString &address, bool repair, int *exitCode)
{
    QStringList arguments{u"verify"_s, u"--mailbox"_s, address, u"--json"_s};
    if (repair) {
        arguments.append(u"--repair"_s);
    }
    const NodeRun run = node(arguments);
    if (exitCode) {
        *exitCode = run.exitCode;
    }
    // --repair prints its progress line first.
    const QString text = run.out.mid(run.out.indexOf(u'['));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError) {
        qWarning("not JSON (%s): %s %s", qPrintable(error.errorString()), qPrintable(run.out), qPrintable(run.err));
    }
    return document.array();
}

int TestExactlyOnce::sqlCount(const QString &sql)
{
    int count = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"by-hand"_s);
        db.setDatabaseName(m_db);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(sql) && query.next()) {
                count = query.value(0).toInt();
            }
        }
    }
    QSqlDatabase::removeDatabase(u"by-hand"_s);
    return count;
}

bool TestExactlyOnce::sqlExec(const QString &sql)
{
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"by-hand"_s);
        db.setDatabaseName(m_db);
        if (db.open()) {
            QSqlQuery query(db);
            ok = query.exec(u"PRAGMA foreign_keys=ON"_s) && query.exec(sql) && query.numRowsAffected() > 0;
        }
    }
    QSqlDatabase::removeDatabase(u"by-hand"_s);
    return ok;
}

void TestExactlyOnce::initTestCase()
{
    if (!DovecotServer::isAvailable()) {
        QSKIP("dovecot is not installed: run scripts/test.sh, which installs it");
    }
    QVERIFY(QFile::exists(QStringLiteral(SYNCDESK_NODE_BINARY)));
    QVERIFY(m_dir.isValid());
    m_dovecot.setUser(u"ida"_s, u"ida-pw"_s);
    m_dovecot.setUser(u"pia"_s, u"pia-pw"_s);
    m_dovecot.setUser(u"old"_s, u"old-pw"_s);
    m_dovecot.setUser(u"olp"_s, u"olp-pw"_s);
    QString error;
    QVERIFY2(m_dovecot.start(&error), qPrintable(error));
    QVERIFY2(m_dovecot.createFolder(u"ida"_s, u"Projects"_s, &error), qPrintable(error));
    const QDateTime base(QDate(2026, 11, 3), QTime(10, 0), Qt::UTC);
    for (int i = 0; i < 5; ++i) {
        QVERIFY(
            m_dovecot.deliver(u"ida"_s, u"INBOX"_s,
                              MailFactory::build(MailFactory::realistic(u"ida@corp.test"_s, i, base.addSecs(i * 60)))));
        QVERIFY(m_dovecot.deliver(
            u"ida"_s, u"Projects"_s,
            MailFactory::build(MailFactory::realistic(u"ida@corp.test"_s, 100 + i, base.addSecs(3600 + i * 60)))));
    }
    for (const QByteArray &message : sameHeaders()) {
        QVERIFY(m_dovecot.deliver(u"ida"_s, u"INBOX"_s, message));
        QVERIFY(m_dovecot.deliver(u"pia"_s, u"INBOX"_s, message));
    }
    for (int i = 0; i < 3; ++i) {
        QVERIFY(
            m_dovecot.deliver(u"pia"_s, u"INBOX"_s,
                              MailFactory::build(MailFactory::realistic(u"pia@corp.test"_s, i, base.addSecs(i * 60)))));
    }
    // Ten years of history, then recent mail: received (and dated) 2016-2019, then November 2026.
    auto received = [](int i) {
        return i < 4 ? QDateTime(QDate(2016 + i, 3, 1), QTime(9, 0), Qt::UTC)
                     : QDateTime(QDate(2026, 11, i), QTime(9, 0), Qt::UTC);
    };
    auto historic = [received](int i) {
        MailFactory::Message m = MailFactory::realistic(u"old@corp.test"_s, 200 + i, received(i));
        m.messageId = u"history-%1@corp.test"_s.arg(i);
        return MailFactory::build(m);
    };
    QVERIFY2(m_dovecot.bulkDeliver(u"old"_s, 6, historic, &error, u"INBOX"_s, received), qPrintable(error));
    QVERIFY2(m_dovecot.bulkDeliver(u"olp"_s, 6, historic, &error, u"INBOX"_s, received), qPrintable(error));
    m_db = m_dir.filePath(u"node.db"_s);
    TestConfig config(m_dir.filePath(u"cfg"_s));
    config.addProfile(u"Corp IMAP"_s, m_dovecot, u"starttls"_s);
    config.addPop3Profile(u"Corp POP3"_s, m_dovecot, u"tls"_s);
    config.addMailbox(u"ida@corp.test"_s, u"Corp IMAP"_s, u"ida"_s, u"ida-pw"_s, {u"INBOX"_s, u"Projects"_s});
    config.addMailbox(u"pia@corp.test"_s, u"Corp POP3"_s, u"pia"_s, u"pia-pw"_s);
    config.addMailbox(u"old@corp.test"_s, u"Corp IMAP"_s, u"old"_s, u"old-pw"_s);
    config.setMailboxKey(u"old@corp.test"_s, u"process_from"_s, u"2025-01-01"_s);
    config.addMailbox(u"olp@corp.test"_s, u"Corp POP3"_s, u"olp"_s, u"olp-pw"_s);
    config.setMailboxKey(u"olp@corp.test"_s, u"process_from"_s, u"2025-01-01T00:00:00Z"_s);
    const NodeRun imported = node({u"config"_s, u"import"_s, config.write()});
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
    const NodeRun synced = node({u"sync"_s, u"--once"_s});
    QVERIFY2(synced.exitCode == 0, qPrintable(synced.out + synced.err));
}

void TestExactlyOnce::syncThenVerifyFindsNothingMissing()
{
    const NodeRun run = node({u"verify"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    QVERIFY2(run.out.contains(u"ida@corp.test: nothing missing"_s), qPrintable(run.out));
    QVERIFY2(run.out.contains(u"pia@corp.test: nothing missing"_s), qPrintable(run.out));
    QCOMPARE(run.out.count(u"nothing missing"_s), 4);
    const QJsonArray reports = verifyJson(u"ida@corp.test"_s);
    QCOMPARE(reports.size(), 1);
    const QJsonObject report = reports.at(0).toObject();
    QCOMPARE(report.value(u"missing"_s).toInt(), 0);
    const QJsonArray folders = report.value(u"folders"_s).toArray();
    QCOMPARE(folders.size(), 2);
    QCOMPARE(folders.at(0).toObject().value(u"folder"_s).toString(), u"INBOX"_s);
    QCOMPARE(folders.at(0).toObject().value(u"on_server"_s).toInt(), 12);
    QCOMPARE(folders.at(0).toObject().value(u"accounted"_s).toInt(), 12);
    QCOMPARE(folders.at(1).toObject().value(u"on_server"_s).toInt(), 5);
    QCOMPARE(folders.at(1).toObject().value(u"accounted"_s).toInt(), 5);
    // The audit's time and result are in the status.
    const QJsonDocument status = QJsonDocument::fromJson(node({u"status"_s, u"--json"_s}).out.toUtf8());
    bool found = false;
    for (const QJsonValue &value : status.array()) {
        if (value.toObject().value(u"address"_s).toString() == u"ida@corp.test"_s) {
            const QJsonObject audit = value.toObject().value(u"last_audit"_s).toObject();
            QVERIFY2(!audit.value(u"time"_s).toString().isEmpty(), QJsonDocument(audit).toJson().constData());
            QCOMPARE(audit.value(u"missing"_s).toInt(-1), 0);
            found = true;
        }
    }
    QVERIFY(found);
}

void TestExactlyOnce::distinctMessagesWithSameHeadersStayDistinct()
{
    // IMAP: 5 + 5 business messages, 6 distinct sensor reports; the re-delivered copy is one activity with
    // the first. POP3 the same: 6 reports and 3 business messages.
    const QString ida = u"(SELECT id FROM mailboxes WHERE address = 'ida@corp.test')"_s;
    const QString pia = u"(SELECT id FROM mailboxes WHERE address = 'pia@corp.test')"_s;
    QCOMPARE(
        sqlCount(u"SELECT COUNT(*) FROM activities WHERE mailbox_id = %1 AND subject = 'Sensor report'"_s.arg(ida)), 6);
    QCOMPARE(sqlCount(u"SELECT COUNT(*) FROM activities WHERE mailbox_id = %1"_s.arg(ida)), 16);
    QCOMPARE(
        sqlCount(u"SELECT COUNT(*) FROM activities WHERE mailbox_id = %1 AND subject = 'Sensor report'"_s.arg(pia)), 6);
    QCOMPARE(sqlCount(u"SELECT COUNT(*) FROM activities WHERE mailbox_id = %1"_s.arg(pia)), 9);
    // The copy's UID points at the first one's activity, so the audit accounts for it.
    QCOMPARE(sqlCount(u"SELECT COUNT(*) FROM activity_aliases WHERE mailbox_id = %1"_s.arg(ida)), 1);
}

void TestExactlyOnce::verifyFindsADeletedActivityAndRepairs()
{
    const int uid = sqlCount(u"SELECT uid FROM activities a JOIN mailboxes m ON m.id = a.mailbox_id WHERE "
                             "m.address = 'ida@corp.test' AND a.folder = 'Projects' ORDER BY uid LIMIT 1 OFFSET 2"_s);
    QVERIFY(uid > 0);
    QVERIFY(sqlExec(u"DELETE FROM activities WHERE folder = 'Projects' AND uid = %1 AND mailbox_id = "
                    "(SELECT id FROM mailboxes WHERE address = 'ida@corp.test')"_s.arg(uid)));
    int exitCode = -1;
    QJsonArray reports = verifyJson(u"ida@corp.test"_s, false, &exitCode);
    QCOMPARE(exitCode, 1);
    QCOMPARE(reports.size(), 1);
    QCOMPARE(reports.at(0).toObject().value(u"missing"_s).toInt(), 1);
    const QJsonObject projects = reports.at(0).toObject().value(u"folders"_s).toArray().at(1).toObject();
    QCOMPARE(projects.value(u"folder"_s).toString(), u"Projects"_s);
    QCOMPARE(projects.value(u"missing_uids"_s).toArray(), QJsonArray{uid});
    // The text names the UID and the way out; an alert with its own hint is open.
    const NodeRun text = node({u"verify"_s, u"--mailbox"_s, u"ida@corp.test"_s});
    QCOMPARE(text.exitCode, 1);
    QVERIFY2(text.out.contains(u"missing UIDs: %1"_s.arg(uid)), qPrintable(text.out));
    QVERIFY2(text.out.contains(u"verify --repair --mailbox ida@corp.test"_s), qPrintable(text.out));
    const NodeRun alerts = node({u"alerts"_s, u"--json"_s});
    QVERIFY2(alerts.out.contains(u"\"sync-gap\""_s), qPrintable(alerts.out));

    reports = verifyJson(u"ida@corp.test"_s, true, &exitCode);
    QCOMPARE(exitCode, 0);
    QCOMPARE(reports.at(0).toObject().value(u"missing"_s).toInt(), 0);
    QCOMPARE(reports.at(0).toObject().value(u"repaired"_s).toInt(), 1);
    QCOMPARE(sqlCount(u"SELECT COUNT(*) FROM activities WHERE folder = 'Projects' AND uid = %1"_s.arg(uid)), 1);
    QCOMPARE(sqlCount(u"SELECT COUNT(*) FROM item_failures"_s), 0);
    // The alert closed with the gap.
    const QJsonArray open = QJsonDocument::fromJson(node({u"alerts"_s, u"--json"_s}).out.toUtf8()).array();
    for (const QJsonValue &alert : open) {
        QVERIFY2(alert.toObject().value(u"kind"_s).toString() != u"sync-gap"_s,
                 QJsonDocument(alert.toObject()).toJson().constData());
    }
}

void TestExactlyOnce::verifyFindsADeletedPop3ActivityAndRepairs()
{
    QVERIFY(sqlExec(u"DELETE FROM activities WHERE id = (SELECT a.id FROM activities a JOIN mailboxes m ON "
                    "m.id = a.mailbox_id WHERE m.address = 'pia@corp.test' AND a.subject <> 'Sensor report' "
                    "ORDER BY a.id LIMIT 1)"_s));
    int exitCode = -1;
    QJsonArray reports = verifyJson(u"pia@corp.test"_s, false, &exitCode);
    QCOMPARE(exitCode, 1);
    const QJsonObject maildrop = reports.at(0).toObject().value(u"folders"_s).toArray().at(0).toObject();
    QCOMPARE(maildrop.value(u"folder"_s).toString(), u"POP3"_s);
    QCOMPARE(maildrop.value(u"missing_uidls"_s).toArray().size(), 1);
    reports = verifyJson(u"pia@corp.test"_s, true, &exitCode);
    QCOMPARE(exitCode, 0);
    QCOMPARE(reports.at(0).toObject().value(u"repaired"_s).toInt(), 1);
    QCOMPARE(sqlCount(u"SELECT COUNT(*) FROM activities a JOIN mailboxes m ON m.id = a.mailbox_id WHERE "
                      "m.address = 'pia@corp.test'"_s),
             9);
}

void TestExactlyOnce::verifyRefusesUnknownMailbox()
{
    const NodeRun run = node({u"verify"_s, u"--mailbox"_s, u"nobody@corp.test"_s});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(u"no mailbox nobody@corp.test"_s), qPrintable(run.err));
    const NodeRun extra = node({u"verify"_s, u"INBOX"_s});
    QCOMPARE(extra.exitCode, 2);
}

void TestExactlyOnce::processFromSkipsOlderMailAndAccountsForIt()
{
    // Only the two messages of November 2026 became activities, over IMAP (INTERNALDATE) and POP3 (Date).
    QCOMPARE(sqlCount(u"SELECT COUNT(*) FROM mailboxes WHERE process_from = %1"_s.arg(
                 QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch())),
             2);
    for (const QString &address : {u"old@corp.test"_s, u"olp@corp.test"_s}) {
        const QString mailbox = u"(SELECT id FROM mailboxes WHERE address = '%1')"_s.arg(address);
        QCOMPARE(sqlCount(u"SELECT COUNT(*) FROM activities WHERE mailbox_id = %1"_s.arg(mailbox)), 2);
        QCOMPARE(sqlCount(u"SELECT COUNT(*) FROM activities WHERE mailbox_id = %1 AND message_id IN "
                          "('history-4@corp.test', 'history-5@corp.test')"_s.arg(mailbox)),
                 2);
        // The older four are accounted for, so the audit finds nothing missing.
        const QJsonArray reports = verifyJson(address);
        QCOMPARE(reports.size(), 1);
        const QJsonObject folder = reports.at(0).toObject().value(u"folders"_s).toArray().at(0).toObject();
        QCOMPARE(folder.value(u"on_server"_s).toInt(), 6);
        QCOMPARE(folder.value(u"accounted"_s).toInt(), 6);
        QCOMPARE(folder.value(u"missing"_s).toInt(), 0);
    }
    QCOMPARE(sqlCount(u"SELECT COUNT(*) FROM folder_ledger l JOIN mailboxes m ON m.id = l.mailbox_id WHERE "
                      "m.address = 'old@corp.test' AND l.disposition = 'before-process-from'"_s),
             1);
    QCOMPARE(sqlCount(u"SELECT COUNT(*) FROM pop3_seen p JOIN mailboxes m ON m.id = p.mailbox_id WHERE "
                      "m.address = 'olp@corp.test' AND p.disposition = 'before-process-from'"_s),
             4);
}

void TestExactlyOnce::processFromMustBeADate()
{
    TestConfig config(m_dir.filePath(u"bad"_s));
    config.addProfile(u"Corp IMAP"_s, m_dovecot, u"starttls"_s);
    config.addMailbox(u"bad@corp.test"_s, u"Corp IMAP"_s, u"bad"_s, u"bad-pw"_s);
    config.setMailboxKey(u"bad@corp.test"_s, u"process_from"_s, u"last tuesday"_s);
    const NodeRun run = node({u"config"_s, u"import"_s, config.write()});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(u"process_from"_s) && run.err.contains(u"ISO-8601"_s), qPrintable(run.err));
}

void TestExactlyOnce::runningEngineAuditsByItself()
{
    // An activity vanishes; a running engine, whose audits come due at once (one-second interval), finds
    // the gap by itself: last_audit in the status and the sync-gap alert, without anyone running verify.
    QVERIFY(sqlExec(u"DELETE FROM activities WHERE id = (SELECT a.id FROM activities a JOIN mailboxes m ON "
                    "m.id = a.mailbox_id WHERE m.address = 'ida@corp.test' AND a.folder = 'INBOX' "
                    "ORDER BY a.id LIMIT 1)"_s));
    const QString missing = u"SELECT last_audit_missing FROM mailbox_state s JOIN mailboxes m ON m.id = s.mailbox_id "
                            "WHERE m.address = 'ida@corp.test'"_s;
    QCOMPARE(sqlCount(missing), 0); // from the last verify
    SyncDesk::EngineSettings settings;
    settings.store = SyncDesk::StoreConfig::sqlite(m_db);
    settings.scheduler.pollIntervalMs = 100;
    settings.scheduler.auditIntervalSeconds = 1;
    SyncDesk::SyncEngine engine(settings);
    QVERIFY(engine.start());
    QTRY_COMPARE_WITH_TIMEOUT(sqlCount(missing), 1, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(sqlCount(u"SELECT COUNT(*) FROM alerts WHERE kind = 'sync-gap' AND state <> 'closed'"_s),
                              1, 10000);
    QSignalSpy stopped(&engine, &SyncDesk::SyncEngine::stopped);
    engine.stop();
    QVERIFY(stopped.wait(20000));
    // verify --repair closes the gap and the alert.
    int exitCode = -1;
    verifyJson(u"ida@corp.test"_s, true, &exitCode);
    QCOMPARE(exitCode, 0);
    QCOMPARE(sqlCount(u"SELECT COUNT(*) FROM alerts WHERE kind = 'sync-gap' AND state <> 'closed'"_s), 0);
}

QTEST_GUILESS_MAIN(TestExactlyOnce)
#include "tst_exactlyonce.moc"

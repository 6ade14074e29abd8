// The ACT direction through syncdesk-node, as an administrator uses it: the configuration's act settings, the
// appointments and tasks commands, sync --once against a private Dovecot and Radicale, status --json's act
// direction, track --appointment, and bad input refused.
#include "dovecotserver.h"
#include "modules/moduleloader.h"
#include "noderunner.h"
#include "radicaleserver.h"
#include "synchelper.h"
#include "testconfig.h"
#include "teststore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using namespace SyncDesk;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

namespace {
const QString kAna = u"ana@contoso.test"_s;
const QString kPassword = u"ana-pass"_s;
} // namespace

class TestActCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (!DovecotServer::isAvailable() || !RadicaleServer::isAvailable()) {
            if (qEnvironmentVariableIsSet("CI")) {
                QFAIL("Dovecot or Radicale is missing; scripts/test.sh installs them");
            }
            QSKIP("Dovecot or Radicale is missing; scripts/test.sh installs them");
        }
        QVERIFY(m_dovecot.setUser(u"ana"_s, kPassword));
        m_radicale.addUser(u"ana"_s, kPassword);
        QString error;
        QVERIFY2(m_dovecot.start(&error), qPrintable(error));
        QVERIFY2(m_radicale.start(&error), qPrintable(error));
        SYNCDESK_NEW_STORE(store, m_dir.path(), u"act-cli.db"_s);
        m_store = store;
        TestConfig config(m_dir.path());
        config.addProfile(u"dovecot"_s, m_dovecot, u"none"_s);
        config.setProfileKey(u"dovecot"_s, u"act"_s, QJsonObject{{u"url"_s, m_radicale.url().toString()}});
        config.addMailbox(kAna, u"dovecot"_s, u"ana"_s, kPassword, {u"INBOX"_s});
        config.setMailboxKey(kAna, u"owner"_s, u"systemuser:ana"_s);
        config.setMailboxKey(
            kAna, u"act"_s,
            QJsonObject{{u"appointments"_s, u"both"_s}, {u"tasks"_s, u"to-server"_s}, {u"contacts"_s, u"none"_s}});
        config.setCrm(QJsonDocument::fromJson(R"({
            "business_units": [{"id": "sales"}],
            "system_users": [{"id": "ana", "name": "Ana", "email": "ana@contoso.test", "business_unit": "sales"}],
            "accounts": [{"id": "fabrikam", "name": "Fabrikam", "email": "info@fabrikam.test", "owner": "ana"}]
        })")
                          .object());
        const QString imported = SyncHelper::importConfig(m_store, config.write());
        QVERIFY2(imported.isEmpty(), qPrintable(imported));
        m_db = TestStore::location(m_store);
    }

    void appointmentsAndTasksThroughTheCli()
    {
        const QString node = QStringLiteral(SYNCDESK_NODE_BINARY);
        NodeRun run = runNode(node, m_db,
                              {u"appointments"_s, u"add"_s, u"owner=ana"_s, u"subject=Quarterly review"_s,
                               u"time_zone=Europe/Berlin"_s, u"start=2026-04-02T10:00"_s, u"end=2026-04-02T11:00"_s,
                               u"attendees=Bob <bob@fabrikam.test>"_s, u"regarding=account:fabrikam"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QString id = run.out.trimmed();
        QVERIFY(id.toLongLong() > 0);
        run = runNode(
            node, m_db,
            {u"tasks"_s, u"add"_s, u"owner=ana"_s, u"subject=Send the offer"_s, u"due=2026-04-03"_s, u"priority=1"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));

        run = runNode(node, m_db, {u"sync"_s, u"--once"_s, u"--mailbox"_s, kAna});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));

        run = runNode(node, m_db, {u"appointments"_s, u"show"_s, id, u"--json"_s});
        QCOMPARE(run.exitCode, 0);
        QJsonObject shown = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(shown.value(u"start"_s).toString(), u"2026-04-02T08:00:00Z"_s); // 10:00 in Berlin, summer time
        QCOMPARE(shown.value(u"regarding"_s).toString(), u"account:fabrikam"_s);
        const QJsonArray where = shown.value(u"synced_to"_s).toArray();
        QCOMPARE(where.size(), 1);
        const QString href = where.at(0)[u"href"_s].toString();
        auto onServer = m_radicale.get(u"ana"_s, kPassword, href);
        QVERIFY2(onServer.ok() && onServer.body.contains("SUMMARY:Quarterly review") &&
                     onServer.body.contains("TZID=Europe/Berlin"),
                 onServer.body.constData());

        // Moved on the phone: the next sync brings the new time into the CRM.
        QByteArray moved = onServer.body;
        moved.replace("T100000", "T140000");
        moved.replace("T110000", "T150000");
        QVERIFY(m_radicale.put(u"ana"_s, kPassword, href, moved, onServer.etag()).ok());
        run = runNode(node, m_db, {u"sync"_s, u"--once"_s, u"--mailbox"_s, kAna});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        run = runNode(node, m_db, {u"appointments"_s, u"show"_s, id, u"--json"_s});
        shown = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(shown.value(u"start"_s).toString(), u"2026-04-02T12:00:00Z"_s);

        // status --json: the third direction beside incoming and outgoing.
        run = runNode(node, m_db, {u"status"_s, u"--json"_s, u"--mailbox"_s, kAna});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject act = QJsonDocument::fromJson(run.out.toUtf8()).array().at(0)[u"act"_s].toObject();
        QCOMPARE(act.value(u"state"_s).toString(), u"ok"_s);
        QCOMPARE(act.value(u"failures_in_row"_s).toInt(), 0);
        QVERIFY(!act.value(u"last_success_at"_s).toString().isEmpty());
        QCOMPARE(act[u"settings"_s][u"tasks"_s].toString(), u"to-server"_s);

        // track --appointment: an immediate sync is asked for; the next run completes it.
        const QString uid = shown.value(u"uid"_s).toString();
        run = runNode(node, m_db, {u"track"_s, u"--appointment"_s, uid, u"--regarding"_s, u"account:fabrikam"_s});
        QVERIFY2(run.exitCode == 0 && run.out.contains(kAna), qPrintable(run.out + run.err));
        run = runNode(node, m_db, {u"status"_s, u"--json"_s, u"--mailbox"_s, kAna});
        QCOMPARE(QJsonDocument::fromJson(run.out.toUtf8()).array().at(0)[u"act"_s][u"state"_s].toString(),
                 u"requested"_s);
        run = runNode(node, m_db, {u"sync"_s, u"--once"_s, u"--mailbox"_s, kAna});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        run = runNode(node, m_db, {u"status"_s, u"--json"_s, u"--mailbox"_s, kAna});
        QCOMPARE(QJsonDocument::fromJson(run.out.toUtf8()).array().at(0)[u"act"_s][u"state"_s].toString(), u"ok"_s);

        run = runNode(node, m_db, {u"tasks"_s, u"list"_s, u"--json"_s});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray tasks = QJsonDocument::fromJson(run.out.toUtf8()).array();
        QCOMPARE(tasks.size(), 1);
        QCOMPARE(tasks.at(0)[u"due"_s].toString(), u"2026-04-03T00:00:00Z"_s);
        QVERIFY(tasks.at(0)[u"all_day"_s].toBool());
    }

    // The connection test's last step finds the calendar and address book (and makes nothing).
    void connectionTestFindsTheCalendar()
    {
        const QString node = QStringLiteral(SYNCDESK_NODE_BINARY);
        const NodeRun run = runNode(node, m_db, {u"test-mailbox"_s, kAna, u"--json"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        const QJsonArray steps = QJsonDocument::fromJson(run.out.toUtf8()).object().value(u"steps"_s).toArray();
        QJsonObject dav;
        for (const QJsonValue &step : steps) {
            if (step[u"step"_s].toString() == u"dav"_s) {
                dav = step.toObject();
            }
        }
        QCOMPARE(dav.value(u"status"_s).toString(), u"passed"_s);
        QVERIFY2(dav.value(u"detail"_s).toString().contains(u"/ana/"_s), qPrintable(dav.value(u"detail"_s).toString()));
    }

    // A field both sides changed: the rule keeps the CRM's, and `conflicts` lists both values (text and JSON).
    void conflictsAreListed()
    {
        const QString node = QStringLiteral(SYNCDESK_NODE_BINARY);
        NodeRun run = runNode(node, m_db,
                              {u"appointments"_s, u"add"_s, u"owner=ana"_s, u"subject=Site visit"_s,
                               u"start=2026-05-04T09:00Z"_s, u"end=2026-05-04T10:00Z"_s, u"location=Room 1"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QString id = run.out.trimmed();
        QVERIFY(runNode(node, m_db, {u"sync"_s, u"--once"_s, u"--mailbox"_s, kAna}).exitCode == 0);
        run = runNode(node, m_db, {u"appointments"_s, u"show"_s, id, u"--json"_s});
        const QString href =
            QJsonDocument::fromJson(run.out.toUtf8()).object()[u"synced_to"_s].toArray().at(0)[u"href"_s].toString();
        QVERIFY(!href.isEmpty());
        run = runNode(node, m_db, {u"appointments"_s, u"set"_s, id, u"location=Room 2"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        auto onServer = m_radicale.get(u"ana"_s, kPassword, href);
        QByteArray changed = onServer.body;
        QVERIFY(changed.contains("LOCATION:Room 1"));
        changed.replace("LOCATION:Room 1", "LOCATION:Room 3");
        QVERIFY(m_radicale.put(u"ana"_s, kPassword, href, changed, onServer.etag()).ok());
        QVERIFY(runNode(node, m_db, {u"sync"_s, u"--once"_s, u"--mailbox"_s, kAna}).exitCode == 0);

        run = runNode(node, m_db, {u"conflicts"_s, u"--json"_s, u"--mailbox"_s, kAna});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonArray conflicts = QJsonDocument::fromJson(run.out.toUtf8()).array();
        QJsonObject found;
        for (const QJsonValue &value : conflicts) {
            if (value[u"subject"_s].toString() == u"Site visit"_s) {
                found = value.toObject();
            }
        }
        QCOMPARE(found.value(u"field"_s).toString(), u"location"_s);
        QCOMPARE(found.value(u"crm_value"_s).toString(), u"Room 2"_s);
        QCOMPARE(found.value(u"server_value"_s).toString(), u"Room 3"_s);
        QCOMPARE(found.value(u"kept"_s).toString(), u"crm"_s);
        QCOMPARE(found.value(u"mailbox"_s).toString(), kAna);
        QVERIFY(m_radicale.get(u"ana"_s, kPassword, href).body.contains("LOCATION:Room 2"));
        run = runNode(node, m_db, {u"conflicts"_s});
        QVERIFY2(run.out.contains(u"CRM \"Room 2\", server \"Room 3\", kept: crm"_s), qPrintable(run.out));
        run = runNode(node, m_db, {u"conflicts"_s, u"--mailbox"_s, u"nobody@example.test"_s});
        QCOMPARE(run.exitCode, 2);
    }

    // libical is in a module (act/icalmodule.h). An installation without it reads no calendar object: the
    // calendar direction fails with the reason instead of skipping the server's changes, so that none is lost
    // (the sync token stays where it was) and the next sync with the module brings them in.
    void missingICalModuleLosesNoServerChange()
    {
        const QString node = QStringLiteral(SYNCDESK_NODE_BINARY);
        NodeRun run = runNode(node, m_db,
                              {u"appointments"_s, u"add"_s, u"owner=ana"_s, u"subject=Board meeting"_s,
                               u"start=2026-06-08T09:00Z"_s, u"end=2026-06-08T10:00Z"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QString id = run.out.trimmed();
        run = runNode(node, m_db, {u"sync"_s, u"--once"_s, u"--mailbox"_s, kAna});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        run = runNode(node, m_db, {u"appointments"_s, u"show"_s, id, u"--json"_s});
        const QString href =
            QJsonDocument::fromJson(run.out.toUtf8()).object()[u"synced_to"_s].toArray().at(0)[u"href"_s].toString();
        QVERIFY(!href.isEmpty());
        auto onServer = m_radicale.get(u"ana"_s, kPassword, href);
        QByteArray moved = onServer.body;
        QVERIFY(moved.contains("SUMMARY:Board meeting"));
        moved.replace("SUMMARY:Board meeting", "SUMMARY:Board meeting (moved)");
        QVERIFY(m_radicale.put(u"ana"_s, kPassword, href, moved, onServer.etag()).ok());

        // Every module but the iCalendar one: new mail, if any, is still decoded and stored.
        const QString withoutICal = m_dir.filePath(u"modules-without-ical"_s);
        QVERIFY(QDir().mkpath(withoutICal));
        int linked = 0;
        for (const QString &directory : Modules::searchPath()) {
            for (const QString &module : {u"libsyncdesk-mime.so"_s, u"libsyncdesk-keychain.so"_s}) {
                const QString built = QDir(directory).filePath(module);
                if (QFileInfo::exists(built) && QFile::link(built, QDir(withoutICal).filePath(module))) {
                    ++linked;
                }
            }
        }
        QCOMPARE(linked, 2);
        QString error;
        QVERIFY2(m_dovecot.deliver(u"ana"_s, u"INBOX"_s,
                                   "From: Bob <bob@example.test>\r\nTo: ana@example.test\r\nSubject: Agenda\r\n"
                                   "Message-ID: <agenda-without-ical@example.test>\r\n"
                                   "Date: Mon, 1 Jun 2026 08:00:00 +0000\r\n\r\nThe agenda.\r\n",
                                   &error),
                 qPrintable(error));
        QProcessEnvironment broken = QProcessEnvironment::systemEnvironment();
        broken.insert(u"SYNCDESK_MODULE_DIR"_s, withoutICal);
        run = runNode(node, m_db, {u"sync"_s, u"--once"_s, u"--mailbox"_s, kAna}, {}, broken);
        // The email went through (the new message decoded and fetched); the calendar direction's failure is said
        // and sets the exit code.
        QVERIFY2(run.exitCode == 1 && run.out.contains(kAna + u": ok, "_s) && run.out.contains(u", 1 fetched"_s) &&
                     !run.out.contains(u"failed"_s),
                 qPrintable(run.out + run.err));
        QVERIFY2(run.err.contains(kAna + u", appointments, contacts and tasks: Internal:"_s) &&
                     run.err.contains(u"libsyncdesk-ical.so"_s) && run.err.contains(withoutICal),
                 qPrintable(run.err));
        run = runNode(node, m_db, {u"status"_s, u"--json"_s, u"--mailbox"_s, kAna});
        const QJsonObject act = QJsonDocument::fromJson(run.out.toUtf8()).array().at(0)[u"act"_s].toObject();
        QVERIFY2(act.value(u"state"_s).toString() != u"ok"_s, qPrintable(run.out));
        QVERIFY2(QJsonDocument(act).toJson().contains("libsyncdesk-ical.so"), qPrintable(run.out));
        run = runNode(node, m_db, {u"appointments"_s, u"show"_s, id, u"--json"_s});
        QCOMPARE(QJsonDocument::fromJson(run.out.toUtf8()).object()[u"subject"_s].toString(), u"Board meeting"_s);

        run = runNode(node, m_db, {u"sync"_s, u"--once"_s, u"--mailbox"_s, kAna});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        run = runNode(node, m_db, {u"appointments"_s, u"show"_s, id, u"--json"_s});
        QCOMPARE(QJsonDocument::fromJson(run.out.toUtf8()).object()[u"subject"_s].toString(),
                 u"Board meeting (moved)"_s);
    }

    void badInputIsRefused()
    {
        const QString node = QStringLiteral(SYNCDESK_NODE_BINARY);
        const QList<QPair<QStringList, QString>> cases{
            {{u"appointments"_s, u"add"_s, u"owner=ana"_s, u"subject=X"_s, u"start=tomorrow"_s, u"end=2026-01-01"_s},
             u"start"_s},
            {{u"appointments"_s, u"add"_s, u"owner=ana"_s, u"subject=X"_s, u"start=2026-04-02T10:00Z"_s,
              u"end=2026-04-02T09:00Z"_s},
             u"after the start"_s},
            {{u"appointments"_s, u"add"_s, u"owner=nobody"_s, u"subject=X"_s, u"start=2026-04-02T10:00Z"_s,
              u"end=2026-04-02T11:00Z"_s},
             u"nobody"_s},
            {{u"appointments"_s, u"set"_s, u"99999"_s, u"subject=X"_s}, u"99999"_s},
            {{u"appointments"_s, u"set"_s, u"1"_s, u"colour=red"_s}, u"colour"_s},
            {{u"tasks"_s, u"add"_s, u"owner=ana"_s, u"subject=X"_s, u"priority=11"_s}, u"priority"_s},
            {{u"tasks"_s, u"add"_s, u"owner=ana"_s, u"subject=X"_s, u"status=done"_s}, u"status"_s},
            {{u"appointments"_s, u"add"_s, u"owner=ana"_s, u"subject=X"_s, u"time_zone=Mars/Olympus"_s,
              u"start=2026-04-02T10:00"_s, u"end=2026-04-02T11:00"_s},
             u"time zone"_s},
            {{u"track"_s, u"--appointment"_s, u"no-such-uid"_s}, u"no-such-uid"_s},
        };
        for (const auto &[arguments, mention] : cases) {
            const NodeRun run = runNode(node, m_db, arguments);
            QVERIFY2(run.exitCode == 2 && run.err.contains(mention),
                     qPrintable(arguments.join(u' ') + u" -> "_s + QString::number(run.exitCode) + u": "_s + run.err));
        }
    }

private:
    DovecotServer m_dovecot;
    RadicaleServer m_radicale;
    QTemporaryDir m_dir;
    StoreConfig m_store;
    QString m_db;
};

QTEST_GUILESS_MAIN(TestActCli)
#include "tst_actcli.moc"

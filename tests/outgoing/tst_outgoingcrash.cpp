// Never sent twice, never lost: syncdesk-node sync --once sends 300 emails through a real Dovecot submission
// service (delivered into the recipient's INBOX by LMTP) and is killed with SIGKILL at 30 random points:
// before its login, inside an SMTP transaction, between the server's acceptance and the store's record of it,
// inside the APPEND of the Sent copy. Then runs are let complete until nothing is left to send. Every email
// must be in the recipient's INBOX at least once, exactly one copy of each in Sent, and every duplicate must
// be one the documented rule allows: an email a stopped run left in Sending and that was not in Sent is sent
// again, and counted on the email (interruptions). The test prints the duplicates it found.
//
// The kill points are random but reproducible: the seed is printed, and SYNCDESK_CRASH_SEED sets it.

#include "dovecotserver.h"
#include "imapprobe.h"
#include "noderunner.h"
#include "outgoing/outboxcomposer.h"
#include "store/outboxstore.h"
#include "store/store.h"
#include "synchelper.h"
#include "testconfig.h"

#include <QEventLoop>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <csignal>

using namespace SyncDesk;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

constexpr int kEmails = 300;
constexpr int kKills = 30;
const QString kPassword = u"crash-pw"_s;

} // namespace

class TestOutgoingCrash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void killedAtRandomPointsNeverLosesAndDuplicatesOnlyByTheRule();

private:
    // Runs sync --once; kills it `extraMs` after it logged its `afterSent`-th sent email (never when negative).
    // True when it was killed.
    bool runAndKill(int afterSent, int extraMs);
    QList<OutgoingEmail> emails();

    DovecotServer m_dovecot{[] {
        DovecotServer::Options options;
        options.deliverSubmissions = true;
        options.highPerformance = true;
        return options;
    }()};
    QTemporaryDir m_dir;
    QString m_db;
    QRandomGenerator m_random;
};

void TestOutgoingCrash::initTestCase()
{
    if (!DovecotServer::isAvailable() || !DovecotServer::smtpRelayAvailable()) {
        if (qEnvironmentVariableIsSet("CI")) {
            QFAIL("Dovecot with submission and LMTP, or python3-aiosmtpd, is missing; scripts/test.sh installs them");
        }
        QSKIP("Dovecot with submission and LMTP, or python3-aiosmtpd, is missing; scripts/test.sh installs them");
    }
    const quint32 seed = qEnvironmentVariableIsSet("SYNCDESK_CRASH_SEED")
                             ? quint32(qEnvironmentVariableIntValue("SYNCDESK_CRASH_SEED"))
                             : QRandomGenerator::system()->generate();
    qInfo("seed %u (SYNCDESK_CRASH_SEED=%u repeats this run)", seed, seed);
    m_random.seed(seed);
    QVERIFY(m_dovecot.setUser(u"ana"_s, kPassword));
    QVERIFY(m_dovecot.setUser(u"bjorn"_s, kPassword));
    QString error;
    QVERIFY2(m_dovecot.start(&error), qPrintable(error));
    QVERIFY(m_dir.isValid());
    TestConfig config(m_dir.path());
    config.addProfile(u"dovecot"_s, m_dovecot, u"none"_s);
    config.addSubmission(u"dovecot"_s, m_dovecot);
    config.addMailbox(u"ana@contoso.test"_s, u"dovecot"_s, u"ana"_s, kPassword);
    m_db = m_dir.filePath(u"crash.db"_s);
    const NodeRun imported =
        runNode(QStringLiteral(SYNCDESK_NODE_BINARY), m_db, {u"config"_s, u"import"_s, config.write()});
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
    auto store = Store::open(StoreConfig::sqlite(m_db));
    QVERIFY(store);
    for (int i = 0; i < kEmails; ++i) {
        OutgoingDraft draft;
        draft.fromAddress = u"ana@contoso.test"_s;
        draft.to = {{QString(), u"bjorn@fabrikam.test"_s}};
        draft.subject = u"Crash test %1"_s.arg(i);
        draft.bodyText = u"Email %1 of %2.\n"_s.arg(i).arg(kEmails).repeated(20);
        auto id = OutboxComposer(**store).compose(draft);
        QVERIFY2(id, qPrintable(id ? QString() : id.error().toString()));
    }
}

bool TestOutgoingCrash::runAndKill(int afterSent, int extraMs)
{
    // "email N sent to 1 recipient(s): 250 ..." once per email sent.
    return runNodeAndKill(QStringLiteral(SYNCDESK_NODE_BINARY), m_db, " recipient(s)", afterSent, extraMs).killed;
}

QList<OutgoingEmail> TestOutgoingCrash::emails()
{
    auto store = Store::open(StoreConfig::sqlite(m_db));
    if (!store) {
        return {};
    }
    OutboxStore::Filter filter;
    filter.limit = 10 * kEmails;
    auto list = OutboxStore(**store).emails(filter);
    return list ? *list : QList<OutgoingEmail>{};
}

void TestOutgoingCrash::killedAtRandomPointsNeverLosesAndDuplicatesOnlyByTheRule()
{
    int kills = 0;
    for (int attempt = 0; kills < kKills && attempt < 300; ++attempt) {
        int left = 0;
        for (const OutgoingEmail &email : emails()) {
            left += email.status != OutgoingStatus::Sent ? 1 : 0;
        }
        if (left == 0) {
            break; // everything went out before the kills were used up: the test says how many it made
        }
        // Within the next dozen emails (or before the first), a few milliseconds after: the kills are spread over
        // the whole batch and all of them land.
        const int afterSent = int(m_random.bounded(qMin(left, 12) + 1));
        const int extraMs = int(m_random.bounded(15));
        kills += runAndKill(afterSent, extraMs) ? 1 : 0;
    }
    // Then runs until nothing is left (each takes up to 100 emails).
    for (int run = 0; run < 10; ++run) {
        bool done = true;
        for (const OutgoingEmail &email : emails()) {
            done = done && email.status == OutgoingStatus::Sent && !email.sentCopy.isEmpty();
        }
        if (done) {
            break;
        }
        QVERIFY(!runAndKill(-1, 0));
    }
    const QList<OutgoingEmail> all = emails();
    QCOMPARE(all.size(), kEmails);

    ImapProbe inbox;
    QVERIFY(inbox.open(m_dovecot, u"bjorn"_s, kPassword, u"INBOX"_s));
    ImapProbe sent;
    QVERIFY(sent.open(m_dovecot, u"ana"_s, kPassword, u"Sent"_s));
    int duplicates = 0;
    int interrupted = 0;
    for (const OutgoingEmail &email : all) {
        QVERIFY2(email.status == OutgoingStatus::Sent,
                 qPrintable(u"email %1 is %2"_s.arg(email.activity.id).arg(outgoingStatusName(email.status))));
        QVERIFY2(email.sentCopy == u"appended"_s || email.sentCopy == u"found"_s,
                 qPrintable(u"email %1: copy %2"_s.arg(email.activity.id).arg(email.sentCopy)));
        const QByteArray criteria = "HEADER Message-ID \"<" + email.activity.messageId.toUtf8() + ">\"";
        const int received = int(inbox.search(criteria).size());
        QVERIFY2(received >= 1, qPrintable(u"email %1 was lost"_s.arg(email.activity.id)));
        QCOMPARE(sent.search(criteria).size(), 1);
        // The rule: a second copy only for an email sent again after an interruption, one per interruption.
        QVERIFY2(received - 1 <= email.interruptions,
                 qPrintable(u"email %1 arrived %2 times with %3 interruption(s)"_s.arg(email.activity.id)
                                .arg(received)
                                .arg(email.interruptions)));
        duplicates += received - 1;
        interrupted += email.interruptions;
    }
    qInfo("%d kills; %d emails, 0 lost; %d sent again after an interruption, %d of them arrived twice", kills, kEmails,
          interrupted, duplicates);
    QCOMPARE(kills, kKills);
}

QTEST_GUILESS_MAIN(TestOutgoingCrash)
#include "tst_outgoingcrash.moc"

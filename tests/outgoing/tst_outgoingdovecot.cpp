// Outgoing email end to end against real servers: Dovecot's submission service relays to a private mail
// transfer agent (python3-aiosmtpd) that delivers over Dovecot's LMTP into the recipients' INBOX. The tests
// send plain, HTML and attachment email with non-ASCII headers through the engine (a sync of the sender's
// mailbox), read what arrived over IMAP, find the copy in Sent, and sync replies that correlate back.

#include "dovecotserver.h"
#include "imapprobe.h"
#include "mailfactory.h"
#include "noderunner.h"
#include "outgoing/outboxcomposer.h"
#include "protocol/mime/mimedecoder.h"
#include "store/outboxstore.h"
#include "store/store.h"
#include "synchelper.h"
#include "testconfig.h"
#include "teststore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace SyncDesk;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

const QString kPassword = u"outgoing-pw"_s;
const QString kAna = u"ana@contoso.test"_s;

} // namespace

class TestOutgoingDovecot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void sendsWithEncodedHeadersHtmlAndAttachments();
    void repliesCorrelateByInReplyToAndByToken();
    void sentFolderIsTrackedWithoutDuplicates();
    void wrongSenderIsRefused();
    void commandLineSendsAndReportsEachDirection();
    void trackingTokenCanBeLeftOut();
    void failedSendRaisesAnAlertThatASuccessCloses();

private:
    qint64 compose(const OutgoingDraft &draft, const QString &owner = {});
    OutgoingEmail email(qint64 id);
    void syncAna();
    QList<QStringList> sql(const QString &statement);

    DovecotServer m_dovecot{[] {
        DovecotServer::Options options;
        options.deliverSubmissions = true;
        return options;
    }()};
    QTemporaryDir m_dir;
    StoreConfig m_store;
    int m_round = 0;
};

void TestOutgoingDovecot::initTestCase()
{
    if (!DovecotServer::isAvailable() || !DovecotServer::smtpRelayAvailable()) {
        if (qEnvironmentVariableIsSet("CI")) {
            QFAIL("Dovecot with submission and LMTP, or python3-aiosmtpd, is missing; scripts/test.sh installs them");
        }
        QSKIP("Dovecot with submission and LMTP, or python3-aiosmtpd, is missing; scripts/test.sh installs them");
    }
    // Every user first: users added later are not always seen by a running Dovecot's LMTP at once.
    for (const QString &user : {u"ana"_s, u"bjorn"_s, u"carol"_s, u"dave"_s}) {
        QVERIFY(m_dovecot.setUser(user, kPassword));
    }
    QString error;
    QVERIFY2(m_dovecot.start(&error), qPrintable(error));
    QVERIFY(m_dir.isValid());
}

void TestOutgoingDovecot::init()
{
    // A fresh store per test; the server keeps its mail, so each test reads only what it sent (by subject).
    ++m_round;
    SYNCDESK_NEW_STORE(store, m_dir.path(), u"store-%1.db"_s.arg(m_round));
    m_store = store;
    TestConfig config(m_dir.path());
    config.addProfile(u"dovecot"_s, m_dovecot, u"none"_s);
    config.addMailbox(kAna, u"dovecot"_s, u"ana"_s, kPassword, {u"INBOX"_s});
    config.addMailbox(u"dave@contoso.test"_s, u"dovecot"_s, u"dave"_s, kPassword, {u"INBOX"_s});
    config.setMailboxKey(kAna, u"owner"_s, u"systemuser:ana"_s);
    config.setMailboxKey(u"dave@contoso.test"_s, u"owner"_s, u"systemuser:dave"_s);
    config.setCrm(QJsonDocument::fromJson(R"({
        "roles": {"sales": {"account": "organization", "contact": "organization"}},
        "business_units": [{"id": "sales"}],
        "system_users": [{"id": "ana", "name": "Ana Müller", "email": "ana@contoso.test", "business_unit": "sales",
                          "roles": ["sales"]},
                         {"id": "dave", "name": "Dave", "email": "dave@contoso.test", "business_unit": "sales",
                          "roles": ["sales"]}],
        "accounts": [{"id": "fabrikam", "name": "Fabrikam", "email": "info@fabrikam.test", "owner": "ana"}]
    })")
                      .object());
    config.addSubmission(u"dovecot"_s, m_dovecot);
    const QString path = config.write();
    const QString imported = SyncHelper::importConfig(m_store, path);
    QVERIFY2(imported.isEmpty(), qPrintable(imported));
}

qint64 TestOutgoingDovecot::compose(const OutgoingDraft &draft, const QString &owner)
{
    auto store = Store::open(m_store);
    if (!store) {
        qWarning("%s", qPrintable(store.error().toString()));
        return 0;
    }
    auto id = OutboxComposer(**store).compose(draft, owner);
    if (!id) {
        qWarning("%s", qPrintable(id.error().toString()));
        return 0;
    }
    return *id;
}

OutgoingEmail TestOutgoingDovecot::email(qint64 id)
{
    auto store = Store::open(m_store);
    if (!store) {
        return {};
    }
    auto found = OutboxStore(**store).email(id);
    return found && found->has_value() ? **found : OutgoingEmail{};
}

void TestOutgoingDovecot::syncAna()
{
    const QList<SyncOutcome> outcomes = SyncHelper::syncOnce(m_store, {kAna}, 60000);
    QCOMPARE(outcomes.size(), 1);
    const SyncOutcome &outcome = outcomes.at(0);
    QVERIFY2(outcome.succeeded(), qPrintable(outcome.error ? outcome.error->toString() : QString()));
    QVERIFY2(!outcome.outgoingError, qPrintable(outcome.outgoingError ? outcome.outgoingError->toString() : QString()));
}

QList<QStringList> TestOutgoingDovecot::sql(const QString &statement)
{
    QString error;
    const QList<QStringList> rows = TestStore::rawSql(m_store, statement, &error);
    if (!error.isEmpty()) {
        qWarning("%s", qPrintable(error));
    }
    return rows;
}

void TestOutgoingDovecot::sendsWithEncodedHeadersHtmlAndAttachments()
{
    QByteArray attachment;
    for (int i = 0; i < 70000; ++i) {
        attachment.append(char((i * 7) % 256));
    }
    OutgoingDraft draft;
    draft.fromAddress = kAna;
    draft.to = {{u"Björn Ås"_s, u"bjorn@fabrikam.test"_s}};
    draft.cc = {{QString(), u"carol@fabrikam.test"_s}};
    draft.subject = u"Angebot für Fabrikam — März"_s;
    draft.bodyText = u"Hallo Björn,\nanbei das Angebot.\n.\nGrüße, Ana"_s;
    draft.bodyHtml = u"<p>Hallo Björn,</p><p>anbei das <b>Angebot</b>.</p>"_s;
    draft.attachments = {{u"Angebot März.pdf"_s, u"application/pdf"_s, attachment}};
    draft.regarding = RecordRef{u"account"_s, u"fabrikam"_s};
    const qint64 id = compose(draft);
    QVERIFY(id > 0);
    QCOMPARE(email(id).status, OutgoingStatus::PendingSend);

    syncAna();
    const OutgoingEmail sent = email(id);
    QCOMPARE(outgoingStatusName(sent.status), u"sent"_s);
    QVERIFY2(sent.serverReply.startsWith(u"250"_s), qPrintable(sent.serverReply));
    QVERIFY(sent.refused.isEmpty());
    QCOMPARE(sent.sentCopy, u"appended"_s);
    QCOMPARE(sent.activity.folder, u"Sent"_s);
    QVERIFY(sent.activity.uid > 0);
    QVERIFY2(sent.activity.subject.startsWith(draft.subject + u" CRM:"_s), qPrintable(sent.activity.subject));
    QVERIFY2(m_dovecot.relayLog().contains(u"bjorn@fabrikam.test"_s), qPrintable(m_dovecot.relayLog()));

    // Each recipient's INBOX has it, with the exact subject, addresses and attachment bytes.
    for (const QString &user : {u"bjorn"_s, u"carol"_s}) {
        ImapProbe probe;
        QVERIFY(probe.open(m_dovecot, user, kPassword, u"INBOX"_s));
        const QList<quint32> uids = probe.search("HEADER Message-ID \"<" + sent.activity.messageId.toUtf8() + ">\"");
        QCOMPARE(uids.size(), 1);
        const QByteArray raw = probe.fetch(uids.at(0));
        QVERIFY(!raw.isEmpty());
        const DecodedMessage decoded = MimeDecoder::decode(raw);
        QCOMPARE(decoded.subject, sent.activity.subject);
        QCOMPARE(decoded.from.name, u"Ana Müller"_s);
        QCOMPARE(decoded.from.address, kAna);
        QCOMPARE(decoded.to.size(), 1);
        QCOMPARE(decoded.to.at(0).name, u"Björn Ås"_s);
        QCOMPARE(decoded.to.at(0).address, u"bjorn@fabrikam.test"_s);
        QCOMPARE(decoded.cc.at(0).address, u"carol@fabrikam.test"_s);
        QCOMPARE(decoded.attachments.size(), 1);
        QCOMPARE(decoded.attachments.at(0).fileName, u"Angebot März.pdf"_s);
        QCOMPARE(decoded.attachments.at(0).size, qint64(attachment.size()));
        // The attachment's bytes: its base64, line breaks aside, is in the message as sent.
        QByteArray flat = raw;
        flat.replace("\r\n", "");
        QVERIFY(flat.contains(attachment.toBase64()));
        QVERIFY(raw.contains("text/html"));
        QVERIFY(!raw.contains("Bcc"));
    }
    // The copy in Sent is \Seen and is the same message.
    ImapProbe sentProbe;
    QVERIFY(sentProbe.open(m_dovecot, u"ana"_s, kPassword, u"Sent"_s));
    const QList<quint32> copies = sentProbe.search("HEADER Message-ID \"<" + sent.activity.messageId.toUtf8() + ">\"");
    QCOMPARE(copies, QList<quint32>{sent.activity.uid});
    QVERIFY(sentProbe.flags(copies.at(0)).contains("\\Seen"));
    QCOMPARE(sentProbe.fetch(copies.at(0)), sent.rawMessage);
}

void TestOutgoingDovecot::repliesCorrelateByInReplyToAndByToken()
{
    OutgoingDraft draft;
    draft.fromAddress = kAna;
    draft.to = {{QString(), u"bjorn@fabrikam.test"_s}};
    draft.subject = u"Your order"_s;
    draft.bodyText = u"Thank you."_s;
    draft.regarding = RecordRef{u"account"_s, u"fabrikam"_s};
    const qint64 id = compose(draft);
    QVERIFY(id > 0);
    syncAna();
    const OutgoingEmail sent = email(id);
    QCOMPARE(sent.status, OutgoingStatus::Sent);

    // Bjørn answers twice: once from a client that keeps In-Reply-To, once from one that keeps only the subject.
    MailFactory::Message reply;
    reply.fromAddress = u"bjorn@fabrikam.test"_s;
    reply.to = {kAna};
    reply.subject = u"Re: "_s + sent.activity.subject;
    reply.body = u"Thanks!"_s;
    reply.messageId = u"reply-1@fabrikam.test"_s;
    reply.inReplyTo = sent.activity.messageId;
    reply.date = QDateTime::currentDateTimeUtc();
    QString error;
    QVERIFY2(m_dovecot.deliver(u"ana"_s, u"INBOX"_s, MailFactory::build(reply), &error), qPrintable(error));
    reply.messageId = u"reply-2@fabrikam.test"_s;
    reply.inReplyTo.clear();
    reply.references.clear();
    reply.subject = u"AW: "_s + sent.activity.subject;
    QVERIFY2(m_dovecot.deliver(u"ana"_s, u"INBOX"_s, MailFactory::build(reply), &error), qPrintable(error));
    syncAna();
    const QList<QStringList> rows = sql(u"SELECT message_id, correlation, regarding_type || ':' || regarding_id, "
                                        "direction FROM activities WHERE message_id LIKE 'reply-%' "
                                        "ORDER BY message_id"_s);
    QCOMPARE(rows, (QList<QStringList>{
                       {u"reply-1@fabrikam.test"_s, u"in-reply-to"_s, u"account:fabrikam"_s, u"incoming"_s},
                       {u"reply-2@fabrikam.test"_s, u"tracking-token"_s, u"account:fabrikam"_s, u"incoming"_s}}));
}

void TestOutgoingDovecot::sentFolderIsTrackedWithoutDuplicates()
{
    OutgoingDraft draft;
    draft.fromAddress = kAna;
    draft.to = {{QString(), u"bjorn@fabrikam.test"_s}};
    draft.subject = u"Sent folder"_s;
    draft.bodyText = u"Once."_s;
    const qint64 id = compose(draft);
    QVERIFY(id > 0);
    syncAna();
    QCOMPARE(email(id).status, OutgoingStatus::Sent);
    // What ana sent from her own mail client lands in Sent too.
    MailFactory::Message own;
    own.fromAddress = kAna;
    own.to = {u"bjorn@fabrikam.test"_s};
    own.subject = u"From Thunderbird"_s;
    own.body = u"Sent by hand."_s;
    own.messageId = u"own-%1@contoso.test"_s.arg(m_round);
    own.date = QDateTime::currentDateTimeUtc();
    QString error;
    QVERIFY2(m_dovecot.deliver(u"ana"_s, u"Sent"_s, MailFactory::build(own), &error), qPrintable(error));

    // Sent is synced like any folder without being configured (the mailbox sends, so its Sent folder, found
    // by its \Sent mark, is tracked too): the copy SyncDesk appended is found by its Message-ID.
    auto store = Store::open(m_store);
    QVERIFY(store);
    auto mailbox = (*store)->mailboxByAddress(kAna);
    QVERIFY(mailbox && mailbox->has_value());
    QCOMPARE((*mailbox)->folders, QStringList{u"INBOX"_s});
    store->reset();
    syncAna();
    const QString messageId = email(id).activity.messageId;
    QCOMPARE(sql(u"SELECT COUNT(*), MIN(direction) FROM activities WHERE message_id = '%1'"_s.arg(messageId)),
             (QList<QStringList>{{u"1"_s, u"outgoing"_s}}));
    QCOMPARE(sql(u"SELECT folder, direction FROM activities WHERE message_id = '%1'"_s.arg(own.messageId)),
             (QList<QStringList>{{u"Sent"_s, u"outgoing"_s}}));

    // A mailbox that does not send leaves its Sent folder alone.
    own.messageId = u"own-off-%1@contoso.test"_s.arg(m_round);
    own.subject = u"From Thunderbird, outgoing off"_s;
    QVERIFY2(m_dovecot.deliver(u"ana"_s, u"Sent"_s, MailFactory::build(own), &error), qPrintable(error));
    store = Store::open(m_store);
    QVERIFY(store);
    Mailbox off = **(*store)->mailboxByAddress(kAna);
    off.outgoing = false;
    QVERIFY((*store)->upsertMailbox(off));
    store->reset();
    syncAna();
    QCOMPARE(sql(u"SELECT COUNT(*) FROM activities WHERE message_id = '%1'"_s.arg(own.messageId)),
             (QList<QStringList>{{u"0"_s}}));
}

void TestOutgoingDovecot::wrongSenderIsRefused()
{
    auto store = Store::open(m_store);
    QVERIFY(store);
    OutgoingDraft draft;
    draft.fromAddress = u"dave@contoso.test"_s;
    draft.to = {{QString(), u"bjorn@fabrikam.test"_s}};
    draft.subject = u"Not mine"_s;
    draft.bodyText = u"-"_s;
    auto refused = OutboxComposer(**store).compose(draft, u"systemuser:ana"_s);
    QVERIFY(!refused);
    QCOMPARE(refused.error().hintId, u"send-not-allowed"_s);
    QCOMPARE(errorClassName(refused.error().errorClass), u"Permission"_s);
    QVERIFY2(refused.error().message.contains(u"dave@contoso.test"_s), qPrintable(refused.error().message));
    draft.to.clear();
    auto empty = OutboxComposer(**store).compose(draft);
    QVERIFY(!empty);
    QCOMPARE(empty.error().hintId, u"smtp-no-recipients"_s);
    QCOMPARE(sql(u"SELECT COUNT(*) FROM outgoing_emails"_s), (QList<QStringList>{{u"0"_s}}));
}

void TestOutgoingDovecot::commandLineSendsAndReportsEachDirection()
{
    const QString node = QStringLiteral(SYNCDESK_NODE_BINARY);
    const QString db = TestStore::location(m_store);
    auto json = [](const NodeRun &run) {
        return QJsonDocument::fromJson(run.out.toUtf8());
    };
    const QString body = m_dir.filePath(u"body.txt"_s);
    {
        QFile file(body);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Hello from the command line.\n");
    }
    NodeRun run =
        runNode(node, db,
                {u"email"_s, u"send"_s, u"--from"_s, kAna, u"--to"_s, u"Björn <bjorn@fabrikam.test>"_s, u"--subject"_s,
                 u"CLI draft"_s, u"--body-file"_s, body, u"--attach"_s, body, u"--draft"_s, u"--json"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QJsonObject draft = json(run).object();
    const QString id = QString::number(draft.value(u"id"_s).toInteger());
    QCOMPARE(draft.value(u"status"_s).toString(), u"draft"_s);
    QCOMPARE(draft.value(u"to"_s).toArray().at(0).toObject().value(u"name"_s).toString(), u"Björn"_s);
    QCOMPARE(draft.value(u"attachments"_s).toArray().at(0).toObject().value(u"content_type"_s).toString(),
             u"text/plain"_s);

    // Cancel, cancel again (refused, saying why), retry: pending again.
    run = runNode(node, db, {u"email"_s, u"cancel"_s, id});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    run = runNode(node, db, {u"email"_s, u"cancel"_s, id});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(u"Cancelled"_s), qPrintable(run.err));
    run = runNode(node, db, {u"email"_s, u"send-draft"_s, id});
    QCOMPARE(run.exitCode, 2);
    run = runNode(node, db, {u"email"_s, u"retry"_s, id});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));

    run = runNode(node, db, {u"status"_s, u"--json"_s, u"--mailbox"_s, kAna});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QJsonObject status = json(run).array().at(0).toObject();
    QCOMPARE(status.value(u"outgoing"_s).toObject().value(u"state"_s).toString(), u"pending"_s);
    QCOMPARE(status.value(u"outgoing"_s).toObject().value(u"pending"_s).toInt(), 1);
    QVERIFY(status.value(u"outgoing_enabled"_s).toBool());
    QCOMPARE(status.value(u"incoming"_s).toObject().value(u"state"_s).toString(), u"never"_s);

    run = runNode(node, db, {u"sync"_s, u"--once"_s, u"--mailbox"_s, kAna});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    run = runNode(node, db, {u"email"_s, u"show"_s, id, u"--json"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QJsonObject sent = json(run).object();
    QCOMPARE(sent.value(u"status"_s).toString(), u"sent"_s);
    QCOMPARE(sent.value(u"sent_copy"_s).toString(), u"appended"_s);
    QCOMPARE(sent.value(u"folder"_s).toString(), u"Sent"_s);
    QVERIFY(sent.value(u"server_reply"_s).toString().startsWith(u"250"_s));

    run = runNode(node, db, {u"status"_s, u"--json"_s, u"--mailbox"_s, kAna});
    status = json(run).array().at(0).toObject();
    QCOMPARE(status.value(u"outgoing"_s).toObject().value(u"state"_s).toString(), u"ok"_s);
    QCOMPARE(status.value(u"outgoing"_s).toObject().value(u"pending"_s).toInt(), 0);
    QVERIFY(!status.value(u"outgoing"_s).toObject().value(u"last_success_at"_s).isNull());
    QCOMPARE(status.value(u"overall_state"_s).toString(), u"ok"_s);

    run = runNode(node, db, {u"email"_s, u"list"_s, u"--status"_s, u"sent"_s, u"--json"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(json(run).array().size(), 1);
    run = runNode(node, db, {u"email"_s, u"list"_s});
    QVERIFY2(run.out.contains(u"CLI draft"_s) && run.out.contains(u"sent"_s), qPrintable(run.out));

    // Bad input: a clear message and exit code 2, nothing stored.
    run = runNode(node, db,
                  {u"email"_s, u"send"_s, u"--to"_s, u"x@y.test"_s, u"--subject"_s, u"s"_s, u"--body"_s, u"b"_s});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(u"--from"_s), qPrintable(run.err));
    run = runNode(node, db,
                  {u"email"_s, u"send"_s, u"--from"_s, u"nobody@contoso.test"_s, u"--to"_s, u"x@y.test"_s,
                   u"--subject"_s, u"s"_s, u"--body"_s, u"b"_s});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(u"nobody@contoso.test"_s), qPrintable(run.err));
    run = runNode(node, db,
                  {u"email"_s, u"send"_s, u"--from"_s, kAna, u"--to"_s, u"not-an-address"_s, u"--subject"_s, u"s"_s,
                   u"--body"_s, u"b"_s});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(u"not-an-address"_s), qPrintable(run.err));
    run = runNode(node, db, {u"email"_s, u"list"_s, u"--status"_s, u"bogus"_s});
    QCOMPARE(run.exitCode, 2);
    run = runNode(node, db, {u"email"_s, u"show"_s, u"999999"_s});
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(sql(u"SELECT COUNT(*) FROM outgoing_emails"_s), (QList<QStringList>{{u"1"_s}}));
}

void TestOutgoingDovecot::trackingTokenCanBeLeftOut()
{
    auto store = Store::open(m_store);
    QVERIFY(store);
    QJsonObject crm = *(*store)->setting(u"crm"_s);
    crm.insert(u"tracking_token"_s, QJsonObject{{u"enabled"_s, false}});
    QVERIFY((*store)->setSetting(u"crm"_s, crm));
    OutgoingDraft draft;
    draft.fromAddress = kAna;
    draft.to = {{QString(), u"bjorn@fabrikam.test"_s}};
    draft.subject = u"No token"_s;
    draft.bodyText = u"-"_s;
    auto id = OutboxComposer(**store).compose(draft);
    QVERIFY(id);
    store->reset();
    QCOMPARE(email(*id).activity.subject, u"No token"_s);
    QVERIFY(!email(*id).rawMessage.contains("CRM:"));
}

void TestOutgoingDovecot::failedSendRaisesAnAlertThatASuccessCloses()
{
    // No such user behind the relay: it delivers to nobody and refuses the message after its data (550).
    OutgoingDraft draft;
    draft.fromAddress = kAna;
    draft.to = {{QString(), u"ghost@fabrikam.test"_s}};
    draft.subject = u"Nobody home"_s;
    draft.bodyText = u"-"_s;
    const qint64 failed = compose(draft);
    QVERIFY(failed > 0);
    syncAna();
    const OutgoingEmail refused = email(failed);
    QCOMPARE(refused.status, OutgoingStatus::Failed);
    QCOMPARE(refused.errorHint, u"smtp-send-refused"_s);
    QVERIFY2(refused.serverReply.contains(u"550"_s), qPrintable(refused.serverReply));
    const QString mailboxId = sql(u"SELECT id FROM mailboxes WHERE address = '%1'"_s.arg(kAna)).value(0).value(0);
    QCOMPARE(sql(u"SELECT kind, hint_id, state FROM alerts WHERE cause_key = 'send-failed:%1'"_s.arg(mailboxId)),
             (QList<QStringList>{{u"send-failed"_s, u"smtp-send-refused"_s, u"open"_s}}));

    draft.to = {{QString(), u"bjorn@fabrikam.test"_s}};
    draft.subject = u"Somebody home"_s;
    QVERIFY(compose(draft) > 0);
    syncAna();
    QCOMPARE(sql(u"SELECT state FROM alerts WHERE cause_key = 'send-failed:%1'"_s.arg(mailboxId)),
             (QList<QStringList>{{u"closed"_s}}));
}

QTEST_GUILESS_MAIN(TestOutgoingDovecot)
#include "tst_outgoingdovecot.moc"

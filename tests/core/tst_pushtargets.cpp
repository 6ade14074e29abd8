// Which mailboxes hold a push (IMAP IDLE) connection: push: true first, by address, then the busy ones when the
// profile's max_push_connections allows, never more than that number; 0 means every push: true mailbox and no busy
// one; disabled, POP3 and away (another engine's) mailboxes never.

#include "scheduler/pushmanager.h"

#include <QTest>

using namespace SyncDesk;
using namespace Qt::StringLiterals;

class TestPushTargets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void choice_data();
    void choice();
};

namespace {

ServerProfile profile(qint64 id, int maxPush, MailProtocol protocol = MailProtocol::Imap)
{
    ServerProfile p;
    p.id = id;
    p.name = u"p%1"_s.arg(id);
    p.incoming.protocol = protocol;
    p.maxPushConnections = maxPush;
    return p;
}

Mailbox mailbox(qint64 id, const QString &address, qint64 profileId, bool push, bool enabled = true)
{
    Mailbox m;
    m.id = id;
    m.address = address;
    m.profileId = profileId;
    m.push = push;
    m.enabled = enabled;
    return m;
}

} // namespace

void TestPushTargets::choice_data()
{
    QTest::addColumn<int>("maxPush");
    QTest::addColumn<QStringList>("expected"); // "address:reason" in order
    // Mailboxes (all on one IMAP profile): d (push), b (push), a (busy), c (busy), e (quiet), f (push, disabled),
    // g (push, away), h (busy, away).
    QTest::newRow("no cap: every push mailbox, no busy one") << 0 << QStringList{u"b:configured"_s, u"d:configured"_s};
    QTest::newRow("cap 1: the first push mailbox") << 1 << QStringList{u"b:configured"_s};
    QTest::newRow("cap 3: push mailboxes, then the busiest by address")
        << 3 << QStringList{u"b:configured"_s, u"d:configured"_s, u"a:busy"_s};
    QTest::newRow("cap 10: every candidate, nothing else")
        << 10 << QStringList{u"b:configured"_s, u"d:configured"_s, u"a:busy"_s, u"c:busy"_s};
}

void TestPushTargets::choice()
{
    QFETCH(int, maxPush);
    QFETCH(QStringList, expected);
    const QList<ServerProfile> profiles{profile(1, maxPush), profile(2, 5, MailProtocol::Pop3)};
    const QList<Mailbox> mailboxes{
        mailbox(1, u"d"_s, 1, true),  mailbox(2, u"b"_s, 1, true),  mailbox(3, u"a"_s, 1, false),
        mailbox(4, u"c"_s, 1, false), mailbox(5, u"e"_s, 1, false), mailbox(6, u"f"_s, 1, true, false),
        mailbox(7, u"g"_s, 1, true),  mailbox(8, u"h"_s, 1, false), mailbox(9, u"pop"_s, 2, true)};
    const auto candidacy = [](qint64 id) {
        if (id == 7 || id == 8) {
            return PushCandidacy::Away;
        }
        return id == 3 || id == 4 || id == 8 ? PushCandidacy::Busy : PushCandidacy::Home;
    };
    QStringList chosen;
    for (const PushTarget &target : choosePushTargets(mailboxes, profiles, candidacy)) {
        chosen.append(target.mailbox.address + u':' + target.reason);
    }
    QCOMPARE(chosen, expected);
}

QTEST_GUILESS_MAIN(TestPushTargets)
#include "tst_pushtargets.moc"

// LIST: what the server says its folders are, read into names, hierarchy delimiters, selectability and
// special use (RFC 3501 7.2.2, RFC 6154), over an in-memory stream; a server that lists without end is cut
// off at a bound instead of growing memory.

#include "memorybytestream.h"
#include "protocol/imap/imaplist.h"
#include "protocol/imap/imapresponseparser.h"
#include "protocol/imap/imapsession.h"

#include <QCoreApplication>
#include <QTest>

using namespace SyncDesk;
using namespace SyncDesk::Imap;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

class TestImapList : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { m_session.reset(); }
    void parsesListResponses_data();
    void parsesListResponses();
    void rejectsWhatIsNotAListResponse_data();
    void rejectsWhatIsNotAListResponse();
    void sessionListsEveryFolder();
    void asksForSpecialUseWhereOffered();
    void refusedListIsAClassifiedError();
    void endlessListIsCutOffAtTheBound();

private:
    void openSession(const QByteArray &capabilities);
    Response parse(const QByteArray &line);

    std::unique_ptr<Session> m_session;
    MemoryByteStream *m_stream = nullptr;
};

Response TestImapList::parse(const QByteArray &line)
{
    const auto responses = ResponseParser::parseAll(line + "\r\n");
    if (!responses.ok() || responses->size() != 1) {
        return {};
    }
    return responses->constFirst();
}

void TestImapList::openSession(const QByteArray &capabilities)
{
    auto owned = std::make_unique<MemoryByteStream>();
    m_stream = owned.get();
    m_session = std::make_unique<Session>(std::move(owned), SessionOptions{});
    int opened = 0;
    m_session->open(u"imap.example.test"_s, 143, Security::None, [&opened](Status status) {
        QVERIFY(status.ok());
        ++opened;
    });
    QCoreApplication::processEvents();
    m_stream->deliver("* PREAUTH [CAPABILITY IMAP4rev1 " + capabilities + "] ready\r\n");
    QCOMPARE(opened, 1);
}

void TestImapList::parsesListResponses_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("delimiter");
    QTest::addColumn<bool>("selectable");
    QTest::addColumn<QByteArray>("specialUse");
    QTest::newRow("plain") << QByteArray(R"(* LIST (\HasNoChildren) "/" "Archive")") << u"Archive"_s << u"/"_s << true
                           << QByteArray();
    QTest::newRow("atom name") << QByteArray(R"(* LIST () "." INBOX)") << u"INBOX"_s << u"."_s << true << QByteArray();
    QTest::newRow("sent") << QByteArray(R"(* LIST (\HasNoChildren \Sent) "/" "Sent Items")") << u"Sent Items"_s
                          << u"/"_s << true << QByteArray("\\Sent");
    QTest::newRow("special use in any case") << QByteArray(R"(* LIST (\hasnochildren \JUNK) "/" Spam)") << u"Spam"_s
                                             << u"/"_s << true << QByteArray("\\Junk");
    QTest::newRow("noselect") << QByteArray(R"(* LIST (\Noselect \HasChildren) "/" "Projects")") << u"Projects"_s
                              << u"/"_s << false << QByteArray();
    QTest::newRow("nonexistent") << QByteArray(R"(* LIST (\NonExistent) "/" "Gone")") << u"Gone"_s << u"/"_s << false
                                 << QByteArray();
    QTest::newRow("modified utf-7") << QByteArray(R"(* LIST () "/" "Projekte/&AMQ-rger")") << u"Projekte/Ärger"_s
                                    << u"/"_s << true << QByteArray();
    QTest::newRow("flat namespace") << QByteArray(R"(* LIST () NIL "Notes")") << u"Notes"_s << QString() << true
                                    << QByteArray();
    QTest::newRow("literal name") << QByteArray("* LIST () \"/\" {9}\r\nWith\"Quot") << u"With\"Quot"_s << u"/"_s
                                  << true << QByteArray();
    QTest::newRow("extended data") << QByteArray(R"(* LIST (\Subscribed) "/" "Old" ("OLDNAME" ("Older")))") << u"Old"_s
                                   << u"/"_s << true << QByteArray();
}

void TestImapList::parsesListResponses()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, name);
    QFETCH(QString, delimiter);
    QFETCH(bool, selectable);
    QFETCH(QByteArray, specialUse);
    const std::optional<ListedFolder> folder = parseList(parse(line));
    QVERIFY(folder);
    QCOMPARE(folder->name, name);
    QCOMPARE(folder->delimiter, delimiter);
    QCOMPARE(folder->isSelectable(), selectable);
    QCOMPARE(folder->specialUse(), specialUse);
}

void TestImapList::rejectsWhatIsNotAListResponse_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::newRow("status") << QByteArray(R"(* STATUS "INBOX" (MESSAGES 1))");
    QTest::newRow("no attributes") << QByteArray(R"(* LIST "/" "INBOX")");
    QTest::newRow("no name") << QByteArray(R"(* LIST () "/")");
    QTest::newRow("list as name") << QByteArray(R"(* LIST () "/" (a b))");
    QTest::newRow("long delimiter") << QByteArray(R"(* LIST () "//" "INBOX")");
    QTest::newRow("attribute not an atom") << QByteArray(R"(* LIST ("x") "/" "INBOX")");
    QTest::newRow("empty name") << QByteArray(R"(* LIST () "/" "")");
}

void TestImapList::rejectsWhatIsNotAListResponse()
{
    QFETCH(QByteArray, line);
    QVERIFY(!parseList(parse(line)));
}

void TestImapList::sessionListsEveryFolder()
{
    openSession("LITERAL+");
    if (QTest::currentTestFailed()) {
        return;
    }
    std::optional<Result<FolderList>> listed;
    m_session->list([&listed](Result<FolderList> result) { listed = std::move(result); });
    QVERIFY(m_stream->written().contains("A0001 LIST \"\" \"*\"\r\n"));
    m_stream->deliver("* LIST (\\HasNoChildren) \"/\" INBOX\r\n"
                      "* LIST (\\Noselect \\HasChildren) \"/\" Projekte\r\n"
                      "* LIST (\\HasNoChildren) \"/\" \"Projekte/&AMQ-rger\"\r\n"
                      "* LIST garbage\r\n"
                      "* STATUS INBOX (MESSAGES 3)\r\n"
                      "A0001 OK LIST done\r\n");
    QVERIFY(listed);
    QVERIFY(listed->ok());
    const FolderList &list = **listed;
    QCOMPARE(list.truncated, false);
    QStringList names;
    for (const ListedFolder &folder : list.folders) {
        names.append(folder.name);
    }
    QCOMPARE(names, QStringList({u"INBOX"_s, u"Projekte"_s, u"Projekte/Ärger"_s}));
    QCOMPARE(list.folders.at(1).isSelectable(), false);
}

void TestImapList::asksForSpecialUseWhereOffered()
{
    openSession("LITERAL+ LIST-EXTENDED SPECIAL-USE");
    if (QTest::currentTestFailed()) {
        return;
    }
    std::optional<Result<FolderList>> listed;
    m_session->list([&listed](Result<FolderList> result) { listed = std::move(result); });
    QVERIFY2(m_stream->written().contains("A0001 LIST \"\" \"*\" RETURN (SPECIAL-USE)\r\n"),
             m_stream->written().constData());
    m_stream->deliver("* LIST (\\HasNoChildren \\Sent) \"/\" Sent\r\nA0001 OK done\r\n");
    QVERIFY(listed && listed->ok());
    QCOMPARE((*listed)->folders.size(), 1);
    QCOMPARE((*listed)->folders.constFirst().specialUse(), QByteArray("\\Sent"));
}

void TestImapList::refusedListIsAClassifiedError()
{
    openSession("LITERAL+");
    if (QTest::currentTestFailed()) {
        return;
    }
    std::optional<Result<FolderList>> listed;
    m_session->list([&listed](Result<FolderList> result) { listed = std::move(result); });
    m_stream->deliver("A0001 NO [SERVERBUG] internal error\r\n");
    QVERIFY(listed);
    QVERIFY(!listed->ok());
    QCOMPARE(listed->error().errorClass, ErrorClass::ServerNo);
    QVERIFY(m_session->isUsable());
}

void TestImapList::endlessListIsCutOffAtTheBound()
{
    openSession("LITERAL+");
    if (QTest::currentTestFailed()) {
        return;
    }
    std::optional<Result<FolderList>> listed;
    m_session->list([&listed](Result<FolderList> result) { listed = std::move(result); }, 100);
    QByteArray flood;
    for (int i = 0; i < 1000; ++i) {
        flood += "* LIST () \"/\" \"Folder " + QByteArray::number(i) + "\"\r\n";
    }
    m_stream->deliver(flood + "A0001 OK done\r\n");
    QVERIFY(listed && listed->ok());
    QCOMPARE((*listed)->folders.size(), 100);
    QCOMPARE((*listed)->truncated, true);
    QCOMPARE((*listed)->folders.constLast().name, u"Folder 99"_s);
}

QTEST_GUILESS_MAIN(TestImapList)
#include "tst_imaplist.moc"

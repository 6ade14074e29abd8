// The ACT direction against what a real CalDAV server does rarely and Radicale never: a sync-collection answer
// truncated into pages (RFC 6578 §3.6, a 507 for the collection). Radicale stays the server; a proxy in front
// of it answers the chosen requests itself.
#include "actradicalefixture.h"
#include "httprewriteproxy.h"

#include <QRegularExpression>
#include <QTest>

using namespace SyncDesk;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

const QByteArray kPageToken = "http://example.test/page-2-of-2";

bool isSyncCollection(const HttpRewriteProxy::Request &request)
{
    return request.method == "REPORT" && request.body.contains("sync-collection");
}

bool hasEmptyToken(const HttpRewriteProxy::Request &request)
{
    static const QRegularExpression empty(u"sync-token\\s*/>|sync-token>\\s*</"_s);
    return empty.match(QString::fromUtf8(request.body)).hasMatch();
}

// A multistatus answer split as a server that pages would: `page` of Radicale's own response elements, then,
// when `truncatedAt` is a collection path, a 507 for it, and the token given.
QByteArray rebuilt(const QByteArray &full, const QList<QByteArray> &page, const QString &truncatedAt,
                   const QByteArray &token)
{
    static const QRegularExpression response(u"<(\\w+:)?response>.*?</(\\w+:)?response>"_s,
                                             QRegularExpression::DotMatchesEverythingOption);
    const QString text = QString::fromUtf8(full);
    const auto first = response.match(text);
    const QString prefix = first.captured(1);
    const QString head = text.left(first.capturedStart());
    const qsizetype end = text.lastIndexOf(u"</"_s + prefix + u"multistatus>"_s);
    QByteArray body = head.toUtf8();
    for (const QByteArray &element : page) {
        body += element;
    }
    if (!truncatedAt.isEmpty()) {
        body += (u"<%1response><%1href>%2</%1href><%1status>HTTP/1.1 507 Insufficient Storage</%1status>"
                 "</%1response>"_s.arg(prefix, truncatedAt))
                    .toUtf8();
    }
    body += (u"<%1sync-token>"_s.arg(prefix)).toUtf8() + token + (u"</%1sync-token>"_s.arg(prefix)).toUtf8();
    body += text.mid(end).toUtf8();
    return body;
}

QList<QByteArray> itemResponses(const QByteArray &full)
{
    static const QRegularExpression response(u"<(\\w+:)?response>.*?</(\\w+:)?response>"_s,
                                             QRegularExpression::DotMatchesEverythingOption);
    QList<QByteArray> items;
    auto it = response.globalMatch(QString::fromUtf8(full));
    while (it.hasNext()) {
        const QString element = it.next().captured(0);
        if (element.contains(u".ics<"_s) || element.contains(u".vcf<"_s)) {
            items.append(element.toUtf8());
        }
    }
    return items;
}

QString realToken(const QByteArray &full)
{
    static const QRegularExpression token(u"<(\\w+:)?sync-token>(.*?)</"_s);
    return token.match(QString::fromUtf8(full)).captured(2);
}

} // namespace

class TstActServerFaults : public ActRadicaleFixture
{
    Q_OBJECT

    std::unique_ptr<HttpRewriteProxy> m_proxy;

    // Ana's store with two appointments written to the calendar through the proxy, which still forwards
    // everything; then the stored sync token is forgotten (as after a server's valid-sync-token refusal), so
    // that the next sync lists the whole collection.
    bool twoAppointmentsAndNoToken(QString *calendar)
    {
        m_proxy = std::make_unique<HttpRewriteProxy>(m_radicale->port());
        if (!m_proxy->listen() || !setUpStore(ActSettings())) {
            return false;
        }
        m_profile.act = ActEndpoint{QUrl(u"http://127.0.0.1:%1/"_s.arg(m_proxy->port())), {}};
        if (!m_store->upsertProfile(m_profile)) {
            return false;
        }
        ActStore act(*m_store);
        for (const QString &subject : {u"Kept one"_s, u"Kept two"_s}) {
            Appointment a = appointment(subject);
            if (!act.saveAppointment(a, QDateTime::currentDateTimeUtc())) {
                return false;
            }
        }
        const ActResult first = sync();
        if (first.error || first.toServer != 2) {
            return false;
        }
        *calendar = collectionPath(ActKind::Appointment);
        return bool(act.setSyncToken(m_mailbox.id, ActKind::Appointment, {}));
    }

    int crmAppointments()
    {
        auto all = ActStore(*m_store).appointments({});
        return all ? int(all->size()) : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!RadicaleServer::isAvailable()) {
            if (qEnvironmentVariableIsSet("CI")) {
                QFAIL("radicale is not installed: scripts/test.sh installs it");
            }
            QSKIP("radicale is not installed: run scripts/test.sh, which installs it");
        }
        qputenv("SYNCDESK_TEST_DAV_PASSWORD", kPassword.toUtf8());
        m_radicale = std::make_unique<RadicaleServer>();
        QString error;
        QVERIFY2(m_radicale->start(&error), qPrintable(error));
    }

    void cleanup()
    {
        m_store.reset();
        m_proxy.reset();
    }

    // The first page names one of the two items and says the answer is truncated: the rest is asked for with the
    // page's token. Nothing not on the first page is taken for deleted (two-way appointments would delete the CRM
    // record), and the token stored is the server's last one.
    void truncatedListingIsReadToTheEnd()
    {
        QString calendar;
        QVERIFY(twoAppointmentsAndNoToken(&calendar));
        QByteArray full;
        QList<QByteArray> items;
        m_proxy->setHandler([&](const HttpRewriteProxy::Request &request) -> HttpRewriteProxy::Answer {
            if (!isSyncCollection(request) || !request.target.startsWith(calendar.toUtf8())) {
                return {};
            }
            if (hasEmptyToken(request)) {
                full = m_radicale->request("REPORT", calendar, kUser, kPassword, request.body, {{"Depth", "1"}}).body;
                items = itemResponses(full);
                return {207, "Multi-Status", rebuilt(full, items.mid(0, 1), calendar, kPageToken)};
            }
            if (request.body.contains(kPageToken)) {
                return {207, "Multi-Status", rebuilt(full, items.mid(1), {}, realToken(full).toUtf8())};
            }
            return {};
        });
        const ActResult paged = sync();
        QVERIFY2(!paged.error, paged.error ? qPrintable(paged.error->toString()) : "");
        QCOMPARE(items.size(), 2);
        QCOMPARE(m_proxy->answered(), 2);
        QCOMPARE(crmAppointments(), 2);
        QCOMPARE(serverItems(ActKind::Appointment).size(), 2);
        QCOMPARE(paged.fromServer, 0);
        auto collections = ActStore(*m_store).collections(m_mailbox.id);
        QVERIFY(collections);
        for (const auto &c : *collections) {
            if (c.kind == ActKind::Appointment) {
                QCOMPARE(c.syncToken, realToken(full));
            }
        }
    }

    // A server that keeps answering "truncated" without a new token would be asked for ever: the run fails with
    // dav-bad-response instead, and deletes nothing.
    void truncationWithoutProgressFails()
    {
        QString calendar;
        QVERIFY(twoAppointmentsAndNoToken(&calendar));
        QByteArray full;
        m_proxy->setHandler([&](const HttpRewriteProxy::Request &request) -> HttpRewriteProxy::Answer {
            if (!isSyncCollection(request) || !request.target.startsWith(calendar.toUtf8())) {
                return {};
            }
            if (full.isEmpty()) {
                full = m_radicale->request("REPORT", calendar, kUser, kPassword, request.body, {{"Depth", "1"}}).body;
            }
            // Always the first item, truncated, and the same token: no progress.
            return {207, "Multi-Status", rebuilt(full, itemResponses(full).mid(0, 1), calendar, kPageToken)};
        });
        const ActResult stuck = sync();
        QVERIFY(stuck.error);
        QCOMPARE(stuck.error->hintId, u"dav-bad-response"_s);
        QVERIFY2(stuck.error->message.contains(u"truncated"_s), qPrintable(stuck.error->message));
        QCOMPARE(m_proxy->answered(), 2);
        QCOMPARE(crmAppointments(), 2);
        QCOMPARE(serverItems(ActKind::Appointment).size(), 2);
    }
};

QTEST_GUILESS_MAIN(TstActServerFaults)
#include "tst_actserverfaults.moc"

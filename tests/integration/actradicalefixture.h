// The fixture of the tests of the ACT direction against a private Radicale: a fresh store per test with ana's
// mailbox on a profile whose act endpoint is the Radicale, and helpers to sync and to read the server's items.
#pragma once

#include "act/actfields.h"
#include "act/actsync.h"
#include "radicaleserver.h"
#include "store/actstore.h"
#include "store/crmstore.h"
#include "store/store.h"
#include "teststore.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QUrl>

#include <functional>
#include <memory>

namespace SyncDesk::Testing {

using namespace Qt::StringLiterals;

inline const QString kPassword = u"ana-secret"_s;

inline QByteArray icsEvent(const QString &uid, const QString &summary, const QString &extra = {})
{
    return (u"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Second client//EN\r\nBEGIN:VEVENT\r\nUID:"_s + uid +
            u"\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260310T090000Z\r\nDTEND:20260310T100000Z\r\nSUMMARY:"_s +
            summary + u"\r\n"_s + extra + u"END:VEVENT\r\nEND:VCALENDAR\r\n"_s)
        .toUtf8();
}

class ActRadicaleFixture : public QObject
{
protected:
    QTemporaryDir m_dir;
    std::unique_ptr<RadicaleServer> m_radicale;
    std::unique_ptr<Store> m_store;
    Mailbox m_mailbox;
    ServerProfile m_profile;
    int m_storeCount = 0;
    QString kUser; // each test's own DAV account, so that no test sees another's items

    // A fresh store with ana's mailbox (owner systemuser:ana) on a profile whose act endpoint is the Radicale.
    bool setUpStore(const ActSettings &settings, const QJsonObject &crmSettings = {})
    {
        const QString name = u"act%1"_s.arg(++m_storeCount);
        kUser = u"ana%1"_s.arg(m_storeCount);
        m_radicale->addUser(kUser, kPassword);
        auto config = TestStore::config(m_dir.path(), name);
        if (!config) {
            return false;
        }
        auto opened = Store::open(*config);
        if (!opened) {
            qWarning() << opened.error();
            return false;
        }
        m_store = std::move(opened).value();
        m_profile = {};
        m_profile.name = u"radicale"_s;
        m_profile.incoming.host = u"localhost"_s;
        m_profile.incoming.port = 143;
        m_profile.act = ActEndpoint{m_radicale->url(), {}};
        auto profileId = m_store->upsertProfile(m_profile);
        if (!profileId) {
            return false;
        }
        m_profile.id = *profileId;
        m_mailbox = {};
        m_mailbox.address = u"ana@contoso.com"_s;
        m_mailbox.profileId = m_profile.id;
        m_mailbox.username = kUser;
        m_mailbox.passwordSource = u"env:SYNCDESK_TEST_DAV_PASSWORD"_s;
        m_mailbox.ownerType = u"systemuser"_s;
        m_mailbox.ownerKey = u"ana"_s;
        m_mailbox.act = settings;
        auto mailboxId = m_store->upsertMailbox(m_mailbox);
        if (!mailboxId) {
            return false;
        }
        m_mailbox.id = *mailboxId;
        CrmStore crm(*m_store);
        CrmRecord ana{0, u"systemuser"_s, u"ana"_s, u"Ana"_s, u"ana@contoso.com"_s, {}, u"sales"_s, {}, {}, {}};
        CrmRecord bob{0, u"systemuser"_s, u"bob"_s, u"Bob"_s, u"bob@contoso.com"_s, {}, u"support"_s, {}, {}, {}};
        if (!crmSettings.isEmpty()) {
            ana.extra = crmSettings.value(u"ana"_s).toObject();
            QJsonObject settingsOnly = crmSettings;
            settingsOnly.remove(u"ana"_s);
            if (!m_store->setSetting(u"crm"_s, settingsOnly)) {
                return false;
            }
        }
        return crm.upsertRecords({ana, bob}).ok();
    }

    ActResult sync(const std::function<void(const QString &)> &beforeWrite = {})
    {
        auto mailbox = m_store->mailbox(m_mailbox.id);
        ActSync run(*m_store, mailbox && mailbox->has_value() ? **mailbox : m_mailbox, m_profile, 15000);
        if (beforeWrite) {
            run.setBeforeWrite(beforeWrite);
        }
        ActResult result = run.run();
        if (result.error) {
            qWarning() << "ACT sync failed:" << result.error->toString() << result.error->detail;
        }
        return result;
    }

    Appointment appointment(const QString &subject, const QString &owner = u"ana"_s)
    {
        Appointment a;
        a.subject = subject;
        a.start = QDateTime(QDate(2026, 3, 10), QTime(9, 0), Qt::UTC);
        a.end = a.start.addSecs(3600);
        a.ownerKey = owner;
        return a;
    }

    QString collectionPath(ActKind kind)
    {
        ActStore act(*m_store);
        auto collections = act.collections(m_mailbox.id);
        for (const auto &c : *collections) {
            if (c.kind == kind) {
                return QUrl(c.url).path();
            }
        }
        return {};
    }

    // The server's items of a collection: href -> text.
    QHash<QString, QByteArray> serverItems(ActKind kind)
    {
        ActStore act(*m_store);
        QHash<QString, QByteArray> items;
        auto links = act.links(m_mailbox.id, kind);
        for (const auto &link : *links) {
            const auto reply = m_radicale->get(kUser, kPassword, link.href);
            if (reply.ok()) {
                items.insert(link.href, reply.body);
            }
        }
        return items;
    }
};

} // namespace SyncDesk::Testing

#include "demoenvironment.h"

#include "dovecotserver.h"
#include "logging/logger.h"
#include "mailfactory.h"
#include "outgoing/outboxcomposer.h"
#include "radicaleserver.h"
#include "store/store.h"
#include "synchelper.h"
#include "testconfig.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>

namespace SyncDesk {

using namespace Qt::StringLiterals;
using namespace SyncDesk::Testing;

namespace {

struct DemoMailbox
{
    const char16_t *user;
    const char16_t *address;
    const char16_t *profile;
    int seeded;
};

// Who is in the demo and how much mail they start with.
const DemoMailbox kMailboxes[] = {
    {u"ana", u"ana.sales@contoso.demo", u"Contoso IMAP (STARTTLS)", 24},
    {u"ben", u"ben.support@contoso.demo", u"Contoso IMAP (TLS)", 40},
    {u"carla", u"carla.ceo@contoso.demo", u"Contoso IMAP (TLS)", 9},
    {u"dan", u"dan.archive@contoso.demo", u"Contoso IMAP (STARTTLS)", 3},
    {u"support", u"support-queue@contoso.demo", u"Contoso IMAP (TLS)", 60},
};

} // namespace

QString DemoEnvironment::infoText()
{
    QStringList passwords;
    for (const DemoMailbox &mailbox : kMailboxes) {
        passwords.append(u"%1: demo-%2"_s.arg(QString::fromUtf16(mailbox.address), QString::fromUtf16(mailbox.user)));
    }
    //: %1: "address: password" of each demo mailbox. Keep the addresses and the-right-password as they are;
    //: "Edit mailbox…" and "Test & Enable" name the console's actions (use their translations)
    return tr("Demo. Passwords — %1. erin.wrongpass@contoso.demo was set up with a wrong one; its right password is "
              "the-right-password: Edit mailbox… to type it, then Test & Enable. frank.legacy@contoso.demo's server is "
              "offline on purpose. Nothing the demo writes (database, passwords typed here) outlives it.")
        .arg(passwords.join(u", "_s));
}

QString DemoEnvironment::directory() const
{
    return m_dir ? m_dir->path() : QString();
}

namespace {

quint16 closedPort()
{
    // A port nothing listens on: bind one, remember it, let it go.
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

} // namespace

DemoEnvironment::DemoEnvironment()
{
    m_deliveryTimer.setInterval(4000);
    connect(&m_deliveryTimer, &QTimer::timeout, this, &DemoEnvironment::deliverSome);
}

DemoEnvironment::~DemoEnvironment()
{
    stop();
}

void DemoEnvironment::start()
{
    m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + u"/syncdesk-demo-XXXXXX"_s);
    if (!m_dir->isValid()) {
        //: %1: the system's reason
        Q_EMIT failed(tr("cannot create a temporary directory: %1").arg(m_dir->errorString()));
        return;
    }
    // Outgoing email goes through Dovecot's submission service to a private relay that delivers it into the
    // demo's own mailboxes (customers included), when Debian's python3-aiosmtpd is there to run the relay.
    DovecotServer::Options options;
    options.deliverSubmissions = DovecotServer::smtpRelayAvailable();
    m_dovecot = std::make_unique<DovecotServer>(options);
    for (const QString &customer : {u"j.weiss"_s, u"chloe.martin"_s}) {
        m_dovecot->setUser(customer, u"demo-customer"_s);
    }
    for (const DemoMailbox &mailbox : kMailboxes) {
        m_dovecot->setUser(QString::fromUtf16(mailbox.user), u"demo-"_s + QString::fromUtf16(mailbox.user));
    }
    m_dovecot->setUser(u"erin"_s, u"the-right-password"_s);
    QString error;
    if (!m_dovecot->start(&error)) {
        //: %1: the reason
        Q_EMIT failed(tr("The demo mail server (Dovecot) did not start: %1").arg(error));
        return;
    }
    // Seed every mailbox with a few weeks of mail.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const DemoMailbox &mailbox : kMailboxes) {
        const QString user = QString::fromUtf16(mailbox.user);
        for (int i = 0; i < mailbox.seeded; ++i) {
            const QDateTime date = now.addSecs(-3600LL * 6 * (mailbox.seeded - i));
            const MailFactory::Message message =
                MailFactory::realistic(QString::fromUtf16(mailbox.address), m_messageIndex++, date);
            if (!m_dovecot->deliver(user, u"INBOX"_s, MailFactory::build(message), &error)) {
                Q_EMIT failed(error);
                return;
            }
        }
    }
    // A message with nothing in it: the Item failures tab lists it, and the rest of the mailbox syncs.
    m_dovecot->deliver(u"dan"_s, u"INBOX"_s, QByteArray());
    m_dovecot->createFolder(u"carla"_s, u"Customers/Contoso"_s);
    for (int i = 0; i < 4; ++i) {
        m_dovecot->deliver(
            u"carla"_s, u"Customers/Contoso"_s,
            MailFactory::build(MailFactory::realistic(u"carla.ceo@contoso.demo"_s, m_messageIndex++, now.addDays(-i))));
    }

    TestConfig config(m_dir->filePath(u"config"_s));
    config.addProfile(u"Contoso IMAP (STARTTLS)"_s, *m_dovecot, u"starttls"_s);
    config.addProfile(u"Contoso IMAP (TLS)"_s, *m_dovecot, u"tls"_s);
    config.addClosedPortProfile(u"Legacy server (offline)"_s, closedPort());
    if (options.deliverSubmissions) {
        config.addSubmission(u"Contoso IMAP (STARTTLS)"_s, *m_dovecot);
        config.addSubmission(u"Contoso IMAP (TLS)"_s, *m_dovecot);
    }
    for (const DemoMailbox &mailbox : kMailboxes) {
        const QString user = QString::fromUtf16(mailbox.user);
        config.addMailbox(QString::fromUtf16(mailbox.address), QString::fromUtf16(mailbox.profile), user,
                          u"demo-"_s + user,
                          user == u"carla"_s ? QStringList{u"INBOX"_s, u"Customers/Contoso"_s} : QStringList{});
    }
    // The CRM: who owns which mailbox, what each tracks, and who may see what.
    config.setCrm(QJsonDocument::fromJson(R"json({
        "roles": {
            "salesperson": {"account": "business-unit", "contact": "business-unit", "lead": "own",
                            "opportunity": "own"},
            "support-agent": {"account": "organization", "contact": "organization", "case": "business-unit"},
            "executive": {"account": "organization", "contact": "organization", "lead": "organization",
                          "opportunity": "organization", "case": "organization"}
        },
        "field_security_profiles": {"no-attachments": ["attachments"]},
        "business_units": [{"id": "sales", "name": "Sales"}, {"id": "support", "name": "Support"}],
        "system_users": [
            {"id": "ana", "name": "Ana (sales)", "email": "ana.sales@contoso.demo", "business_unit": "sales",
             "roles": ["salesperson"]},
            {"id": "ben", "name": "Ben (support)", "email": "ben.support@contoso.demo", "business_unit": "support",
             "roles": ["support-agent"], "field_security_profile": "no-attachments"},
            {"id": "carla", "name": "Carla (CEO)", "email": "carla.ceo@contoso.demo", "business_unit": "sales",
             "roles": ["executive"]}
        ],
        "queues": [{"id": "support", "name": "Support queue", "email": "support-queue@contoso.demo", "owner": "ben"}],
        "accounts": [
            {"id": "contoso", "name": "Contoso (ourselves)", "email": "ana.souza@contoso.example", "owner": "carla"},
            {"id": "fabrikam", "name": "Fabrikam", "email": "info@fabrikam.example", "owner": "ana"},
            {"id": "northwind", "name": "Northwind Traders", "email": "info@northwind.example", "owner": "ben"},
            {"id": "tailspin", "name": "Tailspin Toys", "email": "info@tailspin.example", "owner": "ben"}
        ],
        "contacts": [
            {"id": "juergen", "name": "Jürgen Weiß", "email": "j.weiss@fabrikam.example", "account": "fabrikam",
             "owner": "ana"},
            {"id": "chloe", "name": "Chloé Martin", "email": "chloe.martin@northwind.example",
             "account": "northwind", "owner": "ben"},
            {"id": "priya", "name": "Priya Raman", "email": "priya.raman@tailspin.example", "account": "tailspin",
             "owner": "ben"}
        ],
        "leads": [{"id": "kenji", "name": "Kenji Tanaka", "email": "kenji@adventure-works.example",
                   "company": "Adventure Works", "owner": "ana"}],
        "opportunities": [{"id": "fabrikam-renewal", "name": "Fabrikam renewal", "account": "fabrikam",
                           "owner": "ana"}],
        "cases": [{"id": "case-1042", "name": "Damaged delivery", "customer": "account:northwind", "owner": "ben"}]
    })json")
                      .object());
    const QList<std::pair<QString, QJsonObject>> tracking{
        {u"ana.sales@contoso.demo"_s, {{u"owner"_s, u"systemuser:ana"_s}, {u"tracking"_s, u"known-records"_s}}},
        {u"ben.support@contoso.demo"_s, {{u"owner"_s, u"systemuser:ben"_s}, {u"tracking"_s, u"all"_s}}},
        {u"carla.ceo@contoso.demo"_s,
         {{u"owner"_s, u"systemuser:carla"_s},
          {u"tracking"_s, u"responses"_s},
          {u"tracked_folders"_s, QJsonObject{{u"Customers/Contoso"_s, u"account:contoso"_s}}}}},
        {u"dan.archive@contoso.demo"_s, {{u"tracking"_s, u"none"_s}}},
        {u"support-queue@contoso.demo"_s, {{u"owner"_s, u"queue:support"_s}, {u"tracking"_s, u"email-enabled"_s}}},
    };
    for (const auto &[address, keys] : tracking) {
        for (auto it = keys.begin(); it != keys.end(); ++it) {
            config.setMailboxKey(address, it.key(), it.value());
        }
    }
    startCalendarServer(config);
    config.addMailbox(u"erin.wrongpass@contoso.demo"_s, u"Contoso IMAP (TLS)"_s, u"erin"_s, u"an-old-password"_s);
    config.addMailbox(u"frank.legacy@contoso.demo"_s, u"Legacy server (offline)"_s, u"frank"_s, u"whatever"_s);

    const QString database = m_dir->filePath(u"syncdesk-demo.db"_s);
    const QString imported = SyncHelper::importConfig(StoreConfig::sqlite(database), config.write());
    if (!imported.isEmpty()) {
        //: %1: the problems found
        Q_EMIT failed(tr("The demo configuration could not be imported: %1").arg(imported));
        return;
    }
    if (options.deliverSubmissions) {
        composeSomeEmail(database);
    }
    seedAppointmentsAndTasks(database);
    Log::info(u"demo"_s, {},
              u"demo mail server on localhost (IMAP %1, IMAPS %2) with %3 mailboxes; new mail arrives every few "
              "seconds"_s.arg(m_dovecot->imapPort())
                  .arg(m_dovecot->imapsPort())
                  .arg(std::size(kMailboxes) + 2));
    m_deliveryTimer.start();
    Q_EMIT ready(database);
}

void DemoEnvironment::composeSomeEmail(const QString &database)
{
    // What the Outbox shows from the start: an email the engine sends at its first sync, one to an address
    // nobody receives (the relay refuses it after the data: Failed, with its hint), and a draft.
    auto store = Store::open(StoreConfig::sqlite(database));
    if (!store) {
        Log::warning(u"demo"_s, {}, store.error().toString());
        return;
    }
    struct DemoEmail
    {
        const char16_t *from;
        const char16_t *to;
        const char16_t *subject;
        const char16_t *regarding;
        bool draft;
    };
    const DemoEmail emails[] = {
        {u"ana.sales@contoso.demo", u"j.weiss@fabrikam.example", u"Ihr Angebot für März", u"account:fabrikam", false},
        {u"support-queue@contoso.demo", u"chloe.martin@northwind.example", u"Case 1042: replacement shipped",
         u"account:northwind", false},
        {u"ana.sales@contoso.demo", u"kenji@adventure-works.example", u"Following up on our call", u"lead:kenji",
         false},
        {u"carla.ceo@contoso.demo", u"j.weiss@fabrikam.example", u"Renewal terms (draft)", u"account:fabrikam", true},
    };
    for (const DemoEmail &email : emails) {
        OutgoingDraft draft;
        draft.fromAddress = QString::fromUtf16(email.from);
        draft.to = {{QString(), QString::fromUtf16(email.to)}};
        draft.subject = QString::fromUtf16(email.subject);
        draft.bodyText = tr("Hello,\n\nthis email was written in the SyncDesk demo.\n");
        const QString regarding = QString::fromUtf16(email.regarding);
        draft.regarding = RecordRef{regarding.section(u':', 0, 0), regarding.section(u':', 1)};
        draft.draft = email.draft;
        if (auto created = OutboxComposer(**store).compose(draft); !created) {
            Log::warning(u"demo"_s, draft.fromAddress, created.error().toString());
        }
    }
}

void DemoEnvironment::deliverSome()
{
    // The support queue is busy, sales gets mail now and then, the others stay quiet.
    ++m_tick;
    QList<int> targets{4};
    if (m_tick % 2 == 0) {
        targets.append(0);
    }
    if (m_tick % 5 == 0) {
        targets.append(1);
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int target : targets) {
        const DemoMailbox &mailbox = kMailboxes[target];
        // The support queue gets about 90 messages a minute: busy, synced more often than the others.
        const int count = target == 4 ? 4 + m_tick % 5 : 1;
        for (int i = 0; i < count; ++i) {
            const MailFactory::Message message =
                MailFactory::realistic(QString::fromUtf16(mailbox.address), m_messageIndex++, now);
            QString error;
            if (!m_dovecot->deliver(QString::fromUtf16(mailbox.user), u"INBOX"_s, MailFactory::build(message),
                                    &error)) {
                Log::warning(u"demo"_s, QString::fromUtf16(mailbox.address), u"delivery failed: "_s + error);
            }
        }
    }
}

void DemoEnvironment::stop()
{
    m_deliveryTimer.stop();
    m_radicale.reset();
    if (m_dovecot) {
        m_dovecot->stop();
        m_dovecot.reset();
    }
    m_dir.reset();
}

} // namespace SyncDesk

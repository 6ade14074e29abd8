#pragma once

#include "itemfailures.h"
#include "mailboxsync.h"
#include "model/pop3maildrop.h"
#include "protocol/pop3/pop3session.h"
#include "tracking/synctracker.h"

#include <QByteArray>
#include <QList>
#include <QSet>

#include <deque>
#include <memory>
#include <optional>

namespace SyncDesk {

// Syncs one POP3 mailbox: log in (USER/PASS, over TLS or STLS unless configured otherwise), list the
// UIDLs, download the messages whose UIDL the store has not seen (RETR, pipelined in batches when the
// server offers PIPELINING), decode them and store each batch with its UIDLs in one transaction.
// Mail stays on the server: SyncDesk never sends DELE. Activities go to folder "INBOX".
class Pop3MailboxSync final : public MailboxSync
{
    Q_OBJECT
public:
    Pop3MailboxSync(const SyncJob &job, Store &store, const ByteStreamFactory &streams);
    ~Pop3MailboxSync() override;

    void start() override;
    void cancel() override;

private:
    struct Message
    {
        quint32 number = 0; // message number in this session
        QByteArray uidl;
        std::optional<QByteArray> raw;
        qint64 declaredSize = 0;  // what LIST said: time allowed for it, never memory reserved
        qint64 skippedBytes = -1; // sent, over the message limit: read past, not kept
        bool overBudget = false;  // dropped to keep the session within its response budget
    };
    struct Batch
    {
        QList<Message> messages;
        int outstanding = 0;
        bool complete = false;
        qint64 heldBytes = 0; // bodies kept, counted against the response budget
    };

    void login();
    void keepRetrieved(Batch &batch, Message &message, const Pop3::Response &response);
    void listUidls();
    void onUidls(const QList<QByteArray> &lines);
    // LIST gives the sizes of the new messages: one larger than the limit is not downloaded but listed as
    // an item failure (seen, so not tried again until a retry).
    void onSizes(const QList<QByteArray> &lines);
    void fetchMore();
    void onBatchComplete();
    bool writeBatch(Batch &batch);
    // When the store refuses the batch because of a message, writes them one by one; those refused become
    // item failures (seen, so not downloaded again until a retry).
    bool storeOneByOne(const SyncError &error, const QList<Pop3SeenMessage> &seen, QList<Activity> &activities,
                       QList<qsizetype> &seenOfActivity, BatchResult &written);
    void fail(const SyncError &error);
    void succeed();
    void describeTooLarge(); // before succeeding: TOP n 0 for each message too large, for its failure
    bool stopped() const { return m_finished || m_cancelled || m_ending; }

    std::unique_ptr<Pop3::Session> m_session;
    QSet<QByteArray> m_retryUidls;                   // downloaded again after a retry request
    QList<QPair<quint32, QByteArray>> m_undescribed; // too large to fetch (number, UIDL): their failures lack a header
    Pop3Maildrop m_maildrop;
    QList<Message> m_fresh; // new messages, before LIST sorted out those too large
    std::deque<std::shared_ptr<Batch>> m_planned;
    std::deque<std::shared_ptr<Batch>> m_sent;
    bool m_cancelled = false;
    bool m_ending = false;
};

} // namespace SyncDesk

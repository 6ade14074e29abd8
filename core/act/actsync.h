#pragma once

#include "actitems.h"
#include "diagnostics/result.h"
#include "model/mailbox.h"
#include "model/serverprofile.h"
#include "store/actstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace SyncDesk {

class DavClient;
class SecurityContext;
class Store;

// What one run of a mailbox's ACT direction did.
struct ActResult
{
    int toServer = 0;        // items written to or deleted from the calendar or address book
    int fromServer = 0;      // CRM records made, changed or deleted from the server's side
    int conflicts = 0;       // fields both sides had changed
    int itemsFailed = 0;     // server items that could not be read (skipped, listed in notices)
    int requests = 0;        // HTTP requests sent
    bool incomplete = false; // stopped at the time limit: what was done is kept, the next run goes on
    qint64 elapsedMs = 0;
    QStringList notices;
    std::optional<SyncError> error;
};

// One run of a mailbox's ACT direction, blocking, in a thread of its own (with its own Store connection):
// discovery when the mailbox's collections are not known yet, then per kind whose direction is not none the
// server's changes (RFC 6578 sync-collection from the stored token, or every member's ETag when the server has no
// sync-collection), merged field by field with the CRM's, and the CRM's changes written with If-Match /
// If-None-Match. The new token is stored only after every change it covers is applied.
class ActSync final
{
    Q_DECLARE_TR_FUNCTIONS(ActSync)
public:
    ActSync(Store &store, const Mailbox &mailbox, const ServerProfile &profile, int timeoutMs = 60000,
            std::shared_ptr<std::atomic_bool> cancelled = {});
    ~ActSync();

    ActResult run();
    // Called just before each write to the server with the item's href (tests race a second client there).
    void setBeforeWrite(std::function<void(const QString &href)> hook) { m_beforeWrite = std::move(hook); }
    // At most this long (scheduler.max_run_seconds; 0: no limit), once something was done; then the run stops with
    // result.incomplete and a notice, and the next run continues.
    void setTimeLimit(qint64 ms) { m_timeLimitMs = ms; }
    // Set from any thread: the run stops before its next request, and a request in flight is aborted.
    std::shared_ptr<std::atomic_bool> cancelFlag() const { return m_cancelled; }

private:
    Status runKinds(DavClient &client, const SecurityContext &security, ActResult &result);
    Status syncKind(DavClient &client, ActItems &items, ActStore::Collection collection, ActResult &result);
    // What changed on the server: hrefs with their ETag, hrefs removed, whether that is the whole collection (every
    // linked href not listed is gone), and the token to store once all of it is applied. Learns (and saves) that a
    // collection has no sync-collection; forgets a token the server no longer knows.
    struct ServerChanges
    {
        QHash<QString, QString> changed;
        QSet<QString> removed;
        bool full = false;
        QString newToken;
    };
    Result<ServerChanges> listServerChanges(DavClient &client, ActStore::Collection &collection, const QString &what,
                                            ActResult &result);
    // Cancelled, or past the time limit once something was done (m_timeUp): an error that stops the run.
    Status checkStop(const ActResult &result);

    Store &m_store;
    ActStore m_act;
    Mailbox m_mailbox;
    ServerProfile m_profile;
    ActSettings m_settings;
    int m_timeoutMs;
    std::function<void(const QString &)> m_beforeWrite;
    std::shared_ptr<std::atomic_bool> m_cancelled = std::make_shared<std::atomic_bool>(false);
    qint64 m_timeLimitMs = 0;
    QElapsedTimer m_runClock;
    bool m_timeUp = false;
};

} // namespace SyncDesk

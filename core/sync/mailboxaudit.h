#pragma once

#include "mailboxsync.h"
#include "model/auditreport.h"

#include <QElapsedTimer>

#include <functional>
#include <optional>

namespace SyncDesk {

// What the audits of every protocol share (`verify`, and the engine's own daily audit): the report, the
// password, the recording of the result, and the end of the session. Reads only. Finishes with the report
// in the outcome (also when it fails, with what it got to).
class MailboxAudit : public MailboxSync
{
    Q_OBJECT
public:
    void cancel() final;

protected:
    MailboxAudit(const SyncJob &job, Store &store, const ByteStreamFactory &streams);

    // Starts the report and the clock; the password, or nullopt when the run finished for want of it.
    std::optional<MailboxLogin> begin();
    // Records the audit (when it succeeded), ends the session politely if it still works, and finishes.
    void done(std::optional<SyncError> error = std::nullopt);
    bool stopped() const { return m_stopped; }

    virtual bool sessionUsable() const = 0;
    virtual void closeSession(std::function<void()> then) = 0;
    virtual void abortSession(const SyncError &reason) = 0;

    AuditReport m_report;

private:
    QElapsedTimer m_timer;
    bool m_stopped = false;
};

} // namespace SyncDesk

// The console's appointments and tasks: read, add, change, delete and track them through ActRecordService, the same
// checks and messages as syncdesk-node's commands.
#include "act/actrecordservice.h"
#include "config/crmconfigparser.h"
#include "logging/logger.h"
#include "logging/logpersister.h"
#include "storepoller.h"

namespace SyncDesk {

using namespace Qt::StringLiterals;

void StorePoller::loadActRecords()
{
    if (!m_store) {
        pollNow();
    }
    if (!m_store) {
        return;
    }
    ActRecordService service(*m_store);
    // Appointments from the last 30 days on (the list is sorted by start: without a bound a large CRM would show only
    // its oldest), tasks all; at most 5,000 of each.
    ActStore::Filter filter;
    filter.limit = 5000;
    ActStore::Filter recent = filter;
    recent.from = QDateTime::currentDateTimeUtc().addDays(-30);
    auto appointments = service.records(ActKind::Appointment, recent);
    auto tasks = service.records(ActKind::Task, filter);
    if (!appointments || !tasks) {
        Q_EMIT failed(!appointments ? appointments.error() : tasks.error());
        return;
    }
    Q_EMIT actRecordsLoaded(*appointments, *tasks);
}

void StorePoller::editActRecord(int kind, qint64 id, const QStringList &assignments)
{
    if (!m_store) {
        pollNow();
    }
    if (!m_store) {
        Q_EMIT actRecordEdited(kind, 0, tr("the database cannot be opened"));
        return;
    }
    auto changed = ActRecordService(*m_store).edit(static_cast<ActKind>(kind), id, assignments);
    if (!changed) {
        Q_EMIT actRecordEdited(kind, 0, changed.error().message);
        return;
    }
    Log::info(u"act"_s, {},
              u"%1 %2 %3 in the console"_s.arg(actKindName(static_cast<ActKind>(kind)))
                  .arg(changed->record.id)
                  .arg(id == 0 ? u"added"_s : u"changed"_s));
    Q_EMIT actSyncsRequested(changed->requestedIds);
    Q_EMIT actRecordEdited(kind, changed->record.id, QString());
    LogPersister(*m_store).flush();
    m_dataVersion = -1; // our own write does not move data_version: read again now
    pollNow();
    loadActRecords();
}

void StorePoller::removeActRecords(int kind, const QList<qint64> &ids)
{
    writeThenPoll([this, kind, ids](QString &message) -> QString {
        ActRecordService service(*m_store);
        QList<qint64> requested;
        for (qint64 id : ids) {
            auto removed = service.remove(static_cast<ActKind>(kind), id);
            if (!removed) {
                return removed.error().message;
            }
            requested += removed->requestedIds;
            Log::info(u"act"_s, {},
                      u"%1 %2 deleted in the console"_s.arg(actKindName(static_cast<ActKind>(kind))).arg(id));
        }
        Q_EMIT actSyncsRequested(requested);
        message = static_cast<ActKind>(kind) == ActKind::Appointment
                      ? tr("%n appointment(s) deleted; their mailboxes delete them from their calendars next", nullptr,
                           int(ids.size()))
                      : tr("%n task(s) deleted; their mailboxes delete them from their task lists next", nullptr,
                           int(ids.size()));
        return {};
    });
    loadActRecords();
}

void StorePoller::trackAppointment(const QString &uid, const QString &regarding)
{
    writeThenPoll([this, uid, regarding](QString &message) -> QString {
        std::optional<RecordRef> reference;
        if (!regarding.trimmed().isEmpty()) {
            static const QStringList types{u"account"_s, u"contact"_s, u"lead"_s, u"opportunity"_s, u"case"_s};
            QString problem;
            reference = CrmConfigParser::parseReference(regarding.trimmed(), types, &problem);
            if (!reference) {
                //: %1 says what is wrong with the record reference typed
                return tr("Regarding: %1").arg(problem);
            }
        }
        auto tracked = ActRecordService(*m_store).trackAppointment(uid, reference);
        if (!tracked) {
            return tracked.error().message;
        }
        Log::info(u"act"_s, {}, u"appointment %1 tracked in the console"_s.arg(uid));
        Q_EMIT actSyncsRequested(tracked->requestedIds);
        message = tracked->requested.isEmpty()
                      ? tr("Appointment tracked; no mailbox holds it or syncs its owner's appointments, so it stays in "
                           "the CRM.")
                      //: %1: mailbox addresses
                      : tr("Appointment tracked; syncing it now in %1 (the schedule completes it if that fails).")
                            .arg(tracked->requested.join(u", "_s));
        return {};
    });
    loadActRecords();
}

} // namespace SyncDesk

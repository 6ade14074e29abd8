// syncdesk-node verify: the reconciliation audit. Compares what is on the server with each folder's
// ledger and prints, per mailbox and folder, what is on the server, what the ledger accounts for and what
// is missing; --repair fetches the missing messages in the same run and audits again.

#include "diagnostics/gapalert.h"
#include "diagnostics/hintcatalog.h"
#include "logging/logger.h"
#include "logging/logpersister.h"
#include "model/itemfailure.h"
#include "nodecli.h"
#include "protocol/socketstream.h"
#include "store/diagnosticsstore.h"
#include "store/ledgerstore.h"
#include "store/store.h"
#include "sync/auditrepair.h"
#include "sync/mailboxsync.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

QString uidList(const QList<quint32> &uids, const QStringList &uidls)
{
    QStringList names;
    for (quint32 uid : uids) {
        names.append(QString::number(uid));
    }
    names.append(uidls);
    if (names.size() > 20) {
        const qsizetype more = names.size() - 20;
        names = names.mid(0, 20);
        //: After the first 20 UIDs of a list: %1 more are not shown
        names.append(QCoreApplication::translate("SyncDesk::NodeCli", "… (%1 more; --json lists all)").arg(more));
    }
    return names.join(u", "_s);
}

} // namespace

QList<SyncOutcome> NodeCli::runAudits(Store &store, const QList<qint64> &mailboxIds)
{
    QList<SyncJob> jobs;
    QList<SyncOutcome> outcomes;
    for (qint64 id : mailboxIds) {
        auto mailbox = store.mailbox(id);
        auto profile = mailbox && mailbox->has_value() ? store.profile((*mailbox)->profileId)
                                                       : Result<std::optional<ServerProfile>>(std::nullopt);
        if (!mailbox || !mailbox->has_value() || !profile || !profile->has_value()) {
            SyncOutcome outcome;
            outcome.mailboxId = id;
            outcome.error = !mailbox   ? mailbox.error()
                            : !profile ? profile.error()
                                       : SyncError::make(ErrorClass::Config, u"config-invalid"_s,
                                                         tr("mailbox or profile not found"));
            outcomes.append(outcome);
            continue;
        }
        SyncJob job;
        job.mailbox = **mailbox;
        job.profile = **profile;
        job.trigger = SyncTrigger::Manual;
        job.audit = true;
        jobs.append(job);
    }
    std::unique_ptr<MailboxSync> current;
    qsizetype index = -1;
    std::function<void()> next;
    next = [&] {
        current.reset();
        if (++index >= jobs.size()) {
            QCoreApplication::quit();
            return;
        }
        current = MailboxSync::create(jobs.at(index), store, SocketStream::factory());
        connect(current.get(), &MailboxSync::finished, this, [&](const SyncOutcome &outcome) {
            outcomes.append(outcome);
            QTimer::singleShot(0, this, next); // not from within the audit's own signal
        });
        current->start();
    };
    if (jobs.isEmpty()) {
        return outcomes;
    }
    QTimer::singleShot(0, this, next);
    QCoreApplication::exec();
    return outcomes;
}

int NodeCli::verifyCommand(const QStringList &positional)
{
    if (!positional.isEmpty()) {
        return usage(tr("'verify' takes no arguments; name mailboxes with --mailbox"));
    }
    auto store = openStore();
    if (!store) {
        return storeFailure(store.error());
    }
    auto ids = resolveMailboxes(**store, false);
    if (!ids) {
        return ids.error().errorClass == ErrorClass::Store ? storeFailure(ids.error()) : usage(ids.error().message);
    }
    QList<SyncOutcome> outcomes = runAudits(**store, *ids);
    if (m_parser.isSet(u"repair"_s)) {
        // The missing messages become item failures to retry; one sync of those mailboxes fetches them again.
        QList<qint64> repairIds;
        QHash<qint64, int> before;
        for (const SyncOutcome &outcome : std::as_const(outcomes)) {
            if (!outcome.audit || outcome.audit->missing() == 0) {
                continue;
            }
            if (Status marked = markMissingForRepair(**store, *outcome.audit); !marked) {
                return storeFailure(marked.error());
            }
            repairIds.append(outcome.mailboxId);
            before.insert(outcome.mailboxId, outcome.audit->missing());
        }
        if (!repairIds.isEmpty()) {
            //: %1: how many mailboxes ("2 mailboxes")
            m_out << tr("Repairing: fetching %n missing message(s) of %1 again…", nullptr,
                        std::accumulate(before.cbegin(), before.cend(), 0))
                         //: Inserted in "Repairing: fetching 3 missing messages of %1 again…"
                         .arg(tr("%n mailbox(es)", "Repairing: fetching … of %1", int(repairIds.size())))
                  << "\n";
            m_out.flush();
            syncOnce(repairIds);
            const QList<SyncOutcome> after = runAudits(**store, repairIds);
            for (const SyncOutcome &again : after) {
                for (SyncOutcome &outcome : outcomes) {
                    if (outcome.mailboxId == again.mailboxId) {
                        outcome = again;
                        if (outcome.audit) {
                            outcome.audit->repaired =
                                qMax(0, before.value(outcome.mailboxId) - outcome.audit->missing());
                        }
                    }
                }
            }
        }
    }
    int missing = 0;
    bool failed = false;
    for (const SyncOutcome &outcome : std::as_const(outcomes)) {
        if (outcome.audit && outcome.error.has_value() == false) {
            missing += outcome.audit->missing();
            GapAlert::update(**store, *outcome.audit);
        } else {
            failed = true;
        }
    }
    LogPersister(**store).flush();
    if (m_parser.isSet(u"json"_s)) {
        QJsonArray array;
        for (const SyncOutcome &outcome : std::as_const(outcomes)) {
            QJsonObject object = outcome.audit ? outcome.audit->toJson() : QJsonObject{{u"address"_s, outcome.address}};
            if (outcome.error) {
                object.insert(u"error"_s, QJsonObject{{u"class"_s, errorClassName(outcome.error->errorClass)},
                                                      {u"message"_s, outcome.error->message},
                                                      {u"hint"_s, outcome.error->hintId}});
            }
            array.append(object);
        }
        m_out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
    } else {
        for (const SyncOutcome &outcome : std::as_const(outcomes)) {
            if (outcome.error || !outcome.audit) {
                //: %1: the mailbox address, %2: why it was not checked
                m_out << tr("%1: not checked: %2")
                             .arg(outcome.address, outcome.error ? outcome.error->toString() : tr("no result"))
                      << "\n";
                continue;
            }
            const AuditReport &report = *outcome.audit;
            QString result = tr("nothing missing");
            if (report.missing() > 0) {
                //: %1 messages are missing from the store
                result = tr("%1 MISSING").arg(report.missing());
            }
            if (report.repaired > 0) {
                //: %1: "nothing missing" or "3 MISSING", %2: how many messages were repaired
                result = tr("%1 (%2 repaired)").arg(result, QString::number(report.repaired));
            }
            //: %1: the mailbox address, %2: what is missing, %3: seconds the audit took
            m_out << tr("%1: %2 (%3 s)").arg(report.address, result, QString::number(report.elapsedMs / 1000.0, 'f', 1))
                  << "\n";
            // Qt::left first: lupdate drops a translator comment that follows it.
            m_out << "  " << Qt::left
                  << qSetFieldWidth(24)
                  //: Column header of 'verify': the folder
                  << tr("FOLDER")
                  << qSetFieldWidth(11)
                  //: Column header of 'verify': messages on the server (10 characters at most)
                  << tr("ON SERVER")
                  << qSetFieldWidth(11)
                  //: Column header of 'verify': messages the store accounts for (10 characters at most)
                  << tr("ACCOUNTED")
                  << qSetFieldWidth(9)
                  //: Column header of 'verify': messages missing from the store (8 characters at most)
                  << tr("MISSING")
                  << qSetFieldWidth(0)
                  //: Column header of 'runs' and 'verify': new activities
                  << tr("NEW") << "\n";
            for (const FolderAudit &folder : report.folders) {
                m_out << "  " << qSetFieldWidth(24) << Qt::left << folder.folder << qSetFieldWidth(11)
                      << folder.onServer << qSetFieldWidth(11) << folder.accounted << qSetFieldWidth(9)
                      << folder.missing() << qSetFieldWidth(0) << folder.pending;
                if (folder.renumbered) {
                    //: Keep UIDVALIDITY: it is an IMAP term
                    m_out << "  " << tr("renumbered by the server (UIDVALIDITY): the next sync fetches it again");
                }
                if (!folder.error.isEmpty()) {
                    //: %1: why the folder was not checked
                    m_out << "  " << tr("not checked: %1").arg(folder.error);
                }
                if (folder.beforeLedger > 0) {
                    //: %1 messages were stored before the ledger (the record of what was fetched) existed
                    m_out << "  " << tr("(%1 passed before the ledger, without an activity)").arg(folder.beforeLedger);
                }
                m_out << "\n";
                if (folder.missing() > 0) {
                    const QString uids = uidList(folder.missingUids, folder.missingUidls);
                    if (folder.missingUidls.isEmpty()) {
                        //: %1: the IMAP UIDs of the missing messages
                        m_out << "    " << tr("missing UIDs: %1").arg(uids) << "\n";
                    } else {
                        //: %1: the POP3 UIDLs of the missing messages
                        m_out << "    " << tr("missing UIDLs: %1").arg(uids) << "\n";
                    }
                }
            }
        }
        if (missing > 0) {
            //: %1: what a gap is (a sentence), %2: " --mailbox ADDRESS" or nothing
            m_out << "\n"
                  << tr("%1. Run 'syncdesk-node verify --repair%2' to fetch the missing messages again.")
                         .arg(HintCatalog::instance().summary(u"sync-gap"_s),
                              m_parser.isSet(u"mailbox"_s) ? u" --mailbox "_s + m_parser.value(u"mailbox"_s)
                                                           : QString())
                  << "\n";
        }
    }
    m_out.flush();
    return missing > 0 || failed ? SyncFailed : Success;
}

} // namespace SyncDesk

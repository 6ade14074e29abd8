// syncdesk-node's troubleshooting commands: test-mailbox, alerts, failures, mailbox verbose, diagnostics.
#include "diagnostics/alertmanager.h"
#include "diagnostics/connectiontest.h"
#include "diagnostics/diagnosticbundle.h"
#include "diagnostics/diagnosticsjson.h"
#include "diagnostics/hintcatalog.h"
#include "logging/logger.h"
#include "logging/logpersister.h"
#include "model/untrustedtext.h"
#include "nodecli.h"
#include "store/diagnosticsstore.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

QString isoTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : u"-"_s;
}

QString stepMark(ConnectionStep::Status status)
{
    switch (status) {
    case ConnectionStep::Status::Passed:
        //: The mark of a passed step of test-mailbox; the marks are 6 characters wide
        return QCoreApplication::translate("SyncDesk::NodeCli", "[ ok ]");
    case ConnectionStep::Status::Failed:
        //: The mark of a failed step of test-mailbox; the marks are 6 characters wide
        return QCoreApplication::translate("SyncDesk::NodeCli", "[FAIL]");
    case ConnectionStep::Status::Skipped:
        //: The mark of a skipped step of test-mailbox; the marks are 6 characters wide
        return QCoreApplication::translate("SyncDesk::NodeCli", "[skip]");
    case ConnectionStep::Status::Running:
        break;
    }
    return u"[....]"_s;
}

} // namespace

Result<Mailbox> NodeCli::mailboxNamed(Store &store, const QString &address)
{
    auto mailbox = store.mailboxByAddress(address);
    if (!mailbox) {
        return mailbox.error();
    }
    if (!mailbox->has_value()) {
        return SyncError::make(ErrorClass::Config, u"config-invalid"_s,
                               tr("no mailbox %1 in %2").arg(address, m_storeConfig.describe()));
    }
    return **mailbox;
}

int NodeCli::testMailbox(const QStringList &positional)
{
    if (positional.size() != 1) {
        return usage(tr("usage: syncdesk-node test-mailbox ADDRESS [--enable | --list-folders] [--json]"));
    }
    const bool listFolders = m_parser.isSet(u"list-folders"_s);
    if (listFolders && m_parser.isSet(u"enable"_s)) {
        //: Neither option name is translated
        return usage(tr("--enable needs the whole test; it cannot go with --list-folders"));
    }
    const bool json = m_parser.isSet(u"json"_s);
    auto store = openStore();
    if (!store) {
        return storeFailure(store.error());
    }
    auto mailbox = mailboxNamed(**store, positional.constFirst());
    if (!mailbox) {
        return mailbox.error().errorClass == ErrorClass::Store ? storeFailure(mailbox.error())
                                                               : usage(mailbox.error().message);
    }
    auto profile = (*store)->profile(mailbox->profileId);
    if (!profile) {
        return storeFailure(profile.error());
    }
    if (!profile->has_value()) {
        return usage(tr("the server profile of %1 is missing").arg(mailbox->address));
    }
    const ServerProfile &server = **profile;
    if (!json) {
        // Protocol, host, port and security (identifiers, not translated).
        QString servers =
            u"%1 %2:%3, %4"_s.arg(protocolName(server.incoming.protocol).toUpper(), server.incoming.host,
                                  QString::number(server.incoming.port), securityName(server.incoming.security));
        if (server.outgoing) {
            servers += u"; SMTP %1:%2, %3"_s.arg(server.outgoing->host)
                           .arg(server.outgoing->port)
                           .arg(securityName(server.outgoing->security));
        }
        //: %1: the mailbox address, %2: its servers ("IMAP mail.example.com:993, tls")
        m_out << tr("Testing %1 (%2)").arg(mailbox->address, servers) << "\n";
        m_out.flush();
    }
    ConnectionTestOptions options;
    options.listFolders = listFolders;
    ConnectionTest test(*mailbox, server, options);
    ConnectionTestReport report;
    bool done = false;
    connect(&test, &ConnectionTest::stepFinished, this, [this, json](const ConnectionStep &step) {
        if (json) {
            return;
        }
        //: A duration in milliseconds
        const QString duration = tr("%1 ms").arg(step.ms);
        m_out << "  " << stepMark(step.status) << ' ' << qSetFieldWidth(13) << Qt::left << step.id << qSetFieldWidth(0)
              << step.title << "  (" << duration << ")\n";
        if (!step.detail.isEmpty() && step.status == ConnectionStep::Status::Passed) {
            m_out << "         " << step.detail << "\n";
        }
        if (step.error) {
            const SyncError &error = *step.error;
            m_out << "         " << errorClassName(error.errorClass) << ": " << error.message << "\n";
            if (!error.detail.isEmpty() && !error.message.contains(error.detail)) {
                m_out << "         " << tr("detail: %1").arg(error.detail) << "\n";
            }
            const Hint hint = HintCatalog::instance().hint(error.hintId);
            if (hint.isValid()) {
                m_out << "         " << tr("hint [%1]: %2").arg(hint.id, hint.title) << "\n";
                for (const QString &remedy : hint.remedy) {
                    m_out << "           - " << remedy << "\n";
                }
            }
        }
        m_out.flush();
    });
    connect(&test, &ConnectionTest::finished, this, [&report, &done](const ConnectionTestReport &finished) {
        report = finished;
        done = true;
        QCoreApplication::quit();
    });
    installSignalHandlers();
    QMetaObject::invokeMethod(&test, &ConnectionTest::start, Qt::QueuedConnection);
    QCoreApplication::exec();
    if (!done) { // interrupted
        test.cancel();
        report = test.report();
    }

    bool enabledNow = false;
    QString enableProblem;
    if (m_parser.isSet(u"enable"_s)) {
        if (!report.passed()) {
            enableProblem = tr("not enabled: the test did not pass");
        } else if (mailbox->enabled) {
            enableProblem = tr("already enabled");
        } else {
            const QDateTime now = QDateTime::currentDateTimeUtc();
            Status enabled = (*store)->transaction([&]() -> Status {
                if (Status set = (*store)->setMailboxEnabled(mailbox->id, true, u"admin"_s, now); !set) {
                    return set;
                }
                return AlertManager::mailboxEnabled(**store, mailbox->id, now);
            });
            if (!enabled) {
                return storeFailure(enabled.error());
            }
            enabledNow = true;
            Log::info(u"node"_s, mailbox->address, u"enabled after a passed connection test"_s);
        }
    }
    LogPersister(**store).flush();
    if (json) {
        QJsonObject object = report.toJson();
        object.insert(u"enabled"_s, mailbox->enabled || enabledNow);
        object.insert(u"enabled_now"_s, enabledNow);
        m_out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
    } else if (report.cancelled) {
        m_out << tr("Result: cancelled after %1 ms").arg(report.ms) << "\n";
    } else if (report.passed()) {
        m_out << tr("Result: every step passed in %1 ms").arg(report.ms) << "\n";
        if (report.folders) {
            printFolders(report);
        }
    } else {
        const QString failedStep = report.steps.isEmpty() ? QString() : report.steps.constLast().id;
        //: %1: the step's id (connect, login, ...), %2: the error class, %3: the hint's id, %4: milliseconds
        m_out << tr("Result: FAILED at %1 (%2, hint %3) after %4 ms")
                     .arg(failedStep, errorClassName(report.error->errorClass), report.error->hintId,
                          QString::number(report.ms))
              << "\n";
    }
    if (!json && m_parser.isSet(u"enable"_s)) {
        m_out << (enabledNow ? tr("%1 enabled; it syncs now.").arg(mailbox->address)
                             : QString(mailbox->address + u": "_s + enableProblem))
              << "\n";
    }
    m_out.flush();
    return report.passed() ? Success : SyncFailed;
}

void NodeCli::printFolders(const ConnectionTestReport &report)
{
    //: Heading of test-mailbox --list-folders; the folders follow, one per line
    m_out << tr("Folders on the server:") << "\n";
    for (const ServerFolder &folder : *report.folders) {
        // The server's names: control characters never reach the terminal.
        m_out << "  " << UntrustedText::withoutControls(folder.name);
        if (!folder.specialUse.isEmpty()) {
            m_out << "  (" << folder.specialUse << ")";
        }
        if (!folder.selectable) {
            //: After a folder name: a step of the hierarchy that holds no messages
            m_out << "  " << tr("[holds no messages]");
        }
        m_out << "\n";
    }
    if (report.foldersTruncated) {
        m_out << tr("The server lists more folders than these %n; name the others in the configuration.", nullptr,
                    int(report.folders->size()))
              << "\n";
    }
}

int NodeCli::alertsCommand(const QStringList &positional)
{
    const QString usageText = tr("usage: syncdesk-node alerts [--all] [--json]\n"
                                 "       syncdesk-node alerts ack ID\n"
                                 "       syncdesk-node alerts reenable ID");
    if (!positional.isEmpty() && positional.size() != 2) {
        return usage(usageText);
    }
    auto store = openStore();
    if (!store) {
        return storeFailure(store.error());
    }
    DiagnosticsStore diagnostics(**store);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (positional.isEmpty()) {
        auto alerts = (*store)->alerts(m_parser.isSet(u"all"_s));
        if (!alerts) {
            return storeFailure(alerts.error());
        }
        QList<Alert> list = *alerts;
        for (Alert &alert : list) {
            if (alert.kind == u"profile-outage"_s) {
                auto members = diagnostics.incidentMembers(alert.id);
                if (!members) {
                    return storeFailure(members.error());
                }
                alert.members = *members;
            }
        }
        if (m_parser.isSet(u"json"_s)) {
            QJsonArray array;
            for (const Alert &alert : std::as_const(list)) {
                array.append(DiagnosticsJson::alert(alert));
            }
            m_out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
            m_out.flush();
            return Success;
        }
        if (list.isEmpty()) {
            m_out << (m_parser.isSet(u"all"_s) ? tr("No alerts.") : tr("No open alerts.")) << "\n";
            m_out.flush();
            return Success;
        }
        for (const Alert &alert : std::as_const(list)) {
            const QString about = alert.mailboxAddress.isEmpty()
                                      //: What an alert is about: a server profile (%1: its name)
                                      ? tr("profile %1").arg(alert.profileName)
                                      : alert.mailboxAddress;
            //: %1: when the alert was raised, %2: when it last occurred (times in ISO 8601)
            const QString seen = tr("raised %1, last %2, %n occurrence(s)", nullptr, alert.occurrences)
                                     .arg(isoTime(alert.raisedAt), isoTime(alert.updatedAt));
            m_out << "#" << alert.id << "  " << alert.severity.toUpper() << "  " << alert.kind << "  " << alert.state
                  << "  " << about << "\n"
                  << "    " << alert.message << "\n"
                  << "    " << seen;
            if (!alert.hintId.isEmpty()) {
                m_out << "; " << tr("hint [%1]: %2").arg(alert.hintId, HintCatalog::instance().summary(alert.hintId));
            }
            m_out << "\n";
            int disabled = 0;
            for (const AlertMember &member : alert.members) {
                // The address, the error class and the hint's id.
                const QString line = u"%1 (%2, %3)"_s.arg(member.address, member.errorClass, member.hintId);
                //: %1: a mailbox of a server profile incident, with its error class and hint
                m_out << "      - " << (member.stillDisabled ? tr("%1 disabled by this incident").arg(line) : line)
                      << "\n";
                disabled += member.stillDisabled ? 1 : 0;
            }
            if (disabled > 0) {
                m_out << "    " << tr("re-enable them: syncdesk-node alerts reenable %1").arg(alert.id) << "\n";
            }
        }
        m_out.flush();
        return Success;
    }
    bool ok = false;
    const qint64 id = positional.at(1).toLongLong(&ok);
    if (!ok || id <= 0) {
        return usage(tr("'%1' is not an alert id (see 'syncdesk-node alerts')").arg(positional.at(1)));
    }
    if (positional.at(0) == u"ack"_s) {
        auto acknowledged = diagnostics.acknowledgeAlert(id, now);
        if (!acknowledged) {
            return acknowledged.error().errorClass == ErrorClass::Store ? storeFailure(acknowledged.error())
                                                                        : usage(acknowledged.error().message);
        }
        Log::info(u"node"_s, acknowledged->mailboxAddress, u"alert %1 acknowledged"_s.arg(id));
        LogPersister(**store).flush();
        m_out << (acknowledged->state == u"closed"_s
                      ? tr("Alert %1 acknowledged and closed (information).")
                      : tr("Alert %1 acknowledged; it stays listed until its cause is resolved."))
                     .arg(id)
              << "\n";
        m_out.flush();
        return Success;
    }
    if (positional.at(0) == u"reenable"_s) {
        auto alert = diagnostics.alert(id);
        if (!alert) {
            return storeFailure(alert.error());
        }
        if (!alert->has_value() || (*alert)->kind != u"profile-outage"_s) {
            //: Keep profile-outage: it is the alert's kind
            return usage(tr("alert %1 is not a server profile incident (kind profile-outage)").arg(id));
        }
        auto enabled = diagnostics.reenableIncident(id, now);
        if (!enabled) {
            return storeFailure(enabled.error());
        }
        QStringList addresses;
        for (const AlertMember &member : (*alert)->members) {
            if (enabled->contains(member.mailboxId)) {
                addresses.append(member.address);
            }
        }
        Log::info(u"node"_s, {},
                  u"re-enabled %1 mailbox(es) disabled by incident %2 of %3: %4"_s.arg(addresses.size())
                      .arg(id)
                      .arg((*alert)->profileName, addresses.join(u", "_s)));
        LogPersister(**store).flush();
        if (addresses.isEmpty()) {
            m_out << tr("No mailbox of incident %1 is still disabled by it.").arg(id) << "\n";
        } else {
            //: plural: Re-enabled %n mailbox disabled by incident %1: %2. It syncs now.
            m_out << tr("Re-enabled %n mailboxes disabled by incident %1: %2. They sync now.", nullptr,
                        int(addresses.size()))
                         .arg(QString::number(id), addresses.join(u", "_s))
                  << "\n";
        }
        m_out.flush();
        return Success;
    }
    return usage(usageText);
}

int NodeCli::failuresCommand(const QStringList &positional)
{
    if (!positional.isEmpty() && (positional.size() != 1 || positional.constFirst() != u"retry"_s)) {
        return usage(tr("usage: syncdesk-node failures [--mailbox ADDRESS] [--json]\n"
                        "       syncdesk-node failures retry [--mailbox ADDRESS]"));
    }
    auto store = openStore();
    if (!store) {
        return storeFailure(store.error());
    }
    std::optional<qint64> only;
    QString onlyAddress;
    if (m_parser.isSet(u"mailbox"_s)) {
        auto mailbox = mailboxNamed(**store, m_parser.value(u"mailbox"_s));
        if (!mailbox) {
            return mailbox.error().errorClass == ErrorClass::Store ? storeFailure(mailbox.error())
                                                                   : usage(mailbox.error().message);
        }
        only = mailbox->id;
        onlyAddress = mailbox->address;
    }
    DiagnosticsStore diagnostics(**store);
    if (!positional.isEmpty()) {
        auto failures = diagnostics.itemFailures(only, 100000);
        if (!failures) {
            return storeFailure(failures.error());
        }
        auto marked = diagnostics.retryItemFailures(only);
        if (!marked) {
            return storeFailure(marked.error());
        }
        // Ask the running engine to sync those mailboxes now; without one, the next sync does it.
        QSet<qint64> mailboxes;
        for (const ItemFailure &failure : std::as_const(*failures)) {
            mailboxes.insert(failure.mailboxId);
        }
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (qint64 id : std::as_const(mailboxes)) {
            if (Status requested = (*store)->requestSync(id, u"retry-failures"_s, now); !requested) {
                return storeFailure(requested.error());
            }
        }
        Log::info(u"node"_s, onlyAddress, u"%1 failed item(s) marked to be tried again"_s.arg(*marked));
        LogPersister(**store).flush();
        if (mailboxes.isEmpty()) {
            m_out << tr("%n failed item(s) will be fetched again by the next sync of their mailbox.", nullptr, *marked);
        } else {
            //: %1: how many mailboxes ("3 mailboxes")
            m_out << tr("%n failed item(s) will be fetched again by the next sync of their mailbox (requested now for "
                        "%1).",
                        nullptr, *marked)
                         //: Inserted in "... (requested now for %1)."
                         .arg(tr("%n mailbox(es)", "requested now for %1", int(mailboxes.size())));
        }
        m_out << "\n";
        m_out.flush();
        return Success;
    }
    auto failures = diagnostics.itemFailures(only, 100000);
    if (!failures) {
        return storeFailure(failures.error());
    }
    if (m_parser.isSet(u"json"_s)) {
        QJsonArray array;
        for (const ItemFailure &failure : std::as_const(*failures)) {
            array.append(DiagnosticsJson::itemFailure(failure));
        }
        m_out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        m_out.flush();
        return Success;
    }
    if (failures->isEmpty()) {
        m_out << (onlyAddress.isEmpty() ? tr("No failed items.") : tr("No failed items in %1.").arg(onlyAddress))
              << "\n";
        m_out.flush();
        return Success;
    }
    QString current;
    for (const ItemFailure &failure : std::as_const(*failures)) {
        if (failure.mailboxAddress != current) {
            current = failure.mailboxAddress;
            m_out << current << ":\n";
        }
        const QString where =
            failure.pop3Uidl.isEmpty()
                ? u"%1 UID %2 (UIDVALIDITY %3)"_s.arg(failure.folder).arg(failure.uid).arg(failure.uidValidity)
                : u"POP3 %1"_s.arg(failure.pop3Uidl);
        //: %1: when it last failed (ISO 8601)
        const QString attempts =
            tr("%n attempt(s), last %1", nullptr, failure.attempts).arg(isoTime(failure.lastFailedAt));
        m_out << "  " << where << "  " << errorClassName(failure.errorClass) << " [" << failure.hintId << "]  "
              << failure.state << ", " << attempts << "\n    " << failure.reason << "\n";
        // What a message says about itself is untrusted: no control characters reach the terminal.
        if (!failure.subject.isEmpty()) {
            //: %1: the message's subject
            m_out << "    " << tr("subject: %1").arg(UntrustedText::withoutControls(failure.subject).simplified())
                  << "\n";
        }
        if (!failure.sender.isEmpty() || failure.messageDate.isValid()) {
            //: %1: who sent the message (its From header), %2: the message's date (its Date header)
            m_out << "    "
                  << tr("from: %1, date: %2")
                         .arg(failure.sender.isEmpty() ? u"-"_s
                                                       : UntrustedText::withoutControls(failure.sender).simplified(),
                              failure.messageDate.isValid() ? isoTime(failure.messageDate) : u"-"_s)
                  << "\n";
        }
    }
    m_out.flush();
    return Success;
}

int NodeCli::mailboxVerbose(const QStringList &positional)
{
    if (positional.size() != 3 || (positional.at(2) != u"on"_s && positional.at(2) != u"off"_s)) {
        return usage(tr("usage: syncdesk-node mailbox verbose ADDRESS on|off"));
    }
    auto store = openStore();
    if (!store) {
        return storeFailure(store.error());
    }
    auto mailbox = mailboxNamed(**store, positional.at(1));
    if (!mailbox) {
        return mailbox.error().errorClass == ErrorClass::Store ? storeFailure(mailbox.error())
                                                               : usage(mailbox.error().message);
    }
    const bool on = positional.at(2) == u"on"_s;
    if (Status set = DiagnosticsStore(**store).setMailboxVerbose(mailbox->id, on); !set) {
        return storeFailure(set.error());
    }
    Log::info(u"node"_s, mailbox->address,
              on ? u"verbose log switched on: protocol traces (credentials hidden) are logged"_s
                 : u"verbose log switched off"_s);
    LogPersister(**store).flush();
    m_out << (on ? tr("%1: verbose log on; running engines follow within a second.")
                 : tr("%1: verbose log off; running engines follow within a second."))
                 .arg(mailbox->address)
          << "\n";
    m_out.flush();
    return Success;
}

int NodeCli::diagnosticsCommand(const QStringList &positional)
{
    if (positional.size() != 1) {
        return usage(tr("usage: syncdesk-node diagnostics ADDRESS [--output FILE]"));
    }
    auto store = openStore();
    if (!store) {
        return storeFailure(store.error());
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!m_parser.isSet(u"output"_s)) {
        auto bundle = DiagnosticBundle::build(**store, positional.constFirst(), now);
        if (!bundle) {
            return bundle.error().errorClass == ErrorClass::Store ? storeFailure(bundle.error())
                                                                  : usage(bundle.error().message);
        }
        m_out << QString::fromUtf8(QJsonDocument(*bundle).toJson(QJsonDocument::Indented));
        m_out.flush();
        return Success;
    }
    const QString path = m_parser.value(u"output"_s);
    if (Status written = DiagnosticBundle::write(**store, positional.constFirst(), path, now); !written) {
        return written.error().errorClass == ErrorClass::Store ? storeFailure(written.error())
                                                               : usage(written.error().message);
    }
    //: %1: the mailbox address, %2: the file
    m_err << tr("Wrote the diagnostic bundle of %1 to %2 (passwords, credentials and message contents removed).")
                 .arg(positional.constFirst().trimmed().toLower(), path)
          << "\n";
    m_err.flush();
    return Success;
}

} // namespace SyncDesk

#pragma once

#include "syncerror.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace SyncDesk {

// One step of a connection test: what it checked, how it went, how long it took.
struct ConnectionStep
{
    enum class Status { Running, Passed, Failed, Skipped };

    QString id;    // "credentials", "dns", "connect", "tls", "capabilities", "login", "inbox", "folders", "list",
                   // "smtp-dns", "smtp-connect", "smtp-tls", "smtp-ehlo", "smtp-auth"
    QString title; // "Resolve imap.contoso.com"
    Status status = Status::Running;
    qint64 ms = 0;
    QString detail;   // one line for people: addresses, TLS version, capabilities, message count
    QJsonObject data; // the same as values: certificate subject, issuer and expiry, capabilities, ...
    std::optional<SyncError> error;

    QJsonObject toJson() const;
};

QString connectionStepStatusName(ConnectionStep::Status status); // "running", "passed", "failed", "skipped"

// A folder the server listed, for choosing what to sync (the test's "list" step).
struct ServerFolder
{
    QString name;
    QString delimiter;      // of the hierarchy; empty for a flat namespace
    bool selectable = true; // false for a step of the hierarchy that holds no messages
    QString specialUse;     // RFC 6154: "\\Sent", "\\Drafts", ... or empty

    QJsonObject toJson() const; // {"name", "delimiter", "selectable", "special_use"}
};

// The result of a connection test of one mailbox: every step run, and the failure that stopped it.
struct ConnectionTestReport
{
    QString mailbox;
    QString profile;
    QString protocol; // "imap" or "pop3"
    QList<ConnectionStep> steps;
    std::optional<SyncError> error; // the first failure (the test stops there)
    bool cancelled = false;
    qint64 ms = 0;
    // With ConnectionTestOptions::listFolders, once the "list" step passed: the server's folders, and
    // whether it listed more than the test keeps.
    std::optional<QList<ServerFolder>> folders;
    bool foldersTruncated = false;

    bool passed() const { return !error.has_value() && !cancelled; }
    // The documented shape of `syncdesk-node test-mailbox --json`.
    QJsonObject toJson() const;
};

// {"class", "hint_id", "stage", "message", "detail", "transient", "scope", "retry_after_ms", "hint": {...}}
QJsonObject syncErrorToJson(const SyncError &error);

} // namespace SyncDesk

Q_DECLARE_METATYPE(SyncDesk::ConnectionStep)
Q_DECLARE_METATYPE(SyncDesk::ConnectionTestReport)

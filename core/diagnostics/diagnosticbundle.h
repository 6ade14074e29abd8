#pragma once

#include "result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace SyncDesk {

class Store;

// A diagnostic bundle of one mailbox, for support: its configuration (without the password), its status
// and last error with the hint, recent runs, alerts about it or its profile, item failures, and its log.
// Everything passes through the Redactor: passwords (the mailbox's own, read from its source, wherever it
// appears), credentials in protocol traces and message contents are removed. One JSON document.
struct DiagnosticBundleOptions
{
    int logRecords = 5000; // the newest records of the mailbox
    int runs = 200;
};

class DiagnosticBundle final
{
public:
    static Result<QJsonObject> build(Store &store, const QString &address, const QDateTime &now,
                                     const DiagnosticBundleOptions &options = {});
    // Builds and writes it to `path` (created private to its owner).
    static Status write(Store &store, const QString &address, const QString &path, const QDateTime &now,
                        const DiagnosticBundleOptions &options = {});
};

} // namespace SyncDesk

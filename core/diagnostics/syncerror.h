#pragma once

#include "errorclass.h"

#include <QDebug>
#include <QString>

namespace SyncDesk {

// A failure as a value: what class it belongs to, which troubleshooting hint explains it, a one-line
// message for people and the raw detail (server response text, socket error) for support.
struct SyncError
{
    ErrorClass errorClass = ErrorClass::Internal;
    QString hintId;
    QString message;
    QString detail;
    bool transient = false;
    ErrorScope scope = ErrorScope::Mailbox;
    qint64 retryAfterMs = 0; // Throttled: the delay the server suggested, 0 when it gave none
    ErrorStage stage = ErrorStage::Unknown;

    static SyncError make(ErrorClass errorClass, const QString &hintId, const QString &message,
                          const QString &detail = {});

    // The same error, located at a stage (kept when it already has one: the innermost layer knows best).
    SyncError at(ErrorStage where) const;

    // "Auth: LOGIN refused: [AUTHENTICATIONFAILED] Authentication failed." — for logs and stderr.
    QString toString() const;

    friend bool operator==(const SyncError &, const SyncError &) = default;
};

QDebug operator<<(QDebug debug, const SyncError &error);

} // namespace SyncDesk

Q_DECLARE_METATYPE(SyncDesk::SyncError)

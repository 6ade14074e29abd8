#pragma once

#include "diagnostics/errorclass.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace SyncDesk {

// One message that could not be decoded or stored. The sync went on with the others; the message is
// tried again (fetched by folder and UID, or downloaded again by its POP3 UIDL) after a retry request.
struct ItemFailure
{
    qint64 id = 0;
    qint64 mailboxId = 0;
    QString mailboxAddress;
    QString folder;
    quint32 uidValidity = 0;
    quint32 uid = 0;  // IMAP
    QString pop3Uidl; // POP3
    QString messageId;
    QString subject;
    QString sender;        // "Name <address>" or the address, from the From header; empty when unknown
    QDateTime messageDate; // the Date header (UTC); invalid when unknown
    qint64 size = 0;
    ErrorClass errorClass = ErrorClass::Parse;
    QString hintId;
    ErrorStage stage = ErrorStage::Unknown;
    QString reason;
    QString detail;
    QDateTime firstFailedAt;
    QDateTime lastFailedAt;
    int attempts = 1;
    QString state = QStringLiteral("failed"); // "failed", or "retry": fetched again by the next sync

    friend bool operator==(const ItemFailure &, const ItemFailure &) = default;
};

using ItemFailureList = QList<ItemFailure>;

} // namespace SyncDesk

Q_DECLARE_METATYPE(SyncDesk::ItemFailure)
Q_DECLARE_METATYPE(SyncDesk::ItemFailureList)

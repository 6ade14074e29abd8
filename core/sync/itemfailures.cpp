#include "itemfailures.h"

#include "logging/logger.h"
#include "store/diagnosticsstore.h"

#include <QCoreApplication>
#include <QLocale>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

QString senderText(const EmailAddress &from)
{
    if (from.name.isEmpty() || from.name == from.address) {
        return from.address;
    }
    return from.address.isEmpty() ? from.name : u"%1 <%2>"_s.arg(from.name, from.address);
}

} // namespace

void ItemFailures::describe(ItemFailure &failure, const DecodedMessage &decoded)
{
    failure.subject = decoded.subject;
    failure.sender = senderText(decoded.from);
    failure.messageDate = decoded.date;
    if (failure.messageId.isEmpty()) {
        failure.messageId = decoded.messageId;
    }
}

Status ItemFailures::describeRecorded(const DecodedMessage &header, const QString &folder, quint32 uidValidity,
                                      quint32 uid, const QString &pop3Uidl)
{
    if (!header.decodeFailure.isEmpty()) {
        return {}; // nothing read: the failure keeps what it says (a missing MIME module must not blank it)
    }
    ItemFailure failure;
    failure.mailboxId = m_mailboxId;
    failure.folder = folder;
    failure.uidValidity = uidValidity;
    failure.uid = uid;
    failure.pop3Uidl = pop3Uidl;
    describe(failure, header);
    return DiagnosticsStore(m_store).describeItemFailure(failure);
}

ItemFailures::ItemFailures(Store &store, qint64 mailboxId, const QString &address)
    : m_store(store)
    , m_mailboxId(mailboxId)
    , m_address(address)
{}

bool ItemFailures::isItemSpecific(const SyncError &error)
{
    // The database refused the rows (a constraint, a value too large): not a full disk, an I/O error or a
    // lock, which are the node's problem and never a message's.
    return error.errorClass == ErrorClass::Store && error.hintId == u"message-store"_s;
}

ItemFailure ItemFailures::emptyMessage(const DecodedMessage &decoded, qint64 size)
{
    ItemFailure failure;
    failure.errorClass = ErrorClass::Parse;
    failure.hintId = u"message-parse"_s;
    failure.stage = ErrorStage::Parse;
    failure.size = size;
    describe(failure, decoded);
    failure.reason = QCoreApplication::translate(
        "ItemFailures", "the server returned an empty message (no header and no body); there was nothing to store");
    // Never the content: the detail ends up in diagnostic bundles.
    failure.detail = u"%1 bytes; header digest %2"_s.arg(size).arg(QString::fromLatin1(decoded.headerDigest));
    return failure;
}

ItemFailure ItemFailures::decodeFailed(const DecodedMessage &decoded, qint64 size)
{
    ItemFailure failure;
    failure.errorClass = ErrorClass::Parse;
    failure.hintId = u"message-decode-failed"_s;
    failure.stage = ErrorStage::Parse;
    failure.size = size;
    describe(failure, decoded);
    failure.reason =
        QCoreApplication::translate("ItemFailures", "%1; nothing was stored, and the next sync tries it again")
            .arg(decoded.decodeFailure);
    failure.detail = u"%1 bytes"_s.arg(size);
    failure.state = u"retry"_s;
    return failure;
}

std::optional<ItemFailure> ItemFailures::unstorable(const DecodedMessage &decoded, qint64 size)
{
    if (!decoded.decodeFailure.isEmpty()) {
        return decodeFailed(decoded, size);
    }
    if (decoded.empty) {
        return emptyMessage(decoded, size);
    }
    return std::nullopt;
}

ItemFailure ItemFailures::tooLarge(qint64 size, qint64 limit)
{
    ItemFailure failure;
    failure.errorClass = ErrorClass::Parse;
    failure.hintId = u"message-too-large"_s;
    failure.stage = ErrorStage::Fetch;
    failure.size = size;
    const QLocale c = QLocale::c();
    failure.reason = QCoreApplication::translate("ItemFailures", "the message is %1, more than the %2 a message may "
                                                                 "have (max_message_bytes); it was not kept")
                         .arg(c.formattedDataSize(size, 1, QLocale::DataSizeTraditionalFormat),
                              c.formattedDataSize(limit, 1, QLocale::DataSizeTraditionalFormat));
    return failure;
}

ItemFailure ItemFailures::overBudget(qint64 size, qint64 budget)
{
    ItemFailure failure;
    failure.errorClass = ErrorClass::Protocol;
    failure.hintId = u"message-over-budget"_s;
    failure.stage = ErrorStage::Fetch;
    failure.size = size;
    const QLocale c = QLocale::c();
    failure.reason =
        QCoreApplication::translate("ItemFailures", "the server sent %1 for this message, more than it declared, and "
                                                    "keeping it with the messages before it would have passed the "
                                                    "session's budget of %2; it is fetched again on its own")
            .arg(c.formattedDataSize(size, 1, QLocale::DataSizeTraditionalFormat),
                 c.formattedDataSize(budget, 1, QLocale::DataSizeTraditionalFormat));
    failure.state = u"retry"_s;
    return failure;
}

ItemFailure ItemFailures::unanswered(qint64 size)
{
    ItemFailure failure;
    failure.errorClass = ErrorClass::Protocol;
    failure.hintId = u"message-unanswered"_s;
    failure.stage = ErrorStage::Fetch;
    failure.size = qMax<qint64>(size, 0);
    failure.reason =
        QCoreApplication::translate("ItemFailures", "the server listed the message but did not send it when asked (or "
                                                    "sent an answer that could not be read); it is still on the server "
                                                    "and the next sync asks for it again");
    failure.state = u"retry"_s;
    return failure;
}

ItemFailure ItemFailures::refusedByStore(const SyncError &error, const Activity &refused)
{
    ItemFailure failure;
    failure.errorClass = ErrorClass::Store;
    failure.hintId = u"message-store"_s;
    failure.stage = ErrorStage::Store;
    failure.messageId = refused.messageId;
    failure.subject = refused.subject;
    failure.sender = senderText(refused.from);
    failure.messageDate = refused.date;
    failure.size = refused.size;
    failure.reason =
        QCoreApplication::translate("ItemFailures", "the CRM store refused the message: %1").arg(error.message);
    failure.detail = error.detail;
    return failure;
}

Status ItemFailures::record(ItemFailure failure, const QString &folder, quint32 uidValidity, quint32 uid,
                            const QString &pop3Uidl)
{
    failure.mailboxId = m_mailboxId;
    failure.folder = folder;
    failure.uidValidity = uidValidity;
    failure.uid = uid;
    failure.pop3Uidl = pop3Uidl;
    failure.lastFailedAt = QDateTime::currentDateTimeUtc();
    const QString where =
        pop3Uidl.isEmpty() ? u"UID %1 in \"%2\""_s.arg(uid).arg(folder) : u"POP3 message %1"_s.arg(pop3Uidl);
    Log::warning(u"sync"_s, m_address,
                 u"message %1 skipped: %2; the sync goes on with the others; 'syncdesk-node failures retry "
                 "--mailbox %3' tries it again [hint: %4]"_s.arg(where, failure.reason, m_address, failure.hintId));
    ++m_recorded;
    return DiagnosticsStore(m_store).recordItemFailure(failure);
}

Status ItemFailures::resolve(const QString &folder, quint32 uidValidity, quint32 uid, const QString &pop3Uidl)
{
    return DiagnosticsStore(m_store).resolveItemFailure(m_mailboxId, folder, uidValidity, uid, pop3Uidl);
}

} // namespace SyncDesk

#include "storefixtures.h"

namespace SyncDesk::Testing::StoreFixtures {

using namespace Qt::StringLiterals;

qint64 addMailbox(Store &store, const QString &address)
{
    ServerProfile profile;
    profile.name = u"Test"_s;
    profile.incoming.host = u"imap.example.test"_s;
    profile.incoming.port = 993;
    auto profileId = store.upsertProfile(profile);
    if (!profileId) {
        qWarning("upsertProfile failed: %s", qPrintable(profileId.error().toString()));
        return 0;
    }
    Mailbox mailbox;
    mailbox.address = address;
    mailbox.profileId = *profileId;
    mailbox.username = address;
    mailbox.passwordSource = u"env:TEST_PW"_s;
    auto mailboxId = store.upsertMailbox(mailbox);
    if (!mailboxId) {
        qWarning("upsertMailbox failed: %s", qPrintable(mailboxId.error().toString()));
        return 0;
    }
    return *mailboxId;
}

QList<qint64> addCorpMailboxes(Store &store, int count, int maxConnections)
{
    ServerProfile profile;
    profile.name = u"corp"_s;
    profile.incoming.host = u"imap.corp.test"_s;
    profile.incoming.port = 993;
    profile.maxConcurrentConnections = maxConnections;
    auto profileId = store.upsertProfile(profile);
    if (!profileId) {
        qWarning("upsertProfile failed: %s", qPrintable(profileId.error().toString()));
        return {};
    }
    QList<qint64> ids;
    for (int i = 0; i < count; ++i) {
        Mailbox mailbox;
        mailbox.address = u"user%1@corp.test"_s.arg(i);
        mailbox.profileId = *profileId;
        mailbox.username = mailbox.address;
        mailbox.passwordSource = u"env:TEST_PW"_s;
        auto id = store.upsertMailbox(mailbox);
        if (!id) {
            qWarning("upsertMailbox failed: %s", qPrintable(id.error().toString()));
            return {};
        }
        ids.append(*id);
    }
    return ids;
}

Activity activity(qint64 mailboxId, const QString &folder, quint32 uidValidity, quint32 uid, const QString &messageId,
                  const QString &subject)
{
    Activity a;
    a.mailboxId = mailboxId;
    a.folder = folder;
    a.uidValidity = uidValidity;
    a.uid = uid;
    a.messageId = messageId;
    a.dedupeKey = messageId.isEmpty() ? u"sha1:"_s + QString::fromLatin1(subject.toUtf8().toHex()) : messageId;
    a.subject = subject;
    a.from = {u"Sender"_s, u"sender@example.test"_s};
    return a;
}

FolderState folder(qint64 mailboxId, const QString &name, quint32 uidValidity, quint32 uidNext, quint64 modSeq)
{
    FolderState state;
    state.mailboxId = mailboxId;
    state.folder = name;
    state.uidValidity = uidValidity;
    state.uidNext = uidNext;
    state.highestModSeq = modSeq;
    return state;
}

QString batchText(int inserted, int duplicates, int relinked)
{
    return u"inserted %1, duplicates %2, relinked %3"_s.arg(inserted).arg(duplicates).arg(relinked);
}

QString batchText(const BatchResult &result)
{
    return batchText(result.inserted, result.duplicates, result.relinked);
}

QList<Activity> activities(Store &store, std::optional<qint64> mailboxId)
{
    QList<Activity> list;
    const Status status = store.forEachActivity(
        [&](const Activity &a) {
            list.append(a);
            return true;
        },
        mailboxId);
    if (!status) {
        qWarning("forEachActivity failed: %s", qPrintable(status.error().toString()));
    }
    return list;
}

} // namespace SyncDesk::Testing::StoreFixtures

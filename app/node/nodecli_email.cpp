// syncdesk-node's outgoing email commands: email send, list, show, send-draft, cancel, retry.
#include "config/crmconfigparser.h"
#include "diagnostics/hintcatalog.h"
#include "nodecli.h"
#include "outgoing/outboxactions.h"
#include "outgoing/outboxcomposer.h"
#include "outgoing/outgoingemailjson.h"
#include "store/outboxstore.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace SyncDesk {

using namespace Qt::StringLiterals;

int NodeCli::emailRefused(const SyncError &error)
{
    if (error.errorClass == ErrorClass::Store) {
        return storeFailure(error);
    }
    m_err << "syncdesk-node: " << error.message << "\n";
    printHint(error.hintId);
    return UsageError;
}

int NodeCli::emailCommand(const QStringList &positional)
{
    const QString usageText =
        tr("usage: syncdesk-node email send --from ADDRESS --to ADDR[,ADDR...] [--cc ...] [--bcc ...] --subject TEXT "
           "(--body TEXT | --body-file FILE) [--html-file FILE] [--attach FILE]... [--regarding TYPE:ID] "
           "[--reply-to ACTIVITY] [--owner systemuser:ID] [--draft] [--json]\n"
           "       syncdesk-node email list [--mailbox ADDRESS] [--status STATUS] [--json]\n"
           "       syncdesk-node email show ID [--json]\n"
           "       syncdesk-node email send-draft|cancel|retry ID");
    const QString sub = positional.value(0);
    if (sub == u"send"_s && positional.size() == 1) {
        return emailSend();
    }
    if (sub == u"list"_s && positional.size() == 1) {
        return emailList();
    }
    if ((sub == u"show"_s || sub == u"send-draft"_s || sub == u"cancel"_s || sub == u"retry"_s) &&
        positional.size() == 2) {
        bool ok = false;
        const qint64 id = positional.at(1).toLongLong(&ok);
        if (!ok || id <= 0) {
            //: %1: what was given as an email's id
            return usage(tr("'%1' is not an email id (a number, as email list shows)").arg(positional.at(1)));
        }
        return sub == u"show"_s ? emailShow(id) : emailChange(sub, id);
    }
    return usage(usageText);
}

int NodeCli::emailSend()
{
    OutgoingDraft draft;
    if (!m_parser.isSet(u"from"_s)) {
        return usage(tr("'email send' needs --from, the mailbox the email leaves through"));
    }
    draft.fromAddress = m_parser.value(u"from"_s);
    draft.to = parseAddressList(m_parser.values(u"to"_s));
    draft.cc = parseAddressList(m_parser.values(u"cc"_s));
    draft.bcc = parseAddressList(m_parser.values(u"bcc"_s));
    if (!m_parser.isSet(u"subject"_s)) {
        return usage(tr("'email send' needs --subject"));
    }
    draft.subject = m_parser.value(u"subject"_s);
    if (m_parser.isSet(u"body"_s) == m_parser.isSet(u"body-file"_s)) {
        return usage(tr("'email send' needs either --body TEXT or --body-file FILE"));
    }
    auto readFile = [this](const QString &path, QByteArray *out) -> bool {
        QFile file(path);
        if (path == u"-"_s ? !file.open(stdin, QIODevice::ReadOnly) : !file.open(QIODevice::ReadOnly)) {
            //: %1: a file name, %2: why it could not be read
            m_err << "syncdesk-node: " << tr("cannot read %1: %2").arg(path, file.errorString()) << "\n";
            m_err.flush();
            return false;
        }
        *out = file.readAll();
        return true;
    };
    if (m_parser.isSet(u"body"_s)) {
        draft.bodyText = m_parser.value(u"body"_s);
    } else {
        QByteArray bytes;
        if (!readFile(m_parser.value(u"body-file"_s), &bytes)) {
            return UsageError;
        }
        draft.bodyText = QString::fromUtf8(bytes);
    }
    if (m_parser.isSet(u"html-file"_s)) {
        QByteArray bytes;
        if (!readFile(m_parser.value(u"html-file"_s), &bytes)) {
            return UsageError;
        }
        draft.bodyHtml = QString::fromUtf8(bytes);
    }
    qint64 attached = 0;
    for (const QString &path : m_parser.values(u"attach"_s)) {
        QFileInfo info(path);
        if (!info.isFile()) {
            //: %1: a file name
            return usage(tr("cannot attach %1: no such file").arg(path));
        }
        attached += info.size();
        if (attached > kMaxOutgoingAttachmentBytes) {
            return usage(tr("the attachments come to more than 50 MiB; most servers refuse far less"));
        }
        OutgoingAttachment attachment;
        attachment.fileName = info.fileName();
        if (!readFile(path, &attachment.data)) {
            return UsageError;
        }
        draft.attachments.append(attachment);
    }
    if (m_parser.isSet(u"regarding"_s)) {
        QString problem;
        const auto regarding = CrmConfigParser::parseReference(
            m_parser.value(u"regarding"_s), {u"account"_s, u"contact"_s, u"lead"_s, u"opportunity"_s, u"case"_s},
            &problem);
        if (!regarding) {
            return usage(u"--regarding: "_s + problem);
        }
        draft.regarding = regarding;
    }
    if (m_parser.isSet(u"reply-to"_s)) {
        bool ok = false;
        draft.replyToActivityId = m_parser.value(u"reply-to"_s).toLongLong(&ok);
        if (!ok || draft.replyToActivityId <= 0) {
            return usage(tr("--reply-to takes the id of the activity answered, a number"));
        }
    }
    draft.draft = m_parser.isSet(u"draft"_s);
    QString owner;
    if (m_parser.isSet(u"owner"_s)) {
        owner = m_parser.value(u"owner"_s).trimmed();
        if (!owner.contains(u':')) {
            owner = u"systemuser:"_s + owner;
        }
    }
    auto store = openStore();
    if (!store) {
        return storeFailure(store.error());
    }
    auto created = OutboxComposer(**store).compose(draft, owner);
    if (!created) {
        return emailRefused(created.error());
    }
    if (m_parser.isSet(u"json"_s)) {
        auto email = OutboxStore(**store).email(*created);
        if (!email || !email->has_value()) {
            return storeFailure(
                !email ? email.error()
                       : SyncError::make(ErrorClass::Internal, u"internal-error"_s, u"the email vanished"_s));
        }
        m_out << QJsonDocument(outgoingEmailToJson(**email)).toJson(QJsonDocument::Indented);
    } else if (draft.draft) {
        //: %1: the email's id
        m_out << tr("Draft %1 saved; send it with: syncdesk-node email send-draft %1").arg(*created) << "\n";
    } else {
        //: %1: the email's id, %2: the mailbox it leaves through
        m_out << tr("Email %1 is Pending Send through %2; follow it with: syncdesk-node email show %1")
                     .arg(*created)
                     .arg(draft.fromAddress.trimmed().toLower())
              << "\n";
    }
    m_out.flush();
    return Success;
}

int NodeCli::emailList()
{
    auto store = openStore();
    if (!store) {
        return storeFailure(store.error());
    }
    OutboxStore::Filter filter;
    if (m_parser.isSet(u"mailbox"_s)) {
        auto mailbox = mailboxNamed(**store, m_parser.value(u"mailbox"_s));
        if (!mailbox) {
            return emailRefused(mailbox.error());
        }
        filter.mailboxId = mailbox->id;
    }
    if (m_parser.isSet(u"status"_s)) {
        filter.status = outgoingStatusFromName(m_parser.value(u"status"_s));
        if (!filter.status) {
            //: %1: what was given; keep the status names, they are the values --status takes
            return usage(tr("unknown status '%1'; expected draft, pending-send, sending, sent, failed or cancelled")
                             .arg(m_parser.value(u"status"_s)));
        }
    }
    auto emails = OutboxStore(**store).emails(filter);
    if (!emails) {
        return storeFailure(emails.error());
    }
    if (m_parser.isSet(u"json"_s)) {
        QJsonArray array;
        for (const OutgoingEmail &email : std::as_const(*emails)) {
            array.append(outgoingEmailToJson(email, false));
        }
        m_out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        m_out.flush();
        return Success;
    }
    if (emails->isEmpty()) {
        m_out << tr("No outgoing email.") << "\n";
        m_out.flush();
        return Success;
    }
    m_out << QString(u"%1  %2  %3  %4  %5  %6"_s)
                 .arg(tr("ID").leftJustified(6), tr("STATUS").leftJustified(12), tr("FROM").leftJustified(24),
                      tr("TO").leftJustified(24), tr("TRIES").leftJustified(5), tr("SUBJECT"))
          << "\n";
    for (const OutgoingEmail &email : std::as_const(*emails)) {
        m_out
            << QString(u"%1  %2  %3  %4  %5  %6"_s)
                   .arg(QString::number(email.activity.id).leftJustified(6),
                        outgoingStatusName(email.status).leftJustified(12),
                        email.activity.mailboxAddress.left(24).leftJustified(24),
                        formatAddressList(email.activity.to + email.activity.cc + email.bcc).left(24).leftJustified(24),
                        QString::number(email.attempts).leftJustified(5), email.activity.subject.left(60))
            << "\n";
    }
    m_out.flush();
    return Success;
}

int NodeCli::emailShow(qint64 id)
{
    auto store = openStore();
    if (!store) {
        return storeFailure(store.error());
    }
    auto found = OutboxStore(**store).email(id);
    if (!found) {
        return storeFailure(found.error());
    }
    if (!found->has_value()) {
        //: %1: an email's id
        return usage(tr("there is no outgoing email %1 (email list shows them)").arg(id));
    }
    const OutgoingEmail &email = **found;
    if (m_parser.isSet(u"json"_s)) {
        m_out << QJsonDocument(outgoingEmailToJson(email)).toJson(QJsonDocument::Indented);
        m_out.flush();
        return Success;
    }
    const Activity &a = email.activity;
    auto line = [this](const QString &label, const QString &value) {
        if (!value.isEmpty()) {
            m_out << label.leftJustified(14) << value << "\n";
        }
    };
    auto time = [](const QDateTime &when) {
        return when.isValid() ? when.toString(Qt::ISODate) : QString();
    };
    line(tr("Email"), QString::number(a.id));
    line(tr("Status"), outgoingStatusTitle(email.status) + u" ("_s + outgoingStatusName(email.status) + u')');
    line(tr("From"), formatAddressList({a.from}));
    line(tr("To"), formatAddressList(a.to));
    line(tr("Cc"), formatAddressList(a.cc));
    line(tr("Bcc"), formatAddressList(email.bcc));
    line(tr("Subject"), a.subject);
    line(tr("Message-ID"), a.messageId);
    line(tr("In-Reply-To"), a.inReplyTo);
    line(tr("Regarding"), a.regarding ? a.regarding->type + u':' + a.regarding->id : QString());
    line(tr("Owner"), email.owner);
    line(tr("Created"), time(email.createdAt));
    line(tr("Attempts"), email.attempts ? QString::number(email.attempts) : QString());
    line(tr("Last attempt"), time(email.lastAttemptAt));
    line(tr("Next attempt"), email.status == OutgoingStatus::PendingSend ? time(email.nextAttemptAt) : QString());
    line(tr("Sent"), time(email.sentAt));
    //: How often a stopped run left the email unfinished and it was sent again
    line(tr("Interrupted"), email.interruptions ? QString::number(email.interruptions) : QString());
    line(tr("Server reply"), email.serverReply);
    for (const RefusedRecipient &refused : email.refused) {
        line(tr("Refused"), refused.address + u": "_s + refused.reply);
    }
    if (!email.errorClass.isEmpty()) {
        line(tr("Last error"), email.errorClass + u": "_s + email.errorMessage);
        const Hint hint = HintCatalog::instance().hint(email.errorHint);
        if (hint.isValid()) {
            line(tr("Hint"), u"["_s + hint.id + u"] "_s + hint.title);
        }
    }
    line(tr("Sent copy"), email.sentCopy.isEmpty()
                              ? QString()
                              : email.sentCopy + (a.folder.isEmpty() ? QString() : u" ("_s + a.folder + u')'));
    for (const AttachmentInfo &attachment : a.attachments) {
        line(tr("Attachment"),
             u"%1 (%2, %3 bytes)"_s.arg(attachment.fileName, attachment.contentType).arg(attachment.size));
    }
    m_out << "\n" << a.bodyText << "\n";
    m_out.flush();
    return Success;
}

int NodeCli::emailChange(const QString &action, qint64 id)
{
    auto store = openStore();
    if (!store) {
        return storeFailure(store.error());
    }
    const auto which = OutboxActions::fromName(action);
    Q_ASSERT(which);
    auto outcome = OutboxActions(**store).apply(id, *which, QDateTime::currentDateTimeUtc());
    if (!outcome) {
        return storeFailure(outcome.error());
    }
    if (!outcome->exists) {
        return usage(tr("there is no outgoing email %1 (email list shows them)").arg(id));
    }
    if (!outcome->changed) {
        m_err << "syncdesk-node: " << outcome->message << "\n";
        m_err.flush();
        return UsageError;
    }
    m_out << outcome->message << "\n";
    m_out.flush();
    return Success;
}

} // namespace SyncDesk

#include "outboxrun.h"

#include "config/passwordsource.h"
#include "logging/logger.h"
#include "protocol/imap/imapsession.h"
#include "protocol/smtp/smtpsession.h"
#include "store/outboxstore.h"
#include "store/store.h"

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

const QString kCategory = u"outgoing"_s;

// Failures that say nothing about the email itself: the next attempt may well succeed.
bool isTransient(const SyncError &error)
{
    return error.transient || error.errorClass == ErrorClass::Network || error.errorClass == ErrorClass::Timeout ||
           error.errorClass == ErrorClass::Throttled || error.errorClass == ErrorClass::Store ||
           error.errorClass == ErrorClass::Tls;
}

// Sent could not be asked because the connection failed (dropped, timed out, TLS, throttled): asking again later
// may tell. A server's answer (NO, BAD) says what it will keep saying.
bool connectionFailed(const SyncError &error)
{
    return error.errorClass == ErrorClass::Network || error.errorClass == ErrorClass::Timeout ||
           error.errorClass == ErrorClass::Tls || error.errorClass == ErrorClass::Throttled;
}

// How long an interrupted email waits for its Sent folder to be searchable before the rule (sent again) applies
// anyway: delivered twice at worst, never left undelivered.
constexpr qint64 kSentLookupPatienceMs = qint64(3600) * 1000;

QList<QByteArray> recipientsOf(const OutgoingEmail &email)
{
    QList<QByteArray> recipients;
    for (const QList<EmailAddress> *list : {&email.activity.to, &email.activity.cc, &email.bcc}) {
        for (const EmailAddress &address : *list) {
            const QByteArray bytes = address.address.toUtf8();
            if (!recipients.contains(bytes)) {
                recipients.append(bytes);
            }
        }
    }
    return recipients;
}

} // namespace

qint64 SendRetryPolicy::delayAfter(int attempts) const
{
    qint64 delay = firstDelayMs;
    for (int i = 1; i < attempts && delay < maxDelayMs; ++i) {
        delay *= 2;
    }
    return qMin(delay, maxDelayMs);
}

OutboxRun::OutboxRun(const SyncJob &job, Store &store, ByteStreamFactory streams, QObject *parent)
    : QObject(parent)
    , m_job(job)
    , m_store(store)
    , m_streams(std::move(streams))
{
    m_policy.maxAttempts = job.tuning.sendMaxAttempts;
}

OutboxRun::~OutboxRun() = default;

Result<bool> OutboxRun::hasWork(Store &store, const SyncJob &job)
{
    if (job.audit || !job.mailbox.outgoing || !job.profile.outgoing) {
        return false;
    }
    return OutboxStore(store).hasWork(job.mailbox.id, QDateTime::currentDateTimeUtc());
}

void OutboxRun::start()
{
    m_login.emplace(m_job.mailbox, m_job.profile, m_job.profile.incoming);
    if (Status read = m_login->readPassword(); !read) {
        finish(read.error());
        return;
    }
    OutboxStore outbox(m_store);
    auto interrupted = outbox.interrupted(m_job.mailbox.id);
    auto copies = outbox.copiesPending(m_job.mailbox.id);
    if (!interrupted || !copies) {
        finish(!interrupted ? interrupted.error() : copies.error());
        return;
    }
    m_interrupted = *interrupted;
    m_toCopy = *copies;
    recoverInterrupted();
}

void OutboxRun::cancel()
{
    if (stopped()) {
        return;
    }
    m_cancelled = true;
    const SyncError cancelled =
        SyncError::make(ErrorClass::Cancelled, u"cancelled"_s, tr("the outgoing run was cancelled"));
    // What was not tried yet is still pending-send; one in the middle of a send stays in sending, for the next
    // run to look up in Sent.
    m_toSend.clear();
    if (m_smtp) {
        m_smtp->abort(cancelled);
    }
    if (m_imap) {
        m_imap->abort(cancelled);
    }
    finish(cancelled);
}

void OutboxRun::recoverInterrupted()
{
    if (m_interrupted.isEmpty()) {
        sendDue();
        return;
    }
    const bool canLook = m_job.profile.incoming.protocol == MailProtocol::Imap;
    auto resend = [this](const OutgoingEmail &email) {
        // The rule: not found in Sent, sent again. At least once; a recipient may get it twice.
        Log::warning(kCategory, m_job.mailbox.address,
                     u"email %1 (%2) was being sent when its run stopped and is not in Sent: sending it again "
                     "(send-interrupted)"_s.arg(email.activity.id)
                         .arg(email.activity.messageId));
        stored(OutboxStore(m_store).requeueInterrupted(email.activity.id, QDateTime::currentDateTimeUtc()));
        ++m_result.resent;
    };
    if (!canLook) {
        for (const OutgoingEmail &email : std::as_const(m_interrupted)) {
            resend(email);
        }
        m_interrupted.clear();
        sendDue();
        return;
    }
    withSentFolder([this, resend] {
        auto remaining = std::make_shared<qsizetype>(m_interrupted.size());
        for (const OutgoingEmail &email : std::as_const(m_interrupted)) {
            findInSent(email.activity.messageId, [this, email, remaining,
                                                  resend](const Result<std::optional<quint32>> &uid) {
                if (stopped()) {
                    return;
                }
                const QDateTime now = QDateTime::currentDateTimeUtc();
                const bool patient =
                    email.lastAttemptAt.isValid() && email.lastAttemptAt.msecsTo(now) < kSentLookupPatienceMs;
                if (!uid && connectionFailed(uid.error()) && patient) {
                    // Whether it is in Sent is unknown: it stays in sending and the next run looks again. Sent
                    // again now, it would reach its recipients twice whenever it was there.
                    m_result.notices.append(tr("email %1 was being sent when its run stopped; %2 could not be "
                                               "searched for it (%3), so it waits for the next run")
                                                .arg(email.activity.id)
                                                .arg(m_sentFolder, uid.error().toString()));
                } else if (uid && uid->has_value()) {
                    OutboxStore outbox(m_store);
                    stored(outbox.markSent(email.activity.id,
                                           tr("found in %1 after an interrupted send").arg(m_sentFolder), {}, now));
                    stored(outbox.markSentCopy(email.activity.id, u"found"_s, m_sentFolder, m_sentUidValidity, **uid));
                    ++m_result.recovered;
                } else {
                    // Not there, or a server that refuses to say (asking again will not change that), or unknown
                    // for over an hour: the rule.
                    if (!uid) {
                        Log::warning(kCategory, m_job.mailbox.address,
                                     u"email %1: %2 could not be searched for it (%3)"_s.arg(email.activity.id)
                                         .arg(m_sentFolder, uid.error().toString()));
                    }
                    resend(email);
                }
                if (--*remaining == 0) {
                    m_interrupted.clear();
                    sendDue();
                }
            });
        }
    });
}

void OutboxRun::sendDue()
{
    auto due = OutboxStore(m_store).due(m_job.mailbox.id, QDateTime::currentDateTimeUtc(), m_policy.emailsPerRun);
    if (!due) {
        finish(due.error());
        return;
    }
    m_toSend = *due;
    if (m_toSend.isEmpty()) {
        appendCopies();
        return;
    }
    const Endpoint &outgoing = *m_job.profile.outgoing;
    Smtp::SessionOptions options;
    options.connectTimeoutMs = m_job.tuning.connectTimeoutMs;
    options.commandTimeoutMs = m_job.tuning.commandTimeoutMs;
    options.mailbox = m_job.mailbox.address;
    TlsSettings tls;
    tls.caFile = outgoing.caFile;
    tls.plainOnly = outgoing.security == Security::None;
    m_smtp = std::make_unique<Smtp::Session>(m_streams(tls), options);
    auto failAll = [this](const SyncError &error) {
        // Nothing was sent: every due email records the attempt (transient: later; permanent: failed).
        const QList<qint64> due = std::exchange(m_toSend, {});
        for (qint64 id : due) {
            auto found = OutboxStore(m_store).email(id);
            if (!found || !found->has_value()) {
                stored(found ? Status() : Status(found.error()));
                continue;
            }
            OutgoingEmail email = **found;
            auto claimed = OutboxStore(m_store).claim(email, QDateTime::currentDateTimeUtc());
            stored(claimed ? Status() : Status(claimed.error()));
            if (claimed && *claimed) {
                recordFailure(email, error);
            }
        }
        m_result.error = error;
        closeSmtpThen([this] { appendCopies(); });
    };
    m_smtp->open(outgoing.host, outgoing.port, outgoing.security, [this, failAll](Status opened) {
        if (stopped()) {
            return;
        }
        if (!opened) {
            failAll(opened.error());
            return;
        }
        logInWith(m_smtp.get(), m_login->forEndpoint(*m_job.profile.outgoing), [this, failAll](Status loggedIn) {
            if (stopped()) {
                return;
            }
            if (!loggedIn) {
                failAll(loggedIn.error());
                return;
            }
            sendNext();
        });
    });
}

void OutboxRun::sendNext()
{
    if (m_toSend.isEmpty()) {
        closeSmtpThen([this] { appendCopies(); });
        return;
    }
    auto found = OutboxStore(m_store).email(m_toSend.takeFirst());
    if (!found || !found->has_value()) {
        stored(found ? Status() : Status(found.error()));
        sendNext(); // deleted meanwhile, or the store failed: the next one
        return;
    }
    OutgoingEmail email = std::move(**found);
    auto claimed = OutboxStore(m_store).claim(email, QDateTime::currentDateTimeUtc());
    if (!claimed) {
        stored(claimed.error());
        m_toSend.clear();
        closeSmtpThen([this] { appendCopies(); });
        return;
    }
    if (!*claimed) {
        sendNext(); // cancelled meanwhile
        return;
    }
    m_smtp->sendMail(m_job.mailbox.address.toUtf8(), recipientsOf(email), email.rawMessage,
                     [this, email](const Result<Smtp::Delivery> &delivery) {
                         if (!stopped()) {
                             onSent(email, delivery);
                         }
                     });
}

void OutboxRun::onSent(const OutgoingEmail &email, const Result<Smtp::Delivery> &delivery)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!delivery) {
        recordFailure(email, delivery.error());
        if (!m_smtp->isUsable()) {
            // The connection is gone: the rest were not tried and stay pending-send, no attempt counted.
            m_toSend.clear();
            m_result.error = delivery.error();
            closeSmtpThen([this] { appendCopies(); });
            return;
        }
        sendNext();
        return;
    }
    QList<RefusedRecipient> refused;
    for (const auto &refusal : delivery->refused) {
        refused.append({QString::fromUtf8(refusal.first), QString::fromLatin1(Smtp::dump(refusal.second))});
    }
    const QString reply = QString::fromLatin1(Smtp::dump(delivery->finalReply)).left(500);
    if (Status marked = OutboxStore(m_store).markSent(email.activity.id, reply, refused, now); !marked) {
        // Sent, but not recorded: stays in sending, and the next run finds it in Sent (appended below).
        m_result.error = marked.error();
    }
    ++m_result.sent;
    Log::info(kCategory, m_job.mailbox.address,
              u"email %1 sent to %2 recipient(s)%3: %4"_s.arg(email.activity.id)
                  .arg(delivery->accepted.size())
                  .arg(refused.isEmpty() ? QString() : u", %1 refused"_s.arg(refused.size()))
                  .arg(reply));
    m_toCopy.append(email.activity.id);
    sendNext();
}

void OutboxRun::recordFailure(const OutgoingEmail &email, const SyncError &error)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_result.lastFailure = error.at(ErrorStage::Send);
    std::optional<QDateTime> retryAt;
    if (isTransient(error) && email.attempts < m_policy.maxAttempts) {
        const qint64 delay = qMax(m_policy.delayAfter(email.attempts), error.retryAfterMs);
        retryAt = now.addMSecs(delay);
        ++m_result.retrying;
    } else {
        ++m_result.failed;
    }
    stored(OutboxStore(m_store).markAttemptFailed(email.activity.id, error.at(ErrorStage::Send), retryAt, now));
    Log::warning(kCategory, m_job.mailbox.address,
                 u"email %1: attempt %2 failed (%3)%4"_s.arg(email.activity.id)
                     .arg(email.attempts)
                     .arg(error.toString())
                     .arg(retryAt ? u"; next attempt at %1"_s.arg(retryAt->toString(Qt::ISODate))
                                  : u"; the email has failed"_s));
}

void OutboxRun::stored(const Status &status)
{
    if (!status && !m_result.error) {
        // The store failed: what the server did is logged; the email's row says what it last knew.
        Log::error(kCategory, m_job.mailbox.address, status.error().toString());
        m_result.error = status.error();
    }
}

void OutboxRun::closeSmtpThen(std::function<void()> next)
{
    if (!m_smtp) {
        next();
        return;
    }
    m_smtp->quit([this, next] {
        if (!stopped()) {
            next();
        }
    });
}

void OutboxRun::appendCopies()
{
    if (m_toCopy.isEmpty()) {
        finish(m_result.error);
        return;
    }
    if (m_job.profile.incoming.protocol != MailProtocol::Imap) {
        for (qint64 id : std::as_const(m_toCopy)) {
            stored(OutboxStore(m_store).markSentCopy(id, u"none: POP3 has no Sent folder"_s));
        }
        m_toCopy.clear();
        finish(m_result.error);
        return;
    }
    withSentFolder([this] { appendNext(); });
}

void OutboxRun::appendNext()
{
    if (m_toCopy.isEmpty()) {
        m_imap->logout([this] { finish(m_result.error); });
        return;
    }
    auto found = OutboxStore(m_store).email(m_toCopy.takeFirst());
    if (!found || !found->has_value()) {
        stored(found ? Status() : Status(found.error()));
        appendNext();
        return;
    }
    const OutgoingEmail email = std::move(**found);
    // Already there (a run stopped after appending, before recording it): not appended twice.
    findInSent(email.activity.messageId, [this, email](const Result<std::optional<quint32>> &existing) {
        if (stopped()) {
            return;
        }
        if (!existing && connectionFailed(existing.error())) {
            copyWaits(email, existing.error());
            return;
        }
        if (existing && existing->has_value()) {
            stored(OutboxStore(m_store).markSentCopy(email.activity.id, u"appended"_s, m_sentFolder, m_sentUidValidity,
                                                     **existing));
            appendNext();
            return;
        }
        Imap::Command command("APPEND");
        command.mailbox(m_sentFolder, m_imap->mailboxEncoding()).raw("(\\Seen)").string(email.rawMessage);
        m_imap->execute(command, nullptr, [this, email](const Result<Imap::Response> &result) {
            if (stopped()) {
                return;
            }
            if (!result && connectionFailed(result.error())) {
                copyWaits(email, result.error());
                return;
            }
            if (!result) {
                // The server refused the copy (a NO: over quota, no such folder): asking again will not help.
                stored(OutboxStore(m_store).markSentCopy(email.activity.id,
                                                         u"failed: "_s + result.error().message.left(300)));
                m_result.notices.append(tr("the copy of email %1 could not be added to %2: %3")
                                            .arg(email.activity.id)
                                            .arg(m_sentFolder, result.error().message));
                if (!m_imap->isUsable()) {
                    finish(m_result.error);
                    return;
                }
                appendNext();
                return;
            }
            // [APPENDUID uidvalidity uid] (RFC 4315) says where the copy is; without it, only that it is there.
            quint32 uidValidity = 0;
            quint32 uid = 0;
            if (result->code && result->code->name == "APPENDUID" && result->code->arguments.size() >= 2) {
                uidValidity = quint32(result->code->arguments.at(0).toNumber());
                uid = quint32(result->code->arguments.at(1).toNumber());
            }
            stored(OutboxStore(m_store).markSentCopy(email.activity.id, u"appended"_s, m_sentFolder, uidValidity, uid));
            ++m_result.copies;
            appendNext();
        });
    });
}

void OutboxRun::copyWaits(const OutgoingEmail &email, const SyncError &error)
{
    // The connection failed, not the copy: it stays to be made (sent_copy empty), by this run's next emails if
    // the session still works, else by the next run. The email itself stays sent.
    m_result.notices.append(tr("the copy of email %1 could not be added to %2 (%3); the next run adds it")
                                .arg(email.activity.id)
                                .arg(m_sentFolder, error.toString()));
    if (!m_imap->isUsable()) {
        m_toCopy.clear();
        finish(m_result.error);
        return;
    }
    appendNext();
}

void OutboxRun::withSentFolder(std::function<void()> next)
{
    if (m_sentReady) {
        next();
        return;
    }
    const Endpoint &incoming = m_job.profile.incoming;
    Imap::SessionOptions options;
    options.connectTimeoutMs = m_job.tuning.connectTimeoutMs;
    options.commandTimeoutMs = m_job.tuning.commandTimeoutMs;
    options.mailbox = m_job.mailbox.address;
    TlsSettings tls;
    tls.caFile = incoming.caFile;
    tls.plainOnly = incoming.security == Security::None;
    m_imap = std::make_unique<Imap::Session>(m_streams(tls), options);
    auto failed = [this](const SyncError &error) {
        // Without Sent the copies wait for the next run; what was sent stays sent.
        m_result.notices.append(tr("the Sent folder could not be reached: %1").arg(error.toString()));
        finish(m_result.error);
    };
    auto examine = [this, next, failed] {
        m_imap->select(m_sentFolder, true, [this, next, failed](const Result<Imap::SelectInfo> &info) {
            if (stopped()) {
                return;
            }
            if (info) {
                m_sentUidValidity = info->uidValidity;
                m_sentReady = true;
                next();
                return;
            }
            if (!m_imap->isUsable()) {
                failed(info.error());
                return;
            }
            // No such folder yet: created, then examined.
            Imap::Command create("CREATE");
            create.mailbox(m_sentFolder, m_imap->mailboxEncoding());
            m_imap->execute(create, nullptr, [this, next, failed](const Result<Imap::Response> &) {
                m_imap->select(m_sentFolder, true, [this, next, failed](const Result<Imap::SelectInfo> &again) {
                    if (stopped()) {
                        return;
                    }
                    if (!again) {
                        failed(again.error());
                        return;
                    }
                    m_sentUidValidity = again->uidValidity;
                    m_sentReady = true;
                    next();
                });
            });
        });
    };
    m_imap->open(incoming.host, incoming.port, incoming.security, [this, examine, failed](Status opened) {
        if (stopped()) {
            return;
        }
        if (!opened) {
            failed(opened.error());
            return;
        }
        logInWith(m_imap.get(), *m_login, [this, examine, failed](Status loggedIn) {
            if (stopped()) {
                return;
            }
            if (!loggedIn) {
                failed(loggedIn.error());
                return;
            }
            if (!m_job.profile.sentFolder.isEmpty()) {
                m_sentFolder = m_job.profile.sentFolder;
                examine();
                return;
            }
            // The folder the server marks \Sent (RFC 6154), else "Sent".
            m_imap->list([this, examine](const Result<Imap::FolderList> &folders) {
                if (stopped()) {
                    return;
                }
                m_sentFolder = u"Sent"_s;
                if (folders) {
                    for (const Imap::ListedFolder &folder : folders->folders) {
                        if (folder.specialUse() == "\\Sent" && folder.isSelectable()) {
                            m_sentFolder = folder.name;
                            break;
                        }
                    }
                }
                examine();
            });
        });
    });
}

void OutboxRun::findInSent(const QString &messageId, std::function<void(const Result<std::optional<quint32>> &)> done)
{
    if (messageId.isEmpty()) {
        done(std::optional<quint32>());
        return;
    }
    auto found = std::make_shared<std::optional<quint32>>();
    Imap::Command command("UID SEARCH");
    command.atom("HEADER").atom("Message-ID").string(QByteArray('<' + messageId.toUtf8() + '>'));
    m_imap->execute(
        command,
        [found](const Imap::Response &response) {
            if (response.is("SEARCH")) {
                for (const Imap::Value &value : response.data) {
                    if (value.isNumber() && value.toNumber() > 0 && value.toNumber() <= 0xffffffffu && !*found) {
                        *found = quint32(value.toNumber());
                    }
                }
            }
        },
        [found, done](const Result<Imap::Response> &result) {
            done(result ? Result<std::optional<quint32>>(*found) : Result<std::optional<quint32>>(result.error()));
        });
}

void OutboxRun::finish(std::optional<SyncError> error)
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    if (m_login) {
        m_login->wipe();
    }
    m_result.error = std::move(error);
    if (m_imap && m_imap->isUsable()) {
        m_imap->abort(SyncError::make(ErrorClass::Cancelled, u"cancelled"_s, tr("the outgoing run ended")));
    }
    Q_EMIT finished(m_result);
}

} // namespace SyncDesk

// The mail transaction of Smtp::Session (RFC 5321 3.3): MAIL, RCPT, DATA.
#include "smtperrors.h"
#include "smtpsession.h"

namespace SyncDesk::Smtp {

using namespace Qt::StringLiterals;

namespace {

// CRLF line ends, and a leading dot doubled on every line (RFC 5321 4.5.2); ends with CRLF.
QByteArray dotStuffed(const QByteArray &message)
{
    QByteArray out;
    out.reserve(message.size() + message.size() / 64 + 8);
    bool lineStart = true;
    for (qsizetype i = 0; i < message.size(); ++i) {
        const char c = message.at(i);
        if (lineStart && c == '.') {
            out.append('.');
        }
        if (c == '\n' && (i == 0 || message.at(i - 1) != '\r')) {
            out.append('\r');
        }
        out.append(c);
        lineStart = c == '\n';
    }
    if (!out.endsWith("\r\n")) {
        out.append("\r\n");
    }
    return out;
}

} // namespace

void Session::sendRaw(const QByteArray &command, const QByteArray &name, Done done)
{
    send(command, name, std::move(done));
    m_pending.back()->raw = true;
}

void Session::resetAfter(const SyncError &error, std::function<void(Result<Delivery>)> done)
{
    // RSET ends the transaction so that the next message starts clean; its own failure changes nothing.
    send("RSET", "RSET", [error, done](const Result<Reply> &) { done(error); });
}

void Session::sendMail(const QByteArray &from, const QList<QByteArray> &recipients, const QByteArray &message,
                       std::function<void(Result<Delivery>)> done)
{
    if (recipients.isEmpty()) {
        done(SyncError::make(ErrorClass::Config, u"smtp-no-recipients"_s, tr("the message has no recipients"))
                 .at(ErrorStage::Send));
        return;
    }
    auto delivery = std::make_shared<Delivery>();
    const QByteArray body = dotStuffed(message);
    QByteArray mail = "MAIL FROM:<" + from + ">";
    if (hasCapability("SIZE")) {
        mail += " SIZE=" + QByteArray::number(body.size());
    }
    send(mail, "MAIL", [this, recipients, body, delivery, done](const Result<Reply> &mailReply) {
        if (!mailReply) {
            resetAfter(mailReply.error(), done);
            return;
        }
        // RCPT one after the other; the last answer decides whether DATA follows. The chain holds itself only
        // weakly; the RCPT waiting for its answer keeps it alive.
        auto chain = std::make_shared<std::function<void(qsizetype)>>();
        std::weak_ptr<std::function<void(qsizetype)>> weakChain = chain;
        *chain = [this, recipients, body, delivery, done, weakChain](qsizetype index) {
            if (index < recipients.size()) {
                const QByteArray recipient = recipients.at(index);
                sendRaw("RCPT TO:<" + recipient + ">", "RCPT",
                        [this, recipient, delivery, next = weakChain.lock(), index, done](const Result<Reply> &reply) {
                            if (!reply) { // the session failed meanwhile
                                done(reply.error());
                                return;
                            }
                            if (reply->code == 421) {
                                abort(errorFromReply(*reply, "RCPT"));
                                return;
                            }
                            if (reply->isPositive()) {
                                delivery->accepted.append(recipient);
                            } else {
                                delivery->refused.append({recipient, *reply});
                            }
                            (*next)(index + 1);
                        });
                return;
            }
            if (delivery->accepted.isEmpty()) {
                // Every recipient refused: the reply to the first says why (any 4xx among them: try again later).
                Reply worst = delivery->refused.constFirst().second;
                for (const auto &refusal : std::as_const(delivery->refused)) {
                    if (refusal.second.isTransientFailure()) {
                        worst = refusal.second;
                        break;
                    }
                }
                resetAfter(errorFromReply(worst, "RCPT"), done);
                return;
            }
            send("DATA", "DATA", [this, body, delivery, done](const Result<Reply> &dataReply) {
                if (!dataReply) {
                    resetAfter(dataReply.error(), done);
                    return;
                }
                if (dataReply->code != 354) {
                    resetAfter(
                        SyncError::make(ErrorClass::Protocol, u"protocol-error"_s,
                                        tr("the SMTP server answered DATA with %1 instead of 354").arg(dataReply->code),
                                        QString::fromLatin1(dump(*dataReply)).left(200)),
                        done);
                    return;
                }
                m_stream->write(body);
                send(".", "DATA", [delivery, done](const Result<Reply> &finalReply) {
                    if (!finalReply) {
                        done(finalReply.error()); // refused after the data: nothing to reset
                        return;
                    }
                    delivery->finalReply = *finalReply;
                    done(*delivery);
                });
            });
        };
        (*chain)(0);
    });
}

} // namespace SyncDesk::Smtp

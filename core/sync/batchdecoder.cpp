#include "batchdecoder.h"

#include "protocol/mime/mimedecoder.h"

#include <QCoreApplication>
#include <QPromise>
#include <QThreadPool>

#include <exception>
#include <memory>
#include <new>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

// One message that cannot be decoded, for lack of memory or any other reason, becomes that message's
// failure; the others are decoded as usual.
DecodedMessage decodeOne(BatchDecoder::Decode decoder, const QByteArray &raw)
{
    QString failure;
    try {
        return decoder(raw);
    } catch (const std::bad_alloc &) {
        failure = QCoreApplication::translate("BatchDecoder", "not enough memory to decode the message");
    } catch (const std::exception &error) {
        failure = QCoreApplication::translate("BatchDecoder", "the message could not be decoded: %1")
                      .arg(QString::fromLocal8Bit(error.what()));
    } catch (...) {
        failure = QCoreApplication::translate("BatchDecoder", "the message could not be decoded (an unknown error)");
    }
    DecodedMessage failed;
    failed.decodeFailure = failure;
    return failed;
}

DecodedMessage mimeDecode(const QByteArray &raw)
{
    return MimeDecoder::decode(raw);
}

} // namespace

QList<DecodedMessage> BatchDecoder::decode(const QList<QByteArray> &raws, Decode decoder)
{
    const Decode use = decoder ? decoder : &mimeDecode;
    QList<DecodedMessage> results;
    results.reserve(raws.size());
    for (const QByteArray &raw : raws) {
        results.append(decodeOne(use, raw));
    }
    return results;
}

std::optional<SyncError> BatchDecoder::installationFailure(const QList<DecodedMessage> &decoded)
{
    for (const DecodedMessage &message : decoded) {
        if (message.moduleMissing) {
            return SyncError::make(ErrorClass::Internal, u"module-missing"_s, message.decodeFailure);
        }
    }
    return std::nullopt;
}

std::optional<QFuture<QList<DecodedMessage>>> BatchDecoder::start(const QList<QByteArray> &raws, Decode decoder)
{
    // The task owns what it reads (the raw messages are implicitly shared, never changed) and the promise;
    // a caller that goes away meanwhile only stops watching.
    auto promise = std::make_shared<QPromise<QList<DecodedMessage>>>();
    QFuture<QList<DecodedMessage>> future = promise->future();
    promise->start();
    const bool started = QThreadPool::globalInstance()->tryStart([promise, raws, decoder] {
        QList<DecodedMessage> results;
        try {
            results = decode(raws, decoder);
        } catch (...) {
            results.clear(); // only the list itself failing to grow gets here: the caller decodes them again
        }
        promise->addResult(std::move(results));
        promise->finish();
    });
    if (!started) {
        promise->finish();
        return std::nullopt;
    }
    return future;
}

} // namespace SyncDesk

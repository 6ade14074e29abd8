#include "batchdecoder.h"

#include "protocol/mime/mimedecoder.h"

#include <QCoreApplication>
#include <QSemaphore>
#include <QThreadPool>

#include <atomic>
#include <exception>
#include <memory>
#include <new>

namespace SyncDesk {

namespace {

// Fewer messages than this are decoded in the calling thread: handing them out costs more than it saves.
constexpr qsizetype kParallelFrom = 8;

struct SharedWork
{
    const QList<QByteArray> *raws = nullptr;
    QList<DecodedMessage> *results = nullptr;
    BatchDecoder::Decode decoder = nullptr;
    std::atomic<qsizetype> next{0};

    // Takes messages until none are left; every participant, the caller included, runs this.
    void drain()
    {
        for (qsizetype i = next++; i < raws->size(); i = next++) {
            (*results)[i] = decodeOne(decoder, raws->at(i));
        }
    }

    // No exception leaves a thread-pool task (it would end the process): one message that cannot be
    // decoded, for lack of memory or any other reason, becomes that message's failure.
    static DecodedMessage decodeOne(BatchDecoder::Decode decoder, const QByteArray &raw)
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
            failure =
                QCoreApplication::translate("BatchDecoder", "the message could not be decoded (an unknown error)");
        }
        DecodedMessage failed;
        failed.decodeFailure = failure;
        return failed;
    }
};

} // namespace

QList<DecodedMessage> BatchDecoder::decode(const QList<QByteArray> &raws)
{
    return decode(raws, [](const QByteArray &raw) { return MimeDecoder::decode(raw); });
}

QList<DecodedMessage> BatchDecoder::decode(const QList<QByteArray> &raws, Decode decoder)
{
    QList<DecodedMessage> results(raws.size());
    SharedWork work;
    work.raws = &raws;
    work.results = &results;
    work.decoder = decoder;
    QThreadPool *pool = QThreadPool::globalInstance();
    const int helpers = raws.size() < kParallelFrom ? 0 : qMax(0, pool->maxThreadCount() - 1);
    QSemaphore finished;
    int started = 0;
    for (int i = 0; i < helpers; ++i) {
        // tryStart: a pool busy with other mailboxes' batches is not waited for; this thread does the work.
        if (pool->tryStart([&work, &finished] {
                work.drain();
                finished.release();
            })) {
            ++started;
        }
    }
    work.drain();
    finished.acquire(started); // the helpers may still be finishing their last message
    return results;
}

} // namespace SyncDesk

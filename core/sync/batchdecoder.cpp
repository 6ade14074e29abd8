#include "batchdecoder.h"

#include "protocol/mime/mimedecoder.h"

#include <QSemaphore>
#include <QThreadPool>

#include <atomic>
#include <memory>

namespace SyncDesk {

namespace {

// Fewer messages than this are decoded in the calling thread: handing them out costs more than it saves.
constexpr qsizetype kParallelFrom = 8;

struct SharedWork
{
    const QList<QByteArray> *raws = nullptr;
    QList<DecodedMessage> *results = nullptr;
    std::atomic<qsizetype> next{0};

    // Takes messages until none are left; every participant, the caller included, runs this.
    void drain()
    {
        for (qsizetype i = next++; i < raws->size(); i = next++) {
            (*results)[i] = MimeDecoder::decode(raws->at(i));
        }
    }
};

} // namespace

QList<DecodedMessage> BatchDecoder::decode(const QList<QByteArray> &raws)
{
    QList<DecodedMessage> results(raws.size());
    SharedWork work;
    work.raws = &raws;
    work.results = &results;
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

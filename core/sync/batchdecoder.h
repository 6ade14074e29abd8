#pragma once

#include "protocol/mime/decodedmessage.h"

#include <QByteArray>
#include <QList>

namespace SyncDesk {

// Decodes the messages of one batch with MimeDecoder, spreading them over the calling thread and the
// global thread pool, and returns when all are done (results in input order). Decoding is about half of
// the CPU time of a sync; the calling worker thread would otherwise decode alone while another core idles.
// No task outlives the call, so nothing refers to the caller afterwards.
// A message that cannot be decoded at all (an exception, out of memory) comes back with decodeFailure set:
// no exception leaves a thread-pool task, where it would end the process.
class BatchDecoder final
{
public:
    using Decode = DecodedMessage (*)(const QByteArray &raw);

    static QList<DecodedMessage> decode(const QList<QByteArray> &raws);
    // The same with another decoder (tests: one that throws).
    static QList<DecodedMessage> decode(const QList<QByteArray> &raws, Decode decoder);
};

} // namespace SyncDesk

#pragma once

#include "protocol/mime/decodedmessage.h"

#include <QByteArray>
#include <QList>

namespace SyncDesk {

// Decodes the messages of one batch with MimeDecoder, spreading them over the calling thread and the
// global thread pool, and returns when all are done (results in input order). Decoding is about half of
// the CPU time of a sync; the calling worker thread would otherwise decode alone while another core idles.
// No task outlives the call, so nothing refers to the caller afterwards.
class BatchDecoder final
{
public:
    static QList<DecodedMessage> decode(const QList<QByteArray> &raws);
};

} // namespace SyncDesk

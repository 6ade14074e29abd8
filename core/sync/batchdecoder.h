#pragma once

#include "diagnostics/syncerror.h"
#include "protocol/mime/decodedmessage.h"

#include <QByteArray>
#include <QFuture>
#include <QList>

#include <optional>

namespace SyncDesk {

// Decodes the messages of one batch with MimeDecoder (or another decoder: tests), results in input order.
// A message that cannot be decoded at all (an exception, out of memory) comes back with decodeFailure set:
// no exception leaves the decoder, and none leaves a thread-pool task, where it would end the process.
//
// One batch is decoded by one thread. Spreading a batch over two threads was measured to cost a third more
// CPU for no gain in wall time (GMime's objects share GLib's global type locks, and the threads fight over
// them); an IMAP sync instead decodes one batch on a pool thread while its own thread reads and stores
// the others (start()).
class BatchDecoder final
{
public:
    using Decode = DecodedMessage (*)(const QByteArray &raw);

    // In the calling thread. `decoder` null: MimeDecoder::decode.
    static QList<DecodedMessage> decode(const QList<QByteArray> &raws, Decode decoder = nullptr);

    // On a thread of the global pool, if one is free now: the future gets the results once all are done
    // (watch it with a QFutureWatcher, which may go away first: the task refers to nothing of its caller).
    // A result of another size than `raws` (no memory for the list): decode() them in the caller.
    // nullopt when every pool thread is busy (other mailboxes decoding): decode() them in the caller then.
    static std::optional<QFuture<QList<DecodedMessage>>> start(const QList<QByteArray> &raws, Decode decoder = nullptr);

    // The run's error when the batch could not be decoded because the MIME module is missing or of another build
    // (Internal, hint module-missing): the sync then stores nothing of the batch and leaves its position, so the
    // next sync after the repair fetches the messages again. None of them is an item failure: they are not at fault.
    static std::optional<SyncError> installationFailure(const QList<DecodedMessage> &decoded);
};

} // namespace SyncDesk

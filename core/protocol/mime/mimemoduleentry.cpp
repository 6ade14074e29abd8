// The MIME module's entry points (mimemodule.h), opened by the core with QLibrary.
#include "mimemodule.h"

using namespace SyncDesk;

extern "C" Q_DECL_EXPORT void syncdesk_mime_decode(const QByteArray &raw, qsizetype maxBodyChars,
                                                   DecodedMessage *decoded)
{
    *decoded = GMimeBackend::decode(raw, maxBodyChars);
}

extern "C" Q_DECL_EXPORT bool syncdesk_mime_build(const MessageParts &parts, QByteArray *message)
{
    return GMimeBackend::build(parts, message);
}

// The MIME module's entry points (mimemodule.h), opened by the core with QLibrary. Exceptions stop here and
// are reported as a Modules::Failure (modules/modulecall.h).
#include "mimemodule.h"

using namespace SyncDesk;
using Modules::Failure;
using Modules::guarded;

extern "C" Q_DECL_EXPORT Failure syncdesk_mime_decode(const QByteArray &raw, qsizetype maxBodyChars,
                                                      DecodedMessage *decoded, QString *what)
{
    return guarded(what, [&] { *decoded = GMimeBackend::decode(raw, maxBodyChars); });
}

extern "C" Q_DECL_EXPORT Failure syncdesk_mime_build(const MessageParts &parts, QByteArray *message, bool *built,
                                                     QString *what)
{
    return guarded(what, [&] { *built = GMimeBackend::build(parts, message); });
}

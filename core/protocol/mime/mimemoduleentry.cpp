// The MIME module's entry points (mimemodule.h), opened by the core with QLibrary. Exceptions stop here and
// are reported as a MimeModule::Failure.
#include "mimemodule.h"

#include <exception>
#include <new>

using namespace SyncDesk;
using MimeModule::Failure;

namespace {

template <typename Work>
Failure guarded(QString *what, Work &&work)
{
    try {
        work();
        return Failure::None;
    } catch (const std::bad_alloc &) {
        return Failure::OutOfMemory;
    } catch (const std::exception &error) {
        *what = QString::fromLocal8Bit(error.what());
    } catch (...) {
        *what = QStringLiteral("an unknown error");
    }
    return Failure::Exception;
}

} // namespace

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

#include "mimedecoder.h"

#include "mimemodule.h"
#include "modules/moduleloader.h"

#include <QCoreApplication>

namespace SyncDesk {

using namespace Qt::StringLiterals;

DecodedMessage MimeDecoder::decode(const QByteArray &raw)
{
    return decode(raw, Options{});
}

// GMime is in the MIME module (mimemodule.h), opened the first time a message is decoded.
DecodedMessage MimeDecoder::decode(const QByteArray &raw, const Options &options)
{
    static Modules::Function s_decode(MimeModule::kFileName, MimeModule::kDecodeSymbol);
    QString problem;
    const auto decodeWithGMime = reinterpret_cast<MimeModule::DecodeFunction>(s_decode.get(&problem));
    DecodedMessage decoded;
    if (!decodeWithGMime) {
        // Nothing is stored and nothing lost: the sync's run fails with this reason before it stores the batch
        // (BatchDecoder::installationFailure), and the next sync, once the installation is repaired, fetches it.
        //: %1 is a file name (libsyncdesk-mime.so), part of the syncdesk-node package; %2 where it was looked for
        decoded.decodeFailure = QCoreApplication::translate("SyncDesk::MimeDecoder",
                                                            "the MIME module %1 of this installation is missing or "
                                                            "cannot be loaded (looked for %2); reinstall the "
                                                            "syncdesk-node package")
                                    .arg(QString::fromLatin1(MimeModule::kFileName), problem);
        decoded.moduleMissing = true;
        return decoded;
    }
    QString what;
    Modules::raise(decodeWithGMime(raw, options.maxBodyChars, &decoded, &what), what);
    return decoded;
}

} // namespace SyncDesk

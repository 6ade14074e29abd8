#include "mimedecoder.h"

#include "mimemodule.h"
#include "modules/moduleloader.h"

#include <QCoreApplication>

#include <utility>

namespace SyncDesk {

using namespace Qt::StringLiterals;

DecodedMessage MimeDecoder::decode(const QByteArray &raw)
{
    return decode(raw, Options{});
}

// GMime is in the MIME module (mimemodule.h), opened the first time a message is decoded.
DecodedMessage MimeDecoder::decode(const QByteArray &raw, const Options &options)
{
    static const auto [decodeWithGMime, problem] = [] {
        QString why;
        auto function = reinterpret_cast<MimeModule::DecodeFunction>(
            Modules::resolve(MimeModule::kFileName, MimeModule::kDecodeSymbol, &why));
        return std::pair{function, why};
    }();
    DecodedMessage decoded;
    if (!decodeWithGMime) {
        // Nothing is stored and nothing lost: the message becomes an item failure with this reason and is
        // fetched again by the next sync, once the installation is repaired.
        //: %1 is a file name (libsyncdesk-mime.so), part of the syncdesk-node package; %2 where it was looked for
        decoded.decodeFailure = QCoreApplication::translate("SyncDesk::MimeDecoder",
                                                            "the MIME module %1 of this installation is missing or "
                                                            "cannot be loaded (looked for %2); reinstall the "
                                                            "syncdesk-node package")
                                    .arg(QString::fromLatin1(MimeModule::kFileName), problem);
        return decoded;
    }
    decodeWithGMime(raw, options.maxBodyChars, &decoded);
    return decoded;
}

} // namespace SyncDesk

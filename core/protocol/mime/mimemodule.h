#pragma once

#include "decodedmessage.h"
#include "modules/modulecall.h"
#include "outgoing/messagebuilder.h"

#include <QByteArray>

// The boundary between the core and its MIME module (libsyncdesk-mime.so): GMime, with GIO and what they
// load (libgpgme, libmount, libselinux, libffi, …), is linked into that module only, which the core opens the
// first time a message is decoded or built (modules/moduleloader.h says why). Both sides are built from this
// header in the same build, with the same Qt.
namespace SyncDesk::MimeModule {

// What went wrong inside the module (modules/modulecall.h).
using Modules::Failure;

// GMimeBackend::decode behind a C entry point.
using DecodeFunction = Failure (*)(const QByteArray &raw, qsizetype maxBodyChars, DecodedMessage *decoded,
                                   QString *what);
// GMimeBackend::build behind a C entry point; `built` false: GMime could not write the message.
using BuildFunction = Failure (*)(const MessageParts &parts, QByteArray *message, bool *built, QString *what);

inline constexpr auto kFileName = "libsyncdesk-mime.so";
inline constexpr auto kDecodeSymbol = "syncdesk_mime_decode";
inline constexpr auto kBuildSymbol = "syncdesk_mime_build";

} // namespace SyncDesk::MimeModule

// Inside the module: what MimeDecoder::decode and MessageBuilder::build do with GMime.
namespace SyncDesk::GMimeBackend {

// See MimeDecoder::decode.
DecodedMessage decode(const QByteArray &raw, qsizetype maxBodyChars);
// See MessageBuilder::build; every attachment has its content type already. False: GMime could not write it.
bool build(const MessageParts &parts, QByteArray *message);

} // namespace SyncDesk::GMimeBackend

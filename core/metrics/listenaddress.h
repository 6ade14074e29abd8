#pragma once

#include "diagnostics/result.h"

#include <QHostAddress>
#include <QString>

namespace SyncDesk {

// Where the metrics endpoint listens: "127.0.0.1:9464", "[::1]:9464", "0.0.0.0:9464" (every IPv4 address).
// A host name is refused: the address is the one to bind, not to look up.
struct ListenAddress
{
    QHostAddress host;
    quint16 port = 0;

    // A Config error with the expected form when `text` is not one.
    static Result<ListenAddress> parse(const QString &text);
    QString toString() const;
};

} // namespace SyncDesk

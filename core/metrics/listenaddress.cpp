#include "listenaddress.h"

#include <QCoreApplication>

namespace SyncDesk {

using namespace Qt::StringLiterals;

Result<ListenAddress> ListenAddress::parse(const QString &text)
{
    const auto refuse = [&text] {
        return SyncError::make(
            ErrorClass::Config, u"config-invalid"_s,
            QCoreApplication::translate("ListenAddress",
                                        "\"%1\" is not an address to listen on: expected ADDRESS:PORT with an IP "
                                        "address, such as 127.0.0.1:9464 or [::1]:9464")
                .arg(text.left(100)));
    };
    const QString trimmed = text.trimmed();
    const qsizetype colon = trimmed.lastIndexOf(u':');
    if (colon <= 0) {
        return refuse();
    }
    QString host = trimmed.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']')) {
        host = host.mid(1, host.size() - 2);
    } else if (host.contains(u':')) {
        return refuse(); // an IPv6 address needs its brackets, or the port is ambiguous
    }
    bool ok = false;
    const uint port = trimmed.mid(colon + 1).toUInt(&ok);
    ListenAddress address;
    if (!ok || port == 0 || port > 65535 || !address.host.setAddress(host)) {
        return refuse();
    }
    address.port = quint16(port);
    return address;
}

QString ListenAddress::toString() const
{
    const QString host = this->host.protocol() == QAbstractSocket::IPv6Protocol
                             ? u"["_s + this->host.toString() + u"]"_s
                             : this->host.toString();
    return host + u':' + QString::number(port);
}

} // namespace SyncDesk

#include "serverprofile.h"

namespace SyncDesk {

using namespace Qt::StringLiterals;

QString protocolName(MailProtocol protocol)
{
    switch (protocol) {
    case MailProtocol::Imap:
        return u"imap"_s;
    case MailProtocol::Pop3:
        return u"pop3"_s;
    case MailProtocol::Smtp:
        return u"smtp"_s;
    }
    return u"imap"_s;
}

std::optional<MailProtocol> protocolFromName(const QString &name)
{
    for (MailProtocol protocol : {MailProtocol::Imap, MailProtocol::Pop3, MailProtocol::Smtp}) {
        if (name == protocolName(protocol)) {
            return protocol;
        }
    }
    return std::nullopt;
}

QString securityName(Security security)
{
    switch (security) {
    case Security::None:
        return u"none"_s;
    case Security::StartTls:
        return u"starttls"_s;
    case Security::Tls:
        return u"tls"_s;
    }
    return u"tls"_s;
}

std::optional<Security> securityFromName(const QString &name)
{
    for (Security security : {Security::None, Security::StartTls, Security::Tls}) {
        if (name == securityName(security)) {
            return security;
        }
    }
    return std::nullopt;
}

} // namespace SyncDesk

#include "emailaddress.h"

namespace SyncDesk {

using namespace Qt::StringLiterals;

QList<EmailAddress> parseAddressList(const QStringList &values)
{
    QList<EmailAddress> addresses;
    for (const QString &value : values) {
        for (const QString &part : value.split(u',', Qt::SkipEmptyParts)) {
            const QString text = part.trimmed();
            if (text.isEmpty()) {
                continue;
            }
            const qsizetype open = text.lastIndexOf(u'<');
            if (open >= 0 && text.endsWith(u'>')) {
                QString name = text.left(open).trimmed();
                if (name.size() >= 2 && name.startsWith(u'"') && name.endsWith(u'"')) {
                    name = name.mid(1, name.size() - 2);
                }
                addresses.append({name, text.mid(open + 1, text.size() - open - 2).trimmed().toLower()});
            } else {
                addresses.append({QString(), text.toLower()});
            }
        }
    }
    return addresses;
}

QString formatAddressList(const QList<EmailAddress> &addresses)
{
    QStringList list;
    for (const EmailAddress &address : addresses) {
        list.append(address.name.isEmpty() ? address.address : address.name + u" <"_s + address.address + u'>');
    }
    return list.join(u", "_s);
}

} // namespace SyncDesk

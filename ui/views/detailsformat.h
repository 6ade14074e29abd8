#pragma once

// What the details pane's boxes share: a time as "3 min ago (04/12/2026 10:02)" and a row of a name/value table.
#include "models/mailboxtablemodel.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QString>

namespace SyncDesk {

inline QString when(const QDateTime &time, const QDateTime &now)
{
    if (!time.isValid()) {
        return QCoreApplication::translate("SyncDesk::MailboxDetailsPane", "never");
    }
    return QStringLiteral("%1 (%2)").arg(formatRelative(time, now),
                                         QLocale().toString(time.toLocalTime(), QLocale::ShortFormat));
}

// name is plain text (escaped here); value is rich text, escaped by the caller.
inline QString row(const QString &name, const QString &value)
{
    return QStringLiteral("<tr><td style='padding-right:12px'>%1</td><td>%2</td></tr>")
        .arg(name.toHtmlEscaped(), value);
}

} // namespace SyncDesk

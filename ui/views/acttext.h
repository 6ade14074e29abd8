#pragma once

#include "act/actsettings.h"
#include "model/mailboxdetails.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QPalette>
#include <QString>

namespace SyncDesk {

// How the console words the ACT direction (appointments, contacts and tasks): its states, kinds and directions, and
// the details pane's box about it.
class ActText final
{
    Q_DECLARE_TR_FUNCTIONS(SyncDesk::ActText)
public:
    static QString stateText(const QString &state); // "ok" → "OK", "failing" → "failing", …
    static QString kindTitle(ActKind kind);         // "Appointments", "Tasks", "Contacts"
    static QString directionText(ActDirection direction);
    static bool isBad(const QString &state) { return state == u"failing" || state == u"not-configured"; }
    // The details pane's ACT box: endpoint, state, directions, collections, last runs, conflicts and the last error
    // with what to do. Rich text; everything from the store or a server is escaped.
    static QString detailsHtml(const MailboxDetails &details, const QDateTime &now, const QPalette &palette);
};

} // namespace SyncDesk

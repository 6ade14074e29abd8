#include "acttext.h"

#include "detailsformat.h"
#include "diagnostics/errorclass.h"
#include "diagnostics/hintcatalog.h"
#include "model/untrustedtext.h"
#include "themecolors.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

namespace SyncDesk {

using namespace Qt::StringLiterals;

QString ActText::stateText(const QString &state)
{
    if (state == u"off"_s) {
        return tr("off");
    }
    if (state == u"not-configured"_s) {
        return tr("not configured");
    }
    if (state == u"never"_s) {
        //: the ACT direction has not synced yet
        return tr("not synced yet");
    }
    if (state == u"requested"_s) {
        //: an immediate sync of the calendar was asked for (tracking an appointment) and waits
        return tr("sync requested");
    }
    if (state == u"ok"_s) {
        return tr("OK");
    }
    if (state == u"failing"_s) {
        return tr("failing");
    }
    return state;
}

QString ActText::kindTitle(ActKind kind)
{
    switch (kind) {
    case ActKind::Appointment:
        return tr("Appointments");
    case ActKind::Task:
        return tr("Tasks");
    case ActKind::Contact:
        return tr("Contacts");
    }
    return {};
}

QString ActText::directionText(ActDirection direction)
{
    switch (direction) {
    case ActDirection::None:
        //: a kind of record does not sync
        return tr("not synced");
    case ActDirection::ToServer:
        return tr("CRM → server");
    case ActDirection::FromServer:
        return tr("server → CRM");
    case ActDirection::Both:
        return tr("both ways");
    }
    return {};
}

namespace {

// A field's value as the conflict recorded it (JSON text), short and plain.
QString conflictValue(const QString &json)
{
    QString text = json;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray("[" + json.toUtf8() + "]"));
    if (document.isArray() && document.array().size() == 1 && document.array().first().isString()) {
        text = document.array().first().toString();
    }
    text = UntrustedText::withoutControls(text).simplified();
    return text.size() > 60 ? text.left(59) + u'…' : text;
}

} // namespace

QString ActText::detailsHtml(const MailboxDetails &details, const QDateTime &now, const QPalette &palette)
{
    const ActStatus &act = details.act;
    const ActStore::State &stored = act.stored;
    QString text = u"<table>"_s;
    if (details.profile.act) {
        text += row(tr("Server"), details.profile.act->url.toDisplayString().toHtmlEscaped());
    }
    QString state = stateText(act.state).toHtmlEscaped();
    if (isBad(act.state)) {
        state = u"<span style=\"color:%1\"><b>%2</b></span>"_s.arg(ThemeColors::error(palette).name(), state);
    }
    text += row(tr("State"), state);
    if (act.state == u"off"_s) {
        return text + u"</table><p>"_s +
               //: keep "act" as it is: the configuration key
               tr("Appointments, contacts and tasks do not sync for this mailbox; an \"act\" section in its "
                  "configuration turns them on.")
                   .toHtmlEscaped() +
               u"</p>"_s;
    }
    if (act.state == u"not-configured"_s) {
        const Hint hint = HintCatalog::instance().hint(u"dav-not-configured"_s);
        return text + u"</table><p>"_s +
               tr("No calendar server (CalDAV/CardDAV) is configured for %1.")
                   .arg(details.profile.name)
                   .toHtmlEscaped() +
               u"<br><small>"_s + hint.title.toHtmlEscaped() + u"</small></p>"_s;
    }
    if (act.settings) {
        QStringList directions;
        for (ActKind kind : {ActKind::Appointment, ActKind::Contact, ActKind::Task}) {
            directions.append(
                QString(kindTitle(kind) + u": "_s + directionText(act.settings->direction(kind))).toHtmlEscaped());
        }
        text += row(tr("Directions"), directions.join(u"<br>"_s));
        text += row(tr("Conflicts"), act.settings->conflict == ConflictRule::CrmWins
                                         //: the conflict rule: the CRM's value wins
                                         ? tr("the CRM wins")
                                         : tr("the server wins"));
    }
    QStringList collections;
    for (const ActStore::Collection &collection : details.actCollections) {
        const QString name = collection.displayName.isEmpty() ? QUrl(collection.url).path() : collection.displayName;
        QString line = kindTitle(collection.kind) + u": "_s + UntrustedText::withoutControls(name).simplified();
        if (!collection.syncCollection) {
            //: the server does not offer sync-collection on this calendar, so SyncDesk compares ETags
            line += u" "_s + tr("(compared by ETag)");
        }
        collections.append(line.toHtmlEscaped());
    }
    if (!collections.isEmpty()) {
        text += row(tr("Collections"), collections.join(u"<br>"_s));
    }
    text += row(tr("Last success"), when(stored.lastSuccessAt, now));
    text += row(tr("Last attempt"), when(stored.lastAttemptAt, now));
    if (stored.lastAttemptAt.isValid()) {
        //: records written to the calendar/address book and taken from it by the last run
        text +=
            row(tr("Last run"), tr("%1 to the server, %2 from the server").arg(stored.toServer).arg(stored.fromServer));
    }
    if (stored.requestedAt.isValid()) {
        text += row(tr("Requested"), when(stored.requestedAt, now));
    }
    text += row(tr("Failures in a row"), QString::number(stored.failuresInRow));
    text += row(tr("Conflicts recorded"), QString::number(stored.conflicts));
    QStringList latest;
    for (const ActStore::Conflict &conflict : details.actConflicts.mid(0, 5)) {
        //: a recorded conflict: %1 the record's subject, %2 the field, %3 the CRM's value, %4 the server's, %5 who won
        latest.append(tr("%1 — %2: CRM \"%3\", server \"%4\" (%5 kept)")
                          .arg(UntrustedText::withoutControls(conflict.subject).simplified().left(60), conflict.field,
                               conflictValue(conflict.crmValue), conflictValue(conflict.serverValue),
                               conflict.winner == u"crm"_s ? tr("CRM") : tr("server"))
                          .toHtmlEscaped());
    }
    if (!latest.isEmpty()) {
        text += row(tr("Latest conflicts"), latest.join(u"<br>"_s));
    }
    if (!stored.errorClass.isEmpty()) {
        const Hint hint = HintCatalog::instance().hint(stored.errorHint);
        QString error = QString(errorClassTitle(errorClassFromName(stored.errorClass)) + u": "_s +
                                UntrustedText::withoutControls(stored.errorMessage))
                            .toHtmlEscaped();
        error += u"<br><b>"_s + hint.title.toHtmlEscaped() + u"</b>"_s;
        const QStringList steps = hint.steps(Hint::Audience::Console);
        if (!steps.isEmpty()) {
            error += u"<ol>"_s;
            for (const QString &step : steps) {
                error += u"<li>"_s + step.toHtmlEscaped() + u"</li>"_s;
            }
            error += u"</ol>"_s;
        }
        error += u"<small>"_s + tr("hint id: %1").arg(hint.id).toHtmlEscaped() + u"</small>"_s;
        text += row(tr("Last error"), error);
    }
    return text + u"</table>"_s;
}

} // namespace SyncDesk

#include "mailboxtablemodel.h"

#include "diagnostics/hintcatalog.h"
#include "model/untrustedtext.h"
#include "themecolors.h"

#include <QBrush>
#include <QCoreApplication>
#include <QLocale>

#include <limits>

namespace SyncDesk {

using namespace Qt::StringLiterals;

QString formatDuration(qint64 seconds)
{
    seconds = qAbs(seconds);
    if (seconds < 90) {
        //: a duration in seconds
        return QCoreApplication::translate("SyncDesk::MailboxTableModel", "%1 s").arg(seconds);
    }
    if (seconds < 3600) {
        //: a duration in minutes
        return QCoreApplication::translate("SyncDesk::MailboxTableModel", "%1 min").arg((seconds + 30) / 60);
    }
    if (seconds < 48 * 3600) {
        const qint64 minutes = (seconds % 3600) / 60;
        //: a duration in hours
        return minutes == 0 ? QCoreApplication::translate("SyncDesk::MailboxTableModel", "%1 h").arg(seconds / 3600)
                            //: a duration in hours and minutes
                            : QCoreApplication::translate("SyncDesk::MailboxTableModel", "%1 h %2 min")
                                  .arg(seconds / 3600)
                                  .arg(minutes);
    }
    const int days = int(seconds / 86400);
    //: a duration in days
    return QCoreApplication::translate("SyncDesk::MailboxTableModel", "%n day(s)", nullptr, days);
}

QString formatInterval(qint64 ms)
{
    if (ms < 10000) {
        return QCoreApplication::translate("SyncDesk::MailboxTableModel", "%1 s")
            .arg(QString::number(double(ms) / 1000.0, 'g', 2));
    }
    if (ms < 120000 || ms % 60000 == 0) {
        return formatDuration((ms + 500) / 1000);
    }
    return QCoreApplication::translate("SyncDesk::MailboxTableModel", "%1 min")
        .arg(QString::number(double(ms) / 60000.0, 'f', 1));
}

QString formatRelative(const QDateTime &time, const QDateTime &now)
{
    if (!time.isValid()) {
        return {};
    }
    const qint64 seconds = time.secsTo(now);
    if (seconds >= 0 && seconds < 5) {
        return QCoreApplication::translate("SyncDesk::MailboxTableModel", "just now");
    }
    //: %1 is a duration: "5 min ago"
    return seconds >= 0
               ? QCoreApplication::translate("SyncDesk::MailboxTableModel", "%1 ago").arg(formatDuration(seconds))
               //: %1 is a duration: "in 5 min"
               : QCoreApplication::translate("SyncDesk::MailboxTableModel", "in %1").arg(formatDuration(-seconds));
}

QString overdueCauseText(const QString &name)
{
    if (name == u"workers-busy"_s) {
        //: why a mailbox's sync is late
        return QCoreApplication::translate("SyncDesk::MailboxTableModel", "workers busy");
    }
    if (name == u"connection-cap"_s) {
        //: why a mailbox's sync is late: its server profile's connection limit is reached
        return QCoreApplication::translate("SyncDesk::MailboxTableModel", "connection cap reached");
    }
    if (name == u"server-failing"_s) {
        //: why a mailbox's sync is late
        return QCoreApplication::translate("SyncDesk::MailboxTableModel", "server failing");
    }
    if (name == u"claimed-elsewhere"_s) {
        //: why a mailbox's sync is late: another sync engine holds it
        return QCoreApplication::translate("SyncDesk::MailboxTableModel", "held by another engine");
    }
    if (name == u"no-engine"_s) {
        //: why a mailbox's sync is late
        return QCoreApplication::translate("SyncDesk::MailboxTableModel", "no engine running");
    }
    return name;
}

QString runStateText(MailboxRunState state)
{
    switch (state) {
    case MailboxRunState::Never:
        //: state of a mailbox
        return QCoreApplication::translate("SyncDesk::MailboxTableModel", "Never synced");
    case MailboxRunState::Ok:
        //: state of a mailbox: its last sync succeeded
        return QCoreApplication::translate("SyncDesk::MailboxTableModel", "OK");
    case MailboxRunState::Syncing:
        //: state of a mailbox
        return QCoreApplication::translate("SyncDesk::MailboxTableModel", "Syncing");
    case MailboxRunState::Failing:
        //: state of a mailbox: its syncs fail
        return QCoreApplication::translate("SyncDesk::MailboxTableModel", "Failing");
    case MailboxRunState::Disabled:
        //: state of a mailbox
        return QCoreApplication::translate("SyncDesk::MailboxTableModel", "Disabled");
    }
    return {};
}

namespace {

QString exact(const QDateTime &time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::LongFormat)
                          //: no such time: never synced, never succeeded, ...
                          : QCoreApplication::translate("SyncDesk::MailboxTableModel", "never");
}

} // namespace

MailboxTableModel::MailboxTableModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_now(QDateTime::currentDateTimeUtc())
{
    m_stateIcons[int(MailboxRunState::Never)] = QIcon(u":/syncdesk/icons/state-never.svg"_s);
    m_stateIcons[int(MailboxRunState::Ok)] = QIcon(u":/syncdesk/icons/state-ok.svg"_s);
    m_stateIcons[int(MailboxRunState::Syncing)] = QIcon(u":/syncdesk/icons/state-syncing.svg"_s);
    m_stateIcons[int(MailboxRunState::Failing)] = QIcon(u":/syncdesk/icons/state-failing.svg"_s);
    m_stateIcons[int(MailboxRunState::Disabled)] = QIcon(u":/syncdesk/icons/state-disabled.svg"_s);
}

int MailboxTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MailboxTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MailboxTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::ToolTipRole)) {
        return {};
    }
    // Column titles and their tooltips, translated when asked for.
    static const char *const kTitles[ColumnCount] = {
        QT_TRANSLATE_NOOP("SyncDesk::MailboxTableModel", "Mailbox"),
        QT_TRANSLATE_NOOP("SyncDesk::MailboxTableModel", "Owner"),
        QT_TRANSLATE_NOOP("SyncDesk::MailboxTableModel", "Server profile"),
        //: column: the mailbox's state (OK, failing, ...)
        QT_TRANSLATE_NOOP("SyncDesk::MailboxTableModel", "State"),
        //: column: how often the mailbox syncs
        QT_TRANSLATE_NOOP("SyncDesk::MailboxTableModel", "Interval"),
        QT_TRANSLATE_NOOP("SyncDesk::MailboxTableModel", "Last success"),
        QT_TRANSLATE_NOOP("SyncDesk::MailboxTableModel", "Next sync"),
        //: column: new items stored by the last sync
        QT_TRANSLATE_NOOP("SyncDesk::MailboxTableModel", "Items"),
        //: column: failures in a row
        QT_TRANSLATE_NOOP("SyncDesk::MailboxTableModel", "Failures"),
        //: column: the class of the last error
        QT_TRANSLATE_NOOP("SyncDesk::MailboxTableModel", "Error"),
        //: column: the troubleshooting hint for the last error
        QT_TRANSLATE_NOOP("SyncDesk::MailboxTableModel", "What to do"),
    };
    static const char *const kTips[ColumnCount] = {
        QT_TRANSLATE_NOOP("SyncDesk::MailboxTableModel", "The mailbox's address"),
        QT_TRANSLATE_NOOP("SyncDesk::MailboxTableModel",
                          "Who owns it in the CRM (a system user or a queue): their permissions decide what is synced"),
        QT_TRANSLATE_NOOP("SyncDesk::MailboxTableModel", "The server profile it is synced from"),
        QT_TRANSLATE_NOOP("SyncDesk::MailboxTableModel", "Never synced, OK, syncing, failing or disabled"),
        //: the interval reasons (normal, busy, quiet, backoff, server-minimum) are shown as they are here
        QT_TRANSLATE_NOOP("SyncDesk::MailboxTableModel",
                          "How often it syncs, and why: normal, busy, quiet, backoff after failures, or server-minimum "
                          "(the server allows no more frequent logins)"),
        QT_TRANSLATE_NOOP("SyncDesk::MailboxTableModel", "When it last synced successfully"),
        QT_TRANSLATE_NOOP("SyncDesk::MailboxTableModel", "When it syncs next; overdue mailboxes say why"),
        QT_TRANSLATE_NOOP("SyncDesk::MailboxTableModel", "New items stored by the last sync"),
        QT_TRANSLATE_NOOP("SyncDesk::MailboxTableModel", "Failures in a row"),
        QT_TRANSLATE_NOOP("SyncDesk::MailboxTableModel", "The class of the last error"),
        QT_TRANSLATE_NOOP("SyncDesk::MailboxTableModel", "The troubleshooting hint for the last error"),
    };
    if (section < 0 || section >= ColumnCount) {
        return {};
    }
    return QCoreApplication::translate("SyncDesk::MailboxTableModel",
                                       role == Qt::DisplayRole ? kTitles[section] : kTips[section]);
}

bool MailboxTableModel::isOverdue(const MailboxStatus &status) const
{
    return status.isOverdue(m_now, m_overdueGraceSeconds);
}

QVariant MailboxTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const MailboxStatus &status = m_rows.at(index.row());
    const MailboxRunState state = status.runState(m_now);
    switch (role) {
    case Qt::DisplayRole:
        return display(status, index.column());
    case Qt::ToolTipRole:
        return UntrustedText::toolTip(toolTip(status, index.column()).toString()); // server words: never rich text
    case Qt::DecorationRole:
        return index.column() == State ? QVariant(m_stateIcons[int(state)]) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == Failures || index.column() == ItemsLastSync
                   ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter))
                   : QVariant();
    case Qt::ForegroundRole:
        if ((index.column() == ErrorClass || index.column() == State) && state == MailboxRunState::Failing) {
            return QBrush(ThemeColors::error());
        }
        if (index.column() == NextSync && isOverdue(status)) {
            return QBrush(ThemeColors::warning());
        }
        return {};
    case MailboxIdRole:
        return status.mailbox.id;
    case SortRole:
        return sortValue(status, index.column());
    case RunStateRole:
        return int(state);
    case EnabledRole:
        return status.mailbox.enabled;
    case OverdueRole:
        return isOverdue(status);
    case SearchTextRole:
        return QString(status.mailbox.address + u'\n' + status.mailbox.owner() + u'\n' + status.mailbox.profileName +
                       u'\n' + errorClassTitle(status.state.lastErrorClass) + u'\n' + status.state.lastErrorMessage +
                       u'\n' + HintCatalog::instance().summary(status.state.lastErrorHintId))
            .toLower();
    default:
        return {};
    }
}

QVariant MailboxTableModel::display(const MailboxStatus &status, int column) const
{
    const MailboxState &state = status.state;
    switch (column) {
    case Address:
        return status.mailbox.address;
    case Owner:
        return status.mailbox.ownerKey.isEmpty() ? QString() : status.mailbox.owner();
    case Profile:
        return status.mailbox.profileName;
    case State:
        return runStateText(status.runState(m_now));
    case Interval:
        if (!status.mailbox.enabled) {
            return u"—"_s; // not synced at all while disabled
        }
        return QString(formatInterval(state.intervalMs) + u" ("_s + intervalReasonTitle(state.intervalReason) + u')');
    case LastSuccess:
        return state.lastSuccessAt.isValid() ? formatRelative(state.lastSuccessAt, m_now) : tr("never");
    case NextSync: {
        if (!status.mailbox.enabled) {
            const QString reason = status.mailbox.disabledReason;
            //: next sync of a mailbox disabled after failures: none
            return reason == u"repeated-failures"_s || reason == u"permanent-failure"_s ? tr("— (after failures)")
                                                                                        : u"—"_s;
        }
        if (status.runState(m_now) == MailboxRunState::Syncing) {
            //: next sync: it is running now
            return tr("running");
        }
        if (!state.nextDueAt.isValid()) {
            return tr("due now");
        }
        const qint64 late = state.nextDueAt.secsTo(m_now);
        if (isOverdue(status)) {
            const QString cause = m_engineRunning ? state.overdueCause : u"no-engine"_s;
            if (cause.isEmpty()) {
                //: %1 is how late the sync is: "overdue 5 min"
                return tr("overdue %1").arg(formatDuration(late));
            }
            //: %1 is how late the sync is, %2 why: "overdue 5 min (workers busy)"
            return tr("overdue %1 (%2)").arg(formatDuration(late), overdueCauseText(cause));
        }
        if (late >= 0) {
            return tr("due now");
        }
        //: %1 is a duration: "in 5 min"
        return tr("in %1").arg(formatDuration(-late));
    }
    case ItemsLastSync:
        return state.lastSyncAt.isValid() ? QVariant(state.itemsLastSync) : QVariant();
    case Failures:
        return state.consecutiveFailures;
    case ErrorClass: {
        if (!state.hasError()) {
            return QString();
        }
        // The class and the start of the message on one line; the whole of it in the tooltip.
        QString text = errorClassTitle(state.lastErrorClass) + u": "_s +
                       UntrustedText::withoutControls(state.lastErrorMessage).simplified();
        constexpr int kShort = 60;
        if (text.size() > kShort) {
            text = text.left(kShort - 1).trimmed() + u'…';
        }
        return text;
    }
    case Hint:
        return state.hasError() ? HintCatalog::instance().summary(state.lastErrorHintId) : QString();
    default:
        return {};
    }
}

QVariant MailboxTableModel::toolTip(const MailboxStatus &status, int column) const
{
    const MailboxState &state = status.state;
    switch (column) {
    case Address:
        return tr("%1\nServer profile: %2\nUser name: %3\nFolders: %4")
            .arg(status.mailbox.address, status.mailbox.profileName, status.mailbox.username,
                 status.mailbox.folders.join(u", "_s));
    case Owner:
        if (status.mailbox.ownerKey.isEmpty()) {
            return tr("No CRM owner: nothing is restricted by security permissions");
        }
        //: %3 is "%n item(s)", %4 is "%n field(s)"
        return tr("Owner in the CRM: %1\nTracking: %2\nWithheld by permissions so far: %3, %4")
            .arg(status.mailbox.owner(), trackingOptionName(status.mailbox.tracking),
                 //: withheld by security permissions
                 tr("%n item(s)", nullptr, int(state.itemsWithheld)),
                 //: withheld by security permissions
                 tr("%n field(s)", nullptr, int(state.fieldsWithheld)));
    case Interval:
        //: %1 is the interval, %2 why (normal, busy, ...), %3 a rate such as 0.25
        return tr("Synced every %1 (%2); %3 new items per minute on average")
            .arg(formatInterval(state.intervalMs), intervalReasonTitle(state.intervalReason),
                 QString::number(state.itemsPerMinute, 'g', 3));
    case LastSuccess:
        return tr("Last success: %1\nLast attempt: %2").arg(exact(state.lastSuccessAt), exact(state.lastSyncAt));
    case NextSync:
        if (!status.mailbox.enabled) {
            //: %1 is why it was disabled (admin, repeated-failures, ...), %2 when
            return tr("Disabled (%1) since %2")
                .arg(status.mailbox.disabledReason.isEmpty() ? u"admin"_s : status.mailbox.disabledReason,
                     exact(status.mailbox.disabledAt));
        }
        return tr("Next sync: %1").arg(exact(state.nextDueAt));
    case ErrorClass: {
        if (!state.hasError()) {
            return {};
        }
        const QString error = errorClassTitle(state.lastErrorClass) + u": "_s + state.lastErrorMessage;
        if (state.lastErrorDetail.isEmpty()) {
            return error;
        }
        //: %1 is the error, %2 its detail
        return tr("%1\n\nDetail: %2").arg(error, state.lastErrorDetail);
    }
    case Hint: {
        const SyncDesk::Hint hint = HintCatalog::instance().hint(state.lastErrorHintId);
        if (!state.hasError() || !hint.isValid()) {
            return {};
        }
        QString text =
            u"<b>"_s + hint.title.toHtmlEscaped() + u"</b><p>"_s + hint.explanation.toHtmlEscaped() + u"</p><ul>"_s;
        for (const QString &step : hint.steps(Hint::Audience::Console)) {
            text += u"<li>"_s + step.toHtmlEscaped() + u"</li>"_s;
        }
        return QString(text + u"</ul><p><i>"_s + tr("hint id: %1").arg(hint.id).toHtmlEscaped() + u"</i></p>"_s);
    }
    default:
        return {};
    }
}

QVariant MailboxTableModel::sortValue(const MailboxStatus &status, int column) const
{
    const MailboxState &state = status.state;
    switch (column) {
    case Address:
        return status.mailbox.address;
    case Owner:
        return status.mailbox.owner();
    case Profile:
        return status.mailbox.profileName;
    case State:
        return int(status.runState(m_now));
    case Interval:
        return status.mailbox.enabled ? state.intervalMs : std::numeric_limits<qint64>::max();
    case LastSuccess:
        return state.lastSuccessAt.isValid() ? state.lastSuccessAt.toMSecsSinceEpoch() : qint64(0);
    case NextSync:
        if (!status.mailbox.enabled) {
            return std::numeric_limits<qint64>::max();
        }
        return state.nextDueAt.isValid() ? state.nextDueAt.toMSecsSinceEpoch() : qint64(0);
    case ItemsLastSync:
        return state.itemsLastSync;
    case Failures:
        return state.consecutiveFailures;
    case ErrorClass:
        return state.hasError() ? errorClassName(state.lastErrorClass) : QString();
    case Hint:
        return state.lastErrorHintId;
    default:
        return {};
    }
}

void MailboxTableModel::rebuildIndex()
{
    m_rowOfId.clear();
    m_rowOfId.reserve(m_rows.size());
    for (int row = 0; row < m_rows.size(); ++row) {
        m_rowOfId.insert(m_rows.at(row).mailbox.id, row);
    }
}

void MailboxTableModel::setStatuses(const MailboxStatusList &statuses)
{
    QHash<qint64, const MailboxStatus *> incoming;
    incoming.reserve(statuses.size());
    for (const MailboxStatus &status : statuses) {
        incoming.insert(status.mailbox.id, &status);
    }
    // Remove vanished rows, bottom-up, in contiguous ranges.
    bool removed = false;
    for (int row = int(m_rows.size()) - 1; row >= 0;) {
        if (incoming.contains(m_rows.at(row).mailbox.id)) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && !incoming.contains(m_rows.at(first - 1).mailbox.id)) {
            --first;
        }
        beginRemoveRows({}, first, row);
        m_rows.remove(first, row - first + 1);
        endRemoveRows();
        removed = true;
        row = first - 1;
    }
    if (removed) {
        rebuildIndex();
    }
    // Update rows that changed, in contiguous ranges.
    int firstChanged = -1;
    for (int row = 0; row <= int(m_rows.size()); ++row) {
        bool changed = false;
        if (row < int(m_rows.size())) {
            const auto found = incoming.constFind(m_rows.at(row).mailbox.id);
            if (found != incoming.constEnd() && found.value() && !(*found.value() == m_rows.at(row))) {
                m_rows[row] = *found.value();
                changed = true;
            }
        }
        if (changed && firstChanged < 0) {
            firstChanged = row;
        } else if (!changed && firstChanged >= 0) {
            Q_EMIT dataChanged(index(firstChanged, 0), index(row - 1, ColumnCount - 1));
            firstChanged = -1;
        }
    }
    // Append new ones.
    QList<MailboxStatus> added;
    for (const MailboxStatus &status : statuses) {
        if (!m_rowOfId.contains(status.mailbox.id)) {
            added.append(status);
        }
    }
    if (!added.isEmpty()) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + added.size() - 1));
        m_rows.append(added);
        rebuildIndex();
        endInsertRows();
    }
}

void MailboxTableModel::setOverdueGrace(int seconds)
{
    if (m_overdueGraceSeconds != seconds) {
        m_overdueGraceSeconds = seconds;
        setNow(m_now);
    }
}

void MailboxTableModel::setEngineRunning(bool running)
{
    if (m_engineRunning != running) {
        m_engineRunning = running;
        setNow(m_now);
    }
}

void MailboxTableModel::setNow(const QDateTime &now)
{
    m_now = now;
    if (m_rows.isEmpty()) {
        return;
    }
    // Only the columns that depend on the clock change.
    Q_EMIT dataChanged(index(0, State), index(int(m_rows.size()) - 1, State));
    Q_EMIT dataChanged(index(0, LastSuccess), index(int(m_rows.size()) - 1, NextSync));
}

} // namespace SyncDesk

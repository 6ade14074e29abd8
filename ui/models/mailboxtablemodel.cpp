#include "mailboxtablemodel.h"

#include "diagnostics/hintcatalog.h"
#include "model/untrustedtext.h"
#include "themecolors.h"

#include <QBrush>
#include <QLocale>

#include <limits>

namespace SyncDesk {

using namespace Qt::StringLiterals;

QString formatDuration(qint64 seconds)
{
    seconds = qAbs(seconds);
    if (seconds < 90) {
        return u"%1 s"_s.arg(seconds);
    }
    if (seconds < 3600) {
        return u"%1 min"_s.arg((seconds + 30) / 60);
    }
    if (seconds < 48 * 3600) {
        const qint64 minutes = (seconds % 3600) / 60;
        return minutes == 0 ? u"%1 h"_s.arg(seconds / 3600) : u"%1 h %2 min"_s.arg(seconds / 3600).arg(minutes);
    }
    return u"%1 days"_s.arg(seconds / 86400);
}

QString formatInterval(qint64 ms)
{
    if (ms < 10000) {
        return QString::number(double(ms) / 1000.0, 'g', 2) + u" s"_s;
    }
    if (ms < 120000 || ms % 60000 == 0) {
        return formatDuration((ms + 500) / 1000);
    }
    return QString::number(double(ms) / 60000.0, 'f', 1) + u" min"_s;
}

QString formatRelative(const QDateTime &time, const QDateTime &now)
{
    if (!time.isValid()) {
        return {};
    }
    const qint64 seconds = time.secsTo(now);
    if (seconds >= 0 && seconds < 5) {
        return u"just now"_s;
    }
    return seconds >= 0 ? formatDuration(seconds) + u" ago"_s : u"in "_s + formatDuration(-seconds);
}

QString overdueCauseText(const QString &name)
{
    if (name == u"workers-busy"_s) {
        return u"workers busy"_s;
    }
    if (name == u"connection-cap"_s) {
        return u"connection cap reached"_s;
    }
    if (name == u"server-failing"_s) {
        return u"server failing"_s;
    }
    if (name == u"claimed-elsewhere"_s) {
        return u"held by another engine"_s;
    }
    if (name == u"no-engine"_s) {
        return u"no engine running"_s;
    }
    return name;
}

QString runStateText(MailboxRunState state)
{
    switch (state) {
    case MailboxRunState::Never:
        return u"Never synced"_s;
    case MailboxRunState::Ok:
        return u"OK"_s;
    case MailboxRunState::Syncing:
        return u"Syncing"_s;
    case MailboxRunState::Failing:
        return u"Failing"_s;
    case MailboxRunState::Disabled:
        return u"Disabled"_s;
    }
    return {};
}

namespace {

QString exact(const QDateTime &time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::LongFormat) : u"never"_s;
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
    static const char16_t *const kTitles[ColumnCount] = {
        u"Mailbox",   u"Owner", u"Server profile", u"State", u"Interval",   u"Last success",
        u"Next sync", u"Items", u"Failures",       u"Error", u"What to do",
    };
    static const char16_t *const kTips[ColumnCount] = {
        u"The mailbox's address",
        u"Who owns it in the CRM (a system user or a queue): their permissions decide what is synced",
        u"The server profile it is synced from",
        u"Never synced, OK, syncing, failing or disabled",
        u"How often it syncs, and why: normal, busy, quiet, backoff after failures, or server-minimum (the "
        "server allows no more frequent logins)",
        u"When it last synced successfully",
        u"When it syncs next; overdue mailboxes say why",
        u"New items stored by the last sync",
        u"Failures in a row",
        u"The class of the last error",
        u"The troubleshooting hint for the last error",
    };
    if (section < 0 || section >= ColumnCount) {
        return {};
    }
    return QString::fromUtf16(role == Qt::DisplayRole ? kTitles[section] : kTips[section]);
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
                       u'\n' + errorClassName(status.state.lastErrorClass) + u'\n' + status.state.lastErrorMessage +
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
        return QString(formatInterval(state.intervalMs) + u" ("_s + intervalReasonName(state.intervalReason) + u')');
    case LastSuccess:
        return state.lastSuccessAt.isValid() ? formatRelative(state.lastSuccessAt, m_now) : u"never"_s;
    case NextSync: {
        if (!status.mailbox.enabled) {
            const QString reason = status.mailbox.disabledReason;
            return reason == u"repeated-failures"_s || reason == u"permanent-failure"_s ? u"— (after failures)"_s
                                                                                        : u"—"_s;
        }
        if (status.runState(m_now) == MailboxRunState::Syncing) {
            return u"running"_s;
        }
        if (!state.nextDueAt.isValid()) {
            return u"due now"_s;
        }
        const qint64 late = state.nextDueAt.secsTo(m_now);
        if (isOverdue(status)) {
            const QString cause = m_engineRunning ? state.overdueCause : u"no-engine"_s;
            return QString(u"overdue "_s + formatDuration(late) +
                           (cause.isEmpty() ? QString() : u" ("_s + overdueCauseText(cause) + u')'));
        }
        if (late >= 0) {
            return u"due now"_s;
        }
        return QString(u"in "_s + formatDuration(-late));
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
        QString text = errorClassName(state.lastErrorClass) + u": "_s +
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
        return u"%1\nServer profile: %2\nUser name: %3\nFolders: %4"_s.arg(
            status.mailbox.address, status.mailbox.profileName, status.mailbox.username,
            status.mailbox.folders.join(u", "_s));
    case Owner:
        if (status.mailbox.ownerKey.isEmpty()) {
            return u"No CRM owner: nothing is restricted by security permissions"_s;
        }
        return u"Owner in the CRM: %1\nTracking: %2\nWithheld by permissions so far: %3 items, %4 fields"_s
            .arg(status.mailbox.owner(), trackingOptionName(status.mailbox.tracking))
            .arg(state.itemsWithheld)
            .arg(state.fieldsWithheld);
    case Interval:
        return u"Synced every %1 (%2); %3 new items per minute on average"_s.arg(
            formatInterval(state.intervalMs), intervalReasonName(state.intervalReason),
            QString::number(state.itemsPerMinute, 'g', 3));
    case LastSuccess:
        return u"Last success: %1\nLast attempt: %2"_s.arg(exact(state.lastSuccessAt), exact(state.lastSyncAt));
    case NextSync:
        if (!status.mailbox.enabled) {
            return u"Disabled (%1) since %2"_s.arg(
                status.mailbox.disabledReason.isEmpty() ? u"admin"_s : status.mailbox.disabledReason,
                exact(status.mailbox.disabledAt));
        }
        return u"Next sync: %1"_s.arg(exact(state.nextDueAt));
    case ErrorClass:
        if (!state.hasError()) {
            return {};
        }
        return QString(errorClassName(state.lastErrorClass) + u": "_s + state.lastErrorMessage +
                       (state.lastErrorDetail.isEmpty() ? QString() : u"\n\nDetail: "_s + state.lastErrorDetail));
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
        return QString(text + u"</ul><p><i>hint id: "_s + hint.id + u"</i></p>"_s);
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

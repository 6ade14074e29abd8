#pragma once

#include "model/mailboxstatus.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QIcon>

namespace SyncDesk {

// Every mailbox with its state, one row each. Holds no business logic: it shows what the store says,
// formatted, with raw values under SortRole so that sorting is on values, not on text.
class MailboxTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Address,
        Owner,
        Profile,
        State,
        Interval,
        LastSuccess,
        NextSync,
        ItemsLastSync,
        Failures,
        ErrorClass,
        Hint,
        ColumnCount
    };
    enum Role {
        MailboxIdRole = Qt::UserRole + 1,
        SortRole,
        RunStateRole, // MailboxRunState as int
        EnabledRole,
        OverdueRole,    // bool
        SearchTextRole, // lower-case text the filter matches: address, owner, profile, error, hint
    };

    explicit MailboxTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Replaces the content with minimal changes: rows are matched by mailbox id; only rows that
    // changed emit dataChanged, new ones are inserted, vanished ones removed.
    void setStatuses(const MailboxStatusList &statuses);
    // Moves the clock the relative times ("3 min ago", "in 2:41") are computed against.
    void setNow(const QDateTime &now);
    QDateTime now() const { return m_now; }
    // How late a due mailbox may be before it is overdue, and whether any engine runs on the store
    // (when none does, the cause of being overdue is that nothing syncs).
    void setOverdueGrace(int seconds);
    int overdueGrace() const { return m_overdueGraceSeconds; }
    void setEngineRunning(bool running);
    bool engineRunning() const { return m_engineRunning; }

    const MailboxStatus &status(int row) const { return m_rows.at(row); }
    const QList<MailboxStatus> &statuses() const { return m_rows; }
    int rowOfMailbox(qint64 mailboxId) const { return m_rowOfId.value(mailboxId, -1); }
    bool isOverdue(const MailboxStatus &status) const;
    QIcon stateIcon(MailboxRunState state) const { return m_stateIcons[int(state)]; }

private:
    QVariant display(const MailboxStatus &status, int column) const;
    QVariant toolTip(const MailboxStatus &status, int column) const;
    QVariant sortValue(const MailboxStatus &status, int column) const;
    void rebuildIndex();

    QList<MailboxStatus> m_rows;
    QHash<qint64, int> m_rowOfId;
    QDateTime m_now;
    QIcon m_stateIcons[5];
    int m_overdueGraceSeconds = 60;
    bool m_engineRunning = true;
};

QString formatDuration(qint64 seconds);                              // "45 s", "5 min", "1 h 10 min"
QString formatInterval(qint64 ms);                                   // "0.2 s", "5 s", "5 min", "11.5 min"
QString formatRelative(const QDateTime &time, const QDateTime &now); // "3 min ago", "in 2 min"
QString overdueCauseText(const QString &name);                       // "connection cap reached", ...
QString runStateText(MailboxRunState state);                         // "OK", "Failing", "Never synced", ...

} // namespace SyncDesk

#pragma once

#include "model/mailboxstatus.h"
#include "model/nodestatus.h"
#include "store/store.h"

#include <QHash>
#include <QWidget>

class QBarSet;
class QChart;
class QLabel;
class QTableWidget;

namespace SyncDesk {

// The whole fleet at a glance: mailboxes by state, overdue, syncs per minute, failures by error class
// in the last hour, and the worker pool (engines, their workers and queue, connections per profile).
class OverviewPane final : public QWidget
{
    Q_OBJECT
public:
    explicit OverviewPane(QWidget *parent = nullptr);

    void setStatuses(const MailboxStatusList &statuses, const QDateTime &now, int overdueGraceSeconds);
    void setEngines(const QList<NodeStatus> &nodes, const QDateTime &now);
    void setStatistics(const RunStatistics &lastHour, const RunStatistics &lastFiveMinutes);

    // The numbers shown, by tile name ("ok", "failing", "overdue", "syncs_per_minute", ...), for tests.
    QString tile(const QString &name) const;

private:
    QLabel *addTile(const QString &name, const QString &title);

    QHash<QString, QLabel *> m_tiles;
    QChart *m_failures = nullptr;
    QTableWidget *m_engines = nullptr;
    QTableWidget *m_profiles = nullptr;
    QLabel *m_enginesEmpty = nullptr;
};

} // namespace SyncDesk

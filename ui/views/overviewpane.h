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
    // The box of a tile: clicking it (or Enter on it) asks for the mailboxes it counts.
    QWidget *tileBox(const QString &name) const;
    QChart *failuresChart() const { return m_failures; }

Q_SIGNALS:
    // A state tile: "mailboxes" (all), "ok", "failing", "syncing", "disabled", "never", "overdue".
    void stateRequested(const QString &state);
    // A bar of the failures chart: the error class's name ("Auth").
    void errorClassRequested(const QString &errorClass);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QLabel *addTile(const QString &name, const QString &title);

    QHash<QString, QLabel *> m_tiles;
    QHash<QWidget *, QString> m_tileOfBox;
    QChart *m_failures = nullptr;
    QTableWidget *m_engines = nullptr;
    QTableWidget *m_profiles = nullptr;
    QLabel *m_enginesEmpty = nullptr;
};

} // namespace SyncDesk

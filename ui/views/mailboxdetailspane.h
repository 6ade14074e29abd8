#pragma once

#include "model/mailboxdetails.h"

#include <QWidget>

class QChartView;
class QChart;
class QGroupBox;
class QLabel;
class QListWidget;
class QPushButton;
class QScrollArea;
class QStackedWidget;
class QTableWidget;

namespace SyncDesk {

// Everything about the selected mailbox: state per direction, a chart of its interval and of the new
// items per run over the last 24 hours, its recent runs, its last error in full, the troubleshooting
// hint with its remedy steps, its alerts, and its tracking: owner, tracking option, tracked folders,
// what permissions withheld (with the hint), track requests, and the latest activities with how each
// was correlated.
class MailboxDetailsPane final : public QWidget
{
    Q_OBJECT
public:
    explicit MailboxDetailsPane(QWidget *parent = nullptr);

    void setDetails(const MailboxDetails &details, const QDateTime &now);
    void showMessage(const QString &message); // nothing selected, several selected, ...
    qint64 mailboxId() const { return m_mailboxId; }
    QPushButton *resyncButton() const { return m_resync; }
    QPushButton *repairButton() const { return m_repair; }
    // Whether an engine runs in this console: Audit & repair needs one.
    void setRepairAvailable(bool available);
    QScrollArea *scrollArea() const { return m_scroll; }
    QTableWidget *runsTable() const { return m_runs; }
    QChart *intervalChart() const { return m_chart; }

protected:
    // The wheel over an inner table that does not have focus scrolls the pane, not the table.
    bool eventFilter(QObject *watched, QEvent *event) override;

Q_SIGNALS:
    void resyncRequested(qint64 mailboxId);

    void editRequested(qint64 mailboxId);
    void enableRequested(qint64 mailboxId, bool enabled);
    void showLogRequested(const QString &address);
    void trackRequested(qint64 mailboxId);
    void repairRequested(qint64 mailboxId);

private:
    QString pushAndSignInRows(const MailboxDetails &details, const QDateTime &now) const;
    QString outgoingText(const MailboxDetails &details, const QDateTime &now) const; // rich text, escaped
    void updateChart(const MailboxDetails &details, const QDateTime &now);
    void setTracking(const MailboxDetails &details, const QDateTime &now);
    void updateRepairButton();

    qint64 m_mailboxId = 0;
    QString m_address;
    bool m_enabled = true;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    QLabel *m_incoming = nullptr;
    QLabel *m_outgoing = nullptr;
    QLabel *m_act = nullptr;
    QChart *m_chart = nullptr;
    QChartView *m_chartView = nullptr;
    QTableWidget *m_runs = nullptr;
    QGroupBox *m_errorBox = nullptr;
    QGroupBox *m_hintBox = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_hint = nullptr;
    QListWidget *m_alerts = nullptr;
    QLabel *m_tracking = nullptr;
    QTableWidget *m_activities = nullptr;
    QPushButton *m_enable = nullptr;
    QPushButton *m_resync = nullptr;
    QPushButton *m_repair = nullptr;
    bool m_repairAvailable = true;
    QScrollArea *m_scroll = nullptr;
};

} // namespace SyncDesk

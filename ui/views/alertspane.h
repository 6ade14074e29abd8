#pragma once

#include "model/alert.h"

#include <QList>
#include <QWidget>

class QCheckBox;
class QModelIndex;
class QLabel;
class QPushButton;
class QTextBrowser;
class QTreeWidget;

namespace SyncDesk {

// The alerts an administrator should look at, newest first: severity, what it is about, the message, when it
// was raised and how often it recurred. A profile incident lists the mailboxes it groups (those it disabled
// marked). Acknowledge; for an incident, "Re-enable mailboxes disabled by this incident" in one action; the
// hint of the selected alert with its remedy steps. Shows what the store says: actions go out as signals.
class AlertsPane final : public QWidget
{
    Q_OBJECT
public:
    explicit AlertsPane(QWidget *parent = nullptr);

    void setAlerts(const QList<Alert> &alerts);
    const QList<Alert> &alerts() const { return m_alerts; }
    int openCount() const;
    // Selects an alert by id (for "show alert" links and tests); false when it is not listed.
    bool selectAlert(qint64 alertId);
    qint64 selectedAlertId() const; // the current one of the selection
    QList<qint64> selectedAlertIds() const;
    // The mailboxes the selection is about: a mailbox alert's mailbox, an incident's members (or the member
    // rows selected under it). The window's actions apply to these while this tab has focus.
    QList<qint64> selectedMailboxIds() const;

    QTreeWidget *tree() const { return m_tree; }
    QPushButton *acknowledgeButton() const { return m_acknowledge; }
    QPushButton *reenableButton() const { return m_reenable; }
    QCheckBox *showClosedBox() const { return m_showClosed; }
    QTextBrowser *hintView() const { return m_hint; }

Q_SIGNALS:
    void acknowledgeRequested(qint64 alertId);
    // Double-click or Enter: a mailbox alert (or an incident's member row) opens its mailbox, an incident
    // the list of its mailboxes.
    void mailboxOpenRequested(qint64 mailboxId);
    void incidentOpenRequested(const QString &label, const QList<qint64> &mailboxIds);
    void selectionChanged();
    void reenableRequested(qint64 alertId);
    void showClosedChanged(bool show);
    void countChanged(int open);

private:
    void onSelectionChanged();
    void onActivated(const QModelIndex &index);
    const Alert *selectedAlert() const;
    const Alert *alertById(qint64 id) const;

    QList<Alert> m_alerts;
    QTreeWidget *m_tree = nullptr;
    QPushButton *m_acknowledge = nullptr;
    QPushButton *m_reenable = nullptr;
    QCheckBox *m_showClosed = nullptr;
    QTextBrowser *m_hint = nullptr;
    QLabel *m_empty = nullptr;
};

} // namespace SyncDesk

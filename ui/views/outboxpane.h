#pragma once

#include "outgoing/outgoingemail.h"
#include "store/outboxstore.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace SyncDesk {

// The Outbox tab: outgoing email activities by status — waiting (Pending Send and Sending), failed, drafts,
// recently sent, cancelled or all — with what happened to each (attempts, next attempt or when it was sent,
// the last error or the server's reply). Compose, Send draft, Retry, Cancel and Open act on the selection;
// actions go out as signals, and the list follows the store while the tab is watched.
class OutboxPane final : public QWidget
{
    Q_OBJECT
public:
    enum class View { Waiting, Failed, Drafts, Sent, Cancelled, All };
    explicit OutboxPane(QWidget *parent = nullptr);

    void setEmails(const QList<OutgoingEmail> &emails);
    void setView(View view);
    View view() const;
    // What the store is asked for to show the current view.
    OutboxStore::Filter filter() const;

    const QList<OutgoingEmail> &emails() const { return m_emails; }
    QList<qint64> selectedIds() const;
    std::optional<OutgoingEmail> current() const; // the email of the current row
    QTableWidget *table() const { return m_table; }
    QComboBox *viewCombo() const { return m_view; }
    QPushButton *button(const QString &name) const; // "compose", "sendDraft", "retry", "cancel", "open"
    QLabel *caption() const { return m_caption; }

Q_SIGNALS:
    void filterChanged(const SyncDesk::OutboxStore::Filter &filter);
    void composeRequested();
    // action: "send-draft", "retry" or "cancel".
    void actionRequested(const QList<qint64> &activityIds, const QString &action);
    void openRequested(const SyncDesk::OutgoingEmail &email);
    void countChanged(int shown);

private:
    void refresh();
    void updateButtons();
    void requestAction(const QString &action);

    QList<OutgoingEmail> m_emails;
    QComboBox *m_view = nullptr;
    QLabel *m_caption = nullptr;
    QTableWidget *m_table = nullptr;
    QPushButton *m_compose = nullptr;
    QPushButton *m_sendDraft = nullptr;
    QPushButton *m_retry = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_open = nullptr;
    int m_shown = -1;
};

} // namespace SyncDesk

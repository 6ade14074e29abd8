#pragma once

#include "model/itemfailure.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QRadioButton;
class QTableWidget;

namespace SyncDesk {

// Messages that could not be decoded or stored: mailbox, folder, subject, date, size, why, how often they
// were tried. A switch shows every mailbox's failures or only those of the mailbox selected in the mailbox
// table; the tab's count is what the switch shows. "Retry" marks the selected failures (or, with none
// selected, every one shown) to be fetched again by the next sync of their mailbox. Actions go out as
// signals.
class ItemFailuresPane final : public QWidget
{
    Q_OBJECT
public:
    explicit ItemFailuresPane(QWidget *parent = nullptr);

    void setFailures(const ItemFailureList &failures);
    // The mailbox selected in the mailbox table (0: none); shown alone while the switch says so.
    void setMailboxFilter(qint64 mailboxId, const QString &address);
    void setShowSelectedOnly(bool selectedOnly);
    bool showsSelectedOnly() const;

    const ItemFailureList &failures() const { return m_failures; }
    int shownCount() const { return m_shown; }
    QList<qint64> selectedFailureIds() const;
    QList<qint64> selectedMailboxIds() const; // of the selected failures
    QTableWidget *table() const { return m_table; }
    QPushButton *retryButton() const { return m_retry; }
    QRadioButton *allMailboxesButton() const { return m_all; }
    QRadioButton *selectedMailboxButton() const { return m_selectedOnly; }

Q_SIGNALS:
    // Empty: every mailbox.
    void retryRequested(const QList<qint64> &mailboxIds);
    void retryFailuresRequested(const QList<qint64> &failureIds);
    void mailboxOpenRequested(qint64 mailboxId);
    void countChanged(int shown);
    void selectionChanged();

private:
    void refresh();
    void retry();
    void updateRetry();

    ItemFailureList m_failures;
    qint64 m_mailboxFilter = 0;
    QString m_filterAddress;
    int m_shown = -1;
    QTableWidget *m_table = nullptr;
    QPushButton *m_retry = nullptr;
    QRadioButton *m_all = nullptr;
    QRadioButton *m_selectedOnly = nullptr;
    QLabel *m_caption = nullptr;
};

} // namespace SyncDesk

#pragma once

#include "model/itemfailure.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace SyncDesk {

// Messages that could not be decoded or stored, per mailbox: where they are (folder and UID, or POP3 UIDL),
// why, how often they were tried. "Retry" marks them (of the selected mailboxes, or all) to be fetched again
// by the next sync of their mailbox. Actions go out as signals.
class ItemFailuresPane final : public QWidget
{
    Q_OBJECT
public:
    explicit ItemFailuresPane(QWidget *parent = nullptr);

    void setFailures(const ItemFailureList &failures);
    // Show only this mailbox's failures (0: every mailbox's).
    void setMailboxFilter(qint64 mailboxId, const QString &address);

    const ItemFailureList &failures() const { return m_failures; }
    QTableWidget *table() const { return m_table; }
    QPushButton *retryButton() const { return m_retry; }

Q_SIGNALS:
    // Empty: every mailbox.
    void retryRequested(const QList<qint64> &mailboxIds);
    void countChanged(int failures);

private:
    void refresh();

    ItemFailureList m_failures;
    qint64 m_mailboxFilter = 0;
    QString m_filterAddress;
    QTableWidget *m_table = nullptr;
    QPushButton *m_retry = nullptr;
    QLabel *m_caption = nullptr;
};

} // namespace SyncDesk

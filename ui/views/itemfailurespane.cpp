#include "itemfailurespane.h"

#include "diagnostics/hintcatalog.h"
#include "model/untrustedtext.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QSet>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QVBoxLayout>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

enum Column {
    MailboxColumn,
    FolderColumn,
    WhereColumn,
    SubjectColumn,
    SenderColumn,
    DateColumn,
    SizeColumn,
    ClassColumn,
    WhyColumn,
    TriesColumn,
    LastFailedColumn,
    StateColumn,
    ColumnCount
};

constexpr int kFailureIdRole = Qt::UserRole + 1;
constexpr int kMailboxIdRole = Qt::UserRole + 2;

} // namespace

ItemFailuresPane::ItemFailuresPane(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"itemFailuresPane"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *bar = new QHBoxLayout;
    m_all = new QRadioButton(tr("All mailbo&xes"));
    m_all->setObjectName(u"allMailboxes"_s);
    m_selectedOnly = new QRadioButton(tr("Sele&cted mailbox"));
    m_selectedOnly->setObjectName(u"selectedMailbox"_s);
    m_selectedOnly->setToolTip(tr("Only the failures of the mailbox selected in the Mailboxes tab"));
    auto *group = new QButtonGroup(this);
    group->addButton(m_all);
    group->addButton(m_selectedOnly);
    m_all->setChecked(true);
    m_caption = new QLabel;
    m_caption->setObjectName(u"caption"_s);
    m_caption->setWordWrap(true);
    m_retry = new QPushButton(tr("Retr&y"));
    m_retry->setObjectName(u"retry"_s);
    bar->addWidget(m_all);
    bar->addWidget(m_selectedOnly);
    bar->addWidget(m_caption, 1);
    bar->addWidget(m_retry);
    layout->addLayout(bar);
    m_table = new QTableWidget(0, ColumnCount);
    m_table->setObjectName(u"failures"_s);
    m_table->setAccessibleName(tr("Item failures"));
    m_table->setHorizontalHeaderLabels({tr("Mailbox"), tr("Folder"), tr("UID / UIDL"), tr("Subject"),
                                        //: column: who sent the message (its From header)
                                        tr("Sender"),
                                        //: column: the message's own date (its Date header)
                                        tr("Date"), tr("Size"),
                                        //: column: the error class of the failure (Auth, Timeout, ...)
                                        tr("Class"),
                                        //: column: why the message failed
                                        tr("Why"),
                                        //: column: how many times the message was tried
                                        tr("Tries"), tr("Last failed"),
                                        //: column: the failure's state
                                        tr("State")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu); // the window adds the actions that fit
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(MailboxColumn, 190);
    m_table->setColumnWidth(WhereColumn, 80);
    m_table->setColumnWidth(SubjectColumn, 220);
    m_table->setColumnWidth(SenderColumn, 200);
    m_table->setColumnWidth(DateColumn, 120);
    m_table->setColumnWidth(SizeColumn, 70);
    m_table->setColumnWidth(WhyColumn, 300);
    layout->addWidget(m_table, 1);
    connect(m_retry, &QPushButton::clicked, this, &ItemFailuresPane::retry);
    connect(m_all, &QRadioButton::toggled, this, [this] { refresh(); });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        updateRetry();
        Q_EMIT selectionChanged();
    });
    connect(m_table, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT mailboxOpenRequested(m_table->item(index.row(), MailboxColumn)->data(kMailboxIdRole).toLongLong());
    });
    refresh();
}

void ItemFailuresPane::setFailures(const ItemFailureList &failures)
{
    m_failures = failures;
    refresh();
}

void ItemFailuresPane::setMailboxFilter(qint64 mailboxId, const QString &address)
{
    if (m_mailboxFilter == mailboxId && m_filterAddress == address) {
        return;
    }
    m_mailboxFilter = mailboxId;
    m_filterAddress = address;
    m_selectedOnly->setText(mailboxId > 0 ? tr("Sele&cted mailbox: %1").arg(QString(address).replace(u"&"_s, u"&&"_s))
                                          : tr("Sele&cted mailbox"));
    refresh();
}

void ItemFailuresPane::setShowSelectedOnly(bool selectedOnly)
{
    (selectedOnly ? m_selectedOnly : m_all)->setChecked(true);
}

bool ItemFailuresPane::showsSelectedOnly() const
{
    return m_selectedOnly->isChecked();
}

QList<qint64> ItemFailuresPane::selectedFailureIds() const
{
    QList<qint64> ids;
    for (const QModelIndex &row : m_table->selectionModel()->selectedRows()) {
        ids.append(m_table->item(row.row(), MailboxColumn)->data(kFailureIdRole).toLongLong());
    }
    return ids;
}

QList<qint64> ItemFailuresPane::selectedMailboxIds() const
{
    QList<qint64> ids;
    for (const QModelIndex &row : m_table->selectionModel()->selectedRows()) {
        const qint64 id = m_table->item(row.row(), MailboxColumn)->data(kMailboxIdRole).toLongLong();
        if (!ids.contains(id)) {
            ids.append(id);
        }
    }
    return ids;
}

void ItemFailuresPane::retry()
{
    const QList<qint64> chosen = selectedFailureIds();
    if (!chosen.isEmpty()) {
        Q_EMIT retryFailuresRequested(chosen);
    } else if (showsSelectedOnly()) {
        if (m_mailboxFilter > 0) {
            Q_EMIT retryRequested({m_mailboxFilter});
        }
    } else {
        Q_EMIT retryRequested({});
    }
}

void ItemFailuresPane::updateRetry()
{
    const int chosen = int(m_table->selectionModel()->selectedRows().size());
    m_retry->setEnabled(m_shown > 0);
    if (chosen > 0) {
        m_retry->setText(chosen == 1 ? tr("Retr&y the selected failure")
                                     : tr("Retr&y the %n selected failure(s)", nullptr, chosen));
    } else {
        m_retry->setText(showsSelectedOnly() && m_mailboxFilter > 0
                             ? tr("Retr&y failed items of %1").arg(m_filterAddress)
                             : tr("Retr&y all failed items"));
    }
    m_retry->setToolTip(tr("Fetch these messages again on the next sync of their mailbox"));
}

void ItemFailuresPane::refresh()
{
    QSet<qint64> chosen;
    for (qint64 id : selectedFailureIds()) {
        chosen.insert(id);
    }
    const QSignalBlocker blocker(m_table);
    m_table->setRowCount(0);
    const bool selectedOnly = showsSelectedOnly();
    int shown = 0;
    for (const ItemFailure &failure : std::as_const(m_failures)) {
        if (selectedOnly && failure.mailboxId != m_mailboxFilter) {
            continue;
        }
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        const QString where = failure.pop3Uidl.isEmpty() ? u"%1"_s.arg(failure.uid) : failure.pop3Uidl;
        const QStringList cells{
            failure.mailboxAddress,
            failure.folder,
            where,
            UntrustedText::withoutControls(failure.subject).simplified(),
            UntrustedText::withoutControls(failure.sender).simplified(),
            failure.messageDate.isValid() ? QLocale().toString(failure.messageDate.toLocalTime(), QLocale::ShortFormat)
                                          : QString(),
            failure.size > 0 ? QLocale().formattedDataSize(failure.size) : QString(),
            errorClassTitle(failure.errorClass),
            UntrustedText::withoutControls(failure.reason).simplified(),
            QString::number(failure.attempts),
            QLocale().toString(failure.lastFailedAt.toLocalTime(), QLocale::ShortFormat),
            failure.state == u"retry"_s ? tr("tried again next sync")
                                        //: the state of an item failure: not tried again until Retry
                                        : tr("failed")};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            //: tooltip of the Why column: %1 the reason, %2 its detail, %3 the troubleshooting hint
            item->setToolTip(UntrustedText::toolTip(
                column == WhyColumn
                    ? tr("%1\n\n%2\n\nhint: %3")
                          .arg(failure.reason, failure.detail, HintCatalog::instance().summary(failure.hintId))
                    : (column == SubjectColumn  ? failure.subject
                       : column == SenderColumn ? failure.sender
                                                : cells.at(column))));
            if (column == SizeColumn || column == TriesColumn) {
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            }
            m_table->setItem(row, column, item);
        }
        m_table->item(row, MailboxColumn)->setData(kFailureIdRole, failure.id);
        m_table->item(row, MailboxColumn)->setData(kMailboxIdRole, failure.mailboxId);
        if (chosen.contains(failure.id)) {
            m_table->selectRow(row);
        }
        ++shown;
    }
    if (selectedOnly && m_mailboxFilter == 0) {
        m_caption->setText(tr("Select a mailbox in the Mailboxes tab to see its failures here."));
    } else if (selectedOnly) {
        m_caption->setText(
            shown == 0 ? tr("No message failed to decode or store in %1.").arg(m_filterAddress)
                       : tr("%n message(s) could not be decoded or stored in %1; the syncs went on without them.",
                            nullptr, shown)
                             .arg(m_filterAddress));
    } else {
        m_caption->setText(
            shown == 0
                ? tr("No message failed to decode or store.")
                : tr("%n message(s) could not be decoded or stored; the syncs went on without them.", nullptr, shown));
    }
    const bool changed = shown != m_shown;
    m_shown = shown;
    updateRetry();
    if (changed) {
        Q_EMIT countChanged(shown);
    }
}

} // namespace SyncDesk

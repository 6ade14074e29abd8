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
    m_all = new QRadioButton(u"All mailbo&xes"_s);
    m_all->setObjectName(u"allMailboxes"_s);
    m_selectedOnly = new QRadioButton(u"Sele&cted mailbox"_s);
    m_selectedOnly->setObjectName(u"selectedMailbox"_s);
    m_selectedOnly->setToolTip(u"Only the failures of the mailbox selected in the Mailboxes tab"_s);
    auto *group = new QButtonGroup(this);
    group->addButton(m_all);
    group->addButton(m_selectedOnly);
    m_all->setChecked(true);
    m_caption = new QLabel;
    m_caption->setObjectName(u"caption"_s);
    m_caption->setWordWrap(true);
    m_retry = new QPushButton(u"Retr&y"_s);
    m_retry->setObjectName(u"retry"_s);
    bar->addWidget(m_all);
    bar->addWidget(m_selectedOnly);
    bar->addWidget(m_caption, 1);
    bar->addWidget(m_retry);
    layout->addLayout(bar);
    m_table = new QTableWidget(0, ColumnCount);
    m_table->setObjectName(u"failures"_s);
    m_table->setAccessibleName(u"Item failures"_s);
    m_table->setHorizontalHeaderLabels({u"Mailbox"_s, u"Folder"_s, u"UID / UIDL"_s, u"Subject"_s, u"Size"_s, u"Class"_s,
                                        u"Why"_s, u"Tries"_s, u"Last failed"_s, u"State"_s});
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
    m_selectedOnly->setText(mailboxId > 0 ? u"Sele&cted mailbox: %1"_s.arg(QString(address).replace(u"&"_s, u"&&"_s))
                                          : u"Sele&cted mailbox"_s);
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
        m_retry->setText(chosen == 1 ? u"Retr&y the selected failure"_s
                                     : u"Retr&y the %1 selected failures"_s.arg(chosen));
    } else {
        m_retry->setText(showsSelectedOnly() && m_mailboxFilter > 0
                             ? u"Retr&y failed items of %1"_s.arg(m_filterAddress)
                             : u"Retr&y all failed items"_s);
    }
    m_retry->setToolTip(u"Fetch these messages again on the next sync of their mailbox"_s);
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
        const QStringList cells{failure.mailboxAddress,
                                failure.folder,
                                where,
                                UntrustedText::withoutControls(failure.subject).simplified(),
                                failure.size > 0 ? QLocale().formattedDataSize(failure.size) : QString(),
                                errorClassName(failure.errorClass),
                                UntrustedText::withoutControls(failure.reason).simplified(),
                                QString::number(failure.attempts),
                                QLocale().toString(failure.lastFailedAt.toLocalTime(), QLocale::ShortFormat),
                                failure.state == u"retry"_s ? u"tried again next sync"_s : failure.state};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setToolTip(UntrustedText::toolTip(
                column == WhyColumn ? failure.reason + u"\n\n"_s + failure.detail + u"\n\nhint: "_s +
                                          HintCatalog::instance().summary(failure.hintId)
                                    : (column == SubjectColumn ? failure.subject : cells.at(column))));
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
    const QString in = selectedOnly ? (m_mailboxFilter > 0 ? u" in "_s + m_filterAddress : QString()) : QString();
    if (selectedOnly && m_mailboxFilter == 0) {
        m_caption->setText(u"Select a mailbox in the Mailboxes tab to see its failures here."_s);
    } else {
        m_caption->setText(shown == 0 ? u"No message failed to decode or store%1."_s.arg(in)
                                      : u"%1 message(s) could not be decoded or stored%2; the syncs went on without "
                                        "them."_s.arg(shown)
                                            .arg(in));
    }
    const bool changed = shown != m_shown;
    m_shown = shown;
    updateRetry();
    if (changed) {
        Q_EMIT countChanged(shown);
    }
}

} // namespace SyncDesk

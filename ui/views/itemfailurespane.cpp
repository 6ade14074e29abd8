#include "itemfailurespane.h"

#include "diagnostics/hintcatalog.h"
#include "model/untrustedtext.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace SyncDesk {

using namespace Qt::StringLiterals;

ItemFailuresPane::ItemFailuresPane(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"itemFailuresPane"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *bar = new QHBoxLayout;
    m_caption = new QLabel;
    m_caption->setObjectName(u"caption"_s);
    m_caption->setWordWrap(true);
    m_retry = new QPushButton(u"Retr&y"_s);
    m_retry->setObjectName(u"retry"_s);
    m_retry->setToolTip(u"Fetch these messages again on the next sync of their mailbox"_s);
    bar->addWidget(m_caption, 1);
    bar->addWidget(m_retry);
    layout->addLayout(bar);
    m_table = new QTableWidget(0, 8);
    m_table->setObjectName(u"failures"_s);
    m_table->setAccessibleName(u"Item failures"_s);
    m_table->setHorizontalHeaderLabels(
        {u"Mailbox"_s, u"Folder"_s, u"UID / UIDL"_s, u"Class"_s, u"Why"_s, u"Tries"_s, u"Last failed"_s, u"State"_s});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(0, 200);
    m_table->setColumnWidth(4, 460);
    layout->addWidget(m_table, 1);
    connect(m_retry, &QPushButton::clicked, this,
            [this] { Q_EMIT retryRequested(m_mailboxFilter > 0 ? QList<qint64>{m_mailboxFilter} : QList<qint64>{}); });
    refresh();
}

void ItemFailuresPane::setFailures(const ItemFailureList &failures)
{
    const qsizetype before = m_failures.size();
    m_failures = failures;
    refresh();
    if (before != m_failures.size()) {
        Q_EMIT countChanged(int(m_failures.size()));
    }
}

void ItemFailuresPane::setMailboxFilter(qint64 mailboxId, const QString &address)
{
    m_mailboxFilter = mailboxId;
    m_filterAddress = address;
    refresh();
}

void ItemFailuresPane::refresh()
{
    m_table->setRowCount(0);
    int shown = 0;
    for (const ItemFailure &failure : std::as_const(m_failures)) {
        if (m_mailboxFilter > 0 && failure.mailboxId != m_mailboxFilter) {
            continue;
        }
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        const QString where = failure.pop3Uidl.isEmpty() ? u"%1"_s.arg(failure.uid) : failure.pop3Uidl;
        const QString why =
            failure.reason + (failure.subject.isEmpty() ? QString() : u" — “"_s + failure.subject + u"”"_s);
        const QStringList cells{failure.mailboxAddress,
                                failure.folder,
                                where,
                                errorClassName(failure.errorClass),
                                why,
                                QString::number(failure.attempts),
                                QLocale().toString(failure.lastFailedAt.toLocalTime(), QLocale::ShortFormat),
                                failure.state == u"retry"_s ? u"tried again next sync"_s : failure.state};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setToolTip(UntrustedText::toolTip(column == 4 ? failure.reason + u"\n\n"_s + failure.detail +
                                                                      u"\n\nhint: "_s +
                                                                      HintCatalog::instance().summary(failure.hintId)
                                                                : cells.at(column)));
            m_table->setItem(row, column, item);
        }
        ++shown;
    }
    m_retry->setEnabled(shown > 0);
    m_retry->setText(m_mailboxFilter > 0 ? u"Retr&y failed items of %1"_s.arg(m_filterAddress)
                                         : u"Retr&y all failed items"_s);
    m_caption->setText(
        shown == 0
            ? u"No message failed to decode or store%1."_s.arg(m_mailboxFilter > 0 ? u" in "_s + m_filterAddress
                                                                                   : QString())
            : u"%1 message(s) could not be decoded or stored%2; the syncs went on without them."_s.arg(shown).arg(
                  m_mailboxFilter > 0 ? u" in "_s + m_filterAddress : QString()));
}

} // namespace SyncDesk

// The log viewer's table: copy and export, following the newest records while scrolled to the bottom, and
// what the viewer says about its state.

#include "logfilterproxy.h"
#include "logformat.h"
#include "logrecordmodel.h"
#include "logstorereader.h"
#include "logviewer.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QCompleter>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QStringListModel>
#include <QStyle>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace SyncDesk {

using namespace Qt::StringLiterals;

// --- copy and export ------------------------------------------------------------------------------

QList<LogRecord> LogViewer::selectedRecords() const
{
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty() && m_view->currentIndex().isValid()) {
        rows.append(m_view->currentIndex());
    }
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QList<LogRecord> records;
    records.reserve(rows.size());
    const LogRecordModel *model = m_proxy->recordModel();
    for (const QModelIndex &row : std::as_const(rows)) {
        records.append(model->record(m_proxy->mapToSource(row).row()));
    }
    return records;
}

void LogViewer::copySelection()
{
    const QList<LogRecord> records = selectedRecords();
    if (records.isEmpty()) {
        return;
    }
    QStringList lines;
    lines.reserve(records.size());
    for (const LogRecord &record : records) {
        lines.append(logClipboardLine(record));
    }
    QApplication::clipboard()->setText(lines.join(u'\n') + u'\n');
    showMessage(tr("Copied %Ln record(s)", nullptr, int(records.size())), 8000);
    updateState();
}

void LogViewer::exportSelection(const QString &fileName)
{
    const QList<LogRecord> records = selectedRecords();
    if (records.isEmpty()) {
        Q_EMIT exportFinished(fileName, 0, tr("no record is selected"));
        return;
    }
    const quint64 request = nextRequest();
    m_exportRequests.insert(request);
    toReader([reader = m_reader, request, fileName, records] { reader->exportRecords(request, fileName, records); });
    showMessage(tr("Exporting %Ln record(s)…", nullptr, int(records.size())));
    updateState();
}

void LogViewer::exportAll(const QString &fileName)
{
    const LogFilter filter = m_proxy->filter();
    const quint64 request = nextRequest();
    m_exportRequests.insert(request);
    if (m_hasStore) {
        // Everything in the store, then what the console holds that the store does not (records without id).
        QList<LogRecord> extra;
        for (int row = 0; row < m_live->rowCount(); ++row) {
            if (m_live->entry(row).id == 0) {
                extra.append(m_live->record(row));
            }
        }
        toReader([reader = m_reader, request, fileName, filter, extra] {
            reader->exportMatching(request, fileName, filter, extra);
        });
    } else {
        QList<LogRecord> records;
        for (int row = 0; row < m_live->rowCount(); ++row) {
            LogRecord record = m_live->record(row);
            if (filter.accepts(record)) {
                records.append(std::move(record));
            }
        }
        toReader(
            [reader = m_reader, request, fileName, records] { reader->exportRecords(request, fileName, records); });
    }
    showMessage(tr("Exporting…"));
    updateState();
}

void LogViewer::onExportFinished(quint64 request, const QString &fileName, qint64 written, const QString &error)
{
    if (!m_exportRequests.remove(request)) {
        return;
    }
    showMessage(error.isEmpty() ? tr("Exported %Ln record(s) to %1", nullptr, int(written)).arg(fileName)
                                : tr("Export to %1 failed: %2").arg(fileName, error),
                error.isEmpty() ? 8000 : 30000);
    updateState();
    Q_EMIT exportFinished(fileName, error.isEmpty() ? written : 0, error);
}

void LogViewer::chooseExportFile(bool everything)
{
    auto *dialog = new QFileDialog(this, everything ? tr("Export the log") : tr("Export the selected records"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    //: file type filters of the export dialog: keep the patterns in parentheses
    dialog->setNameFilters({tr("CSV (*.csv)"), tr("Text (*.log *.txt)")});
    dialog->setDefaultSuffix(u"csv"_s);
    connect(dialog, &QFileDialog::filterSelected, dialog, [dialog](const QString &nameFilter) {
        // By its pattern: the name before it is translated.
        dialog->setDefaultSuffix(nameFilter.contains(u"*.csv"_s) ? u"csv"_s : u"log"_s);
    });
    connect(dialog, &QFileDialog::fileSelected, this, [this, everything](const QString &fileName) {
        if (everything) {
            exportAll(fileName);
        } else {
            exportSelection(fileName);
        }
    });
    dialog->open(); // window-modal, without a nested event loop
}

void LogViewer::showContextMenu(const QPoint &position)
{
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(m_copyAction);
    menu->addAction(m_exportSelectionAction);
    menu->addAction(m_exportAllAction);
    const QModelIndex index = m_view->indexAt(position);
    const QString mailbox = index.isValid() ? index.data(LogRecordModel::MailboxRole).toString() : QString();
    if (!mailbox.isEmpty()) {
        menu->addSeparator();
        menu->addAction(tr("Show only %1").arg(mailbox), this, [this, mailbox] { showMailbox(mailbox); });
    }
    if (m_mode == Mode::Live) {
        menu->addSeparator();
        menu->addAction(m_loadOlderAction);
    }
    menu->popup(m_view->viewport()->mapToGlobal(position));
}

bool LogViewer::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && (event->type() == QEvent::KeyPress || event->type() == QEvent::ShortcutOverride)) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Copy)) {
            event->accept();
            if (event->type() == QEvent::KeyPress) {
                copySelection(); // whole rows, not the current cell the table would copy
            }
            return true;
        }
    }
    if (watched == m_view->viewport() && event->type() == QEvent::Resize) {
        m_emptyState->setGeometry(m_view->viewport()->rect());
    }
    return QWidget::eventFilter(watched, event);
}

// --- scrolling ------------------------------------------------------------------------------------

void LogViewer::scrollToBottom()
{
    m_programmaticScroll = true;
    m_view->scrollToBottom();
    m_programmaticScroll = false;
    m_following = true;
}

void LogViewer::setFollowing(bool following)
{
    m_following = following;
}

void LogViewer::onScrolled(int value)
{
    if (m_programmaticScroll) {
        m_lastScrollValue = value;
        return;
    }
    QScrollBar *bar = m_view->verticalScrollBar();
    const int previous = std::exchange(m_lastScrollValue, value);
    setFollowing(value >= bar->maximum() - 1);
    // Scrolling up to the top of the live log reads older records from the store.
    if (value == bar->minimum() && previous > value && bar->maximum() > 0 && m_mode == Mode::Live && m_hasStore &&
        !m_atStart && m_view->isVisible()) {
        loadOlder();
    }
}

void LogViewer::onProxyRowsInserted(int first, int last)
{
    if (first != 0 || m_proxy->rowCount() == last - first + 1) {
        return;
    }
    // Older records came in above: keep the rows the user looks at in place.
    if (m_following) {
        scrollToBottom();
        return;
    }
    QScrollBar *bar = m_view->verticalScrollBar();
    const int value = bar->value();
    m_programmaticScroll = true;
    m_view->doItemsLayout();
    bar->setValue(value + (last - first + 1));
    m_programmaticScroll = false;
}

void LogViewer::onProxyRowsRemoved(int first, int last)
{
    if (first != 0 || m_following) {
        return;
    }
    // The oldest went: keep the rows the user looks at in place.
    QScrollBar *bar = m_view->verticalScrollBar();
    m_programmaticScroll = true;
    bar->setValue(qMax(0, bar->value() - (last - first + 1)));
    m_programmaticScroll = false;
}

void LogViewer::onProxyAboutToReset()
{
    m_anchorModel = m_proxy->recordModel();
    m_anchorFollowing = m_following;
    m_anchorSequence = -1;
    m_currentSequence = -1;
    m_selectedSequences.clear();
    if (m_proxy->rowCount() == 0) {
        return;
    }
    const QModelIndex top = m_view->indexAt(QPoint(0, 0));
    if (top.isValid()) {
        m_anchorSequence = m_proxy->sequenceAt(top.row());
    }
    if (m_view->currentIndex().isValid()) {
        m_currentSequence = m_proxy->sequenceAt(m_view->currentIndex().row());
    }
    const QItemSelection selection = m_view->selectionModel()->selection();
    qint64 selectedRows = 0;
    for (const QItemSelectionRange &range : selection) {
        selectedRows += range.height();
    }
    if (selectedRows <= 10000) { // beyond that, a new filter drops the selection
        for (const QItemSelectionRange &range : selection) {
            for (int row = range.top(); row <= range.bottom(); ++row) {
                m_selectedSequences.append(m_proxy->sequenceAt(row));
            }
        }
    }
}

void LogViewer::onProxyReset()
{
    const bool sameSource = m_anchorModel == m_proxy->recordModel();
    m_anchorModel = nullptr;
    if (!sameSource) {
        scrollToBottom();
        return;
    }
    if (!m_selectedSequences.isEmpty()) {
        std::sort(m_selectedSequences.begin(), m_selectedSequences.end());
        QItemSelection selection;
        int runStart = -1;
        int runEnd = -1;
        auto flush = [&] {
            if (runStart >= 0) {
                selection.select(m_proxy->index(runStart, 0), m_proxy->index(runEnd, LogRecordModel::ColumnCount - 1));
            }
        };
        for (qint64 sequence : std::as_const(m_selectedSequences)) {
            const int row = m_proxy->rowOfSequence(sequence);
            if (row < 0) {
                continue;
            }
            if (row == runEnd + 1 && runStart >= 0) {
                runEnd = row;
            } else {
                flush();
                runStart = runEnd = row;
            }
        }
        flush();
        m_view->selectionModel()->select(selection, QItemSelectionModel::Select);
        m_selectedSequences.clear();
    }
    if (m_currentSequence >= 0) {
        const int row = m_proxy->rowOfSequence(m_currentSequence);
        if (row >= 0) {
            m_view->selectionModel()->setCurrentIndex(m_proxy->index(row, 0), QItemSelectionModel::NoUpdate);
        }
    }
    if (m_anchorFollowing || m_anchorSequence < 0) {
        scrollToBottom();
        return;
    }
    const int row = qMin(m_proxy->lowerBoundRow(m_anchorSequence), m_proxy->rowCount() - 1);
    if (row >= 0) {
        m_programmaticScroll = true;
        m_view->doItemsLayout();
        m_view->scrollTo(m_proxy->index(row, 0), QAbstractItemView::PositionAtTop);
        m_programmaticScroll = false;
        m_following = false;
    }
}

// --- what the viewer says -------------------------------------------------------------------------

void LogViewer::showMessage(const QString &text, int timeoutMs)
{
    m_lastMessage = text;
    if (timeoutMs > 0) {
        m_messageTimer.start(timeoutMs);
    } else {
        m_messageTimer.stop();
    }
}

QString LogViewer::statusText() const
{
    return m_status->text();
}

QString LogViewer::emptyStateText() const
{
    return m_emptyState->isVisibleTo(m_view->viewport()) ? m_emptyState->text() : QString();
}

void LogViewer::updateState()
{
    const LogFilter shown = m_proxy->filter();
    const int rows = m_proxy->rowCount();
    QStringList parts;
    if (m_mode == Mode::Live) {
        const int held = m_live->rowCount();
        if (held == 0) {
            parts.append(tr("No records in memory"));
        } else if (shown.isEmpty()) {
            parts.append(tr("%Ln record(s) in memory", nullptr, held));
        } else {
            parts.append(tr("%L1 of %Ln record(s) in memory match", nullptr, held).arg(rows));
        }
        if (m_hasStore && !m_atStart && held > 0) {
            parts.append(tr("older ones are in the database"));
        }
        if (m_detached) {
            parts.append(tr("showing older records; %L1 newer not shown").arg(m_unseen));
        } else if (m_paused) {
            parts.append(m_unseen > 0 ? tr("paused; %L1 new").arg(m_unseen) : tr("paused"));
        } else {
            //: the log follows new records as they are written
            parts.append(tr("live"));
        }
    } else if (m_searchRequest != 0) {
        const int percent = m_searchTotal > 0 ? int(100 * m_searchScanned / m_searchTotal) : 0;
        parts.append(tr("Searching the database… %1 % — %Ln matching record(s) so far", nullptr, int(m_searchMatched))
                         .arg(percent));
    } else {
        parts.append(tr("%Ln matching record(s) from the database", nullptr, int(m_searchMatched)));
        parts.append(m_searchContinueBefore > 0 ? tr("the newest; older ones: Search further")
                                                : tr("the whole log was searched"));
    }
    if (m_proxy->isFiltering()) {
        parts.append(tr("filtering…"));
    }
    if (!m_lastMessage.isEmpty()) {
        parts.append(m_lastMessage);
    }
    m_status->setText(parts.join(u" · "_s));
    m_cancelButton->setVisible(m_searchRequest != 0 || !m_exportRequests.isEmpty());

    // The banner: search results, or older records in place of the newest.
    if (m_mode == Mode::SearchResults) {
        m_bannerText->setText(tr("Database search results for the filters above, oldest at the top."));
        m_bannerFurther->setVisible(m_searchContinueBefore > 0 && m_searchRequest == 0);
        m_bannerBack->setText(tr("Back to the live log"));
        m_banner->show();
    } else if (m_detached) {
        m_bannerText->setText(tr("Showing older records read from the database; %Ln newer record(s) are not shown.",
                                 nullptr, int(m_unseen)));
        m_bannerFurther->hide();
        m_bannerBack->setText(tr("Go to the newest"));
        m_banner->show();
    } else {
        m_banner->hide();
    }

    {
        const QSignalBlocker blocker(m_pauseButton);
        m_pauseButton->setChecked(m_paused);
    }
    m_pauseButton->setIcon(style()->standardIcon(m_paused ? QStyle::SP_MediaPlay : QStyle::SP_MediaPause));
    if (m_paused) {
        m_pauseButton->setText(m_unseen > 0 ? tr("Resume (%L1 new)").arg(m_unseen) : tr("Resume"));
        m_pauseButton->setAccessibleName(tr("Resume the live log"));
    } else {
        m_pauseButton->setText(tr("Pause"));
        m_pauseButton->setAccessibleName(tr("Pause the live log"));
    }

    const bool haveSelection = m_view->selectionModel()->hasSelection();
    m_copyAction->setEnabled(haveSelection);
    m_exportSelectionAction->setEnabled(haveSelection);
    m_loadOlderAction->setEnabled(m_hasStore && m_mode == Mode::Live && !m_atStart && m_olderRequest == 0);
    m_searchButton->setEnabled(m_hasStore && m_filterErrorText.isEmpty());

    // What an empty table means.
    QString empty;
    if (rows == 0) {
        if (m_mode == Mode::SearchResults) {
            empty = m_searchRequest != 0 ? tr("Searching the database for matching records…")
                                         : tr("No record in the database matches these filters.");
        } else if (m_live->rowCount() == 0) {
            if (m_olderRequest != 0 || m_newestRequest != 0) {
                empty = tr("Reading the log from the database…");
            } else if (m_paused && m_unseen > 0) {
                empty = tr("Paused: %Ln new record(s) are waiting. Resume to show them.", nullptr, int(m_unseen));
            } else {
                empty = m_hasStore ? tr("No log records yet. The engine's log appears here as it is written; older "
                                        "records are read from the database with Load older.")
                                   : tr("No log records yet. They appear here as the engine writes them.");
            }
        } else if (m_proxy->isFiltering()) {
            empty = tr("Filtering…");
        } else if (!shown.mailbox().isEmpty() && shown.text().isEmpty()) {
            empty = m_hasStore ? tr("No record of %1 in memory. Search the database to look through older records.")
                                     .arg(shown.mailbox())
                               : tr("No record of %1 in memory.").arg(shown.mailbox());
        } else {
            empty = m_hasStore ? tr("No record in memory matches these filters. Search the database to look through "
                                    "older records too.")
                               : tr("No record in memory matches these filters.");
        }
    }
    m_emptyState->setText(empty);
    m_emptyState->setGeometry(m_view->viewport()->rect());
    m_emptyState->setVisible(!empty.isEmpty());
}

} // namespace SyncDesk

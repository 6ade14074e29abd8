#pragma once

#include <QSortFilterProxyModel>

namespace SyncDesk {

// The mailbox table's filters: a quick filter (all, failing, disabled, overdue, syncing) and a text
// that must appear in the address, the profile, the error or the hint. Sorts on raw values.
class MailboxFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum class QuickFilter { All, Failing, Disabled, Overdue, Syncing };

    explicit MailboxFilterProxy(QObject *parent = nullptr);

    void setQuickFilter(QuickFilter filter);
    QuickFilter quickFilter() const { return m_quick; }
    void setText(const QString &text);
    QString text() const { return m_text; }
    // Whether a source row passes a quick filter, whatever the current one (for the counts on the buttons).
    bool matchesQuickFilter(int sourceRow, QuickFilter filter) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QuickFilter m_quick = QuickFilter::All;
    QString m_text;
};

} // namespace SyncDesk

#pragma once

#include <QSet>
#include <QSortFilterProxyModel>

namespace SyncDesk {

// The mailbox table's filters: a quick filter (all, failing, disabled, overdue, syncing), a text that must
// appear in the address, the profile, the error or the hint, and a set of mailboxes (an incident's). They
// combine. Sorts on raw values.
class MailboxFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum class QuickFilter { All, Failing, Disabled, Overdue, Syncing, Ok, Never }; // values kept in saved views

    explicit MailboxFilterProxy(QObject *parent = nullptr);

    void setQuickFilter(QuickFilter filter);
    QuickFilter quickFilter() const { return m_quick; }
    void setText(const QString &text);
    QString text() const { return m_text; }
    // Exact values of a column (empty: any): the server profile's name, the last error's class name
    // ("auth", "timeout", ...), the owner ("systemuser:ana").
    void setProfile(const QString &profile);
    QString profile() const { return m_profile; }
    void setErrorClass(const QString &errorClass);
    QString errorClass() const { return m_errorClass; }
    void setOwner(const QString &owner);
    QString owner() const { return m_owner; }
    // Only these mailboxes (empty: no such restriction).
    void setMailboxSet(const QSet<qint64> &ids);
    const QSet<qint64> &mailboxSet() const { return m_ids; }
    bool isFiltering() const
    {
        return m_quick != QuickFilter::All || !m_text.isEmpty() || !m_ids.isEmpty() || !m_profile.isEmpty() ||
               !m_errorClass.isEmpty() || !m_owner.isEmpty();
    }
    // Whether a source row passes a quick filter, whatever the current one (for the counts on the buttons).
    bool matchesQuickFilter(int sourceRow, QuickFilter filter) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QuickFilter m_quick = QuickFilter::All;
    QString m_text;
    QSet<qint64> m_ids;
    QString m_profile;
    QString m_errorClass;
    QString m_owner;
};

} // namespace SyncDesk

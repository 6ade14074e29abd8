#include "mailboxfilterproxy.h"

#include "mailboxtablemodel.h"

namespace SyncDesk {

MailboxFilterProxy::MailboxFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(MailboxTableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
}

void MailboxFilterProxy::setQuickFilter(QuickFilter filter)
{
    if (m_quick != filter) {
        m_quick = filter;
        invalidateFilter();
    }
}

void MailboxFilterProxy::setText(const QString &text)
{
    const QString lowered = text.trimmed().toLower();
    if (m_text != lowered) {
        m_text = lowered;
        invalidateFilter();
    }
}

void MailboxFilterProxy::setProfile(const QString &profile)
{
    if (m_profile != profile) {
        m_profile = profile;
        invalidateFilter();
    }
}

void MailboxFilterProxy::setErrorClass(const QString &errorClass)
{
    if (m_errorClass != errorClass) {
        m_errorClass = errorClass;
        invalidateFilter();
    }
}

void MailboxFilterProxy::setOwner(const QString &owner)
{
    if (m_owner != owner) {
        m_owner = owner;
        invalidateFilter();
    }
}

void MailboxFilterProxy::setMailboxSet(const QSet<qint64> &ids)
{
    if (m_ids != ids) {
        m_ids = ids;
        invalidateFilter();
    }
}

bool MailboxFilterProxy::matchesQuickFilter(int sourceRow, QuickFilter filter) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0);
    const auto state = MailboxRunState(index.data(MailboxTableModel::RunStateRole).toInt());
    switch (filter) {
    case QuickFilter::All:
        return true;
    case QuickFilter::Failing:
        return state == MailboxRunState::Failing;
    case QuickFilter::Disabled:
        return state == MailboxRunState::Disabled;
    case QuickFilter::Overdue:
        return index.data(MailboxTableModel::OverdueRole).toBool();
    case QuickFilter::Syncing:
        return state == MailboxRunState::Syncing;
    case QuickFilter::Ok:
        return state == MailboxRunState::Ok;
    case QuickFilter::Never:
        return state == MailboxRunState::Never;
    }
    return true;
}

bool MailboxFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid() || !matchesQuickFilter(sourceRow, m_quick)) {
        return false;
    }
    auto *model = static_cast<const MailboxTableModel *>(sourceModel());
    const MailboxStatus &status = model->status(sourceRow);
    if (!m_profile.isEmpty() && status.mailbox.profileName != m_profile) {
        return false;
    }
    if (!m_errorClass.isEmpty() &&
        (!status.state.hasError() || errorClassName(status.state.lastErrorClass) != m_errorClass)) {
        return false;
    }
    if (!m_owner.isEmpty() && status.mailbox.owner() != m_owner) {
        return false;
    }
    if (!m_ids.isEmpty() &&
        !m_ids.contains(sourceModel()->index(sourceRow, 0).data(MailboxTableModel::MailboxIdRole).toLongLong())) {
        return false;
    }
    if (m_text.isEmpty()) {
        return true;
    }
    const QString haystack = sourceModel()->index(sourceRow, 0).data(MailboxTableModel::SearchTextRole).toString();
    return haystack.contains(m_text);
}

} // namespace SyncDesk

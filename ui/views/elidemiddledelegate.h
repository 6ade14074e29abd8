#pragma once

#include <QStyledItemDelegate>

namespace SyncDesk {

// Shows text that does not fit with "…" in the middle, so that both ends of a long name stay readable
// ("Contoso Exch…Frankfurt" rather than "Contoso Exchange Onl…").
class ElideMiddleDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        option->textElideMode = Qt::ElideMiddle;
    }
};

} // namespace SyncDesk

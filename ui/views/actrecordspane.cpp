#include "actrecordspane.h"

#include "models/actrecordmodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace SyncDesk {

using namespace Qt::StringLiterals;

ActRecordsPane::ActRecordsPane(ActKind kind, QWidget *parent)
    : QWidget(parent)
    , m_kind(kind)
{
    const bool appointments = kind == ActKind::Appointment;
    setAccessibleName(appointments ? tr("Appointments") : tr("Tasks"));
    m_model = new ActRecordModel(kind, this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ActRecordModel::SortRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_filter = new QLineEdit;
    m_filter->setAccessibleName(appointments ? tr("Filter appointments") : tr("Filter tasks"));
    m_filter->setPlaceholderText(tr("Filter by subject, owner, regarding…"));
    m_filter->setClearButtonEnabled(true);
    m_count = new QLabel;
    m_add = new QPushButton(appointments ? tr("&New appointment…") : tr("&New task…"));
    m_edit = new QPushButton(tr("&Edit…"));
    m_delete = new QPushButton(tr("&Delete"));
    m_add->setObjectName(u"add"_s);
    m_edit->setObjectName(u"edit"_s);
    m_delete->setObjectName(u"delete"_s);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_count);
    bar->addWidget(m_add);
    bar->addWidget(m_edit);
    if (appointments) {
        //: Tracks the appointment: its mailboxes sync their calendars at once
        m_track = new QPushButton(tr("&Track…"));
        m_track->setObjectName(u"track"_s);
        m_track->setToolTip(tr("Track the appointment, optionally setting what it is regarding; the mailboxes that "
                               "hold it sync their calendars at once"));
        bar->addWidget(m_track);
        connect(m_track, &QPushButton::clicked, this, [this] {
            if (const QList<qint64> ids = selectedIds(); ids.size() == 1) {
                Q_EMIT trackRequested(ids.constFirst());
            }
        });
    }
    bar->addWidget(m_delete);
    for (QPushButton *button : {m_add, m_edit, m_delete, m_track}) {
        if (button) {
            button->setAccessibleName(button->text().remove(u'&'));
        }
    }

    m_view = new QTableView;
    m_view->setAccessibleName(appointments ? tr("Appointments") : tr("Tasks"));
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ActRecordModel::When, Qt::AscendingOrder); // what comes next first
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    auto *empty = new QLabel(
        appointments
            //: keep the command line as it is
            ? tr("No appointments yet — New appointment… adds one, the mailboxes' calendars bring theirs, or run\n"
                 "syncdesk-node appointments add owner=ID subject=… start=… end=…")
            : tr("No tasks yet — New task… adds one, or run\nsyncdesk-node tasks add owner=ID subject=…"));
    empty->setAlignment(Qt::AlignCenter);
    empty->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stack = new QStackedWidget;
    m_stack->addWidget(empty);
    m_stack->addWidget(m_view);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_stack, 1);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text.trimmed());
        setRecords(m_model->records());
    });
    connect(m_add, &QPushButton::clicked, this, [this] { Q_EMIT addRequested(m_kind); });
    connect(m_edit, &QPushButton::clicked, this, [this] {
        if (const QList<qint64> ids = selectedIds(); ids.size() == 1) {
            Q_EMIT editRequested(m_kind, ids.constFirst());
        }
    });
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        Q_EMIT editRequested(m_kind, index.data(ActRecordModel::IdRole).toLongLong());
    });
    connect(m_delete, &QPushButton::clicked, this, [this] {
        if (const QList<qint64> ids = selectedIds(); !ids.isEmpty()) {
            Q_EMIT deleteRequested(m_kind, ids);
        }
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ActRecordsPane::updateButtons);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &ActRecordsPane::updateButtons);
    setRecords({});
}

void ActRecordsPane::setRecords(const ActRecordViewList &records)
{
    const bool first = m_model->rowCount() == 0;
    if (&records != &m_model->records()) {
        m_model->setRecords(records);
    }
    if (first && !records.isEmpty()) {
        m_view->resizeColumnsToContents();
    }
    m_stack->setCurrentIndex(m_model->rowCount() == 0 ? 0 : 1);
    //: records shown of all records, e.g. "12 of 40"
    m_count->setText(tr("%1 of %2").arg(m_proxy->rowCount()).arg(m_model->rowCount()));
    updateButtons();
}

QPushButton *ActRecordsPane::button(const QString &name) const
{
    return findChild<QPushButton *>(name);
}

QList<qint64> ActRecordsPane::selectedIds() const
{
    QList<qint64> ids;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows()) {
        ids.append(index.data(ActRecordModel::IdRole).toLongLong());
    }
    return ids;
}

int ActRecordsPane::visibleRecords() const
{
    return m_proxy->rowCount();
}

void ActRecordsPane::updateButtons()
{
    const int selected = int(m_view->selectionModel()->selectedRows().size());
    m_edit->setEnabled(selected == 1);
    m_delete->setEnabled(selected > 0);
    if (m_track) {
        m_track->setEnabled(selected == 1);
    }
}

} // namespace SyncDesk

#include "crmpane.h"

#include "actrecordspane.h"
#include "models/crmrecordmodel.h"
#include "models/trackrequestmodel.h"

#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

QTableView *readOnlyTable(const QString &name)
{
    auto *view = new QTableView;
    view->setAccessibleName(name);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setSortingEnabled(true);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    view->horizontalHeader()->setStretchLastSection(true);
    view->setWordWrap(false);
    return view;
}

} // namespace

CrmPane::CrmPane(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("CRM records, appointments, tasks and track requests"));
    m_records = new CrmRecordModel(this);
    m_requests = new TrackRequestModel(this);
    m_byType = new QSortFilterProxyModel(this);
    m_byType->setSourceModel(m_records);
    m_byType->setFilterKeyColumn(CrmRecordModel::Type);
    m_byText = new QSortFilterProxyModel(this);
    m_byText->setSourceModel(m_byType);
    m_byText->setFilterKeyColumn(-1);
    m_byText->setFilterCaseSensitivity(Qt::CaseInsensitive);

    auto *filters = new QHBoxLayout;
    m_type = new QComboBox;
    m_type->setAccessibleName(tr("Record type"));
    m_type->addItem(tr("All records"), QString());
    for (const QString &type : CrmRecord::types()) {
        m_type->addItem(CrmRecordModel::typeTitle(type), type);
    }
    m_filter = new QLineEdit;
    m_filter->setAccessibleName(tr("Filter records"));
    m_filter->setPlaceholderText(tr("Filter by name, email, id, owner…"));
    m_filter->setClearButtonEnabled(true);
    m_count = new QLabel;
    auto *refresh = new QPushButton(tr("Refresh"));
    refresh->setAccessibleName(tr("Refresh the CRM records"));
    filters->addWidget(m_type);
    filters->addWidget(m_filter, 1);
    filters->addWidget(m_count);
    filters->addWidget(refresh);

    m_recordView = readOnlyTable(tr("CRM records"));
    m_recordView->setModel(m_byText);
    m_recordView->sortByColumn(CrmRecordModel::Type, Qt::AscendingOrder);
    auto *empty = new QLabel(
        //: keep the command line (syncdesk-node ... lead) as it is
        tr("No CRM records yet — add a \"crm\" section to the configuration and import it, or run\n"
           "syncdesk-node crm import FILE.csv --type contact|account|lead"));
    empty->setAlignment(Qt::AlignCenter);
    empty->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stack = new QStackedWidget;
    m_stack->addWidget(empty);
    m_stack->addWidget(m_recordView);

    auto *requestsBox = new QGroupBox(tr("Track requests"));
    auto *requestsLayout = new QVBoxLayout(requestsBox);
    m_requestView = readOnlyTable(tr("Track requests"));
    m_requestView->setModel(m_requests);
    m_requestView->setSortingEnabled(false);
    auto *track = new QPushButton(tr("Track message…"));
    track->setAccessibleName(tr("Track a message"));
    auto *requestButtons = new QHBoxLayout;
    requestButtons->addWidget(new QLabel(tr("A request makes the mailbox sync at once and tracks the message "
                                            "whatever its tracking rules say.")),
                              1);
    requestButtons->addWidget(track);
    requestsLayout->addLayout(requestButtons);
    requestsLayout->addWidget(m_requestView);

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->setObjectName(u"crmSplitter"_s);
    auto *top = new QWidget;
    auto *topLayout = new QVBoxLayout(top);
    topLayout->addLayout(filters);
    topLayout->addWidget(m_stack, 1);
    m_appointments = new ActRecordsPane(ActKind::Appointment);
    m_tasks = new ActRecordsPane(ActKind::Task);
    m_pages = new QTabWidget;
    m_pages->setObjectName(u"crmPages"_s);
    m_pages->setAccessibleName(tr("CRM pages"));
    m_pages->setDocumentMode(true);
    m_pages->addTab(top, tr("Records"));
    m_pages->addTab(m_appointments, tr("Appointments"));
    m_pages->addTab(m_tasks, tr("Tasks"));
    splitter->addWidget(m_pages);
    splitter->addWidget(requestsBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_type, &QComboBox::currentIndexChanged, this, &CrmPane::applyFilters);
    connect(m_filter, &QLineEdit::textChanged, this, &CrmPane::applyFilters);
    connect(refresh, &QPushButton::clicked, this, &CrmPane::refreshRequested);
    connect(track, &QPushButton::clicked, this, &CrmPane::trackRequested);
    applyFilters();
}

void CrmPane::setCrm(const CrmRecordList &records, const QList<TrackRequest> &requests)
{
    const bool first = m_records->rowCount() == 0;
    m_records->setRecords(records);
    if (first && !records.isEmpty()) {
        m_recordView->resizeColumnsToContents();
    }
    m_requests->setRequests(requests);
    m_requestView->resizeColumnsToContents();
    m_stack->setCurrentIndex(records.isEmpty() ? 0 : 1);
    applyFilters();
}

void CrmPane::setActRecords(const ActRecordViewList &appointments, const ActRecordViewList &tasks)
{
    m_appointments->setRecords(appointments);
    m_tasks->setRecords(tasks);
    //: a tab of the CRM tab, with the number of appointments
    m_pages->setTabText(1, tr("Appointments (%1)").arg(appointments.size()));
    m_pages->setTabText(2, tr("Tasks (%1)").arg(tasks.size()));
}

bool CrmPane::showPage(const QString &name)
{
    static const QStringList pages{u"records"_s, u"appointments"_s, u"tasks"_s};
    const int index = int(pages.indexOf(name));
    if (index < 0) {
        return false;
    }
    m_pages->setCurrentIndex(index);
    return true;
}

int CrmPane::visibleRecords() const
{
    return m_byText->rowCount();
}

void CrmPane::applyFilters()
{
    const QString type = m_type->currentData().toString();
    m_byType->setFilterRegularExpression(
        type.isEmpty()
            ? QRegularExpression()
            : QRegularExpression(u"^"_s + QRegularExpression::escape(CrmRecordModel::typeTitle(type)) + u"$"_s));
    m_byText->setFilterFixedString(m_filter->text().trimmed());
    //: records shown of all records, e.g. "12 of 40"
    m_count->setText(tr("%1 of %2").arg(m_byText->rowCount()).arg(m_records->rowCount()));
}

} // namespace SyncDesk

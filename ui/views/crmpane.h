#pragma once

#include "model/crmrecord.h"
#include "model/trackrequest.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace SyncDesk {

class CrmRecordModel;
class TrackRequestModel;

// The CRM as SyncDesk sees it, read-only: the records mail is matched against (filter by type and
// text) and the track requests with their state. Records come from the configuration's "crm" section
// or from `syncdesk-node crm import`; the console does not edit them.
class CrmPane final : public QWidget
{
    Q_OBJECT
public:
    explicit CrmPane(QWidget *parent = nullptr);

    void setCrm(const CrmRecordList &records, const QList<TrackRequest> &requests);
    CrmRecordModel *recordModel() const { return m_records; }
    TrackRequestModel *requestModel() const { return m_requests; }
    QTableView *recordView() const { return m_recordView; }
    QComboBox *typeCombo() const { return m_type; }
    QLineEdit *filterEdit() const { return m_filter; }
    int visibleRecords() const;

Q_SIGNALS:
    void refreshRequested();
    void trackRequested();

private:
    void applyFilters();

    CrmRecordModel *m_records = nullptr;
    TrackRequestModel *m_requests = nullptr;
    QSortFilterProxyModel *m_byType = nullptr;
    QSortFilterProxyModel *m_byText = nullptr;
    QComboBox *m_type = nullptr;
    QLineEdit *m_filter = nullptr;
    QLabel *m_count = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTableView *m_recordView = nullptr;
    QTableView *m_requestView = nullptr;
};

} // namespace SyncDesk

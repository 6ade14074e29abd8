#pragma once

#include "act/actrecordservice.h"
#include "model/crmrecord.h"
#include "model/trackrequest.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QStackedWidget;
class QTabWidget;
class QTableView;

namespace SyncDesk {

class ActRecordsPane;
class CrmRecordModel;
class TrackRequestModel;

// The CRM as SyncDesk sees it: the records mail is matched against (filter by type and text; they come from the
// configuration's "crm" section or `syncdesk-node crm import`, read-only here), the appointments and tasks that sync
// with the mailboxes' calendars (added, edited, deleted and tracked here), and the track requests with their state.
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
    void setActRecords(const ActRecordViewList &appointments, const ActRecordViewList &tasks);
    ActRecordsPane *appointmentsPane() const { return m_appointments; }
    ActRecordsPane *tasksPane() const { return m_tasks; }
    // Shows the records, appointments or tasks page: "records", "appointments" or "tasks"; false for another name.
    bool showPage(const QString &name);

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
    QTabWidget *m_pages = nullptr;
    ActRecordsPane *m_appointments = nullptr;
    ActRecordsPane *m_tasks = nullptr;
};

} // namespace SyncDesk

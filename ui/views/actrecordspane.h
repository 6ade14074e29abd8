#pragma once

#include "act/actrecordservice.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace SyncDesk {

class ActRecordModel;

// The CRM's appointments or tasks in the CRM tab: a filterable table and what an operator does with them (add, edit,
// delete, and for appointments track one, which syncs its mailboxes' calendars at once).
class ActRecordsPane final : public QWidget
{
    Q_OBJECT
public:
    explicit ActRecordsPane(ActKind kind, QWidget *parent = nullptr);

    ActKind kind() const { return m_kind; }
    void setRecords(const ActRecordViewList &records);
    ActRecordModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }
    QPushButton *button(const QString &name) const; // "add", "edit", "delete", "track"
    QList<qint64> selectedIds() const;
    int visibleRecords() const;

Q_SIGNALS:
    void addRequested(SyncDesk::ActKind kind);
    void editRequested(SyncDesk::ActKind kind, qint64 id);
    void deleteRequested(SyncDesk::ActKind kind, const QList<qint64> &ids);
    void trackRequested(qint64 id); // appointments

private:
    void updateButtons();

    ActKind m_kind;
    ActRecordModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QLineEdit *m_filter = nullptr;
    QLabel *m_count = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTableView *m_view = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_delete = nullptr;
    QPushButton *m_track = nullptr;
};

} // namespace SyncDesk

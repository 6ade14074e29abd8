#include "actrecordmodel.h"

#include "act/actfields.h"
#include "model/untrustedtext.h"

#include <QLocale>
#include <QTimeZone>

namespace SyncDesk {

using namespace Qt::StringLiterals;

ActRecordModel::ActRecordModel(ActKind kind, QObject *parent)
    : QAbstractTableModel(parent)
    , m_kind(kind)
{}

int ActRecordModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int ActRecordModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ActRecordModel::taskStatusTitle(const QString &status)
{
    if (status == u"not-started"_s) {
        return tr("Not started");
    }
    if (status == u"in-progress"_s) {
        return tr("In progress");
    }
    if (status == u"completed"_s) {
        return tr("Completed");
    }
    if (status == u"cancelled"_s) {
        return tr("Cancelled");
    }
    return status;
}

namespace {

// A record's time as its owner sees it: in the record's zone (all-day: the date alone), shown in the local format.
QString timeText(const ActRecordView &record, const QString &field, bool exclusiveEnd = false)
{
    QDateTime time = ActFields::timeFromText(record.fields.value(field).toString());
    if (!time.isValid()) {
        return {};
    }
    if (record.fields.value(u"all_day"_s).toBool()) {
        QDate date = time.date();
        if (exclusiveEnd) {
            date = date.addDays(-1); // RFC 5545's end of an all-day event is the day after
        }
        return QLocale().toString(date, QLocale::ShortFormat);
    }
    const QString zone = record.fields.value(u"time_zone"_s).toString();
    if (!zone.isEmpty()) {
        time = time.toTimeZone(QTimeZone(zone.toUtf8()));
    } else {
        time = time.toLocalTime();
    }
    return QLocale().toString(time, QLocale::ShortFormat);
}

} // namespace

QString ActRecordModel::text(const ActRecordView &record, int column) const
{
    const bool appointment = m_kind == ActKind::Appointment;
    switch (column) {
    case Subject:
        return UntrustedText::withoutControls(record.subject()).simplified();
    case When:
        return timeText(record, appointment ? u"start"_s : u"due"_s);
    case Until:
        if (appointment) {
            return timeText(record, u"end"_s, true);
        }
        return QString(taskStatusTitle(record.fields.value(u"status"_s).toString()) + u" ("_s +
                       QString::number(record.fields.value(u"percent_complete"_s).toInt()) + u"%)"_s);
    case Detail:
        if (appointment) {
            return UntrustedText::withoutControls(record.fields.value(u"location"_s).toString()).simplified();
        }
        return record.fields.value(u"priority"_s).toInt() == 0
                   ? QString()
                   : QString::number(record.fields.value(u"priority"_s).toInt());
    case Owner:
        return record.ownerKey;
    case Regarding:
        return record.fields.value(u"regarding"_s).toString();
    case Modified:
        return QLocale().toString(record.modifiedAt.toLocalTime(), QLocale::ShortFormat);
    default:
        return {};
    }
}

QVariant ActRecordModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_records.size()) {
        return {};
    }
    const ActRecordView &record = m_records.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return text(record, index.column());
    case Qt::ToolTipRole:
        if (index.column() == Subject) {
            //: %1: the record's iCalendar UID
            return tr("UID %1").arg(UntrustedText::withoutControls(record.uid).toHtmlEscaped());
        }
        return {};
    case IdRole:
        return record.id;
    case UidRole:
        return record.uid;
    case SortRole:
        switch (index.column()) {
        case When:
            return ActFields::timeFromText(
                record.fields.value(m_kind == ActKind::Appointment ? u"start"_s : u"due"_s).toString());
        case Until:
            return m_kind == ActKind::Appointment
                       ? QVariant(ActFields::timeFromText(record.fields.value(u"end"_s).toString()))
                       : QVariant(text(record, Until));
        case Detail:
            return m_kind == ActKind::Appointment ? QVariant(text(record, Detail))
                                                  : QVariant(record.fields.value(u"priority"_s).toInt());
        case Modified:
            return record.modifiedAt;
        default:
            return text(record, index.column()).toLower();
        }
    default:
        return {};
    }
}

QVariant ActRecordModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    const bool appointment = m_kind == ActKind::Appointment;
    switch (section) {
    case Subject:
        return tr("Subject");
    case When:
        return appointment ? tr("Start") : tr("Due");
    case Until:
        return appointment ? tr("End") : tr("Status");
    case Detail:
        return appointment ? tr("Location") : tr("Priority");
    case Owner:
        return tr("Owner");
    case Regarding:
        return tr("Regarding");
    case Modified:
        return tr("Modified");
    default:
        return {};
    }
}

void ActRecordModel::setRecords(const ActRecordViewList &records)
{
    // The same ids in the same order: only the rows' content may have changed.
    bool sameRows = records.size() == m_records.size();
    for (qsizetype i = 0; sameRows && i < records.size(); ++i) {
        sameRows = records.at(i).id == m_records.at(i).id;
    }
    if (sameRows) {
        for (qsizetype i = 0; i < records.size(); ++i) {
            if (records.at(i).modifiedAt != m_records.at(i).modifiedAt ||
                records.at(i).fields != m_records.at(i).fields || records.at(i).ownerKey != m_records.at(i).ownerKey) {
                m_records[i] = records.at(i);
                Q_EMIT dataChanged(index(int(i), 0), index(int(i), ColumnCount - 1));
            }
        }
        return;
    }
    beginResetModel();
    m_records = records;
    endResetModel();
}

std::optional<ActRecordView> ActRecordModel::recordById(qint64 id) const
{
    for (const ActRecordView &record : m_records) {
        if (record.id == id) {
            return record;
        }
    }
    return std::nullopt;
}

} // namespace SyncDesk

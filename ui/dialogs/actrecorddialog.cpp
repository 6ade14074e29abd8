#include "actrecorddialog.h"

#include "act/actedits.h"
#include "act/actfields.h"
#include "models/actrecordmodel.h"
#include "regardingcombo.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTimeZone>
#include <QVBoxLayout>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

const QStringList kStatuses{u"not-started"_s, u"in-progress"_s, u"completed"_s, u"cancelled"_s};

// A stored time (UTC) as the form shows it: the wall-clock time in the record's zone, or the date of an all-day one.
QDateTime shown(const QString &stored, const QString &zone)
{
    const QDateTime time = ActFields::timeFromText(stored);
    if (!time.isValid()) {
        return {};
    }
    const QDateTime there = zone.isEmpty() ? time : time.toTimeZone(QTimeZone(zone.toUtf8()));
    // Wall-clock digits held as UTC (the edits work in UTC): no daylight-saving gap of this computer's zone can move
    // them.
    return QDateTime(there.date(), there.time(), Qt::UTC);
}

QString attendeesText(const QJsonArray &attendees)
{
    QStringList list;
    for (const QJsonValue &value : attendees) {
        const QJsonObject attendee = value.toObject();
        const QString email = attendee.value(u"email"_s).toString();
        const QString name = attendee.value(u"name"_s).toString();
        list.append(name.isEmpty() ? email : u"%1 <%2>"_s.arg(name, email));
    }
    return list.join(u", "_s);
}

QDateTimeEdit *timeEdit(const QString &accessibleName)
{
    auto *edit = new QDateTimeEdit;
    edit->setAccessibleName(accessibleName);
    edit->setCalendarPopup(true);
    edit->setTimeSpec(Qt::UTC); // it holds the record zone's wall-clock time, see shown()
    return edit;
}

} // namespace

ActRecordDialog::ActRecordDialog(ActKind kind, const std::optional<ActRecordView> &record, const CrmRecordList &users,
                                 const CrmRecordList &records, QWidget *parent)
    : QDialog(parent)
    , m_kind(kind)
    , m_id(record ? record->id : 0)
{
    const bool appointment = kind == ActKind::Appointment;
    setWindowTitle(appointment ? (record ? tr("Edit appointment") : tr("New appointment"))
                               : (record ? tr("Edit task") : tr("New task")));
    setWindowModality(Qt::WindowModal);
    setAttribute(Qt::WA_DeleteOnClose);

    m_subject = new QLineEdit;
    m_subject->setAccessibleName(tr("Subject"));
    m_allDay = new QCheckBox(tr("All da&y"));
    m_start = timeEdit(tr("Start"));
    m_end = timeEdit(appointment ? tr("End") : tr("Due"));
    m_timeZone = new QComboBox;
    m_timeZone->setAccessibleName(tr("Time zone"));
    m_timeZone->setEditable(true);
    m_timeZone->setInsertPolicy(QComboBox::NoInsert);
    //: no time zone: times are UTC
    m_timeZone->addItem(tr("UTC"), QString());
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds()) {
        m_timeZone->addItem(QString::fromUtf8(id), QString::fromUtf8(id));
    }
    m_timeZone->completer()->setFilterMode(Qt::MatchContains);
    m_timeZone->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_owner = new QComboBox;
    m_owner->setAccessibleName(tr("Owner"));
    for (const CrmRecord &user : users) {
        m_owner->addItem(u"%1 — %2"_s.arg(user.key, user.name), user.key);
    }
    m_regarding = new RegardingCombo(records);
    m_description = new QPlainTextEdit;
    m_description->setAccessibleName(tr("Description"));
    m_description->setTabChangesFocus(true);
    m_description->setMinimumHeight(m_description->fontMetrics().height() * 4);

    auto *form = new QFormLayout;
    form->addRow(tr("Su&bject:"), m_subject);
    auto *times = new QHBoxLayout;
    if (appointment) {
        times->addWidget(m_start, 1);
        times->addWidget(new QLabel(u"–"_s));
        times->addWidget(m_end, 1);
        times->addWidget(m_allDay);
        // A label over a layout has no buddy by itself: without one its mnemonic would show as a plain "&".
        auto *when = new QLabel(tr("&When:"));
        when->setBuddy(m_start);
        form->addRow(when, times);
        m_location = new QLineEdit;
        m_location->setAccessibleName(tr("Location"));
        m_attendees = new QLineEdit;
        m_attendees->setAccessibleName(tr("Attendees"));
        m_attendees->setPlaceholderText(u"bob@contoso.com, Carol <carol@fabrikam.com>"_s);
        m_recurrence = new QLineEdit;
        m_recurrence->setAccessibleName(tr("Recurrence"));
        //: an example of an iCalendar rule; keep it as it is
        m_recurrence->setPlaceholderText(tr("none, or a rule such as FREQ=WEEKLY;BYDAY=MO;COUNT=10"));
        form->addRow(tr("Time &zone:"), m_timeZone);
        form->addRow(tr("&Location:"), m_location);
        form->addRow(tr("&Attendees:"), m_attendees);
        form->addRow(tr("Re&currence:"), m_recurrence);
    } else {
        m_hasStart = new QCheckBox(tr("S&tart:"));
        m_hasDue = new QCheckBox(tr("D&ue:"));
        auto *start = new QHBoxLayout;
        start->addWidget(m_start, 1);
        start->addWidget(m_allDay);
        form->addRow(m_hasStart, start);
        form->addRow(m_hasDue, m_end);
        form->addRow(tr("Time &zone:"), m_timeZone);
        m_status = new QComboBox;
        m_status->setAccessibleName(tr("Status"));
        for (const QString &status : kStatuses) {
            m_status->addItem(ActRecordModel::taskStatusTitle(status), status);
        }
        m_percent = new QSpinBox;
        m_percent->setAccessibleName(tr("Percent complete"));
        m_percent->setRange(0, 100);
        m_percent->setSuffix(u" %"_s);
        m_priority = new QSpinBox;
        m_priority->setAccessibleName(tr("Priority"));
        m_priority->setRange(0, 9);
        //: priority 0: none given (iCalendar: 1 is the highest, 9 the lowest)
        m_priority->setSpecialValueText(tr("none"));
        auto *progress = new QHBoxLayout;
        progress->addWidget(m_status, 1);
        progress->addWidget(m_percent);
        form->addRow(tr("St&atus:"), progress);
        form->addRow(tr("&Priority (1 highest):"), m_priority);
        connect(m_status, &QComboBox::currentIndexChanged, this, [this] {
            if (m_status->currentData().toString() == u"completed"_s) {
                m_percent->setValue(100);
            }
        });
    }
    form->addRow(tr("&Owner:"), m_owner);
    form->addRow(tr("&Regarding:"), m_regarding);
    form->addRow(tr("&Description:"), m_description);

    // The form shows the record (or a new one: the next full hour, one hour long, in this computer's zone).
    const QJsonObject fields =
        record ? record->fields
               : (appointment ? ActFields::fromAppointment(Appointment()) : ActFields::fromTask(CrmTask()));
    QString zone = fields.value(u"time_zone"_s).toString();
    if (!record) {
        zone = QString::fromUtf8(QTimeZone::systemTimeZoneId());
    }
    if (QTimeZone(zone.toUtf8()) == QTimeZone(QByteArrayLiteral("UTC")) || zone == u"Etc/UTC"_s) {
        zone.clear(); // the UTC entry
    }
    if (int index = m_timeZone->findData(zone); index >= 0) {
        m_timeZone->setCurrentIndex(index);
    } else if (QTimeZone(zone.toUtf8()).isValid()) {
        // A zone Qt knows but does not list (this computer's own, an alias): offered as it is.
        m_timeZone->addItem(zone, zone);
        m_timeZone->setCurrentIndex(m_timeZone->count() - 1);
    } else {
        m_timeZone->setCurrentIndex(0);
    }
    m_subject->setText(fields.value(u"subject"_s).toString());
    m_allDay->setChecked(fields.value(u"all_day"_s).toBool());
    const bool allDay = m_allDay->isChecked();
    const QString startField = u"start"_s;
    const QString endField = appointment ? u"end"_s : u"due"_s;
    QDateTime nextHour = QDateTime::currentDateTime();
    nextHour = QDateTime(nextHour.date(), QTime(nextHour.time().hour(), 0), Qt::UTC).addSecs(3600);
    QDateTime start = shown(fields.value(startField).toString(), allDay ? QString() : zone);
    QDateTime end = shown(fields.value(endField).toString(), allDay ? QString() : zone);
    if (allDay && appointment && end.isValid()) {
        end = end.addDays(-1); // the form shows the last day; RFC 5545 keeps the day after
    }
    m_start->setDateTime(start.isValid() ? start : nextHour);
    m_end->setDateTime(end.isValid() ? end : nextHour.addSecs(3600));
    if (!appointment) {
        m_hasStart->setChecked(start.isValid());
        m_hasDue->setChecked(end.isValid() || !record);
        m_status->setCurrentIndex(std::max(0, int(kStatuses.indexOf(fields.value(u"status"_s).toString()))));
        m_percent->setValue(fields.value(u"percent_complete"_s).toInt());
        m_priority->setValue(fields.value(u"priority"_s).toInt());
        connect(m_hasStart, &QCheckBox::toggled, m_start, &QWidget::setEnabled);
        connect(m_hasDue, &QCheckBox::toggled, m_end, &QWidget::setEnabled);
        m_start->setEnabled(m_hasStart->isChecked());
        m_end->setEnabled(m_hasDue->isChecked());
    } else {
        m_location->setText(fields.value(u"location"_s).toString());
        m_attendees->setText(attendeesText(fields.value(u"attendees"_s).toArray()));
        m_recurrence->setText(fields.value(u"recurrence"_s).toString());
    }
    if (record) {
        if (const int index = m_owner->findData(record->ownerKey); index >= 0) {
            m_owner->setCurrentIndex(index);
        } else {
            m_owner->insertItem(0, record->ownerKey, record->ownerKey);
            m_owner->setCurrentIndex(0);
        }
    }
    const QString regarding = fields.value(u"regarding"_s).toString();
    if (const int index = m_regarding->findData(regarding); index >= 0) {
        m_regarding->setCurrentIndex(index);
    } else {
        m_regarding->setEditText(regarding);
    }
    m_description->setPlainText(fields.value(u"description"_s).toString());
    updateTimeFormat();
    if (record) {
        m_initial = values();
    }

    m_problem = new QLabel;
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setAccessibleName(tr("Problem"));
    auto *help =
        new QLabel(tr("The mailboxes that hold it, and those of its owner, sync their calendars at once after Save."));
    help->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(help);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ActRecordDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ActRecordDialog::reject);
    connect(m_allDay, &QCheckBox::toggled, this, &ActRecordDialog::updateTimeFormat);
    connect(m_subject, &QLineEdit::textChanged, this, &ActRecordDialog::validate);
    connect(m_start, &QDateTimeEdit::dateTimeChanged, this, &ActRecordDialog::validate);
    connect(m_end, &QDateTimeEdit::dateTimeChanged, this, &ActRecordDialog::validate);
    connect(m_regarding, &QComboBox::currentTextChanged, this, &ActRecordDialog::validate);
    connect(m_timeZone, &QComboBox::currentTextChanged, this, &ActRecordDialog::validate);
    validate();
    resize(620, sizeHint().height());
}

void ActRecordDialog::updateTimeFormat()
{
    const bool allDay = m_allDay->isChecked();
    for (QDateTimeEdit *edit : {m_start, m_end}) {
        edit->setDisplayFormat(allDay ? QLocale().dateFormat(QLocale::ShortFormat)
                                      : QLocale().dateTimeFormat(QLocale::ShortFormat));
    }
    m_timeZone->setEnabled(!allDay);
    validate();
}

QHash<QString, QString> ActRecordDialog::values() const
{
    const bool appointment = m_kind == ActKind::Appointment;
    const bool allDay = m_allDay->isChecked();
    QHash<QString, QString> v;
    v.insert(u"subject"_s, m_subject->text().trimmed());
    v.insert(u"all_day"_s, allDay ? u"true"_s : u"false"_s);
    // Times as typed, in the zone chosen (ActEdits applies the zone first); all-day: dates, the end exclusive.
    const int zoneIndex = m_timeZone->findText(m_timeZone->currentText());
    v.insert(u"time_zone"_s, allDay || zoneIndex < 0 ? QString() : m_timeZone->itemData(zoneIndex).toString());
    auto time = [allDay](const QDateTime &t, int addDays = 0) {
        return allDay ? t.date().addDays(addDays).toString(Qt::ISODate) : t.toString(u"yyyy-MM-ddTHH:mm"_s);
    };
    if (appointment) {
        v.insert(u"start"_s, time(m_start->dateTime()));
        v.insert(u"end"_s, time(m_end->dateTime(), allDay ? 1 : 0));
        v.insert(u"location"_s, m_location->text().trimmed());
        v.insert(u"attendees"_s, m_attendees->text().trimmed());
        v.insert(u"recurrence"_s, m_recurrence->text().trimmed());
    } else {
        v.insert(u"start"_s, m_hasStart->isChecked() ? time(m_start->dateTime()) : QString());
        v.insert(u"due"_s, m_hasDue->isChecked() ? time(m_end->dateTime()) : QString());
        v.insert(u"status"_s, m_status->currentData().toString());
        v.insert(u"percent_complete"_s, QString::number(m_percent->value()));
        v.insert(u"priority"_s, QString::number(m_priority->value()));
    }
    v.insert(u"owner"_s, m_owner->currentData().toString());
    v.insert(u"regarding"_s, m_regarding->reference());
    v.insert(u"description"_s, m_description->toPlainText());
    return v;
}

QStringList ActRecordDialog::assignments() const
{
    const QHash<QString, QString> now = values();
    const bool timesChanged = m_initial.isEmpty() || now.value(u"time_zone"_s) != m_initial.value(u"time_zone"_s) ||
                              now.value(u"all_day"_s) != m_initial.value(u"all_day"_s);
    QStringList list;
    for (const QString &field : ActEdits::editableFields(m_kind)) {
        const bool isTime = field == u"start"_s || field == u"end"_s || field == u"due"_s;
        if (!now.contains(field) ||
            (!m_initial.isEmpty() && now.value(field) == m_initial.value(field) && !(isTime && timesChanged))) {
            continue;
        }
        // A new record leaves empty optional fields out (the defaults are empty); owner is needed.
        if (m_initial.isEmpty() && now.value(field).isEmpty() && field != u"owner"_s) {
            continue;
        }
        list.append(field + u'=' + now.value(field));
    }
    return list;
}

QString ActRecordDialog::problem() const
{
    if (m_subject->text().trimmed().isEmpty()) {
        return tr("Enter a subject.");
    }
    if (m_owner->count() == 0) {
        return tr("The CRM has no system users to own it; import them first (syncdesk-node crm import).");
    }
    if (m_kind == ActKind::Appointment) {
        const bool allDay = m_allDay->isChecked();
        if (allDay ? m_end->date() < m_start->date() : m_end->dateTime() <= m_start->dateTime()) {
            return tr("The end must be after the start.");
        }
    }
    if (!m_allDay->isChecked() && m_timeZone->findText(m_timeZone->currentText()) < 0) {
        //: keep the example zone as it is
        return tr("Choose a time zone from the list, such as Europe/Berlin.");
    }
    return m_regarding->problem();
}

void ActRecordDialog::validate()
{
    if (!m_buttons) {
        return;
    }
    const QString text = problem();
    m_problem->setText(text);
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(text.isEmpty() && !m_waiting);
}

void ActRecordDialog::accept()
{
    if (!problem().isEmpty() || m_waiting) {
        validate();
        return;
    }
    const QStringList changes = assignments();
    if (changes.isEmpty()) {
        QDialog::accept(); // nothing changed
        return;
    }
    m_waiting = true;
    m_problem->setText(tr("Saving…"));
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(false);
    Q_EMIT saveRequested(m_kind, m_id, changes);
}

void ActRecordDialog::reject()
{
    if (!m_waiting) {
        QDialog::reject();
    }
}

void ActRecordDialog::finished(const QString &error)
{
    m_waiting = false;
    if (error.isEmpty()) {
        QDialog::accept();
        return;
    }
    validate();
    m_problem->setText(tr("Not saved: %1").arg(error));
}

} // namespace SyncDesk

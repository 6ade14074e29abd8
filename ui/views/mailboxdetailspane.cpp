#include "mailboxdetailspane.h"

#include "acttext.h"
#include "detailsformat.h"
#include "diagnostics/errorclass.h"
#include "diagnostics/hintcatalog.h"
#include "model/untrustedtext.h"
#include "models/mailboxtablemodel.h"
#include "models/trackrequestmodel.h"
#include "themecolors.h"

#include <QChart>
#include <QChartView>
#include <QCoreApplication>
#include <QDateTimeAxis>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QScatterSeries>
#include <QScrollArea>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QWheelEvent>

#include <cmath>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

QLabel *wrappingLabel(const QString &accessibleName)
{
    auto *label = new QLabel;
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setTextFormat(Qt::RichText);
    label->setAccessibleName(accessibleName);
    return label;
}

QString endpointText(const Endpoint &endpoint)
{
    return u"%1 %2:%3, %4"_s.arg(protocolName(endpoint.protocol).toUpper(), endpoint.host)
        .arg(endpoint.port)
        .arg(securityName(endpoint.security));
}

QString outgoingStateText(const OutgoingDirection &direction)
{
    switch (direction.state) {
    case OutgoingDirection::State::Off:
        return QCoreApplication::translate("SyncDesk::MailboxDetailsPane", "off");
    case OutgoingDirection::State::NotConfigured:
        return QCoreApplication::translate("SyncDesk::MailboxDetailsPane", "not configured");
    case OutgoingDirection::State::Idle:
        //: the outgoing direction: nothing sent yet, nothing waiting
        return QCoreApplication::translate("SyncDesk::MailboxDetailsPane", "idle");
    case OutgoingDirection::State::Ok:
        return QCoreApplication::translate("SyncDesk::MailboxDetailsPane", "OK");
    case OutgoingDirection::State::Pending:
        //: the outgoing direction: email waits to be sent
        return QCoreApplication::translate("SyncDesk::MailboxDetailsPane", "sending");
    case OutgoingDirection::State::Failing:
        return QCoreApplication::translate("SyncDesk::MailboxDetailsPane", "failing");
    case OutgoingDirection::State::Stuck:
        //: the outgoing direction: email has waited too long
        return QCoreApplication::translate("SyncDesk::MailboxDetailsPane", "stuck");
    }
    return {};
}

} // namespace

QString MailboxDetailsPane::outgoingText(const MailboxDetails &details, const QDateTime &now) const
{
    const OutgoingDirection &direction = details.outgoing;
    const OutboxStore::Summary &summary = direction.summary;
    QString text = u"<table>"_s;
    if (details.profile.outgoing) {
        text += row(tr("Server"), endpointText(*details.profile.outgoing).toHtmlEscaped());
    }
    QString state = outgoingStateText(direction).toHtmlEscaped();
    if (!direction.reason.isEmpty()) {
        state += u" — "_s + direction.reason.toHtmlEscaped();
    }
    if (direction.state == OutgoingDirection::State::Failing || direction.state == OutgoingDirection::State::Stuck) {
        state = u"<span style=\"color:%1\"><b>%2</b></span>"_s.arg(ThemeColors::error(palette()).name(), state);
    }
    text += row(tr("State"), state);
    if (!details.status.mailbox.outgoing) {
        text += u"</table><p>"_s +
                tr("Sending through this mailbox is off; Edit mailbox turns it on.").toHtmlEscaped() + u"</p>"_s;
        return text;
    }
    if (!details.profile.outgoing) {
        return text + u"</table><p>"_s +
               tr("No outgoing (SMTP) server is configured for %1.").arg(details.profile.name).toHtmlEscaped() +
               u"</p>"_s;
    }
    text += row(tr("Last sent"), when(summary.lastSent, now));
    text += row(
        tr("Waiting"),
        summary.pending > 0
            ? tr("%n email(s), the oldest %1", nullptr, summary.pending).arg(formatRelative(summary.oldestPending, now))
            : tr("none"));
    if (summary.failed > 0) {
        text += row(tr("Failed"), tr("%n email(s); Retry in the Outbox sends them again", nullptr, summary.failed));
    }
    if (summary.drafts > 0) {
        text += row(tr("Drafts"), QString::number(summary.drafts));
    }
    text += row(tr("Failures in a row"), QString::number(summary.failuresInRow));
    if (!summary.lastErrorClass.isEmpty()) {
        const Hint hint = HintCatalog::instance().hint(summary.lastErrorHint);
        text += row(tr("Last error"), QString(errorClassTitle(errorClassFromName(summary.lastErrorClass)) + u": "_s +
                                              summary.lastErrorMessage)
                                              .toHtmlEscaped() +
                                          u"<br><small>"_s + hint.title.toHtmlEscaped() + u"</small>"_s);
    }
    QStringList latest;
    for (const OutgoingEmail &email : details.outbox.mid(0, 5)) {
        latest.append(QString(outgoingStatusTitle(email.status) + u" — "_s +
                              UntrustedText::withoutControls(email.activity.subject).simplified().left(80))
                          .toHtmlEscaped());
    }
    if (!latest.isEmpty()) {
        //: the mailbox's latest outgoing emails, with their status
        text += row(tr("Latest emails"), latest.join(u"<br>"_s));
    }
    return text + u"</table>"_s;
}

MailboxDetailsPane::MailboxDetailsPane(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Mailbox details"));
    m_stack = new QStackedWidget;
    m_message = new QLabel;
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_stack->addWidget(m_message);

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    m_title = new QLabel;
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_subtitle = new QLabel;
    m_subtitle->setObjectName(u"subtitle"_s);
    m_subtitle->setTextFormat(Qt::PlainText);
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);

    auto *buttons = new QHBoxLayout;
    auto *resync = new QPushButton(tr("Resync now"));
    m_resync = resync;

    auto *edit = new QPushButton(tr("Edit…"));
    m_enable = new QPushButton(tr("Disable"));
    auto *log = new QPushButton(tr("Show log"));
    for (QPushButton *button : {resync, edit, m_enable, log}) {
        button->setAccessibleName(button->text());
        buttons->addWidget(button);
    }
    buttons->addStretch();
    layout->addLayout(buttons);
    connect(resync, &QPushButton::clicked, this, [this] { Q_EMIT resyncRequested(m_mailboxId); });

    connect(edit, &QPushButton::clicked, this, [this] { Q_EMIT editRequested(m_mailboxId); });
    connect(m_enable, &QPushButton::clicked, this, [this] { Q_EMIT enableRequested(m_mailboxId, !m_enabled); });
    connect(log, &QPushButton::clicked, this, [this] { Q_EMIT showLogRequested(m_address); });

    // What went wrong and what to do come first: that is what a failing mailbox is opened for.
    m_errorBox = new QGroupBox(tr("Last error"));
    m_error = wrappingLabel(tr("Last error"));
    (new QVBoxLayout(m_errorBox))->addWidget(m_error);
    layout->addWidget(m_errorBox);
    m_hintBox = new QGroupBox(tr("What to do"));
    m_hint = wrappingLabel(tr("Troubleshooting hint"));
    (new QVBoxLayout(m_hintBox))->addWidget(m_hint);
    layout->addWidget(m_hintBox);

    auto *directions = new QHBoxLayout;
    auto *incomingBox = new QGroupBox(tr("Incoming"));
    m_incoming = wrappingLabel(tr("Incoming state"));
    m_incoming->setObjectName(u"incomingState"_s);
    auto *incomingLayout = new QVBoxLayout(incomingBox);
    incomingLayout->addWidget(m_incoming);
    //: Audits the mailbox now and fetches the messages the audit finds missing
    m_repair = new QPushButton(tr("Audit && repair"));
    m_repair->setObjectName(u"auditAndRepair"_s);
    m_repair->setAccessibleName(tr("Audit and repair"));
    incomingLayout->addWidget(m_repair, 0, Qt::AlignLeft);
    connect(m_repair, &QPushButton::clicked, this, [this] { Q_EMIT repairRequested(m_mailboxId); });
    auto *outgoingBox = new QGroupBox(tr("Outgoing"));
    m_outgoing = wrappingLabel(tr("Outgoing state"));
    m_outgoing->setObjectName(u"outgoingState"_s);
    (new QVBoxLayout(outgoingBox))->addWidget(m_outgoing);
    directions->addWidget(incomingBox, 3);
    directions->addWidget(outgoingBox, 2);
    layout->addLayout(directions);
    //: the ACT direction: appointments, contacts and tasks with the mailbox's calendar and address book
    auto *actBox = new QGroupBox(tr("Calendar, contacts and tasks"));
    m_act = wrappingLabel(tr("Calendar, contacts and tasks state"));
    m_act->setObjectName(u"actState"_s);
    (new QVBoxLayout(actBox))->addWidget(m_act);
    layout->addWidget(actBox);

    m_chart = new QChart;
    // Follow the palette: a dark chart on a dark desktop.
    m_chart->setTheme(ThemeColors::isDark(palette()) ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    m_chart->setBackgroundRoundness(0);
    m_chart->setTitle(tr("Interval and new items per run, last 24 hours"));
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chartView = new QChartView(m_chart);
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(220);
    m_chartView->setAccessibleName(tr("Interval and items chart"));
    layout->addWidget(m_chartView);

    auto *runsBox = new QGroupBox(tr("Recent runs"));
    m_runs = new QTableWidget(0, 6);
    m_runs->setAccessibleName(tr("Recent runs"));
    m_runs->setHorizontalHeaderLabels(
        {tr("Started"), tr("Duration"), tr("Trigger"), tr("New items"), tr("Engine"), tr("Result")});
    m_runs->verticalHeader()->hide();
    m_runs->horizontalHeader()->setStretchLastSection(true);
    m_runs->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_runs->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_runs->setMinimumHeight(160);
    (new QVBoxLayout(runsBox))->addWidget(m_runs);
    layout->addWidget(runsBox);

    auto *trackingBox = new QGroupBox(tr("Tracking"));
    auto *trackingLayout = new QVBoxLayout(trackingBox);
    m_tracking = wrappingLabel(tr("Tracking"));
    trackingLayout->addWidget(m_tracking);
    auto *track = new QPushButton(tr("Track message…"));
    track->setAccessibleName(tr("Track a message of this mailbox"));
    auto *trackRow = new QHBoxLayout;
    trackRow->addWidget(track);
    trackRow->addStretch();
    trackingLayout->addLayout(trackRow);
    connect(track, &QPushButton::clicked, this, [this] { Q_EMIT trackRequested(m_mailboxId); });
    layout->addWidget(trackingBox);

    auto *activitiesBox = new QGroupBox(tr("Latest activities"));
    m_activities = new QTableWidget(0, 6);
    m_activities->setAccessibleName(tr("Latest activities"));
    m_activities->setHorizontalHeaderLabels(
        {tr("Date"), tr("From"), tr("Subject"), tr("Regarding"), tr("Correlation"), tr("Withheld")});
    m_activities->verticalHeader()->hide();
    m_activities->horizontalHeader()->setStretchLastSection(true);
    m_activities->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_activities->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_activities->setWordWrap(false);
    m_activities->setMinimumHeight(160);
    (new QVBoxLayout(activitiesBox))->addWidget(m_activities);
    layout->addWidget(activitiesBox);

    auto *alertsBox = new QGroupBox(tr("Alerts"));
    m_alerts = new QListWidget;
    m_alerts->setAccessibleName(tr("Alerts of this mailbox"));
    m_alerts->setMaximumHeight(110);
    m_alerts->setWordWrap(true);
    (new QVBoxLayout(alertsBox))->addWidget(m_alerts);
    layout->addWidget(alertsBox);
    layout->addStretch();

    auto *scroll = new QScrollArea;
    m_scroll = scroll;
    for (QAbstractScrollArea *inner : std::initializer_list<QAbstractScrollArea *>{m_runs, m_activities, m_alerts}) {
        inner->viewport()->installEventFilter(this);
    }
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_stack->addWidget(scroll);

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);
    showMessage(tr("Select a mailbox to see its details."));
}

void MailboxDetailsPane::setRepairAvailable(bool available)
{
    m_repairAvailable = available;
    updateRepairButton();
}

void MailboxDetailsPane::updateRepairButton()
{
    m_repair->setEnabled(m_repairAvailable && m_enabled);
    m_repair->setToolTip(!m_repairAvailable
                             ? tr("This console only monitors: on the machine that syncs, 'syncdesk-node verify "
                                  "--repair' audits and repairs")
                         : !m_enabled ? tr("Disabled mailboxes are not synced; enable it first")
                                      : tr("Compares the server's messages with the store now, fetches any that "
                                           "are missing, and audits again"));
}

bool MailboxDetailsPane::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Wheel) {
        auto *view = qobject_cast<QAbstractScrollArea *>(watched->parent());
        if (view && !view->hasFocus()) {
            QCoreApplication::sendEvent(m_scroll->viewport(), event);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void MailboxDetailsPane::showMessage(const QString &message)
{
    m_mailboxId = 0;
    m_message->setText(message);
    m_stack->setCurrentIndex(0);
}

void MailboxDetailsPane::setDetails(const MailboxDetails &details, const QDateTime &now)
{
    const MailboxStatus &status = details.status;
    const MailboxState &state = status.state;
    if (m_mailboxId != status.mailbox.id) {
        m_scroll->verticalScrollBar()->setValue(0); // another mailbox's details start at the top
    }
    m_mailboxId = status.mailbox.id;
    m_address = status.mailbox.address;
    m_enabled = status.mailbox.enabled;
    // As the tool bar's Resync: a disabled mailbox is not synced.
    m_resync->setEnabled(m_enabled);
    m_resync->setToolTip(m_enabled ? tr("Sync this mailbox now")
                                   : tr("Disabled mailboxes are not synced; enable it first"));
    m_enable->setText(m_enabled ? tr("Disable") : tr("Enable"));
    m_enable->setAccessibleName(m_enable->text());
    updateRepairButton();
    const MailboxRunState runState = status.runState(now);
    m_title->setText(status.mailbox.address);
    // The overall state, as the CRM suites' mailbox form shows it: the incoming state, unless the outgoing
    // direction makes it worse.
    QString overall = runStateText(runState);
    if (details.outgoing.overallState(runStateName(runState)) != runStateName(runState)) {
        //: the mailbox's overall state when its outgoing direction is what fails: %1 "Failing", %2 the
        //: outgoing direction's state (failing, stuck)
        overall =
            tr("%1 (outgoing: %2)").arg(runStateText(MailboxRunState::Failing), outgoingStateText(details.outgoing));
    } else if (ActText::isBad(details.act.state) && runState != MailboxRunState::Failing &&
               runState != MailboxRunState::Disabled) {
        //: the mailbox's overall state when its calendar direction (appointments, contacts, tasks) is what fails:
        //: %1 "Failing", %2 that direction's state (failing, not configured)
        overall =
            tr("%1 (calendar: %2)").arg(runStateText(MailboxRunState::Failing), ActText::stateText(details.act.state));
    }
    m_subtitle->setText(tr("%1 · %2 · user %3").arg(overall, status.mailbox.profileName, status.mailbox.username));

    QString incoming = u"<table>"_s;
    incoming += row(tr("Server"), endpointText(details.profile.incoming).toHtmlEscaped());
    incoming += row(tr("Folders"), status.mailbox.folders.join(u", "_s).toHtmlEscaped());
    //: the mailbox's state (OK, failing, ...)
    incoming += row(tr("State"), runStateText(runState));
    if (!status.mailbox.enabled) {
        //: why the mailbox is disabled when no reason was recorded: an administrator disabled it
        const QString reason = status.mailbox.disabledReason.isEmpty() ? tr("admin") : status.mailbox.disabledReason;
        incoming += row(tr("Disabled"), reason + u", "_s + when(status.mailbox.disabledAt, now));
    } else {
        incoming += row(tr("Interval"),
                        formatInterval(state.intervalMs) + u" ("_s + intervalReasonTitle(state.intervalReason) + u')');
        QString next = state.nextDueAt.isValid() ? when(state.nextDueAt, now) : tr("due now");
        if (status.isOverdue(now, 60) && !state.overdueCause.isEmpty()) {
            next = tr("%1 — overdue: %2").arg(next, overdueCauseText(state.overdueCause));
        }
        incoming += row(tr("Next sync"), next);
    }
    incoming += row(tr("Last success"), when(state.lastSuccessAt, now));
    incoming += row(tr("Last attempt"), when(state.lastSyncAt, now));
    incoming += row(tr("New items, last sync"), QString::number(state.itemsLastSync));
    incoming += row(tr("Activity"), tr("%1 new items a minute").arg(QString::number(state.itemsPerMinute, 'g', 3)));
    incoming += row(tr("Failures in a row"), QString::number(state.consecutiveFailures));
    incoming += pushAndSignInRows(details, now);
    if (status.mailbox.processFrom.isValid()) {
        incoming += row(tr("Process email from"),
                        QLocale().toString(status.mailbox.processFrom.toLocalTime(), QLocale::ShortFormat));
    }
    // The audit: the server's messages compared with what the store accounts for (about once a day).
    QString audit = tr("not yet (the engine audits each mailbox about once a day)");
    if (state.lastAuditAt.isValid()) {
        //: rich text: keep the markup; %1 is a colour, %2 when the audit ran; "Audit & repair" is the
        //: button under it
        audit = state.lastAuditMissing > 0 ? tr("<span style=\"color:%1\"><b>%n message(s) missing</b></span> — %2; "
                                                "Audit &amp; repair fetches them again",
                                                nullptr, state.lastAuditMissing)
                                                 .arg(ThemeColors::error(palette()).name())
                                                 .arg(when(state.lastAuditAt, now))
                                           : tr("nothing missing — %1").arg(when(state.lastAuditAt, now));
    }
    incoming += row(tr("Last audit"), audit);
    m_incoming->setText(incoming + u"</table>"_s);
    m_outgoing->setText(outgoingText(details, now));
    m_act->setText(ActText::detailsHtml(details, now, palette()));

    if (state.hasError()) {
        m_error->setText(u"<b>%1</b>: %2%3"_s.arg(
            errorClassTitle(state.lastErrorClass), state.lastErrorMessage.toHtmlEscaped(),
            state.lastErrorDetail.isEmpty() ? QString()
                                            : u"<br><small>%1</small>"_s.arg(state.lastErrorDetail.toHtmlEscaped())));
        const Hint hint = HintCatalog::instance().hint(state.lastErrorHintId);
        QString text = u"<b>%1</b><p>%2</p><ol>"_s.arg(hint.title.toHtmlEscaped(), hint.explanation.toHtmlEscaped());
        for (const QString &step : hint.steps(Hint::Audience::Console)) {
            text += u"<li>"_s + step.toHtmlEscaped() + u"</li>"_s;
        }
        m_hint->setText(text + u"</ol><small>"_s + tr("hint id: %1").arg(hint.id) + u"</small>"_s);
    } else {
        m_error->setText(tr("None."));
        m_hint->setText(tr("Nothing to do."));
    }
    m_errorBox->setVisible(state.hasError());
    m_hintBox->setVisible(state.hasError());

    m_runs->setRowCount(0);
    const int shown = int(qMin<qsizetype>(details.runs.size(), 50));
    m_runs->setRowCount(shown);
    for (int i = 0; i < shown; ++i) {
        const SyncRun &run = details.runs.at(i);
        const QString result = run.success ? tr("OK") : errorClassTitle(run.errorClass) + u": "_s + run.errorMessage;
        const QStringList cells{QLocale().toString(run.startedAt.toLocalTime(), QLocale::ShortFormat),
                                tr("%1 ms").arg(run.durationMs()),
                                syncTriggerName(run.trigger),
                                QString::number(run.itemsNew),
                                run.node.section(u':', 0, 1),
                                result};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            if (column == 4) {
                // Which engine ran it, under which lease: host:pid, the whole id and the epoch in the tooltip.
                item->setToolTip(UntrustedText::toolTip(
                    run.leaseEpoch > 0 ? tr("%1, lease epoch %2").arg(run.node).arg(run.leaseEpoch) : run.node));
            }
            if (column == 5) {
                item->setForeground(run.success ? ThemeColors::success(palette()) : ThemeColors::error(palette()));
                item->setToolTip(UntrustedText::toolTip(result));
            }
            m_runs->setItem(i, column, item);
        }
    }
    m_runs->resizeColumnsToContents();

    m_alerts->clear();
    for (const Alert &alert : details.alerts) {
        auto *item = new QListWidgetItem(
            u"[%1] %2 — %3"_s.arg(alert.severity, alert.message, formatRelative(alert.raisedAt, now)));
        item->setForeground(alert.severity == u"error"_s ? ThemeColors::error(palette())
                                                         : ThemeColors::warning(palette()));
        m_alerts->addItem(item);
    }
    if (details.alerts.isEmpty()) {
        m_alerts->addItem(tr("No open alerts."));
    }
    setTracking(details, now);
    updateChart(details, now);
    m_stack->setCurrentIndex(1);
}

void MailboxDetailsPane::setTracking(const MailboxDetails &details, const QDateTime &now)
{
    const Mailbox &mailbox = details.status.mailbox;
    const MailboxState &state = details.status.state;
    QString text = u"<table>"_s;
    text += row(tr("Owner"),
                mailbox.ownerKey.isEmpty() ? tr("none (nothing is restricted)") : mailbox.owner().toHtmlEscaped());
    text += row(tr("Tracks"), trackingOptionText(mailbox.tracking).toHtmlEscaped());
    if (!mailbox.trackedFolders.isEmpty()) {
        QStringList folders;
        for (auto it = mailbox.trackedFolders.cbegin(); it != mailbox.trackedFolders.cend(); ++it) {
            folders.append(u"%1 → %2:%3"_s.arg(it.key(), it.value().type, it.value().id).toHtmlEscaped());
        }
        text += row(tr("Tracked folders"), folders.join(u"<br>"_s));
    }
    //: withheld items, e.g. "3 items" in "3 items, 2 fields"
    const QString items = tr("%n item(s)", nullptr, int(state.itemsWithheld));
    //: withheld fields, e.g. "2 fields" in "3 items, 2 fields"
    const QString fields = tr("%n field(s)", nullptr, int(state.fieldsWithheld));
    //: what permissions withheld: %1 is "N item(s)", %2 is "N field(s)"
    const QString withheld = tr("%1, %2").arg(items, fields);
    text += row(tr("Withheld"), withheld);
    text += u"</table>"_s;
    if (state.itemsWithheld > 0 || state.fieldsWithheld > 0) {
        const Hint hint = HintCatalog::instance().hint(u"items-withheld"_s);
        text += u"<p><b>%1</b> %2</p><ol>"_s.arg(hint.title.toHtmlEscaped(), hint.explanation.toHtmlEscaped());
        for (const QString &step : hint.steps(Hint::Audience::Console)) {
            text += u"<li>"_s + step.toHtmlEscaped() + u"</li>"_s;
        }
        text += u"</ol><small>"_s + tr("hint id: %1").arg(hint.id) + u"</small>"_s;
    }
    if (!details.trackRequests.isEmpty()) {
        text += u"<p><b>"_s + tr("Track requests") + u"</b></p><table>"_s;
        for (const TrackRequest &request : details.trackRequests) {
            const QColor color = request.state == u"failed"_s ? ThemeColors::error(palette())
                                 : request.state == u"done"_s ? ThemeColors::success(palette())
                                                              : ThemeColors::warning(palette());
            text += row(
                u"#%1 &lt;%2&gt;"_s.arg(request.id).arg(request.messageId.toHtmlEscaped()),
                u"<span style='color:%1'>%2</span> %3 %4"_s.arg(
                    color.name(), TrackRequestModel::stateText(request.state),
                    request.reason.isEmpty() ? QString() : u"— "_s + request.reason.toHtmlEscaped(),
                    formatRelative(request.completedAt.isValid() ? request.completedAt : request.requestedAt, now)));
        }
        text += u"</table>"_s;
    }
    m_tracking->setText(text);

    m_activities->setRowCount(0);
    m_activities->setRowCount(int(details.activities.size()));
    for (int i = 0; i < int(details.activities.size()); ++i) {
        const Activity &activity = details.activities.at(i);
        QStringList parties;
        for (const ActivityParty &party : activity.parties) {
            parties.append(u"%1 %2 → %3:%4"_s.arg(party.role, party.address, party.record.type, party.record.id));
        }
        //: Correlation column: the activity was not correlated
        const QStringList cells{
            QLocale().toString(activity.date.toLocalTime(), QLocale::ShortFormat),
            activity.from.address,
            activity.subject,
            activity.regarding ? activity.regarding->type + u':' + activity.regarding->id : QString(),
            activity.correlation.isEmpty() ? tr("none") : activity.correlation,
            activity.withheldFields.join(u", "_s),
        };
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            if (column == 4 && !parties.isEmpty()) {
                item->setToolTip(UntrustedText::toolTip(tr("Party list:\n%1").arg(parties.join(u'\n'))));
            }
            if (column == 5 && !activity.withheldFields.isEmpty()) {
                item->setToolTip(tr("Withheld: the owner may not sync these fields, so they were not stored"));
            }
            m_activities->setItem(i, column, item);
        }
    }
    m_activities->resizeColumnsToContents();
}

void MailboxDetailsPane::updateChart(const MailboxDetails &details, const QDateTime &now)
{
    m_chart->removeAllSeries();
    const QList<QAbstractAxis *> axes = m_chart->axes();
    for (QAbstractAxis *axis : axes) {
        m_chart->removeAxis(axis);
        delete axis;
    }
    // Minutes, unless the intervals are seconds long (a demo or a test schedule).
    qint64 longestMs = 0;
    for (const SyncRun &run : details.runs) {
        longestMs = qMax(longestMs, run.intervalMs);
    }
    const bool seconds = longestMs > 0 && longestMs < 120000;
    const double unitMs = seconds ? 1000.0 : 60000.0;
    // The interval line breaks where the mailbox did not sync for more than twice its interval (it was
    // disabled, or nothing ran): a straight line across would claim an interval that never was.
    QList<QLineSeries *> intervals{new QLineSeries};
    intervals.constFirst()->setName(seconds ? tr("interval (seconds)") : tr("interval (minutes)"));
    auto *items = new QScatterSeries;
    items->setName(tr("new items"));
    items->setMarkerSize(6);
    double longest = 1;
    double most = 1;
    qint64 previousStart = 0;
    qint64 previousInterval = 0;
    // Oldest first for the line.
    for (auto it = details.runs.crbegin(); it != details.runs.crend(); ++it) {
        const qint64 start = it->startedAt.toMSecsSinceEpoch();
        const qreal x = qreal(start);
        if (previousStart > 0 && previousInterval > 0 && start - previousStart > 2 * previousInterval &&
            intervals.constLast()->count() > 0) {
            intervals.append(new QLineSeries);
        }
        if (it->intervalMs > 0) {
            const double value = double(it->intervalMs) / unitMs;
            intervals.constLast()->append(x, value);
            longest = qMax(longest, value);
            previousInterval = it->intervalMs;
        }
        previousStart = start;
        items->append(x, it->itemsNew);
        most = qMax(most, double(it->itemsNew));
    }
    for (QLineSeries *interval : std::as_const(intervals)) {
        m_chart->addSeries(interval);
        if (interval != intervals.constFirst()) {
            interval->setColor(intervals.constFirst()->color());
        }
    }
    m_chart->addSeries(items);
    // One legend entry for the line, however many pieces it has.
    for (QLineSeries *interval : intervals.mid(1)) {
        for (QLegendMarker *marker : m_chart->legend()->markers(interval)) {
            marker->setVisible(false);
        }
    }
    // The last 24 hours, or less when the runs on record cover less.
    QDateTime from = now.addDays(-1);
    if (!details.runs.isEmpty() && details.runs.constLast().startedAt > from) {
        const QDateTime first = details.runs.constLast().startedAt;
        from = first.addMSecs(-qMax<qint64>(1000, first.msecsTo(now) / 20));
    }
    const bool short_ = from.secsTo(now) < 2 * 3600;
    m_chart->setTitle(short_ ? tr("Interval and new items per run, since %1")
                                   .arg(QLocale().toString(from.toLocalTime().time(), QLocale::ShortFormat))
                             : tr("Interval and new items per run, last 24 hours"));
    auto *time = new QDateTimeAxis;
    time->setFormat(from.secsTo(now) < 600 ? u"HH:mm:ss"_s : u"HH:mm"_s);
    time->setRange(from.toLocalTime(), now.toLocalTime());
    time->setTickCount(6);
    auto *minutes = new QValueAxis;
    minutes->setTitleText(seconds ? tr("seconds") : tr("minutes"));
    minutes->setRange(0, longest * 1.15);
    minutes->setLabelFormat(u"%.1f"_s);
    auto *count = new QValueAxis;
    count->setTitleText(tr("items"));
    // Whole numbers only: a top that is a multiple of 4, so that the 5 ticks fall on integers.
    int top = qMax(4, int(std::ceil(most * 1.15)));
    top = (top + 3) / 4 * 4;
    count->setRange(0, top);
    count->setTickCount(5);
    count->setLabelFormat(u"%d"_s);
    m_chart->addAxis(time, Qt::AlignBottom);
    m_chart->addAxis(minutes, Qt::AlignLeft);
    m_chart->addAxis(count, Qt::AlignRight);
    for (QLineSeries *interval : std::as_const(intervals)) {
        interval->attachAxis(time);
        interval->attachAxis(minutes);
    }
    items->attachAxis(time);
    items->attachAxis(count);
}

QString MailboxDetailsPane::pushAndSignInRows(const MailboxDetails &details, const QDateTime &now) const
{
    QString rows;
    const QString error = ThemeColors::error(palette()).name();
    if (details.push) {
        const PushStatus &push = *details.push;
        QString text;
        switch (push.state) {
        case PushStatus::State::Idling:
            //: %1: since when (a time), %n: new-mail events the server reported
            text = tr("on push since %1 (%n event(s))", nullptr, push.events).arg(when(push.since, now));
            break;
        case PushStatus::State::Connecting:
            text = tr("connecting");
            break;
        case PushStatus::State::Reconnecting:
            //: %1: why the connection was lost (server text, escaped)
            text = tr("reconnecting after: %1").arg(push.error.toHtmlEscaped());
            break;
        case PushStatus::State::Unsupported:
            text = tr("off: the server does not offer IDLE, so it is polled");
            break;
        }
        rows += row(tr("Push"), text);
    } else if (details.status.mailbox.push) {
        rows += row(tr("Push"), tr("off: no running engine holds its connection (the profile's max_push_connections "
                                   "may be reached); it is polled"));
    }
    if (!details.profile.oauth) {
        return rows;
    }
    if (!details.signIn || details.signIn->refreshToken.isEmpty()) {
        //: rich text: keep the markup; %1 is a colour; "Sign in…" is the Mailbox menu's action
        rows += row(tr("Sign-in"), tr("<span style=\"color:%1\"><b>needs sign-in</b></span> — never signed in on this "
                                      "computer; choose Sign in…")
                                       .arg(error));
    } else if (details.signIn->needsSignIn) {
        //: rich text: keep the markup; %1 is a colour, %2 what the identity provider said (escaped)
        rows += row(tr("Sign-in"), tr("<span style=\"color:%1\"><b>needs sign-in</b></span> — %2; choose Sign in…")
                                       .arg(error, details.signIn->problem.left(200).toHtmlEscaped()));
    } else {
        //: %1: when the mailbox signed in, %2: when its access token expires
        rows += row(tr("Sign-in"),
                    tr("signed in %1; access token until %2")
                        .arg(when(details.signIn->signedInAt, now), when(details.signIn->accessExpiresAt, now)));
    }
    return rows;
}

} // namespace SyncDesk

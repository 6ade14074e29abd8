#include "alertspane.h"

#include "diagnostics/hintcatalog.h"
#include "model/untrustedtext.h"
#include "themecolors.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSet>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QVBoxLayout>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

enum Column { SeverityColumn, AboutColumn, MessageColumn, RaisedColumn, CountColumn, StateColumn };

constexpr int kAlertIdRole = Qt::UserRole + 1;
constexpr int kMemberRole = Qt::UserRole + 2; // an incident member row: its mailbox id

QString localTime(const QDateTime &time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat) : QString();
}

// Severity and state are ids in the store and in JSON; here they are words in the user's language.
QString severityText(const QString &severity)
{
    if (severity == u"error"_s) {
        //: An alert's severity
        return QCoreApplication::translate("SyncDesk::AlertsPane", "error");
    }
    if (severity == u"warning"_s) {
        //: An alert's severity
        return QCoreApplication::translate("SyncDesk::AlertsPane", "warning");
    }
    if (severity == u"information"_s) {
        //: An alert's severity
        return QCoreApplication::translate("SyncDesk::AlertsPane", "information");
    }
    return severity;
}

QString stateText(const QString &state)
{
    if (state == u"open"_s) {
        //: An alert's state: not yet acknowledged nor closed
        return QCoreApplication::translate("SyncDesk::AlertsPane", "open");
    }
    if (state == u"acknowledged"_s) {
        //: An alert's state
        return QCoreApplication::translate("SyncDesk::AlertsPane", "acknowledged");
    }
    if (state == u"closed"_s) {
        //: An alert's state
        return QCoreApplication::translate("SyncDesk::AlertsPane", "closed");
    }
    return state;
}

QString kindText(const QString &kind)
{
    if (kind == u"first-failure"_s) {
        return QCoreApplication::translate("SyncDesk::AlertsPane", "Failing");
    }
    if (kind == u"mailbox-disabled"_s) {
        return QCoreApplication::translate("SyncDesk::AlertsPane", "Disabled");
    }
    if (kind == u"recovered"_s) {
        return QCoreApplication::translate("SyncDesk::AlertsPane", "Recovered");
    }
    if (kind == u"profile-outage"_s) {
        return QCoreApplication::translate("SyncDesk::AlertsPane", "Profile incident");
    }
    if (kind == u"profile-recovered"_s) {
        return QCoreApplication::translate("SyncDesk::AlertsPane", "Profile recovered");
    }
    if (kind == u"uidvalidity-reset"_s) {
        return QCoreApplication::translate("SyncDesk::AlertsPane", "Folder renumbered");
    }
    return kind;
}

} // namespace

AlertsPane::AlertsPane(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"alertsPane"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *bar = new QHBoxLayout;
    m_acknowledge = new QPushButton(tr("Ac&knowledge"));
    m_acknowledge->setObjectName(u"acknowledge"_s);
    m_acknowledge->setToolTip(tr("Mark the selected alert as seen; an information alert closes, the others stay until "
                                 "their cause is resolved"));
    m_reenable = new QPushButton(tr("&Re-enable mailboxes disabled by this incident"));
    m_reenable->setObjectName(u"reenable"_s);
    m_reenable->setToolTip(tr("Enable, in one action, every mailbox this server profile incident disabled"));
    m_showClosed = new QCheckBox(tr("Show &closed"));
    m_showClosed->setObjectName(u"showClosed"_s);
    bar->addWidget(m_acknowledge);
    bar->addWidget(m_reenable);
    bar->addStretch();
    bar->addWidget(m_showClosed);
    layout->addLayout(bar);

    m_tree = new QTreeWidget;
    m_tree->setObjectName(u"alerts"_s);
    m_tree->setAccessibleName(tr("Alerts"));
    m_tree->setHeaderLabels({tr("Severity"),
                             //: column: what the alert is about (a mailbox or a server profile)
                             tr("About"), tr("Alert"), tr("Raised"),
                             //: column: how many times the alert was raised
                             tr("Times"),
                             //: column: the alert's state (open, acknowledged, closed)
                             tr("State")});
    m_tree->setColumnWidth(SeverityColumn, 150);
    m_tree->setColumnWidth(AboutColumn, 220);
    m_tree->setColumnWidth(RaisedColumn, 170);
    m_tree->setColumnWidth(CountColumn, 50);
    m_tree->setColumnWidth(StateColumn, 110);
    // The message takes the room there is; the other columns keep their widths.
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(MessageColumn, QHeaderView::Stretch);
    m_tree->setUniformRowHeights(true);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setExpandsOnDoubleClick(false);               // double-click opens; the arrow expands
    m_tree->setContextMenuPolicy(Qt::ActionsContextMenu); // the window adds the actions that fit
    m_tree->setToolTip(tr("Double-click or Enter opens the alert's mailbox, or an incident's mailboxes"));
    m_tree->setWordWrap(false);
    m_empty = new QLabel(tr("No open alerts. Alerts are raised when a mailbox starts failing, is disabled or recovers, "
                            "and when most mailboxes of a server profile fail."));
    m_empty->setObjectName(u"empty"_s);
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_hint = new QTextBrowser;
    m_hint->setObjectName(u"alertHint"_s);
    m_hint->setAccessibleName(tr("What to do about the selected alert"));
    auto *splitter = new QSplitter(Qt::Vertical);
    auto *top = new QWidget;
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_empty);
    topLayout->addWidget(m_tree, 1);
    splitter->addWidget(top);
    splitter->addWidget(m_hint);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);

    connect(m_tree, &QTreeWidget::itemSelectionChanged, this, [this] {
        onSelectionChanged();
        Q_EMIT selectionChanged();
    });
    connect(m_tree, &QAbstractItemView::activated, this, &AlertsPane::onActivated);
    connect(m_acknowledge, &QPushButton::clicked, this, [this] {
        for (qint64 id : selectedAlertIds()) {
            const Alert *alert = alertById(id);
            if (alert && alert->isOpen() && !alert->acknowledgedAt.isValid()) {
                Q_EMIT acknowledgeRequested(id);
            }
        }
    });
    connect(m_reenable, &QPushButton::clicked, this, [this] {
        if (const Alert *alert = selectedAlert()) {
            Q_EMIT reenableRequested(alert->id);
        }
    });
    connect(m_showClosed, &QCheckBox::toggled, this, &AlertsPane::showClosedChanged);
    setAlerts({});
}

int AlertsPane::openCount() const
{
    return int(std::count_if(m_alerts.cbegin(), m_alerts.cend(), [](const Alert &alert) { return alert.isOpen(); }));
}

void AlertsPane::setAlerts(const QList<Alert> &alerts)
{
    const qint64 selected = selectedAlertId();
    QSet<QPair<qint64, qint64>> chosen; // (alert, member mailbox or 0) of every selected row
    for (const QTreeWidgetItem *item : m_tree->selectedItems()) {
        chosen.insert({item->data(SeverityColumn, kAlertIdRole).toLongLong(),
                       item->data(SeverityColumn, kMemberRole).toLongLong()});
    }
    const int openBefore = openCount();
    const QSignalBlocker blocker(m_tree);
    m_alerts = alerts;
    m_tree->clear();
    const QPalette colors = palette();
    for (const Alert &alert : std::as_const(m_alerts)) {
        auto *item = new QTreeWidgetItem(m_tree);
        item->setData(SeverityColumn, kAlertIdRole, alert.id);
        item->setText(SeverityColumn, severityText(alert.severity) + u" · "_s + kindText(alert.kind));
        item->setText(AboutColumn,
                      alert.mailboxAddress.isEmpty() ? tr("profile %1").arg(alert.profileName) : alert.mailboxAddress);
        item->setText(MessageColumn, alert.message);
        item->setToolTip(MessageColumn, UntrustedText::toolTip(alert.message));
        item->setText(RaisedColumn, localTime(alert.raisedAt));
        item->setToolTip(RaisedColumn,
                         tr("raised %1, last %2").arg(localTime(alert.raisedAt), localTime(alert.updatedAt)));
        item->setText(CountColumn, QString::number(alert.occurrences));
        item->setText(StateColumn, stateText(alert.state));
        if (alert.severity == u"error"_s) {
            item->setForeground(SeverityColumn, ThemeColors::error(colors));
            item->setIcon(SeverityColumn, QIcon(u":/syncdesk/icons/state-failing.svg"_s));
        } else if (alert.severity == u"warning"_s) {
            item->setForeground(SeverityColumn, ThemeColors::warning(colors));
            item->setIcon(SeverityColumn, QIcon(u":/syncdesk/icons/severity-warning.svg"_s));
        } else {
            item->setIcon(SeverityColumn, QIcon(u":/syncdesk/icons/severity-information.svg"_s));
        }
        if (!alert.isOpen()) {
            item->setForeground(MessageColumn, colors.color(QPalette::Disabled, QPalette::Text));
        }
        for (const AlertMember &member : alert.members) {
            auto *child = new QTreeWidgetItem(item);
            child->setData(SeverityColumn, kAlertIdRole, alert.id);
            child->setData(SeverityColumn, kMemberRole, member.mailboxId);
            child->setText(AboutColumn, member.address);
            //: an incident's member mailbox: %1 is its error class, %2 the id of the troubleshooting hint
            child->setText(MessageColumn, (member.stillDisabled ? tr("%1 [hint: %2] — disabled by this incident")
                                                                : tr("%1 [hint: %2]"))
                                              .arg(member.errorClass, member.hintId));
            child->setText(RaisedColumn, localTime(member.joinedAt));
        }
    }
    m_tree->setVisible(!m_alerts.isEmpty());
    m_empty->setVisible(m_alerts.isEmpty());
    // The selection survives the refresh; with none, the newest alert is selected, so its hint shows at once.
    if ((selected == 0 || !selectAlert(selected)) && m_tree->topLevelItemCount() > 0) {
        m_tree->setCurrentItem(m_tree->topLevelItem(0));
    }
    if (chosen.size() > 1) {
        for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
            if (chosen.contains({(*it)->data(SeverityColumn, kAlertIdRole).toLongLong(),
                                 (*it)->data(SeverityColumn, kMemberRole).toLongLong()})) {
                (*it)->setSelected(true);
            }
        }
    }
    onSelectionChanged();
    Q_EMIT selectionChanged();
    if (openCount() != openBefore) {
        Q_EMIT countChanged(openCount());
    }
}

bool AlertsPane::selectAlert(qint64 alertId)
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_tree->topLevelItem(i);
        if (item->data(SeverityColumn, kAlertIdRole).toLongLong() == alertId) {
            m_tree->setCurrentItem(item);
            return true;
        }
    }
    return false;
}

qint64 AlertsPane::selectedAlertId() const
{
    QTreeWidgetItem *current = m_tree->currentItem();
    if (current && current->isSelected()) {
        return current->data(SeverityColumn, kAlertIdRole).toLongLong();
    }
    const QList<QTreeWidgetItem *> selected = m_tree->selectedItems();
    return selected.isEmpty() ? 0 : selected.constFirst()->data(SeverityColumn, kAlertIdRole).toLongLong();
}

QList<qint64> AlertsPane::selectedAlertIds() const
{
    QList<qint64> ids;
    for (const QTreeWidgetItem *item : m_tree->selectedItems()) {
        const qint64 id = item->data(SeverityColumn, kAlertIdRole).toLongLong();
        if (!ids.contains(id)) {
            ids.append(id);
        }
    }
    return ids;
}

QList<qint64> AlertsPane::selectedMailboxIds() const
{
    QList<qint64> ids;
    auto add = [&ids](qint64 id) {
        if (id > 0 && !ids.contains(id)) {
            ids.append(id);
        }
    };
    const QList<QTreeWidgetItem *> selected = m_tree->selectedItems();
    for (const QTreeWidgetItem *item : selected) {
        if (item->parent()) {
            add(item->data(SeverityColumn, kMemberRole).toLongLong());
            continue;
        }
        const Alert *alert = alertById(item->data(SeverityColumn, kAlertIdRole).toLongLong());
        if (!alert) {
            continue;
        }
        // An incident whose member rows are selected too stands for those rows only.
        const bool membersChosen =
            std::any_of(selected.cbegin(), selected.cend(),
                        [item](const QTreeWidgetItem *other) { return other->parent() == item; });
        if (alert->mailboxId > 0) {
            add(alert->mailboxId);
        } else if (!membersChosen) {
            for (const AlertMember &member : alert->members) {
                add(member.mailboxId);
            }
        }
    }
    return ids;
}

void AlertsPane::onActivated(const QModelIndex &index)
{
    QTreeWidgetItem *item = m_tree->itemFromIndex(index);
    if (!item) {
        return;
    }
    if (item->parent()) {
        Q_EMIT mailboxOpenRequested(item->data(SeverityColumn, kMemberRole).toLongLong());
        return;
    }
    const Alert *alert = alertById(item->data(SeverityColumn, kAlertIdRole).toLongLong());
    if (!alert) {
        return;
    }
    if (alert->mailboxId > 0) {
        Q_EMIT mailboxOpenRequested(alert->mailboxId);
        return;
    }
    QList<qint64> members;
    for (const AlertMember &member : alert->members) {
        members.append(member.mailboxId);
    }
    Q_EMIT incidentOpenRequested(tr("incident #%1 of profile %2").arg(alert->id).arg(alert->profileName), members);
}

const Alert *AlertsPane::selectedAlert() const
{
    return alertById(selectedAlertId());
}

const Alert *AlertsPane::alertById(qint64 id) const
{
    for (const Alert &alert : m_alerts) {
        if (alert.id == id) {
            return &alert;
        }
    }
    return nullptr;
}

void AlertsPane::onSelectionChanged()
{
    const Alert *alert = selectedAlert();
    bool canAcknowledge = false;
    for (qint64 id : selectedAlertIds()) {
        const Alert *chosen = alertById(id);
        canAcknowledge = canAcknowledge || (chosen && chosen->isOpen() && !chosen->acknowledgedAt.isValid());
    }
    m_acknowledge->setEnabled(canAcknowledge);
    const bool disabledMembers = alert && std::any_of(alert->members.cbegin(), alert->members.cend(),
                                                      [](const AlertMember &member) { return member.stillDisabled; });
    m_reenable->setEnabled(disabledMembers);
    m_reenable->setVisible(alert && alert->kind == u"profile-outage"_s);
    if (!alert) {
        m_hint->setHtml(m_alerts.isEmpty() ? QString()
                                           : u"<p>%1</p>"_s.arg(tr("Select an alert to see what to do about it.")));
        return;
    }
    QString html = u"<p><b>%1</b></p>"_s.arg(alert->message.toHtmlEscaped());
    const Hint hint = HintCatalog::instance().hint(alert->hintId);
    if (hint.isValid()) {
        html += u"<h3>%1</h3><p>%2</p><ul>"_s.arg(hint.title.toHtmlEscaped(), hint.explanation.toHtmlEscaped());
        for (const QString &step : hint.steps(Hint::Audience::Console)) {
            html += u"<li>%1</li>"_s.arg(step.toHtmlEscaped());
        }
        html += u"</ul>"_s;
    }
    if (!alert->members.isEmpty()) {
        html += u"<p>%1</p>"_s.arg(tr("%n mailbox(es) in this incident.", nullptr, int(alert->members.size())));
    }
    m_hint->setHtml(html);
}

} // namespace SyncDesk

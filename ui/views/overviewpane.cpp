#include "overviewpane.h"

#include "diagnostics/errorclass.h"
#include "themecolors.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QJsonObject>
#include <QKeyEvent>
#include <QLabel>
#include <QMap>
#include <QMouseEvent>
#include <QScrollArea>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

void fill(QTableWidget *table, const QList<QStringList> &rows)
{
    table->setRowCount(int(rows.size()));
    for (int row = 0; row < rows.size(); ++row) {
        for (int column = 0; column < rows.at(row).size(); ++column) {
            table->setItem(row, column, new QTableWidgetItem(rows.at(row).at(column)));
        }
    }
    table->resizeColumnsToContents();
}

QTableWidget *makeTable(const QStringList &headers, const QString &name)
{
    auto *table = new QTableWidget(0, int(headers.size()));
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAccessibleName(name);
    return table;
}

} // namespace

OverviewPane::OverviewPane(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Overview"));
    // The tiles, the chart and the engines scroll in a small window (1366×768) instead of making it taller
    // than the screen.
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea;
    scroll->setObjectName(u"overviewScroll"_s);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    auto *content = new QWidget;
    scroll->setWidget(content);
    outer->addWidget(scroll);
    auto *layout = new QVBoxLayout(content);
    auto *tiles = new QGridLayout;
    const QList<std::pair<QString, QString>> names{
        {u"mailboxes"_s, tr("Mailboxes")},
        {u"ok"_s, tr("OK")},
        {u"failing"_s, tr("Failing")},
        {u"syncing"_s, tr("Syncing")},
        {u"disabled"_s, tr("Disabled")},
        {u"never"_s, tr("Never synced")},
        {u"overdue"_s, tr("Overdue")},
        {u"syncs_per_minute"_s, tr("Syncs a minute (5 min)")},
        {u"failures_last_hour"_s, tr("Failed runs (1 h)")},
    };
    const QStringList openable{u"mailboxes"_s, u"ok"_s,    u"failing"_s, u"syncing"_s,
                               u"disabled"_s,  u"never"_s, u"overdue"_s};
    for (int i = 0; i < names.size(); ++i) {
        auto *box = new QGroupBox(names.at(i).second);
        box->setObjectName(names.at(i).first + u"Tile"_s);
        auto *value = addTile(names.at(i).first, names.at(i).second);
        (new QVBoxLayout(box))->addWidget(value);
        tiles->addWidget(box, i / 5, i % 5);
        if (openable.contains(names.at(i).first)) {
            // Opens the table filtered to what it counts: click, or Enter/Space when it has focus.
            m_tileOfBox.insert(box, names.at(i).first);
            box->setCursor(Qt::PointingHandCursor);
            box->setFocusPolicy(Qt::StrongFocus);
            box->setToolTip(tr("Show these mailboxes"));
            box->setAccessibleDescription(tr("Opens the mailbox table filtered to these mailboxes"));
            box->installEventFilter(this);
        }
    }
    layout->addLayout(tiles);

    m_failures = new QChart;
    // Follow the palette: a dark chart on a dark desktop.
    m_failures->setTheme(ThemeColors::isDark(palette()) ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    m_failures->setBackgroundRoundness(0);
    m_failures->setTitle(tr("Failed runs by error class, last hour"));
    m_failures->legend()->hide();
    auto *chartView = new QChartView(m_failures);
    chartView->setRenderHint(QPainter::Antialiasing);
    chartView->setMinimumHeight(200);
    chartView->setAccessibleName(tr("Failures by error class"));
    layout->addWidget(chartView, 2);

    auto *pool = new QGroupBox(tr("Worker pool"));
    auto *poolLayout = new QVBoxLayout(pool);
    m_enginesEmpty = new QLabel(tr("No engine runs on this database: start 'syncdesk-node run', or open the console "
                                   "without --monitor-only."));
    m_enginesEmpty->setWordWrap(true);
    m_engines = makeTable({tr("Engine"), tr("Host"),
                           //: column: the engine's state (alive, stopped, dead)
                           tr("State"), tr("Workers busy"), tr("Syncs running"), tr("Queue"), tr("Last heartbeat"),
                           tr("Version")},
                          tr("Engines"));
    // Room for four engines before it scrolls (a header and four rows).
    m_engines->setMinimumHeight(m_engines->horizontalHeader()->sizeHint().height() +
                                4 * m_engines->verticalHeader()->defaultSectionSize() + 2 * m_engines->frameWidth());
    m_profiles = makeTable({tr("Server profile"), tr("Connections in use"),
                            //: column: the most connections the profile allows
                            tr("Cap"), tr("Overdue"), tr("Connections needed")},
                           tr("Connections per profile"));
    poolLayout->addWidget(m_enginesEmpty);
    poolLayout->addWidget(m_engines);
    poolLayout->addWidget(m_profiles);
    layout->addWidget(pool, 2);
}

QLabel *OverviewPane::addTile(const QString &name, const QString &title)
{
    auto *label = new QLabel(u"—"_s);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.8);
    font.setBold(true);
    label->setFont(font);
    label->setAlignment(Qt::AlignCenter);
    label->setAccessibleName(title);
    m_tiles.insert(name, label);
    return label;
}

QWidget *OverviewPane::tileBox(const QString &name) const
{
    return m_tileOfBox.key(name);
}

bool OverviewPane::eventFilter(QObject *watched, QEvent *event)
{
    auto *box = qobject_cast<QWidget *>(watched);
    if (box && m_tileOfBox.contains(box)) {
        const bool click = event->type() == QEvent::MouseButtonRelease &&
                           static_cast<QMouseEvent *>(event)->button() == Qt::LeftButton;
        const bool key =
            event->type() == QEvent::KeyPress && (static_cast<QKeyEvent *>(event)->key() == Qt::Key_Return ||
                                                  static_cast<QKeyEvent *>(event)->key() == Qt::Key_Enter ||
                                                  static_cast<QKeyEvent *>(event)->key() == Qt::Key_Space);
        if (click || key) {
            const QString name = m_tileOfBox.value(box);
            Q_EMIT stateRequested(name == u"mailboxes"_s ? u"all"_s : name);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

QString OverviewPane::tile(const QString &name) const
{
    QLabel *label = m_tiles.value(name);
    return label ? label->text() : QString();
}

void OverviewPane::setStatuses(const MailboxStatusList &statuses, const QDateTime &now, int overdueGraceSeconds)
{
    int counts[5] = {};
    int overdue = 0;
    for (const MailboxStatus &status : statuses) {
        ++counts[int(status.runState(now))];
        overdue += status.isOverdue(now, overdueGraceSeconds) ? 1 : 0;
    }
    m_tiles.value(u"mailboxes"_s)->setText(QString::number(statuses.size()));
    m_tiles.value(u"ok"_s)->setText(QString::number(counts[int(MailboxRunState::Ok)]));
    m_tiles.value(u"failing"_s)->setText(QString::number(counts[int(MailboxRunState::Failing)]));
    m_tiles.value(u"syncing"_s)->setText(QString::number(counts[int(MailboxRunState::Syncing)]));
    m_tiles.value(u"disabled"_s)->setText(QString::number(counts[int(MailboxRunState::Disabled)]));
    m_tiles.value(u"never"_s)->setText(QString::number(counts[int(MailboxRunState::Never)]));
    m_tiles.value(u"overdue"_s)->setText(QString::number(overdue));
    const QString error = u"color: %1"_s.arg(ThemeColors::error(palette()).name());
    m_tiles.value(u"failing"_s)->setStyleSheet(counts[int(MailboxRunState::Failing)] > 0 ? error : QString());
    m_tiles.value(u"overdue"_s)
        ->setStyleSheet(overdue > 0 ? u"color: %1"_s.arg(ThemeColors::warning(palette()).name()) : QString());
}

void OverviewPane::setEngines(const QList<NodeStatus> &nodes, const QDateTime &now)
{
    QList<QStringList> engines;
    QMap<QString, QStringList> profiles;
    bool anyAlive = false;
    // The live engines first, then the latest to have beaten.
    QList<NodeStatus> ordered = nodes;
    std::stable_sort(ordered.begin(), ordered.end(), [&](const NodeStatus &a, const NodeStatus &b) {
        if (a.isAlive(now) != b.isAlive(now)) {
            return a.isAlive(now);
        }
        return a.heartbeatAt > b.heartbeatAt;
    });
    for (const NodeStatus &node : std::as_const(ordered)) {
        // Every engine on the store (several nodes share a PostgreSQL store): the live ones, and for an hour
        // the ones that stopped or died, so that a node gone missing shows as such.
        const bool alive = node.isAlive(now);
        const qint64 silent = node.heartbeatAt.secsTo(now);
        if (!alive && silent > 3600) {
            continue;
        }
        anyAlive = anyAlive || alive;
        const QString state = alive ? tr("alive") : node.stopped ? tr("stopped") : tr("dead (silent)");
        engines.append({node.nodeId, tr("%1 (pid %2)").arg(node.host).arg(node.pid), state,
                        alive ? u"%1 / %2"_s.arg(node.workersBusy).arg(node.workersTotal) : QString(),
                        alive ? tr("%1 (of %2 at once)").arg(node.running).arg(node.capacity) : QString(),
                        alive ? QString::number(node.queued) : QString(),
                        silent < 120 ? tr("%1 s ago").arg(silent) : tr("%1 min ago").arg(silent / 60), node.version});
        if (!alive) {
            continue;
        }
        for (const QJsonValue &value : node.profiles) {
            const QJsonObject profile = value.toObject();
            const QString name = profile.value(u"profile"_s).toString();
            QStringList row = profiles.value(name, {name, u"0"_s, QString(), u"0"_s, u"0"_s});
            row[1] = QString::number(row.at(1).toInt() + profile.value(u"running"_s).toInt());
            row[2] = QString::number(profile.value(u"max_connections"_s).toInt());
            row[3] = QString::number(qMax(row.at(3).toInt(), profile.value(u"overdue"_s).toInt()));
            row[4] = QString::number(qMax(row.at(4).toInt(), profile.value(u"needed_connections"_s).toInt()));
            profiles.insert(name, row);
        }
    }
    m_enginesEmpty->setVisible(!anyAlive);
    m_engines->setVisible(!engines.isEmpty());
    fill(m_engines, engines);
    fill(m_profiles, profiles.values());
}

void OverviewPane::setStatistics(const RunStatistics &lastHour, const RunStatistics &lastFiveMinutes)
{
    m_tiles.value(u"syncs_per_minute"_s)->setText(QString::number(double(lastFiveMinutes.runs) / 5.0, 'f', 1));
    m_tiles.value(u"failures_last_hour"_s)->setText(QString::number(lastHour.failures));
    m_failures->removeAllSeries();
    const QList<QAbstractAxis *> axes = m_failures->axes();
    for (QAbstractAxis *axis : axes) {
        m_failures->removeAxis(axis);
        delete axis;
    }
    auto *set = new QBarSet(tr("failed runs"));
    set->setColor(ThemeColors::error(palette()));
    QStringList classes;
    int most = 1;
    for (auto it = lastHour.failuresByClass.cbegin(); it != lastHour.failuresByClass.cend(); ++it) {
        classes.append(it.key());
        *set << it.value();
        most = qMax(most, it.value());
    }
    if (classes.isEmpty()) {
        m_failures->setTitle(tr("No failed runs in the last hour"));
        return;
    }
    m_failures->setTitle(tr("Failed runs by error class, last hour"));
    auto *series = new QHorizontalBarSeries;
    series->append(set);
    // A bar opens the mailboxes whose last error is of its class.
    connect(set, &QBarSet::clicked, this, [this, classes](int index) {
        if (index >= 0 && index < classes.size()) {
            Q_EMIT errorClassRequested(errorClassName(errorClassFromName(classes.at(index))));
        }
    });
    m_failures->addSeries(series);
    auto *categories = new QBarCategoryAxis;
    categories->append(classes);
    auto *values = new QValueAxis;
    values->setRange(0, most);
    values->applyNiceNumbers();
    values->setLabelFormat(u"%d"_s);
    m_failures->addAxis(categories, Qt::AlignLeft);
    m_failures->addAxis(values, Qt::AlignBottom);
    series->attachAxis(categories);
    series->attachAxis(values);
}

} // namespace SyncDesk

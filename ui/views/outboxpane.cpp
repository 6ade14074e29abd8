#include "outboxpane.h"

#include "diagnostics/errorclass.h"
#include "diagnostics/hintcatalog.h"
#include "model/untrustedtext.h"
#include "models/mailboxtablemodel.h"
#include "outgoing/outboxactions.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSet>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QVBoxLayout>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

enum Column {
    StatusColumn,
    FromColumn,
    ToColumn,
    SubjectColumn,
    CreatedColumn,
    AttemptsColumn,
    WhenColumn,
    OutcomeColumn,
    ColumnCount
};

constexpr int kIdRole = Qt::UserRole + 1;
constexpr int kRecentlySent = 200; // the Sent view: the latest of them
constexpr int kListed = 500;       // every other view: at most this many, newest first

QString localTime(const QDateTime &time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat) : QString();
}

} // namespace

OutboxPane::OutboxPane(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"outboxPane"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *bar = new QHBoxLayout;
    auto *viewLabel = new QLabel(tr("Sho&w:"));
    m_view = new QComboBox;
    m_view->setObjectName(u"outboxView"_s);
    m_view->setAccessibleName(tr("Outgoing emails to show"));
    m_view->addItem(tr("Waiting (Pending Send and Sending)"), int(View::Waiting));
    m_view->addItem(tr("Failed"), int(View::Failed));
    m_view->addItem(tr("Drafts"), int(View::Drafts));
    m_view->addItem(tr("Recently sent"), int(View::Sent));
    m_view->addItem(tr("Cancelled"), int(View::Cancelled));
    m_view->addItem(tr("All"), int(View::All));
    m_view->setCurrentIndex(m_view->count() - 1); // everything, newest first, until another view is chosen
    viewLabel->setBuddy(m_view);
    m_caption = new QLabel;
    m_caption->setObjectName(u"caption"_s);
    m_caption->setWordWrap(true);
    m_caption->setTextFormat(Qt::PlainText);
    auto makeButton = [this](const QString &text, const QString &name, const QString &toolTip) {
        auto *button = new QPushButton(text);
        button->setObjectName(name);
        button->setToolTip(toolTip);
        return button;
    };
    m_compose = makeButton(tr("Compos&e…"), u"compose"_s, tr("Write an email that leaves through a mailbox"));
    m_sendDraft = makeButton(tr("Send &draft"), u"sendDraft"_s, tr("Send the selected drafts"));
    m_retry = makeButton(tr("Retr&y"), u"retry"_s,
                         tr("Send the selected failed or cancelled emails again, from a fresh set of attempts"));
    m_cancel = makeButton(tr("Ca&ncel email"), u"cancel"_s,
                          tr("Stop the selected drafts, pending or failed emails from being sent; an email being "
                             "sent cannot be stopped"));
    m_open = makeButton(tr("O&pen"), u"open"_s, tr("Show the email, its recipients and what happened to it"));
    bar->addWidget(viewLabel);
    bar->addWidget(m_view);
    bar->addWidget(m_caption, 1);
    for (QPushButton *button : {m_compose, m_sendDraft, m_retry, m_cancel, m_open}) {
        bar->addWidget(button);
    }
    layout->addLayout(bar);

    m_table = new QTableWidget(0, ColumnCount);
    m_table->setObjectName(u"outbox"_s);
    m_table->setAccessibleName(tr("Outgoing emails"));
    m_table->setHorizontalHeaderLabels({//: column: the outgoing email's status (Pending Send, Sent, ...)
                                        tr("Status"),
                                        //: column: the mailbox the email leaves through
                                        tr("From"), tr("To"), tr("Subject"), tr("Created"),
                                        //: column: how many times sending was tried
                                        tr("Attempts"),
                                        //: column: when it was sent, or when it is tried next
                                        tr("Sent / next attempt"),
                                        //: column: the server's reply, or the last error
                                        tr("Outcome")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(StatusColumn, 110);
    m_table->setColumnWidth(FromColumn, 190);
    m_table->setColumnWidth(ToColumn, 200);
    m_table->setColumnWidth(SubjectColumn, 260);
    m_table->setColumnWidth(CreatedColumn, 120);
    m_table->setColumnWidth(AttemptsColumn, 70);
    m_table->setColumnWidth(WhenColumn, 140);
    layout->addWidget(m_table, 1);

    connect(m_view, &QComboBox::currentIndexChanged, this, [this] {
        m_emails.clear();
        refresh();
        Q_EMIT filterChanged(filter());
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &OutboxPane::updateButtons);
    connect(m_table, &QAbstractItemView::activated, this, [this] {
        if (auto email = current()) {
            Q_EMIT openRequested(*email);
        }
    });
    connect(m_compose, &QPushButton::clicked, this, &OutboxPane::composeRequested);
    connect(m_sendDraft, &QPushButton::clicked, this, [this] { requestAction(u"send-draft"_s); });
    connect(m_retry, &QPushButton::clicked, this, [this] { requestAction(u"retry"_s); });
    connect(m_cancel, &QPushButton::clicked, this, [this] { requestAction(u"cancel"_s); });
    connect(m_open, &QPushButton::clicked, this, [this] {
        if (auto email = current()) {
            Q_EMIT openRequested(*email);
        }
    });
    refresh();
}

void OutboxPane::setEmails(const QList<OutgoingEmail> &emails)
{
    m_emails = emails;
    refresh();
}

void OutboxPane::setView(View view)
{
    m_view->setCurrentIndex(m_view->findData(int(view)));
}

OutboxPane::View OutboxPane::view() const
{
    return View(m_view->currentData().toInt());
}

OutboxStore::Filter OutboxPane::filter() const
{
    OutboxStore::Filter filter;
    filter.withMessage = false;
    filter.limit = kListed;
    switch (view()) {
    case View::Waiting:
        filter.statuses = {OutgoingStatus::PendingSend, OutgoingStatus::Sending};
        break;
    case View::Failed:
        filter.statuses = {OutgoingStatus::Failed};
        break;
    case View::Drafts:
        filter.statuses = {OutgoingStatus::Draft};
        break;
    case View::Sent:
        filter.statuses = {OutgoingStatus::Sent};
        filter.limit = kRecentlySent;
        break;
    case View::Cancelled:
        filter.statuses = {OutgoingStatus::Cancelled};
        break;
    case View::All:
        break;
    }
    return filter;
}

QPushButton *OutboxPane::button(const QString &name) const
{
    return findChild<QPushButton *>(name);
}

QList<qint64> OutboxPane::selectedIds() const
{
    QList<qint64> ids;
    for (const QModelIndex &row : m_table->selectionModel()->selectedRows()) {
        ids.append(m_table->item(row.row(), StatusColumn)->data(kIdRole).toLongLong());
    }
    return ids;
}

std::optional<OutgoingEmail> OutboxPane::current() const
{
    const int row = m_table->currentRow();
    if (row < 0 || !m_table->item(row, StatusColumn)) {
        return std::nullopt;
    }
    const qint64 id = m_table->item(row, StatusColumn)->data(kIdRole).toLongLong();
    for (const OutgoingEmail &email : m_emails) {
        if (email.activity.id == id) {
            return email;
        }
    }
    return std::nullopt;
}

void OutboxPane::requestAction(const QString &action)
{
    const auto which = OutboxActions::fromName(action);
    QList<qint64> ids;
    for (const OutgoingEmail &email : m_emails) {
        if (selectedIds().contains(email.activity.id) && which && OutboxActions::appliesTo(*which, email.status)) {
            ids.append(email.activity.id);
        }
    }
    if (!ids.isEmpty()) {
        Q_EMIT actionRequested(ids, action);
    }
}

void OutboxPane::updateButtons()
{
    const QList<qint64> chosen = selectedIds();
    auto anyApplies = [&](OutboxActions::Action action) {
        for (const OutgoingEmail &email : std::as_const(m_emails)) {
            if (chosen.contains(email.activity.id) && OutboxActions::appliesTo(action, email.status)) {
                return true;
            }
        }
        return false;
    };
    m_sendDraft->setEnabled(anyApplies(OutboxActions::Action::SendDraft));
    m_retry->setEnabled(anyApplies(OutboxActions::Action::Retry));
    m_cancel->setEnabled(anyApplies(OutboxActions::Action::Cancel));
    m_open->setEnabled(current().has_value() && !chosen.isEmpty());
}

void OutboxPane::refresh()
{
    const QList<qint64> chosenList = selectedIds();
    const QSet<qint64> chosen(chosenList.cbegin(), chosenList.cend());
    const qint64 currentId = m_table->currentRow() >= 0 && m_table->item(m_table->currentRow(), StatusColumn)
                                 ? m_table->item(m_table->currentRow(), StatusColumn)->data(kIdRole).toLongLong()
                                 : 0;
    const QSignalBlocker blocker(m_table);
    m_table->setRowCount(0);
    m_table->setRowCount(int(m_emails.size()));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int row = 0; row < m_emails.size(); ++row) {
        const OutgoingEmail &email = m_emails.at(row);
        const Activity &activity = email.activity;
        QString when;
        if (email.status == OutgoingStatus::Sent) {
            when = localTime(email.sentAt);
        } else if (email.status == OutgoingStatus::PendingSend) {
            when = email.nextAttemptAt.isValid() && email.nextAttemptAt > now ? formatRelative(email.nextAttemptAt, now)
                                                                              //: the next attempt: at the next sync
                                                                              : tr("next sync");
        }
        QString outcome;
        QString outcomeTip;
        if (!email.errorClass.isEmpty() && email.status != OutgoingStatus::Sent) {
            outcome = errorClassTitle(errorClassFromName(email.errorClass)) + u": "_s +
                      UntrustedText::withoutControls(email.errorMessage).simplified();
            //: tooltip of the Outcome column: %1 the error, %2 the troubleshooting hint
            outcomeTip = tr("%1\n\nhint: %2").arg(email.errorMessage, HintCatalog::instance().summary(email.errorHint));
        } else if (email.status == OutgoingStatus::Sent) {
            outcome = UntrustedText::withoutControls(email.serverReply).simplified();
            if (!email.refused.isEmpty()) {
                //: %n: recipients the server refused while it accepted the others
                outcome = tr("%n recipient(s) refused", nullptr, int(email.refused.size())) + u" — "_s + outcome;
            }
            outcomeTip = email.serverReply;
        }
        QStringList recipients;
        for (const EmailAddress &to : activity.to) {
            recipients.append(to.address);
        }
        const QStringList cells{outgoingStatusTitle(email.status),
                                activity.mailboxAddress,
                                recipients.join(u", "_s),
                                UntrustedText::withoutControls(activity.subject).simplified(),
                                localTime(email.createdAt),
                                QString::number(email.attempts),
                                when,
                                outcome};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setToolTip(UntrustedText::toolTip(
                column == OutcomeColumn && !outcomeTip.isEmpty() ? outcomeTip : cells.at(column)));
            if (column == AttemptsColumn) {
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            }
            m_table->setItem(row, column, item);
        }
        m_table->item(row, StatusColumn)->setData(kIdRole, activity.id);
        if (chosen.contains(activity.id)) {
            m_table->selectRow(row);
        }
        if (activity.id == currentId) {
            m_table->setCurrentItem(m_table->item(row, StatusColumn), QItemSelectionModel::NoUpdate);
        }
    }
    const int shown = int(m_emails.size());
    switch (view()) {
    case View::Waiting:
        m_caption->setText(shown == 0 ? tr("Nothing waits to be sent.")
                                      : tr("%n email(s) wait to be sent.", nullptr, shown));
        break;
    case View::Failed:
        m_caption->setText(shown == 0 ? tr("No email failed.")
                                      : tr("%n email(s) failed; Retry sends them again.", nullptr, shown));
        break;
    case View::Drafts:
        m_caption->setText(shown == 0 ? tr("No drafts.") : tr("%n draft(s).", nullptr, shown));
        break;
    case View::Sent:
        m_caption->setText(shown == 0 ? tr("Nothing sent yet.") : tr("The latest %n email(s) sent.", nullptr, shown));
        break;
    case View::Cancelled:
        m_caption->setText(shown == 0 ? tr("No email was cancelled.") : tr("%n cancelled email(s).", nullptr, shown));
        break;
    case View::All:
        m_caption->setText(tr("The latest %n outgoing email(s).", nullptr, shown));
        break;
    }
    updateButtons();
    if (shown != m_shown) {
        m_shown = shown;
        Q_EMIT countChanged(shown);
    }
}

} // namespace SyncDesk

#include "testconnectiondialog.h"

#include "consolebackend.h"
#include "diagnostics/connectiontest.h"
#include "diagnostics/hintcatalog.h"
#include "model/untrustedtext.h"
#include "themecolors.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

enum Column { StepColumn, ResultColumn, TimeColumn, DetailColumn };

} // namespace

TestConnectionDialog::TestConnectionDialog(ConsoleBackend *backend, const Mailbox &mailbox,
                                           const ServerProfile &profile, bool enableOnSuccess, QWidget *parent)
    : QDialog(parent)
    , m_backend(backend)
    , m_mailbox(mailbox)
    , m_profile(profile)
    , m_enableOnSuccess(enableOnSuccess)
{
    setObjectName(u"testConnectionDialog"_s);
    setWindowTitle((enableOnSuccess ? u"Test & Enable — %1"_s : u"Test connection — %1"_s).arg(mailbox.address));
    setWindowModality(Qt::WindowModal);
    resize(820, 520);
    m_thread.setObjectName(u"syncdesk-connection-test"_s);

    auto *layout = new QVBoxLayout(this);
    // The outcome at a glance: an icon and a coloured summary line (passed, failed, cancelled).
    auto *top = new QHBoxLayout;
    m_outcomeIcon = new QLabel;
    m_outcomeIcon->setObjectName(u"outcomeIcon"_s);
    m_outcomeIcon->setFixedSize(32, 32);
    m_outcomeIcon->hide();
    top->addWidget(m_outcomeIcon, 0, Qt::AlignTop);
    m_summary = new QLabel(u"Testing %1 on %2 (%3 %4:%5, %6)…"_s.arg(
        mailbox.address, profile.name, protocolName(profile.incoming.protocol).toUpper(), profile.incoming.host,
        QString::number(profile.incoming.port), securityName(profile.incoming.security)));
    m_summary->setObjectName(u"summary"_s);
    m_summary->setTextFormat(Qt::PlainText); // it shows what the server said
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    top->addWidget(m_summary, 1);
    layout->addLayout(top);
    m_progress = new QProgressBar;
    m_progress->setRange(0, 0); // busy until the test ends
    m_progress->setTextVisible(false);
    m_progress->setAccessibleName(u"Test progress"_s);
    layout->addWidget(m_progress);
    m_steps = new QTreeWidget;
    m_steps->setObjectName(u"steps"_s);
    m_steps->setAccessibleName(u"Test steps"_s);
    m_steps->setRootIsDecorated(false);
    m_steps->setHeaderLabels({u"Step"_s, u"Result"_s, u"Time"_s, u"Detail"_s});
    m_steps->header()->setStretchLastSection(true);
    m_steps->setColumnWidth(StepColumn, 330);
    m_steps->setColumnWidth(ResultColumn, 70);
    m_steps->setColumnWidth(TimeColumn, 70);
    m_steps->setWordWrap(true);
    layout->addWidget(m_steps, 2);
    m_hint = new QTextBrowser;
    m_hint->setObjectName(u"hint"_s);
    m_hint->setAccessibleName(u"What to do"_s);
    m_hint->setOpenExternalLinks(false);
    m_hint->hide();
    layout->addWidget(m_hint, 1);
    auto *buttons = new QDialogButtonBox;
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setObjectName(u"cancel"_s);
    m_close = buttons->addButton(QDialogButtonBox::Close);
    m_close->setObjectName(u"close"_s);
    m_close->hide();
    connect(m_cancel, &QPushButton::clicked, this, &TestConnectionDialog::cancelTest);
    connect(m_close, &QPushButton::clicked, this, &QDialog::accept);
    layout->addWidget(buttons);
}

TestConnectionDialog::~TestConnectionDialog()
{
    if (m_test) {
        ConnectionTest *test = std::exchange(m_test, nullptr);
        test->disconnect(this);
        // Cancelled in its own thread and deleted when that thread ends (the test never blocks it).
        QMetaObject::invokeMethod(test, &ConnectionTest::cancel, Qt::QueuedConnection);
        connect(&m_thread, &QThread::finished, test, &QObject::deleteLater);
    }
    m_thread.quit();
    m_thread.wait();
}

void TestConnectionDialog::open()
{
    QDialog::open();
    if (!m_test && !m_report) {
        start();
    }
}

void TestConnectionDialog::start()
{
    ConnectionTestOptions options;
    m_test = new ConnectionTest(m_mailbox, m_profile, options);
    m_test->moveToThread(&m_thread);
    connect(m_test, &ConnectionTest::stepStarted, this, &TestConnectionDialog::onStepStarted);
    connect(m_test, &ConnectionTest::stepFinished, this, &TestConnectionDialog::onStepFinished);
    connect(m_test, &ConnectionTest::finished, this, &TestConnectionDialog::onFinished);
    m_running = true;
    m_thread.start();
    ConnectionTest *test = m_test;
    QMetaObject::invokeMethod(test, &ConnectionTest::start, Qt::QueuedConnection);
}

QTreeWidgetItem *TestConnectionDialog::itemFor(const QString &stepId)
{
    for (int i = m_steps->topLevelItemCount() - 1; i >= 0; --i) {
        if (m_steps->topLevelItem(i)->data(StepColumn, Qt::UserRole).toString() == stepId) {
            return m_steps->topLevelItem(i);
        }
    }
    auto *item = new QTreeWidgetItem(m_steps);
    item->setData(StepColumn, Qt::UserRole, stepId);
    return item;
}

void TestConnectionDialog::onStepStarted(const ConnectionStep &step)
{
    QTreeWidgetItem *item = itemFor(step.id);
    item->setText(StepColumn, step.title);
    item->setText(ResultColumn, u"…"_s);
    item->setToolTip(StepColumn, step.id);
    m_steps->scrollToItem(item);
}

void TestConnectionDialog::onStepFinished(const ConnectionStep &step)
{
    QTreeWidgetItem *item = itemFor(step.id);
    item->setText(StepColumn, step.title);
    item->setText(TimeColumn, u"%1 ms"_s.arg(step.ms));
    item->setText(DetailColumn, step.detail);
    item->setToolTip(DetailColumn, UntrustedText::toolTip(step.error ? step.error->toString() : step.detail));
    switch (step.status) {
    case ConnectionStep::Status::Passed:
        item->setText(ResultColumn, u"OK"_s);
        item->setForeground(ResultColumn, ThemeColors::success(palette()));
        item->setIcon(ResultColumn, QIcon(u":/syncdesk/icons/state-ok.svg"_s));
        break;
    case ConnectionStep::Status::Failed:
        item->setText(ResultColumn, u"Failed"_s);
        item->setForeground(ResultColumn, ThemeColors::error(palette()));
        item->setIcon(ResultColumn, QIcon(u":/syncdesk/icons/state-failing.svg"_s));
        break;
    case ConnectionStep::Status::Skipped:
        item->setText(ResultColumn, u"Skipped"_s);
        break;
    case ConnectionStep::Status::Running:
        break;
    }
}

void TestConnectionDialog::onFinished(const ConnectionTestReport &report)
{
    m_report = report;
    m_running = false;
    m_progress->setRange(0, 1);
    m_progress->setValue(1);
    m_cancel->hide();
    m_close->show();
    m_close->setDefault(true);
    const QString outcome = report.cancelled ? u"cancelled"_s : report.passed() ? u"passed"_s : u"failed"_s;
    setProperty("outcome", outcome);
    m_outcomeIcon->setPixmap(QIcon(report.cancelled  ? u":/syncdesk/icons/state-never.svg"_s
                                   : report.passed() ? u":/syncdesk/icons/state-ok.svg"_s
                                                     : u":/syncdesk/icons/state-failing.svg"_s)
                                 .pixmap(32, 32));
    m_outcomeIcon->setAccessibleName(report.cancelled ? u"Cancelled"_s : report.passed() ? u"Passed"_s : u"Failed"_s);
    m_outcomeIcon->show();
    QPalette colors = m_summary->palette();
    if (!report.cancelled) {
        colors.setColor(QPalette::WindowText,
                        report.passed() ? ThemeColors::success(palette()) : ThemeColors::error(palette()));
    }
    m_summary->setPalette(colors);
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    if (report.cancelled) {
        m_summary->setText(u"Cancelled after %1 ms."_s.arg(report.ms));
    } else if (report.passed()) {
        QString text = u"Every step passed in %1 ms: %2 can be synced."_s.arg(report.ms).arg(m_mailbox.address);
        if (m_enableOnSuccess && m_backend) {
            if (m_mailbox.enabled) {
                text += u" It is already enabled."_s;
            } else {
                m_backend->setMailboxesEnabled({m_mailbox.id}, true);
                m_enabled = true;
                text += u" It is enabled now and syncs at once."_s;
            }
        }
        m_summary->setText(text);
    } else {
        const SyncError &error = *report.error;
        const QString step = report.steps.isEmpty() ? QString() : report.steps.constLast().title;
        m_summary->setText(u"Failed at “%1”: %2%3"_s.arg(step, errorClassName(error.errorClass) + u": "_s,
                                                         UntrustedText::withoutControls(error.message)) +
                           (m_enableOnSuccess ? u" The mailbox was not enabled."_s : QString()));
        const Hint hint = HintCatalog::instance().hint(error.hintId);
        QString html;
        if (hint.isValid()) {
            html += u"<h3>%1</h3><p>%2</p><ul>"_s.arg(hint.title.toHtmlEscaped(), hint.explanation.toHtmlEscaped());
            for (const QString &remedy : hint.steps(Hint::Audience::Console)) {
                html += u"<li>%1</li>"_s.arg(remedy.toHtmlEscaped());
            }
            html += u"</ul><p><small>hint id: %1</small></p>"_s.arg(hint.id);
        }
        if (!error.detail.isEmpty()) {
            html += u"<p><small>Detail: %1</small></p>"_s.arg(error.detail.toHtmlEscaped());
        }
        m_hint->setHtml(html);
        m_hint->show();
    }
    Q_EMIT testFinished(report);
}

void TestConnectionDialog::cancelTest()
{
    if (!m_test || !m_running) {
        return;
    }
    m_cancel->setEnabled(false);
    m_summary->setText(u"Cancelling…"_s);
    ConnectionTest *test = m_test;
    QMetaObject::invokeMethod(test, &ConnectionTest::cancel, Qt::QueuedConnection);
}

void TestConnectionDialog::reject()
{
    if (m_running) {
        // Escape or the window's close button while testing: cancel first, then close.
        connect(this, &TestConnectionDialog::testFinished, this, &QDialog::reject, Qt::SingleShotConnection);
        cancelTest();
        return;
    }
    QDialog::reject();
}

} // namespace SyncDesk

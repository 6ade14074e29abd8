#include "testconnectiondialog.h"

#include "consolebackend.h"
#include "diagnostics/connectiontestrunner.h"
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
    //: %1: the mailbox address. "Test & Enable" is the action's name (not a mnemonic)
    setWindowTitle(
        mailbox.address.isEmpty()
            //: %1: the server profile's name
            ? tr("Test server profile — %1").arg(profile.name)
            : (enableOnSuccess ? tr("Test & Enable — %1") : tr("Test connection — %1")).arg(mailbox.address));
    setWindowModality(Qt::WindowModal);
    resize(820, 520);

    auto *layout = new QVBoxLayout(this);
    // The outcome at a glance: an icon and a coloured summary line (passed, failed, cancelled).
    auto *top = new QHBoxLayout;
    m_outcomeIcon = new QLabel;
    m_outcomeIcon->setObjectName(u"outcomeIcon"_s);
    m_outcomeIcon->setFixedSize(32, 32);
    m_outcomeIcon->hide();
    top->addWidget(m_outcomeIcon, 0, Qt::AlignTop);
    //: %1: mailbox address, %2: server profile, %3: protocol (IMAP), %4: host, %5: port, %6: security (tls, starttls,
    //: none)
    m_summary = new QLabel(
        mailbox.address.isEmpty()
            //: %1: server profile, %2: protocol (IMAP), %3: host, %4: port, %5: security (tls, starttls, none)
            ? tr("Testing the server of %1 (%2 %3:%4, %5), without a mailbox…")
                  .arg(profile.name, protocolName(profile.incoming.protocol).toUpper(), profile.incoming.host,
                       QString::number(profile.incoming.port), securityName(profile.incoming.security))
            : tr("Testing %1 on %2 (%3 %4:%5, %6)…")
                  .arg(mailbox.address, profile.name, protocolName(profile.incoming.protocol).toUpper(),
                       profile.incoming.host, QString::number(profile.incoming.port),
                       securityName(profile.incoming.security)));
    m_summary->setObjectName(u"summary"_s);
    m_summary->setTextFormat(Qt::PlainText); // it shows what the server said
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    top->addWidget(m_summary, 1);
    layout->addLayout(top);
    m_progress = new QProgressBar;
    m_progress->setRange(0, 0); // busy until the test ends
    m_progress->setTextVisible(false);
    m_progress->setAccessibleName(tr("Test progress"));
    layout->addWidget(m_progress);
    m_steps = new QTreeWidget;
    m_steps->setObjectName(u"steps"_s);
    m_steps->setAccessibleName(tr("Test steps"));
    m_steps->setRootIsDecorated(false);
    //: Column headers of the test steps
    m_steps->setHeaderLabels({tr("Step"), tr("Result"), tr("Time"), tr("Detail")});
    m_steps->header()->setStretchLastSection(true);
    m_steps->setColumnWidth(StepColumn, 330);
    m_steps->setColumnWidth(ResultColumn, 70);
    m_steps->setColumnWidth(TimeColumn, 70);
    m_steps->setWordWrap(true);
    layout->addWidget(m_steps, 2);
    m_hint = new QTextBrowser;
    m_hint->setObjectName(u"hint"_s);
    m_hint->setAccessibleName(tr("What to do"));
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

// Closing while testing destroys the runner, which cancels the test.
TestConnectionDialog::~TestConnectionDialog() = default;

void TestConnectionDialog::open()
{
    QDialog::open();
    if (!m_runner && !m_report) {
        start();
    }
}

void TestConnectionDialog::start()
{
    ConnectionTestOptions options;
    options.serverOnly = m_mailbox.address.isEmpty(); // a server profile's own test: no login
    m_runner = std::make_unique<ConnectionTestRunner>(m_mailbox, m_profile, options);
    connect(m_runner.get(), &ConnectionTestRunner::stepStarted, this, &TestConnectionDialog::onStepStarted);
    connect(m_runner.get(), &ConnectionTestRunner::stepFinished, this, &TestConnectionDialog::onStepFinished);
    connect(m_runner.get(), &ConnectionTestRunner::finished, this, &TestConnectionDialog::onFinished);
    m_running = true;
    m_runner->start();
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
    //: A step's duration in milliseconds
    item->setText(TimeColumn, tr("%1 ms").arg(step.ms));
    item->setText(DetailColumn, step.detail);
    item->setToolTip(DetailColumn, UntrustedText::toolTip(step.error ? step.error->toString() : step.detail));
    switch (step.status) {
    case ConnectionStep::Status::Passed:
        //: A test step's result: passed
        item->setText(ResultColumn, tr("OK"));
        item->setForeground(ResultColumn, ThemeColors::success(palette()));
        item->setIcon(ResultColumn, QIcon(u":/syncdesk/icons/state-ok.svg"_s));
        break;
    case ConnectionStep::Status::Failed:
        //: A test step's result
        item->setText(ResultColumn, tr("Failed"));
        item->setForeground(ResultColumn, ThemeColors::error(palette()));
        item->setIcon(ResultColumn, QIcon(u":/syncdesk/icons/state-failing.svg"_s));
        break;
    case ConnectionStep::Status::Skipped:
        //: A test step's result
        item->setText(ResultColumn, tr("Skipped"));
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
    //: The test's outcome (accessible name of its icon)
    m_outcomeIcon->setAccessibleName(report.cancelled  ? tr("Cancelled")
                                     : report.passed() ? tr("Passed")
                                                       : tr("Failed"));
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
        m_summary->setText(tr("Cancelled after %1 ms.").arg(report.ms));
    } else if (report.passed()) {
        //: %1: milliseconds, %2: the mailbox address
        QString text =
            m_mailbox.address.isEmpty()
                //: %1: milliseconds
                ? tr("The server answered every step in %1 ms. Logging in is tested with a mailbox.").arg(report.ms)
                : tr("Every step passed in %1 ms: %2 can be synced.").arg(report.ms).arg(m_mailbox.address);
        if (m_enableOnSuccess && m_backend) {
            if (m_mailbox.enabled) {
                //: %1: milliseconds, %2: the mailbox address
                text = tr("Every step passed in %1 ms: %2 can be synced. It is already enabled.")
                           .arg(report.ms)
                           .arg(m_mailbox.address);
            } else {
                m_backend->setMailboxesEnabled({m_mailbox.id}, true);
                m_enabled = true;
                //: %1: milliseconds, %2: the mailbox address
                text = tr("Every step passed in %1 ms: %2 can be synced. It is enabled now and syncs at once.")
                           .arg(report.ms)
                           .arg(m_mailbox.address);
            }
        }
        m_summary->setText(text);
    } else {
        const SyncError &error = *report.error;
        const QString step = report.steps.isEmpty() ? QString() : report.steps.constLast().title;
        const QString className = errorClassTitle(error.errorClass);
        const QString message = UntrustedText::withoutControls(error.message);
        if (m_enableOnSuccess) {
            //: %1: the step that failed, %2: the kind of error, %3: the error message (from the server)
            m_summary->setText(tr("Failed at “%1”: %2: %3 The mailbox was not enabled.").arg(step, className, message));
        } else {
            //: %1: the step that failed, %2: the kind of error, %3: the error message (from the server)
            m_summary->setText(tr("Failed at “%1”: %2: %3").arg(step, className, message));
        }
        const Hint hint = HintCatalog::instance().hint(error.hintId);
        QString html;
        if (hint.isValid()) {
            html += u"<h3>%1</h3><p>%2</p><ul>"_s.arg(hint.title.toHtmlEscaped(), hint.explanation.toHtmlEscaped());
            for (const QString &remedy : hint.steps(Hint::Audience::Console)) {
                html += u"<li>%1</li>"_s.arg(remedy.toHtmlEscaped());
            }
            //: %1: the hint's id (kept as it is: support searches for it)
            html += u"</ul><p><small>%1</small></p>"_s.arg(tr("hint id: %1").toHtmlEscaped().arg(hint.id));
        }
        if (!error.detail.isEmpty()) {
            html +=
                u"<p><small>%1</small></p>"_s.arg(tr("Detail: %1").toHtmlEscaped().arg(error.detail.toHtmlEscaped()));
        }
        m_hint->setHtml(html);
        m_hint->show();
    }
    Q_EMIT testFinished(report);
}

void TestConnectionDialog::cancelTest()
{
    if (!m_runner || !m_running) {
        return;
    }
    m_cancel->setEnabled(false);
    m_summary->setText(tr("Cancelling…"));
    m_runner->cancel();
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

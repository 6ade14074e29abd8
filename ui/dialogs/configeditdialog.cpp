#include "configeditdialog.h"

#include "config/configparser.h"
#include "consolebackend.h"
#include "themecolors.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QUuid>
#include <QVBoxLayout>

namespace SyncDesk {

using namespace Qt::StringLiterals;

ConfigEditDialog::ConfigEditDialog(ConsoleBackend *backend, QWidget *parent)
    : QDialog(parent)
    , m_backend(backend)
    , m_origin(u"dialog-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    auto *layout = new QVBoxLayout(this);
    m_content = new QVBoxLayout;
    layout->addLayout(m_content);
    m_issues = new QLabel;
    m_issues->setObjectName(u"issues"_s);
    m_issues->setWordWrap(true);
    m_issues->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_issues->setAccessibleName(u"Problems"_s);
    m_issues->hide();
    layout->addWidget(m_issues);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConfigEditDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ConfigEditDialog::reject);
    layout->addWidget(m_buttons);
    connect(backend, &ConsoleBackend::configApplied, this, &ConfigEditDialog::onApplied);
}

ConfigEditDialog::~ConfigEditDialog() = default;

void ConfigEditDialog::showIssues(const QStringList &issues)
{
    for (QWidget *widget : std::as_const(m_marked)) {
        widget->setStyleSheet(QString());
    }
    m_marked.clear();
    if (issues.isEmpty()) {
        m_issues->hide();
        return;
    }
    QWidget *first = nullptr;
    for (const QString &issue : issues) {
        if (QWidget *field = fieldFor(issue.section(u':', 0, 0))) {
            field->setStyleSheet(u"border: 1px solid %1"_s.arg(ThemeColors::error(palette()).name()));
            m_marked.append(field);
            first = first ? first : field;
        }
    }
    if (first) {
        first->setFocus();
    }
    m_issues->setText(u"<span style='color:%1'>%2</span>"_s.arg(
        ThemeColors::error(palette()).name(),
        issues.join(u"<br>"_s).toHtmlEscaped().replace(u"&lt;br&gt;"_s, u"<br>"_s)));
    m_issues->show();
}

void ConfigEditDialog::accept()
{
    QHash<QString, QString> ignored;
    const QByteArray check = QJsonDocument(buildConfig(ignored, true)).toJson();
    const ConfigParser::Outcome parsed = ConfigParser::parse(check, QDir::homePath());
    if (const auto *issues = std::get_if<QList<ConfigIssue>>(&parsed)) {
        QStringList lines;
        for (const ConfigIssue &issue : *issues) {
            lines.append(issue.toString());
        }
        showIssues(lines);
        return;
    }
    QHash<QString, QString> secrets;
    const QByteArray json = QJsonDocument(buildConfig(secrets, false)).toJson();
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(false);
    m_issues->setText(u"Saving…"_s);
    m_issues->show();
    m_backend->applyConfig(json, QDir::homePath(), m_origin, secrets);
}

void ConfigEditDialog::onApplied(const QString &origin, const QStringList &issues, const QString &summary,
                                 const QStringList &warnings)
{
    Q_UNUSED(summary)
    Q_UNUSED(warnings)
    if (origin != m_origin) {
        return;
    }
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(true);
    if (!issues.isEmpty()) {
        showIssues(issues);
        return;
    }
    QDialog::accept();
}

} // namespace SyncDesk

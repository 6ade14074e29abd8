#include "configeditdialog.h"

#include "config/configparser.h"
#include "consolebackend.h"
#include "themecolors.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
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
    m_issues->setAccessibleName(tr("Problems"));
    m_issues->hide();
    layout->addWidget(m_issues);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConfigEditDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ConfigEditDialog::reject);
    layout->addWidget(m_buttons);
    connect(backend, &ConsoleBackend::configApplied, this, &ConfigEditDialog::onApplied);
}

ConfigEditDialog::~ConfigEditDialog() = default;

namespace {

bool layoutHolds(QLayout *layout, QWidget *field)
{
    for (int i = 0; i < layout->count(); ++i) {
        QLayoutItem *item = layout->itemAt(i);
        if ((item->widget() && (item->widget() == field || item->widget()->isAncestorOf(field))) ||
            (item->layout() && layoutHolds(item->layout(), field))) {
            return true;
        }
    }
    return false;
}

// The form layout row of `field` (itself, or the widget or layout it is in): false when it is in none.
bool formRow(QWidget *dialog, QWidget *field, QFormLayout *&form, int &row, QWidget *&rowWidget)
{
    for (QFormLayout *candidate : dialog->findChildren<QFormLayout *>()) {
        for (int index = 0; index < candidate->rowCount(); ++index) {
            for (const QFormLayout::ItemRole role : {QFormLayout::FieldRole, QFormLayout::SpanningRole}) {
                QLayoutItem *item = candidate->itemAt(index, role);
                if (!item) {
                    continue;
                }
                const bool holds =
                    (item->widget() && (item->widget() == field || item->widget()->isAncestorOf(field))) ||
                    (item->layout() && layoutHolds(item->layout(), field));
                if (holds) {
                    form = candidate;
                    row = index;
                    rowWidget = item->widget();
                    return true;
                }
            }
        }
    }
    return false;
}

} // namespace

QString ConfigEditDialog::describeIssue(const QString &jsonPath, const QString &message, QWidget *field) const
{
    Q_UNUSED(jsonPath)
    QFormLayout *form = nullptr;
    int row = -1;
    QWidget *rowWidget = nullptr;
    if (field && formRow(const_cast<ConfigEditDialog *>(this), field, form, row, rowWidget)) {
        QLayoutItem *labelItem = form->itemAt(row, QFormLayout::LabelRole);
        if (auto *label = labelItem ? qobject_cast<QLabel *>(labelItem->widget()) : nullptr) {
            QString name = label->text().remove(u'&').trimmed();
            if (name.endsWith(u':')) {
                name.chop(1);
            }
            if (!name.isEmpty()) {
                //: A problem shown under a form field. %1: the field's label (without its colon), %2: the problem
                return tr("%1: %2").arg(name, message);
            }
        }
    }
    return message;
}

void ConfigEditDialog::showIssues(const QStringList &issues)
{
    for (QWidget *widget : std::as_const(m_marked)) {
        widget->setStyleSheet(QString());
    }
    m_marked.clear();
    for (QLabel *label : std::as_const(m_inline)) {
        QFormLayout *form = nullptr;
        int row = -1;
        QWidget *rowWidget = nullptr;
        if (formRow(this, label, form, row, rowWidget)) {
            form->removeRow(row); // deletes the label
        } else {
            delete label;
        }
    }
    m_inline.clear();
    if (issues.isEmpty()) {
        m_issues->hide();
        return;
    }
    QWidget *first = nullptr;
    QStringList elsewhere; // problems without a field of their own
    for (const QString &issue : issues) {
        const QString path = issue.section(u": "_s, 0, 0);
        const QString message = issue.section(u": "_s, 1);
        QWidget *field = fieldFor(path);
        const QString text = describeIssue(path, message, field);
        QFormLayout *form = nullptr;
        int row = -1;
        QWidget *rowWidget = nullptr;
        if (!field || !formRow(this, field, form, row, rowWidget)) {
            elsewhere.append(text);
            continue;
        }
        field->setStyleSheet(u"border: 1px solid %1"_s.arg(ThemeColors::error(palette()).name()));
        m_marked.append(field);
        first = first ? first : field;
        if (QLabel *shown = m_inline.value(field)) {
            shown->setText(shown->text() + u'\n' + text);
            continue;
        }
        auto *label = new QLabel(text);
        label->setObjectName(u"fieldIssue"_s);
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
        QPalette colors = label->palette();
        colors.setColor(QPalette::WindowText, ThemeColors::error(palette()));
        label->setPalette(colors);
        form->insertRow(row + 1, QString(), label);
        label->show(); // now, not when the layout gets round to it
        m_inline.insert(field, label);
    }
    if (first) {
        first->setFocus();
    }
    if (elsewhere.isEmpty()) {
        m_issues->setText(u"<span style='color:%1'>%2</span>"_s.arg(
            ThemeColors::error(palette()).name(), tr("Please correct the fields marked above.").toHtmlEscaped()));
    } else {
        m_issues->setText(u"<span style='color:%1'>%2</span>"_s.arg(
            ThemeColors::error(palette()).name(), elsewhere.join(u"\n"_s).toHtmlEscaped().replace(u"\n"_s, u"<br>"_s)));
    }
    m_issues->show();
}

std::optional<ConfigFile> ConfigEditDialog::validatedForm()
{
    QHash<QString, QString> ignored;
    const QByteArray check = QJsonDocument(buildConfig(ignored, true)).toJson();
    ConfigParser::Outcome parsed = ConfigParser::parse(check, QDir::homePath());
    if (const auto *issues = std::get_if<QList<ConfigIssue>>(&parsed)) {
        QStringList lines;
        for (const ConfigIssue &issue : *issues) {
            lines.append(issue.toString());
        }
        showIssues(lines);
        return std::nullopt;
    }
    showIssues({});
    return std::get<ConfigFile>(std::move(parsed));
}

void ConfigEditDialog::accept()
{
    if (!validatedForm()) {
        return;
    }
    QHash<QString, QString> secrets;
    const QByteArray json = QJsonDocument(buildConfig(secrets, false)).toJson();
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(false);
    m_issues->setText(tr("Saving…"));
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

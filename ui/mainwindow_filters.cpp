// The mailbox table's filters beyond the text and the state buttons: server profile, error class and owner,
// each a list of what the mailboxes have, combining with the others; and saved views, a combination of all
// of them under a name, restored from the Views menu.

#include "mainwindow.h"
#include "models/mailboxtablemodel.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QComboBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QStatusBar>
#include <QToolButton>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

const QString kViewsGroup = u"views"_s;

QComboBox *choice(const QString &name, const QString &any, const QString &accessible)
{
    auto *combo = new QComboBox;
    combo->setObjectName(name);
    combo->setAccessibleName(accessible);
    combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    combo->setMaximumWidth(260);
    combo->addItem(any, QString());
    return combo;
}

// Keeps the choice that was made while the list follows the mailboxes.
// The values as data; shown as title(value) when a title is given (error classes in the user's language).
void refill(QComboBox *combo, const QStringList &values, QString (*title)(const QString &) = nullptr)
{
    const QString current = combo->currentData().toString();
    QStringList now;
    for (int i = 1; i < combo->count(); ++i) {
        now.append(combo->itemData(i).toString());
    }
    if (now == values) {
        return;
    }
    const QSignalBlocker blocker(combo);
    while (combo->count() > 1) {
        combo->removeItem(1);
    }
    for (const QString &value : values) {
        combo->addItem(title ? title(value) : value, value);
    }
    if (!current.isEmpty() && combo->findData(current) < 0) {
        combo->addItem(title ? title(current) : current, current); // chosen before, none left: still shown
    }
    combo->setCurrentIndex(std::max(0, combo->findData(current)));
}

void choose(QComboBox *combo, const QString &value)
{
    if (!value.isEmpty() && combo->findData(value) < 0) {
        combo->addItem(value, value);
    }
    combo->setCurrentIndex(std::max(0, combo->findData(value)));
}

} // namespace

QHBoxLayout *MainWindow::createFilterChoices()
{
    auto *row = new QHBoxLayout;
    m_profileChoice = choice(u"profileFilter"_s, tr("Any server profile"), tr("Filter by server profile"));
    m_errorChoice = choice(u"errorFilter"_s, tr("Any error"), tr("Filter by error class"));
    m_ownerChoice = choice(u"ownerFilter"_s, tr("Any owner"), tr("Filter by owner"));
    connect(m_profileChoice, &QComboBox::currentIndexChanged, this,
            [this] { m_mailboxProxy->setProfile(m_profileChoice->currentData().toString()); });
    connect(m_errorChoice, &QComboBox::currentIndexChanged, this,
            [this] { m_mailboxProxy->setErrorClass(m_errorChoice->currentData().toString()); });
    connect(m_ownerChoice, &QComboBox::currentIndexChanged, this,
            [this] { m_mailboxProxy->setOwner(m_ownerChoice->currentData().toString()); });
    row->addWidget(m_profileChoice);
    row->addWidget(m_errorChoice);
    row->addWidget(m_ownerChoice);
    row->addStretch();
    auto *views = new QToolButton;
    views->setObjectName(u"viewsButton"_s);
    views->setText(tr("Saved vie&ws"));
    views->setAccessibleName(tr("Saved views"));
    views->setPopupMode(QToolButton::InstantPopup);
    m_viewsMenu = new QMenu(views);
    m_viewsMenu->setObjectName(u"viewsMenu"_s);
    views->setMenu(m_viewsMenu);
    row->addWidget(views);
    rebuildViewsMenu();
    return row;
}

void MainWindow::updateFilterChoices()
{
    QSet<QString> profiles;
    QSet<QString> errors;
    QSet<QString> owners;
    for (const MailboxStatus &status : m_mailboxModel->statuses()) {
        profiles.insert(status.mailbox.profileName);
        if (status.state.hasError()) {
            errors.insert(errorClassName(status.state.lastErrorClass));
        }
        if (!status.mailbox.ownerKey.isEmpty()) {
            owners.insert(status.mailbox.owner());
        }
    }
    auto sorted = [](const QSet<QString> &set) {
        QStringList list(set.cbegin(), set.cend());
        list.sort(Qt::CaseInsensitive);
        return list;
    };
    refill(m_profileChoice, sorted(profiles));
    refill(m_errorChoice, sorted(errors),
           [](const QString &name) { return errorClassTitle(errorClassFromName(name)); });
    refill(m_ownerChoice, sorted(owners));
    m_ownerChoice->setVisible(m_ownerChoice->count() > 1 || !m_mailboxProxy->owner().isEmpty());
}

void MainWindow::setProfileFilter(const QString &profile)
{
    choose(m_profileChoice, profile);
}

void MainWindow::setErrorClassFilter(const QString &errorClass)
{
    choose(m_errorChoice, errorClass);
}

void MainWindow::setOwnerFilter(const QString &owner)
{
    choose(m_ownerChoice, owner);
    m_ownerChoice->setVisible(true);
}

QStringList MainWindow::savedViews() const
{
    QSettings settings;
    settings.beginGroup(kViewsGroup);
    QStringList names = settings.childKeys();
    names.sort(Qt::CaseInsensitive);
    return names;
}

void MainWindow::saveView(const QString &name)
{
    const QJsonObject view{{u"state"_s, int(m_mailboxProxy->quickFilter())},
                           {u"text"_s, m_filter->text()},
                           {u"profile"_s, m_mailboxProxy->profile()},
                           {u"error"_s, m_mailboxProxy->errorClass()},
                           {u"owner"_s, m_mailboxProxy->owner()}};
    QSettings settings;
    settings.beginGroup(kViewsGroup);
    settings.setValue(name, QString::fromUtf8(QJsonDocument(view).toJson(QJsonDocument::Compact)));
    settings.endGroup();
    rebuildViewsMenu();
    statusBar()->showMessage(tr("View “%1” saved").arg(name), 5000);
}

bool MainWindow::restoreView(const QString &name)
{
    QSettings settings;
    settings.beginGroup(kViewsGroup);
    if (!settings.contains(name)) {
        return false;
    }
    const QJsonObject view = QJsonDocument::fromJson(settings.value(name).toString().toUtf8()).object();
    m_tabs->setCurrentIndex(0);
    m_mailboxProxy->setMailboxSet({});
    m_mailboxSetBar->hide();
    setQuickFilter(MailboxFilterProxy::QuickFilter(std::clamp(view.value(u"state"_s).toInt(), 0, 4)));
    m_filter->setText(view.value(u"text"_s).toString());
    setProfileFilter(view.value(u"profile"_s).toString());
    setErrorClassFilter(view.value(u"error"_s).toString());
    setOwnerFilter(view.value(u"owner"_s).toString());
    statusBar()->showMessage(tr("View “%1”: %2 of %n mailbox(es)", nullptr, m_mailboxModel->rowCount())
                                 .arg(name, QString::number(m_mailboxProxy->rowCount())),
                             5000);
    return true;
}

void MainWindow::rebuildViewsMenu()
{
    m_viewsMenu->clear();
    QAction *save = m_viewsMenu->addAction(tr("&Save current view…"));
    save->setObjectName(u"saveViewAction"_s);
    connect(save, &QAction::triggered, this, [this] {
        auto *ask = new QInputDialog(this);
        ask->setObjectName(u"saveViewDialog"_s);
        ask->setAttribute(Qt::WA_DeleteOnClose);
        ask->setWindowTitle(tr("Save view"));
        ask->setLabelText(tr("Name of this combination of filters:"));
        connect(ask, &QInputDialog::textValueSelected, this, [this](const QString &name) {
            if (!name.trimmed().isEmpty()) {
                saveView(name.trimmed());
            }
        });
        ask->open();
    });
    const QStringList names = savedViews();
    if (!names.isEmpty()) {
        m_viewsMenu->addSeparator();
    }
    for (const QString &name : names) {
        QAction *restore = m_viewsMenu->addAction(QString(name).replace(u'&', u"&&"_s));
        restore->setObjectName(u"view:"_s + name);
        connect(restore, &QAction::triggered, this, [this, name] { restoreView(name); });
    }
    if (!names.isEmpty()) {
        QMenu *remove = m_viewsMenu->addMenu(tr("&Delete view"));
        for (const QString &name : names) {
            connect(remove->addAction(QString(name).replace(u'&', u"&&"_s)), &QAction::triggered, this, [this, name] {
                QSettings settings;
                settings.beginGroup(kViewsGroup);
                settings.remove(name);
                settings.endGroup();
                rebuildViewsMenu();
            });
        }
    }
}

} // namespace SyncDesk

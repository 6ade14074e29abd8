#include "folderpickerdialog.h"

#include "diagnostics/connectiontestrunner.h"
#include "diagnostics/errorclass.h"
#include "diagnostics/hintcatalog.h"
#include "model/untrustedtext.h"
#include "themecolors.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

enum Column { NameColumn, UseColumn };
enum Role { FolderRole = Qt::UserRole, ListedRole, SelectableRole };

bool sameFolder(const QString &a, const QString &b)
{
    return a == b ||
           (a.compare(u"INBOX"_s, Qt::CaseInsensitive) == 0 && b.compare(u"INBOX"_s, Qt::CaseInsensitive) == 0);
}

QString specialUseText(const QString &use)
{
    // What the server says a folder is for (RFC 6154 special use).
    if (use.compare(u"\\Sent"_s, Qt::CaseInsensitive) == 0) {
        return FolderPickerDialog::tr("Sent mail");
    }
    if (use.compare(u"\\Drafts"_s, Qt::CaseInsensitive) == 0) {
        return FolderPickerDialog::tr("Drafts");
    }
    if (use.compare(u"\\Trash"_s, Qt::CaseInsensitive) == 0) {
        return FolderPickerDialog::tr("Deleted items");
    }
    if (use.compare(u"\\Junk"_s, Qt::CaseInsensitive) == 0) {
        return FolderPickerDialog::tr("Junk");
    }
    if (use.compare(u"\\Archive"_s, Qt::CaseInsensitive) == 0) {
        return FolderPickerDialog::tr("Archive");
    }
    if (use.compare(u"\\All"_s, Qt::CaseInsensitive) == 0) {
        return FolderPickerDialog::tr("All mail");
    }
    if (use.compare(u"\\Flagged"_s, Qt::CaseInsensitive) == 0) {
        return FolderPickerDialog::tr("Flagged");
    }
    return {};
}

void collectChecked(const QTreeWidgetItem *item, QStringList &into)
{
    if (item->checkState(NameColumn) == Qt::Checked && (item->flags() & Qt::ItemIsUserCheckable)) {
        into.append(item->data(NameColumn, FolderRole).toString());
    }
    for (int i = 0; i < item->childCount(); ++i) {
        collectChecked(item->child(i), into);
    }
}

// Shows the items whose path contains `text`, with their ancestors; returns whether any of this subtree shows.
bool filterItem(QTreeWidgetItem *item, const QString &text)
{
    bool visible = text.isEmpty() || item->data(NameColumn, FolderRole).toString().contains(text, Qt::CaseInsensitive);
    for (int i = 0; i < item->childCount(); ++i) {
        visible = filterItem(item->child(i), text) || visible;
    }
    item->setHidden(!visible);
    return visible;
}

} // namespace

FolderPickerDialog::FolderPickerDialog(const Mailbox &mailbox, const ServerProfile &profile, const QStringList &chosen,
                                       QWidget *parent)
    : QDialog(parent)
    , m_mailbox(mailbox)
    , m_profile(profile)
    , m_chosen(chosen)
{
    setObjectName(u"folderPickerDialog"_s);
    //: %1: the mailbox address
    setWindowTitle(tr("Folders of %1").arg(mailbox.address));
    setWindowModality(Qt::WindowModal);
    resize(520, 480);
    auto *layout = new QVBoxLayout(this);

    m_summary = new QLabel;
    m_summary->setObjectName(u"summary"_s);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    //: %1: the server's host name
    m_summary->setText(tr("Listing the folders on %1…").arg(profile.incoming.host));
    layout->addWidget(m_summary);
    m_progress = new QProgressBar;
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->setAccessibleName(tr("Listing the folders"));
    layout->addWidget(m_progress);

    m_filter = new QLineEdit;
    m_filter->setObjectName(u"filter"_s);
    m_filter->setPlaceholderText(tr("Filter folders"));
    m_filter->setAccessibleName(tr("Filter folders"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setEnabled(false);
    layout->addWidget(m_filter);
    connect(m_filter, &QLineEdit::textChanged, this, &FolderPickerDialog::applyFilter);

    m_tree = new QTreeWidget;
    m_tree->setObjectName(u"folders"_s);
    m_tree->setAccessibleName(tr("Folders on the server"));
    m_tree->setHeaderLabels({tr("Folder"), tr("Use")});
    m_tree->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(UseColumn, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setEnabled(false);
    layout->addWidget(m_tree, 1);

    m_hint = new QLabel;
    m_hint->setObjectName(u"hint"_s);
    m_hint->setTextFormat(Qt::PlainText);
    m_hint->setWordWrap(true);
    m_hint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_hint->hide();
    layout->addWidget(m_hint);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);

    ConnectionTestOptions options;
    options.listFolders = true;
    m_runner = std::make_unique<ConnectionTestRunner>(mailbox, profile, options);
    connect(m_runner.get(), &ConnectionTestRunner::finished, this, &FolderPickerDialog::onFinished);
}

// Closing while listing destroys the runner, which cancels the listing.
FolderPickerDialog::~FolderPickerDialog() = default;

bool FolderPickerDialog::isListing() const
{
    return m_runner && m_runner->isRunning();
}

void FolderPickerDialog::open()
{
    QDialog::open();
    if (m_runner && !m_runner->isRunning() && m_tree->topLevelItemCount() == 0) {
        m_runner->start();
    }
}

void FolderPickerDialog::onFinished(const ConnectionTestReport &report)
{
    m_progress->hide();
    QPalette colors = m_summary->palette();
    if (report.cancelled) {
        m_summary->setText(tr("Cancelled."));
        return;
    }
    if (!report.passed() || !report.folders) {
        setProperty("outcome", u"failed"_s);
        colors.setColor(QPalette::WindowText, ThemeColors::error(palette()));
        m_summary->setPalette(colors);
        const SyncError &error = *report.error;
        const QString step = report.steps.isEmpty() ? QString() : report.steps.constLast().title;
        //: %1: the step that failed, %2: the kind of error, %3: the error message (from the server)
        m_summary->setText(
            tr("The folders could not be listed. Failed at “%1”: %2: %3")
                .arg(step, errorClassTitle(error.errorClass), UntrustedText::withoutControls(error.message)));
        const Hint hint = HintCatalog::instance().hint(error.hintId);
        if (hint.isValid()) {
            QString text = hint.title;
            for (const QString &remedy : hint.steps(Hint::Audience::Console)) {
                text += u"\n• "_s + remedy;
            }
            m_hint->setText(text);
            m_hint->show();
        }
        return;
    }
    setProperty("outcome", u"listed"_s);
    fill(*report.folders);
    m_tree->setEnabled(true);
    m_filter->setEnabled(true);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
    m_tree->setFocus();
    const int count = int(report.folders->size());
    if (report.foldersTruncated) {
        colors.setColor(QPalette::WindowText, ThemeColors::warning(palette()));
        m_summary->setPalette(colors);
        m_summary->setText(tr("The server lists more folders than the first %n shown here; type the others in the "
                              "Folders field.",
                              nullptr, count));
    } else {
        m_summary->setText(tr("%n folder(s) on the server. Check the ones to sync.", nullptr, count));
    }
}

QTreeWidgetItem *FolderPickerDialog::addFolder(const QString &name, const QString &delimiter,
                                               QHash<QString, QTreeWidgetItem *> &items)
{
    if (QTreeWidgetItem *known = items.value(name)) {
        return known;
    }
    QTreeWidgetItem *parent = nullptr;
    QString leaf = name;
    if (!delimiter.isEmpty()) {
        const qsizetype cut = name.lastIndexOf(delimiter);
        if (cut > 0 && cut + delimiter.size() < name.size()) {
            parent = addFolder(name.left(cut), delimiter, items);
            leaf = name.mid(cut + delimiter.size());
        }
    }
    auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_tree);
    // A server's names are plain text (QTreeWidget never renders them as rich text).
    item->setText(NameColumn, UntrustedText::withoutControls(leaf));
    item->setToolTip(NameColumn, UntrustedText::withoutControls(name));
    item->setData(NameColumn, FolderRole, name);
    // A step of the hierarchy until the server lists it: not checkable.
    item->setFlags(Qt::ItemIsEnabled);
    item->setForeground(NameColumn, palette().color(QPalette::Disabled, QPalette::Text));
    items.insert(name, item);
    return item;
}

void FolderPickerDialog::fill(const QList<ServerFolder> &folders)
{
    m_tree->clear();
    QHash<QString, QTreeWidgetItem *> items;
    QStringList unmatched = m_chosen;
    for (const ServerFolder &folder : folders) {
        QTreeWidgetItem *item = addFolder(folder.name, folder.delimiter, items);
        item->setData(NameColumn, ListedRole, true);
        item->setData(NameColumn, SelectableRole, folder.selectable);
        item->setText(UseColumn, specialUseText(folder.specialUse));
        if (!folder.selectable) {
            item->setToolTip(
                NameColumn,
                tr("%1: holds no messages, only other folders").arg(UntrustedText::withoutControls(folder.name)));
            continue;
        }
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setForeground(NameColumn, palette().color(QPalette::Text));
        bool checked = false;
        for (qsizetype i = unmatched.size() - 1; i >= 0; --i) {
            if (sameFolder(unmatched.at(i), folder.name)) {
                checked = true;
                unmatched.removeAt(i);
            }
        }
        item->setCheckState(NameColumn, checked ? Qt::Checked : Qt::Unchecked);
        item->setData(NameColumn, Qt::AccessibleTextRole, UntrustedText::withoutControls(folder.name));
    }
    // Chosen before but not on the server: kept, checked and marked, for the user to decide.
    for (const QString &name : std::as_const(unmatched)) {
        auto *item = new QTreeWidgetItem(m_tree);
        //: %1: a folder the mailbox is set to sync that the server did not list
        item->setText(NameColumn, tr("%1 (not on the server)").arg(name));
        item->setToolTip(NameColumn, tr("The mailbox is set to sync this folder, but the server does not list it; "
                                        "a sync fails on it until it exists. Uncheck it to leave it out."));
        item->setData(NameColumn, FolderRole, name);
        item->setData(NameColumn, ListedRole, false);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(NameColumn, Qt::Checked);
        item->setForeground(NameColumn, ThemeColors::warning(palette()));
    }
    m_tree->expandAll();
}

QStringList FolderPickerDialog::chosenFolders() const
{
    QStringList folders;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        collectChecked(m_tree->topLevelItem(i), folders);
    }
    for (qsizetype i = 0; i < folders.size(); ++i) {
        if (folders.at(i).compare(u"INBOX"_s, Qt::CaseInsensitive) == 0) {
            folders.move(i, 0);
            break;
        }
    }
    return folders;
}

void FolderPickerDialog::applyFilter(const QString &text)
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        filterItem(m_tree->topLevelItem(i), text.trimmed());
    }
}

} // namespace SyncDesk

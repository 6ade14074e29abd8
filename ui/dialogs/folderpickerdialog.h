#pragma once

#include "diagnostics/connectiontestreport.h"
#include "model/mailbox.h"
#include "model/serverprofile.h"

#include <QDialog>

#include <memory>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QTreeWidget;
class QTreeWidgetItem;

namespace SyncDesk {

class ConnectionTestRunner;

// "Choose…" next to a mailbox's folders: logs in with what the mailbox dialog says and lists the server's
// folders in the background (the core's connection test with listFolders), then shows them as a tree to
// check. The folders already chosen come checked; one the server does not list stays in the list, checked
// and marked, so nothing is dropped unseen. A failure says where and why, with the hint's steps. Cancel
// stops the listing at once.
class FolderPickerDialog final : public QDialog
{
    Q_OBJECT
public:
    FolderPickerDialog(const Mailbox &mailbox, const ServerProfile &profile, const QStringList &chosen,
                       QWidget *parent = nullptr);
    ~FolderPickerDialog() override;

    // The checked folders, INBOX first, then in the server's order, then those it did not list.
    QStringList chosenFolders() const;
    bool isListing() const;
    QTreeWidget *folderTree() const { return m_tree; }
    QLabel *summaryLabel() const { return m_summary; }
    QLineEdit *filterEdit() const { return m_filter; }
    QDialogButtonBox *buttonBox() const { return m_buttons; }

public Q_SLOTS:
    void open() override; // starts listing

private:
    void onFinished(const ConnectionTestReport &report);
    void fill(const QList<ServerFolder> &folders);
    QTreeWidgetItem *addFolder(const QString &name, const QString &delimiter, QHash<QString, QTreeWidgetItem *> &items);
    void applyFilter(const QString &text);

    Mailbox m_mailbox;
    ServerProfile m_profile;
    QStringList m_chosen;
    std::unique_ptr<ConnectionTestRunner> m_runner;
    QLabel *m_summary = nullptr;
    QProgressBar *m_progress = nullptr;
    QLineEdit *m_filter = nullptr;
    QTreeWidget *m_tree = nullptr;
    QLabel *m_hint = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace SyncDesk

#pragma once

#include "configeditdialog.h"
#include "model/crmrecord.h"
#include "model/mailbox.h"
#include "model/serverprofile.h"

#include <memory>
#include <optional>

class QCheckBox;
class QPushButton;
class QTemporaryDir;
class QComboBox;
class QLineEdit;
class QRadioButton;

namespace SyncDesk {

// Adds a mailbox, or edits one (its address is its key and stays as it is).
class MailboxDialog final : public ConfigEditDialog
{
    Q_OBJECT
public:
    // crmRecords: the system users and queues offered as owners.
    MailboxDialog(ConsoleBackend *backend, const QList<ServerProfile> &profiles,
                  const std::optional<Mailbox> &existing = std::nullopt, QWidget *parent = nullptr,
                  const CrmRecordList &crmRecords = {});

    // Where a password typed in the dialog is kept: a file only this user can read.
    static QString secretFileFor(const QString &address);
    // Where those files go instead of the application's data folder (the demo: its temporary directory,
    // so that nothing typed in the demo outlives it). Empty: the default.
    static void setSecretDirectory(const QString &directory);

    QLineEdit *addressEdit() const { return m_address; }
    QComboBox *profileCombo() const { return m_profile; }
    QLineEdit *passwordEdit() const { return m_password; }
    QCheckBox *keychainBox() const { return m_useKeychain; }
    QLineEdit *foldersEdit() const { return m_folders; }
    QComboBox *ownerCombo() const { return m_owner; }
    QComboBox *trackingCombo() const { return m_tracking; }
    // Test connection from inside the dialog: what is typed, before it is saved.
    QPushButton *testButton() const { return m_test; }
    // "Choose…": the server's folders to check, listed in the background with what is typed.
    QPushButton *chooseFoldersButton() const { return m_chooseFolders; }
    ~MailboxDialog() override;

protected:
    QJsonObject buildConfig(QHash<QString, QString> &secrets, bool forValidation) const override;
    QWidget *fieldFor(const QString &jsonPath) const override;
    QString describeIssue(const QString &jsonPath, const QString &message, QWidget *field) const override;

private:
    void testConnection();
    void chooseFolders();
    // The mailbox and its profile as the form says, a typed password in a private file for the test; nullopt
    // (the problems shown next to their fields) when the form is not valid.
    std::optional<std::pair<Mailbox, ServerProfile>> mailboxForTest();

    std::optional<Mailbox> m_existing;
    QList<ServerProfile> m_profiles;
    QPushButton *m_test = nullptr;
    QPushButton *m_chooseFolders = nullptr;
    // A password typed in, for the test only: a file only this user can read, gone with the dialog.
    std::unique_ptr<QTemporaryDir> m_testSecrets;
    QLineEdit *m_address = nullptr;
    QComboBox *m_profile = nullptr;
    QLineEdit *m_username = nullptr;
    QRadioButton *m_keepPassword = nullptr;
    QRadioButton *m_typePassword = nullptr;
    QRadioButton *m_filePassword = nullptr;
    QRadioButton *m_envPassword = nullptr;
    QLineEdit *m_password = nullptr;
    QCheckBox *m_useKeychain = nullptr;
    QLineEdit *m_passwordFile = nullptr;
    QLineEdit *m_passwordEnv = nullptr;
    QLineEdit *m_folders = nullptr;
    QCheckBox *m_enabled = nullptr;
    QCheckBox *m_outgoing = nullptr;
    QComboBox *m_owner = nullptr;
    QComboBox *m_tracking = nullptr;
    QLineEdit *m_processFrom = nullptr;
};

} // namespace SyncDesk

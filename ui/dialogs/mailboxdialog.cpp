#include "mailboxdialog.h"

#include "config/passwordsource.h"
#include "config/privatefiles.h"
#include "folderpickerdialog.h"
#include "testconnectiondialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QVBoxLayout>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

QString &secretDirectory()
{
    static QString directory; // set once at start (the demo), read in the UI thread
    return directory;
}

} // namespace

void MailboxDialog::setSecretDirectory(const QString &directory)
{
    secretDirectory() = directory;
}

QString MailboxDialog::secretFileFor(const QString &address)
{
    QString safe = address.trimmed().toLower();
    safe.replace(u'/', u'_');
    const QString directory = secretDirectory().isEmpty()
                                  ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/secrets"_s
                                  : secretDirectory();
    return directory + u'/' + safe + u".password"_s;
}

MailboxDialog::MailboxDialog(ConsoleBackend *backend, const QList<ServerProfile> &profiles,
                             const std::optional<Mailbox> &existing, QWidget *parent, const CrmRecordList &crmRecords)
    : ConfigEditDialog(backend, parent)
    , m_existing(existing)
    , m_profiles(profiles)
{
    setWindowTitle(existing ? tr("Edit mailbox %1").arg(existing->address) : tr("Add mailbox"));
    auto *form = new QFormLayout;
    m_address = new QLineEdit;
    m_address->setPlaceholderText(u"ana.souza@contoso.com"_s);
    m_address->setAccessibleName(tr("Address"));
    m_profile = new QComboBox;
    m_profile->setAccessibleName(tr("Server profile"));
    for (const ServerProfile &profile : profiles) {
        m_profile->addItem(profile.name);
    }
    m_username = new QLineEdit;
    m_username->setObjectName(u"username"_s);
    m_username->setPlaceholderText(tr("the address, if empty"));
    m_username->setAccessibleName(tr("User name"));
    form->addRow(tr("&Address:"), m_address);
    form->addRow(tr("Server &profile:"), m_profile);
    form->addRow(tr("&User name:"), m_username);

    auto *password = new QGridLayout;
    m_keepPassword = new QRadioButton(tr("Keep the current password source"));
    //: The password: type it in
    m_typePassword = new QRadioButton(tr("Type it:"));
    m_filePassword = new QRadioButton(tr("Read it from a file:"));
    m_envPassword = new QRadioButton(tr("Read it from an environment variable:"));
    m_password = new QLineEdit;
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setAccessibleName(tr("Password"));
    m_password->setToolTip(tr("Kept in a file only you can read, or in the system keychain; never in the database"));
    m_useKeychain = new QCheckBox(tr("Keep it in the system keychain instead of a private file"));
    m_useKeychain->setToolTip(tr("QtKeychain: the desktop's Secret Service or KWallet, entry named after the address. "
                                 "The engine must run in this session to read it."));
    m_passwordFile = new QLineEdit;
    m_passwordFile->setAccessibleName(tr("Password file"));
    auto *browse = new QPushButton(tr("Browse…"));
    m_passwordEnv = new QLineEdit;
    m_passwordEnv->setPlaceholderText(u"SYNCDESK_PW_ANA"_s);
    m_passwordEnv->setAccessibleName(tr("Password environment variable"));
    int line = 0;
    if (existing) {
        password->addWidget(m_keepPassword, line++, 0, 1, 3);
    }
    password->addWidget(m_typePassword, line, 0);
    password->addWidget(m_password, line++, 1, 1, 2);
    password->addWidget(m_useKeychain, line++, 1, 1, 2);
    password->addWidget(m_filePassword, line, 0);
    password->addWidget(m_passwordFile, line, 1);
    password->addWidget(browse, line++, 2);
    password->addWidget(m_envPassword, line, 0);
    password->addWidget(m_passwordEnv, line++, 1, 1, 2);
    form->addRow(tr("Password:"), password);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Password file"));
        if (!file.isEmpty()) {
            m_passwordFile->setText(file);
            m_filePassword->setChecked(true);
        }
    });
    connect(m_password, &QLineEdit::textEdited, this, [this] { m_typePassword->setChecked(true); });
    connect(m_passwordFile, &QLineEdit::textEdited, this, [this] { m_filePassword->setChecked(true); });
    connect(m_passwordEnv, &QLineEdit::textEdited, this, [this] { m_envPassword->setChecked(true); });

    m_folders = new QLineEdit(u"INBOX"_s);
    m_folders->setAccessibleName(tr("Folders"));
    m_folders->setToolTip(tr("Folders to sync, separated by commas"));
    m_enabled = new QCheckBox(tr("Sync this mailbox"));
    m_enabled->setChecked(true);
    //: Opens the list of the server's folders to check
    m_chooseFolders = new QPushButton(tr("&Choose…"));
    m_chooseFolders->setObjectName(u"chooseFolders"_s);
    m_chooseFolders->setToolTip(tr("Logs in with what is typed here and lists the server's folders to choose from"));
    connect(m_chooseFolders, &QPushButton::clicked, this, &MailboxDialog::chooseFolders);
    auto *folders = new QHBoxLayout;
    folders->setContentsMargins(0, 0, 0, 0);
    folders->addWidget(m_folders, 1);
    folders->addWidget(m_chooseFolders);
    auto *foldersLabel = new QLabel(tr("&Folders:"));
    foldersLabel->setBuddy(m_folders);
    form->addRow(foldersLabel, folders);
    form->addRow(QString(), m_enabled);
    //: The mailbox's outgoing direction: CRM email leaves through it
    m_outgoing = new QCheckBox(tr("Send CRM email through this mailbox"));
    m_outgoing->setChecked(true);
    form->addRow(QString(), m_outgoing);

    m_owner = new QComboBox;
    m_owner->setAccessibleName(tr("Owner"));
    m_owner->setEditable(true);
    m_owner->setInsertPolicy(QComboBox::NoInsert);
    m_owner->setToolTip(tr("The system user or queue that owns the mailbox in the CRM: their roles and field "
                           "security profile decide what is synchronized"));
    //: No owner
    m_owner->addItem(tr("(none)"), QString());
    for (const CrmRecord &record : crmRecords) {
        if (record.type == u"systemuser"_s || record.type == u"queue"_s) {
            m_owner->addItem(u"%1 — %2"_s.arg(record.reference(), record.name), record.reference());
        }
    }
    m_tracking = new QComboBox;
    m_tracking->setAccessibleName(tr("Tracking"));
    for (TrackingOption option : {TrackingOption::All, TrackingOption::Responses, TrackingOption::KnownRecords,
                                  TrackingOption::EmailEnabled, TrackingOption::None}) {
        m_tracking->addItem(trackingOptionText(option), trackingOptionName(option));
    }
    m_processFrom = new QLineEdit;
    m_processFrom->setAccessibleName(tr("Process email from"));
    //: Keep the date format (YYYY-MM-DD): it is what the field accepts
    m_processFrom->setPlaceholderText(tr("everything (or a date: 2024-01-31)"));
    m_processFrom->setToolTip(tr("Mail received before this date is not imported: a mailbox with years of history can "
                                 "be added without importing it. Leave empty to import everything."));
    form->addRow(tr("&Owner:"), m_owner);
    //: Which mail is tracked in the CRM
    form->addRow(tr("&Track:"), m_tracking);
    form->addRow(tr("Process email &from:"), m_processFrom);
    if (existing && !existing->trackedFolders.isEmpty()) {
        QStringList folders;
        for (auto it = existing->trackedFolders.cbegin(); it != existing->trackedFolders.cend(); ++it) {
            folders.append(u"%1 → %2:%3"_s.arg(it.key(), it.value().type, it.value().id));
        }
        auto *tracked = new QLabel(folders.join(u'\n'));
        tracked->setToolTip(tr("Kept as they are; change them in the configuration file (tracked_folders)"));
        form->addRow(tr("Tracked folders:"), tracked);
    }
    contentLayout()->addLayout(form);

    if (existing) {
        m_address->setText(existing->address);
        m_address->setReadOnly(true);
        m_address->setToolTip(tr("The address identifies the mailbox; add a new one to change it"));
        m_profile->setCurrentText(existing->profileName);
        m_username->setText(existing->username == existing->address ? QString() : existing->username);
        m_keepPassword->setChecked(true);
        const PasswordSource source = PasswordSource::parse(existing->passwordSource);
        //: %1: where the password comes from now
        m_keepPassword->setText(tr("Keep the current one (%1)").arg(source.describe()));
        QStringList folders = existing->folders;
        for (auto it = existing->trackedFolders.cbegin(); it != existing->trackedFolders.cend(); ++it) {
            folders.removeAll(it.key()); // added back from tracked_folders
        }
        m_folders->setText(folders.join(u", "_s));
        m_enabled->setChecked(existing->enabled);
        m_outgoing->setChecked(existing->outgoing);
        if (!existing->ownerKey.isEmpty()) {
            const int index = m_owner->findData(existing->owner());
            if (index >= 0) {
                m_owner->setCurrentIndex(index);
            } else {
                m_owner->setEditText(existing->owner());
            }
        }
        m_tracking->setCurrentIndex(m_tracking->findData(trackingOptionName(existing->tracking)));
        if (existing->processFrom.isValid()) {
            const QDateTime utc = existing->processFrom.toUTC();
            m_processFrom->setText(utc.time() == QTime(0, 0) ? utc.date().toString(Qt::ISODate)
                                                             : utc.toString(Qt::ISODate));
        }
    } else {
        m_typePassword->setChecked(true);
    }
    //: Tests what the form says, before it is saved
    m_test = buttonBox()->addButton(tr("Test co&nnection"), QDialogButtonBox::ActionRole);
    m_test->setObjectName(u"testFromDialog"_s);
    m_test->setToolTip(tr("Runs the connection test with what is typed here, without saving it"));
    connect(m_test, &QPushButton::clicked, this, &MailboxDialog::testConnection);
}

MailboxDialog::~MailboxDialog() = default;

std::optional<std::pair<Mailbox, ServerProfile>> MailboxDialog::mailboxForTest()
{
    std::optional<ConfigFile> form = validatedForm();
    if (!form || form->mailboxes.isEmpty()) {
        return std::nullopt;
    }
    Mailbox mailbox = form->mailboxes.constFirst();
    const auto profile = std::find_if(m_profiles.cbegin(), m_profiles.cend(), [&](const ServerProfile &candidate) {
        return candidate.name == mailbox.profileName;
    });
    if (profile == m_profiles.cend()) {
        return std::nullopt; // the combo offers only these
    }
    if (m_typePassword->isChecked()) {
        // The test reads the password where a sync would: a file of this user's, kept only for the dialog.
        m_testSecrets = std::make_unique<QTemporaryDir>();
        const QString file = m_testSecrets->filePath(u"password"_s);
        QFile secret(file);
        if (!m_testSecrets->isValid() || !PrivateFiles::createFile(file) ||
            !secret.open(QIODevice::WriteOnly | QIODevice::Truncate) || secret.write(m_password->text().toUtf8()) < 0) {
            showIssues({u"$.mailboxes[0].password_file: "_s + tr("the password could not be kept for the test")});
            return std::nullopt;
        }
        secret.close();
        mailbox.passwordSource = PasswordSource::fromFile(file).encode();
    }
    return std::make_pair(mailbox, *profile);
}

void MailboxDialog::testConnection()
{
    const auto test = mailboxForTest();
    if (!test) {
        return;
    }
    auto *dialog = new TestConnectionDialog(backend(), test->first, test->second, false, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MailboxDialog::chooseFolders()
{
    const auto test = mailboxForTest();
    if (!test) {
        return;
    }
    QStringList chosen;
    for (const QString &folder : m_folders->text().split(u',', Qt::SkipEmptyParts)) {
        chosen.append(folder.trimmed());
    }
    auto *dialog = new FolderPickerDialog(test->first, test->second, chosen, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { m_folders->setText(dialog->chosenFolders().join(u", "_s)); });
    dialog->open();
}

QJsonObject MailboxDialog::buildConfig(QHash<QString, QString> &secrets, bool forValidation) const
{
    const QString address = m_address->text().trimmed();
    QJsonObject mailbox{{u"address"_s, address}, {u"profile"_s, m_profile->currentText()}};
    if (!m_username->text().trimmed().isEmpty()) {
        mailbox.insert(u"username"_s, m_username->text().trimmed());
    }
    if (m_keepPassword->isChecked() && m_existing) {
        const PasswordSource source = PasswordSource::parse(m_existing->passwordSource);
        const QString key = source.kind() == PasswordSource::Kind::Environment ? u"password_env"_s
                            : source.kind() == PasswordSource::Kind::Keychain  ? u"password_keychain"_s
                                                                               : u"password_file"_s;
        mailbox.insert(key, source.location());
    } else if (m_typePassword->isChecked()) {
        if (m_password->text().isEmpty()) {
            mailbox.insert(u"password_file"_s, QString()); // reported as missing, next to the field
        } else if (forValidation) {
            mailbox.insert(u"password_env"_s, u"SYNCDESK_PASSWORD_TYPED_IN_THE_DIALOG"_s);
        } else if (m_useKeychain->isChecked()) {
            // Written to the keychain (by the store's thread) before the mailbox is saved.
            secrets.insert(u"keychain:"_s + address.toLower(), m_password->text());
            mailbox.insert(u"password_keychain"_s, address.toLower());
        } else {
            const QString file = secretFileFor(address);
            secrets.insert(file, m_password->text());
            mailbox.insert(u"password_file"_s, file);
        }
    } else if (m_filePassword->isChecked()) {
        mailbox.insert(u"password_file"_s, m_passwordFile->text().trimmed());
    } else {
        mailbox.insert(u"password_env"_s, m_passwordEnv->text().trimmed());
    }
    QJsonArray folders;
    for (const QString &folder : m_folders->text().split(u',', Qt::SkipEmptyParts)) {
        folders.append(folder.trimmed());
    }
    mailbox.insert(u"folders"_s, folders);
    mailbox.insert(u"enabled"_s, m_enabled->isChecked());
    mailbox.insert(u"outgoing"_s, m_outgoing->isChecked());
    // The owner: a listed record, or "type:id" typed in (the parser checks it).
    const int ownerIndex = m_owner->findText(m_owner->currentText());
    const QString owner = ownerIndex >= 0 ? m_owner->itemData(ownerIndex).toString()
                                          : m_owner->currentText().trimmed().section(u' ', 0, 0);
    if (!owner.isEmpty()) {
        mailbox.insert(u"owner"_s, owner);
    }
    mailbox.insert(u"tracking"_s, m_tracking->currentData().toString());
    if (!m_processFrom->text().trimmed().isEmpty()) {
        mailbox.insert(u"process_from"_s, m_processFrom->text().trimmed()); // the parser checks it
    }
    if (m_existing && !m_existing->trackedFolders.isEmpty()) {
        QJsonObject tracked;
        for (auto it = m_existing->trackedFolders.cbegin(); it != m_existing->trackedFolders.cend(); ++it) {
            tracked.insert(it.key(), QString(it.value().type + u':' + it.value().id));
        }
        mailbox.insert(u"tracked_folders"_s, tracked);
    }
    return QJsonObject{{u"mailboxes"_s, QJsonArray{mailbox}}};
}

QString MailboxDialog::describeIssue(const QString &jsonPath, const QString &message, QWidget *field) const
{
    // The form's words for where the password comes from, not the configuration file's keys.
    const bool passwordSource = jsonPath == u"$.mailboxes[0]"_s || jsonPath.endsWith(u".password_file"_s) ||
                                jsonPath.endsWith(u".password_env"_s) || jsonPath.endsWith(u".password_keychain"_s);
    if (passwordSource && m_typePassword->isChecked()) {
        //: Starts with the label of the Password field, as the other problems do
        return tr("Password: type the mailbox's password.");
    }
    // The parser's problem text, in English or as translated (ConfigParser's context); not extracted here.
    const char *const missingSource = "missing password_file, password_env or password_keychain";
    if (passwordSource && (message.startsWith(u"missing password_file"_s) ||
                           message.startsWith(QCoreApplication::translate("ConfigParser", missingSource)))) {
        //: Starts with the label of the Password field, as the other problems do
        return tr("Password: choose where it comes from — type it, a file, or an environment variable.");
    }
    QString words = message;
    //: Replaces the configuration key password_file in a problem's text
    words
        .replace(u"password_file"_s, tr("password file"))
        //: Replaces the configuration key password_env in a problem's text
        .replace(u"password_env"_s, tr("environment variable"))
        //: Replaces the configuration key password_keychain in a problem's text
        .replace(u"password_keychain"_s, tr("keychain entry"));
    return ConfigEditDialog::describeIssue(jsonPath, words, field);
}

QWidget *MailboxDialog::fieldFor(const QString &jsonPath) const
{
    if (jsonPath.endsWith(u".address"_s)) {
        return m_address;
    }
    if (jsonPath.endsWith(u".profile"_s)) {
        return m_profile;
    }
    if (jsonPath.endsWith(u".username"_s)) {
        return m_username;
    }
    if (jsonPath.contains(u".folders"_s)) {
        return m_folders;
    }
    if (jsonPath.endsWith(u".process_from"_s)) {
        return m_processFrom;
    }
    if (jsonPath.endsWith(u".owner"_s)) {
        return m_owner;
    }
    if (jsonPath.endsWith(u".password_env"_s)) {
        return m_passwordEnv;
    }
    if (jsonPath.endsWith(u".password_file"_s) || jsonPath == u"$.mailboxes[0]"_s) {
        return m_typePassword->isChecked() ? m_password : m_passwordFile;
    }
    return nullptr;
}

} // namespace SyncDesk

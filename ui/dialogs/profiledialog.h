#pragma once

#include "configeditdialog.h"
#include "model/serverprofile.h"

#include <optional>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace SyncDesk {

// Adds a server profile, or edits one (its name is its key and stays as it is).
class ProfileDialog final : public ConfigEditDialog
{
    Q_OBJECT
public:
    ProfileDialog(ConsoleBackend *backend, const std::optional<ServerProfile> &existing = std::nullopt,
                  QWidget *parent = nullptr);

    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *hostEdit() const { return m_host; }
    QSpinBox *portSpin() const { return m_port; }
    QComboBox *securityCombo() const { return m_security; }
    // Tests the servers as typed here (no mailbox, so no login), before they are saved.
    QPushButton *testButton() const { return m_test; }

protected:
    QJsonObject buildConfig(QHash<QString, QString> &secrets, bool forValidation) const override;
    QWidget *fieldFor(const QString &jsonPath) const override;

private:
    void testServers();
    QPushButton *m_test = nullptr;
    void suggestPort();

    QLineEdit *m_name = nullptr;
    QComboBox *m_protocol = nullptr;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QComboBox *m_security = nullptr;
    QLineEdit *m_caFile = nullptr;
    QSpinBox *m_connections = nullptr;
    QGroupBox *m_outgoing = nullptr;
    QLineEdit *m_smtpHost = nullptr;
    QSpinBox *m_smtpPort = nullptr;
    QComboBox *m_smtpSecurity = nullptr;
    QLineEdit *m_sentFolder = nullptr;
    QGroupBox *m_polling = nullptr;
    QSpinBox *m_minInterval = nullptr;
    QSpinBox *m_baseInterval = nullptr;
    QSpinBox *m_maxInterval = nullptr;
    // What the form does not show is kept as it was (the SMTP server's CA file, the message size limit).
    std::optional<ServerProfile> m_existing;
};

} // namespace SyncDesk

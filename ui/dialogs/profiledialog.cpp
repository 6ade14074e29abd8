#include "profiledialog.h"

#include "testconnectiondialog.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

QComboBox *makeSecurityCombo(const QString &accessibleName)
{
    auto *combo = new QComboBox;
    combo->addItem(QCoreApplication::translate("SyncDesk::ProfileDialog", "TLS from the first byte"), u"tls"_s);
    combo->addItem(u"STARTTLS"_s, u"starttls"_s);
    //: Connection security: none
    combo->addItem(QCoreApplication::translate("SyncDesk::ProfileDialog", "None (not encrypted)"), u"none"_s);
    combo->setAccessibleName(accessibleName);
    return combo;
}

QSpinBox *spin(int minimum, int maximum, int value, const QString &accessibleName)
{
    auto *box = new QSpinBox;
    box->setRange(minimum, maximum);
    box->setValue(value);
    box->setAccessibleName(accessibleName);
    return box;
}

} // namespace

ProfileDialog::ProfileDialog(ConsoleBackend *backend, const std::optional<ServerProfile> &existing, QWidget *parent)
    : ConfigEditDialog(backend, parent)
{
    setWindowTitle(existing ? tr("Edit server profile %1").arg(existing->name) : tr("Add server profile"));
    auto *form = new QFormLayout;
    m_name = new QLineEdit;
    m_name->setAccessibleName(tr("Name"));
    m_protocol = new QComboBox;
    m_protocol->addItem(u"IMAP"_s, u"imap"_s);
    m_protocol->addItem(u"POP3"_s, u"pop3"_s);
    m_protocol->setAccessibleName(tr("Protocol"));
    m_host = new QLineEdit;
    m_host->setPlaceholderText(u"mail.contoso.com"_s);
    m_host->setAccessibleName(tr("Host"));
    m_port = spin(1, 65535, 993, tr("Port"));
    m_security = makeSecurityCombo(tr("Security"));
    m_caFile = new QLineEdit;
    m_caFile->setObjectName(u"caFile"_s);
    m_caFile->setPlaceholderText(tr("only for a private certificate authority"));
    m_caFile->setAccessibleName(tr("CA file"));
    auto *browse = new QPushButton(tr("Browse…"));
    auto *ca = new QHBoxLayout;
    ca->addWidget(m_caFile);
    ca->addWidget(browse);
    m_connections = spin(1, 1000, 10, tr("Maximum concurrent connections"));
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Protocol:"), m_protocol);
    form->addRow(tr("&Host:"), m_host);
    form->addRow(tr("P&ort:"), m_port);
    form->addRow(tr("&Security:"), m_security);
    form->addRow(tr("CA &file:"), ca);
    form->addRow(tr("Connections at most:"), m_connections);
    contentLayout()->addLayout(form);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Certificate authority (PEM)"));
        if (!file.isEmpty()) {
            m_caFile->setText(file);
        }
    });
    connect(m_protocol, &QComboBox::currentIndexChanged, this, &ProfileDialog::suggestPort);
    connect(m_security, &QComboBox::currentIndexChanged, this, &ProfileDialog::suggestPort);

    m_outgoing = new QGroupBox(tr("Outgoing mail (SMTP)"));
    m_outgoing->setCheckable(true);
    m_outgoing->setChecked(false);
    auto *smtp = new QFormLayout(m_outgoing);
    m_smtpHost = new QLineEdit;
    m_smtpHost->setAccessibleName(tr("SMTP host"));
    m_smtpPort = spin(1, 65535, 587, tr("SMTP port"));
    m_smtpSecurity = makeSecurityCombo(tr("SMTP security"));
    m_smtpSecurity->setCurrentIndex(1);
    smtp->addRow(tr("Host:"), m_smtpHost);
    smtp->addRow(tr("Port:"), m_smtpPort);
    smtp->addRow(tr("Security:"), m_smtpSecurity);
    m_sentFolder = new QLineEdit;
    m_sentFolder->setAccessibleName(tr("Sent folder"));
    //: Placeholder of the Sent folder field: what an empty field means
    m_sentFolder->setPlaceholderText(tr("the folder the server marks as Sent"));
    //: The folder where copies of sent email go
    smtp->addRow(tr("Se&nt folder:"), m_sentFolder);
    contentLayout()->addWidget(m_outgoing);

    m_polling = new QGroupBox(tr("Polling bounds of this server (otherwise the global ones)"));
    m_polling->setCheckable(true);
    m_polling->setChecked(false);
    auto *polling = new QFormLayout(m_polling);
    m_minInterval = spin(10, 720, 120, tr("Minimum interval in seconds"));
    m_baseInterval = spin(10, 720, 300, tr("Normal interval in seconds"));
    m_maxInterval = spin(10, 720, 720, tr("Maximum interval in seconds"));
    //: (s): in seconds, not a plural
    polling->addRow(tr("Busy mailboxes, at least every (s):"), m_minInterval);
    //: (s): in seconds
    polling->addRow(tr("Normal interval (s):"), m_baseInterval);
    //: (s): in seconds
    polling->addRow(tr("Quiet mailboxes, at most every (s):"), m_maxInterval);
    contentLayout()->addWidget(m_polling);

    m_existing = existing;
    if (existing) {
        m_sentFolder->setText(existing->sentFolder);
        m_name->setText(existing->name);
        m_name->setReadOnly(true);
        m_protocol->setCurrentIndex(m_protocol->findData(protocolName(existing->incoming.protocol)));
        m_host->setText(existing->incoming.host);
        m_security->setCurrentIndex(m_security->findData(securityName(existing->incoming.security)));
        m_port->setValue(existing->incoming.port);
        m_caFile->setText(existing->incoming.caFile);
        m_connections->setValue(existing->maxConcurrentConnections);
        if (existing->outgoing) {
            m_outgoing->setChecked(true);
            m_smtpHost->setText(existing->outgoing->host);
            m_smtpSecurity->setCurrentIndex(m_smtpSecurity->findData(securityName(existing->outgoing->security)));
            m_smtpPort->setValue(existing->outgoing->port);
        }
        if (existing->minIntervalSeconds || existing->baseIntervalSeconds || existing->maxIntervalSeconds) {
            m_polling->setChecked(true);
            m_minInterval->setValue(existing->minIntervalSeconds.value_or(120));
            m_baseInterval->setValue(existing->baseIntervalSeconds.value_or(300));
            m_maxInterval->setValue(existing->maxIntervalSeconds.value_or(720));
        }
    }
    //: Tests the servers as typed here, before they are saved
    m_test = buttonBox()->addButton(tr("&Test server"), QDialogButtonBox::ActionRole);
    m_test->setObjectName(u"testFromDialog"_s);
    m_test->setToolTip(tr("Connects to the servers as typed here (no login: that needs a mailbox), without saving"));
    connect(m_test, &QPushButton::clicked, this, &ProfileDialog::testServers);
}

void ProfileDialog::testServers()
{
    std::optional<ConfigFile> form = validatedForm();
    if (!form || form->profiles.isEmpty()) {
        return;
    }
    auto *dialog = new TestConnectionDialog(backend(), Mailbox{}, form->profiles.constFirst(), false, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void ProfileDialog::suggestPort()
{
    const bool tls = m_security->currentData().toString() == u"tls"_s;
    const bool pop = m_protocol->currentData().toString() == u"pop3"_s;
    m_port->setValue(pop ? (tls ? 995 : 110) : (tls ? 993 : 143));
}

QJsonObject ProfileDialog::buildConfig(QHash<QString, QString> &secrets, bool forValidation) const
{
    Q_UNUSED(secrets)
    Q_UNUSED(forValidation)
    QJsonObject incoming{{u"protocol"_s, m_protocol->currentData().toString()},
                         {u"host"_s, m_host->text().trimmed()},
                         {u"port"_s, m_port->value()},
                         {u"security"_s, m_security->currentData().toString()}};
    if (!m_caFile->text().trimmed().isEmpty()) {
        incoming.insert(u"ca_file"_s, m_caFile->text().trimmed());
    }
    QJsonObject profile{{u"name"_s, m_name->text().trimmed()},
                        {u"incoming"_s, incoming},
                        {u"max_concurrent_connections"_s, m_connections->value()}};
    if (m_outgoing->isChecked()) {
        QJsonObject outgoing{{u"host"_s, m_smtpHost->text().trimmed()},
                             {u"port"_s, m_smtpPort->value()},
                             {u"security"_s, m_smtpSecurity->currentData().toString()}};
        if (m_existing && m_existing->outgoing && !m_existing->outgoing->caFile.isEmpty()) {
            outgoing.insert(u"ca_file"_s, m_existing->outgoing->caFile);
        }
        profile.insert(u"outgoing"_s, outgoing);
    }
    if (!m_sentFolder->text().trimmed().isEmpty()) {
        profile.insert(u"sent_folder"_s, m_sentFolder->text().trimmed());
    }
    if (m_existing && m_existing->maxMessageBytes) {
        profile.insert(u"max_message_bytes"_s, *m_existing->maxMessageBytes);
    }
    if (m_polling->isChecked()) {
        profile.insert(u"polling"_s, QJsonObject{{u"min_interval_seconds"_s, m_minInterval->value()},
                                                 {u"base_interval_seconds"_s, m_baseInterval->value()},
                                                 {u"max_interval_seconds"_s, m_maxInterval->value()}});
    }
    return QJsonObject{{u"server_profiles"_s, QJsonArray{profile}}};
}

QWidget *ProfileDialog::fieldFor(const QString &jsonPath) const
{
    const QList<std::pair<const char16_t *, QWidget *>> fields{
        {u".name", m_name},
        {u".incoming.host", m_host},
        {u".incoming.port", m_port},
        {u".incoming.security", m_security},
        {u".incoming.ca_file", m_caFile},
        {u".outgoing.host", m_smtpHost},
        {u".outgoing.port", m_smtpPort},
        {u".sent_folder", m_sentFolder},
        {u".max_concurrent_connections", m_connections},
        {u".polling", m_polling},
    };
    for (const auto &[suffix, widget] : fields) {
        if (jsonPath.contains(QString::fromUtf16(suffix))) {
            return widget;
        }
    }
    return nullptr;
}

} // namespace SyncDesk

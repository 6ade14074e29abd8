#pragma once

#include "configfile.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <variant>

namespace SyncDesk {

// Reads and validates a configuration file. Pure: no store, no network. Every problem is reported with
// the JSON path of the value at fault; unknown keys are problems too, so a typo never goes unnoticed.
// Relative file names (password_file, ca_file) are resolved against baseDir, the file's folder.
class ConfigParser final
{
    Q_DECLARE_TR_FUNCTIONS(ConfigParser)

public:
    using Outcome = std::variant<ConfigFile, QList<ConfigIssue>>;

    static Outcome parse(const QByteArray &json, const QString &baseDir);
    static Outcome parseFile(const QString &path);

private:
    explicit ConfigParser(const QString &baseDir);

    void parseRoot(const QJsonObject &root);
    void parseProfile(const QJsonValue &value, const QString &path);
    std::optional<Endpoint> parseEndpoint(const QJsonValue &value, const QString &path, bool outgoing);
    void parseMailbox(const QJsonValue &value, const QString &path);
    std::optional<ActEndpoint> parseActEndpoint(const QJsonValue &value, const QString &path);
    std::optional<ActSettings> parseMailboxAct(const QJsonValue &value, const QString &path);
    std::optional<OAuthSettings> parseProfileAuth(const QJsonValue &value, const QString &path,
                                                  const ServerProfile &profile);
    void parseMailboxTracking(const QJsonObject &object, const QString &path, Mailbox &mailbox);
    void parseScheduler(const QJsonValue &value, const QString &path);
    void parseRetention(const QJsonValue &value, const QString &path);
    void parseMetrics(const QJsonValue &value, const QString &path);
    void parsePolling(const QJsonValue &value, const QString &path, ServerProfile &profile);
    std::optional<int> integer(const QJsonObject &object, const QString &key, const QString &path, int minimum,
                               int maximum);
    void checkBounds(std::optional<int> minimum, std::optional<int> base, std::optional<int> maximum,
                     const QString &path);
    bool checkKeys(const QJsonObject &object, const QString &path, const QStringList &allowed);
    QString resolvePath(const QString &fileName) const;
    // An endpoint's "ca_file": its resolved path when given and readable, else "" (with the error recorded).
    QString caFilePath(const QJsonObject &object, const QString &path);
    void error(const QString &path, const QString &message);
    void warning(const QString &path, const QString &message);

    QString m_baseDir;
    ConfigFile m_file;
    QList<ConfigIssue> m_errors;
};

} // namespace SyncDesk

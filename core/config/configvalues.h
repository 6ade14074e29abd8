#pragma once

#include <QJsonValue>
#include <QString>

namespace SyncDesk {

// Shared by the parsers of configuration files and CSV imports.
namespace ConfigValues {

// "the string \"abc\"", "the number 5", "an array", ...: what a value is, for error messages.
QString describe(const QJsonValue &value);
bool isEmailAddress(const QString &address);
// An IMAP keyword (flag-keyword atom): no spaces, brackets, quotes, wildcards or control characters.
bool isImapKeyword(const QString &keyword);

} // namespace ConfigValues

} // namespace SyncDesk

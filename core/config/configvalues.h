#pragma once

#include <QDateTime>
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
// An ISO-8601 date ("2024-01-31", midnight UTC) or date and time ("2024-01-31T08:00:00Z", "…+01:00"; without
// an offset: UTC). Invalid when it is neither.
QDateTime parseDateTime(const QString &text);

} // namespace ConfigValues

} // namespace SyncDesk

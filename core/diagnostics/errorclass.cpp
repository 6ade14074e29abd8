#include "errorclass.h"

#include <QCoreApplication>

#include <array>
#include <utility>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

constexpr std::array<std::pair<ErrorClass, QLatin1StringView>, 15> kNames{{
    {ErrorClass::None, "None"_L1},
    {ErrorClass::Network, "Network"_L1},
    {ErrorClass::Timeout, "Timeout"_L1},
    {ErrorClass::Tls, "Tls"_L1},
    {ErrorClass::Auth, "Auth"_L1},
    {ErrorClass::Throttled, "Throttled"_L1},
    {ErrorClass::ServerNo, "ServerNo"_L1},
    {ErrorClass::ServerBad, "ServerBad"_L1},
    {ErrorClass::Protocol, "Protocol"_L1},
    {ErrorClass::Parse, "Parse"_L1},
    {ErrorClass::Config, "Config"_L1},
    {ErrorClass::Permission, "Permission"_L1},
    {ErrorClass::Store, "Store"_L1},
    {ErrorClass::Cancelled, "Cancelled"_L1},
    {ErrorClass::Internal, "Internal"_L1},
}};

// The same classes for people; the English titles are the ids, so that English screens read as before.
constexpr std::array<std::pair<ErrorClass, const char *>, 15> kTitles{{
    {ErrorClass::None, QT_TRANSLATE_NOOP("ErrorClass", "None")},
    {ErrorClass::Network, QT_TRANSLATE_NOOP("ErrorClass", "Network")},
    {ErrorClass::Timeout, QT_TRANSLATE_NOOP("ErrorClass", "Timeout")},
    {ErrorClass::Tls, QT_TRANSLATE_NOOP("ErrorClass", "Tls")},
    {ErrorClass::Auth, QT_TRANSLATE_NOOP("ErrorClass", "Auth")},
    {ErrorClass::Throttled, QT_TRANSLATE_NOOP("ErrorClass", "Throttled")},
    {ErrorClass::ServerNo, QT_TRANSLATE_NOOP("ErrorClass", "ServerNo")},
    {ErrorClass::ServerBad, QT_TRANSLATE_NOOP("ErrorClass", "ServerBad")},
    {ErrorClass::Protocol, QT_TRANSLATE_NOOP("ErrorClass", "Protocol")},
    {ErrorClass::Parse, QT_TRANSLATE_NOOP("ErrorClass", "Parse")},
    {ErrorClass::Config, QT_TRANSLATE_NOOP("ErrorClass", "Config")},
    {ErrorClass::Permission, QT_TRANSLATE_NOOP("ErrorClass", "Permission")},
    {ErrorClass::Store, QT_TRANSLATE_NOOP("ErrorClass", "Store")},
    {ErrorClass::Cancelled, QT_TRANSLATE_NOOP("ErrorClass", "Cancelled")},
    {ErrorClass::Internal, QT_TRANSLATE_NOOP("ErrorClass", "Internal")},
}};

} // namespace

QString errorClassTitle(ErrorClass errorClass)
{
    for (const auto &[value, title] : kTitles) {
        if (value == errorClass) {
            return QCoreApplication::translate("ErrorClass", title);
        }
    }
    return QCoreApplication::translate("ErrorClass", "Internal");
}

QString errorClassName(ErrorClass errorClass)
{
    for (const auto &[value, name] : kNames) {
        if (value == errorClass) {
            return QString(name);
        }
    }
    return u"Internal"_s;
}

ErrorClass errorClassFromName(const QString &name)
{
    for (const auto &[value, text] : kNames) {
        if (name.compare(text, Qt::CaseInsensitive) == 0) {
            return value;
        }
    }
    return ErrorClass::Internal;
}

bool isTransientByDefault(ErrorClass errorClass)
{
    switch (errorClass) {
    case ErrorClass::Network:
    case ErrorClass::Timeout:
    case ErrorClass::Throttled:
    case ErrorClass::ServerNo:
    case ErrorClass::Protocol:
    case ErrorClass::Store:
    case ErrorClass::Cancelled:
        return true;
    case ErrorClass::None:
    case ErrorClass::Tls:
    case ErrorClass::Auth:
    case ErrorClass::ServerBad:
    case ErrorClass::Parse:
    case ErrorClass::Config:
    case ErrorClass::Permission:
    case ErrorClass::Internal:
        return false;
    }
    return false;
}

namespace {

constexpr std::array<std::pair<ErrorStage, QLatin1StringView>, 12> kStages{{
    {ErrorStage::Config, "config"_L1},
    {ErrorStage::Dns, "dns"_L1},
    {ErrorStage::Connect, "connect"_L1},
    {ErrorStage::Tls, "tls"_L1},
    {ErrorStage::Greeting, "greeting"_L1},
    {ErrorStage::Login, "login"_L1},
    {ErrorStage::Folder, "folder"_L1},
    {ErrorStage::Fetch, "fetch"_L1},
    {ErrorStage::Parse, "parse"_L1},
    {ErrorStage::Store, "store"_L1},
    {ErrorStage::Permission, "permission"_L1},
    {ErrorStage::Send, "send"_L1},
}};

} // namespace

QString errorStageName(ErrorStage stage)
{
    for (const auto &[value, name] : kStages) {
        if (value == stage) {
            return QString(name);
        }
    }
    return {};
}

ErrorStage errorStageFromName(const QString &name)
{
    for (const auto &[value, text] : kStages) {
        if (name == text) {
            return value;
        }
    }
    return ErrorStage::Unknown;
}

ErrorScope errorScopeFromName(const QString &name)
{
    if (name == u"item"_s) {
        return ErrorScope::Item;
    }
    if (name == u"profile"_s) {
        return ErrorScope::Profile;
    }
    return ErrorScope::Mailbox;
}

QString errorScopeName(ErrorScope scope)
{
    switch (scope) {
    case ErrorScope::Item:
        return u"item"_s;
    case ErrorScope::Mailbox:
        return u"mailbox"_s;
    case ErrorScope::Profile:
        return u"profile"_s;
    }
    return u"mailbox"_s;
}

} // namespace SyncDesk

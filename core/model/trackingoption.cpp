#include "trackingoption.h"

#include <QCoreApplication>

namespace SyncDesk {

using namespace Qt::StringLiterals;

QString trackingOptionName(TrackingOption option)
{
    switch (option) {
    case TrackingOption::All:
        return u"all"_s;
    case TrackingOption::Responses:
        return u"responses"_s;
    case TrackingOption::KnownRecords:
        return u"known-records"_s;
    case TrackingOption::EmailEnabled:
        return u"email-enabled"_s;
    case TrackingOption::None:
        return u"none"_s;
    }
    return u"all"_s;
}

QString trackingOptionText(TrackingOption option)
{
    switch (option) {
    case TrackingOption::All:
        return QCoreApplication::translate("TrackingOption", "all email messages");
    case TrackingOption::Responses:
        return QCoreApplication::translate("TrackingOption", "responses to tracked email");
    case TrackingOption::KnownRecords:
        return QCoreApplication::translate("TrackingOption", "email from accounts, contacts and leads");
    case TrackingOption::EmailEnabled:
        return QCoreApplication::translate("TrackingOption", "email from any record with an email address");
    case TrackingOption::None:
        return QCoreApplication::translate("TrackingOption", "no email (only tracked folders and track requests)");
    }
    return {};
}

std::optional<TrackingOption> trackingOptionFromName(const QString &name)
{
    for (TrackingOption option : {TrackingOption::All, TrackingOption::Responses, TrackingOption::KnownRecords,
                                  TrackingOption::EmailEnabled, TrackingOption::None}) {
        if (name == trackingOptionName(option)) {
            return option;
        }
    }
    return std::nullopt;
}

} // namespace SyncDesk

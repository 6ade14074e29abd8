#include "trackingoption.h"

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
        return u"all email messages"_s;
    case TrackingOption::Responses:
        return u"responses to tracked email"_s;
    case TrackingOption::KnownRecords:
        return u"email from accounts, contacts and leads"_s;
    case TrackingOption::EmailEnabled:
        return u"email from any record with an email address"_s;
    case TrackingOption::None:
        return u"no email (only tracked folders and track requests)"_s;
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

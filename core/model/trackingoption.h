#pragma once

#include <QString>

#include <optional>

namespace SyncDesk {

// Which messages of a mailbox become activities, as in CRM suites.
enum class TrackingOption {
    All,          // every message
    Responses,    // replies to tracked email (In-Reply-To/References or a tracking token)
    KnownRecords, // from an account, contact or lead
    EmailEnabled, // from any record with an email address (also system users and queues)
    None,         // nothing, but folder tracking and track requests
};

QString trackingOptionName(TrackingOption option); // "all", "responses", "known-records", "email-enabled", "none"
std::optional<TrackingOption> trackingOptionFromName(const QString &name);
QString trackingOptionText(TrackingOption option); // "all email messages", ... for people

} // namespace SyncDesk

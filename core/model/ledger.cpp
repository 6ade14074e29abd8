#include "ledger.h"

#include <array>
#include <utility>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {
const std::array<std::pair<Disposition, QLatin1StringView>, 7> kNames{{
    {Disposition::Stored, "stored"_L1},
    {Disposition::NotTracked, "not-tracked"_L1},
    {Disposition::Withheld, "withheld"_L1},
    {Disposition::Failed, "item-failure"_L1},
    {Disposition::SkippedByDate, "before-process-from"_L1},
    {Disposition::Expunged, "expunged"_L1},
    {Disposition::BeforeLedger, "before-ledger"_L1},
}};
} // namespace

QString dispositionName(Disposition disposition)
{
    for (const auto &[value, name] : kNames) {
        if (value == disposition) {
            return name;
        }
    }
    return u"unknown"_s;
}

std::optional<Disposition> dispositionFromName(const QString &name)
{
    for (const auto &[value, text] : kNames) {
        if (name == text) {
            return value;
        }
    }
    return std::nullopt;
}

} // namespace SyncDesk

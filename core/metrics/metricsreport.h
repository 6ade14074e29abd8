#pragma once

#include "enginemetrics.h"

#include <QByteArray>
#include <QDateTime>

namespace SyncDesk {

class Store;

// The /metrics page: what the store says about every mailbox (the same on every node sharing it), then what
// this engine counted. Labels carry only bounded values: directions, states, results, error classes and
// server profile names (bounded by the configuration); never a mailbox or a message.
namespace MetricsReport {

// The page; the store's part is left out (and syncdesk_store_up is 0) when the store cannot be read.
QByteArray render(const EngineMetrics::Snapshot &engine, Store *store, const QDateTime &now, const QString &version);

} // namespace MetricsReport

} // namespace SyncDesk

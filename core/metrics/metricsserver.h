#pragma once

#include "diagnostics/result.h"
#include "enginemetrics.h"
#include "listenaddress.h"
#include "store/storeconfig.h"

#include <QThread>

#include <memory>

namespace SyncDesk {

class MetricsHttp;

// The node's HTTP endpoint, in a thread of its own so that a slow scrape never delays the schedule (and a
// stalled schedule still answers /healthz):
//   /metrics  the Prometheus text format (MetricsReport), read from its own store connection;
//   /healthz  200 while the process runs;
//   /readyz   200 when the store answers, the scheduler runs and its heartbeat is fresh (at most three
//             heartbeats old), 503 with the reasons otherwise.
// GET and HEAD only; a request is at most 8 KiB and must arrive within 10 s; at most 32 clients at once; every
// answer closes the connection.
class MetricsServer final
{
public:
    MetricsServer(const StoreConfig &store, std::shared_ptr<EngineMetrics> metrics, const QString &version);
    ~MetricsServer();
    MetricsServer(const MetricsServer &) = delete;
    MetricsServer &operator=(const MetricsServer &) = delete;

    // Binds the address (port 0: any free port) and starts answering; a classified error when it cannot.
    Status listen(const ListenAddress &address);
    // The port bound (the chosen one after port 0).
    quint16 port() const { return m_port; }

private:
    QThread m_thread;
    MetricsHttp *m_http = nullptr; // lives in m_thread
    quint16 m_port = 0;
};

} // namespace SyncDesk

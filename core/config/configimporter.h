#pragma once

#include "configfile.h"
#include "diagnostics/result.h"

#include <QList>

namespace SyncDesk {

class Store;

struct ImportSummary
{
    int profilesCreated = 0;
    int profilesUpdated = 0;
    int profilesUnchanged = 0;
    int mailboxesCreated = 0;
    int mailboxesUpdated = 0;
    int mailboxesUnchanged = 0;
    bool schedulerUpdated = false;
    bool retentionUpdated = false;
    bool crmSettingsUpdated = false;
    int crmRecordsCreated = 0;
    int crmRecordsUpdated = 0;
    int crmRecordsUnchanged = 0;
    QList<ConfigIssue> warnings; // e.g. a mailbox kept disabled although the file enables it
};

// Writes a parsed configuration into the store in one transaction: all of it or nothing. Profiles are
// matched by name and mailboxes by address, so importing the same file twice updates, never duplicates.
// "enabled": false disables a mailbox; "enabled": true re-enables only what a file disabled — a mailbox
// disabled by an operator or after failures stays disabled (with a warning) until enabled explicitly.
// CRM records are matched by type and id; a mailbox's owner must be a system user or queue of the file or
// the store; roles and field security profiles named by users must exist.
class ConfigImporter final
{
public:
    using Outcome = std::variant<ImportSummary, QList<ConfigIssue>, SyncError>;
    static Outcome import(Store &store, const ConfigFile &file);
};

} // namespace SyncDesk

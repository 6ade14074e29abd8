// syncdesk-node's commands that change one mailbox: mailbox enable/disable (and verbose), password set/delete.
#include "config/keychain.h"
#include "config/passwordsource.h"
#include "diagnostics/alertmanager.h"
#include "logging/logger.h"
#include "logging/logpersister.h"
#include "nodecli.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QFile>

#include <cstdio>
#include <iostream>
#include <string>
#include <termios.h>
#include <unistd.h>

namespace SyncDesk {

using namespace Qt::StringLiterals;

int NodeCli::passwordCommand(const QStringList &positional)
{
    if (positional.size() != 2 || (positional.at(0) != u"set"_s && positional.at(0) != u"delete"_s) ||
        positional.at(1).trimmed().isEmpty()) {
        return usage(tr("usage: syncdesk-node password set|delete ENTRY"));
    }
    const QString entry = positional.at(1).trimmed();
    auto keychainFailure = [this](const SyncError &error) {
        m_err << "syncdesk-node: " << error.toString() << "\n";
        if (!error.detail.isEmpty()) {
            m_err << "  " << tr("detail: %1").arg(error.detail) << "\n";
        }
        m_err.flush();
        return int(UsageError);
    };
    if (positional.at(0) == u"delete"_s) {
        if (Status removed = Keychain::remove(entry); !removed) {
            return keychainFailure(removed.error());
        }
        m_out << tr("Removed the keychain entry %1.").arg(entry) << "\n";
        m_out.flush();
        return Success;
    }
    // The password comes from standard input: typed without echo on a terminal, or piped by a script.
    const bool terminal = ::isatty(STDIN_FILENO) == 1;
    termios saved{};
    if (terminal && ::tcgetattr(STDIN_FILENO, &saved) == 0) {
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
        m_err << tr("Password for %1: ").arg(entry);
        m_err.flush();
    }
    std::string line;
    std::getline(std::cin, line);
    if (terminal) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        m_err << "\n";
        m_err.flush();
    }
    while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) {
        line.pop_back();
    }
    if (line.empty()) {
        return usage(tr("no password on standard input"));
    }
    QString password = QString::fromStdString(line);
    std::fill(line.begin(), line.end(), '\0');
    const Status written = Keychain::write(entry, password);
    password.fill(u'\0');
    if (!written) {
        return keychainFailure(written.error());
    }
    //: %1: the keychain entry, %2: the keychain service. Keep "password_keychain": it is a configuration key.
    m_out << tr("Stored the password in the system keychain as %1 (service %2); a mailbox uses it with "
                "\"password_keychain\": \"%1\".")
                 .arg(entry, QLatin1StringView(Keychain::kService))
          << "\n";
    m_out.flush();
    return Success;
}

int NodeCli::mailboxCommand(const QStringList &positional)
{
    if (!positional.isEmpty() && positional.constFirst() == u"verbose"_s) {
        return mailboxVerbose(positional);
    }
    if (positional.size() != 2 || (positional.at(0) != u"enable"_s && positional.at(0) != u"disable"_s)) {
        return usage(tr("usage: syncdesk-node mailbox enable|disable ADDRESS\n"
                        "       syncdesk-node mailbox verbose ADDRESS on|off"));
    }
    const bool enable = positional.at(0) == u"enable"_s;
    auto store = openStore();
    if (!store) {
        return storeFailure(store.error());
    }
    auto mailbox = (*store)->mailboxByAddress(positional.at(1));
    if (!mailbox) {
        return storeFailure(mailbox.error());
    }
    if (!mailbox->has_value()) {
        return usage(tr("no mailbox %1 in %2").arg(positional.at(1), m_storeConfig.describe()));
    }
    const Mailbox &box = **mailbox;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (box.enabled == enable) {
        m_out << (enable ? tr("%1 is already enabled.") : tr("%1 is already disabled.")).arg(box.address) << "\n";
        m_out.flush();
        return Success;
    }
    Status changed = (*store)->transaction([&]() -> Status {
        if (Status set = (*store)->setMailboxEnabled(box.id, enable, u"admin"_s, now); !set) {
            return set;
        }
        // The alerts about its failing and disabling are resolved by enabling it.
        return enable ? AlertManager::mailboxEnabled(**store, box.id, now) : Status();
    });
    if (!changed) {
        return storeFailure(changed.error());
    }
    Log::info(u"node"_s, box.address,
              enable ? u"enabled by an operator; failure counters reset"_s : u"disabled by an operator"_s);
    LogPersister(**store).flush();
    if (enable && box.disabledReason.isEmpty()) {
        m_out << tr("%1 enabled; its failure counters are reset and it is due now.").arg(box.address) << "\n";
    } else if (enable) {
        //: %1: the mailbox address, %2: why it was disabled (an id such as permanent-failure)
        m_out << tr("%1 enabled; its failure counters are reset and it is due now (it was disabled: %2).")
                     .arg(box.address, box.disabledReason)
              << "\n";
    } else {
        m_out << tr("%1 disabled; it is not synced until enabled again.").arg(box.address) << "\n";
    }
    m_out.flush();
    return Success;
}

} // namespace SyncDesk

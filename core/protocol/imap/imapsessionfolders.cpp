// The commands of a session that concern extensions and folders: ENABLE (and the mailbox-name encoding
// it decides), STATUS / LIST-STATUS, LIST and SELECT / EXAMINE. The connection, login and the command pipeline
// are in imapsession.cpp.

#include "imapsession.h"

#include <algorithm>

namespace SyncDesk::Imap {

using namespace Qt::StringLiterals;

void Session::enable(const QList<QByteArray> &extensions, std::function<void(Status)> done)
{
    QList<QByteArray> wanted;
    for (const QByteArray &extension : extensions) {
        // UTF8=ONLY implies UTF8=ACCEPT (RFC 6855 3), which the client enables.
        const bool offered = hasCapability(extension) ||
                             (extension.compare("UTF8=ACCEPT", Qt::CaseInsensitive) == 0 && hasCapability("UTF8=ONLY"));
        if (offered) {
            wanted.append(extension.toUpper());
        }
    }
    if (!hasCapability("ENABLE") || wanted.isEmpty()) {
        done({});
        return;
    }
    Command command("ENABLE");
    for (const QByteArray &extension : std::as_const(wanted)) {
        command.atom(extension);
    }
    const bool changesEncoding = wanted.contains("UTF8=ACCEPT");
    if (changesEncoding) {
        m_encodingPending = true;
    }
    execute(
        command,
        [this](const Response &response) {
            if (response.is("ENABLED")) {
                for (const Value &value : response.data) {
                    if (value.isAtom()) {
                        m_enabled.insert(value.bytes().toUpper());
                    }
                }
            }
        },
        [this, changesEncoding, done = std::move(done)](const Result<Response> &result) {
            // A server that refuses ENABLE still works without the extensions.
            Q_UNUSED(result)
            if (changesEncoding) {
                m_encodingPending = false;
                const auto waiting = std::exchange(m_afterEncoding, {});
                for (const auto &resume : waiting) {
                    resume();
                }
            }
            done({});
        });
}

MailboxEncoding Session::mailboxEncoding() const
{
    return m_enabled.contains("UTF8=ACCEPT") ? MailboxEncoding::Utf8 : MailboxEncoding::ModifiedUtf7;
}

bool Session::isEnabled(const QByteArray &extension) const
{
    const QByteArray upper = extension.toUpper();
    // QRESYNC implies CONDSTORE (RFC 7162 3.2.3).
    return m_enabled.contains(upper) || (upper == "CONDSTORE" && m_enabled.contains("QRESYNC"));
}

void Session::status(const QStringList &folders, std::function<void(Result<StatusReport>)> done)
{
    if (m_encodingPending) {
        m_afterEncoding.append([this, folders, done = std::move(done)]() mutable { status(folders, std::move(done)); });
        return;
    }
    const MailboxEncoding encoding = mailboxEncoding();
    auto report = std::make_shared<StatusReport>();
    if (folders.isEmpty()) {
        done(*report);
        return;
    }
    QByteArray items = "(MESSAGES UIDNEXT UIDVALIDITY";
    if (hasCapability("CONDSTORE") || hasCapability("QRESYNC")) {
        items += " HIGHESTMODSEQ";
    }
    items += ')';
    // Which requested folder a STATUS response is about (INBOX is case-insensitive).
    auto requested = [folders](const QString &name) -> QString {
        for (const QString &folder : folders) {
            if (folder == name || (folder.compare(u"INBOX"_s, Qt::CaseInsensitive) == 0 &&
                                   name.compare(u"INBOX"_s, Qt::CaseInsensitive) == 0)) {
                return folder;
            }
        }
        return {};
    };
    auto onUntagged = [report, requested, encoding](const Response &response) {
        if (auto status = parseStatus(response, encoding)) {
            const QString folder = requested(status->folder);
            if (!folder.isEmpty()) {
                report->statuses.insert(folder, *status);
            }
        }
    };
    const bool wildcards = std::any_of(folders.begin(), folders.end(), [](const QString &folder) {
        return folder.contains(u'*') || folder.contains(u'%');
    });
    // One folder: STATUS, which spares the server listing mailboxes. Several: one LIST-STATUS command
    // instead of one STATUS each (both ways cost one round trip, as the STATUS commands are pipelined).
    if (folders.size() > 1 && hasCapability("LIST-EXTENDED") && hasCapability("LIST-STATUS") && !wildcards) {
        report->usedListStatus = true;
        Command command("LIST");
        command.string("").mailboxList(folders, encoding).raw("RETURN (STATUS " + items + ')');
        execute(command, onUntagged, [report, done = std::move(done)](const Result<Response> &result) {
            if (!result) {
                done(result.error());
                return;
            }
            done(*report);
        });
        return;
    }
    auto remaining = std::make_shared<qsizetype>(folders.size());
    auto finished = std::make_shared<std::function<void(Result<StatusReport>)>>(std::move(done));
    for (const QString &folder : folders) {
        Command command("STATUS");
        command.mailbox(folder, encoding).raw(items);
        execute(command, onUntagged, [this, report, remaining, finished, folder](const Result<Response> &result) {
            if (!result) {
                if (!isUsable()) {
                    if (auto callback = std::exchange(*finished, nullptr)) {
                        callback(result.error());
                    }
                    return;
                }
                report->errors.insert(folder, result.error());
            }
            if (--*remaining == 0) {
                if (auto callback = std::exchange(*finished, nullptr)) {
                    callback(*report);
                }
            }
        });
    }
}

void Session::list(std::function<void(Result<FolderList>)> done, int maxFolders)
{
    if (m_encodingPending) {
        m_afterEncoding.append(
            [this, maxFolders, done = std::move(done)]() mutable { list(std::move(done), maxFolders); });
        return;
    }
    const MailboxEncoding encoding = mailboxEncoding();
    auto listed = std::make_shared<FolderList>();
    Command command("LIST");
    command.string("").string("*");
    if (hasCapability("LIST-EXTENDED") && hasCapability("SPECIAL-USE")) {
        command.raw("RETURN (SPECIAL-USE)");
    }
    execute(
        command,
        [listed, encoding, maxFolders](const Response &response) {
            if (listed->truncated) {
                return;
            }
            if (auto folder = parseList(response, encoding)) {
                if (listed->folders.size() >= maxFolders) {
                    listed->truncated = true;
                    return;
                }
                listed->folders.append(std::move(*folder));
            }
        },
        [listed, done = std::move(done)](const Result<Response> &result) {
            if (!result) {
                done(result.error());
                return;
            }
            done(std::move(*listed));
        });
}

bool SelectInfo::canKeepKeyword(const QByteArray &keyword) const
{
    if (readOnly) {
        return false;
    }
    if (!permanentFlagsKnown) {
        return true;
    }
    for (const QByteArray &flag : permanentFlags) {
        if (flag == "\\*" || flag.compare(keyword, Qt::CaseInsensitive) == 0) {
            return true;
        }
    }
    return false;
}

void Session::select(const QString &folder, bool readOnly, std::function<void(Result<SelectInfo>)> done)
{
    if (m_encodingPending) {
        m_afterEncoding.append(
            [this, folder, readOnly, done = std::move(done)]() mutable { select(folder, readOnly, std::move(done)); });
        return;
    }
    auto info = std::make_shared<SelectInfo>();
    Command command(readOnly ? "EXAMINE" : "SELECT");
    command.mailbox(folder, mailboxEncoding());
    execute(
        command,
        [info](const Response &response) {
            if (response.is("EXISTS") && response.number) {
                info->exists = quint32(*response.number);
            } else if (response.status == ResponseStatus::Ok && response.code) {
                const ResponseCode &code = *response.code;
                const quint64 argument =
                    code.arguments.isEmpty() ? 0 : code.arguments.constFirst().text().toULongLong();
                if (code.name == "UIDVALIDITY") {
                    info->uidValidity = quint32(argument);
                } else if (code.name == "UIDNEXT") {
                    info->uidNext = quint32(argument);
                } else if (code.name == "HIGHESTMODSEQ") {
                    info->highestModSeq = argument;
                } else if (code.name == "PERMANENTFLAGS") {
                    info->permanentFlagsKnown = true;
                    info->permanentFlags.clear();
                    for (const Value &argument : code.arguments) {
                        if (!argument.isList()) {
                            info->permanentFlags.append(argument.text());
                            continue;
                        }
                        for (const Value &flag : argument.items()) {
                            info->permanentFlags.append(flag.text());
                        }
                    }
                }
            }
        },
        [info, done = std::move(done)](const Result<Response> &result) {
            if (!result) {
                done(result.error());
                return;
            }
            info->readOnly = result->code && result->code->name == "READ-ONLY";
            done(*info);
        });
}

} // namespace SyncDesk::Imap

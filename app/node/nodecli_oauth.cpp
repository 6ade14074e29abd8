// syncdesk-node's oauth commands: login (the device authorization grant), status and logout.
#include "nodecli.h"
#include "oauth/oauthsignin.h"
#include "oauth/oauthtokenbroker.h"
#include "oauth/oauthtokenstore.h"
#include "store/store.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

QString iso(const QDateTime &when)
{
    return when.isValid() ? when.toUTC().toString(Qt::ISODate) : QString();
}

} // namespace

std::shared_ptr<OAuthTokenStore> NodeCli::tokenStore() const
{
    return OAuthTokenStore::forDatabase(m_storeConfig.isPostgres() ? QString() : m_storeConfig.sqlitePath);
}

int NodeCli::oauthCommand(const QStringList &positional)
{
    const QString sub = positional.value(0);
    if (sub == u"login"_s && positional.size() == 2) {
        return oauthLogin(positional.at(1));
    }
    if (sub == u"logout"_s && positional.size() == 2) {
        return oauthLogout(positional.at(1));
    }
    if (sub == u"status"_s && positional.size() <= 2) {
        return oauthStatus(positional.value(1));
    }
    return usage(tr("usage: syncdesk-node oauth login ADDRESS\n"
                    "       syncdesk-node oauth status [ADDRESS] [--json]\n"
                    "       syncdesk-node oauth logout ADDRESS"));
}

Result<std::pair<Mailbox, ServerProfile>> NodeCli::oauthMailbox(Store &store, const QString &address)
{
    auto mailbox = mailboxNamed(store, address);
    if (!mailbox) {
        return mailbox.error();
    }
    auto profile = store.profile(mailbox->profileId);
    if (!profile) {
        return profile.error();
    }
    if (!profile->has_value() || !(*profile)->oauth) {
        return SyncError::make(ErrorClass::Config, u"config-invalid"_s,
                               //: %1: a mailbox address, %2: a server profile's name; keep "auth" and "oauth2"
                               tr("%1 signs in with a password: its profile %2 has no \"auth\": {\"method\": "
                                  "\"oauth2\"}")
                                   .arg(mailbox->address, mailbox->profileName));
    }
    return std::pair(mailbox.value(), **profile);
}

int NodeCli::oauthLogin(const QString &address)
{
    auto store = openStore();
    if (!store) {
        return storeFailure(store.error());
    }
    auto found = oauthMailbox(**store, address);
    if (!found) {
        return storeFailure(found.error());
    }
    const auto &[mailbox, profile] = found.value();
    OAuthDeviceLogin login(*profile.oauth);
    QEventLoop loop;
    std::optional<Result<OAuthTokenResponse>> outcome;
    connect(&login, &OAuthDeviceLogin::codeReady, &login, [this, &mailbox](const OAuthDeviceAuthorization &device) {
        //: %1: a mailbox address
        m_out << tr("To sign in %1:").arg(mailbox.address) << "\n";
        //: %1: a URL
        m_out << "  " << tr("1. Open %1 in a browser (on any device).").arg(device.verificationUri.toString()) << "\n";
        //: %1: a short code the user types in the browser
        m_out << "  " << tr("2. Enter the code %1 and sign in as the mailbox's user.").arg(device.userCode) << "\n";
        if (device.verificationUriComplete.isValid() && !device.verificationUriComplete.isEmpty()) {
            m_out << "  " << tr("(or open %1, which carries the code)").arg(device.verificationUriComplete.toString())
                  << "\n";
        }
        //: %1: minutes
        m_out << tr("Waiting for the approval (the code expires in %n minute(s))...", nullptr,
                    qMax(1, device.expiresInSeconds / 60))
              << "\n";
        m_out.flush();
    });
    connect(&login, &OAuthDeviceLogin::finished, &loop, [&](const Result<OAuthTokenResponse> &result) {
        outcome.emplace(result);
        loop.quit();
    });
    login.start();
    if (!outcome) {
        loop.exec();
    }
    if (!outcome->ok()) {
        m_err << "syncdesk-node: " << outcome->error().toString() << "\n";
        printHint(outcome->error().hintId);
        return SyncFailed;
    }
    const std::shared_ptr<OAuthTokenStore> tokens = tokenStore();
    auto kept = keepSignIn(**store, *tokens, mailbox, outcome->value());
    if (!kept) {
        m_err << "syncdesk-node: " << kept.error().toString() << "\n";
        printHint(kept.error().hintId);
        return SyncFailed;
    }
    //: %1: a mailbox address, %2: a file or folder
    m_out << tr("%1 is signed in; the refresh token is kept in %2.")
                 .arg(mailbox.address, tokens->secretLocation() == OAuthTokenStore::SecretLocation::Keychain
                                           ? tr("the system keychain")
                                           : tokens->pathOf(mailbox.address))
          << "\n";
    if (kept->reenabled) {
        m_out << tr("%1 had been disabled by its failures; it is enabled again and due now.").arg(mailbox.address)
              << "\n";
    }
    m_out.flush();
    return Success;
}

int NodeCli::oauthLogout(const QString &address)
{
    auto store = openStore();
    if (!store) {
        return storeFailure(store.error());
    }
    auto found = oauthMailbox(**store, address);
    if (!found) {
        return storeFailure(found.error());
    }
    const Mailbox &mailbox = found->first;
    if (Status removed = tokenStore()->remove(mailbox.address); !removed) {
        return storeFailure(removed.error());
    }
    m_out << tr("%1 is signed out: its tokens are forgotten on this node; it needs 'oauth login' to sync again.")
                 .arg(mailbox.address)
          << "\n";
    m_out.flush();
    return Success;
}

int NodeCli::oauthStatus(const QString &address)
{
    auto store = openStore();
    if (!store) {
        return storeFailure(store.error());
    }
    QList<std::pair<Mailbox, ServerProfile>> boxes;
    if (!address.isEmpty()) {
        auto found = oauthMailbox(**store, address);
        if (!found) {
            return storeFailure(found.error());
        }
        boxes.append(found.value());
    } else {
        auto profiles = (*store)->profiles();
        auto mailboxes = (*store)->mailboxes();
        if (!profiles || !mailboxes) {
            return storeFailure(!profiles ? profiles.error() : mailboxes.error());
        }
        for (const Mailbox &mailbox : std::as_const(*mailboxes)) {
            for (const ServerProfile &profile : std::as_const(*profiles)) {
                if (profile.id == mailbox.profileId && profile.oauth) {
                    boxes.append({mailbox, profile});
                }
            }
        }
    }
    const std::shared_ptr<OAuthTokenStore> tokens = tokenStore();
    QJsonArray rows;
    for (const auto &[mailbox, profile] : std::as_const(boxes)) {
        auto record = tokens->load(mailbox.address);
        QJsonObject row{{u"address"_s, mailbox.address},
                        {u"profile"_s, profile.name},
                        {u"provider"_s, oauthProviderName(profile.oauth->provider)}};
        if (!record) {
            row.insert(u"state"_s, u"error"_s);
            row.insert(u"problem"_s, record.error().message);
        } else if (!record->has_value()) {
            row.insert(u"state"_s, u"needs-sign-in"_s);
            row.insert(u"problem"_s, u"never signed in on this node"_s);
        } else {
            const OAuthTokenRecord &kept = **record;
            row.insert(u"state"_s, kept.needsSignIn ? u"needs-sign-in"_s : u"signed-in"_s);
            row.insert(u"signed_in_at"_s, iso(kept.signedInAt));
            row.insert(u"last_refresh_at"_s, iso(kept.refreshedAt));
            row.insert(u"access_token_expires_at"_s, iso(kept.accessExpiresAt));
            row.insert(u"refresh_token_expires_at"_s, iso(kept.refreshExpiresAt));
            row.insert(u"scope"_s, kept.scope);
            if (kept.needsSignIn) {
                row.insert(u"problem"_s, kept.problem);
                row.insert(u"problem_at"_s, iso(kept.problemAt));
            }
        }
        rows.append(row);
    }
    if (m_parser.isSet(u"json"_s)) {
        m_out << QJsonDocument(QJsonObject{{u"token_directory"_s, tokens->directory()}, {u"mailboxes"_s, rows}})
                     .toJson(QJsonDocument::Indented);
        m_out.flush();
        return Success;
    }
    if (rows.isEmpty()) {
        m_out << tr("No mailbox signs in with OAuth 2.0.") << "\n";
    }
    for (const QJsonValue &value : std::as_const(rows)) {
        const QJsonObject row = value.toObject();
        const QString state = row.value(u"state"_s).toString();
        m_out << row.value(u"address"_s).toString() << "  " << state;
        if (state == u"signed-in"_s) {
            //: %1, %2: times (ISO 8601, UTC)
            m_out << "  "
                  << tr("signed in %1, last refresh %2, access token until %3")
                         .arg(row.value(u"signed_in_at"_s).toString(), row.value(u"last_refresh_at"_s).toString(),
                              row.value(u"access_token_expires_at"_s).toString());
        } else {
            m_out << "  " << row.value(u"problem"_s).toString().left(200);
        }
        m_out << "\n";
    }
    m_out.flush();
    return Success;
}

} // namespace SyncDesk

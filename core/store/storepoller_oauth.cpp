// StorePoller's part of the console's "Sign in…": the tokens of a finished sign-in are kept from its thread.
#include "oauth/oauthsignin.h"
#include "oauth/oauthtokenbroker.h"
#include "oauth/oauthtokenstore.h"
#include "storepoller.h"

namespace SyncDesk {

using namespace Qt::StringLiterals;

void StorePoller::keepSignIn(qint64 mailboxId, const OAuthTokenResponse &token)
{
    writeThenPoll([this, mailboxId, token](QString &message) -> QString {
        const std::shared_ptr<OAuthTokenStore> tokens = OAuthTokenBroker::instance().store();
        if (!tokens) {
            return tr("this console keeps no OAuth tokens (no token store)");
        }
        auto mailbox = m_store->mailbox(mailboxId);
        if (!mailbox) {
            return mailbox.error().toString();
        }
        if (!mailbox->has_value()) {
            return tr("the mailbox is gone");
        }
        auto kept = SyncDesk::keepSignIn(*m_store, *tokens, **mailbox, token);
        if (!kept) {
            return kept.error().toString();
        }
        //: %1: a mailbox address
        message = kept->reenabled ? tr("%1 is signed in and enabled again").arg((*mailbox)->address)
                                  : tr("%1 is signed in").arg((*mailbox)->address);
        return {};
    });
}

} // namespace SyncDesk

#pragma once

#include "diagnostics/result.h"
#include "outgoingemail.h"

#include <QCoreApplication>

namespace SyncDesk {

class Store;

// Turns what a user asks to send into an outgoing email activity, for the CLI and the console alike:
// checks the sender under the security model, the recipients and the regarding record, builds the
// message once (tracking token, Message-ID, In-Reply-To) and, when it is to be sent, asks the mailbox to
// sync at once. Every refusal is a classified error with a hint; nothing is stored then.
class OutboxComposer final
{
    Q_DECLARE_TR_FUNCTIONS(OutboxComposer)

public:
    explicit OutboxComposer(Store &store);

    // owner: "systemuser:KEY" who sends; empty: the mailbox's own owner.
    Result<qint64> compose(const OutgoingDraft &draft, const QString &owner = {});

private:
    Store &m_store;
};

} // namespace SyncDesk

#pragma once

#include "outgoingemail.h"

#include <QJsonObject>

namespace SyncDesk {

// An outgoing email for `email show --json` and `email list --json` (withBody false: without the body).
QJsonObject outgoingEmailToJson(const OutgoingEmail &email, bool withBody = true);

} // namespace SyncDesk

#include "actstatus.h"

#include "act/actfields.h"

namespace SyncDesk {

using namespace Qt::StringLiterals;

ActStatus ActStatus::evaluate(const Mailbox &mailbox, const std::optional<ServerProfile> &profile,
                              const ActStore::State &state)
{
    ActStatus status;
    status.settings = mailbox.act;
    status.stored = state;
    if (!mailbox.act || !mailbox.act->syncsAnything()) {
        status.state = u"off"_s;
    } else if (!profile || !profile->act) {
        status.state = u"not-configured"_s;
    } else if (state.failuresInRow > 0) {
        status.state = u"failing"_s;
    } else if (state.requestedAt.isValid()) {
        status.state = u"requested"_s;
    } else if (!state.lastSuccessAt.isValid()) {
        status.state = u"never"_s;
    } else {
        status.state = u"ok"_s;
    }
    return status;
}

QJsonObject ActStatus::toJson() const
{
    QJsonObject json{{u"state"_s, state}};
    if (settings) {
        json.insert(u"settings"_s, settings->toJson());
        json[u"settings"_s] = [&] {
            QJsonObject s = settings->toJson();
            s.remove(u"dav_password"_s); // where the password is kept is not status
            return s;
        }();
    }
    auto time = [](const QDateTime &t) {
        return t.isValid() ? QJsonValue(ActFields::timeToText(t)) : QJsonValue();
    };
    json.insert(u"last_attempt_at"_s, time(stored.lastAttemptAt));
    json.insert(u"last_success_at"_s, time(stored.lastSuccessAt));
    json.insert(u"failures_in_row"_s, stored.failuresInRow);
    json.insert(u"conflicts"_s, stored.conflicts);
    json.insert(u"to_server"_s, stored.toServer);
    json.insert(u"from_server"_s, stored.fromServer);
    json.insert(u"requested_at"_s, time(stored.requestedAt));
    if (!stored.errorClass.isEmpty()) {
        json.insert(u"last_error"_s, QJsonObject{{u"class"_s, stored.errorClass},
                                                 {u"message"_s, stored.errorMessage},
                                                 {u"hint"_s, stored.errorHint}});
    } else if (state == u"not-configured"_s) {
        json.insert(u"last_error"_s, QJsonObject{{u"class"_s, u"Config"_s},
                                                 {u"message"_s, u"the mailbox's server profile has no act endpoint"_s},
                                                 {u"hint"_s, u"dav-not-configured"_s}});
    } else {
        json.insert(u"last_error"_s, QJsonValue());
    }
    return json;
}

} // namespace SyncDesk

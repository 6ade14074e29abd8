#pragma once

#include <QByteArray>
#include <QList>

namespace SyncDesk::Smtp {

// One SMTP reply (RFC 5321 4.2): a three-digit code and its text lines ("250-SIZE" ... "250 HELP").
struct Reply
{
    int code = 0;
    QList<QByteArray> lines; // the text of each line, after the code and the separator

    bool isPositive() const { return code >= 200 && code < 400; }
    bool isTransientFailure() const { return code >= 400 && code < 500; }
    // The whole text on one line, for messages and logs.
    QByteArray text() const { return lines.join(' '); }

    friend bool operator==(const Reply &, const Reply &) = default;
};

// "250 mail.example.test Hello" / "250-PIPELINING | 250 HELP": for debug output and tests.
QByteArray dump(const Reply &reply);

} // namespace SyncDesk::Smtp

#include "imapfetch.h"

#include <QTimeZone>

#include <algorithm>

namespace SyncDesk::Imap {

std::optional<FetchedMessage> parseFetch(const Response &response)
{
    if (!response.is("FETCH") || !response.number || response.data.size() != 1 || !response.data.at(0).isList()) {
        return std::nullopt;
    }
    const QList<Value> &items = response.data.at(0).items();
    if (items.size() % 2 != 0) {
        return std::nullopt;
    }
    FetchedMessage message;
    message.sequence = *response.number;
    for (qsizetype i = 0; i + 1 < items.size(); i += 2) {
        const Value &name = items.at(i);
        const Value &value = items.at(i + 1);
        if (!name.isAtom()) {
            return std::nullopt;
        }
        const QByteArray key = name.bytes().toUpper();
        if (key == "UID") {
            if (!value.isNumber() || value.toNumber() == 0 || value.toNumber() > 0xffffffffULL) {
                return std::nullopt;
            }
            message.uid = quint32(value.toNumber());
        } else if (key == "RFC822.SIZE") {
            if (value.isNumber()) {
                message.size = qint64(value.toNumber());
            }
        } else if (key == "INTERNALDATE") {
            message.internalDate = parseInternalDate(value.text());
        } else if (key.startsWith("BODY[HEADER")) {
            if (value.skippedSize() < 0) {
                message.header = value.isNil() ? QByteArray() : value.bytes();
            }
        } else if (key == "BODY[]" || key == "RFC822" || key.startsWith("BODY[]<")) {
            if (value.skippedSize() >= 0) {
                message.bodySkippedBytes = value.skippedSize();
                message.body.reset();
            } else {
                message.body = value.isNil() ? QByteArray() : value.bytes();
            }
        }
    }
    return message;
}

QDateTime parseInternalDate(const QByteArray &text)
{
    // dd-Mon-yyyy hh:mm:ss +zzzz, day possibly space-padded.
    static const char *const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const QByteArray trimmed = text.trimmed();
    const QList<QByteArray> parts = trimmed.split(' ');
    if (parts.size() != 3) {
        return {};
    }
    const QList<QByteArray> date = parts.at(0).split('-');
    const QList<QByteArray> time = parts.at(1).split(':');
    const QByteArray &zone = parts.at(2);
    if (date.size() != 3 || time.size() != 3 || zone.size() != 5 || (zone.at(0) != '+' && zone.at(0) != '-')) {
        return {};
    }
    int month = 0;
    for (int i = 0; i < 12; ++i) {
        if (date.at(1).compare(kMonths[i], Qt::CaseInsensitive) == 0) {
            month = i + 1;
        }
    }
    bool ok[7] = {};
    const int day = date.at(0).toInt(&ok[0]);
    const int year = date.at(2).toInt(&ok[1]);
    const int hour = time.at(0).toInt(&ok[2]);
    const int minute = time.at(1).toInt(&ok[3]);
    const int second = time.at(2).toInt(&ok[4]);
    const int zoneHours = zone.mid(1, 2).toInt(&ok[5]);
    const int zoneMinutes = zone.mid(3, 2).toInt(&ok[6]);
    if (month == 0 || !std::all_of(std::begin(ok), std::end(ok), [](bool b) { return b; })) {
        return {};
    }
    // Qt turns an invalid time into midnight: check every field instead of trusting isValid().
    if (date.at(2).size() != 4 || !QDate::isValid(year, month, day) || !QTime::isValid(hour, minute, second) ||
        zoneHours > 14 || zoneMinutes > 59) {
        return {};
    }
    const int offset = (zoneHours * 3600 + zoneMinutes * 60) * (zone.at(0) == '-' ? -1 : 1);
    const QDateTime local(QDate(year, month, day), QTime(hour, minute, second), QTimeZone(offset));
    return local.isValid() ? local.toUTC() : QDateTime();
}

QByteArray uidSet(QList<quint32> uids)
{
    std::sort(uids.begin(), uids.end());
    uids.erase(std::unique(uids.begin(), uids.end()), uids.end());
    QByteArray out;
    for (qsizetype i = 0; i < uids.size();) {
        qsizetype j = i;
        while (j + 1 < uids.size() && uids.at(j + 1) == uids.at(j) + 1) {
            ++j;
        }
        if (!out.isEmpty()) {
            out += ',';
        }
        out += QByteArray::number(uids.at(i));
        if (j > i) {
            out += ':' + QByteArray::number(uids.at(j));
        }
        i = j + 1;
    }
    return out;
}

} // namespace SyncDesk::Imap

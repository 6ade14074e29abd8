#include "configvalues.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QTimeZone>

namespace SyncDesk::ConfigValues {

using namespace Qt::StringLiterals;

QString describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double:
        // Whole up to 15 digits ("1000000", not "1e+06"): the number as the user wrote it.
        return QCoreApplication::translate("ConfigValues", "the number %1")
            .arg(QString::number(value.toDouble(), 'g', 15));
    case QJsonValue::String:
        return QCoreApplication::translate("ConfigValues", "the string \"%1\"").arg(value.toString().left(60));
    case QJsonValue::Array:
        return QCoreApplication::translate("ConfigValues", "an array");
    case QJsonValue::Object:
        return QCoreApplication::translate("ConfigValues", "an object");
    case QJsonValue::Undefined:
        break;
    }
    //: What a missing JSON value is, in "expected ..., got nothing"
    return QCoreApplication::translate("ConfigValues", "nothing");
}

QDateTime parseDateTime(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (const QDate date = QDate::fromString(trimmed, Qt::ISODate); date.isValid() && trimmed.size() == 10) {
        return QDateTime(date, QTime(0, 0), Qt::UTC);
    }
    QDateTime time = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
    if (!time.isValid() || !trimmed.contains(u'T')) {
        return {};
    }
    if (time.timeSpec() == Qt::LocalTime) {
        time.setTimeSpec(Qt::UTC);
    }
    return time.toUTC();
}

bool isEmailAddress(const QString &address)
{
    static const QRegularExpression pattern(u"^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"_s);
    return pattern.match(address).hasMatch();
}

bool isImapKeyword(const QString &keyword)
{
    // RFC 3501 atom: no atom-specials (( ) { SP CTL % * " \ ]); a leading backslash is a system flag.
    static const QRegularExpression pattern(u"^[!#$&'+,\\-./0-9:;<=>?@A-Z\\[^_`a-z|}~]{1,64}$"_s);
    return pattern.match(keyword).hasMatch();
}

} // namespace SyncDesk::ConfigValues

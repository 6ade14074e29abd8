// The core's side of the iCalendar codec: libical is in the iCalendar module (icalmodule.h), opened the first
// time a calendar object is read or written.
#include "icalcodec.h"

#include "icalmodule.h"
#include "modules/moduleloader.h"

#include <QCoreApplication>

#include <optional>

namespace SyncDesk::ICalCodec {

using namespace Qt::StringLiterals;

namespace {

Modules::Function s_parse(ICalModule::kFileName, ICalModule::kParseSymbol);
Modules::Function s_writeAppointment(ICalModule::kFileName, ICalModule::kWriteAppointmentSymbol);
Modules::Function s_writeTask(ICalModule::kFileName, ICalModule::kWriteTaskSymbol);
Modules::Function s_occurrences(ICalModule::kFileName, ICalModule::kOccurrencesSymbol);

// The function, or why the module could not be opened: nothing is read or written, and the calendar
// direction fails with this reason until the installation is repaired (a later call tries again).
template <typename FunctionType>
Result<FunctionType> resolve(Modules::Function &function)
{
    QString problem;
    if (auto found = reinterpret_cast<FunctionType>(function.get(&problem))) {
        return found;
    }
    return SyncError::make(
        ErrorClass::Internal, u"module-missing"_s,
        //: %1 is a file name (libsyncdesk-ical.so), part of the syncdesk-node package
        QCoreApplication::translate("SyncDesk::ICalCodec",
                                    "the iCalendar module %1 of this installation is missing or cannot be loaded; "
                                    "reinstall the syncdesk-node package")
            .arg(QString::fromLatin1(ICalModule::kFileName)),
        problem);
}

// What went wrong inside the module, as an error: the codec's callers handle Results, not exceptions (a failed
// calendar object fails the direction's run, as any other error does).
std::optional<SyncError> failure(Modules::Failure failed, const QString &what)
{
    if (failed == Modules::Failure::None) {
        return std::nullopt;
    }
    const QString message =
        failed == Modules::Failure::OutOfMemory
            ? QCoreApplication::translate("SyncDesk::ICalCodec", "out of memory reading or writing a calendar object")
            //: %1 is the exception's text
            : QCoreApplication::translate("SyncDesk::ICalCodec", "the iCalendar module failed: %1").arg(what);
    return SyncError::make(ErrorClass::Internal, u"internal-error"_s, message);
}

} // namespace

Result<CalendarObject> parse(const QByteArray &data)
{
    auto call = resolve<ICalModule::ParseFunction>(s_parse);
    if (!call) {
        return call.error();
    }
    Result<CalendarObject> parsed = CalendarObject{};
    QString what;
    if (auto failed = failure((*call)(data, &parsed, &what), what)) {
        return *failed;
    }
    return parsed;
}

Result<QByteArray> write(const Appointment &appointment, const QByteArray &previous)
{
    auto call = resolve<ICalModule::WriteAppointmentFunction>(s_writeAppointment);
    if (!call) {
        return call.error();
    }
    QByteArray written;
    QString what;
    if (auto failed = failure((*call)(appointment, previous, &written, &what), what)) {
        return *failed;
    }
    return written;
}

Result<QByteArray> write(const CrmTask &task, const QByteArray &previous)
{
    auto call = resolve<ICalModule::WriteTaskFunction>(s_writeTask);
    if (!call) {
        return call.error();
    }
    QByteArray written;
    QString what;
    if (auto failed = failure((*call)(task, previous, &written, &what), what)) {
        return *failed;
    }
    return written;
}

Result<QList<QPair<QDateTime, QDateTime>>> occurrences(const Appointment &appointment, const QDateTime &from,
                                                       const QDateTime &to, int max)
{
    auto call = resolve<ICalModule::OccurrencesFunction>(s_occurrences);
    if (!call) {
        return call.error();
    }
    ICalModule::Occurrences found;
    QString what;
    if (auto failed = failure((*call)(appointment, from, to, max, &found, &what), what)) {
        return *failed;
    }
    return found;
}

} // namespace SyncDesk::ICalCodec

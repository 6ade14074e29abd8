// The iCalendar module's entry points (icalmodule.h), opened by the core with QLibrary. Exceptions stop here
// and are reported as a Modules::Failure (modules/modulecall.h).
#include "icalmodule.h"

using namespace SyncDesk;
using Modules::Failure;
using Modules::guarded;

extern "C" Q_DECL_EXPORT Failure syncdesk_ical_parse(const QByteArray &data, Result<ICalCodec::CalendarObject> *parsed,
                                                     QString *what)
{
    return guarded(what, [&] { *parsed = ICalBackend::parse(data); });
}

extern "C" Q_DECL_EXPORT Failure syncdesk_ical_write_appointment(const Appointment &appointment,
                                                                 const QByteArray &previous, QByteArray *written,
                                                                 QString *what)
{
    return guarded(what, [&] { *written = ICalBackend::write(appointment, previous); });
}

extern "C" Q_DECL_EXPORT Failure syncdesk_ical_write_task(const CrmTask &task, const QByteArray &previous,
                                                          QByteArray *written, QString *what)
{
    return guarded(what, [&] { *written = ICalBackend::write(task, previous); });
}

extern "C" Q_DECL_EXPORT Failure syncdesk_ical_occurrences(const Appointment &appointment, const QDateTime &from,
                                                           const QDateTime &to, int max,
                                                           ICalModule::Occurrences *occurrences, QString *what)
{
    return guarded(what, [&] { *occurrences = ICalBackend::occurrences(appointment, from, to, max); });
}

#pragma once

#include "act/icalcodec.h"
#include "modules/modulecall.h"

#include <QByteArray>

// The boundary between the core and its iCalendar module (libsyncdesk-ical.so): libical is linked into that
// module only, which the core opens the first time a calendar object is read or written (icalcodec.h), so
// that a command or a mailbox without a calendar does not load it at start (modules/moduleloader.h says why).
// Both sides are built from this header in the same build, with the same Qt.
namespace SyncDesk::ICalModule {

using Modules::Failure;

using Occurrences = QList<QPair<QDateTime, QDateTime>>;

// ICalBackend::parse, write and occurrences behind C entry points.
using ParseFunction = Failure (*)(const QByteArray &data, Result<ICalCodec::CalendarObject> *parsed, QString *what);
using WriteAppointmentFunction = Failure (*)(const Appointment &appointment, const QByteArray &previous,
                                             QByteArray *written, QString *what);
using WriteTaskFunction = Failure (*)(const CrmTask &task, const QByteArray &previous, QByteArray *written,
                                      QString *what);
using OccurrencesFunction = Failure (*)(const Appointment &appointment, const QDateTime &from, const QDateTime &to,
                                        int max, Occurrences *occurrences, QString *what);

inline constexpr auto kFileName = "libsyncdesk-ical.so";
inline constexpr auto kParseSymbol = "syncdesk_ical_parse";
inline constexpr auto kWriteAppointmentSymbol = "syncdesk_ical_write_appointment";
inline constexpr auto kWriteTaskSymbol = "syncdesk_ical_write_task";
inline constexpr auto kOccurrencesSymbol = "syncdesk_ical_occurrences";

} // namespace SyncDesk::ICalModule

// Inside the module: what icalcodec.h describes, with libical (icalbackend.cpp, icaltime.cpp).
namespace SyncDesk::ICalBackend {

Result<ICalCodec::CalendarObject> parse(const QByteArray &data);
QByteArray write(const Appointment &appointment, const QByteArray &previous);
QByteArray write(const CrmTask &task, const QByteArray &previous);
QList<QPair<QDateTime, QDateTime>> occurrences(const Appointment &appointment, const QDateTime &from,
                                               const QDateTime &to, int max);

} // namespace SyncDesk::ICalBackend

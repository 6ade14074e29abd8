// libFuzzer target: the iCalendar codec (libical underneath) on a server's calendar object, called on the
// iCalendar module's side (icalmodule.h) without the module. What parses is written back over its own text (the
// merge with `previous`), read again, and its recurrence expanded over a bounded window: none of it may crash,
// hang or grow without bound.

#include "act/icalmodule.h"

#include <cstddef>
#include <cstdint>

using namespace SyncDesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    auto parsed = ICalBackend::parse(input);
    if (!parsed) {
        return 0;
    }
    const ICalCodec::CalendarObject object = *parsed;
    const QByteArray written = object.kind == ActKind::Task ? ICalBackend::write(object.task, input)
                                                            : ICalBackend::write(object.appointment, input);
    (void)ICalBackend::parse(written);
    if (object.kind == ActKind::Appointment && object.appointment.start.isValid()) {
        const QDateTime from = object.appointment.start.addDays(-1);
        (void)ICalBackend::occurrences(object.appointment, from, from.addDays(400), 100);
    }
    return 0;
}

// libFuzzer target: the iCalendar codec (libical underneath) on a server's calendar object. What parses is written
// back over its own text (the merge with `previous`), read again, and its recurrence expanded over a bounded window:
// none of it may crash, hang or grow without bound.

#include "act/icalcodec.h"

#include <cstddef>
#include <cstdint>

using namespace SyncDesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    auto parsed = ICalCodec::parse(input);
    if (!parsed) {
        return 0;
    }
    const ICalCodec::CalendarObject object = *parsed;
    const QByteArray written = object.kind == ActKind::Task ? ICalCodec::write(object.task, input)
                                                            : ICalCodec::write(object.appointment, input);
    (void)ICalCodec::parse(written);
    if (object.kind == ActKind::Appointment && object.appointment.start.isValid()) {
        const QDateTime from = object.appointment.start.addDays(-1);
        (void)ICalCodec::occurrences(object.appointment, from, from.addDays(400), 100);
    }
    return 0;
}

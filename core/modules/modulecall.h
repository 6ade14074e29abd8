#pragma once

#include <QString>

#include <exception>
#include <new>
#include <stdexcept>

// Calls across the C entry points of SyncDesk's modules (moduleloader.h): no exception crosses them. Inside a
// module, guarded() runs the work and reports what was thrown as a Failure. The core raises the same kind again
// on its side with raise() where its callers handle exceptions (the MIME module's: the batch decoder), or
// returns it as an error (the iCalendar codec, whose callers take Results).
namespace SyncDesk::Modules {

enum class Failure : int { None = 0, OutOfMemory, Exception };

// Inside a module: the work, with what it threw as a Failure and its text in `what`.
template <typename Work>
Failure guarded(QString *what, Work &&work)
{
    try {
        work();
        return Failure::None;
    } catch (const std::bad_alloc &) {
        return Failure::OutOfMemory;
    } catch (const std::exception &error) {
        *what = QString::fromLocal8Bit(error.what());
    } catch (...) {
        *what = QStringLiteral("an unknown error");
    }
    return Failure::Exception;
}

// On the core's side: the module's failure as the exception it was.
inline void raise(Failure failure, const QString &what)
{
    if (failure == Failure::OutOfMemory) {
        throw std::bad_alloc();
    }
    if (failure == Failure::Exception) {
        throw std::runtime_error(what.toStdString());
    }
}

} // namespace SyncDesk::Modules

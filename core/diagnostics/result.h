#pragma once

#include "syncerror.h"

#include <optional>
#include <utility>
#include <variant>

namespace SyncDesk {

// A value or the SyncError that explains why there is none. Errors cross thread boundaries as values,
// never as exceptions.
template <typename T>
class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_data(std::move(value))
    {}
    Result(SyncError error)
        : m_data(std::move(error))
    {}

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_data); }
    T &value() & { return std::get<T>(m_data); }
    T &&value() && { return std::get<T>(std::move(m_data)); }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }

    const SyncError &error() const { return std::get<SyncError>(m_data); }

private:
    std::variant<T, SyncError> m_data;
};

template <>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(SyncError error)
        : m_error(std::move(error))
    {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const SyncError &error() const { return *m_error; }

private:
    std::optional<SyncError> m_error;
};

using Status = Result<void>;

} // namespace SyncDesk

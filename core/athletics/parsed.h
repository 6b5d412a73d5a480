#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace meetdesk {

// Why a text could not be read; converts to any Parsed<T>.
struct Failure
{
    QString reason;
};

// The athletics functions' answer to "read this": a value, or the reason it is not one. The
// reason quotes the text and says what is wrong with it ("1:61.20": the seconds after a colon
// must be under 60); the caller adds where the text is (a JSON path, a grid cell, a line).
template<class T> class Parsed
{
public:
    Parsed(T value)
        : m_value(std::move(value))
    { }
    Parsed(Failure failure)
        : m_error(std::move(failure.reason))
    { }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    // Only when ok().
    const T &value() const { return *m_value; }
    const T &operator*() const { return *m_value; }
    const T *operator->() const { return &*m_value; }
    // The value, or the fallback when the text was not one.
    T valueOr(T fallback) const { return m_value.value_or(std::move(fallback)); }
    // Empty when ok().
    const QString &error() const { return m_error; }

private:
    std::optional<T> m_value;
    QString m_error;
};

} // namespace meetdesk

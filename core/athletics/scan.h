#pragma once

#include <QStringView>

namespace meetdesk {

// Reading digits by hand where a regular expression would do: the checks read every mark of a
// competition, so these run tens of thousands of times a check.
namespace scan {

inline bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}
// How many ASCII digits the text has from the given position on.
inline qsizetype digits(QStringView text, qsizetype from = 0)
{
    qsizetype end = from;
    while (end < text.size() && isDigit(text[end]))
        ++end;
    return end - from;
}
inline bool allDigits(QStringView text)
{
    return !text.isEmpty() && digits(text) == text.size();
}
// The number ASCII digits spell (0 for none); only for texts digits() has measured.
inline qint64 value(QStringView digits)
{
    qint64 v = 0;
    for (const QChar c : digits)
        v = v * 10 + (c.unicode() - u'0');
    return v;
}

} // namespace scan

} // namespace meetdesk

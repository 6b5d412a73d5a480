#include "csv.h"

#include <QCoreApplication>
#include <QHash>

namespace meetdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("meetdesk::Csv", text);
}

} // namespace

Csv::Parsed Csv::parse(QStringView text, QChar delimiter)
{
    Parsed parsed;
    Record record;
    QString field;
    bool quoted = false; // inside quotes
    bool fieldStarted = false;
    int line = 1;
    int quoteLine = 0;
    int row = 1;
    record.line = 1;
    record.row = 1;

    auto endField = [&] {
        record.fields.append(field);
        field.clear();
        fieldStarted = false;
    };
    auto endRecord = [&] {
        endField();
        const bool blank = record.fields.size() == 1 && record.fields.first().isEmpty();
        if (!blank)
            parsed.records.append(std::move(record));
        record = Record();
        record.line = line;
        record.row = ++row;
    };

    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < n && text[i + 1] == u'"') {
                    field.append(u'"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == u'\n')
                    ++line;
                field.append(c);
            }
            continue;
        }
        if (c == u'"' && !fieldStarted) {
            quoted = true;
            fieldStarted = true;
            quoteLine = line;
        } else if (c == delimiter) {
            endField();
        } else if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && i + 1 < n && text[i + 1] == u'\n')
                ++i;
            ++line;
            endRecord();
        } else {
            field.append(c);
            fieldStarted = true;
        }
    }
    if (quoted) {
        parsed.error = tr("line %1: a quoted field is not closed").arg(quoteLine);
        return parsed;
    }
    if (fieldStarted || !field.isEmpty() || !record.fields.isEmpty())
        endRecord();
    return parsed;
}

QChar Csv::detectDelimiter(QStringView text)
{
    static constexpr char16_t candidates[] = {u',', u';', u'\t'};
    QChar best = u',';
    int bestLines = 0;
    int bestCount = 0;
    for (const char16_t candidate : candidates) {
        // Fields per line over the first lines, counted outside quotes.
        QList<int> counts;
        int count = 0;
        bool quoted = false;
        for (qsizetype i = 0; i < text.size() && counts.size() < 20; ++i) {
            const QChar c = text[i];
            if (c == u'"')
                quoted = !quoted;
            else if (!quoted && c == candidate)
                ++count;
            else if (!quoted && c == u'\n') {
                if (count > 0 || !counts.isEmpty())
                    counts.append(count);
                count = 0;
            }
        }
        if (count > 0)
            counts.append(count);
        QHash<int, int> frequency;
        for (const int k : std::as_const(counts)) {
            if (k > 0)
                ++frequency[k];
        }
        int modeCount = 0, modeLines = 0;
        for (auto it = frequency.cbegin(); it != frequency.cend(); ++it) {
            if (it.value() > modeLines || (it.value() == modeLines && it.key() > modeCount)) {
                modeLines = it.value();
                modeCount = it.key();
            }
        }
        if (modeLines > bestLines || (modeLines == bestLines && modeCount > bestCount)) {
            best = QChar(candidate);
            bestLines = modeLines;
            bestCount = modeCount;
        }
    }
    return best;
}

QString Csv::field(const QString &value, QChar delimiter)
{
    const bool needsQuotes = value.contains(delimiter) || value.contains(u'"')
        || value.contains(u'\n') || value.contains(u'\r') || value.startsWith(u' ')
        || value.endsWith(u' ');
    if (!needsQuotes)
        return value;
    QString quoted = value;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

QString Csv::line(const QStringList &fields, QChar delimiter)
{
    QString out;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            out.append(delimiter);
        out.append(field(fields[i], delimiter));
    }
    return out;
}

} // namespace meetdesk

#pragma once

// Fixtures for the tests, found through compile-time paths (never the working directory).

#include "edit/documenteditor.h"
#include "format/opentrackreader.h"
#include "format/table.h"
#include "model/document.h"

#include <QFile>

namespace meetdesk::testdata {

inline QString fixturePath(const QString &name)
{
    return QStringLiteral(MEETDESK_TEST_DATA) + u'/' + name;
}

inline QByteArray fixture(const QString &name)
{
    QFile f(fixturePath(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return f.readAll();
}

inline QString samplePath()
{
    return QStringLiteral(MEETDESK_SAMPLES "/riverside-open-2026.json");
}

// A document over the bundled sample meet (or another file), as freshly opened.
inline std::unique_ptr<Document> loadDocument(const QString &path = samplePath())
{
    ReadResult r = OpenTrackReader::readFile(path);
    if (!r.ok())
        qFatal("cannot read %s: %s", qPrintable(path), qPrintable(r.error));
    return std::make_unique<Document>(std::move(r.competition));
}

// A unit of a new event, appended as the editor does it; the event gets the code if one is
// given (the grids read marks for the event's kind).
inline const Unit *appendUnit(DocumentEditor &edit, const QString &eventCode = {})
{
    auto *event = edit.append(edit.document().competition(), ListId::Events);
    if (!eventCode.isEmpty())
        edit.setValue(*event, QLatin1StringView("event_code"), eventCode);
    return static_cast<const Unit *>(edit.append(*event, ListId::Units));
}

// A new event with one empty heat, appended to the document, for a grid to fill.
inline const Unit &newHeat(DocumentEditor &edit)
{
    return *appendUnit(edit);
}

// A table as a reader gives it, its rows numbered from 1.
inline Table table(const QList<QStringList> &rows, const QString &source = QStringLiteral("t.csv"))
{
    Table t;
    t.source = source;
    int n = 0;
    for (const QStringList &cells : rows)
        t.rows.append({++n, cells});
    return t;
}

// The competitor with this bib, or null.
inline const Competitor *competitor(const Competition &c, const QString &bib)
{
    for (const auto &x : c.competitors) {
        if (x->competitorId == bib)
            return x.get();
    }
    return nullptr;
}

} // namespace meetdesk::testdata

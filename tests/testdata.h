#pragma once

// Fixtures for the tests, found through compile-time paths (never the working directory).

#include "edit/documenteditor.h"
#include "format/opentrackreader.h"
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

// A new event with one empty heat, appended to the document, for a grid to fill.
inline const Unit &newHeat(DocumentEditor &edit)
{
    Node *event = edit.append(edit.document().competition(), ListId::Events);
    return static_cast<const Unit &>(*edit.append(*event, ListId::Units));
}

} // namespace meetdesk::testdata

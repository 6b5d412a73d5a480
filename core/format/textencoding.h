#pragma once

#include <QByteArray>
#include <QString>

namespace meetdesk {

// The encodings that spreadsheets and timing systems write text in. Qt's own decoders know
// UTF-8, UTF-16 and Latin-1 only; Windows-1252 (what Excel's "CSV" and FinishLynx write on a
// Western European Windows) differs from Latin-1 in 0x80-0x9F, so it is mapped here.
class TextEncoding
{
public:
    enum class Encoding { Utf8, Utf8Bom, Utf16Le, Utf16Be, Windows1252 };

    struct Decoded
    {
        QString text;
        Encoding encoding = Encoding::Utf8;
    };

    // A byte order mark decides; without one, UTF-16 is recognised by its zero bytes, then
    // text that is valid UTF-8 is UTF-8 and anything else is Windows-1252 (which never fails).
    static Decoded decode(QByteArrayView bytes);
    // The text as the user says it is written (a byte order mark of that encoding is skipped).
    static QString decode(QByteArrayView bytes, Encoding encoding);
    static QString name(Encoding encoding);

    static QString fromWindows1252(QByteArrayView bytes);
    // Characters Windows-1252 lacks become their unaccented letter where there is one
    // ("Ł" has none: "?"), so a name comes back from a Windows program as foldToWindows1252 says.
    static QByteArray toWindows1252(QStringView text);
    static QString foldToWindows1252(QStringView text);
};

} // namespace meetdesk

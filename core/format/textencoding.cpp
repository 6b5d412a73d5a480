#include "textencoding.h"

#include <QStringDecoder>

namespace meetdesk {

namespace {

// 0x80-0x9F in Windows-1252. The five bytes it leaves undefined keep their C1 code point,
// as Windows itself decodes them, so nothing read is lost.
constexpr char16_t high1252[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

// The byte for a character, or 0 when Windows-1252 has none.
char byteOf(char16_t c)
{
    if (c < 0x80 || (c >= 0xA0 && c <= 0xFF))
        return char(c);
    for (int i = 0; i < 32; ++i) {
        if (high1252[i] == c)
            return char(0x80 + i);
    }
    return 0;
}

char16_t foldChar(QChar c)
{
    if (c.unicode() != 0 && byteOf(c.unicode()) != 0)
        return c.unicode();
    const QString decomposed = QString(c).normalized(QString::NormalizationForm_D);
    if (!decomposed.isEmpty() && decomposed[0] != c && byteOf(decomposed[0].unicode()) != 0)
        return decomposed[0].unicode();
    return u'?';
}

// UTF-16 without a byte order mark: text of Latin letters has a zero in every other byte.
bool looksLikeUtf16(QByteArrayView bytes, bool *littleEndian)
{
    const qsizetype n = std::min<qsizetype>(bytes.size(), 200) & ~qsizetype(1);
    if (n < 4)
        return false;
    int evenZeros = 0, oddZeros = 0;
    for (qsizetype i = 0; i < n; i += 2) {
        evenZeros += bytes[i] == 0;
        oddZeros += bytes[i + 1] == 0;
    }
    const int pairs = int(n / 2);
    if (oddZeros * 10 >= pairs * 9 && evenZeros == 0) {
        *littleEndian = true;
        return true;
    }
    if (evenZeros * 10 >= pairs * 9 && oddZeros == 0) {
        *littleEndian = false;
        return true;
    }
    return false;
}

QString decodeWith(QStringConverter::Encoding encoding, QByteArrayView bytes)
{
    QStringDecoder decoder(encoding, QStringConverter::Flag::Stateless);
    return decoder.decode(bytes);
}

} // namespace

TextEncoding::Decoded TextEncoding::decode(QByteArrayView bytes)
{
    if (bytes.startsWith("\xEF\xBB\xBF"))
        return {decodeWith(QStringConverter::Utf8, bytes.sliced(3)), Encoding::Utf8Bom};
    if (bytes.startsWith("\xFF\xFE"))
        return {decodeWith(QStringConverter::Utf16LE, bytes.sliced(2)), Encoding::Utf16Le};
    if (bytes.startsWith("\xFE\xFF"))
        return {decodeWith(QStringConverter::Utf16BE, bytes.sliced(2)), Encoding::Utf16Be};
    bool littleEndian = true;
    if (looksLikeUtf16(bytes, &littleEndian)) {
        return littleEndian
            ? Decoded {decodeWith(QStringConverter::Utf16LE, bytes), Encoding::Utf16Le}
            : Decoded {decodeWith(QStringConverter::Utf16BE, bytes), Encoding::Utf16Be};
    }
    QStringDecoder utf8(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
    QString text = utf8.decode(bytes);
    if (!utf8.hasError())
        return {text, Encoding::Utf8};
    return {fromWindows1252(bytes), Encoding::Windows1252};
}

QString TextEncoding::decode(QByteArrayView bytes, Encoding encoding)
{
    switch (encoding) {
    case Encoding::Utf8:
    case Encoding::Utf8Bom:
        return decodeWith(QStringConverter::Utf8,
                          bytes.startsWith("\xEF\xBB\xBF") ? bytes.sliced(3) : bytes);
    case Encoding::Utf16Le:
        return decodeWith(QStringConverter::Utf16LE,
                          bytes.startsWith("\xFF\xFE") ? bytes.sliced(2) : bytes);
    case Encoding::Utf16Be:
        return decodeWith(QStringConverter::Utf16BE,
                          bytes.startsWith("\xFE\xFF") ? bytes.sliced(2) : bytes);
    case Encoding::Windows1252:
        break;
    }
    return fromWindows1252(bytes);
}

QString TextEncoding::name(Encoding encoding)
{
    switch (encoding) {
    case Encoding::Utf8:
        return QStringLiteral("UTF-8");
    case Encoding::Utf8Bom:
        return QStringLiteral("UTF-8 (BOM)");
    case Encoding::Utf16Le:
        return QStringLiteral("UTF-16LE");
    case Encoding::Utf16Be:
        return QStringLiteral("UTF-16BE");
    case Encoding::Windows1252:
        return QStringLiteral("Windows-1252");
    }
    return {};
}

QString TextEncoding::fromWindows1252(QByteArrayView bytes)
{
    QString text(bytes.size(), Qt::Uninitialized);
    QChar *out = text.data();
    for (const char b : bytes) {
        const auto u = static_cast<unsigned char>(b);
        *out++ = QChar(u >= 0x80 && u < 0xA0 ? high1252[u - 0x80] : char16_t(u));
    }
    return text;
}

QByteArray TextEncoding::toWindows1252(QStringView text)
{
    const QString folded = foldToWindows1252(text); // every character now has its byte
    QByteArray bytes(folded.size(), Qt::Uninitialized);
    for (qsizetype i = 0; i < folded.size(); ++i)
        bytes[i] = byteOf(folded[i].unicode());
    return bytes;
}

QString TextEncoding::foldToWindows1252(QStringView text)
{
    QString folded;
    folded.reserve(text.size());
    for (const QChar c : text)
        folded.append(QChar(foldChar(c)));
    return folded;
}

} // namespace meetdesk

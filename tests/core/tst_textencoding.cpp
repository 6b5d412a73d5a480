#include "format/textencoding.h"

#include <QTest>

using namespace meetdesk;
using Encoding = TextEncoding::Encoding;

Q_DECLARE_METATYPE(TextEncoding::Encoding)

class TestTextEncoding : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decode_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("text");
        QTest::addColumn<Encoding>("encoding");
        const QString name = QStringLiteral("\u00C9milie;S\u00F8ren");
        QTest::newRow("utf-8") << name.toUtf8() << name << Encoding::Utf8;
        QTest::newRow("utf-8 bom")
            << QByteArray("\xEF\xBB\xBF") + name.toUtf8() << name << Encoding::Utf8Bom;
        QTest::newRow("ascii is utf-8")
            << QByteArray("Bib;Name") << QString("Bib;Name") << Encoding::Utf8;
        QTest::newRow("utf-16le bom")
            << QByteArray("\xFF\xFE\xC9\x00m\x00", 6) << QString("\u00C9m") << Encoding::Utf16Le;
        QTest::newRow("utf-16be bom")
            << QByteArray("\xFE\xFF\x00\xC9\x00m", 6) << QString("\u00C9m") << Encoding::Utf16Be;
        QTest::newRow("utf-16le without bom") << QByteArray("B\0i\0b\0;\0N\0a\0m\0e\0", 16)
                                              << QString("Bib;Name") << Encoding::Utf16Le;
        QTest::newRow("utf-16be without bom") << QByteArray("\0B\0i\0b\0;\0N\0a\0m\0e", 16)
                                              << QString("Bib;Name") << Encoding::Utf16Be;
        QTest::newRow("windows-1252")
            << QByteArray("\xC9milie;S\xF8ren;O\x92"
                          "Brien;\x8A\xE1rka;\x8Elschl\xE4ger")
            << QString("\u00C9milie;S\u00F8ren;O\u2019Brien;\u0160\u00E1rka;\u017Dlschl\u00E4ger")
            << Encoding::Windows1252;
        QTest::newRow("1252 euro, quotes, oe, Y diaeresis")
            << QByteArray("\x80\x93x\x94\x9C\x9F") << QString("\u20AC\u201Cx\u201D\u0153\u0178")
            << Encoding::Windows1252;
        QTest::newRow("1252 undefined bytes kept")
            << QByteArray("a\x81\x8D\x8F\x90\x9D") << QString("a\u0081\u008D\u008F\u0090\u009D")
            << Encoding::Windows1252;
    }
    void decode()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, text);
        QFETCH(Encoding, encoding);
        const auto decoded = TextEncoding::decode(bytes);
        QCOMPARE(decoded.text, text);
        QCOMPARE(decoded.encoding, encoding);
    }

    // What the user says the text is written in, whatever detection would say.
    void decodeAsTold_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<Encoding>("encoding");
        QTest::addColumn<QString>("text");
        const QByteArray utf8 = QStringLiteral("Bj\u00F6rn").toUtf8();
        QTest::newRow("utf-8 as utf-8") << utf8 << Encoding::Utf8 << QString("Bj\u00F6rn");
        QTest::newRow("utf-8 as windows-1252")
            << utf8 << Encoding::Windows1252 << QString("Bj\u00C3\u00B6rn");
        QTest::newRow("its bom skipped")
            << QByteArray("\xEF\xBB\xBF") + utf8 << Encoding::Utf8Bom << QString("Bj\u00F6rn");
        QTest::newRow("windows-1252 as windows-1252")
            << QByteArray("Bj\xF6rn") << Encoding::Windows1252 << QString("Bj\u00F6rn");
        QTest::newRow("utf-16le without bom")
            << QByteArray("B\0j\0", 4) << Encoding::Utf16Le << QString("Bj");
        QTest::newRow("utf-16be with bom")
            << QByteArray("\xFE\xFF\0B\0j", 6) << Encoding::Utf16Be << QString("Bj");
    }
    void decodeAsTold()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(Encoding, encoding);
        QFETCH(QString, text);
        QCOMPARE(TextEncoding::decode(bytes, encoding), text);
    }

    void everyByteRoundTripsThroughWindows1252()
    {
        QByteArray all;
        for (int b = 1; b < 256; ++b)
            all.append(char(b));
        QCOMPARE(TextEncoding::toWindows1252(TextEncoding::fromWindows1252(all)), all);
    }

    void fold_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("folded");
        QTest::newRow("kept") << QString("\u00C9milie \u0160\u00E1rka O\u2019Brien")
                              << QString("\u00C9milie \u0160\u00E1rka O\u2019Brien");
        QTest::newRow("accent dropped") << QString("Ji\u0159\u00ED") << QString("Jir\u00ED");
        QTest::newRow("no base letter") << QString("\u0141ukasz") << QString("?ukasz");
        QTest::newRow("other script") << QString("\u0391\u03B8") << QString("??");
    }
    void fold()
    {
        QFETCH(QString, text);
        QFETCH(QString, folded);
        QCOMPARE(TextEncoding::foldToWindows1252(text), folded);
        QCOMPARE(TextEncoding::fromWindows1252(TextEncoding::toWindows1252(text)), folded);
    }
};

QTEST_GUILESS_MAIN(TestTextEncoding)
#include "tst_textencoding.moc"

#include "athletics/eventcatalogue.h"

#include <QTest>

using namespace meetdesk;
using Kind = EventCatalogue::Kind;

Q_DECLARE_METATYPE(EventCatalogue::Kind)

class TestEventCatalogue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void kinds_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<Kind>("kind");
        const std::pair<const char *, Kind> rows[] = {
            {"100", Kind::Track},     {"110H", Kind::Track},    {"3000SC", Kind::Track},
            {"MILE", Kind::Track},    {"4x100", Kind::Relay},   {"4X400", Kind::Relay},
            {"LJ", Kind::Horizontal}, {"TJ", Kind::Horizontal}, {"HJ", Kind::Vertical},
            {"PV", Kind::Vertical},   {"SP", Kind::Throw},      {"SP3K", Kind::Throw},
            {"JT", Kind::Throw},      {"DEC", Kind::Combined},  {"TRI", Kind::Combined},
            {"5K", Kind::Road},       {"MAR", Kind::Road},      {"", Kind::Unknown},
            {"FOO", Kind::Unknown},   {"3000W", Kind::Track},   {"100M", Kind::Unknown},
            {"4x", Kind::Unknown},    {"4x100H", Kind::Relay},  {"X100", Kind::Unknown},
        };
        for (const auto &[code, kind] : rows)
            QTest::newRow(code[0] ? code : "empty") << QString::fromLatin1(code) << kind;
    }
    void kinds()
    {
        QFETCH(QString, code);
        QFETCH(Kind, kind);
        QCOMPARE(EventCatalogue::kindOf(code), kind);
    }

    void distances_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("metres");
        QTest::addColumn<bool>("hurdles");
        QTest::newRow("100") << "100" << 100 << false;
        QTest::newRow("110H") << "110H" << 110 << true;
        QTest::newRow("400h") << "400h" << 400 << true;
        QTest::newRow("3000SC") << "3000SC" << 3000 << false;
        QTest::newRow("MILE") << "MILE" << 1609 << false;
        QTest::newRow("4x100") << "4x100" << 400 << false;
        QTest::newRow("4x400") << "4X400" << 1600 << false;
        QTest::newRow("5K") << "5K" << 5000 << false;
        QTest::newRow("HM") << "HM" << 21097 << false;
        QTest::newRow("MAR") << "MAR" << 42195 << false;
        QTest::newRow("XC") << "XC" << 0 << false;
        QTest::newRow("medley relay") << "SMR" << 0 << false;
        QTest::newRow("shuttle hurdles") << "4x110H" << 440 << false;
        QTest::newRow("relay of legs in metres") << "4x100M" << 0 << false;
        QTest::newRow("LJ") << "LJ" << 0 << false;
        QTest::newRow("HEP") << "HEP" << 0 << false;
    }
    void distances()
    {
        QFETCH(QString, code);
        QFETCH(int, metres);
        QFETCH(bool, hurdles);
        QCOMPARE(EventCatalogue::distanceMetres(code), metres);
        QCOMPARE(EventCatalogue::isHurdles(code), hurdles);
    }

    void names()
    {
        QCOMPARE(EventCatalogue::displayName(QStringLiteral("LJ")), QStringLiteral("Long Jump"));
        QCOMPARE(EventCatalogue::displayName(QStringLiteral("110H")),
                 QStringLiteral("110m Hurdles"));
        QCOMPARE(EventCatalogue::displayName(QStringLiteral("4x100")),
                 QStringLiteral("4x100m Relay"));
        QCOMPARE(EventCatalogue::suggestedName(QStringLiteral("100"), QStringLiteral("M"),
                                               QStringLiteral("SM")),
                 QStringLiteral("100m Men"));
        QCOMPARE(EventCatalogue::suggestedName(QStringLiteral("LJ"), QStringLiteral("F"),
                                               QStringLiteral("U17")),
                 QStringLiteral("Long Jump Women U17"));
        QCOMPARE(
            EventCatalogue::suggestedName(QStringLiteral("ZZ"), QStringLiteral("F"), QString()),
            QString());
        QVERIFY(EventCatalogue::standardCodes().contains(QStringLiteral("PV")));
    }
};

QTEST_GUILESS_MAIN(TestEventCatalogue)
#include "tst_eventcatalogue.moc"

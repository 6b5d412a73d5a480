#include "json/jsonvalue.h"

#include <QTest>

using namespace meetdesk;

class TestJsonValue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void equalityKeepsOrderAndNumberText()
    {
        const JsonValue a
            = JsonValue::object({{QStringLiteral("b"), JsonValue::number(QStringLiteral("1.50"))},
                                 {QStringLiteral("a"), JsonValue()}});
        const JsonValue sameOrder = a;
        const JsonValue otherOrder
            = JsonValue::object({{QStringLiteral("a"), JsonValue()},
                                 {QStringLiteral("b"), JsonValue::number(QStringLiteral("1.50"))}});
        const JsonValue otherText
            = JsonValue::object({{QStringLiteral("b"), JsonValue::number(QStringLiteral("1.5"))},
                                 {QStringLiteral("a"), JsonValue()}});
        QVERIFY(a == sameOrder);
        QVERIFY(a != otherOrder);
        QVERIFY(a != otherText);
        QVERIFY(JsonValue::string(QStringLiteral("1")) != JsonValue::number(QStringLiteral("1")));
    }

    void numberText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("number");
        QTest::newRow("integer") << "800" << true;
        QTest::newRow("beyond 64 bits") << "12345678901234567890" << true;
        QTest::newRow("trailing zero") << "1.50" << true;
        QTest::newRow("negative zero") << "-0" << true;
        QTest::newRow("exponent") << "1E+2" << true;
        QTest::newRow("small exponent") << "2e-3" << true;
        QTest::newRow("leading zero") << "0800" << false;
        QTest::newRow("plus") << "+1" << false;
        QTest::newRow("no digits after the point") << "1." << false;
        QTest::newRow("no digits before the point") << ".5" << false;
        QTest::newRow("blank") << " 1" << false;
        QTest::newRow("time") << "1:59.87" << false;
        QTest::newRow("text") << "800m" << false;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("exponent without digits") << "1e" << false;
        QTest::newRow("arabic-indic digits") << QString::fromUtf8("\u0668") << false;
    }
    void numberText()
    {
        QFETCH(QString, text);
        QFETCH(bool, number);
        QCOMPARE(isJsonNumber(text), number);
    }

    void doubleText_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("whole") << 800.0 << QByteArray("800");
        QTest::newRow("fraction") << 10.37 << QByteArray("10.37");
        QTest::newRow("negative") << -0.4 << QByteArray("-0.4");
        // A double holds about 17 digits: why fields keep the file's own spelling (schema.h).
        QTest::newRow("large") << 12345678901234567890.0 << QByteArray("12345678901234567000");
        QTest::newRow("infinity") << qInf() << QByteArray("null");
    }
    void doubleText()
    {
        QFETCH(double, value);
        QFETCH(QByteArray, text);
        QCOMPARE(jsonNumberText(value), text);
        if (text != "null")
            QCOMPARE(text.toDouble(), value); // reads back as the same double
    }

    void memberHelpers()
    {
        JsonObject o;
        setMember(o, QStringLiteral("x"), JsonValue::boolean(true));
        setMember(o, QStringLiteral("y"), JsonValue::string(QStringLiteral("y")));
        setMember(o, QStringLiteral("x"), JsonValue::boolean(false));
        QCOMPARE(o.size(), size_t(2));
        QCOMPARE(o.front().key, QStringLiteral("x"));
        QVERIFY(!findMember(o, u"x")->toBool());
        QVERIFY(removeMember(o, u"x"));
        QVERIFY(!removeMember(o, u"x"));
        QVERIFY(!findMember(o, u"x"));
    }

    void describe_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("expected");
        QTest::newRow("string") << 0 << QStringLiteral("\"1st\"");
        QTest::newRow("number") << 1 << QStringLiteral("12.50");
        QTest::newRow("null") << 2 << QStringLiteral("null");
        QTest::newRow("object") << 3 << QStringLiteral("an object");
        QTest::newRow("list") << 4 << QStringLiteral("a list");
        QTest::newRow("long") << 5
                              << QStringLiteral("\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...\"");
    }
    void describe()
    {
        QFETCH(int, which);
        QFETCH(QString, expected);
        const JsonValue values[] = {JsonValue::string(QStringLiteral("1st")),
                                    JsonValue::number(QStringLiteral("12.50")),
                                    JsonValue(),
                                    JsonValue::object(),
                                    JsonValue::array(),
                                    JsonValue::string(QString(60, u'a'))};
        QCOMPARE(values[which].describe(), expected);
    }
};

QTEST_GUILESS_MAIN(TestJsonValue)
#include "tst_jsonvalue.moc"

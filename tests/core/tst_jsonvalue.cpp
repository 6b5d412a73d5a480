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

#include "json/jsonpullparser.h"
#include "json/jsonwriter.h"

#include <QTest>

using namespace meetdesk;

class TestJsonWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void layoutIsPythonsIndentTwo()
    {
        JsonWriter w;
        w.beginObject();
        w.key(QLatin1StringView("a"));
        w.number(qint64(1));
        w.key(QLatin1StringView("empty"));
        w.beginArray();
        w.endArray();
        w.key(QLatin1StringView("obj"));
        w.beginObject();
        w.endObject();
        w.key(QLatin1StringView("list"));
        w.beginArray();
        w.string(u"x");
        w.boolean(true);
        w.null();
        w.endArray();
        w.endObject();
        QCOMPARE(w.take(),
                 QByteArray("{\n  \"a\": 1,\n  \"empty\": [],\n  \"obj\": {},\n  \"list\": [\n"
                            "    \"x\",\n    true,\n    null\n  ]\n}\n"));
    }

    void compactHasNoWhiteSpace()
    {
        JsonWriter w(0, JsonWriter::Layout::Compact);
        w.beginObject();
        w.key(QLatin1StringView("a"));
        w.rawNumber(u"1.50");
        w.key(u"list");
        w.beginArray();
        w.string(u"x y");
        w.beginObject();
        w.endObject();
        w.endArray();
        w.endObject();
        QCOMPARE(w.take(), QByteArray(R"({"a":1.50,"list":["x y",{}]})"));
    }

    void escapes()
    {
        JsonWriter w;
        const QString text
            = QStringLiteral("q\" b\\ n\n t\t c") + QChar(u'\x01') + QStringLiteral(" é 🏃 /");
        w.string(text);
        QCOMPARE(w.take(),
                 QByteArray("\"q\\\" b\\\\ n\\n t\\t c\\u0001 \xC3\xA9 \xF0\x9F\x8F\x83 /\"\n"));
    }

    void numbers_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("whole") << 1023.0 << QByteArray("1023");
        QTest::newRow("fraction") << 51.4085 << QByteArray("51.4085");
        QTest::newRow("negative") << -0.3064 << QByteArray("-0.3064");
        QTest::newRow("shortest") << 0.1 + 0.2 << QByteArray("0.30000000000000004");
        QTest::newRow("infinite") << qInf() << QByteArray("null");
    }
    void numbers()
    {
        QFETCH(double, value);
        QFETCH(QByteArray, text);
        JsonWriter w;
        w.number(value);
        QCOMPARE(w.take(), text + '\n');
    }

    void rawValuesComeBackAsRead()
    {
        const QByteArray text
            = "{\n  \"b\": 1.50,\n  \"a\": [\n    -2e3,\n    \"x\"\n  ],\n  \"b\": {}\n}\n";
        JsonPullParser p(text);
        const JsonValue v = p.readValue();
        QVERIFY(p.finish());
        JsonWriter w;
        w.value(v);
        QCOMPARE(w.take(), text);
    }
};

QTEST_GUILESS_MAIN(TestJsonWriter)
#include "tst_jsonwriter.moc"

#include "json/jsonpullparser.h"

#include <QTest>

using namespace meetdesk;

// Written with plain escapes: moc does not read raw string literals with escapes inside.
static const char everyKind[]
    = "{\"s\": \"a\\\"b\\\\c\\/\\n\\u00e9\\ud83c\\udfc3\", \"n\": -1.50e+3, \"z\": 0,"
      " \"t\": true, \"f\": false, \"null\": null, \"list\": [1, [], {}], \"dup\": 1, \"dup\": 2}";

class TestJsonPullParser : public QObject
{
    Q_OBJECT

private:
    static JsonValue parse(const QByteArray &text, QString *error)
    {
        JsonPullParser p(text);
        JsonValue v = p.readValue();
        p.finish();
        *error = p.errorMessage();
        return v;
    }

private Q_SLOTS:
    void readsEveryKindOfValue()
    {
        QString error;
        const JsonValue v = parse(everyKind, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(v.isObject());
        QCOMPARE(v.members().size(), size_t(9));
        QCOMPARE(v.find(u"s")->text(), QStringLiteral("a\"b\\c/\né🏃"));
        QCOMPARE(v.find(u"n")->text(), QStringLiteral("-1.50e+3")); // as written
        QCOMPARE(v.find(u"z")->text(), QStringLiteral("0"));
        QVERIFY(v.find(u"t")->toBool());
        QVERIFY(!v.find(u"f")->toBool());
        QVERIFY(v.find(u"null")->isNull());
        QCOMPARE(v.find(u"list")->items().size(), size_t(3));
        QCOMPARE(v.members()[7].key, QStringLiteral("dup"));
        QCOMPARE(v.members()[8].value.text(), QStringLiteral("2")); // duplicates are kept
    }

    void numbersKeepTheirText_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("beyond 64 bits") << QByteArray("12345678901234567890");
        QTest::newRow("beyond a double") << QByteArray("123456789012345678901234567890.5");
        QTest::newRow("trailing zeros") << QByteArray("51.40850");
        QTest::newRow("negative zero") << QByteArray("-0");
        QTest::newRow("negative zero point zero") << QByteArray("-0.0");
        QTest::newRow("exponent") << QByteArray("1.0E+2");
    }
    void numbersKeepTheirText()
    {
        QFETCH(QByteArray, json);
        QString error;
        const JsonValue v = parse("[" + json + ", {\"n\": " + json + "}]", &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(v.items()[0].isNumber());
        QCOMPARE(v.items()[0].text(), QString::fromLatin1(json));
        QCOMPARE(v.items()[1].find(u"n")->text(), QString::fromLatin1(json));
        JsonPullParser p(json);
        QCOMPARE(p.readNumber(), QByteArrayView(json));
        QVERIFY(p.finish());
    }

    void emptyStringIsNotNull()
    {
        QString error;
        const JsonValue v = parse(R"("")", &error);
        QVERIFY(v.isString());
        QVERIFY(!v.text().isNull());
        QVERIFY(v.text().isEmpty());
    }

    void byteOrderMarkIsSkipped()
    {
        QString error;
        const JsonValue v = parse("\xEF\xBB\xBF{\"a\": 1}", &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(v.find(u"a")->text(), QStringLiteral("1"));
    }

    void pullsMembersAndItems()
    {
        JsonPullParser p(R"({"a": [1, 2, 3], "b": "x"})");
        QVERIFY(p.enterObject());
        QByteArrayView name;
        QVERIFY(p.nextMember(name));
        QCOMPARE(name, QByteArrayView("a"));
        QVERIFY(p.enterArray());
        QStringList numbers;
        while (p.nextItem())
            numbers.append(QString::fromLatin1(p.readNumber()));
        QCOMPARE(numbers,
                 QStringList({QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}));
        QVERIFY(p.nextMember(name));
        QCOMPARE(p.readString(), QStringLiteral("x"));
        QVERIFY(!p.nextMember(name));
        QVERIFY(p.finish());
    }

    void markAndResetReadTheSameTextAgain()
    {
        JsonPullParser p(R"([{"a": 1}, 2])");
        QVERIFY(p.enterArray());
        const JsonPullParser::Mark mark = p.mark();
        QVERIFY(p.nextItem());
        p.skipValue();
        p.reset(mark);
        QVERIFY(p.nextItem());
        QVERIFY(p.readValue().isObject());
        QVERIFY(p.nextItem());
        QCOMPARE(p.readValue().text(), QStringLiteral("2"));
        QVERIFY(!p.nextItem());
        QVERIFY(p.finish());
    }

    // The broken inputs a user can hand us, and the exact message each one gets.
    void brokenInput_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("message");
        auto row = [](const char *name, const QByteArray &text, const char *message) {
            QTest::newRow(name) << text << QString::fromUtf8(message);
        };
        row("empty", "", "line 1, column 1: the file is empty");
        row("only white space", " \n\t ", "line 2, column 3: the file is empty");
        row("truncated object", "{\"full_name\": \"x\",\n \"events\": [1, 2",
            "line 2, column 17: unexpected end of file");
        row("truncated string", "{\"a\": \"abc",
            "line 1, column 11: unexpected end of file inside a string");
        row("missing comma", "{\"a\": 1\n \"b\": 2}",
            "line 2, column 2: expected ',' or '}' after an object member, got '\"'");
        row("missing colon", "{\"a\" 1}",
            "line 1, column 6: expected ':' after a member name, got '1'");
        row("single quotes", "{'a': 1}",
            "line 1, column 2: expected a member name in double quotes, got '''");
        row("comment", "{\n  // note\n}",
            "line 2, column 3: expected a member name in double quotes, got '/'");
        row("trailing comma in object", "{\"a\": 1,}",
            "line 1, column 9: a comma before '}' has nothing after it");
        row("trailing comma in list", "[1, 2,\n]",
            "line 2, column 1: a comma before ']' has nothing after it");
        row("missing comma in list", "[1 2]",
            "line 1, column 4: expected ',' or ']' after a list item, got '2'");
        row("bad literal", "[tru]", "line 1, column 2: expected a value, got 't'");
        row("NaN", "{\"a\": NaN}", "line 1, column 7: expected a value, got 'N'");
        row("leading zero", "[012]", "line 1, column 2: '012' is not a valid number");
        row("lone minus", "[-]", "line 1, column 2: '-' is not a valid number");
        row("dot without digits", "[1.]", "line 1, column 2: '1.' is not a valid number");
        row("exponent without digits", "[1e+]", "line 1, column 2: '1e+' is not a valid number");
        row("unknown escape", "[\"a\\qb\"]", "line 1, column 4: unknown escape '\\q' in a string");
        row("short unicode escape", "[\"\\u12\"]",
            "line 1, column 3: \\u must be followed by four hexadecimal digits");
        row("lone surrogate", "[\"\\ud800x\"]",
            "line 1, column 3: \\u escape of half a character (an unpaired surrogate)");
        row("raw newline in string", "[\"a\nb\"]",
            "line 1, column 4: a control character (byte 0x0A) inside a string must be escaped");
        row("invalid UTF-8", "[\"caf\xE9\"]", "line 1, column 3: text that is not valid UTF-8");
        row("overlong UTF-8", "[\"\xC0\xAF\"]", "line 1, column 3: text that is not valid UTF-8");
        row("text after the end", "{}\n}",
            "line 2, column 1: unexpected '}' after the end of the document");
        row("two documents", "{} {}",
            "line 1, column 4: unexpected '{' after the end of the document");
        row("NUL byte", QByteArray("[\0]", 3), "line 1, column 2: expected a value, got byte 0x00");
        row("deep nesting", QByteArray(300, '['),
            "line 1, column 257: nesting deeper than 256 levels");
        row("column counts characters", "{\"é\": \"ü\" x}",
            "line 1, column 11: expected ',' or '}' after an object member, got 'x'");
    }
    void brokenInput()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, message);
        QString error;
        parse(text, &error);
        QCOMPARE(error, message);
    }

    void errorsStick()
    {
        JsonPullParser p("[1, }");
        QVERIFY(p.enterArray());
        QVERIFY(p.nextItem());
        p.readNumber();
        QVERIFY(p.nextItem()); // a comma promises another item...
        QCOMPARE(p.peek(), JsonPullParser::Kind::Invalid); // ...and there is none
        QVERIFY(p.hasError());
        const QString first = p.errorMessage();
        QVERIFY(!p.nextItem());
        QCOMPARE(p.peek(), JsonPullParser::Kind::Invalid);
        QCOMPARE(p.errorMessage(), first);
        QCOMPARE(p.errorLine(), 1);
        QCOMPARE(p.errorColumn(), 5);
    }

    void deepButAllowedNesting()
    {
        const QByteArray text = QByteArray(200, '[') + QByteArray(200, ']');
        QString error;
        parse(text, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void utf8Validation_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("valid");
        QTest::newRow("ascii") << QByteArray("abc") << true;
        QTest::newRow("two bytes") << QByteArray("\xC3\xA9") << true;
        QTest::newRow("four bytes") << QByteArray("\xF0\x9F\x8F\x83") << true;
        QTest::newRow("truncated") << QByteArray("\xE2\x82") << false;
        QTest::newRow("surrogate") << QByteArray("\xED\xA0\x80") << false;
        QTest::newRow("beyond U+10FFFF") << QByteArray("\xF4\x90\x80\x80") << false;
        QTest::newRow("lone continuation") << QByteArray("\x80") << false;
    }
    void utf8Validation()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, valid);
        QCOMPARE(JsonPullParser::isValidUtf8(bytes.constData(), bytes.constData() + bytes.size()),
                 valid);
    }
};

QTEST_GUILESS_MAIN(TestJsonPullParser)
#include "tst_jsonpullparser.moc"

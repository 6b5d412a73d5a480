#include "model/children.h"
#include "model/schema.h"

#include <QSet>
#include <QTest>

using namespace meetdesk;

Q_DECLARE_METATYPE(meetdesk::JsonValue)

namespace {

template<class N> void checkNames()
{
    QSet<QString> names;
    for (const FieldSpec<N> &f : fieldsOf<N>()) {
        for (const QString &name :
             {QString(f.name), QString(f.v1Name), QString::fromLatin1(f.camelName)}) {
            // A name may only be shared by the aliases of one field.
            QVERIFY2(!names.contains(name) || name == f.name || name == f.v1Name
                         || name == QLatin1StringView(f.camelName),
                     qPrintable(name));
        }
        QVERIFY2(!names.contains(QString(f.name)), qPrintable(QString(f.name)));
        names.insert(QString(f.name));
        names.insert(QString(f.v1Name));
        names.insert(QString::fromLatin1(f.camelName));
    }
    QVERIFY(fieldsOf<N>().size() < 64); // the reader tracks seen fields in a 64-bit mask
}

} // namespace

class TestSchema : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void camelCase_data()
    {
        QTest::addColumn<QString>("snake");
        QTest::addColumn<QString>("camel");
        QTest::newRow("two words") << "full_name"
                                   << "fullName";
        QTest::newRow("three words") << "relay_team_id"
                                     << "relayTeamId";
        QTest::newRow("digit") << "r1_time"
                               << "r1Time";
        QTest::newRow("one word") << "slug"
                                  << "slug";
    }
    void camelCase()
    {
        QFETCH(QString, snake);
        QFETCH(QString, camel);
        QCOMPARE(QString::fromLatin1(camelCaseOf(QLatin1StringView(snake.toLatin1()))), camel);
    }

    void namesAreUnambiguous()
    {
        checkNames<Competition>();
        checkNames<Competitor>();
        checkNames<EventEntry>();
        checkNames<Team>();
        checkNames<RelayTeam>();
        checkNames<Event>();
        checkNames<Unit>();
        checkNames<Result>();
        checkNames<Trial>();
    }

    void v1NamesDifferWhereTheApiDoes()
    {
        QStringList renamed;
        for (const auto &f : fieldsOf<Competition>()) {
            if (f.name != f.v1Name)
                renamed.append(QString(f.v1Name));
        }
        QCOMPARE(
            renamed,
            QStringList({QStringLiteral("country_id"), QStringLiteral("wa_rankings_category_id"),
                         QStringLiteral("organiser_id")}));
    }

    void matchesEveryGeneration()
    {
        const auto &fields = fieldsOf<Competition>();
        const auto it = std::find_if(fields.begin(), fields.end(), [](const auto &f) {
            return f.name == QLatin1StringView("finish_date");
        });
        QVERIFY(it != fields.end());
        QVERIFY(it->matches(QByteArrayView("finish_date")));
        QVERIFY(it->matches(QByteArrayView("finishDate")));
        QVERIFY(!it->matches(QByteArrayView("finishdate")));
        QVERIFY(lists::relayTeams.matches(QByteArrayView("relayTeams")));
        QVERIFY(lists::relayTeams.matches(QStringView(u"relay_teams")));
    }

    void isSetAndClear()
    {
        Result r;
        const auto &fields = fieldsOf<Result>();
        const auto &place = *std::find_if(fields.begin(), fields.end(), [](const auto &f) {
            return f.name == QLatin1StringView("place");
        });
        QVERIFY(!isSet(r, place));
        r.place = 0;
        QVERIFY(isSet(r, place));
        clearField(r, place);
        QVERIFY(!isSet(r, place));
    }

    // What a field is written as after it was read with a spelling its type does not keep,
    // as the value stays or is edited. An empty expected type means "written as usual".
    void spelledValues_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<JsonValue>("spelled");
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<JsonValue>("written");
        const auto number = [](const char *t) {
            return JsonValue::number(QString::fromLatin1(t));
        };
        const auto text = [](const char *t) {
            return JsonValue::string(QString::fromLatin1(t));
        };
        const JsonValue asUsual;
        QTest::newRow("text read from a number")
            << "distance" << number("800") << QVariant(QStringLiteral("800")) << number("800");
        QTest::newRow("text edited, still a number")
            << "distance" << number("800") << QVariant(QStringLiteral("1500")) << number("1500");
        QTest::newRow("text edited, no longer a number")
            << "distance" << number("800") << QVariant(QStringLiteral("800m")) << asUsual;
        QTest::newRow("whole number written as text")
            << "precision" << text("2") << QVariant(2) << text("2");
        QTest::newRow("whole number edited, still text")
            << "precision" << text("2") << QVariant(3) << text("3");
        QTest::newRow("negative zero") << "heat" << number("-0") << QVariant(0) << number("-0");
        QTest::newRow("negative zero edited") << "heat" << number("-0") << QVariant(4) << asUsual;
        QTest::newRow("number beyond a double")
            << "points" << number("12345678901234567890") << QVariant(12345678901234567890.0)
            << number("12345678901234567890");
        QTest::newRow("trailing zero")
            << "points" << number("1000.0") << QVariant(1000.0) << number("1000.0");
        QTest::newRow("number edited")
            << "points" << number("1000.0") << QVariant(998.0) << asUsual;
        QTest::newRow("number written as text")
            << "points" << text("1000.50") << QVariant(1000.5) << text("1000.50");
        QTest::newRow("number written as text, edited")
            << "points" << text("1000.50") << QVariant(7.25) << text("7.25");
        QTest::newRow("list with numbers")
            << "heights" << JsonValue::array({number("2.10"), text("2.15")})
            << QVariant(QStringList {QStringLiteral("2.10"), QStringLiteral("2.15")})
            << JsonValue::array({number("2.10"), text("2.15")});
        QTest::newRow("list with numbers, a height added")
            << "heights" << JsonValue::array({number("2.10"), number("2.15")})
            << QVariant(QStringList {QStringLiteral("2.10"), QStringLiteral("2.15"),
                                     QStringLiteral("2.20"), QStringLiteral("x")})
            << JsonValue::array({number("2.10"), number("2.15"), number("2.20"), text("x")});
        QTest::newRow("list written as one text")
            << "heights" << text("2.10") << QVariant(QStringList {QStringLiteral("2.10")})
            << text("2.10");
        QTest::newRow("list written as one text, edited")
            << "heights" << text("2.10")
            << QVariant(QStringList {QStringLiteral("2.10"), QStringLiteral("2.15")}) << asUsual;
    }
    void spelledValues()
    {
        QFETCH(QString, field);
        QFETCH(JsonValue, spelled);
        QFETCH(QVariant, value);
        QFETCH(JsonValue, written);
        const int index = fields::indexOf(NodeKind::Unit, QLatin1StringView(field.toLatin1()));
        const int resultIndex
            = fields::indexOf(NodeKind::Result, QLatin1StringView(field.toLatin1()));
        Unit unit;
        Result result;
        Node &node = index >= 0 ? static_cast<Node &>(unit) : static_cast<Node &>(result);
        const int f = index >= 0 ? index : resultIndex;
        QVERIFY(f >= 0);
        node.spellings.push_back({f, spelled});
        fields::setValue(node, f, value);
        const std::optional<JsonValue> out
            = index >= 0 ? spelledValue(unit, f, true) : spelledValue(result, f, true);
        QCOMPARE(out.has_value(), !written.isNull());
        if (out)
            QVERIFY2(*out == written, qPrintable(out->describe()));
    }

    void commaListKeepsItsText()
    {
        Event e;
        const int f = fields::indexOf(NodeKind::Event, QLatin1StringView("age_groups"));
        e.spellings.push_back({f, JsonValue::string(QStringLiteral("SEN, U20"))});
        e.ageGroups = QStringList {QStringLiteral("SEN"), QStringLiteral("U20")};
        QVERIFY(*spelledValue(e, f, true) == JsonValue::string(QStringLiteral("SEN, U20")));
        QVERIFY(!spelledValue(e, f, false)); // v1 writes a list
        e.ageGroups->append(QStringLiteral("U18"));
        QVERIFY(!spelledValue(e, f, true)); // "SEN,U20,U18" as usual
        QCOMPARE(splitCommaList(QStringLiteral(" SEN, ,U20 ")),
                 (QStringList {QStringLiteral("SEN"), QStringLiteral("U20")}));
    }

    void absentFieldHasNoSpelling()
    {
        Unit u;
        const int f = fields::indexOf(NodeKind::Unit, QLatin1StringView("distance"));
        u.spellings.push_back({f, JsonValue::number(QStringLiteral("800"))});
        QVERIFY(!spelledValue(u, f, true));
    }
};

QTEST_GUILESS_MAIN(TestSchema)
#include "tst_schema.moc"

#include "model/schema.h"

#include <QSet>
#include <QTest>

using namespace meetdesk;

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
};

QTEST_GUILESS_MAIN(TestSchema)
#include "tst_schema.moc"

#include "competitiongenerator.h"
#include "format/opentrackwriter.h"
#include "rules/validator.h"

#include <QTest>

using namespace meetdesk;

class TestCompetitionGenerator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameSeedSameCompetition()
    {
        const auto a = CompetitionGenerator(3).generate({100, 10, 300, 400});
        const auto b = CompetitionGenerator(3).generate({100, 10, 300, 400});
        const auto c = CompetitionGenerator(4).generate({100, 10, 300, 400});
        QVERIFY(sameContent(*a, *b));
        QVERIFY(!sameContent(*a, *c));
    }

    void sizesAreMet()
    {
        const auto c = CompetitionGenerator(1).generate({3000, 150, 20000, 40000});
        QCOMPARE(c->competitors.size(), size_t(3000));
        QCOMPARE(c->events.size(), size_t(150));
        size_t results = 0, trials = 0;
        for (const auto &e : c->events) {
            for (const auto &u : e->units) {
                results += u->results.size();
                trials += u->trials.size();
            }
        }
        QVERIFY2(results >= 19500 && results <= 20000, qPrintable(QString::number(results)));
        QVERIFY2(trials >= 39000 && trials <= 40000, qPrintable(QString::number(trials)));
        const qsizetype bytes = OpenTrackWriter::write(*c).size();
        QVERIFY2(bytes > 8'000'000 && bytes < 14'000'000, qPrintable(QString::number(bytes)));
    }

    void generatedCompetitionsHaveNoErrors()
    {
        const auto c = CompetitionGenerator(2).generate({300, 30, 2000, 4000});
        for (const Finding &f : Validator::validate(*c))
            QVERIFY2(f.severity != Finding::Severity::Error, qPrintable(f.toString()));
    }
};

QTEST_GUILESS_MAIN(TestCompetitionGenerator)
#include "tst_competitiongenerator.moc"

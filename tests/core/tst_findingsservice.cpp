#include "rules/findingsservice.h"
#include "rules/validator.h"
#include "support/randomedits.h"
#include "testdata.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace meetdesk;
using meetdesk::randomedits::RandomEdits;

namespace {

QStringList lines(const QList<Finding> &findings)
{
    QStringList out;
    for (const Finding &f : findings)
        out.append(
            (f.severity == Finding::Severity::Warning ? QStringLiteral("W ") : QStringLiteral("E "))
            + f.rule + u' ' + f.toString());
    return out;
}

QStringList fullCheck(const Document &doc)
{
    return lines(Validator::validate(doc.competition()));
}

template<class F> void forEachNode(const Node &node, F &&f)
{
    f(node);
    for (const ListId list : children::listsOf(node.kind())) {
        for (int i = 0; i < children::count(node, list); ++i)
            forEachNode(*children::at(node, list, i), f);
    }
}

} // namespace

class TestFindingsService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameAsTheFullCheckWhenOpened_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("sample") << testdata::samplePath();
        QTest::newRow("every rule") << testdata::fixturePath(QStringLiteral("every-rule.json"));
        QTest::newRow("print cases") << testdata::fixturePath(QStringLiteral("print-cases.json"));
    }
    void sameAsTheFullCheckWhenOpened()
    {
        QFETCH(QString, path);
        const auto doc = testdata::loadDocument(path);
        const FindingsService service(*doc);
        QCOMPARE(lines(service.findings()), fullCheck(*doc));
    }

    // The fixture holds one error (or warning) of each rule; the service finds every one.
    void everyRuleFound()
    {
        const auto doc
            = testdata::loadDocument(testdata::fixturePath(QStringLiteral("every-rule.json")));
        FindingsService &service = FindingsService::of(*doc);
        QSet<QString> rules;
        for (const Finding &f : service.findings())
            rules.insert(f.rule);
        const QStringList ids = Validator::ruleIds();
        QCOMPARE(rules, QSet<QString>(ids.begin(), ids.end()));
        QCOMPARE(&FindingsService::of(*doc), &service); // one for the document
        QVERIFY(service.errorCount() > 30);
        QCOMPARE(service.warningCount(), 3);
    }

    void followsATypedBib()
    {
        auto doc = testdata::loadDocument();
        DocumentEditor edit(*doc);
        FindingsService &service = FindingsService::of(*doc);
        QCOMPARE(service.errorCount(), 0);
        QSignalSpy owners(&service, &FindingsService::ownerChanged);
        QSignalSpy nodes(&service, &FindingsService::findingsChanged);
        QSignalSpy counts(&service, &FindingsService::countsChanged);
        const Competition &c = doc->competition();

        // A name is not a key: nothing found, nothing announced.
        edit.setValue(*c.competitors[1], QLatin1StringView("last_name"),
                      QStringLiteral("Barnes-Ng"));
        QCOMPARE(owners.count(), 0);
        QCOMPARE(nodes.count(), 0);

        // 102 takes 101's bib: both competitors, and the results and relay runners that named
        // 102 (a bib no one wears now).
        edit.setValue(*c.competitors[1], QLatin1StringView("competitor_id"), QStringLiteral("101"));
        QCOMPARE(lines(service.findings()), fullCheck(*doc));
        QCOMPARE(lines(service.findingsAbout(*c.competitors[0])),
                 QStringList {"E duplicate-bib competitors[0].competitor_id: \"101\" is also the "
                              "bib of competitor 101 Oliver Barnes-Ng"});
        QVERIFY(service.errorCount() > 2);
        QCOMPARE(counts.count(), 1);
        QCOMPARE(service.worstAbout(*c.competitors[0]), Finding::Severity::Error);
        QCOMPARE(service.worstWithin(c), Finding::Severity::Error);
        QCOMPARE(service.worstAbout(c), std::nullopt);
        QVERIFY(std::any_of(nodes.begin(), nodes.end(), [&](const QVariantList &args) {
            return args.first().value<const Node *>() == c.competitors[0].get();
        }));

        doc->undoStack()->undo();
        QCOMPARE(service.errorCount(), 0);
        QCOMPARE(service.findings().size(), 0);
        QCOMPARE(service.worstWithin(c), std::nullopt);
    }

    // A heat's findings about its results go with them when the heat is deleted, and come
    // back with undo.
    void removingAHeat()
    {
        auto doc = testdata::loadDocument();
        DocumentEditor edit(*doc);
        FindingsService &service = FindingsService::of(*doc);
        const Unit &heat = *doc->competition().events[0]->units[1];
        edit.setValue(*heat.results[0], QLatin1StringView("place"), 3);
        // 102 (10.78) third: 104 (10.95) is placed ahead of him, 106 (11.15) shares his place.
        QCOMPARE(lines(service.findings()),
                 (QStringList {"E place-order events[0].units[1].results[1].place: placed 2, ahead "
                               "of 102 (placed 3), whose result is better",
                               "E place-duplicate events[0].units[1].results[2].place: place 3 is "
                               "also given to 102, whose result is better: only a tie shares a "
                               "place"}));
        edit.remove({&heat});
        QCOMPARE(service.findings().size(), 0);
        doc->undoStack()->undo();
        QCOMPARE(lines(service.findings()), fullCheck(*doc));
        QCOMPARE(service.findings().size(), 2);
    }

    // Property: after any sequence of edits, undos and redos, the service holds exactly what
    // a full check of the competition gives, and checking everything again changes nothing.
    void randomEditsMatchTheFullCheck_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<quint32>("seed");
        for (quint32 seed : {1u, 2u, 3u}) {
            QTest::addRow("sample %u", seed) << testdata::samplePath() << seed;
            QTest::addRow("every rule %u", seed)
                << testdata::fixturePath(QStringLiteral("every-rule.json")) << seed;
        }
    }
    void randomEditsMatchTheFullCheck()
    {
        QFETCH(QString, path);
        QFETCH(quint32, seed);
        auto doc = testdata::loadDocument(path);
        FindingsService &service = FindingsService::of(*doc);
        RandomEdits edits(*doc, seed);
        QStringList done;
        for (int i = 0; i < 400; ++i) {
            done.append(edits.step());
            const QStringList expected = fullCheck(*doc);
            const QStringList found = lines(service.findings());
            if (found != expected) {
                qWarning().noquote()
                    << "after:" << done.mid(done.size() - 5).join(QStringLiteral("; "));
                QCOMPARE(found, expected);
            }
            int errors = 0;
            for (const QString &line : expected)
                errors += line.startsWith(u'E');
            QCOMPARE(service.errorCount(), errors);
            QCOMPARE(service.warningCount(), int(expected.size()) - errors);
        }
        QSignalSpy owners(&service, &FindingsService::ownerChanged);
        service.revalidate();
        QCOMPARE(owners.count(), 0);
    }

    // Team ids are the clubs' own codes until the competition lists teams; from the first
    // team on, a competitor's team id must be one of them.
    void teamIdsCheckedOnceThereAreTeams()
    {
        auto doc = std::make_unique<Document>();
        DocumentEditor edit(*doc);
        FindingsService &service = FindingsService::of(*doc);
        const Competition &c = doc->competition();
        const Node *x = edit.append(c, ListId::Competitors);
        edit.setValue(*x, QLatin1StringView("competitor_id"), QStringLiteral("1"));
        edit.setValue(*x, QLatin1StringView("team_id"), QStringLiteral("RSH"));
        QCOMPARE(service.warningCount(), 0);
        const Node *team = edit.append(c, ListId::Teams);
        edit.setValue(*team, QLatin1StringView("team_id"), QStringLiteral("BEL"));
        QCOMPARE(lines(service.findingsAbout(*x)),
                 QStringList {"W unknown-team competitors[0].team_id: no team has the id \"RSH\""});
        edit.setValue(*team, QLatin1StringView("team_id"), QStringLiteral("RSH"));
        QCOMPARE(service.warningCount(), 0);
        doc->undoStack()->undo();
        QCOMPARE(service.warningCount(), 1);
        edit.remove({team});
        QCOMPARE(service.warningCount(), 0);
        QCOMPARE(lines(service.findings()), fullCheck(*doc));
    }

    void ageGroupRulesApply()
    {
        auto doc = testdata::loadDocument();
        FindingsService &service = FindingsService::of(*doc);
        DocumentEditor edit(*doc);
        const Competitor &sophie = *doc->competition().competitors[36]; // 137, U15 girls
        edit.setValue(sophie, QLatin1StringView("date_of_birth"), QDate(2011, 10, 1));
        // 15 on 31 December 2026 (World Athletics' day for youth groups), 14 on 31 August.
        QCOMPARE(service.errorCount(), 4 + 1); // the triathlon's four results and the entry
        service.setAgeGroupRules(AgeGroupRules::ukTrackAndField());
        QCOMPARE(service.errorCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestFindingsService)
#include "tst_findingsservice.moc"

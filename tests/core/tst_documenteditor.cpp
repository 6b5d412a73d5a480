#include "compute/compute.h"
#include "edit/documenteditor.h"
#include "format/opentrackreader.h"
#include "models/competitiontreemodel.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include "support/undotesting.h"
#include "testdata.h"

using namespace meetdesk;
using undotesting::checkUndoRedo;
using undotesting::snapshot;

namespace {

// Every bib named anywhere in results, trials and relay runners, with how often.
QMap<QString, int> bibsNamed(const Competition &c)
{
    QMap<QString, int> named;
    for (const auto &e : c.events) {
        for (const auto &r : e->results)
            ++named[r->bib];
        for (const auto &u : e->units) {
            for (const auto &r : u->results)
                ++named[r->bib];
            for (const auto &t : u->trials)
                ++named[t->bib];
        }
    }
    for (const auto &r : c.relayTeams) {
        for (const QString &bib : r->runners.value_or(QStringList()))
            ++named[bib];
    }
    return named;
}

const Competitor &withBib(const Competition &c, const QString &bib)
{
    return **std::find_if(c.competitors.begin(), c.competitors.end(),
                          [&bib](const auto &x) { return x->competitorId == bib; });
}

} // namespace

class TestDocumentEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void setValueByName()
    {
        auto doc = testdata::loadDocument();
        DocumentEditor edit(*doc);
        edit.setValue(doc->competition(), QLatin1StringView("short_name"), QStringLiteral("RHO"));
        QCOMPARE(doc->competition().shortName, QStringLiteral("RHO"));
        edit.setValue(doc->competition(), QLatin1StringView("short_name"), QStringLiteral("RHO"));
        QCOMPARE(doc->undoStack()->count(), 1); // no command for no change
    }

    void appendEmptyNode()
    {
        auto doc = testdata::loadDocument();
        DocumentEditor edit(*doc);
        Node *node = edit.append(doc->competition(), ListId::Competitors);
        QCOMPARE(node->kind(), NodeKind::Competitor);
        QCOMPARE(doc->competition().competitors.back().get(), node);
    }

    void multiSelectDeleteIsOneStep()
    {
        auto doc = testdata::loadDocument();
        const auto before = children::clone(doc->competition());
        DocumentEditor edit(*doc);
        const Competition &c = doc->competition();
        const Event &event = *c.events[0];
        // A heat inside the chosen event goes with the event, not twice.
        edit.remove({c.competitors[3].get(), &event, event.units[1].get(), c.teams[0].get()});
        QCOMPARE(doc->undoStack()->count(), 1);
        QCOMPARE(doc->undoStack()->undoText(), QStringLiteral("Delete 3 item(s)"));
        QCOMPARE(c.competitors.size(), size_t(39));
        QCOMPARE(c.events.size(), size_t(8));
        QCOMPARE(c.teams.size(), size_t(5));
        doc->undoStack()->undo();
        QVERIFY(children::sameContent(c, *before));
    }

    void duplicateCopiesChildren()
    {
        auto doc = testdata::loadDocument();
        DocumentEditor edit(*doc);
        const Event &event = *doc->competition().events[2]; // long jump with trials
        Node *copy = edit.duplicate(event);
        QCOMPARE(doc->competition().events[3].get(), copy);
        QVERIFY(children::sameContent(*copy, event));
        QVERIFY(copy != &event);
        const auto &copied = static_cast<const Event &>(*copy);
        QCOMPARE(copied.units[0]->parent(), copy);
        QCOMPARE(copied.units[0]->trials[0]->parent(), copied.units[0].get());
    }

    void moveClampsToTheList()
    {
        auto doc = testdata::loadDocument();
        DocumentEditor edit(*doc);
        const Team *first = doc->competition().teams[0].get();
        edit.move(*first, 99);
        QCOMPARE(doc->competition().teams.back().get(), first);
        edit.move(*first, 5);
        QCOMPARE(doc->undoStack()->count(), 1);
    }

    void createUnitsFromRounds()
    {
        Document doc;
        DocumentEditor edit(doc);
        Node *node = edit.append(doc.competition(), ListId::Events);
        const auto &event = static_cast<const Event &>(*node);
        edit.setValue(event, QLatin1StringView("rounds"), QStringLiteral("3,1"));
        QCOMPARE(edit.createUnits(event), 4);
        QCOMPARE(event.units.size(), size_t(4));
        QCOMPARE(event.units[2]->heatName, QStringLiteral("Round 1 heat 3"));
        QCOMPARE(event.units[3]->round.value(), 2);
        QCOMPARE(event.units[3]->heatName, QStringLiteral("Final"));
        QCOMPARE(edit.createUnits(event), 0); // nothing missing
        doc.undoStack()->undo();
        QVERIFY(event.units.empty());
    }

    void renameBibFollowsResultsTrialsAndRunners()
    {
        auto doc = testdata::loadDocument();
        DocumentEditor edit(*doc);
        const Competition &c = doc->competition();
        const Competitor &x = withBib(c, "104");
        const QMap<QString, int> named = bibsNamed(c);
        QCOMPARE(named.value("104"), 2 + 1 + 8 + 1); // 100 m, high jump result and trials, relay
        const size_t entries = x.eventsEntered.size();
        const auto before = snapshot(*doc);

        QVERIFY(!edit.renameBib(x, " 204 "));
        QCOMPARE(doc->undoStack()->count(), 1);
        QCOMPARE(doc->undoStack()->undoText(), QStringLiteral("Change bib 104 to 204"));
        checkUndoRedo(*doc, *before, [&] {
            QCOMPARE(x.competitorId, QStringLiteral("204"));
            const QMap<QString, int> now = bibsNamed(c);
            QCOMPARE(now.value("104"), 0);
            QCOMPARE(now.value("204"), named.value("104"));
            QCOMPARE(x.eventsEntered.size(), entries); // they live under the competitor
            QCOMPARE(c.relayTeams[3]->runners->at(0), QStringLiteral("204"));
        });
    }

    void renameBibFollowsCombinedEventStandings()
    {
        auto doc = testdata::loadDocument();
        DocumentEditor edit(*doc);
        const Competition &c = doc->competition();
        const Competitor &x = withBib(c, "137");
        QVERIFY(!edit.renameBib(x, "237"));
        QCOMPARE(bibsNamed(c).value("237"), 4); // the triathlon's standings and its three events
        QCOMPARE(bibsNamed(c).value("137"), 0);
    }

    void renameBibRefusesWhatWouldMixAthletesUp_data()
    {
        QTest::addColumn<QString>("bib");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << "  "
                               << "A competitor needs a bib: 101 kept";
        QTest::newRow("another competitor's")
            << "102"
            << "102 is already the bib of Oliver Barnes: 101 kept";
        QTest::newRow("a relay team's")
            << "R2"
            << "R2 is already the id of the relay team Belgrave Harriers A: "
               "101 kept";
    }
    void renameBibRefusesWhatWouldMixAthletesUp()
    {
        QFETCH(QString, bib);
        QFETCH(QString, message);
        auto doc = testdata::loadDocument();
        DocumentEditor edit(*doc);
        const Competitor &x = *doc->competition().competitors[0];
        const auto before = snapshot(*doc);
        const auto refused = edit.renameBib(x, bib);
        QVERIFY(refused);
        QCOMPARE(refused->field, QLatin1StringView("competitor_id"));
        QCOMPARE(refused->message, message);
        QCOMPARE(doc->undoStack()->count(), 0);
        QVERIFY(children::sameContent(doc->competition(), *before));
    }

    void firstBibTakesNoResults()
    {
        auto doc = testdata::loadDocument();
        DocumentEditor edit(*doc);
        const auto &fresh = static_cast<const Competitor &>(
            *edit.append(doc->competition(), ListId::Competitors));
        const QMap<QString, int> named = bibsNamed(doc->competition());
        QVERIFY(!edit.renameBib(fresh, "300"));
        QCOMPARE(fresh.competitorId, QStringLiteral("300"));
        QCOMPARE(bibsNamed(doc->competition()), named); // results with no bib stay as they were
        QCOMPARE(doc->undoStack()->undoText(), QStringLiteral("Set bib to 300"));
    }

    void renameRelayTeamFollowsRelayResults()
    {
        auto doc = testdata::loadDocument();
        DocumentEditor edit(*doc);
        const Competition &c = doc->competition();
        const RelayTeam &team = *c.relayTeams[1];
        QCOMPARE(bibsNamed(c).value("R2"), 1);
        const auto before = snapshot(*doc);
        QVERIFY(!edit.renameRelayTeam(team, "BEL-A"));
        QCOMPARE(doc->undoStack()->count(), 1);
        checkUndoRedo(*doc, *before, [&] {
            QCOMPARE(team.relayTeamId, QStringLiteral("BEL-A"));
            QCOMPARE(bibsNamed(c).value("R2"), 0);
            QCOMPARE(c.events[1]->units[0]->results.size(), size_t(4));
            QCOMPARE(bibsNamed(c).value("BEL-A"), 1);
        });
        QCOMPARE(edit.renameRelayTeam(team, "R1").value().message,
                 QStringLiteral("R1 is already the id of the relay team Riverside Harriers A: "
                                "BEL-A kept"));
        QCOMPARE(edit.renameRelayTeam(team, "101").value().message,
                 QStringLiteral("101 is already the bib of Tom Adeyemi: BEL-A kept"));
        QCOMPARE(edit.renameRelayTeam(team, "").value().message,
                 QStringLiteral("A relay team needs an id: BEL-A kept"));
        QCOMPARE(doc->undoStack()->count(), 1);
    }

    void enterInEventAddsOneEntry()
    {
        auto doc = testdata::loadDocument();
        DocumentEditor edit(*doc);
        const Competition &c = doc->competition();
        const Competitor &x = *c.competitors[0]; // in the 100 m and the relay
        const Event &javelin = *c.events[4];
        const size_t entries = x.eventsEntered.size();
        const auto before = snapshot(*doc);
        const EventEntry *entry = edit.enterInEvent(x, javelin);
        QVERIFY(entry);
        QCOMPARE(doc->undoStack()->count(), 1);
        QCOMPARE(doc->undoStack()->undoText(),
                 QStringLiteral("Enter 101 Tom Adeyemi in F03 Javelin Women"));
        checkUndoRedo(*doc, *before, [&] {
            QCOMPARE(x.eventsEntered.size(), entries + 1);
            QCOMPARE(x.eventsEntered.back()->eventId, QStringLiteral("F03"));
            QCOMPARE(x.eventsEntered.back()->eventCode, QStringLiteral("JT"));
        });
        // Again: the same row, no duplicate, no undo step.
        QCOMPARE(edit.enterInEvent(x, javelin), x.eventsEntered.back().get());
        QCOMPARE(edit.enterInEvent(x, *c.events[0]), x.eventsEntered[0].get());
        QCOMPARE(x.eventsEntered.size(), entries + 1);
        QCOMPARE(doc->undoStack()->count(), 1);
    }

    void bulkInsertIsOneStepOfRowInserts()
    {
        auto doc = testdata::loadDocument();
        DocumentEditor edit(*doc);
        const Competition &c = doc->competition();
        CompetitionTreeModel model(doc.get());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        DocumentEditor::Bulk bulk;
        auto team = std::make_unique<Team>();
        team->teamId = "NEW";
        bulk.teams.push_back(std::move(team));
        for (int i = 0; i < 3; ++i) {
            auto x = std::make_unique<Competitor>();
            x->competitorId = QString::number(500 + i);
            x->teamId = "NEW";
            auto entry = std::make_unique<EventEntry>();
            entry->eventId = "T01";
            children::insert(*x, ListId::EventsEntered, 0, std::move(entry));
            bulk.competitors.push_back(std::move(x));
        }
        auto event = std::make_unique<Event>();
        event->eventId = "T09";
        event->eventCode = "200";
        bulk.events.push_back(std::move(event));
        auto relay = std::make_unique<RelayTeam>();
        relay->relayTeamId = "R9";
        bulk.relayTeams.push_back(std::move(relay));
        const auto entryFor = [](const char *id) {
            auto e = std::make_unique<EventEntry>();
            e->eventId = QString::fromLatin1(id);
            return e;
        };
        const Competitor *tom = c.competitors[0].get();
        bulk.entries.emplace_back(tom, entryFor("T09"));
        bulk.entries.emplace_back(tom, entryFor("T01")); // already entered: left out
        bulk.entries.emplace_back(tom, entryFor("T09")); // twice in the batch: left out
        bulk.entries.emplace_back(c.competitors[1].get(), entryFor("F03"));

        const auto before = snapshot(*doc);
        QCOMPARE(edit.insertBulk(std::move(bulk), "Import entries"), 1 + 3 + 1 + 1 + 2);
        QCOMPARE(doc->undoStack()->count(), 1);
        QCOMPARE(doc->undoStack()->undoText(), QStringLiteral("Import entries"));
        QCOMPARE(inserted.count(), 8);
        QCOMPARE(reset.count(), 0);
        checkUndoRedo(*doc, *before, [&] {
            QCOMPARE(c.competitors.size(), size_t(43));
            QCOMPARE(c.competitors.back()->eventsEntered.size(), size_t(1));
            QCOMPARE(c.teams.back()->teamId, QStringLiteral("NEW"));
            QCOMPARE(c.events.back()->eventId, QStringLiteral("T09"));
            QCOMPARE(c.relayTeams.back()->relayTeamId, QStringLiteral("R9"));
            QCOMPARE(tom->eventsEntered.size(), size_t(3));
            QCOMPARE(tom->eventsEntered.back()->eventId, QStringLiteral("T09"));
            QCOMPARE(c.competitors[1]->eventsEntered.back()->eventId, QStringLiteral("F03"));
            QCOMPARE(model.groupIndex(ListId::Competitors).data().toString(),
                     QStringLiteral("Competitors (43)"));
        });
        QCOMPARE(reset.count(), 0);
        QCOMPARE(edit.insertBulk({}, "Nothing"), 0);
        QCOMPARE(doc->undoStack()->count(), 1);
    }

    void macroThatChangedNothingLeavesNoStep()
    {
        auto doc = testdata::loadDocument();
        DocumentEditor edit(*doc);
        edit.beginMacro("Nothing");
        edit.setValue(doc->competition(), QLatin1StringView("short_name"),
                      doc->competition().shortName);
        edit.endMacro();
        QCOMPARE(doc->undoStack()->count(), 0);
        QVERIFY(!doc->isModified());
        edit.beginMacro("Something");
        edit.setValue(doc->competition(), QLatin1StringView("short_name"), QStringLiteral("X"));
        edit.endMacro();
        QCOMPARE(doc->undoStack()->count(), 1);
        QCOMPARE(doc->undoStack()->undoText(), QStringLiteral("Something"));
    }

    void createUnitsOfOneRound()
    {
        Document doc;
        DocumentEditor edit(doc);
        Node *node = edit.append(doc.competition(), ListId::Events);
        const auto &event = static_cast<const Event &>(*node);
        edit.setValue(event, QLatin1StringView("rounds"), QStringLiteral("3,1"));
        QCOMPARE(edit.createUnits(event, 2), 1);
        QCOMPARE(event.units.size(), size_t(1));
        QCOMPARE(event.units[0]->round.value(), 2);
        QCOMPARE(event.units[0]->heatName, QStringLiteral("Final"));
        QCOMPARE(edit.createUnits(event, 1), 3);
        QCOMPARE(event.units[3]->heatName, QStringLiteral("Round 1 heat 3"));
        QCOMPARE(edit.createUnits(event, 3), 0); // the rounds have no third round
    }

    void setExtraAndMeetdeskValue()
    {
        auto doc = testdata::loadDocument();
        DocumentEditor edit(*doc);
        const Event &event = *doc->competition().events[0];
        edit.setExtra(event, QStringLiteral("qual_by_place"),
                      JsonValue::number(QStringLiteral("2")));
        edit.setExtra(event, QStringLiteral("qual_by_place"),
                      JsonValue::number(QStringLiteral("2")));
        QCOMPARE(doc->undoStack()->count(), 1); // no command for no change
        edit.setMeetdeskValue(QStringLiteral("seeding"), JsonValue::object());
        edit.setMeetdeskValue(QStringLiteral("absent"), std::nullopt);
        QCOMPARE(doc->undoStack()->count(), 2);
        QVERIFY(findMember(doc->meetdeskData(), u"seeding"));
    }

    void applyWritesAProposalAsOneStep()
    {
        auto doc
            = testdata::loadDocument(testdata::fixturePath(QStringLiteral("compute-meet.json")));
        const Competition &c = doc->competition();
        const auto before = snapshot(*doc);
        const Proposal proposal = compute::results(c);
        QVERIFY(proposal.changes.size() > 10);
        QCOMPARE(proposal.additions.size(), 2); // lines of combined events' standings
        const Event &pentathlon = *c.events[4];
        QCOMPARE(pentathlon.eventId, QStringLiteral("M01"));
        DocumentEditor edit(*doc);
        edit.apply(proposal, QStringLiteral("Compute places in the meet"));
        QCOMPARE(doc->undoStack()->count(), 1);
        QCOMPARE(doc->undoStack()->undoText(), QStringLiteral("Compute places in the meet"));
        checkUndoRedo(*doc, *before, [&] {
            for (const ProposedChange &change : proposal.changes)
                QCOMPARE(fields::value(*change.node, change.field), change.value);
            QCOMPARE(pentathlon.results.size(), size_t(2));
            QCOMPARE(pentathlon.results[1]->bib, QStringLiteral("208"));
        });
        // Worked out already: nothing to write, no step.
        edit.apply(compute::results(c), QStringLiteral("Again"));
        QCOMPARE(doc->undoStack()->count(), 1);
        // A proposal applied after its values were typed in writes nothing either.
        doc->undoStack()->undo();
        for (const ProposedChange &change : proposal.changes)
            edit.setValue(*change.node, change.field, change.value);
        const int typed = doc->undoStack()->count();
        edit.apply(proposal.withoutReplacements(), QStringLiteral("Fills"));
        QCOMPARE(doc->undoStack()->count(), typed + 1); // only the standings' new lines
        QCOMPARE(doc->undoStack()->command(typed)->childCount(), 2);
        edit.apply(Proposal(), QStringLiteral("Empty"));
        QCOMPARE(doc->undoStack()->count(), typed + 1);
    }

    void meetdeskValueIsOneStepAndLeavesTheRestAlone()
    {
        auto doc = testdata::loadDocument();
        JsonObject data;
        setMember(data, QStringLiteral("format_version"), JsonValue::number(QStringLiteral("1")));
        setMember(data, QStringLiteral("sync"),
                  JsonValue::object({{QStringLiteral("server"), JsonValue::string("s")}}));
        doc->setMeetdeskData(data);
        DocumentEditor edit(*doc);
        const JsonValue rules = AgeGroupRules::worldAthletics().toJson();
        edit.setMeetdeskValue(QStringLiteral("age_group_rules"), rules, QStringLiteral("Rules"));
        QCOMPARE(doc->undoStack()->count(), 1);
        QVERIFY(doc->isModified());
        QCOMPARE(doc->meetdeskData().size(), size_t(3));
        QCOMPARE(*findMember(doc->meetdeskData(), u"age_group_rules"), rules);
        // The same value again: no step.
        edit.setMeetdeskValue(QStringLiteral("age_group_rules"), rules, QStringLiteral("Rules"));
        QCOMPARE(doc->undoStack()->count(), 1);
        // What else changes meanwhile (a publish writes the sync state) stays through undo.
        JsonObject published = doc->meetdeskData();
        setMember(published, QStringLiteral("sync"),
                  JsonValue::object({{QStringLiteral("server"), JsonValue::string("t")}}));
        doc->setMeetdeskData(published);
        doc->undoStack()->undo();
        QVERIFY(!findMember(doc->meetdeskData(), u"age_group_rules"));
        QCOMPARE(findMember(doc->meetdeskData(), u"sync")->find(u"server")->text(),
                 QStringLiteral("t"));
        QVERIFY(!doc->isModified());
        doc->undoStack()->redo();
        QCOMPARE(*findMember(doc->meetdeskData(), u"age_group_rules"), rules);
        // Another convention replaces it in place; removing it is a step too.
        edit.setMeetdeskValue(QStringLiteral("age_group_rules"),
                              AgeGroupRules::ukTrackAndField().toJson(), QStringLiteral("UK"));
        QCOMPARE(doc->meetdeskData()[2].key, QStringLiteral("age_group_rules"));
        edit.setMeetdeskValue(QStringLiteral("age_group_rules"), std::nullopt,
                              QStringLiteral("Default"));
        QCOMPARE(doc->undoStack()->count(), 3);
        QVERIFY(!findMember(doc->meetdeskData(), u"age_group_rules"));
        doc->undoStack()->undo();
        QCOMPARE(*findMember(doc->meetdeskData(), u"age_group_rules"),
                 AgeGroupRules::ukTrackAndField().toJson());
    }
};

QTEST_GUILESS_MAIN(TestDocumentEditor)
#include "tst_documenteditor.moc"

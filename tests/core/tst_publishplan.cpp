// The pure middle of a publish: base, file and server in, operations out.
#include "format/opentrackreader.h"
#include "opentrack/payload.h"
#include "opentrack/publishplan.h"

#include <QTest>

using namespace meetdesk;

namespace {

JsonValue json(const QByteArray &text)
{
    return text.isEmpty() ? JsonValue() : payload::parse(text);
}

QStringList fieldsOf(const QList<FieldChange> &changes)
{
    QStringList out;
    for (const FieldChange &c : changes)
        out.append(c.field);
    return out;
}

std::unique_ptr<Competition> competition(const QByteArray &text)
{
    ReadResult read = OpenTrackReader::read(text);
    if (!read.ok())
        qFatal("bad test competition: %s", qPrintable(read.error));
    return std::move(read.competition);
}

// The small meet of these tests: one team, two competitors, an event with two heats.
const QByteArray meet = R"({"full_name": "Small Meet", "slug": "small-meet", "country": "GBR",
  "date": "2026-07-11", "finish_date": "2026-07-11",
  "teams": [{"team_id": "RIV", "team_name": "Riverside"}],
  "competitors": [{"competitor_id": "101", "first_name": "Tom", "last_name": "Adeyemi"},
                  {"competitor_id": "102", "first_name": "Ann", "last_name": "Bell"}],
  "events": [{"event_id": "T01", "event_code": "100", "rounds": "2",
    "units": [{"round": 1, "heat": 1, "heat_name": "Heat 1",
               "results": [{"bib": "101", "place": 1, "performance": "10.50"}]},
              {"round": 1, "heat": 2, "heat_name": "Heat 2",
               "results": [{"bib": "102", "place": 1, "performance": "10.70"}]}]}]})";

QString urlOf(const QString &what)
{
    return QStringLiteral("http://127.0.0.1:1/api/") + what + u'/';
}

// A server holding what the sync state says was published: the state after a publish.
struct Published
{
    std::unique_ptr<Competition> file = competition(meet);
    SyncState sync;
    ServerSnapshot server;

    Published()
    {
        server.apiRoot = QUrl(urlOf(QString()));
        server.competition
            = withId(payload::of(*file), QStringLiteral("c1"), QStringLiteral("competitions/c1"));
        server.competitionId = QStringLiteral("c1");
        server.competitionUrl = QUrl(urlOf(QStringLiteral("competitions/c1")));
        remember(*file, server.competition);
        int id = 10;
        const auto child = [&](const Node &node, const QString &collection) {
            const QString key = payload::naturalKey(node);
            const QString own = QString::number(id++);
            JsonValue record = withId(payload::of(node), own, collection + u'/' + own);
            record.members().push_back(
                {QStringLiteral("competition"), JsonValue::string(QStringLiteral("c1"))});
            server.records.insert(key, record);
            remember(node, record);
        };
        child(*file->teams[0], QStringLiteral("teams"));
        for (const auto &x : file->competitors)
            child(*x, QStringLiteral("competitors"));
        child(*file->events[0], QStringLiteral("events"));
        for (const auto &u : file->events[0]->units) {
            ServerSnapshot::Unit unit;
            unit.id = QString::number(id++);
            unit.url = QUrl(urlOf(QStringLiteral("units/") + unit.id));
            unit.listed = payload::parse(QStringLiteral(R"({"round": %1, "heat": %2,
                "heat_name": "%3", "status": ""})")
                                             .arg(*u->round)
                                             .arg(*u->heat)
                                             .arg(u->heatName)
                                             .toUtf8());
            server.units.insert(payload::naturalKey(*u), unit);
            sync.setRecord(
                payload::naturalKey(*u),
                PublishPlan::agreed(nullptr, payload::of(*u), payload::of(*u), unit.id, unit.url));
        }
    }

    static JsonValue withId(JsonValue v, const QString &id, const QString &path)
    {
        v.members().push_back({QStringLiteral("id"), JsonValue::string(id)});
        v.members().push_back({QStringLiteral("url"), JsonValue::string(urlOf(path))});
        return v;
    }
    void remember(const Node &node, const JsonValue &record)
    {
        sync.setRecord(payload::naturalKey(node),
                       PublishPlan::agreed(nullptr, payload::of(node), record,
                                           payload::idOf(record),
                                           QUrl(payload::textOf(record, u"url"))));
    }
    QList<PublishItem> plan(const PublishPlan::Options &options = {}) const
    {
        return PublishPlan::make(*file, sync, server, options);
    }
    static const PublishItem *item(const QList<PublishItem> &items, const QString &key)
    {
        for (const PublishItem &i : items) {
            if (i.key == key)
                return &i;
        }
        return nullptr;
    }
    void setOnServer(const QString &key, const char *field, const JsonValue &value)
    {
        if (key.startsWith(u"unit:")) {
            auto &unit = server.units[key];
            if (!unit.full.isObject()) {
                unit.full = payload::of(*unitOf(key));
                unit.full.members().push_back(
                    {QStringLiteral("url"), JsonValue::string(unit.url.toString())});
            }
            setMember(unit.full.members(), QLatin1StringView(field), value);
            return;
        }
        setMember(key == u"competition" ? server.competition.members()
                                        : server.records[key].members(),
                  QLatin1StringView(field), value);
    }
    const Unit *unitOf(const QString &key) const
    {
        for (const auto &u : file->events[0]->units) {
            if (payload::naturalKey(*u) == key)
                return u.get();
        }
        return nullptr;
    }
};

int count(const QList<PublishItem> &items, PublishItem::Action action)
{
    return int(std::count_if(items.begin(), items.end(),
                             [action](const PublishItem &i) { return i.action == action; }));
}

} // namespace

class TestPublishPlan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decide_data()
    {
        QTest::addColumn<QByteArray>("base");
        QTest::addColumn<QByteArray>("held");
        QTest::addColumn<QStringList>("dropped");
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QByteArray>("server");
        QTest::addColumn<bool>("overwrite");
        QTest::addColumn<QByteArray>("send");
        QTest::addColumn<QStringList>("serverChanges");
        QTest::addColumn<QStringList>("conflicts");
        QTest::addColumn<QStringList>("replaced");
        QTest::addColumn<bool>("converged");

        const QStringList none;
        QTest::newRow("unchanged")
            << QByteArray(R"({"a": "x"})") << QByteArray() << none << QByteArray(R"({"a": "x"})")
            << QByteArray(R"({"a": "x", "id": 1})") << false << QByteArray("{}") << none << none
            << none << false;
        QTest::newRow("changed in the file")
            << QByteArray(R"({"a": "x"})") << QByteArray() << none << QByteArray(R"({"a": "y"})")
            << QByteArray(R"({"a": "x"})") << false << QByteArray(R"({"a": "y"})") << none << none
            << none << false;
        QTest::newRow("changed on the server")
            << QByteArray(R"({"a": "x"})") << QByteArray() << none << QByteArray(R"({"a": "x"})")
            << QByteArray(R"({"a": "z"})") << false << QByteArray("{}") << QStringList {"a"} << none
            << none << false;
        QTest::newRow("cleared on the server")
            << QByteArray(R"({"a": "x"})") << QByteArray() << none << QByteArray(R"({"a": "x"})")
            << QByteArray(R"({"a": ""})") << false << QByteArray("{}") << QStringList {"a"} << none
            << none << false;
        QTest::newRow("changed on both sides")
            << QByteArray(R"({"a": "x"})") << QByteArray() << none << QByteArray(R"({"a": "y"})")
            << QByteArray(R"({"a": "z"})") << false << QByteArray("{}") << none << QStringList {"a"}
            << none << false;
        QTest::newRow("both to the same value")
            << QByteArray(R"({"a": "x"})") << QByteArray() << none << QByteArray(R"({"a": "y"})")
            << QByteArray(R"({"a": "y"})") << false << QByteArray("{}") << none << none << none
            << true;
        QTest::newRow("different fields")
            << QByteArray(R"({"a": "x", "b": "1"})") << QByteArray() << none
            << QByteArray(R"({"a": "y", "b": "1"})") << QByteArray(R"({"a": "x", "b": "2"})")
            << false << QByteArray(R"({"a": "y"})") << QStringList {"b"} << none << none << false;
        QTest::newRow("cleared in the file")
            << QByteArray(R"({"a": "x", "t": "T"})") << QByteArray() << none
            << QByteArray(R"({"t": "T"})") << QByteArray(R"({"a": "x", "t": "T"})") << false
            << QByteArray(R"({"a": ""})") << none << none << none << false;
        QTest::newRow("a list cleared in the file")
            << QByteArray(R"({"h": ["1.80"]})") << QByteArray() << none << QByteArray(R"({})")
            << QByteArray(R"({"h": ["1.80"]})") << false << QByteArray(R"({"h": []})") << none
            << none << none << false;
        QTest::newRow("a key the server lacks is not known there")
            << QByteArray(R"({"a": "x", "shoe": 42})") << QByteArray() << none
            << QByteArray(R"({"a": "x", "shoe": 42})") << QByteArray(R"({"a": "x"})") << false
            << QByteArray("{}") << none << none << none << false;
        QTest::newRow("a dropped key is never a server change")
            << QByteArray(R"({"shoe": 42})") << QByteArray() << QStringList {"shoe"}
            << QByteArray(R"({"shoe": 42})") << QByteArray(R"({"shoe": 41})") << false
            << QByteArray("{}") << none << none << none << false;
        QTest::newRow("a list the server trims")
            << QByteArray(R"({"results": [{"bib": "1", "reaction": 0.1}]})")
            << QByteArray(R"({"results": [{"bib": "1"}]})") << none
            << QByteArray(R"({"results": [{"bib": "1", "reaction": 0.1}]})")
            << QByteArray(R"({"results": [{"bib": "1"}]})") << false << QByteArray("{}") << none
            << none << none << false;
        QTest::newRow("a web edit in a trimmed list")
            << QByteArray(R"({"results": [{"bib": "1", "reaction": 0.1}]})")
            << QByteArray(R"({"results": [{"bib": "1"}]})") << none
            << QByteArray(R"({"results": [{"bib": "1", "reaction": 0.1}]})")
            << QByteArray(R"({"results": [{"bib": "1", "place": 1}]})") << false << QByteArray("{}")
            << QStringList {"results"} << none << none << false;
        QTest::newRow("a number spelled as text")
            << QByteArray(R"({"distance": 800})") << QByteArray() << none
            << QByteArray(R"({"distance": 800})") << QByteArray(R"({"distance": "800"})") << false
            << QByteArray("{}") << none << none << none << false;
        QTest::newRow("no base, the server agrees")
            << QByteArray() << QByteArray() << none << QByteArray(R"({"a": "x"})")
            << QByteArray(R"({"a": "x", "b": "theirs"})") << false << QByteArray("{}") << none
            << none << none << false;
        QTest::newRow("no base, the file replaces")
            << QByteArray() << QByteArray() << none << QByteArray(R"({"a": "y", "b": "1"})")
            << QByteArray(R"({"a": "z", "b": ""})") << false
            << QByteArray(R"({"a": "y", "b": "1"})") << none << none << QStringList {"a"} << false;
        QTest::newRow("no base, a key the server lacks")
            << QByteArray() << QByteArray() << none << QByteArray(R"({"shoe": 42})")
            << QByteArray(R"({})") << false << QByteArray(R"({"shoe": 42})") << none << none << none
            << false;
        QTest::newRow("overwrite a conflict")
            << QByteArray(R"({"a": "x"})") << QByteArray() << none << QByteArray(R"({"a": "y"})")
            << QByteArray(R"({"a": "z"})") << true << QByteArray(R"({"a": "y"})") << none
            << QStringList {"a"} << none << false;
        QTest::newRow("overwrite a server change")
            << QByteArray(R"({"a": "x"})") << QByteArray() << none << QByteArray(R"({"a": "x"})")
            << QByteArray(R"({"a": "z"})") << true << QByteArray(R"({"a": "x"})")
            << QStringList {"a"} << none << none << false;
    }
    void decide()
    {
        QFETCH(QByteArray, base);
        QFETCH(QByteArray, held);
        QFETCH(QStringList, dropped);
        QFETCH(QByteArray, file);
        QFETCH(QByteArray, server);
        QFETCH(bool, overwrite);
        QFETCH(QByteArray, send);
        QFETCH(QStringList, serverChanges);
        QFETCH(QStringList, conflicts);
        QFETCH(QStringList, replaced);
        QFETCH(bool, converged);

        SyncState::Record record;
        record.payload = base.isEmpty() ? QByteArray() : payload::toBytes(json(base));
        record.held = held.isEmpty() ? JsonObject() : json(held).members();
        record.dropped = dropped;
        const PublishPlan::Decision d = PublishPlan::decide(base.isEmpty() ? nullptr : &record,
                                                            json(file), json(server), overwrite);
        QCOMPARE(payload::toBytes(JsonValue::object(d.send)), payload::toBytes(json(send)));
        QCOMPARE(fieldsOf(d.serverChanges), serverChanges);
        QCOMPARE(fieldsOf(d.conflicts), conflicts);
        QCOMPARE(fieldsOf(d.replaced), replaced);
        QCOMPARE(d.converged, converged);
    }

    void advanceNotesWhatTheServerKeptOtherwise()
    {
        SyncState::Record base;
        base.payload = payload::toBytes(json(R"({"a": "x", "shoe": 42, "lat": 51.5})"));
        base.dropped = {QStringLiteral("shoe")};
        const JsonValue file = json(R"({"a": "y", "shoe": 42, "lat": 51.5, "r": [{"bib": "1",
            "reaction": 0.1}]})");
        const SyncState::Record after = PublishPlan::advance(
            &base, file, {QStringLiteral("a"), QStringLiteral("r")},
            json(R"({"a": "y", "r": [{"bib": "1"}], "id": 5})"), QStringLiteral("5"), QUrl());
        QCOMPARE(after.base(), file);
        QCOMPARE(after.dropped, QStringList {QStringLiteral("shoe")}); // still not kept
        QCOMPARE(after.held.size(), size_t(1));
        QCOMPARE(after.held.front().key, QStringLiteral("r"));
        QCOMPARE(after.id, QStringLiteral("5"));
    }

    void republishingUnchangedDoesNothing()
    {
        const Published p;
        const QList<PublishItem> items = p.plan();
        QCOMPARE(items.size(), qsizetype(1 + 1 + 2 + 1 + 2));
        QCOMPARE(count(items, PublishItem::Action::Unchanged), int(items.size()));
        QVERIFY(PublishPlan::unitsToRead(*p.file, p.sync, p.server, false).isEmpty());
        QCOMPARE(PublishPlan::unitsToRead(*p.file, p.sync, p.server, true).size(), 2);
    }

    void nothingOnTheServerCreatesEverything()
    {
        Published p;
        p.server.competition = {};
        p.server.competitionId.clear();
        p.server.records.clear();
        p.server.units.clear();
        const QList<PublishItem> items = p.plan();
        QCOMPARE(count(items, PublishItem::Action::Create), 1 + 1 + 2 + 1);
        const PublishItem *heat = Published::item(items, QStringLiteral("unit:T01/1/1"));
        QVERIFY(heat && heat->fresh);
        QCOMPARE(heat->action, PublishItem::Action::Update); // settled once the event is made
    }

    // Finding 2: an event deleted on the server is made again, and its heats are sent again
    // although the file did not change them.
    void anEventDeletedOnTheServerIsSentWhole()
    {
        Published p;
        p.server.records.remove(QStringLiteral("event:T01"));
        p.server.units.clear();
        const QList<PublishItem> items = p.plan();
        const PublishItem *event = Published::item(items, QStringLiteral("event:T01"));
        QCOMPARE(event->action, PublishItem::Action::Create);
        QVERIFY(!event->note.isEmpty());
        for (const QString &key :
             {QStringLiteral("unit:T01/1/1"), QStringLiteral("unit:T01/1/2")}) {
            const PublishItem *heat = Published::item(items, key);
            QCOMPARE(heat->action, PublishItem::Action::Update);
            QVERIFY(heat->fresh);
            QVERIFY(heat->body.find(u"results"));
        }
        // Once the event is made again, its new heats hold nothing: results go.
        ServerSnapshot::Unit fresh = p.server.units.value(QStringLiteral("unit:T01/1/1"));
        fresh.url = QUrl(urlOf(QStringLiteral("units/99")));
        fresh.id = QStringLiteral("99");
        fresh.listed = json(R"({"round": 1, "heat": 1, "heat_name": "Round 1 heat 1"})");
        fresh.fresh = true;
        const PublishItem settled = PublishPlan::unitItem(*p.unitOf(QStringLiteral("unit:T01/1/1")),
                                                          p.sync, &fresh, false);
        QCOMPARE(settled.action, PublishItem::Action::Update);
        QVERIFY(settled.body.find(u"results"));
        QCOMPARE(payload::textOf(settled.body, u"heat_name"), QStringLiteral("Heat 1"));
    }

    void aHeatMadeAnewLosesItsBase()
    {
        Published p;
        auto &unit = p.server.units[QStringLiteral("unit:T01/1/2")];
        unit.url = QUrl(urlOf(QStringLiteral("units/77")));
        unit.id = QStringLiteral("77");
        unit.full = json(R"({"round": 1, "heat": 2, "heat_name": "Heat 2", "results": []})");
        const QList<PublishItem> items = p.plan();
        const PublishItem *heat = Published::item(items, QStringLiteral("unit:T01/1/2"));
        QCOMPARE(heat->action, PublishItem::Action::Update);
        QVERIFY(heat->body.find(u"results"));
        QVERIFY(heat->checkFirst);
    }

    // Finding 7: a web edit is a server change (not overwritten), an edit on both sides a
    // conflict, and an edit of another field is sent alone.
    void webEditsAreNotOverwritten()
    {
        Published p;
        p.setOnServer(QStringLiteral("competitor:101"), "last_name",
                      JsonValue::string(QStringLiteral("Adeyemi-Smith")));
        p.setOnServer(QStringLiteral("competitor:102"), "last_name",
                      JsonValue::string(QStringLiteral("Bell-Jones")));
        p.setOnServer(QStringLiteral("unit:T01/1/1"), "status",
                      JsonValue::string(QStringLiteral("finished")));
        auto *tom = p.file->competitors[0].get();
        auto *ann = p.file->competitors[1].get();
        tom->firstName = QStringLiteral("Thomas");
        ann->lastName = QStringLiteral("Bell-Smith");
        p.file->events[0]->units[0]->status = QStringLiteral("official");

        QList<PublishItem> items = p.plan();
        const PublishItem *t = Published::item(items, QStringLiteral("competitor:101"));
        QCOMPARE(t->action, PublishItem::Action::Update);
        QCOMPARE(payload::toBytes(t->body), payload::toBytes(json(R"({"first_name": "Thomas"})")));
        QCOMPARE(fieldsOf(t->serverChanges), QStringList {QStringLiteral("last_name")});
        const PublishItem *a = Published::item(items, QStringLiteral("competitor:102"));
        QCOMPARE(a->action, PublishItem::Action::Conflict);
        QCOMPARE(a->conflicts.first().base.text(), QStringLiteral("Bell"));
        QCOMPARE(a->conflicts.first().file.text(), QStringLiteral("Bell-Smith"));
        QCOMPARE(a->conflicts.first().server.text(), QStringLiteral("Bell-Jones"));
        QVERIFY(a->body.isNull());
        QCOMPARE(Published::item(items, QStringLiteral("unit:T01/1/1"))->action,
                 PublishItem::Action::Conflict);

        PublishPlan::Options overwrite;
        overwrite.overwrite.insert(QStringLiteral("competitor:102"));
        items = p.plan(overwrite);
        a = Published::item(items, QStringLiteral("competitor:102"));
        QCOMPARE(a->action, PublishItem::Action::Update);
        QCOMPARE(payload::textOf(a->body, u"last_name"), QStringLiteral("Bell-Smith"));
    }

    void aHeatWhoseListingChangedIsRead()
    {
        Published p;
        setMember(p.server.units[QStringLiteral("unit:T01/1/2")].listed.members(),
                  QStringLiteral("heat_name"),
                  JsonValue::string(QStringLiteral("Heat 2 (re-run)")));
        p.file->events[0]->units[0]->resultsStatus = QStringLiteral("official");
        QCOMPARE(PublishPlan::unitsToRead(*p.file, p.sync, p.server, false),
                 QStringList({QStringLiteral("unit:T01/1/1"), QStringLiteral("unit:T01/1/2")}));
    }

    void deletes()
    {
        Published p;
        p.file->competitors.pop_back(); // 102 left the file...
        p.file->teams.pop_back(); // ...and so did the team, which was edited on the server
        p.setOnServer(QStringLiteral("team:RIV"), "team_name",
                      JsonValue::string(QStringLiteral("Riverside AC")));
        p.server.records.remove(QStringLiteral("event:T01")); // gone from both sides
        p.file->events.clear();
        const QList<PublishItem> items = p.plan();
        QCOMPARE(Published::item(items, QStringLiteral("competitor:102"))->action,
                 PublishItem::Action::Delete);
        QVERIFY(!Published::item(items, QStringLiteral("competitor:102"))->remember);
        const PublishItem *team = Published::item(items, QStringLiteral("team:RIV"));
        QCOMPARE(team->action, PublishItem::Action::Conflict);
        QCOMPARE(fieldsOf(team->conflicts), QStringList {QStringLiteral("team_name")});
        const PublishItem *event = Published::item(items, QStringLiteral("event:T01"));
        QCOMPARE(event->action, PublishItem::Action::Delete);
        QVERIFY(event->remember); // only forgotten
        QVERIFY(Published::item(items, QStringLiteral("unit:T01/1/1"))->remember);
    }

    void aRecordMadeAnewOnTheServerHasNoBase()
    {
        Published p;
        setMember(p.server.records[QStringLiteral("competitor:101")].members(),
                  QStringLiteral("id"), JsonValue::string(QStringLiteral("555")));
        p.setOnServer(QStringLiteral("competitor:101"), "last_name",
                      JsonValue::string(QStringLiteral("Other")));
        const QList<PublishItem> items = p.plan();
        const PublishItem *t = Published::item(items, QStringLiteral("competitor:101"));
        QCOMPARE(t->action, PublishItem::Action::Update); // the file's record replaces it
        QCOMPARE(fieldsOf(t->replaced), QStringList {QStringLiteral("last_name")});
    }

    void anotherCompetitionIsNoBase()
    {
        Published p;
        p.server.competitionId = QStringLiteral("c2");
        p.server.competitionUrl = QUrl(urlOf(QStringLiteral("competitions/c2")));
        p.setOnServer(QStringLiteral("competition"), "full_name",
                      JsonValue::string(QStringLiteral("Renamed")));
        const QList<PublishItem> items = p.plan();
        const PublishItem *c = Published::item(items, QStringLiteral("competition"));
        QCOMPARE(c->action, PublishItem::Action::Update); // not a server change: no base
        QVERIFY(c->serverChanges.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPublishPlan)
#include "tst_publishplan.moc"

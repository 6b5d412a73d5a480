#include "opentrack/payload.h"
#include "opentrack/syncstate.h"

#include <QTest>

using namespace meetdesk;

class TestSyncState : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripInTheMeetdeskObject()
    {
        SyncState state;
        state.setServer(QUrl(QStringLiteral("http://127.0.0.1:8000/api/")));
        SyncState::Record tom;
        tom.id = QStringLiteral("7");
        tom.url = QUrl(QStringLiteral("http://127.0.0.1:8000/api/competitors/7/"));
        tom.payload = R"({"competitor_id":"101","shoe":42,"big":1.50})";
        tom.held = {{QStringLiteral("big"), JsonValue::number(QStringLiteral("1.5"))}};
        tom.dropped = {QStringLiteral("shoe")};
        state.setRecord(QStringLiteral("competitor:101"), tom);
        state.setRecord(QStringLiteral("competition"),
                        {QStringLiteral("u-u-i-d"), QUrl(), {}, {}, {}});
        JsonObject meetdesk {
            {QStringLiteral("format_version"), JsonValue::number(QStringLiteral("1"))}};
        const JsonObject written = state.toMeetdesk(meetdesk);
        QCOMPARE(written.front().key, QStringLiteral("format_version")); // the rest is kept
        const SyncState read = SyncState::fromMeetdesk(written);
        QCOMPARE(read.server(), state.server());
        const SyncState::Record *back = read.record(QStringLiteral("competitor:101"));
        QVERIFY(back);
        QCOMPARE(back->id, QStringLiteral("7"));
        QCOMPARE(back->payload, tom.payload); // the base itself, numbers as they were
        const JsonValue base = back->base();
        QCOMPARE(base.find(u"big")->text(), QStringLiteral("1.50"));
        QCOMPARE(back->dropped, tom.dropped);
        QCOMPARE(back->serverValue(base, u"big")->text(),
                 QStringLiteral("1.5")); // as the server held it
        QCOMPARE(back->serverValue(base, u"competitor_id")->text(), QStringLiteral("101"));
        QVERIFY(!read.record(QStringLiteral("competition"))->hasBase());
        QCOMPARE(state.toMeetdesk(meetdesk), read.toMeetdesk(meetdesk)); // stable: records sorted
    }

    // A record whose write failed stays failed, with the server's words, across a save.
    void failuresAreKeptUntilCleared()
    {
        SyncState state;
        state.setServer(QUrl(QStringLiteral("https://a/api/")));
        state.setFailure(QStringLiteral("unit:T01/1/1"), QStringLiteral("status 500"));
        const JsonObject written = state.toMeetdesk({});
        const SyncState read = SyncState::fromMeetdesk(written);
        QCOMPARE(read.failure(QStringLiteral("unit:T01/1/1")), QStringLiteral("status 500"));
        QCOMPARE(read.failedKeys(), QList<QString> {QStringLiteral("unit:T01/1/1")});
        QCOMPARE(read.toMeetdesk({}), written);
        SyncState cleared = read;
        cleared.clearFailure(QStringLiteral("unit:T01/1/1"));
        QVERIFY(cleared.failure(QStringLiteral("unit:T01/1/1")).isEmpty());
        // No failures, no "failed" member: files without any stay as they were.
        QVERIFY(!findMember(cleared.toMeetdesk({}).front().value.members(), u"failed"));
        // Another server: what failed on the old one does not count.
        SyncState moved = read;
        moved.setServer(QUrl(QStringLiteral("https://b/api/")));
        QVERIFY(moved.failedKeys().isEmpty());
    }

    void anotherServerStartsAfresh()
    {
        SyncState state;
        state.setServer(QUrl(QStringLiteral("https://a/api/")));
        state.setRecord(QStringLiteral("team:X"), {});
        state.setServer(QUrl(QStringLiteral("https://a/api/")));
        QVERIFY(!state.isEmpty());
        state.setServer(QUrl(QStringLiteral("https://b/api/")));
        QVERIFY(state.isEmpty());
    }

    void missingOrBrokenSyncIsEmpty()
    {
        QVERIFY(SyncState::fromMeetdesk({}).isEmpty());
        const JsonObject broken {{QStringLiteral("sync"), JsonValue::string(QStringLiteral("?"))}};
        QVERIFY(SyncState::fromMeetdesk(broken).isEmpty());
        // An older file's record (a hash, no payload) is kept, without a base.
        const JsonObject older {{QStringLiteral("sync"),
                                 payload::parse(R"({"records": {"team:X": {"id": "3", "hash": "abc",
                "fields": "team_id"}}})")}};
        const SyncState state = SyncState::fromMeetdesk(older);
        QCOMPARE(state.record(QStringLiteral("team:X"))->id, QStringLiteral("3"));
        QVERIFY(!state.record(QStringLiteral("team:X"))->hasBase());
    }
};

QTEST_GUILESS_MAIN(TestSyncState)
#include "tst_syncstate.moc"

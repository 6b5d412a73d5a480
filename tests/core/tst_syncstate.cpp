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
        state.setRecord(QStringLiteral("competitor:101"),
                        {QStringLiteral("7"),
                         QUrl(QStringLiteral("http://127.0.0.1:8000/api/competitors/7/")),
                         QStringLiteral("abc"),
                         {QStringLiteral("competitor_id"), QStringLiteral("team_id")}});
        state.setRecord(QStringLiteral("competition"),
                        {QStringLiteral("u-u-i-d"), QUrl(), QStringLiteral("def"), {}});
        JsonObject meetdesk {
            {QStringLiteral("format_version"), JsonValue::number(QStringLiteral("1"))}};
        const JsonObject written = state.toMeetdesk(meetdesk);
        QCOMPARE(written.front().key, QStringLiteral("format_version")); // the rest is kept
        const SyncState read = SyncState::fromMeetdesk(written);
        QCOMPARE(read.server(), state.server());
        QCOMPARE(read.record(QStringLiteral("competitor:101"))->id, QStringLiteral("7"));
        QCOMPARE(read.record(QStringLiteral("competitor:101"))->fields,
                 QStringList({QStringLiteral("competitor_id"), QStringLiteral("team_id")}));
        QCOMPARE(read.record(QStringLiteral("competition"))->hash, QStringLiteral("def"));
        QCOMPARE(state.toMeetdesk(meetdesk), read.toMeetdesk(meetdesk)); // stable: records sorted
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
    }
};

QTEST_GUILESS_MAIN(TestSyncState)
#include "tst_syncstate.moc"

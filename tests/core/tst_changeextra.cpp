#include "edit/changeextra.h"

#include <QSignalSpy>
#include <QTest>

#include "testdata.h"

using namespace meetdesk;

namespace {
JsonValue number(int n)
{
    return JsonValue::number(QString::number(n));
}
} // namespace

class TestChangeExtra : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // A key the event has no field for: set, undone (the extras exactly as they were), redone.
    void aNodesExtras()
    {
        auto doc = testdata::loadDocument();
        const Event &event = *doc->competition().events[0];
        const auto before = children::clone(doc->competition());
        QSignalSpy changed(doc.get(), &Document::nodeChanged);

        doc->undoStack()->push(
            new ChangeExtra(*doc, &event, QStringLiteral("qual_by_place"), number(2)));
        QCOMPARE(findMember(event.extras, u"qual_by_place")->text(), QStringLiteral("2"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed[0][0].value<Node *>(), &event);
        QCOMPARE(doc->undoStack()->undoText(), QStringLiteral("Set qual_by_place of T01 100m Men"));

        doc->undoStack()->undo();
        QVERIFY(children::sameContent(doc->competition(), *before));
        doc->undoStack()->redo();
        QCOMPARE(findMember(event.extras, u"qual_by_place")->text(), QStringLiteral("2"));
    }

    // Changing and removing a key that was there puts it back in its place.
    void replaceAndRemoveKeepTheOrder()
    {
        auto doc = testdata::loadDocument();
        const Event &event = *doc->competition().events[0];
        DocumentEditor edit(*doc);
        edit.setExtra(event, QStringLiteral("lanes_r2"), number(8));
        edit.setExtra(event, QStringLiteral("qual_by_place"), number(2));
        const JsonObject set = event.extras;

        doc->undoStack()->push(
            new ChangeExtra(*doc, &event, QStringLiteral("lanes_r2"), number(9)));
        QCOMPARE(event.extras[0].key, QStringLiteral("lanes_r2"));
        QCOMPARE(event.extras[0].value.text(), QStringLiteral("9"));
        doc->undoStack()->undo();
        QVERIFY(event.extras == set);

        doc->undoStack()->push(
            new ChangeExtra(*doc, &event, QStringLiteral("lanes_r2"), std::nullopt));
        QCOMPARE(event.extras.size(), size_t(1));
        QCOMPARE(doc->undoStack()->undoText(), QStringLiteral("Clear lanes_r2 of T01 100m Men"));
        doc->undoStack()->undo();
        QVERIFY(event.extras == set);
        doc->undoStack()->redo();
        QVERIFY(!findMember(event.extras, u"lanes_r2"));
    }

    // The "meetdesk" object: only the key changes; undo leaves what a publish wrote since.
    void theMeetdeskObject()
    {
        auto doc = testdata::loadDocument();
        const JsonObject before = doc->meetdeskData();
        JsonValue settings
            = JsonValue::object({{QStringLiteral("T01"),
                                  JsonValue::object({{QStringLiteral("seed_mark"),
                                                      JsonValue::string(QStringLiteral("pb"))}})}});
        doc->undoStack()->push(new ChangeExtra(*doc, nullptr, QStringLiteral("seeding"), settings));
        QCOMPARE(ChangeExtra::valueOf(*doc, nullptr, u"seeding"), std::optional(settings));
        QCOMPARE(doc->undoStack()->undoText(),
                 QStringLiteral("Set seeding of Meetdesk's settings"));

        JsonObject published = doc->meetdeskData();
        setMember(published, QStringLiteral("sync"), JsonValue::object());
        doc->setMeetdeskData(published); // as a publish does, outside the undo stack

        doc->undoStack()->undo();
        QVERIFY(!ChangeExtra::valueOf(*doc, nullptr, u"seeding"));
        QVERIFY(ChangeExtra::valueOf(*doc, nullptr, u"sync")); // kept
        JsonObject expected = before;
        setMember(expected, QStringLiteral("sync"), JsonValue::object());
        QVERIFY(doc->meetdeskData() == expected);
        doc->undoStack()->redo();
        QCOMPARE(ChangeExtra::valueOf(*doc, nullptr, u"seeding"), std::optional(settings));
    }
};

QTEST_GUILESS_MAIN(TestChangeExtra)
#include "tst_changeextra.moc"

#include "edit/changevalue.h"
#include "format/opentrackreader.h"

#include <QSignalSpy>
#include <QTest>

using namespace meetdesk;

namespace {

std::unique_ptr<Document> sampleDocument()
{
    ReadResult r = OpenTrackReader::readFile(QStringLiteral(MEETDESK_TEST_DATA "/bad-values.json"));
    return std::make_unique<Document>(std::move(r.competition));
}

} // namespace

class TestChangeValue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void redoUndoRedo()
    {
        auto doc = sampleDocument();
        const auto before = children::clone(doc->competition());
        const Competitor &x = *doc->competition().competitors[0];
        const int field = fields::indexOf(NodeKind::Competitor, QLatin1StringView("last_name"));
        QSignalSpy changed(doc.get(), &Document::nodeChanged);

        doc->undoStack()->push(new ChangeValue(*doc, x, field, QStringLiteral("Okafor")));
        QCOMPARE(x.lastName, QStringLiteral("Okafor"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed[0][0].value<Node *>(), &x);
        QCOMPARE(changed[0][1].toInt(), field);
        QCOMPARE(doc->undoStack()->undoText(), QStringLiteral("Set Last name of 1 to \"Okafor\""));

        doc->undoStack()->undo();
        QVERIFY(x.lastName.isNull());
        QVERIFY(children::sameContent(doc->competition(), *before));

        doc->undoStack()->redo();
        QCOMPARE(x.lastName, QStringLiteral("Okafor"));
    }

    void typingMergesIntoOneStep()
    {
        auto doc = sampleDocument();
        const Competitor &x = *doc->competition().competitors[0];
        const int field = fields::indexOf(NodeKind::Competitor, QLatin1StringView("first_name"));
        for (const char *text : {"T", "To", "Tom"})
            doc->undoStack()->push(new ChangeValue(*doc, x, field, QString::fromLatin1(text)));
        QCOMPARE(doc->undoStack()->count(), 1);
        QCOMPARE(x.firstName, QStringLiteral("Tom"));
        doc->undoStack()->undo();
        QVERIFY(x.firstName.isNull());
    }

    void changeBackToTheOriginalVanishes()
    {
        auto doc = sampleDocument();
        const Competitor &x = *doc->competition().competitors[0];
        const int field = fields::indexOf(NodeKind::Competitor, QLatin1StringView("gender"));
        doc->undoStack()->push(new ChangeValue(*doc, x, field, QStringLiteral("F")));
        doc->undoStack()->push(new ChangeValue(*doc, x, field, QStringLiteral("M")));
        QCOMPARE(doc->undoStack()->count(), 0);
        QVERIFY(!doc->isModified());
    }

    void replacesAndRestoresARawValue()
    {
        auto doc = sampleDocument();
        const auto before = children::clone(doc->competition());
        const Result &r = *doc->competition().events[0]->units[0]->results[2]; // "place": "1st"
        const int field = fields::indexOf(NodeKind::Result, QLatin1StringView("place"));
        QCOMPARE(fields::rawIndex(r, field), 0);

        doc->undoStack()->push(new ChangeValue(*doc, r, field, 1));
        QCOMPARE(r.place.value(), 1);
        QCOMPARE(fields::rawIndex(r, field), -1);
        QVERIFY(r.extras.empty());

        doc->undoStack()->undo();
        QVERIFY(!r.place);
        QCOMPARE(r.extras[0].value.text(), QStringLiteral("1st"));
        QVERIFY(children::sameContent(doc->competition(), *before));
        doc->undoStack()->redo();
        QCOMPARE(r.place.value(), 1);
    }

    void everyFieldTypeRoundTrips_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QVariant>("value");
        QTest::newRow("text") << "full_name" << QVariant(QStringLiteral("Open"));
        QTest::newRow("date") << "finish_date" << QVariant(QDate(2026, 5, 17));
        QTest::newRow("number") << "longitude" << QVariant(-0.5);
        QTest::newRow("list") << "age_groups" << QVariant(QStringList {QStringLiteral("U20")});
        QTest::newRow("clear") << "slug" << QVariant();
    }
    void everyFieldTypeRoundTrips()
    {
        QFETCH(QString, field);
        QFETCH(QVariant, value);
        auto doc = sampleDocument();
        const auto before = children::clone(doc->competition());
        const int index
            = fields::indexOf(NodeKind::Competition, QLatin1StringView(field.toLatin1()));
        doc->undoStack()->push(new ChangeValue(*doc, doc->competition(), index, value));
        QCOMPARE(fields::value(doc->competition(), index), value);
        doc->undoStack()->undo();
        QVERIFY(children::sameContent(doc->competition(), *before));
        doc->undoStack()->redo();
        QCOMPARE(fields::value(doc->competition(), index), value);
    }
};

QTEST_GUILESS_MAIN(TestChangeValue)
#include "tst_changevalue.moc"

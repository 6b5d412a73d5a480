#include "editors/fieldform.h"
#include "format/opentrackreader.h"

#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QTest>

using namespace meetdesk;

class TestFieldForm : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void typingIsOneUndoStepAndFollowsUndo()
    {
        Document doc;
        DocumentEditor edit(doc);
        FieldForm form(edit, doc.competition());
        auto *name = qobject_cast<QLineEdit *>(form.addField(QLatin1StringView("full_name")));
        QCOMPARE(name->objectName(), QStringLiteral("field_full_name"));
        QTest::keyClicks(name, QStringLiteral("Open"));
        QCOMPARE(doc.competition().fullName, QStringLiteral("Open"));
        QCOMPARE(doc.undoStack()->count(), 1);
        doc.undoStack()->undo();
        QCOMPARE(name->text(), QString()); // the form follows undo
        doc.undoStack()->redo();
        QCOMPARE(name->text(), QStringLiteral("Open"));
    }

    void everyTypeOfField()
    {
        Document doc;
        DocumentEditor edit(doc);
        FieldForm form(edit, doc.competition());
        form.addRemainingFields();
        auto *latitude = form.findChild<QLineEdit *>(QStringLiteral("field_latitude"));
        QTest::keyClicks(latitude, QStringLiteral("51.5"));
        QCOMPARE(doc.competition().latitude.value(), 51.5);
        auto *groups = form.findChild<QLineEdit *>(QStringLiteral("field_age_groups"));
        QTest::keyClicks(groups, QStringLiteral("SEN, U20"));
        QCOMPARE(doc.competition().ageGroups.value(),
                 QStringList({QStringLiteral("SEN"), QStringLiteral("U20")}));
        auto *venue = form.findChild<QLineEdit *>(QStringLiteral("field_venue_id"));
        QTest::keyClicks(venue, QStringLiteral("12x")); // the x is refused by the validator
        QCOMPARE(doc.competition().venueId.value(), 12);
        auto *date = form.findChild<QDateEdit *>(QStringLiteral("field_date"));
        QVERIFY(date->calendarPopup());
        date->setDate(QDate(2026, 5, 16));
        QCOMPARE(doc.competition().date, QDate(2026, 5, 16));
        date->setDate(date->minimumDate()); // blank
        QVERIFY(!doc.competition().date.isValid());
        QTest::keyClick(latitude, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(latitude, Qt::Key_Delete);
        QVERIFY(!doc.competition().latitude.has_value()); // emptied: absent
    }

    void choices()
    {
        Document doc;
        DocumentEditor edit(doc);
        Node *x = edit.append(doc.competition(), ListId::Competitors);
        FieldForm form(edit, *x);
        QComboBox *gender
            = form.addChoice(QLatin1StringView("gender"),
                             {{QStringLiteral("M"), {}}, {QStringLiteral("F"), {}}}, false);
        QComboBox *country = form.addChoice(
            QLatin1StringView("nationality"),
            {{QStringLiteral("GBR"), QStringLiteral("GBR — Great Britain")}}, true);
        gender->setCurrentIndex(2);
        QCOMPARE(static_cast<Competitor *>(x)->gender, QStringLiteral("F"));
        country->setCurrentIndex(0);
        QCOMPARE(static_cast<Competitor *>(x)->nationality,
                 QStringLiteral("GBR")); // the code, not the text
        country->setEditText(QStringLiteral("IRL"));
        QCOMPARE(static_cast<Competitor *>(x)->nationality,
                 QStringLiteral("IRL")); // free text allowed
        doc.undoStack()->undo(); // both changes of the field were one step
        QVERIFY(static_cast<Competitor *>(x)->nationality.isNull());
        QCOMPARE(country->currentText(), QString());
    }

    void rawValuesAndFindingsShow()
    {
        ReadResult r
            = OpenTrackReader::readFile(QStringLiteral(MEETDESK_TEST_DATA "/bad-values.json"));
        Document doc(std::move(r.competition));
        DocumentEditor edit(doc);
        const Result &bad = *doc.competition().events[0]->units[0]->results[2];
        FieldForm form(edit, bad);
        form.addRemainingFields();
        auto *place = form.findChild<QLineEdit *>(QStringLiteral("field_place"));
        QCOMPARE(place->text(), QString());
        QCOMPARE(place->placeholderText(), QStringLiteral("kept as written: \"1st\""));
        form.showFindings(
            {{Finding::Severity::Error, QStringLiteral("events[0].units[0].results[2].place"),
              QStringLiteral("expected a whole number"), &bad}});
        QCOMPARE(place->property("finding").toString(), QStringLiteral("expected a whole number"));
        QVERIFY(form.findChild<QLabel *>(QStringLiteral("findings"))
                    ->text()
                    .contains(QStringLiteral("Place: expected")));
        form.showFindings({});
        QVERIFY(place->property("finding").isNull());
    }

    void transformKeepsTheSlugClean()
    {
        Document doc;
        DocumentEditor edit(doc);
        FieldForm form(edit, doc.competition());
        auto *slug = qobject_cast<QLineEdit *>(form.addField(QLatin1StringView("slug")));
        form.setTransform(QLatin1StringView("slug"),
                          [](const QString &t) { return t.toLower().replace(u' ', u'-'); });
        QTest::keyClicks(slug, QStringLiteral("My Meet"));
        QCOMPARE(slug->text(), QStringLiteral("my-meet"));
        QCOMPARE(doc.competition().slug, QStringLiteral("my-meet"));
    }
};

QTEST_MAIN(TestFieldForm)
#include "tst_fieldform.moc"

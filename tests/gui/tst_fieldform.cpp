#include "editors/datefield.h"
#include "editors/fieldform.h"
#include "format/opentrackreader.h"

#include <QApplication>
#include <QCalendarWidget>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QTest>
#include <QToolButton>

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
        QTest::keyClick(latitude, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(latitude, Qt::Key_Delete);
        QVERIFY(!doc.competition().latitude.has_value()); // emptied: absent
    }

    void datesAreTypedAndTakenWhenLeft()
    {
        QLocale::setDefault(QLocale(QStringLiteral("en_GB")));
        Document doc;
        DocumentEditor edit(doc);
        FieldForm form(edit, doc.competition());
        form.addField(QLatin1StringView("date"));
        form.addField(QLatin1StringView("finish_date"));
        auto *address = form.addField(QLatin1StringView("address"));
        form.show();
        form.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&form));
        const Competition &c = doc.competition();
        auto *start = form.findChild<DateField *>(QStringLiteral("field_date"));
        auto *finish = form.findChild<DateField *>(QStringLiteral("field_finish_date"));

        // ISO into the empty field, then Tab: taken, one undo step, on to the next field.
        start->setFocus();
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("2026-07-11"));
        QVERIFY(!c.date.isValid()); // not while typing
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(c.date, QDate(2026, 7, 11));
        QCOMPARE(doc.undoStack()->count(), 1);
        QCOMPARE(QApplication::focusWidget(), finish->lineEdit());

        // The finish date's calendar opens at the competition's date.
        QTest::mouseClick(finish->calendarButton(), Qt::LeftButton);
        QVERIFY(finish->calendar());
        QCOMPARE(finish->calendar()->selectedDate(), QDate(2026, 7, 11));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);

        // The local way of writing it, shown back as the file writes it.
        finish->setFocus();
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("12/07/2026"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(c.finishDate, QDate(2026, 7, 12));
        QCOMPARE(finish->text(), QStringLiteral("2026-07-12"));
        QCOMPARE(QApplication::focusWidget(), address);

        // Not a date: kept as typed, marked, the date in the document untouched.
        finish->setFocus();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("31/02/2026"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(c.finishDate, QDate(2026, 7, 12));
        QCOMPARE(finish->text(), QStringLiteral("31/02/2026"));
        const QString message = form.inputError(QLatin1StringView("finish_date"));
        QVERIFY2(message.startsWith(QStringLiteral("\"31/02/2026\" is not a date: type it as ")),
                 qPrintable(message));
        QVERIFY(form.findChild<QLabel *>(QStringLiteral("findings"))
                    ->text()
                    .contains(QStringLiteral("Finish date: &quot;31/02/2026&quot; is not a date")));

        // Cleared: no date (and the field's changes, merged, come to nothing). Undo shows.
        finish->setFocus();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Delete);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QVERIFY(!c.finishDate.isValid());
        QVERIFY(form.inputError(QLatin1StringView("finish_date")).isEmpty());
        QCOMPARE(doc.undoStack()->count(), 1);
        doc.undoStack()->undo();
        QVERIFY(!c.date.isValid());
        QCOMPARE(start->text(), QString());
        doc.undoStack()->redo();
        QCOMPARE(start->text(), QStringLiteral("2026-07-11"));
        QLocale::setDefault(QLocale::c());
    }

    void aDateKeptAsWrittenIsNotLostByLeavingIt()
    {
        ReadResult r
            = OpenTrackReader::readFile(QStringLiteral(MEETDESK_TEST_DATA "/bad-values.json"));
        Document doc(std::move(r.competition));
        DocumentEditor edit(doc);
        FieldForm form(edit, doc.competition());
        auto *date = qobject_cast<DateField *>(form.addField(QLatin1StringView("date")));
        auto *next = form.addField(QLatin1StringView("address"));
        form.show();
        form.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&form));
        QCOMPARE(date->text(), QString());
        QCOMPARE(date->lineEdit()->placeholderText(),
                 QStringLiteral("kept as written: \"16/05/2026\""));
        date->setFocus();
        next->setFocus(); // passing through changes nothing
        form.commitPending(); // nor does saving
        QCOMPARE(doc.undoStack()->count(), 0);
        QVERIFY(fields::rawIndex(doc.competition(),
                                 fields::indexOf(NodeKind::Competition, QLatin1StringView("date")))
                >= 0);
        // Typed over, it is taken.
        date->setFocus();
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("2026-05-16"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(doc.competition().date, QDate(2026, 5, 16));
    }

    void applyOnLeaveTakesTheFieldWithItsVerb()
    {
        Document doc;
        DocumentEditor edit(doc);
        const Node *x = edit.append(doc.competition(), ListId::Competitors);
        FieldForm form(edit, *x);
        auto *bib = qobject_cast<QLineEdit *>(form.addField(QLatin1StringView("competitor_id")));
        auto *name = form.addField(QLatin1StringView("first_name"));
        QStringList applied;
        form.setApplyOnLeave(
            QLatin1StringView("competitor_id"), [&](const QString &text) -> std::optional<Refusal> {
                applied.append(text);
                if (text == u"0")
                    return Refusal {QLatin1StringView("competitor_id"), QStringLiteral("not zero")};
                edit.setValue(*x, QLatin1StringView("competitor_id"), text);
                return std::nullopt;
            });
        form.show();
        form.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&form));
        bib->setFocus();
        QTest::keyClicks(bib, QStringLiteral("101"));
        QVERIFY(applied.isEmpty()); // nothing per keystroke
        name->setFocus(); // leaving by the mouse or Tab alike
        QCOMPARE(applied, QStringList({QStringLiteral("101")}));
        QCOMPARE(static_cast<const Competitor *>(x)->competitorId, QStringLiteral("101"));
        bib->setFocus();
        bib->selectAll();
        QTest::keyClicks(bib, QStringLiteral("0"));
        QTest::keyClick(bib, Qt::Key_Return);
        QCOMPARE(form.inputError(QLatin1StringView("competitor_id")), QStringLiteral("not zero"));
        QCOMPARE(bib->property("inputError").toString(), QStringLiteral("not zero"));
        QCOMPARE(bib->text(), QStringLiteral("0"));
        QCOMPARE(static_cast<const Competitor *>(x)->competitorId, QStringLiteral("101"));
        // commitPending takes what waits, as Save does.
        bib->selectAll();
        QTest::keyClicks(bib, QStringLiteral("102"));
        form.commitPending();
        QCOMPARE(static_cast<const Competitor *>(x)->competitorId, QStringLiteral("102"));
        QVERIFY(form.inputError(QLatin1StringView("competitor_id")).isEmpty());
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

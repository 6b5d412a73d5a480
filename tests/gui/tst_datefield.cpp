#include "editors/datefield.h"

#include <QApplication>
#include <QCalendarWidget>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <QVBoxLayout>

using namespace meetdesk;

namespace {

// A date field with another field after it, as in a form.
struct Form
{
    QWidget window;
    DateField *date = new DateField(&window);
    QLineEdit *next = new QLineEdit(&window);

    Form()
    {
        auto *layout = new QVBoxLayout(&window);
        layout->addWidget(date);
        layout->addWidget(next);
        window.show();
        window.activateWindow();
    }
};

} // namespace

class TestDateField : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { QLocale::setDefault(QLocale::c()); }

    void parse_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("isDate");
        QTest::addColumn<QDate>("date");
        const QDate july11(2026, 7, 11);
        QTest::newRow("ISO") << "en_GB"
                             << "2026-07-11" << true << july11;
        QTest::newRow("ISO, one digit") << "de_DE"
                                        << " 2026-7-9 " << true << QDate(2026, 7, 9);
        QTest::newRow("UK") << "en_GB"
                            << "11/07/2026" << true << july11;
        QTest::newRow("UK, one digit") << "en_GB"
                                       << "1/7/2026" << true << QDate(2026, 7, 1);
        QTest::newRow("German") << "de_DE"
                                << "11.07.2026" << true << july11;
        QTest::newRow("US") << "en_US"
                            << "7/11/2026" << true << july11;
        QTest::newRow("empty: no date") << "en_GB"
                                        << "  " << true << QDate();
        QTest::newRow("two-digit year") << "en_GB"
                                        << "11/07/26" << false << QDate();
        QTest::newRow("no such day") << "en_GB"
                                     << "2026-02-30" << false << QDate();
        QTest::newRow("UK order in the US") << "en_US"
                                            << "31/07/2026" << false << QDate();
        QTest::newRow("words") << "en_GB"
                               << "next Tuesday" << false << QDate();
    }
    void parse()
    {
        QFETCH(QString, locale);
        QFETCH(QString, text);
        QFETCH(bool, isDate);
        QFETCH(QDate, date);
        const std::optional<QDate> parsed = DateField::parse(text, QLocale(locale));
        QCOMPARE(parsed.has_value(), isDate);
        if (isDate)
            QCOMPARE(*parsed, date);
    }

    void localFormatHasTheYearInFull()
    {
        QCOMPARE(DateField::localFormat(QLocale(QStringLiteral("de_DE"))),
                 QStringLiteral("dd.MM.yyyy"));
        QCOMPARE(DateField::localFormat(QLocale(QStringLiteral("en_GB"))),
                 QStringLiteral("dd/MM/yyyy"));
    }

    void typedIntoAnEmptyFieldAndTabLeaves()
    {
        QLocale::setDefault(QLocale(QStringLiteral("en_GB")));
        Form f;
        QVERIFY(QTest::qWaitForWindowActive(&f.window));
        QSignalSpy edited(f.date, &DateField::edited);
        f.date->setFocus();
        QCOMPARE(QApplication::focusWidget(), f.date->lineEdit());
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("2026-07-11"));
        QCOMPARE(f.date->text(), QStringLiteral("2026-07-11")); // nothing garbled
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), f.next); // Tab left the field
        QCOMPARE(edited.count(), 1);
        // Back with Shift+Tab, a local date over it.
        QTest::keyClick(f.next, Qt::Key_Tab, Qt::ShiftModifier);
        QCOMPARE(QApplication::focusWidget(), f.date->lineEdit());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("12/07/2026"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QCOMPARE(edited.count(), 2);
        QCOMPARE(DateField::parse(f.date->text()).value_or(QDate()), QDate(2026, 7, 12));
    }

    void calendarOpensAtTheFallbackThenAtTheDate()
    {
        Form f;
        QVERIFY(QTest::qWaitForWindowActive(&f.window));
        f.date->setFallbackDate([] { return QDate(2026, 5, 16); });
        QSignalSpy edited(f.date, &DateField::edited);
        QTest::mouseClick(f.date->calendarButton(), Qt::LeftButton);
        QCalendarWidget *calendar = f.date->calendar();
        QVERIFY(calendar);
        QCOMPARE(calendar->selectedDate(), QDate(2026, 5, 16)); // the competition's day
        QCOMPARE(calendar->monthShown(), 5);
        // A day later, from the keyboard.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Right);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QVERIFY(!f.date->calendar());
        QCOMPARE(f.date->text(), QStringLiteral("2026-05-17"));
        QCOMPARE(edited.count(), 1);
        QCOMPARE(QApplication::focusWidget(), f.date->lineEdit());
        // Alt+Down opens it again, at the date the field holds; Escape closes it.
        QTest::keyClick(f.date->lineEdit(), Qt::Key_Down, Qt::AltModifier);
        QVERIFY(f.date->calendar());
        QCOMPARE(f.date->calendar()->selectedDate(), QDate(2026, 5, 17));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QVERIFY(!f.date->calendar());
        QCOMPARE(f.date->text(), QStringLiteral("2026-05-17"));
    }

    void calendarOpensAtTodayWithoutAFallback()
    {
        Form f;
        QVERIFY(QTest::qWaitForWindowActive(&f.window));
        QTest::mouseClick(f.date->calendarButton(), Qt::LeftButton);
        QVERIFY(f.date->calendar());
        QCOMPARE(f.date->calendar()->selectedDate(), QDate::currentDate());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    }
};

QTEST_MAIN(TestDateField)
#include "tst_datefield.moc"

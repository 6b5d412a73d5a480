#include "model/document.h"
#include "print/printchooser.h"
#include "settings.h"
#include "testdata.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace meetdesk;

namespace {

QRadioButton *button(PrintChooser &chooser, const char *name)
{
    return chooser.findChild<QRadioButton *>(QLatin1StringView(name));
}

// Shows the chooser and waits until it has the keyboard, as it has when it opens.
bool showActive(PrintChooser &chooser)
{
    chooser.show();
    chooser.activateWindow();
    return QTest::qWaitForWindowActive(&chooser);
}

const Event &eventNamed(const Competition &c, const QString &id)
{
    for (const auto &e : c.events) {
        if (e->eventId == id)
            return *e;
    }
    qFatal("no event %s", qPrintable(id));
}

} // namespace

class TestPrintChooser : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    std::unique_ptr<Document> m_sample = testdata::loadDocument();
    std::unique_ptr<Document> m_cases
        = testdata::loadDocument(testdata::fixturePath(QStringLiteral("print-cases.json")));

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("MeetdeskTest"));
        QCoreApplication::setApplicationName(QStringLiteral("chooser-test"));
    }

    void theSelectedEventWithResults()
    {
        const Competition &c = m_sample->competition();
        const Event &hj = eventNamed(c, QStringLiteral("F02"));
        PrintChooser chooser(c, hj.units[0]->results[0].get(), QStringLiteral("Preview"));
        QCOMPARE(PrintChooser::eventOf(hj.units[0]->results[0].get()), &hj);
        QVERIFY(button(chooser, "thisEvent")->isChecked());
        QVERIFY(button(chooser, "thisEvent")->text().contains(QStringLiteral("F02 High Jump Men")));
        QVERIFY(button(chooser, "results")->isChecked()); // it has been jumped
        const ReportRequest r = chooser.request();
        QCOMPARE(r.content, ReportRequest::Content::Results);
        QCOMPARE(r.scope, ReportRequest::Scope::Events);
        QCOMPARE(r.event, QStringLiteral("F02"));
        QCOMPARE(chooser.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->text(),
                 QStringLiteral("Preview"));
    }

    void anEventNotRunYetStartsWithItsStartList()
    {
        const Competition &c = m_cases->competition();
        const Event &hurdles = eventNamed(c, QStringLiteral("E6"));
        PrintChooser chooser(c, hurdles.units[0].get(), QStringLiteral("Print..."));
        QVERIFY(button(chooser, "startLists")->isChecked());
        // The day is the heat's (2), not its event's (1).
        QCOMPARE(chooser.findChild<QComboBox *>(QStringLiteral("days"))->currentText(),
                 QStringLiteral("2"));
        QVERIFY(showActive(chooser));
        QTest::keyClick(&chooser, Qt::Key_D, Qt::AltModifier);
        QTRY_VERIFY(button(chooser, "day")->isChecked());
        QTest::keyClick(&chooser, Qt::Key_O, Qt::AltModifier);
        QTRY_VERIFY(button(chooser, "both")->isChecked());
        const ReportRequest r = chooser.request();
        QCOMPARE(r.content, ReportRequest::Content::Both);
        QCOMPARE(r.scope, ReportRequest::Scope::Day);
        QCOMPARE(r.day, 2);
    }

    void nothingSelectedMeansTheWholeMeet()
    {
        const Competition &c = m_cases->competition();
        PrintChooser chooser(c, &c, QStringLiteral("Export PDF..."));
        QVERIFY(!button(chooser, "thisEvent")->isEnabled());
        QVERIFY(button(chooser, "wholeMeet")->isChecked());
        QCOMPARE(chooser.request().scope, ReportRequest::Scope::Meet);
        auto *days = chooser.findChild<QComboBox *>(QStringLiteral("days"));
        QCOMPARE(days->count(), 2);
        // Choosing a day in the list chooses the day.
        QVERIFY(showActive(chooser));
        days->setFocus();
        QTest::keyClick(days, Qt::Key_Down);
        QCOMPARE(days->currentText(), QStringLiteral("2"));
        QVERIFY(button(chooser, "day")->isChecked());
        QCOMPARE(chooser.request().scope, ReportRequest::Scope::Day);
        QCOMPARE(chooser.request().day, 2);
    }

    void thePaperIsRememberedOnlyWhenAccepted()
    {
        Settings::setPaperSize(QPageSize::A4);
        const Competition &c = m_sample->competition();
        {
            PrintChooser chooser(c, &c, QStringLiteral("Preview"));
            QVERIFY(showActive(chooser));
            QTest::keyClick(&chooser, Qt::Key_P, Qt::AltModifier);
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_L);
            QCOMPARE(chooser.paper(), QPageSize::Letter);
            QTest::keyClick(&chooser, Qt::Key_Escape);
            QCOMPARE(chooser.result(), int(QDialog::Rejected));
        }
        QCOMPARE(Settings::paperSize(), QPageSize::A4);
        PrintChooser chooser(c, &c, QStringLiteral("Preview"));
        QVERIFY(showActive(chooser));
        QTest::keyClick(&chooser, Qt::Key_P, Qt::AltModifier);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_L);
        QTest::keyClick(&chooser, Qt::Key_Return);
        QCOMPARE(chooser.result(), int(QDialog::Accepted));
        QCOMPARE(Settings::paperSize(), QPageSize::Letter);
        PrintChooser again(c, &c, QStringLiteral("Preview"));
        QCOMPARE(again.paper(), QPageSize::Letter);
    }
};

QTEST_MAIN(TestPrintChooser)
#include "tst_printchooser.moc"

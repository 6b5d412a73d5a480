// Printing from the real main window, offscreen, with the keyboard: File > Print Preview,
// Print and Export PDF, through the chooser and Qt's own dialogs.
#include "mainwindow.h"
#include "model/document.h"
#include "prompts.h"
#include "settings.h"
#include "support/pdftext.h"
#include "support/windowtesting.h"
#include "testdata.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLineEdit>
#include <QMenu>
#include <QPrintPreviewWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace meetdesk;
using windowtesting::fromFileMenu;
using windowtesting::screenshot;
using windowtesting::shown;

namespace {

// Waits for the print preview, saves a screenshot, closes it with Escape: the pages it showed.
int previewedPages(MainWindow &w, const QString &screenshotName)
{
    auto *preview = shown(w, "printPreview");
    if (!preview)
        return 0;
    auto *pages = preview->findChild<QPrintPreviewWidget *>();
    if (!QTest::qWaitFor([&] { return pages->pageCount() > 0; }))
        return 0;
    const int count = pages->pageCount();
    screenshot(preview, screenshotName);
    QTest::keyClick(preview, Qt::Key_Escape);
    const bool closed
        = QTest::qWaitFor([&] { return !w.findChild<QDialog *>(QStringLiteral("printPreview")); });
    return closed ? count : 0;
}

const Event &eventNamed(const Competition &c, const QString &id)
{
    for (const auto &e : c.events) {
        if (e->eventId == id)
            return *e;
    }
    qFatal("no event %s", qPrintable(id));
}

QString nameOf(const Competition &c, const QString &bib)
{
    for (const auto &x : c.competitors) {
        if (x->competitorId == bib)
            return x->firstName + u' ' + x->lastName;
    }
    return {};
}

} // namespace

class TestPrintFlow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

    // The main window on a copy of the sample meet, shown and active.
    std::unique_ptr<MainWindow> openSample()
    {
        return windowtesting::openCopy(testdata::samplePath(),
                                       m_home.filePath(QStringLiteral("meet.json")));
    }

private Q_SLOTS:
    void initTestCase()
    {
        windowtesting::isolate(m_home, QStringLiteral("print-test"));
        const QString missing = pdftext::missingTools();
        QVERIFY2(missing.isEmpty(), qPrintable(missing));
    }

    void init() { Settings::setPaperSize(QPageSize::A4); }

    // The high jump selected in the tree: preview its results, then export the same as PDF.
    void previewAndExportTheSelectedEvent()
    {
        auto window = openSample();
        const Competition &c = window->document()->competition();
        const Event &hj = eventNamed(c, QStringLiteral("F02"));
        window->selectNode(hj.units[0].get());

        QVERIFY(fromFileMenu(*window, Qt::Key_V)); // Print Pre&view...
        auto *chooser = shown(*window, "printChooser");
        QVERIFY(chooser);
        QVERIFY(chooser->findChild<QRadioButton *>(QStringLiteral("thisEvent"))->isChecked());
        QVERIFY(chooser->findChild<QRadioButton *>(QStringLiteral("results"))->isChecked());
        screenshot(chooser, QStringLiteral("print-chooser"));
        QTest::keyClick(chooser, Qt::Key_Return);

        const int previewed = previewedPages(*window, QStringLiteral("print-preview-high-jump"));
        QVERIFY(previewed > 0);

        const QString pdf = m_home.filePath(QStringLiteral("high-jump.pdf"));
        Prompts::setNextFileName(pdf);
        QVERIFY(fromFileMenu(*window, Qt::Key_X)); // E&xport PDF...
        chooser = shown(*window, "printChooser");
        QVERIFY(chooser);
        QTest::keyClick(chooser, Qt::Key_Return);
        QTRY_VERIFY(QFile::exists(pdf));
        QCOMPARE(pdftext::pageCount(pdf), previewed);
        const QString text = pdftext::text(pdf);
        QVERIFY(text.contains(QStringLiteral("High Jump Men (F02) – Results")));
        for (const auto &r : hj.units[0]->results)
            QVERIFY2(text.contains(nameOf(c, r->bib)), qPrintable(r->bib));
        QVERIFY(!text.contains(QStringLiteral("Start list")));
        QVERIFY(!text.contains(QStringLiteral("(T01)")));
        QVERIFY(window->statusBar()->currentMessage().contains(pdf));
    }

    // Both, for the whole meet, on Letter: every choice made with the keyboard.
    void theWholeMeetOnLetter()
    {
        auto window = openSample();
        QVERIFY(fromFileMenu(*window, Qt::Key_V));
        auto *chooser = shown(*window, "printChooser");
        QVERIFY(chooser);
        QVERIFY(chooser->findChild<QRadioButton *>(QStringLiteral("wholeMeet"))->isChecked());
        QTest::keyClick(chooser, Qt::Key_O, Qt::AltModifier); // B&oth
        QTRY_VERIFY(chooser->findChild<QRadioButton *>(QStringLiteral("both"))->isChecked());
        QTest::keyClick(chooser, Qt::Key_P, Qt::AltModifier); // &Paper
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_L);
        QCOMPARE(chooser->findChild<QComboBox *>(QStringLiteral("paper"))->currentText(),
                 QStringLiteral("Letter"));
        QTest::keyClick(chooser, Qt::Key_Return);
        const int previewed = previewedPages(*window, QStringLiteral("print-preview-whole-meet"));
        QVERIFY(previewed > 1);
        QCOMPARE(Settings::paperSize(), QPageSize::Letter); // remembered

        const QString pdf = m_home.filePath(QStringLiteral("meet.pdf"));
        Prompts::setNextFileName(pdf);
        QVERIFY(fromFileMenu(*window, Qt::Key_X));
        chooser = shown(*window, "printChooser");
        QVERIFY(chooser);
        QCOMPARE(chooser->findChild<QComboBox *>(QStringLiteral("paper"))->currentText(),
                 QStringLiteral("Letter"));
        QTest::keyClick(chooser, Qt::Key_O, Qt::AltModifier);
        QTRY_VERIFY(chooser->findChild<QRadioButton *>(QStringLiteral("both"))->isChecked());
        QTest::keyClick(chooser, Qt::Key_Return);
        QTRY_VERIFY(QFile::exists(pdf));
        QCOMPARE(pdftext::pageCount(pdf), previewed);
        QCOMPARE(pdftext::info(pdf, QStringLiteral("Page size")),
                 QStringLiteral("612 x 792 pts (letter)"));
        const QString text = pdftext::text(pdf);
        for (const auto &e : window->document()->competition().events) {
            QVERIFY2(text.contains(QStringLiteral("(%1) – Start list").arg(e->eventId)),
                     qPrintable(e->eventId));
            QVERIFY2(text.contains(QStringLiteral("(%1) – Results").arg(e->eventId)),
                     qPrintable(e->eventId));
        }
    }

    // Print... (Ctrl+P): the day's results through Qt's print dialog, to its PDF printer.
    void printTheDayThroughThePrintDialog()
    {
        auto window = openSample();
        const Competition &c = window->document()->competition();
        window->selectNode(eventNamed(c, QStringLiteral("T01")).units[0].get());
        QTest::keySequence(window.get(), QKeySequence::Print);
        auto *chooser = shown(*window, "printChooser");
        QVERIFY(chooser);
        QTest::keyClick(chooser, Qt::Key_D, Qt::AltModifier); // &Day: the event's, 1
        QTRY_VERIFY(chooser->findChild<QRadioButton *>(QStringLiteral("day"))->isChecked());
        QTest::keyClick(chooser, Qt::Key_R, Qt::AltModifier); // &Results
        QTRY_VERIFY(chooser->findChild<QRadioButton *>(QStringLiteral("results"))->isChecked());
        QCOMPARE(chooser->findChild<QComboBox *>(QStringLiteral("days"))->currentText(),
                 QStringLiteral("1"));
        QTest::keyClick(chooser, Qt::Key_Return);

        auto *dialog = shown(*window, "printDialog");
        QVERIFY(dialog);
        auto *printers = dialog->findChild<QComboBox *>(QStringLiteral("printers"));
        printers->setFocus();
        QTest::keyClick(printers, Qt::Key_End); // "Print to File (PDF)" comes last
        QVERIFY2(printers->currentText().contains(QStringLiteral("PDF")),
                 qPrintable(printers->currentText()));
        const QString pdf = m_home.filePath(QStringLiteral("printed.pdf"));
        auto *file = dialog->findChild<QLineEdit *>(QStringLiteral("filename"));
        file->setFocus();
        file->selectAll();
        QTest::keyClicks(file, pdf);
        screenshot(dialog, QStringLiteral("print-dialog"));
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
        QTRY_VERIFY(QFile::exists(pdf));
        const QString text = pdftext::text(pdf);
        QVERIFY(text.contains(QStringLiteral("Results · Day 1")));
        QVERIFY(!text.contains(QStringLiteral("Start list")));
        for (const auto &e : c.events)
            QVERIFY(text.contains(QStringLiteral("(%1) – Results").arg(e->eventId)));
        QTRY_VERIFY(window->statusBar()->currentMessage().startsWith(QStringLiteral("Sent ")));
    }

    // A PDF never replaces the competition (a slip in the file dialog).
    void exportLeavesTheCompetitionAlone()
    {
        auto window = openSample();
        const QString file = window->document()->filePath();
        QFile original(file);
        QVERIFY(original.open(QIODevice::ReadOnly));
        const QByteArray before = original.readAll();
        original.close();
        Prompts::takeWarnings();
        Prompts::setNextFileName(file);
        QVERIFY(fromFileMenu(*window, Qt::Key_X));
        auto *chooser = shown(*window, "printChooser");
        QVERIFY(chooser);
        QTest::keyClick(chooser, Qt::Key_Return);
        QTRY_VERIFY(!window->findChild<QDialog *>(QStringLiteral("printChooser")));
        const QStringList warnings = Prompts::takeWarnings();
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings[0].contains(file) && warnings[0].contains(QStringLiteral("not a PDF")),
                 qPrintable(warnings[0]));
        QVERIFY(original.open(QIODevice::ReadOnly));
        QCOMPARE(original.readAll(), before);
    }

    // Cancel in the chooser prints nothing.
    void cancelPrintsNothing()
    {
        auto window = openSample();
        const QString pdf = m_home.filePath(QStringLiteral("never.pdf"));
        Prompts::setNextFileName(pdf);
        QVERIFY(fromFileMenu(*window, Qt::Key_X));
        auto *chooser = shown(*window, "printChooser");
        QVERIFY(chooser);
        QTest::keyClick(chooser, Qt::Key_Escape);
        QTRY_VERIFY(!window->findChild<QDialog *>(QStringLiteral("printChooser")));
        QVERIFY(!QFile::exists(pdf));
    }
};

QTEST_MAIN(TestPrintFlow)
#include "tst_printflow.moc"

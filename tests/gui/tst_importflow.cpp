// How an import starts in the real main window: File > Import entries... (the file chosen
// through the Prompts seam, or not), and an entries file dropped on the window.
#include "import/importflow.h"
#include "mainwindow.h"
#include "model/document.h"
#include "prompts.h"
#include "support/windowtesting.h"
#include "testdata.h"

#include <QAbstractButton>
#include <QMimeData>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QWizard>

using namespace meetdesk;
using windowtesting::fromFileMenu;
using windowtesting::shown;

namespace {

// A file dragged from a file manager and dropped on the window, as the platform delivers it.
void drop(QWidget &window, const QString &path)
{
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(path)});
    const QPoint at = window.rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &enter);
    QDropEvent dropped(QPointF(at), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &dropped);
}

} // namespace

class TestImportFlow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

    // The main window on a copy of the entries tests' meet.
    std::unique_ptr<MainWindow> openMeet()
    {
        return windowtesting::openCopy(testdata::fixturePath(QStringLiteral("entries/meet.json")),
                                       m_home.filePath(QStringLiteral("meet.json")));
    }

private Q_SLOTS:
    void initTestCase() { windowtesting::isolate(m_home, QStringLiteral("import-flow-test")); }

    void entriesFilesByName_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("entries");
        QTest::newRow("csv") << QString("/x/entries.csv") << true;
        QTest::newRow("upper case") << QString("ENTRIES.CSV") << true;
        QTest::newRow("tsv") << QString("entries.tsv") << true;
        QTest::newRow("text") << QString("entries-utf16.txt") << true;
        QTest::newRow("workbook") << QString("entries.xlsx") << true;
        QTest::newRow("competition") << QString("meet.json") << false;
        QTest::newRow("finishlynx") << QString("011-1-1.lif") << false;
        QTest::newRow("no suffix") << QString("entries") << false;
    }
    void entriesFilesByName()
    {
        QFETCH(QString, path);
        QFETCH(bool, entries);
        QCOMPARE(ImportFlow::isEntriesFile(path), entries);
    }

    // The file dialog cancelled: no wizard, nothing changed.
    void noFileNoWizard()
    {
        auto window = openMeet();
        Prompts::setNextFileName(QString());
        QVERIFY(fromFileMenu(*window, Qt::Key_I));
        QTest::qWait(200);
        QVERIFY(!window->findChild<QWizard *>());
        QVERIFY(!window->document()->isModified());
    }

    // An entries file dropped on the window goes into the open competition (a competition
    // file dropped is opened instead); the status bar says what the import did.
    void aDroppedEntriesFileIsImported()
    {
        auto window = openMeet();
        const Document *before = window->document();
        drop(*window, testdata::fixturePath(QStringLiteral("entries/entries-300.xlsx")));
        QWizard *wizard = shown<QWizard>(*window, "importWizard");
        QVERIFY(wizard);
        QCOMPARE(window->document(), before);
        for (const auto button : {QWizard::NextButton, QWizard::NextButton, QWizard::NextButton,
                                  QWizard::CommitButton}) {
            const int page = wizard->currentId();
            QTest::mouseClick(wizard->button(button), Qt::LeftButton);
            QTRY_VERIFY(wizard->currentId() != page);
        }
        QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
        QTRY_VERIFY(!window->findChild<QWizard *>());
        QVERIFY(window->statusBar()->currentMessage().startsWith(
            QStringLiteral("Competitors created: 287, changed: 5. Teams created: 3.")));
        QCOMPARE(window->document()->competition().competitors.size(), size_t(292));

        // One wizard at a time: a second drop while one is open does not open another.
        drop(*window, testdata::fixturePath(QStringLiteral("entries/entries-300.csv")));
        wizard = shown<QWizard>(*window, "importWizard");
        QVERIFY(wizard);
        drop(*window, testdata::fixturePath(QStringLiteral("entries/entries-300.csv")));
        QCOMPARE(window->findChildren<QWizard *>().size(), 1);
        QTest::mouseClick(wizard->button(QWizard::CancelButton), Qt::LeftButton);
        QTRY_VERIFY(!window->findChild<QWizard *>());
    }
};

QTEST_MAIN(TestImportFlow)
#include "tst_importflow.moc"

// The photo-finish folder watch through the real main window: a .lif written into the watched
// folder is offered for review, applied as one undo step, and not offered again.
#include "edit/documenteditor.h"
#include "import/lifwatch.h"
#include "import/photofinishflow.h"
#include "mainwindow.h"
#include "model/competition.h"
#include "model/document.h"
#include "settings.h"
#include "support/windowtesting.h"
#include "testdata.h"

#include <QAction>
#include <QCheckBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QUndoStack>

using namespace meetdesk;
using windowtesting::screenshot;

namespace {

QStringList resultsOf(const Unit &unit)
{
    QStringList rows;
    for (const auto &r : unit.results)
        rows << QStringLiteral("%1 %2 %3 %4")
                    .arg(r->bib, r->place ? QString::number(*r->place) : QStringLiteral("-"),
                         r->performance.isEmpty() ? QStringLiteral("-") : r->performance,
                         r->wind.isEmpty() ? QStringLiteral("-") : r->wind);
    return rows;
}

void write(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
}

PhotoFinishReview *waitForReview(MainWindow &w, qint64 *ms = nullptr)
{
    QElapsedTimer clock;
    clock.start();
    PhotoFinishReview *found = nullptr;
    const bool shown = QTest::qWaitFor(
        [&] {
            const auto open = w.photoFinish()->reviews();
            found = open.isEmpty() ? nullptr : open.first();
            return found && found->isVisible();
        },
        5000);
    if (ms)
        *ms = clock.elapsed();
    return shown ? found : nullptr;
}

QStringList column(QTreeWidget *tree, int c)
{
    QStringList texts;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        texts << tree->topLevelItem(i)->text(c);
    return texts;
}

} // namespace

class TestPhotoFinishFlow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

private Q_SLOTS:
    void initTestCase() { windowtesting::isolate(m_home, QStringLiteral("photofinish-test")); }
    void init()
    {
        // Settings outlive a run (test mode keeps them in the test's own place): start afresh.
        Settings::setAppliedLifFiles({});
        Settings::setPhotoFinishFolder(QString());
    }

    void aLifWrittenIsReviewedAppliedAndUndone()
    {
        QTemporaryDir folder;
        auto window = windowtesting::openCopy(m_home, testdata::fixturePath("lynx/meet.json"));
        const Unit &heat = *window->document()->competition().events[0]->units[0];
        const QStringList before = resultsOf(heat);

        // File > Watch photo-finish folder..., the folder chosen.
        Prompts::setNextFileName(folder.path());
        QVERIFY(windowtesting::fromFileMenu(*window, Qt::Key_W));
        QTRY_COMPARE(window->photoFinish()->watch()->folder(), folder.path());
        QCOMPARE(Settings::photoFinishFolder(), folder.path());

        write(folder.filePath(QStringLiteral("011-1-1.lif")),
              testdata::fixture(QStringLiteral("lynx/011-1-1.lif")));
        qint64 ms = 0;
        PhotoFinishReview *review = waitForReview(*window, &ms);
        QVERIFY2(review, "no review within 5 s of the file being written");
        qInfo("review shown %lld ms after the file was written", ms);
        QVERIFY(!review->isModal());
        QCOMPARE(review->findChild<QLabel *>(QStringLiteral("lifHeat"))->text(),
                 QStringLiteral("100m Men, round 1, heat 1 (011-1-1.lif)"));
        auto *rows = review->findChild<QTreeWidget *>(QStringLiteral("lifRows"));
        QCOMPARE(column(rows, 1), QStringList({"1", "3", "2", "4", "5"}));
        QCOMPARE(column(rows, 3), QStringList({"10.65", "10.71", "10.89", "10.89", "DNF"}));
        QVERIFY(column(rows, 2).contains(QStringLiteral("Tom Adeyemi")));
        auto *official = review->findChild<QCheckBox *>(QStringLiteral("markOfficial"));
        QVERIFY(official->isChecked()); // a clean file: official by default
        screenshot(review, QStringLiteral("photofinish-review-clean"));

        QTest::mouseClick(review->findChild<QPushButton *>(QStringLiteral("applyLif")),
                          Qt::LeftButton);
        QTRY_VERIFY(window->photoFinish()->reviews().isEmpty());
        QCOMPARE(resultsOf(heat),
                 QStringList({"1 1 10.65 +1.2", "2 3 10.89 +1.2", "3 2 10.71 +1.2",
                              "4 3 10.89 +1.2", "5 - DNF +1.2"}));
        QCOMPARE(heat.resultsStatus, QStringLiteral("official"));
        QUndoStack *undo = window->document()->undoStack();
        QCOMPARE(undo->undoText(),
                 QStringLiteral("Official results of 100m Men, round 1, heat 1 "
                                "from 011-1-1.lif"));
        screenshot(*window, QStringLiteral("photofinish-applied"));

        // Edit > Undo: the heat as it was, in one step.
        window->findChild<QAction *>(QStringLiteral("undoAction"))->trigger();
        QCOMPARE(resultsOf(heat), before);
        QVERIFY(heat.resultsStatus != QStringLiteral("official"));

        // Applied: not offered again while it stays the same, nor after a restart.
        QTest::qWait(LifWatch::rescanMs * 2);
        QVERIFY(window->photoFinish()->reviews().isEmpty());
        QCOMPARE(Settings::appliedLifFiles().value(QStringLiteral("011-1-1.lif")),
                 LifWatch::hashOf(testdata::fixture(QStringLiteral("lynx/011-1-1.lif"))));
    }

    void heldRowsAreShownAndNotAppliedUnlessTicked()
    {
        QTemporaryDir folder;
        auto window = windowtesting::openCopy(m_home, testdata::fixturePath("lynx/meet.json"));
        const Unit &heat = *window->document()->competition().events[0]->units[1];
        QVERIFY(window->photoFinish()->watchFolder(folder.path()));
        write(folder.filePath(QStringLiteral("011-1-2.lif")),
              testdata::fixture(QStringLiteral("lynx/011-1-2.lif")));
        PhotoFinishReview *review = waitForReview(*window);
        QVERIFY(review);
        auto *rows = review->findChild<QTreeWidget *>(QStringLiteral("lifRows"));
        const QStringList status = column(rows, 5);
        QCOMPARE(status.filter(QStringLiteral("held: ")).size(), 3);
        QVERIFY(status.contains(QStringLiteral("held: bib 99 is not in the meet")));
        auto *held = rows->findItems(QStringLiteral("99"), Qt::MatchExactly, 1).value(0);
        QVERIFY(held);
        QVERIFY(held->background(0).color() != rows->topLevelItem(0)->background(0).color());
        auto *accept = review->findChild<QCheckBox *>(QStringLiteral("acceptHeld"));
        QVERIFY(accept->isVisible());
        QVERIFY(!accept->isChecked());
        QVERIFY(!review->findChild<QCheckBox *>(QStringLiteral("markOfficial"))->isChecked());
        screenshot(review, QStringLiteral("photofinish-review-held"));

        QTest::mouseClick(review->findChild<QPushButton *>(QStringLiteral("applyLif")),
                          Qt::LeftButton);
        QTRY_VERIFY(window->photoFinish()->reviews().isEmpty());
        // Only the clean rows: Max Smith (bib 7, "Smyth" in the meet) is left alone.
        QCOMPARE(resultsOf(heat),
                 QStringList({"6 1 10.99 -0.4", "7 - - -", "8 - DQ -0.4", "9 - DNS -0.4"}));
        QVERIFY(heat.resultsStatus != QStringLiteral("official"));

        // Ignore leaves the document alone.
        write(folder.filePath(QStringLiteral("020-1-1.lif")),
              testdata::fixture(QStringLiteral("lynx/020-1-1.lif")));
        review = waitForReview(*window);
        QVERIFY(review);
        const int steps = window->document()->undoStack()->count();
        QTest::mouseClick(review->findChild<QPushButton *>(QStringLiteral("ignoreLif")),
                          Qt::LeftButton);
        QTRY_VERIFY(window->photoFinish()->reviews().isEmpty());
        QCOMPARE(window->document()->undoStack()->count(), steps);
        window->photoFinish()->watchFolder(QString());
    }
};

QTEST_MAIN(TestPhotoFinishFlow)
#include "tst_photofinishflow.moc"

#include "editors/entrytableview.h"
#include "models/resultstablemodel.h"

#include <QApplication>
#include <QClipboard>
#include <QTest>

using namespace meetdesk;

class TestEntryTableView : public QObject
{
    Q_OBJECT

private:
    struct Fixture
    {
        Document doc;
        DocumentEditor edit {doc};
        const Unit *unit = nullptr;
        ResultsTableModel *model = nullptr;
        EntryTableView view;

        Fixture()
        {
            Node *event = edit.append(doc.competition(), ListId::Events);
            unit = static_cast<const Unit *>(edit.append(*event, ListId::Units));
            model = new ResultsTableModel(&doc, unit, ListId::UnitResults, &view);
            view.setModel(model);
            view.show();
            view.activateWindow();
        }
    };

    static void typeCell(const QString &text)
    {
        for (const QChar c : text)
            QTest::keyClick(QApplication::focusWidget(), c.toLatin1());
    }
    static void key(Qt::Key k)
    {
        QTest::keyClick(QApplication::focusWidget(), k);
        QCoreApplication::processEvents();
        QCoreApplication::processEvents();
    }

private Q_SLOTS:
    void enterGoesDownToWhereTheRowStarted()
    {
        Fixture f;
        QVERIFY(QTest::qWaitForWindowActive(&f.view));
        f.view.setFocus();
        f.view.setCurrentIndex(f.model->index(0, ResultsTableModel::Bib));
        typeCell(QStringLiteral("101"));
        key(Qt::Key_Tab);
        QCOMPARE(f.view.currentIndex().column(),
                 int(ResultsTableModel::Place)); // the name is skipped
        typeCell(QStringLiteral("1"));
        key(Qt::Key_Return);
        QCOMPARE(f.view.currentIndex(), f.model->index(1, ResultsTableModel::Bib));
        QCOMPARE(f.unit->results[0]->bib, QStringLiteral("101"));
        QCOMPARE(f.unit->results[0]->place.value(), 1);
    }

    void deleteClearsACell()
    {
        Fixture f;
        QVERIFY(QTest::qWaitForWindowActive(&f.view));
        f.model->setData(f.model->index(0, ResultsTableModel::Bib), QStringLiteral("7"));
        f.model->setData(f.model->index(0, ResultsTableModel::Performance), QStringLiteral("10.9"));
        f.view.setFocus();
        f.view.setCurrentIndex(f.model->index(0, ResultsTableModel::Performance));
        QTest::keyClick(&f.view, Qt::Key_Delete);
        QVERIFY(f.unit->results[0]->performance.isNull());
    }

    void pasteFillsRows()
    {
        Fixture f;
        QVERIFY(QTest::qWaitForWindowActive(&f.view));
        QApplication::clipboard()->setText(QStringLiteral("101\t10.52\n102\t10.61\n"));
        f.view.setFocus();
        f.view.setCurrentIndex(f.model->index(0, ResultsTableModel::Bib));
        QTest::keyClick(&f.view, Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(f.unit->results.size(), size_t(2));
        QCOMPARE(f.unit->results[1]->performance, QStringLiteral("10.61"));
    }
};

QTEST_MAIN(TestEntryTableView)
#include "tst_entrytableview.moc"

#include "competitiongenerator.h"
#include "edit/documenteditor.h"
#include "format/opentrackreader.h"
#include "models/competitiontreemodel.h"
#include "rules/findingsservice.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

#include "testdata.h"

using namespace meetdesk;

class TestCompetitionTreeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shape()
    {
        auto doc = testdata::loadDocument();
        CompetitionTreeModel model(doc.get());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex root = model.index(0, 0);
        QCOMPARE(model.node(root), &doc->competition());
        QCOMPARE(model.rowCount(root), 4);
        QCOMPARE(model.index(0, 0, root).data().toString(), QStringLiteral("Competitors (40)"));
        QCOMPARE(model.index(3, 0, root).data().toString(), QStringLiteral("Events (9)"));
        const QModelIndex events = model.groupIndex(ListId::Events);
        const QModelIndex lj = model.index(2, 0, events);
        QCOMPARE(lj.data().toString(), QStringLiteral("F01 Long Jump Women"));
        const QModelIndex unit = model.index(0, 0, lj);
        const Unit &u = *doc->competition().events[2]->units[0];
        QCOMPARE(model.rowCount(unit), int(u.results.size() + u.trials.size()));
        // results first, then trials
        QCOMPARE(model.node(model.index(int(u.results.size()), 0, unit)), u.trials[0].get());
        QCOMPARE(model.parent(model.index(3, 1, unit)), unit);
        QCOMPARE(model.indexOf(u.trials[4].get()), model.index(int(u.results.size()) + 4, 0, unit));
        const QModelIndex competitor = model.indexOf(doc->competition().competitors[0].get());
        QCOMPARE(model.parent(competitor), model.groupIndex(ListId::Competitors));
        QCOMPARE(model.rowCount(competitor),
                 int(doc->competition().competitors[0]->eventsEntered.size()));
        // A combined event's overall results follow its units.
        const Event &tri = *doc->competition().events[5];
        QCOMPARE(model.rowCount(model.indexOf(&tri)), int(tri.units.size() + tri.results.size()));
    }

    // The status column shows what the provider says: text, colour and why (tool tip). (The
    // icon is seen in the main window's test: a pixmap needs a GUI application.)
    void statusColumnFromTheProvider()
    {
        auto doc = testdata::loadDocument();
        CompetitionTreeModel model(doc.get());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const Unit *failed = doc->competition().events[0]->units[0].get();
        model.setStatusProvider([failed](const Node &node) {
            if (&node == failed)
                return CompetitionTreeModel::Status {
                    QStringLiteral("failed"), QColor(Qt::red), QStringLiteral("status 500"), {}};
            return CompetitionTreeModel::Status {QStringLiteral("published"), {}, {}, {}};
        });
        const QModelIndex heat = model.indexOf(failed, CompetitionTreeModel::StatusColumn);
        QCOMPARE(heat.data().toString(), QStringLiteral("failed"));
        QCOMPARE(heat.data(Qt::ForegroundRole).value<QColor>(), QColor(Qt::red));
        QCOMPARE(heat.data(Qt::ToolTipRole).toString(), QStringLiteral("status 500"));
        const QModelIndex other = model.indexOf(doc->competition().competitors[0].get(),
                                                CompetitionTreeModel::StatusColumn);
        QCOMPARE(other.data().toString(), QStringLiteral("published"));
        QVERIFY(!other.data(Qt::ToolTipRole).isValid());
        QVERIFY(!other.data(Qt::DecorationRole).isValid());
    }

    void editsEmitRowSignalsNotResets()
    {
        auto doc = testdata::loadDocument();
        CompetitionTreeModel model(doc.get());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
        DocumentEditor edit(*doc);

        Node *x = edit.append(doc->competition(), ListId::Competitors);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted[0][0].value<QModelIndex>(), model.groupIndex(ListId::Competitors));
        QCOMPARE(inserted[0][1].toInt(), 40);
        QCOMPARE(model.groupIndex(ListId::Competitors).data().toString(),
                 QStringLiteral("Competitors (41)"));

        edit.setValue(*x, QLatin1StringView("competitor_id"), QStringLiteral("999"));
        QCOMPARE(changed.last()[0].value<QModelIndex>(), model.indexOf(x));
        QCOMPARE(model.indexOf(x).data().toString(), QStringLiteral("999"));

        // A trial lands after the unit's results.
        const Unit &unit = *doc->competition().events[2]->units[0];
        edit.insert(unit, ListId::Trials, 0);
        QCOMPARE(inserted.last()[1].toInt(), int(unit.results.size()));

        edit.move(*doc->competition().teams[0], 3);
        QCOMPARE(moved.count(), 1);
        QCOMPARE(moved[0][1].toInt(), 0);
        QCOMPARE(moved[0][4].toInt(), 4);
        QCOMPARE(model.indexOf(doc->competition().teams[3].get()).row(), 3);
        edit.move(*doc->competition().teams[3], 0);
        QCOMPARE(moved.count(), 2);

        edit.remove({doc->competition().events[0].get(), x});
        QCOMPARE(removed.count(), 2);
        doc->undoStack()->undo();
        QCOMPARE(inserted.count(), 4);

        while (doc->undoStack()->canUndo())
            doc->undoStack()->undo();
        QCOMPARE(reset.count(), 0);
        QCOMPARE(layout.count(), 0);
        QCOMPARE(model.groupIndex(ListId::Competitors).data().toString(),
                 QStringLiteral("Competitors (40)"));
    }

    void filterFindsNamesInResults()
    {
        auto doc = testdata::loadDocument();
        CompetitionTreeModel model(doc.get());
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setRecursiveFilteringEnabled(true);
        proxy.setFilterRole(CompetitionTreeModel::FilterRole);
        proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
        proxy.setFilterFixedString(QStringLiteral("adeyemi"));
        // Tom Adeyemi (101): the competitor, plus his results in the 100 m and the relay runners'
        // text.
        const QModelIndex root = proxy.index(0, 0);
        QVERIFY(root.isValid());
        const QModelIndex competitors = proxy.index(0, 0, root);
        QCOMPARE(proxy.rowCount(competitors), 1);
        QCOMPARE(proxy.index(0, 0, competitors).data().toString(),
                 QStringLiteral("101 Tom Adeyemi"));
        QVERIFY(proxy.rowCount(root) >= 2); // the events with his results stay visible
    }

    void largeCompetition()
    {
        Document doc(CompetitionGenerator(1).generate({3000, 150, 20000, 40000}));
        CompetitionTreeModel model(&doc);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(model.groupIndex(ListId::Competitors)), 3000);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        DocumentEditor edit(doc);
        edit.setValue(*doc.competition().competitors[2500], QLatin1StringView("last_name"),
                      QStringLiteral("X"));
        QCOMPARE(reset.count(), 0);
    }

    // With the document's findings: a node with findings about it or under it shows the
    // worst one's icon and a tool tip counting them, updated by dataChanged on those rows.
    void marksNodesWithFindings()
    {
        auto doc = testdata::loadDocument();
        FindingsService &findings = FindingsService::of(*doc);
        CompetitionTreeModel model(doc.get());
        model.setFindings(&findings);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const Competition &c = doc->competition();
        const QModelIndex root = model.indexOf(&c);
        const QModelIndex second = model.indexOf(c.competitors[1].get());
        const QModelIndex third = model.indexOf(c.competitors[2].get());
        QVERIFY(root.data(Qt::DecorationRole).isNull()); // the sample has no findings
        QVERIFY(second.data(Qt::DecorationRole).isNull());

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        DocumentEditor edit(*doc);
        edit.setValue(*c.competitors[1], QLatin1StringView("team_id"), QStringLiteral("ZZZ"));
        QVERIFY(!second.data(Qt::DecorationRole).value<QIcon>().isNull());
        QCOMPARE(second.data(Qt::ToolTipRole).toString(), QStringLiteral("1 warning"));
        QVERIFY(third.data(Qt::DecorationRole).isNull());
        QVERIFY(!root.data(Qt::DecorationRole).value<QIcon>().isNull());
        // 102 runs in a relay team for BEL: the team is told of the other club too.
        QCOMPARE(root.data(Qt::ToolTipRole).toString(), QStringLiteral("2 warnings (2 under it)"));
        const auto signalled = [&](const QModelIndex &index) {
            for (const QList<QVariant> &args : std::as_const(changed)) {
                const auto from = args[0].toModelIndex();
                const auto to = args[1].toModelIndex();
                if (from.parent() == index.parent() && from.row() <= index.row()
                    && to.row() >= index.row() && from.column() <= 0 && to.column() >= 0)
                    return true;
            }
            return false;
        };
        QVERIFY(signalled(second));
        QVERIFY(signalled(root));
        QVERIFY(!signalled(third));

        changed.clear();
        doc->undoStack()->undo();
        QVERIFY(second.data(Qt::DecorationRole).isNull());
        QVERIFY(root.data(Qt::DecorationRole).isNull());
        QVERIFY(signalled(second));
        QCOMPARE(reset.count(), 0);
    }
};

QTEST_MAIN(TestCompetitionTreeModel)
#include "tst_competitiontreemodel.moc"

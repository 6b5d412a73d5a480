#include "model/describe.h"
#include "models/findingsmodel.h"
#include "support/randomedits.h"
#include "testdata.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace meetdesk;
using meetdesk::randomedits::RandomEdits;

namespace {

QStringList lines(const QList<Finding> &findings)
{
    QStringList out;
    for (const Finding &f : findings)
        out.append(f.rule + u' ' + f.toString());
    return out;
}

QStringList rows(const FindingsModel &model)
{
    QList<Finding> out;
    for (int row = 0; row < model.rowCount(); ++row)
        out.append(model.finding(row));
    return lines(out);
}

} // namespace

class TestFindingsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsTheServicesFindingsInOrder()
    {
        auto doc = testdata::loadDocument(testdata::fixturePath(QStringLiteral("every-rule.json")));
        FindingsService &service = FindingsService::of(*doc);
        FindingsModel model(service);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.rowCount() > 10);
        QCOMPARE(rows(model), lines(service.findings()));
        QCOMPARE(model.columnCount(), int(FindingsModel::ColumnCount));
    }

    void columnsNameTheRecordFieldAndRule()
    {
        auto doc = testdata::loadDocument();
        DocumentEditor edit(*doc);
        FindingsService &service = FindingsService::of(*doc);
        FindingsModel model(service);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0); // the sample has no findings
        const Competitor &x = *doc->competition().competitors[1];
        edit.setValue(x, QLatin1StringView("team_id"), QStringLiteral("ZZZ"));
        // 102 runs in a relay team for BEL: its team is told too, after the competitor.
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(rows(model)[1].startsWith(QStringLiteral("relay-runner-club relay_teams[")));
        const auto cell = [&](int column, int role = Qt::DisplayRole) {
            return model.data(model.index(0, column), role);
        };
        QCOMPARE(cell(FindingsModel::SeverityColumn).toString(), QStringLiteral("Warning"));
        QCOMPARE(cell(FindingsModel::SeverityColumn, FindingsModel::SeverityRole).toString(),
                 QStringLiteral("warning"));
        QVERIFY(!cell(FindingsModel::SeverityColumn, Qt::DecorationRole).value<QIcon>().isNull());
        QCOMPARE(cell(FindingsModel::RecordColumn).toString(),
                 QStringLiteral("Competitor: ") + describe::label(x));
        QCOMPARE(cell(FindingsModel::FieldColumn).toString(), QStringLiteral("Team"));
        QCOMPARE(cell(FindingsModel::MessageColumn).toString(),
                 QStringLiteral("no team has the id \"ZZZ\""));
        QCOMPARE(cell(FindingsModel::RuleColumn).toString(), QStringLiteral("unknown-team"));
        QCOMPARE(cell(FindingsModel::MessageColumn, Qt::ToolTipRole).toString(),
                 QStringLiteral("competitors[1].team_id"));
        QCOMPARE(model.node(model.index(0, 0)), &x);
        QCOMPARE(model.fieldName(model.index(0, 0)), QStringLiteral("team_id"));
    }

    // A duplicate bib: the two competitors' rows come in as rows, not as a reset, and leave
    // the same way on undo.
    void followsEditsWithRowSignals()
    {
        auto doc = testdata::loadDocument();
        DocumentEditor edit(*doc);
        FindingsService &service = FindingsService::of(*doc);
        FindingsModel model(service);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy layouts(&model, &QAbstractItemModel::layoutChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        const Competition &c = doc->competition();
        edit.setValue(*c.competitors[1], QLatin1StringView("competitor_id"),
                      c.competitors[0]->competitorId);
        QVERIFY(model.rowCount() >= 2);
        QVERIFY(inserted.count() >= 2);
        QCOMPARE(rows(model), lines(service.findings()));
        QVERIFY(rows(model).join(u'\n').contains(QStringLiteral("duplicate-bib")));
        doc->undoStack()->undo();
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(removed.count() >= 1);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(layouts.count(), 0);
    }

    void randomEditsKeepTheRowsInOrder_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<quint32>("seed");
        for (quint32 seed : {11u, 12u}) {
            QTest::addRow("sample %u", seed) << testdata::samplePath() << seed;
            QTest::addRow("every rule %u", seed)
                << testdata::fixturePath(QStringLiteral("every-rule.json")) << seed;
        }
    }
    void randomEditsKeepTheRowsInOrder()
    {
        QFETCH(QString, path);
        QFETCH(quint32, seed);
        auto doc = testdata::loadDocument(path);
        FindingsService &service = FindingsService::of(*doc);
        FindingsModel model(service);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSortFilterProxyModel errors;
        errors.setSourceModel(&model);
        errors.setFilterRole(FindingsModel::SeverityRole);
        errors.setFilterFixedString(QStringLiteral("error"));
        QAbstractItemModelTester proxyTester(
            &errors, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        RandomEdits edits(*doc, seed);
        QStringList done;
        for (int i = 0; i < 250; ++i) {
            done.append(edits.step());
            const QStringList expected = lines(service.findings());
            if (rows(model) != expected) {
                qWarning().noquote()
                    << "after:" << done.mid(done.size() - 5).join(QStringLiteral("; "));
                QCOMPARE(rows(model), expected);
            }
            QCOMPARE(errors.rowCount(), service.errorCount());
        }
        service.revalidate();
        QCOMPARE(rows(model), lines(service.findings()));
        QCOMPARE(resets.count(), 0);
    }
};

QTEST_MAIN(TestFindingsModel)
#include "tst_findingsmodel.moc"

#include "format/opentrackreader.h"
#include "models/trialcardmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include "testdata.h"

using namespace meetdesk;

class TestTrialCardModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsTheCard()
    {
        ReadResult r
            = OpenTrackReader::readFile(QStringLiteral(MEETDESK_TEST_DATA "/v1-nested.json"));
        Document doc(std::move(r.competition));
        const Unit &lj = *doc.competition().events[2]->units[0];
        TrialCardModel model(&doc, &lj);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.attempts(), 3);
        QCOMPARE(model.columnCount(), 2 + 3 + 1);
        QCOMPARE(model.headerData(model.bestColumn(), Qt::Horizontal).toString(),
                 QStringLiteral("Best"));
        QCOMPARE(model.index(0, TrialCardModel::Bib).data().toString(), QStringLiteral("12"));
        QCOMPARE(model.index(0, TrialCardModel::Name).data().toString(),
                 QStringLiteral("Bea Lind"));
        QCOMPARE(model.index(0, TrialCardModel::FirstAttempt).data().toString(),
                 QStringLiteral("x"));
        QCOMPARE(model.index(0, TrialCardModel::FirstAttempt + 1).data().toString(),
                 QStringLiteral("5.74"));
        QCOMPARE(model.index(0, model.bestColumn()).data().toString(), QStringLiteral("5.74"));
        QCOMPARE(model.index(1, TrialCardModel::FirstAttempt + 1).data().toString(),
                 QStringLiteral("-"));
        QVERIFY(!(model.flags(model.index(2, TrialCardModel::FirstAttempt)) & Qt::ItemIsEditable));
        QVERIFY(model.flags(model.index(2, TrialCardModel::Bib)) & Qt::ItemIsEditable);
    }

    void marks_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("stored");
        QTest::newRow("mark") << "7.42"
                              << "7.42";
        QTest::newRow("comma") << "7,4"
                               << "7.40";
        QTest::newRow("whole metres") << "62"
                                      << "62.00";
        QTest::newRow("foul") << "X"
                              << "x";
        QTest::newRow("pass") << "-"
                              << "-";
        QTest::newRow("retired") << "r"
                                 << "r";
        QTest::newRow("not a mark") << "7.425"
                                    << "";
        QTest::newRow("words") << "foul"
                               << "";
        QTest::newRow("zero") << "0"
                              << "";
        QTest::newRow("negative") << "-5.2"
                                  << "";
        QTest::newRow("beyond any throw") << "130"
                                          << "";
        QTest::newRow("status word") << "NM"
                                     << "";
    }
    void marks()
    {
        QFETCH(QString, typed);
        QFETCH(QString, stored);
        QCOMPARE(TrialCardModel::normalizeMark(typed), stored);
    }

    void aLongJumpCardRefusesAThrow()
    {
        Document doc;
        DocumentEditor edit(doc);
        const Unit *unit = testdata::appendUnit(edit, QStringLiteral("LJ"));
        TrialCardModel model(&doc, unit);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.setData(model.index(0, TrialCardModel::Bib), QStringLiteral("121")));
        QVERIFY(
            !model.setData(model.index(0, TrialCardModel::FirstAttempt), QStringLiteral("25.00")));
        QVERIFY(unit->trials.empty());
        QVERIFY(
            model.setData(model.index(0, TrialCardModel::FirstAttempt), QStringLiteral("7,25")));
        QCOMPARE(unit->trials[0]->result, QStringLiteral("7.25"));
        QCOMPARE(
            TrialCardModel::normalizeMark(QStringLiteral("25.00"), EventCatalogue::Kind::Throw),
            QStringLiteral("25.00"));
    }

    void enteringACard()
    {
        Document doc;
        DocumentEditor edit(doc);
        auto *event = edit.append(doc.competition(), ListId::Events);
        edit.setValue(*event, QLatin1StringView("max_field_attempts"), 3);
        const auto *unit = static_cast<const Unit *>(edit.append(*event, ListId::Units));
        TrialCardModel model(&doc, unit);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.attempts(), 3);
        QVERIFY(model.setData(model.index(0, TrialCardModel::Bib), QStringLiteral("121")));
        QVERIFY(
            model.setData(model.index(0, TrialCardModel::FirstAttempt), QStringLiteral("5.80")));
        QVERIFY(
            model.setData(model.index(0, TrialCardModel::FirstAttempt + 1), QStringLiteral("x")));
        QVERIFY(model.setData(model.index(0, TrialCardModel::FirstAttempt + 2),
                              QStringLiteral("6.01")));
        QVERIFY(!model.setData(model.index(0, TrialCardModel::FirstAttempt + 2),
                               QStringLiteral("six")));
        QCOMPARE(unit->trials.size(), size_t(3));
        QCOMPARE(unit->trials[2]->round.value(), 3);
        QCOMPARE(model.index(0, model.bestColumn()).data().toString(), QStringLiteral("6.01"));
        QVERIFY(model.setData(model.index(0, TrialCardModel::FirstAttempt + 1),
                              QStringLiteral("5.90")));
        QCOMPARE(unit->trials[1]->result, QStringLiteral("5.90"));
        QVERIFY(model.setData(model.index(0, TrialCardModel::FirstAttempt + 1), QString()));
        QCOMPARE(unit->trials.size(), size_t(2));
        // a fourth attempt from elsewhere widens the card
        QSignalSpy columns(&model, &QAbstractItemModel::columnsInserted);
        auto t = std::make_unique<Trial>();
        t->bib = QStringLiteral("121");
        t->round = 4;
        t->result = QStringLiteral("6.10");
        edit.append(*unit, ListId::Trials, std::move(t));
        QCOMPARE(columns.count(), 1);
        QCOMPARE(model.attempts(), 4);
        QCOMPARE(model.index(0, model.bestColumn()).data().toString(), QStringLiteral("6.10"));
    }
};

QTEST_GUILESS_MAIN(TestTrialCardModel)
#include "tst_trialcardmodel.moc"

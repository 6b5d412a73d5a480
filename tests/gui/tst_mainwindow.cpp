#include "mainwindow.h"
#include "model/document.h"

#include <QApplication>
#include <QDir>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace meetdesk;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void showsTheSampleAsATree()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openFile(QStringLiteral(MEETDESK_SAMPLES "/riverside-open-2026.json")));
        QCOMPARE(window.windowTitle(), QStringLiteral("riverside-open-2026.json[*] - Meetdesk"));

        auto *tree = window.findChild<QTreeWidget *>(QStringLiteral("competitionTree"));
        QVERIFY(tree);
        QCOMPARE(tree->topLevelItemCount(), 1);
        QTreeWidgetItem *root = tree->topLevelItem(0);
        QCOMPARE(root->text(0), QStringLiteral("Riverside Harriers Open Meeting 2026"));
        QStringList groups;
        for (int i = 0; i < root->childCount(); ++i)
            groups.append(root->child(i)->text(0));
        QCOMPARE(groups,
                 QStringList({QStringLiteral("Competitors (40)"), QStringLiteral("Teams (6)"),
                              QStringLiteral("Relay teams (4)"), QStringLiteral("Events (9)")}));
        QTreeWidgetItem *events = root->child(3);
        QTreeWidgetItem *hundred = events->child(0);
        QCOMPARE(hundred->text(0), QStringLiteral("T01 100m Men"));
        QCOMPARE(hundred->childCount(), 3); // two heats and a final
        QCOMPARE(hundred->child(2)->text(0), QStringLiteral("Final"));

        QDir().mkpath(QStringLiteral(MEETDESK_TEST_OUTPUT));
        root->setExpanded(true);
        events->setExpanded(true);
        hundred->setExpanded(true);
        QVERIFY(window.grab().save(QStringLiteral(MEETDESK_TEST_OUTPUT "/mainwindow-sample.png")));
    }

    void brokenFileKeepsTheCurrentDocument()
    {
        MainWindow window;
        QVERIFY(window.openFile(QStringLiteral(MEETDESK_SAMPLES "/riverside-open-2026.json")));
        const Document *before = window.document();
        // The dialog is modal; close it as soon as it shows.
        QTimer::singleShot(0, [] {
            if (QWidget *box = QApplication::activeModalWidget())
                box->close();
        });
        QVERIFY(!window.openFile(QStringLiteral(MEETDESK_TEST_DATA "/does-not-exist.json")));
        QCOMPARE(window.document(), before);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"

// Publishing from the real main window, offscreen, against the local sandbox.
#include "mainwindow.h"
#include "model/document.h"
#include "models/competitiontreemodel.h"
#include "prompts.h"
#include "publish/publishflow.h"
#include "settings.h"
#include "support/sandboxserver.h"
#include "support/windowtesting.h"
#include "testdata.h"

#include "edit/documenteditor.h"

#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

using namespace meetdesk;
using windowtesting::screenshot;

namespace {

template<class T = QDialog> T *dialog(MainWindow &w, const char *name)
{
    T *found = nullptr;
    const bool shown = QTest::qWaitFor(
        [&] {
            found = w.findChild<T *>(QLatin1StringView(name));
            return found && found->isVisible();
        },
        60000);
    return shown ? found : nullptr;
}

QString status(MainWindow &w, const Node *node)
{
    auto *proxy = qobject_cast<QSortFilterProxyModel *>(
        w.findChild<QTreeView *>(QStringLiteral("competitionTree"))->model());
    auto *model = qobject_cast<CompetitionTreeModel *>(proxy->sourceModel());
    return model->indexOf(node, CompetitionTreeModel::StatusColumn).data().toString();
}

} // namespace

class TestPublishFlow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("MeetdeskTest"));
        QCoreApplication::setApplicationName(QStringLiteral("publish-test"));
    }

    void loginReviewPublishAndTheErrorDialog()
    {
        SandboxServer sandbox;
        QVERIFY2(sandbox.isRunning(), qPrintable(sandbox.startError()));
        Settings::setServer(sandbox.apiRoot().toString());
        Settings::setUserName(QStringLiteral("federation"));

        MainWindow window;
        window.setTokenStore(std::make_unique<MemoryTokenStore>());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QString file = m_home.filePath(QStringLiteral("meet.json"));
        QVERIFY(QFile::copy(testdata::samplePath(), file));
        QVERIFY(window.openFile(file));
        const Competition &c = window.document()->competition();
        QCOMPARE(status(window, &c), QString()); // never published: no state yet

        window.publish();
        auto *login = dialog(window, "loginDialog");
        QVERIFY(login);
        auto *password = login->findChild<QLineEdit *>(QStringLiteral("password"));
        QTest::keyClicks(password, QStringLiteral("wrong"));
        QTest::mouseClick(login->findChild<QPushButton *>(QStringLiteral("logIn")), Qt::LeftButton);
        auto *message = login->findChild<QLabel *>(QStringLiteral("message"));
        QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(QStringLiteral("Unable to log in")),
                                 30000);
        screenshot(login, QStringLiteral("publish-login-failed"));
        password->clear();
        QTest::keyClicks(password, QStringLiteral("federation-pass"));
        QTest::mouseClick(login->findChild<QPushButton *>(QStringLiteral("logIn")), Qt::LeftButton);

        auto *review = dialog(window, "reviewDialog");
        QVERIFY(review);
        QVERIFY2(review->findChild<QLabel *>(QStringLiteral("reviewSummary"))
                     ->text()
                     .contains(QStringLiteral("70 change(s)")),
                 qPrintable(review->findChild<QLabel *>(QStringLiteral("reviewSummary"))->text()));
        QCOMPARE(review->findChild<QTreeWidget *>(QStringLiteral("reviewTree"))
                     ->topLevelItem(0)
                     ->text(0),
                 QStringLiteral("To create (60)"));
        screenshot(review, QStringLiteral("publish-review"));
        QTest::mouseClick(review->findChild<QPushButton *>(QStringLiteral("publishButton")),
                          Qt::LeftButton);

        auto *result = dialog(window, "resultDialog");
        QVERIFY(result);
        QVERIFY2(result->findChild<QLabel *>(QStringLiteral("resultSummary"))
                     ->text()
                     .contains(QStringLiteral("60 created, 10 changed")),
                 qPrintable(result->findChild<QLabel *>(QStringLiteral("resultSummary"))->text()));
        screenshot(result, QStringLiteral("publish-result"));
        result->close();
        QTRY_VERIFY(!window.publishFlow());
        QCOMPARE(status(window, &c), QStringLiteral("published"));
        QVERIFY(window.document()->isModified()); // the sync state is to be saved

        // A correction shows as changed; the server then fails to store it: the error dialog.
        const Unit &final = *c.events[0]->units[2];
        DocumentEditor(*window.document())
            .setValue(*final.results[0], QLatin1StringView("performance"), QStringLiteral("10.55"));
        QCOMPARE(status(window, &final), QStringLiteral("changed"));
        sandbox.post(
            QStringLiteral("/sandbox/faults/"),
            "{\"method\": \"PATCH\", \"path\": \"/api/units/\", \"count\": 10, \"kind\": \"500\"}");
        window.publish(); // the token is known now: straight to the review
        review = dialog(window, "reviewDialog");
        QVERIFY(review);
        QTest::mouseClick(review->findChild<QPushButton *>(QStringLiteral("publishButton")),
                          Qt::LeftButton);
        result = dialog(window, "resultDialog");
        QVERIFY(result);
        auto *problems = result->findChild<QTreeWidget *>(QStringLiteral("problems"));
        QCOMPARE(problems->topLevelItemCount(), 1);
        QCOMPARE(problems->topLevelItem(0)->text(0), QStringLiteral("heat Final (T01 100m Men)"));
        QVERIFY(problems->topLevelItem(0)->text(1).contains(QStringLiteral("status 500")));
        screenshot(result, QStringLiteral("publish-error-dialog"));
        Q_EMIT problems->itemDoubleClicked(problems->topLevelItem(0), 0);
        QCOMPARE(window.currentNode(), &final); // the failing record is selected in the tree
        result->close();
        QTRY_VERIFY(!window.publishFlow());
        QCOMPARE(status(window, &final), QStringLiteral("failed"));
        screenshot(&window, QStringLiteral("publish-state-in-tree"));

        // Pull what is online into a new document: the same records, all published.
        Prompts::setNextAnswer(QMessageBox::Discard); // the unsaved sync state
        Prompts::setNextChoice(QStringLiteral(
            "Riverside Harriers Open Meeting 2026 (2026-05-16, riverside-open-2026)"));
        window.pull();
        QTRY_VERIFY_WITH_TIMEOUT(window.document()->filePath().isEmpty(), 60000);
        const Competition &pulled = window.document()->competition();
        QCOMPARE(pulled.competitors.size(), size_t(40));
        QVERIFY(window.document()->isModified());
        QCOMPARE(status(window, &pulled), QStringLiteral("published"));
        QCOMPARE(status(window, pulled.competitors[0].get()), QStringLiteral("published"));

        // Cancelling the review sends nothing.
        DocumentEditor(*window.document())
            .setValue(pulled, QLatin1StringView("short_name"), QStringLiteral("RHO"));
        QCOMPARE(status(window, &pulled), QStringLiteral("changed"));
        window.publish();
        review = dialog(window, "reviewDialog");
        QVERIFY(review);
        review->reject();
        QTRY_VERIFY(!window.publishFlow());
        QCOMPARE(status(window, &pulled), QStringLiteral("changed"));
        Prompts::setNextAnswer(QMessageBox::Discard);
    }
};

QTEST_MAIN(TestPublishFlow)
#include "tst_publishflow.moc"

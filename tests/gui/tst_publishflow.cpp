// Publishing from the real main window, offscreen, against the local sandbox.
#include "mainwindow.h"
#include "model/document.h"
#include "models/competitiontreemodel.h"
#include "opentrack/payload.h"
#include "opentrack/publishplan.h"
#include "prompts.h"
#include "publish/publishflow.h"
#include "settings.h"
#include "support/apitesting.h"
#include "support/sandboxserver.h"
#include "support/viewtesting.h"
#include "support/windowtesting.h"
#include "testdata.h"

#include "edit/documenteditor.h"

#include <QAction>
#include <QClipboard>
#include <QDateTime>
#include <QDir>
#include <QGuiApplication>
#include <QIcon>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
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

QModelIndex statusIndex(MainWindow &w, const Node *node)
{
    auto *proxy = qobject_cast<QSortFilterProxyModel *>(
        w.findChild<QTreeView *>(QStringLiteral("competitionTree"))->model());
    auto *model = qobject_cast<CompetitionTreeModel *>(proxy->sourceModel());
    return model->indexOf(node, CompetitionTreeModel::StatusColumn);
}

QString status(MainWindow &w, const Node *node)
{
    return statusIndex(w, node).data().toString();
}

QPoint centre(QTreeWidget *tree, QTreeWidgetItem *item)
{
    tree->scrollToItem(item);
    return tree->visualItemRect(item).center();
}

void click(QTreeWidget *tree, QTreeWidgetItem *item)
{
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, centre(tree, item));
}

void doubleClick(QTreeWidget *tree, QTreeWidgetItem *item)
{
    viewtesting::doubleClick(tree->viewport(), centre(tree, item));
}

QStringList topLevelTexts(QTreeWidget *tree)
{
    QStringList texts;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        texts.append(tree->topLevelItem(i)->text(0));
    return texts;
}

QString summaryOf(QDialog *review)
{
    return review->findChild<QLabel *>(QStringLiteral("reviewSummary"))->text();
}

// A window on a copy of the sample, set to publish to the sandbox as the federation user.
std::unique_ptr<MainWindow> openSample(const QTemporaryDir &home, const SandboxServer &sandbox,
                                       const QString &token = {})
{
    Settings::setServer(sandbox.apiRoot().toString());
    Settings::setUserName(QStringLiteral("federation"));
    auto window = std::make_unique<MainWindow>();
    auto tokens = std::make_unique<MemoryTokenStore>();
    if (!token.isEmpty())
        tokens->writeToken(sandbox.apiRoot().toString(), QStringLiteral("federation"), token);
    window->setTokenStore(std::move(tokens));
    window->resize(1200, 800);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return {};
    const QString file
        = home.filePath(QStringLiteral("meet-%1.json")).arg(QDateTime::currentMSecsSinceEpoch());
    if (!QFile::copy(testdata::samplePath(), file) || !window->openFile(file))
        return {};
    return window;
}

QUrl syncUrl(const Document &doc, const QString &key)
{
    const SyncState sync = SyncState::fromMeetdesk(doc.meetdeskData());
    const SyncState::Record *record = sync.record(key);
    return record ? record->url : QUrl();
}

QJsonObject read(ApiClient &client, const QUrl &url)
{
    const ApiResponse r = apitesting::waitFor([&](auto done) { client.get(url, done); });
    return r.ok() ? r.json.object() : QJsonObject();
}

// A change made on OpenTrack's side: a PATCH straight to the sandbox.
bool patch(ApiClient &client, const QUrl &url, const QByteArray &json)
{
    return apitesting::waitFor([&](auto done) { client.sendJson("PATCH", url, json, done); }).ok();
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
        // The address box shows the whole address.
        auto *address = login->findChild<QLineEdit *>(QStringLiteral("customServer"));
        QCOMPARE(address->text(), sandbox.apiRoot().toString());
        QVERIFY(address->width() > address->fontMetrics().horizontalAdvance(
                    QStringLiteral("https://data.opentrack.run/api/")));
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
        // All stored: one sentence and its buttons, no empty list.
        QVERIFY(!result->findChild<QTreeWidget *>(QStringLiteral("problems"))->isVisible());
        QVERIFY2(result->height() < 200, qPrintable(QString::number(result->height())));
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
        sandbox.post(QStringLiteral("/sandbox/faults/"),
                     "{\"method\": \"PATCH\", \"path\": \"/api/units/\", \"count\": 1000, "
                     "\"kind\": \"500\"}");
        window.publish(); // the token is known now: straight to the review
        review = dialog(window, "reviewDialog");
        QVERIFY(review);
        QTest::mouseClick(review->findChild<QPushButton *>(QStringLiteral("publishButton")),
                          Qt::LeftButton);
        result = dialog(window, "resultDialog");
        QVERIFY(result);
        auto *problems = result->findChild<QTreeWidget *>(QStringLiteral("problems"));
        QCOMPARE(topLevelTexts(problems), QStringList {QStringLiteral("Failed (1)")});
        QTreeWidgetItem *failedLine = problems->topLevelItem(0)->child(0);
        QCOMPARE(failedLine->text(0), QStringLiteral("heat Final (T01 100m Men)"));
        QVERIFY(failedLine->text(1).contains(QStringLiteral("status 500")));
        screenshot(result, QStringLiteral("publish-error-dialog"));
        QGuiApplication::clipboard()->clear();
        QTest::mouseClick(result->findChild<QPushButton *>(QStringLiteral("copyReport")),
                          Qt::LeftButton);
        QVERIFY2(
            QGuiApplication::clipboard()->text().contains(
                QStringLiteral("Failed (1)\n  heat Final (T01 100m Men): "))
                && QGuiApplication::clipboard()->text().contains(QStringLiteral("(status 500)")),
            qPrintable(QGuiApplication::clipboard()->text()));
        doubleClick(problems, failedLine);
        QCOMPARE(window.currentNode(), &final); // the failing record is selected in the tree
        result->close();
        QTRY_VERIFY(!window.publishFlow());
        QCOMPARE(status(window, &final), QStringLiteral("failed"));
        QVERIFY(statusIndex(window, &final)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("status 500")));
        QVERIFY(!statusIndex(window, &final).data(Qt::DecorationRole).value<QIcon>().isNull());
        screenshot(&window, QStringLiteral("publish-state-in-tree"));

        // Failed again: still failed. Stored at last: published.
        window.publish();
        review = dialog(window, "reviewDialog");
        QVERIFY(review);
        QTest::mouseClick(review->findChild<QPushButton *>(QStringLiteral("publishButton")),
                          Qt::LeftButton);
        result = dialog(window, "resultDialog");
        QVERIFY(result);
        result->close();
        QTRY_VERIFY(!window.publishFlow());
        QCOMPARE(status(window, &final), QStringLiteral("failed"));
        sandbox.clearFaults();
        window.publish();
        review = dialog(window, "reviewDialog");
        QVERIFY(review);
        QTest::mouseClick(review->findChild<QPushButton *>(QStringLiteral("publishButton")),
                          Qt::LeftButton);
        result = dialog(window, "resultDialog");
        QVERIFY(result);
        QVERIFY2(result->findChild<QLabel *>(QStringLiteral("resultSummary"))
                     ->text()
                     .contains(QStringLiteral("1 changed")),
                 qPrintable(result->findChild<QLabel *>(QStringLiteral("resultSummary"))->text()));
        result->close();
        QTRY_VERIFY(!window.publishFlow());
        QCOMPARE(status(window, &final), QStringLiteral("published"));
        QVERIFY(statusIndex(window, &final).data(Qt::DecorationRole).isNull());

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

    // A change made on OpenTrack and a conflict, shown field by field; taking OpenTrack's
    // version is an edit Undo takes back; overwriting sends the file's version.
    void serverChangeAndConflictInTheReview()
    {
        SandboxServer sandbox;
        QVERIFY2(sandbox.isRunning(), qPrintable(sandbox.startError()));
        ApiClient client;
        const QString token = apitesting::logInAsFederation(client, sandbox.apiRoot());
        QVERIFY(!token.isEmpty());
        auto window = openSample(m_home, sandbox, token);
        QVERIFY(window);
        Document &doc = *window->document();
        const auto first = apitesting::publish(client, doc, sandbox.apiRoot());
        QVERIFY2(first.complete(), qPrintable(first.problems()));

        // On OpenTrack: Tom's surname, and the winner's time in the first heat.
        const Competition &c = doc.competition();
        const Competitor &tom = *c.competitors[0];
        const QUrl tomUrl = syncUrl(doc, QStringLiteral("competitor:101"));
        QVERIFY(patch(client, tomUrl, R"({"last_name": "Adeyemi-Web"})"));
        const Unit &heat = *c.events[0]->units[0];
        const QUrl heatUrl = syncUrl(doc, payload::naturalKey(heat));
        QJsonObject web = read(client, heatUrl);
        QJsonArray results = web.value(QStringLiteral("results")).toArray();
        QJsonObject winner = results[0].toObject();
        const QString winnerBib = winner.value(QStringLiteral("bib")).toString();
        const QString winnerTime = heat.results[0]->performance;
        winner.insert(QStringLiteral("performance"), QStringLiteral("10.01"));
        results[0] = winner;
        QVERIFY(patch(client, heatUrl,
                      QJsonDocument(QJsonObject {{QStringLiteral("results"), results}}).toJson()));
        // Here: the second runner's time in the same heat.
        const QString secondBib = heat.results[1]->bib;
        const QString secondTime = heat.results[1]->performance;
        DocumentEditor(doc).setValue(*heat.results[1], QLatin1StringView("performance"),
                                     QStringLiteral("10.99"));

        window->publish();
        auto *review = dialog(*window, "reviewDialog");
        QVERIFY(review);
        auto *tree = review->findChild<QTreeWidget *>(QStringLiteral("reviewTree"));
        QCOMPARE(
            topLevelTexts(tree).mid(0, 2),
            (QStringList {QStringLiteral("Changed here and on OpenTrack (conflict) (1)"),
                          QStringLiteral("Changed on OpenTrack since your last publish (1)")}));
        QVERIFY2(summaryOf(review).contains(QStringLiteral("1 conflict(s) waiting")),
                 qPrintable(summaryOf(review)));
        // Field by field: what was published, what the file has, what OpenTrack has.
        QTreeWidgetItem *conflict = tree->topLevelItem(0)->child(0);
        QCOMPARE(conflict->text(0), QStringLiteral("heat Heat 1 (T01 100m Men)"));
        QCOMPARE(conflict->text(4), QStringLiteral("Waiting: not sent"));
        QStringList fields;
        for (int i = 0; i < conflict->childCount(); ++i)
            fields.append(QStringList {conflict->child(i)->text(0), conflict->child(i)->text(1),
                                       conflict->child(i)->text(2), conflict->child(i)->text(3)}
                              .join(u'|'));
        QVERIFY2(fields.contains(QStringLiteral("Results, bib %1: Performance|%2|%2|10.01")
                                     .arg(winnerBib, winnerTime)),
                 qPrintable(fields.join(u'\n')));
        QVERIFY2(fields.contains(QStringLiteral("Results, bib %1: Performance|%2|10.99|%2")
                                     .arg(secondBib, secondTime)),
                 qPrintable(fields.join(u'\n')));
        QTreeWidgetItem *changed = tree->topLevelItem(1)->child(0);
        QCOMPARE(changed->text(0), QStringLiteral("competitor 101 Tom Adeyemi"));
        QCOMPARE(changed->child(0)->text(0), QStringLiteral("Last name"));
        QCOMPARE(changed->child(0)->text(1), QStringLiteral("Adeyemi"));
        QCOMPARE(changed->child(0)->text(2), QStringLiteral("Adeyemi"));
        QCOMPARE(changed->child(0)->text(3), QStringLiteral("Adeyemi-Web"));
        screenshot(review, QStringLiteral("publish-review-conflict"));

        // Take OpenTrack's version of the heat: the file has the web's times now.
        const int steps = doc.undoStack()->count();
        click(tree, conflict);
        QTest::mouseClick(review->findChild<QPushButton *>(QStringLiteral("takeServerButton")),
                          Qt::LeftButton);
        QCOMPARE(doc.undoStack()->count(), steps + 1);
        QCOMPARE(c.events[0]->units[0]->results[0]->performance, QStringLiteral("10.01"));
        QCOMPARE(window->currentNode(), c.events[0]->units[0].get()); // shown in the window
        QCOMPARE(topLevelTexts(tree).first(),
                 QStringLiteral("Changed on OpenTrack since your last publish (1)"));
        QVERIFY(!summaryOf(review).contains(QStringLiteral("conflict")));

        // Overwrite Tom's web edit: the record chosen with the keyboard (it is current after the
        // take; Down goes to its field, Up back), then the button. (Alt+O is its mnemonic;
        // the offscreen platform has no mnemonics, so it is tried on a real X server.)
        changed = tree->topLevelItem(0)->child(0);
        QCOMPARE(changed->text(0), QStringLiteral("competitor 101 Tom Adeyemi"));
        QCOMPARE(tree->currentItem(), changed);
        tree->setFocus();
        QTest::keyClick(tree, Qt::Key_Down);
        QCOMPARE(tree->currentItem(), changed->child(0));
        QTest::keyClick(tree, Qt::Key_Up);
        QCOMPARE(tree->currentItem(), changed);
        QTest::mouseClick(review->findChild<QPushButton *>(QStringLiteral("overwriteButton")),
                          Qt::LeftButton);
        changed = tree->topLevelItem(0)->child(0);
        QCOMPARE(changed->text(4), QStringLiteral("Overwrite with mine"));
        QVERIFY2(summaryOf(review).contains(QStringLiteral("1 record(s) will be overwritten")),
                 qPrintable(summaryOf(review)));
        screenshot(review, QStringLiteral("publish-review-overwrite"));
        QTest::mouseClick(review->findChild<QPushButton *>(QStringLiteral("publishButton")),
                          Qt::LeftButton);
        auto *result = dialog(*window, "resultDialog");
        QVERIFY(result);
        QVERIFY2(result->findChild<QLabel *>(QStringLiteral("resultSummary"))
                     ->text()
                     .contains(QStringLiteral("1 changed")),
                 qPrintable(result->findChild<QLabel *>(QStringLiteral("resultSummary"))->text()));
        // Overwritten: not listed as left on OpenTrack.
        QVERIFY(!result->findChild<QTreeWidget *>(QStringLiteral("problems"))->isVisible());
        result->close();
        QTRY_VERIFY(!window->publishFlow());
        QCOMPARE(read(client, tomUrl).value(QStringLiteral("last_name")).toString(), tom.lastName);

        // Undo takes OpenTrack's times back out of the file.
        window->findChild<QAction *>(QStringLiteral("undoAction"))->trigger();
        QCOMPARE(c.events[0]->units[0]->results[0]->performance, winnerTime);
        QCOMPARE(c.events[0]->units[0]->results[1]->performance, QStringLiteral("10.99"));
        Prompts::setNextAnswer(QMessageBox::Discard);
    }

    // Publish > Verify everything on the server reads every heat: a web edit to a heat the file
    // did not touch shows; the progress says which heats it is reading.
    // Publish > Pull entries from OpenTrack, from the menu by keys: what changed on the server
    // is previewed (exactly that), Apply takes it as one undo step, Undo gives it back.
    void pullEntriesFromTheMenu()
    {
        SandboxServer sandbox;
        QVERIFY2(sandbox.isRunning(), qPrintable(sandbox.startError()));
        ApiClient client;
        const QString token = apitesting::logInAsFederation(client, sandbox.apiRoot());
        QVERIFY(!token.isEmpty());
        auto window = openSample(m_home, sandbox, token);
        QVERIFY(window);
        Document &doc = *window->document();
        const auto first = apitesting::publish(client, doc, sandbox.apiRoot());
        QVERIFY2(first.complete(), qPrintable(first.problems()));
        const Competitor &tom = *doc.competition().competitors[0];
        QCOMPARE(tom.eventsEntered[0]->sb, QStringLiteral("10.61"));
        QByteArray entries = payload::toBytes(*payload::of(tom).find(u"events_entered"));
        entries.replace("\"sb\":\"10.61\"", "\"sb\":\"10.49\"");
        QVERIFY(patch(client, syncUrl(doc, QStringLiteral("competitor:101")),
                      "{\"events_entered\":" + entries + "}"));
        const int steps = doc.undoStack()->count();

        QVERIFY(windowtesting::fromMenu(*window, Qt::Key_P, Qt::Key_E));
        auto *preview = dialog(*window, "pullEntriesDialog");
        QVERIFY(preview);
        const QString summary = preview->findChild<QLabel *>(QStringLiteral("summary"))->text();
        QVERIFY2(summary.startsWith(QStringLiteral("0 new competitor(s), 1 changed, 0 new club(s); "
                                                   "39 unchanged")),
                 qPrintable(summary));
        auto *tree = preview->findChild<QTreeWidget *>(QStringLiteral("changes"));
        QCOMPARE(topLevelTexts(tree),
                 (QStringList {QStringLiteral("Changed (1)"), QStringLiteral("Unchanged (39)")}));
        QTreeWidgetItem *person = tree->topLevelItem(0)->child(0);
        QCOMPARE(person->text(0), QStringLiteral("competitor 101 (Tom Adeyemi)"));
        QCOMPARE(person->childCount(), 1);
        QCOMPARE(person->child(0)->text(0), QStringLiteral("T01 (100) sb: 10.61 -> 10.49"));
        QCOMPARE(doc.undoStack()->count(), steps); // nothing applied before the preview's OK
        screenshot(preview, QStringLiteral("pull-entries-preview"));
        QTest::mouseClick(preview->findChild<QPushButton *>(QStringLiteral("applyButton")),
                          Qt::LeftButton);
        QTRY_VERIFY(!window->publishFlow());
        QCOMPARE(tom.eventsEntered[0]->sb, QStringLiteral("10.49"));
        QCOMPARE(doc.undoStack()->count(), steps + 1);
        QCOMPARE(status(*window, &tom), QStringLiteral("published"));
        doc.undoStack()->undo();
        QCOMPARE(tom.eventsEntered[0]->sb, QStringLiteral("10.61"));
        Prompts::setNextAnswer(QMessageBox::Discard);
        window->close();
    }

    void verifyEverything()
    {
        SandboxServer sandbox;
        QVERIFY2(sandbox.isRunning(), qPrintable(sandbox.startError()));
        ApiClient client;
        const QString token = apitesting::logInAsFederation(client, sandbox.apiRoot());
        QVERIFY(!token.isEmpty());
        auto window = openSample(m_home, sandbox, token);
        QVERIFY(window);
        Document &doc = *window->document();
        const auto first = apitesting::publish(client, doc, sandbox.apiRoot());
        QVERIFY2(first.complete(), qPrintable(first.problems()));
        const Unit &heat = *doc.competition().events[0]->units[1];
        QVERIFY(patch(client, syncUrl(doc, payload::naturalKey(heat)), R"({"results": []})"));
        // One heat answers slowly, so the reading can be seen.
        sandbox.post(QStringLiteral("/sandbox/faults/"),
                     "{\"method\": \"GET\", \"path\": \"/api/units/\", \"count\": 1, \"kind\": "
                     "\"stall\", \"seconds\": 3}");

        auto *verify = window->findChild<QAction *>(QStringLiteral("verifyAction"));
        QVERIFY(verify);
        QVERIFY(window->menuBar()->actions().size() > 0);
        verify->trigger();
        auto *progress = dialog(*window, "progressDialog");
        QVERIFY(progress);
        QCOMPARE(progress->windowTitle(), QStringLiteral("Verifying everything on the server"));
        auto *step = progress->findChild<QLabel *>(QStringLiteral("progressStep"));
        QTRY_VERIFY_WITH_TIMEOUT(
            step->text().startsWith(QStringLiteral("Reading heats from the server: ")), 20000);
        QVERIFY(!progress->findChild<QLabel *>(QStringLiteral("progressCounts"))->isVisible());
        screenshot(progress, QStringLiteral("publish-verify-progress"));

        auto *review = dialog(*window, "reviewDialog");
        QVERIFY(review);
        auto *tree = review->findChild<QTreeWidget *>(QStringLiteral("reviewTree"));
        QCOMPARE(topLevelTexts(tree).first(),
                 QStringLiteral("Changed on OpenTrack since your last publish (1)"));
        QCOMPARE(tree->topLevelItem(0)->child(0)->text(0), PublishPlan::label(heat));
        screenshot(review, QStringLiteral("publish-verify-review"));
        review->reject();
        QTRY_VERIFY(!window->publishFlow());
        Prompts::setNextAnswer(QMessageBox::Discard);
    }
};

QTEST_MAIN(TestPublishFlow)
#include "tst_publishflow.moc"

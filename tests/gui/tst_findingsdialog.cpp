// The errors that stop a publish, listed from the real main window: each leads to its record;
// nothing is sent, not even a login asked for.
#include "edit/documenteditor.h"
#include "mainwindow.h"
#include "model/document.h"
#include "opentrack/publishplan.h"
#include "prompts.h"
#include "publish/findingsdialog.h"
#include "settings.h"
#include "support/viewtesting.h"
#include "testdata.h"

#include <QDir>
#include <QLabel>
#include <QPointer>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace meetdesk;

namespace {

void screenshot(QWidget *widget, const QString &name)
{
    const QString dir = QStringLiteral(MEETDESK_TEST_OUTPUT "/screenshots");
    QDir().mkpath(dir);
    QVERIFY(widget->grab().save(dir + u'/' + name + QStringLiteral(".png")));
}

FindingsDialog *findingsDialog(MainWindow &w)
{
    FindingsDialog *found = nullptr;
    const bool shown = QTest::qWaitFor(
        [&] {
            found = w.findChild<FindingsDialog *>(QStringLiteral("findingsDialog"));
            return found && found->isVisible();
        },
        10000);
    return shown ? found : nullptr;
}

QPoint centre(QTreeWidget *tree, QTreeWidgetItem *item)
{
    tree->scrollToItem(item);
    return tree->visualItemRect(item).center();
}

} // namespace

class TestFindingsDialog : public QObject
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
        QCoreApplication::setApplicationName(QStringLiteral("findings-test"));
        // Nowhere to go: a publish that got as far as the network would say so.
        Settings::setServer(QStringLiteral("http://127.0.0.1:9/api/"));
        Settings::setUserName(QStringLiteral("federation"));
    }

    void errorsBlockPublishingAndLeadToTheirRecords()
    {
        MainWindow window;
        window.setTokenStore(std::make_unique<MemoryTokenStore>());
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QString file = m_home.filePath(QStringLiteral("meet.json"));
        QVERIFY(QFile::copy(testdata::samplePath(), file));
        QVERIFY(window.openFile(file));
        const Competition &c = window.document()->competition();
        DocumentEditor edit(*window.document());
        edit.setValue(*c.competitors[3], QLatin1StringView("competitor_id"), QVariant());
        edit.setValue(*c.competitors[5], QLatin1StringView("competitor_id"),
                      c.competitors[6]->competitorId);
        Prompts::setRecordWarnings(true);

        window.publish();
        // Guarded: the dialog deletes itself once closed.
        QPointer<FindingsDialog> dialog = findingsDialog(window);
        QVERIFY(dialog);
        QVERIFY(!window.findChild<QDialog *>(QStringLiteral("loginDialog"))); // nothing sent
        QVERIFY(!window.findChild<QDialog *>(QStringLiteral("progressDialog")));
        auto *list = dialog->findChild<QTreeWidget *>(QStringLiteral("findings"));
        QVERIFY(list->topLevelItemCount() >= 2);
        QTreeWidgetItem *missing = list->topLevelItem(0);
        QCOMPARE(missing->text(0), PublishPlan::label(*c.competitors[3]));
        QCOMPARE(missing->text(1), QStringLiteral("Bib")); // the field as the form names it
        QCOMPARE(missing->text(2), QStringLiteral("is required"));
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("findingsSummary"))
                    ->text()
                    .contains(QStringLiteral("Nothing was sent")));
        screenshot(dialog, QStringLiteral("publish-validation-errors"));

        // Double-click: the record is selected in the main window; the list closes.
        viewtesting::doubleClick(list->viewport(), centre(list, missing));
        QTRY_VERIFY(!dialog || !dialog->isVisible());
        QCOMPARE(window.currentNode(), c.competitors[3].get());
        QTRY_VERIFY(!window.publishFlow());

        // Publish again: still listed; Enter on the second one goes there.
        window.publish();
        dialog = findingsDialog(window);
        QVERIFY(dialog);
        list = dialog->findChild<QTreeWidget *>(QStringLiteral("findings"));
        QTreeWidgetItem *doubled = list->topLevelItem(1);
        QVERIFY2(doubled->text(2).contains(QStringLiteral("is also the bib of competitor")),
                 qPrintable(doubled->text(2)));
        const auto *target
            = static_cast<const Node *>(doubled->data(0, Qt::UserRole).value<const void *>());
        QVERIFY(target == c.competitors[5].get() || target == c.competitors[6].get());
        list->setFocus();
        QTest::keyClick(list, Qt::Key_Down);
        QCOMPARE(list->currentItem(), doubled);
        QTest::keyClick(list, Qt::Key_Return);
        QTRY_VERIFY(!dialog || !dialog->isVisible());
        QCOMPARE(window.currentNode(), target);
        QTRY_VERIFY(!window.publishFlow());
        QVERIFY(Prompts::takeWarnings().isEmpty());
        Prompts::setNextAnswer(QMessageBox::Discard);
    }
};

QTEST_MAIN(TestFindingsDialog)
#include "tst_findingsdialog.moc"

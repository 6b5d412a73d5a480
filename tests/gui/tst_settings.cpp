#include "settings.h"

#include <QTemporaryDir>
#include <QTest>

using namespace meetdesk;

class TestSettings : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_config;

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("XDG_CONFIG_HOME", m_config.path().toUtf8());
        QCoreApplication::setOrganizationName(QStringLiteral("MeetdeskTest"));
        QCoreApplication::setApplicationName(QStringLiteral("settings-test"));
    }

    void recentFilesNewestFirstAndBounded()
    {
        Settings::clearRecentFiles();
        for (int i = 0; i < 12; ++i)
            Settings::addRecentFile(QStringLiteral("/meets/%1.json").arg(i));
        Settings::addRecentFile(QStringLiteral("/meets/5.json"));
        const QStringList files = Settings::recentFiles();
        QCOMPARE(files.size(), Settings::maxRecentFiles);
        QCOMPARE(files.first(), QStringLiteral("/meets/5.json"));
        QCOMPARE(files.count(QStringLiteral("/meets/5.json")), 1);
        QCOMPARE(files[1], QStringLiteral("/meets/11.json"));
    }

    void autosaveInterval()
    {
        QCOMPARE(Settings::autosaveSeconds(), 30);
        Settings::setAutosaveSeconds(10);
        QCOMPARE(Settings::autosaveSeconds(), 10);
        Settings::setAutosaveSeconds(0);
        QCOMPARE(Settings::autosaveSeconds(), 1); // never a busy loop
    }

    void paperFollowsTheLocaleUntilChosen()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCOMPARE(Settings::paperSize(), QPageSize::Letter);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        QCOMPARE(Settings::paperSize(), QPageSize::A4);
        Settings::setPaperSize(QPageSize::Letter);
        QCOMPARE(Settings::paperSize(), QPageSize::Letter);
        QLocale::setDefault(QLocale::c());
    }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"

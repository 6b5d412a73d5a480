#pragma once

#include <QByteArray>
#include <QHash>
#include <QPageSize>
#include <QStringList>

namespace meetdesk {

// The app's settings behind one typed facade (QSettings underneath).
class Settings
{
public:
    static int autosaveSeconds(); // how often unsaved work goes to the recovery file; 30
    static void setAutosaveSeconds(int seconds);

    static QStringList recentFiles(); // newest first, at most maxRecentFiles
    static void addRecentFile(const QString &path);
    static void clearRecentFiles();
    static constexpr int maxRecentFiles = 8;

    // Where to publish: OpenTrack's test server until the user chooses otherwise.
    static QString server();
    static void setServer(const QString &apiRoot);
    static QString userName();
    static void setUserName(const QString &user);
    static const QString openTrackServer; // "https://data.opentrack.run/api/"
    static const QString openTrackTestServer; // "https://test-data.opentrack.run/api/"

    // The paper to print on: A4 or Letter, by default the one the locale uses.
    static QPageSize::PageSizeId paperSize();
    static void setPaperSize(QPageSize::PageSizeId paper);

    // The folder FinishLynx writes its .lif files to (File > Watch photo-finish folder...);
    // empty: none watched.
    static QString photoFinishFolder();
    static void setPhotoFinishFolder(const QString &path);
    // The .lif files applied: file name -> hash of the content applied.
    static QHash<QString, QByteArray> appliedLifFiles();
    static void setAppliedLifFiles(const QHash<QString, QByteArray> &files);

    static QByteArray windowGeometry();
    static void setWindowGeometry(const QByteArray &geometry);
    static QByteArray splitterState();
    static void setSplitterState(const QByteArray &state);
};

} // namespace meetdesk

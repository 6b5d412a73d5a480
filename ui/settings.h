#pragma once

#include <QByteArray>
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

    static QByteArray windowGeometry();
    static void setWindowGeometry(const QByteArray &geometry);
    static QByteArray splitterState();
    static void setSplitterState(const QByteArray &state);
};

} // namespace meetdesk

#include "settings.h"

#include "print/reportpainter.h"

#include <QFileInfo>
#include <QLocale>
#include <QSettings>

namespace meetdesk {

namespace {
const QString autosaveKey = QStringLiteral("files/autosaveSeconds");
const QString recentKey = QStringLiteral("files/recent");
const QString geometryKey = QStringLiteral("window/geometry");
const QString splitterKey = QStringLiteral("window/splitter");
const QString serverKey = QStringLiteral("publish/server");
const QString userKey = QStringLiteral("publish/user");
const QString paperKey = QStringLiteral("print/paper");
const QString photoFinishKey = QStringLiteral("photofinish/folder");
const QString appliedLifKey = QStringLiteral("photofinish/applied");
} // namespace

const QString Settings::openTrackServer = QStringLiteral("https://data.opentrack.run/api/");
const QString Settings::openTrackTestServer
    = QStringLiteral("https://test-data.opentrack.run/api/");

QString Settings::photoFinishFolder()
{
    return QSettings().value(photoFinishKey).toString();
}

void Settings::setPhotoFinishFolder(const QString &path)
{
    QSettings().setValue(photoFinishKey, path);
}

QHash<QString, QByteArray> Settings::appliedLifFiles()
{
    QHash<QString, QByteArray> files;
    const QVariantMap map = QSettings().value(appliedLifKey).toMap();
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        files.insert(it.key(), it.value().toByteArray());
    return files;
}

void Settings::setAppliedLifFiles(const QHash<QString, QByteArray> &files)
{
    QVariantMap map;
    for (auto it = files.cbegin(); it != files.cend(); ++it)
        map.insert(it.key(), it.value());
    QSettings().setValue(appliedLifKey, map);
}

QString Settings::server()
{
    return QSettings().value(serverKey, openTrackTestServer).toString();
}

void Settings::setServer(const QString &apiRoot)
{
    QSettings().setValue(serverKey, apiRoot);
}

QString Settings::userName()
{
    return QSettings().value(userKey).toString();
}

void Settings::setUserName(const QString &user)
{
    QSettings().setValue(userKey, user);
}

QPageSize::PageSizeId Settings::paperSize()
{
    return ReportPainter::paperNamed(QSettings().value(paperKey).toString())
        .value_or(ReportPainter::paperFor(QLocale()));
}

void Settings::setPaperSize(QPageSize::PageSizeId paper)
{
    QSettings().setValue(paperKey, QPageSize(paper).key());
}

int Settings::autosaveSeconds()
{
    return std::max(1, QSettings().value(autosaveKey, 30).toInt());
}

void Settings::setAutosaveSeconds(int seconds)
{
    QSettings().setValue(autosaveKey, seconds);
}

QStringList Settings::recentFiles()
{
    return QSettings().value(recentKey).toStringList();
}

void Settings::addRecentFile(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList files = recentFiles();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > maxRecentFiles)
        files.removeLast();
    QSettings().setValue(recentKey, files);
}

void Settings::clearRecentFiles()
{
    QSettings().remove(recentKey);
}

QByteArray Settings::windowGeometry()
{
    return QSettings().value(geometryKey).toByteArray();
}

void Settings::setWindowGeometry(const QByteArray &geometry)
{
    QSettings().setValue(geometryKey, geometry);
}

QByteArray Settings::splitterState()
{
    return QSettings().value(splitterKey).toByteArray();
}

void Settings::setSplitterState(const QByteArray &state)
{
    QSettings().setValue(splitterKey, state);
}

} // namespace meetdesk

#pragma once

#include <QMessageBox>
#include <QStringList>

namespace meetdesk {

// Every modal question the app asks goes through here, so GUI tests can answer in advance
// ("next answer", "next file name") instead of racing a dialog.
class Prompts
{
public:
    static QMessageBox::StandardButton ask(QWidget *parent, const QString &title,
                                           const QString &text,
                                           QMessageBox::StandardButtons buttons,
                                           QMessageBox::StandardButton defaultButton);
    // Shows a warning and returns at once; the box closes itself when read.
    static void warn(QWidget *parent, const QString &title, const QString &text);
    // One of the items, or an empty string when cancelled.
    static QString choose(QWidget *parent, const QString &title, const QString &label,
                          const QStringList &items);
    static QString openFileName(QWidget *parent, const QString &caption, const QString &filter);
    // A folder (the next file name set in advance answers this too).
    static QString folderName(QWidget *parent, const QString &caption, const QString &start = {});
    static QString saveFileName(QWidget *parent, const QString &caption, const QString &suggested,
                                const QString &filter);

    // Test seams: the next question gets this answer / the next file dialog this name
    // (empty: cancelled). Warnings shown while a test runs are recorded instead of shown.
    static void setNextAnswer(QMessageBox::StandardButton answer);
    static void setNextFileName(const QString &fileName);
    static void setNextChoice(const QString &item);
    static void setRecordWarnings(bool record);
    static QStringList takeWarnings();
};

} // namespace meetdesk

#pragma once

#include "import/lifwatch.h"

#include <QDialog>
#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>

class QAction;
class QCheckBox;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace meetdesk {

class DocumentEditor;
class Node;
struct LifApplied;

// One .lif offered by the watched folder, for review: the heat it matches (or why none), its
// rows (place, bib, name, time, wind) and the rows held for review with the reason, marked.
// Apply takes the clean rows (the held ones too only when ticked), and can mark the heat
// official, as one undo step; Ignore leaves the document alone. Not modal: entry goes on.
class PhotoFinishReview : public QDialog
{
    Q_OBJECT

public:
    PhotoFinishReview(std::function<DocumentEditor *()> editor, const LifWatch::Offer &offer,
                      QWidget *parent);

    const LifWatch::Offer &offer() const { return m_offer; }
    // Shows another version of the same file (rewritten by the photo-finish).
    void setOffer(const LifWatch::Offer &offer);
    // Reads the file against the document as it is now and fills the list.
    void refresh();

Q_SIGNALS:
    void applied(const meetdesk::LifApplied &applied);

private:
    void apply();

    std::function<DocumentEditor *()> m_editor;
    LifWatch::Offer m_offer;
    QLabel *m_heat;
    QLabel *m_note;
    QTreeWidget *m_rows;
    QCheckBox *m_acceptHeld;
    QCheckBox *m_markOfficial;
    QPushButton *m_apply;
    int m_heldCount = 0;
};

// File > Watch photo-finish folder...: the folder (remembered in the settings) watched by a
// LifWatch; each new or changed .lif opens a PhotoFinishReview (one per file name). Files
// applied are remembered (name and hash) so they are not offered again until they change.
class PhotoFinishFlow : public QObject
{
    Q_OBJECT

public:
    PhotoFinishFlow(QWidget *window, std::function<DocumentEditor *()> editor);

    QAction *watchAction() const { return m_watchAction; }
    LifWatch *watch() { return &m_watch; }

    // Watches this folder (empty: stops), remembering it; says what went wrong.
    bool watchFolder(const QString &path);
    // Asks for the folder.
    void chooseFolder();
    // The reviews open now.
    QList<PhotoFinishReview *> reviews() const;

Q_SIGNALS:
    void message(const QString &text);
    // The heat a file was applied to, to be shown.
    void nodeRequested(const meetdesk::Node *node);

private:
    void offered(const LifWatch::Offer &offer);

    QWidget *m_window;
    std::function<DocumentEditor *()> m_editor;
    QAction *m_watchAction;
    LifWatch m_watch;
    QHash<QString, QPointer<PhotoFinishReview>> m_reviews;
};

} // namespace meetdesk

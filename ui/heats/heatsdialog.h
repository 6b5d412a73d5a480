#pragma once

#include "heats/heatplanner.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QSpinBox;
class QTreeWidget;

namespace meetdesk {

// The preview of "Seed heats...", "Draw lanes..." and "Advance to next round...": the settings
// (heats, lanes, how to seed and draw, Q and q), the heats they give with lanes, bibs, names,
// clubs and seed marks, the notes (ties, marks that cannot be read), and what applying
// replaces, which the user confirms before Apply is enabled. Redraw draws again by lot. The
// dialog only proposes; its owner applies plan() when it is accepted.
class HeatsDialog : public QDialog
{
    Q_OBJECT

public:
    HeatsDialog(const Document &document, const Event &event, StartListPlan::Kind kind,
                const HeatRequest &request, QWidget *parent = nullptr);

    const StartListPlan &plan() const { return m_plan; }
    HeatRequest request() const;
    // A line under the settings, such as a saved setting that could not be read.
    void addNote(const QString &note);

    // A new draw, as Redraw makes it.
    void redraw();

private:
    void refresh();
    void showPlan();

    const Document &m_document;
    const Event &m_event;
    const StartListPlan::Kind m_kind;
    HeatRequest m_request;
    StartListPlan m_plan;
    QStringList m_extraNotes;
    QComboBox *m_seedMark = nullptr;
    QComboBox *m_method = nullptr;
    QCheckBox *m_separateClubs = nullptr;
    QSpinBox *m_byPlace = nullptr;
    QSpinBox *m_byTime = nullptr;
    QSpinBox *m_heats;
    QSpinBox *m_lanes;
    QComboBox *m_laneDraw;
    QTreeWidget *m_preview;
    QLabel *m_notes;
    QLabel *m_error;
    QLabel *m_replaced;
    QCheckBox *m_confirm;
    QDialogButtonBox *m_buttons;
};

} // namespace meetdesk

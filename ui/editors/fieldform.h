#pragma once

#include "edit/documenteditor.h"
#include "rules/finding.h"

#include <QHash>
#include <QSet>
#include <QWidget>

#include <functional>
#include <vector>

class QComboBox;
class QFormLayout;
class QLabel;

namespace meetdesk {

// A form over the fields of one node: one row per field, the widget chosen by the field's
// type (text, whole number, number, date typed or from a calendar, list) or by a choice list.
// Every change is an undo command through the DocumentEditor (typing in one field merges into
// one step); changes made elsewhere (undo, another view) show at once. Dates, and fields given
// a verb of their own (a bib that follows into results), are taken when the field is left;
// what cannot be taken stays as typed, marked, with a message naming the field. Widgets are
// named "field_<name>" for tests and for finding them again.
class FieldForm : public QWidget
{
    Q_OBJECT

public:
    struct Choice
    {
        QString value;
        QString text;
    };

    FieldForm(DocumentEditor &edit, const Node &node, QWidget *parent = nullptr);
    // Its editors lose the focus while the form is taken down (editingFinished): by then there
    // is no form to tell.
    ~FieldForm() override;

    const Node &node() const { return m_node; }
    DocumentEditor &editor() const { return m_edit; }

    // A row for the field with the widget its type calls for.
    QWidget *addField(QLatin1StringView name);
    // A row with a choice box: fixed (editable = false) or searchable free text.
    QComboBox *addChoice(QLatin1StringView name, const QList<Choice> &choices, bool editable);
    // Rows for every field of the node's kind not added yet, in schema order.
    void addRemainingFields();
    void addRow(const QString &label, QWidget *widget);
    QWidget *widget(QLatin1StringView name) const;

    // Shows these findings (of this node) under the form and marks their fields. That a field
    // "is required" shows once the field has been left, or once every finding is asked for:
    // a fresh form is not a list of complaints.
    void showFindings(const QList<Finding> &findings);
    // Shows every finding from now on, required fields included (the user asked to validate,
    // or came here from the findings panel).
    void showEveryFinding();
    bool showsEveryFinding() const { return m_showEvery; }
    // Reads every widget's value from the node again.
    void refresh();

    // Text typed into a field is passed through this first (e.g. a slug kept lower-case
    // without spaces); the field shows the result.
    void setTransform(QLatin1StringView name, std::function<QString(const QString &)> transform);

    // The field is taken when it is left (Tab, Enter, focus elsewhere), by this verb instead
    // of a plain change; it returns why it refused, shown on the field.
    using Apply = std::function<std::optional<Refusal>(const QString &text)>;
    void setApplyOnLeave(QLatin1StringView name, Apply apply);
    // Takes what is typed in fields that wait to be left (before saving, say).
    void commitPending();
    // Puts the focus in the first field still empty (else the first), its text selected.
    void focusFirstField();
    // The message shown for a field whose text could not be taken, or an empty string.
    QString inputError(QLatin1StringView name) const;

    // Calls back after the user changed a field here (not after undo or other views).
    void onEdited(std::function<void(QLatin1StringView field)> callback)
    {
        m_onEdited = std::move(callback);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Row
    {
        int field;
        QWidget *widget;
    };

    void commit(int field, const QVariant &value);
    void leave(int field);
    void setInputError(int field, const QString &message);
    void showMarks();
    // Notes when the field's widget (or a part of it) loses the keyboard to the user.
    void watchLeaving(QWidget *widget, int field);
    void showValue(const Row &row);
    void nodeChanged(Node *node, int field);
    Row *rowFor(int field);

    DocumentEditor &m_edit;
    const Node &m_node;
    QFormLayout *m_layout;
    QLabel *m_findings;
    std::vector<Row> m_rows;
    QHash<int, std::function<QString(const QString &)>> m_transforms;
    QHash<int, Apply> m_applyOnLeave;
    QHash<int, QString> m_inputErrors;
    QList<Finding> m_findingsShown;
    QHash<const QObject *, int> m_fieldOfWidget;
    QSet<int> m_left;
    bool m_showEvery = false;
    bool m_updating = false;
    std::function<void(QLatin1StringView)> m_onEdited;
};

} // namespace meetdesk

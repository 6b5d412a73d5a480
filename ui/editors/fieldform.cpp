#include "fieldform.h"

#include "datefield.h"
#include "model/describe.h"
#include "model/schema.h"

#include <QComboBox>
#include <QCompleter>
#include <QDoubleValidator>
#include <QFocusEvent>
#include <QFormLayout>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace meetdesk {

namespace {

FieldType typeOf(NodeKind kind, int field)
{
    // The schema's type for the field, found through a value of the kind's own type.
    static const auto lookup = [](NodeKind k, int f) {
        FieldType type = FieldType::Text;
        auto probe = [&](const auto &specs) {
            type = specs[size_t(f)].type;
        };
        switch (k) {
        case NodeKind::Competition:
            probe(fieldsOf<Competition>());
            break;
        case NodeKind::Competitor:
            probe(fieldsOf<Competitor>());
            break;
        case NodeKind::EventEntry:
            probe(fieldsOf<EventEntry>());
            break;
        case NodeKind::Team:
            probe(fieldsOf<Team>());
            break;
        case NodeKind::RelayTeam:
            probe(fieldsOf<RelayTeam>());
            break;
        case NodeKind::Event:
            probe(fieldsOf<Event>());
            break;
        case NodeKind::Unit:
            probe(fieldsOf<Unit>());
            break;
        case NodeKind::Result:
            probe(fieldsOf<Result>());
            break;
        case NodeKind::Trial:
            probe(fieldsOf<Trial>());
            break;
        }
        return type;
    };
    return lookup(kind, field);
}

const Competition &competitionOf(const Node &node)
{
    const Node *n = &node;
    while (n->parent())
        n = n->parent();
    return static_cast<const Competition &>(*n);
}

// The widget that shows a field's mark: the text of a date, the widget itself otherwise.
QWidget *markable(QWidget *widget)
{
    if (auto *date = qobject_cast<DateField *>(widget))
        return date->lineEdit();
    return widget;
}

QString choiceValue(const QComboBox *box)
{
    const QString text = box->currentText().trimmed();
    const int index = box->findText(text);
    if (index >= 0)
        return box->itemData(index).toString();
    return text;
}

} // namespace

FieldForm::~FieldForm()
{
    const QList<QWidget *> editors = findChildren<QWidget *>();
    for (QWidget *editor : editors)
        editor->disconnect(this);
}

FieldForm::FieldForm(DocumentEditor &edit, const Node &node, QWidget *parent)
    : QWidget(parent)
    , m_edit(edit)
    , m_node(node)
    , m_layout(new QFormLayout)
    , m_findings(new QLabel(this))
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addLayout(m_layout);
    m_findings->setObjectName(QStringLiteral("findings"));
    m_findings->setWordWrap(true);
    m_findings->setTextFormat(Qt::RichText);
    m_findings->hide();
    outer->addWidget(m_findings);
    m_layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    connect(&edit.document(), &Document::nodeChanged, this, &FieldForm::nodeChanged);
}

FieldForm::Row *FieldForm::rowFor(int field)
{
    for (Row &row : m_rows) {
        if (row.field == field)
            return &row;
    }
    return nullptr;
}

QWidget *FieldForm::widget(QLatin1StringView name) const
{
    const int field = fields::indexOf(m_node.kind(), name);
    for (const Row &row : m_rows) {
        if (row.field == field)
            return row.widget;
    }
    return nullptr;
}

void FieldForm::addRow(const QString &label, QWidget *widget)
{
    m_layout->addRow(label, widget);
}

QWidget *FieldForm::addField(QLatin1StringView name)
{
    const int field = fields::indexOf(m_node.kind(), name);
    Q_ASSERT(field >= 0);
    QWidget *widget = nullptr;
    switch (typeOf(m_node.kind(), field)) {
    case FieldType::Date: {
        auto *date = new DateField(this);
        const Competition &competition = competitionOf(m_node);
        date->setFallbackDate([&competition] { return competition.date; });
        connect(date, &DateField::edited, this, [this, field] { leave(field); });
        widget = date;
        break;
    }
    case FieldType::Integer:
    case FieldType::Decimal:
    case FieldType::Text:
    case FieldType::List:
    case FieldType::CommaList: {
        auto *edit = new QLineEdit(this);
        const FieldType type = typeOf(m_node.kind(), field);
        if (type == FieldType::Integer) {
            edit->setValidator(new QIntValidator(0, 999999, edit));
        } else if (type == FieldType::Decimal) {
            auto *validator = new QDoubleValidator(edit);
            validator->setLocale(QLocale::c());
            validator->setNotation(QDoubleValidator::StandardNotation);
            edit->setValidator(validator);
        } else if (type == FieldType::List || type == FieldType::CommaList) {
            edit->setPlaceholderText(tr("separated by commas"));
        }
        connect(edit, &QLineEdit::textEdited, this, [this, field, type](const QString &text) {
            if (m_applyOnLeave.contains(field))
                return; // taken when the field is left
            const QString t = text.trimmed();
            if (t.isEmpty()) {
                commit(field, QVariant());
            } else if (type == FieldType::Integer) {
                commit(field, t.toInt());
            } else if (type == FieldType::Decimal) {
                bool ok = false;
                const double d = QLocale::c().toDouble(t, &ok);
                if (ok)
                    commit(field, d);
            } else if (type == FieldType::List || type == FieldType::CommaList) {
                QStringList items;
                for (const QString &part : t.split(u','))
                    if (!part.trimmed().isEmpty())
                        items.append(part.trimmed());
                commit(field, items);
            } else if (const auto transform = m_transforms.value(field)) {
                const QString changed = transform(text);
                if (changed != text) {
                    auto *line = qobject_cast<QLineEdit *>(rowFor(field)->widget);
                    const int cursor = line->cursorPosition();
                    line->setText(changed);
                    line->setCursorPosition(std::min(cursor, int(changed.size())));
                }
                commit(field, changed);
            } else {
                commit(field, text);
            }
        });
        connect(edit, &QLineEdit::editingFinished, this, [this, field] { leave(field); });
        widget = edit;
        break;
    }
    }
    widget->setObjectName(QStringLiteral("field_") + name);
    m_layout->addRow(describe::fieldTitle(name), widget);
    m_rows.push_back({field, widget});
    watchLeaving(widget, field);
    showValue(m_rows.back());
    return widget;
}

QComboBox *FieldForm::addChoice(QLatin1StringView name, const QList<Choice> &choices, bool editable)
{
    const int field = fields::indexOf(m_node.kind(), name);
    Q_ASSERT(field >= 0);
    auto *box = new QComboBox(this);
    box->setObjectName(QStringLiteral("field_") + name);
    box->setEditable(editable);
    if (!editable)
        box->addItem(QString(), QString());
    for (const Choice &c : choices)
        box->addItem(c.text.isEmpty() ? c.value : c.text, c.value);
    if (editable) {
        box->setInsertPolicy(QComboBox::NoInsert);
        box->completer()->setFilterMode(Qt::MatchContains);
        box->completer()->setCaseSensitivity(Qt::CaseInsensitive);
        box->completer()->setCompletionMode(QCompleter::PopupCompletion);
        connect(box, &QComboBox::editTextChanged, this, [this, field, box] {
            if (!m_updating)
                commit(field, choiceValue(box));
        });
    } else {
        connect(box, &QComboBox::currentIndexChanged, this, [this, field, box](int index) {
            if (!m_updating)
                commit(field, box->itemData(index).toString());
        });
    }
    m_layout->addRow(describe::fieldTitle(name), box);
    m_rows.push_back({field, box});
    watchLeaving(box, field);
    showValue(m_rows.back());
    return box;
}

void FieldForm::setTransform(QLatin1StringView name,
                             std::function<QString(const QString &)> transform)
{
    m_transforms.insert(fields::indexOf(m_node.kind(), name), std::move(transform));
}

void FieldForm::addRemainingFields()
{
    for (int field = 0; field < fields::count(m_node.kind()); ++field) {
        if (!rowFor(field))
            addField(fields::name(m_node.kind(), field));
    }
}

void FieldForm::commit(int field, const QVariant &value)
{
    if (m_updating)
        return;
    m_updating = true; // our own change comes back through nodeChanged: leave the widget be
    m_edit.setValue(m_node, field, value);
    m_updating = false;
    if (m_onEdited)
        m_onEdited(fields::name(m_node.kind(), field));
}

void FieldForm::setApplyOnLeave(QLatin1StringView name, Apply apply)
{
    m_applyOnLeave.insert(fields::indexOf(m_node.kind(), name), std::move(apply));
}

void FieldForm::leave(int field)
{
    const Row *row = rowFor(field);
    if (!row || m_updating)
        return;
    if (auto *date = qobject_cast<DateField *>(row->widget)) {
        if (!date->lineEdit()->isModified())
            return; // as shown: a value the file held raw stays as it was
        const std::optional<QDate> parsed = DateField::parse(date->text());
        if (!parsed) {
            const QDate example = QDate::currentDate();
            setInputError(field,
                          tr("\"%1\" is not a date: type it as %2 or %3")
                              .arg(date->text().trimmed(), example.toString(Qt::ISODate),
                                   QLocale().toString(example, DateField::localFormat())));
            return;
        }
        setInputError(field, QString());
        commit(field, parsed->isValid() ? QVariant(*parsed) : QVariant());
        date->setDate(*parsed); // as the file writes it
        return;
    }
    const Apply apply = m_applyOnLeave.value(field);
    auto *line = qobject_cast<QLineEdit *>(row->widget);
    if (!apply || !line)
        return;
    if (line->text() == fields::value(m_node, field).toString()) {
        setInputError(field, QString());
        return;
    }
    m_updating = true; // our own change comes back through nodeChanged: leave the widget be
    const std::optional<Refusal> refused = apply(line->text());
    m_updating = false;
    if (refused) {
        setInputError(field, refused->message); // the text stays as typed, to be corrected
        return;
    }
    setInputError(field, QString());
    showValue(*row);
    if (m_onEdited)
        m_onEdited(fields::name(m_node.kind(), field));
}

void FieldForm::commitPending()
{
    for (const Row &row : m_rows) {
        if (qobject_cast<DateField *>(row.widget) || m_applyOnLeave.contains(row.field))
            leave(row.field);
    }
}

void FieldForm::focusFirstField()
{
    if (m_rows.empty())
        return;
    const auto empty = std::find_if(m_rows.begin(), m_rows.end(), [this](const Row &row) {
        return !fields::value(m_node, row.field).isValid()
            && fields::rawIndex(m_node, row.field) < 0;
    });
    QWidget *first = (empty != m_rows.end() ? *empty : m_rows.front()).widget;
    auto *box = qobject_cast<QComboBox *>(first);
    auto *line = qobject_cast<QLineEdit *>(box && box->isEditable() ? box->lineEdit() : first);
    if (auto *date = qobject_cast<DateField *>(first))
        line = date->lineEdit();
    QWidget *target = line ? line : first;
    target->setFocus(Qt::OtherFocusReason);
    if (line)
        line->selectAll();
}

QString FieldForm::inputError(QLatin1StringView name) const
{
    return m_inputErrors.value(fields::indexOf(m_node.kind(), name));
}

void FieldForm::setInputError(int field, const QString &message)
{
    if (message.isEmpty() ? m_inputErrors.remove(field) == 0
                          : m_inputErrors.value(field) == message)
        return;
    if (!message.isEmpty())
        m_inputErrors.insert(field, message);
    showMarks();
}

void FieldForm::showValue(const Row &row)
{
    const QVariant value = fields::value(m_node, row.field);
    const int raw = fields::rawIndex(m_node, row.field);
    const QString rawText = raw >= 0 ? m_node.extras[size_t(raw)].value.describe() : QString();
    const QSignalBlocker blocker(row.widget);
    const bool wasUpdating = std::exchange(m_updating, true);
    if (m_inputErrors.remove(row.field) > 0) // what the node holds is shown again
        showMarks();
    if (auto *date = qobject_cast<DateField *>(row.widget)) {
        date->setDate(value.isValid() ? value.toDate() : QDate());
        if (!value.isValid() && raw >= 0)
            date->lineEdit()->setPlaceholderText(tr("kept as written: %1").arg(rawText));
    } else if (auto *box = qobject_cast<QComboBox *>(row.widget)) {
        const QString v = value.toString();
        const int index = box->findData(v);
        if (box->isEditable())
            box->setEditText(index >= 0 ? box->itemText(index) : v);
        else
            box->setCurrentIndex(std::max(0, index));
    } else if (auto *line = qobject_cast<QLineEdit *>(row.widget)) {
        QString text;
        if (value.typeId() == QMetaType::QStringList)
            text = value.toStringList().join(QStringLiteral(", "));
        else if (value.typeId() == QMetaType::Double)
            text = QString::number(value.toDouble(), 'g', 12);
        else
            text = value.toString();
        if (!value.isValid() && raw >= 0)
            line->setPlaceholderText(tr("kept as written: %1").arg(rawText));
        if (line->text() != text)
            line->setText(text);
    }
    m_updating = wasUpdating;
}

void FieldForm::refresh()
{
    for (const Row &row : m_rows)
        showValue(row);
}

void FieldForm::nodeChanged(Node *node, int field)
{
    if (node != &m_node || m_updating)
        return;
    if (field < 0) {
        refresh();
    } else if (const Row *row = rowFor(field)) {
        showValue(*row);
    }
}

void FieldForm::showFindings(const QList<Finding> &findings)
{
    m_findingsShown = findings;
    showMarks();
}

void FieldForm::showEveryFinding()
{
    if (m_showEvery)
        return;
    m_showEvery = true;
    showMarks();
}

void FieldForm::watchLeaving(QWidget *widget, int field)
{
    m_fieldOfWidget.insert(widget, field);
    widget->installEventFilter(this);
    for (QWidget *part : widget->findChildren<QWidget *>()) {
        m_fieldOfWidget.insert(part, field);
        part->installEventFilter(this);
    }
}

bool FieldForm::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::FocusOut) {
        const auto reason = static_cast<QFocusEvent *>(event)->reason();
        // A menu or another window taking the keyboard is not the user leaving the field.
        if (reason != Qt::PopupFocusReason && reason != Qt::ActiveWindowFocusReason) {
            const auto it = m_fieldOfWidget.constFind(watched);
            if (it != m_fieldOfWidget.constEnd() && !m_left.contains(*it)) {
                m_left.insert(*it);
                showMarks();
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

void FieldForm::showMarks()
{
    QStringList lines;
    for (Row &row : m_rows) {
        row.widget->setProperty("finding", QVariant());
        row.widget->setProperty("inputError", QVariant());
        markable(row.widget)->setStyleSheet(QString());
        row.widget->setToolTip(QString());
    }
    static const QString errorColour = QStringLiteral("#c0392b");
    const auto line = [](const QString &colour, const QString &text) {
        return QStringLiteral("<span style=\"color:%1\">%2</span>")
            .arg(colour, text.toHtmlEscaped());
    };
    for (const Row &row : m_rows) {
        const QString message = m_inputErrors.value(row.field);
        if (message.isEmpty())
            continue;
        row.widget->setProperty("inputError", message);
        row.widget->setToolTip(message);
        markable(row.widget)
            ->setStyleSheet(QStringLiteral("border: 1px solid %1;").arg(errorColour));
        lines.append(line(errorColour,
                          describe::fieldTitle(fields::name(m_node.kind(), row.field))
                              + QStringLiteral(": ") + message));
    }
    for (const Finding &f : std::as_const(m_findingsShown)) {
        const QString field = f.path.section(u'.', -1);
        const bool error = f.severity == Finding::Severity::Error;
        if (!m_showEvery && f.rule == QLatin1StringView("required")
            && !m_left.contains(
                fields::indexOf(m_node.kind(), QLatin1StringView(field.toLatin1()))))
            continue; // not yet: the user has not been to the field
        if (Row *row
            = rowFor(fields::indexOf(m_node.kind(), QLatin1StringView(field.toLatin1())))) {
            if (m_inputErrors.contains(row->field))
                continue; // what is typed is not in the node yet: its findings can wait
            row->widget->setProperty("finding", f.message);
            row->widget->setToolTip(f.message);
            markable(row->widget)
                ->setStyleSheet(error ? QStringLiteral("border: 1px solid #c0392b;")
                                      : QStringLiteral("border: 1px solid #d68910;"));
        }
        lines.append(line(error ? errorColour : QStringLiteral("#9a6700"),
                          describe::fieldTitle(QLatin1StringView(field.toLatin1()))
                              + QStringLiteral(": ") + f.message));
    }
    m_findings->setText(lines.join(QStringLiteral("<br>")));
    m_findings->setVisible(!lines.isEmpty());
}

} // namespace meetdesk

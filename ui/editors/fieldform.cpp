#include "fieldform.h"

#include "model/describe.h"
#include "model/schema.h"

#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QDoubleValidator>
#include <QFormLayout>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace meetdesk {

namespace {

const QDate blankDate(1900, 1, 1); // QDateEdit's minimum shows as blank: no date

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

QString choiceValue(const QComboBox *box)
{
    const QString text = box->currentText().trimmed();
    const int index = box->findText(text);
    if (index >= 0)
        return box->itemData(index).toString();
    return text;
}

} // namespace

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
        auto *edit = new QDateEdit(this);
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setMinimumDate(blankDate);
        edit->setSpecialValueText(QStringLiteral(" "));
        connect(edit, &QDateEdit::dateChanged, this, [this, field](QDate date) {
            commit(field, date == blankDate ? QVariant() : QVariant(date));
        });
        widget = edit;
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
        widget = edit;
        break;
    }
    }
    widget->setObjectName(QStringLiteral("field_") + name);
    m_layout->addRow(describe::fieldTitle(name), widget);
    m_rows.push_back({field, widget});
    show(m_rows.back());
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
    show(m_rows.back());
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

void FieldForm::show(const Row &row)
{
    const QVariant value = fields::value(m_node, row.field);
    const int raw = fields::rawIndex(m_node, row.field);
    const QString rawText = raw >= 0 ? m_node.extras[size_t(raw)].value.describe() : QString();
    const QSignalBlocker blocker(row.widget);
    const bool wasUpdating = std::exchange(m_updating, true);
    if (auto *date = qobject_cast<QDateEdit *>(row.widget)) {
        date->setDate(value.isValid() ? value.toDate() : blankDate);
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
        show(row);
}

void FieldForm::nodeChanged(Node *node, int field)
{
    if (node != &m_node || m_updating)
        return;
    if (field < 0) {
        refresh();
    } else if (const Row *row = rowFor(field)) {
        show(*row);
    }
}

void FieldForm::showFindings(const QList<Finding> &findings)
{
    QStringList lines;
    for (Row &row : m_rows) {
        row.widget->setProperty("finding", QVariant());
        row.widget->setStyleSheet(QString());
        row.widget->setToolTip(QString());
    }
    for (const Finding &f : findings) {
        const QString field = f.path.section(u'.', -1);
        if (Row *row
            = rowFor(fields::indexOf(m_node.kind(), QLatin1StringView(field.toLatin1())))) {
            row->widget->setProperty("finding", f.message);
            row->widget->setToolTip(f.message);
            row->widget->setStyleSheet(f.severity == Finding::Severity::Error
                                           ? QStringLiteral("border: 1px solid #c0392b;")
                                           : QStringLiteral("border: 1px solid #d68910;"));
        }
        const QString colour = f.severity == Finding::Severity::Error ? QStringLiteral("#c0392b")
                                                                      : QStringLiteral("#9a6700");
        const QString text = describe::fieldTitle(QLatin1StringView(field.toLatin1()))
            + QStringLiteral(": ") + f.message;
        lines.append(
            QStringLiteral("<span style=\"color:%1\">%2</span>").arg(colour, text.toHtmlEscaped()));
    }
    m_findings->setText(lines.join(QStringLiteral("<br>")));
    m_findings->setVisible(!lines.isEmpty());
}

} // namespace meetdesk

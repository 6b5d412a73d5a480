#include "reviewdialog.h"

#include "model/describe.h"
#include "opentrack/payload.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QVBoxLayout>

namespace meetdesk {

namespace {

enum Column { RecordColumn, BaseColumn, FileColumn, ServerColumn, ChoiceColumn };

constexpr int maxRowsPerField = 40;

struct Difference
{
    QString where; // "results, bib 101: performance"
    JsonValue base;
    JsonValue file;
    JsonValue server;
};

const JsonValue *orNull(const JsonValue *value)
{
    static const JsonValue null;
    return value ? value : &null;
}

bool allOf(std::initializer_list<const JsonValue *> values, bool (JsonValue::*is)() const)
{
    bool any = false;
    for (const JsonValue *v : values) {
        if (v->isNull())
            continue;
        if (!(v->*is)())
            return false;
        any = true;
    }
    return any;
}

// A field as the forms name it: "last_name" -> "Last name", "competitor_id" -> "Bib".
QString fieldName(const QString &field)
{
    const QByteArray latin = field.toLatin1();
    return describe::fieldTitle(QLatin1StringView(latin));
}

QString join(const QString &where, const QString &part)
{
    return where.isEmpty() ? part : where + QStringLiteral(": ") + part;
}

// A list of records that all carry a bib (a heat's results) is compared bib by bib; others
// item by item.
bool byBib(std::initializer_list<const JsonValue *> lists)
{
    for (const JsonValue *list : lists) {
        for (const JsonValue &item : list->items()) {
            if (!item.isObject() || payload::textOf(item, u"bib").isEmpty())
                return false;
        }
    }
    return true;
}

// The leaves where base, file and server part ways, so that a heat's results show as the
// performances that differ rather than three lists.
void differences(const QString &where, const JsonValue *b, const JsonValue *f, const JsonValue *s,
                 QList<Difference> &out)
{
    if (out.size() > maxRowsPerField)
        return;
    if (payload::same(b, f) && payload::same(f, s))
        return;
    if (allOf({b, f, s}, &JsonValue::isObject)) {
        QStringList keys;
        for (const JsonValue *v : {f, s, b}) {
            for (const JsonMember &m : v->members()) {
                if (!keys.contains(m.key))
                    keys.append(m.key);
            }
        }
        for (const QString &key : std::as_const(keys))
            differences(join(where, fieldName(key)), orNull(b->find(key)), orNull(f->find(key)),
                        orNull(s->find(key)), out);
        return;
    }
    if (allOf({b, f, s}, &JsonValue::isArray)) {
        if (byBib({b, f, s})) {
            QStringList bibs;
            const auto find = [](const JsonValue *list, const QString &bib) -> const JsonValue * {
                for (const JsonValue &item : list->items()) {
                    if (payload::textOf(item, u"bib") == bib)
                        return &item;
                }
                return orNull(nullptr);
            };
            for (const JsonValue *v : {f, s, b}) {
                for (const JsonValue &item : v->items()) {
                    const QString bib = payload::textOf(item, u"bib");
                    if (!bibs.contains(bib))
                        bibs.append(bib);
                }
            }
            for (const QString &bib : std::as_const(bibs))
                differences(where + QStringLiteral(", bib ") + bib, find(b, bib), find(f, bib),
                            find(s, bib), out);
            return;
        }
        const size_t n = std::max({b->items().size(), f->items().size(), s->items().size()});
        const auto at = [](const JsonValue *list, size_t i) {
            return i < list->items().size() ? &list->items()[i] : orNull(nullptr);
        };
        for (size_t i = 0; i < n; ++i)
            differences(where + QStringLiteral(" %1").arg(i + 1), at(b, i), at(f, i), at(s, i),
                        out);
        return;
    }
    out.append({where, *b, *f, *s});
}

QString shown(const JsonValue &value)
{
    switch (value.type()) {
    case JsonValue::Type::Null:
        return QStringLiteral("—");
    case JsonValue::Type::Bool:
        return value.toBool() ? ReviewDialog::tr("yes") : ReviewDialog::tr("no");
    case JsonValue::Type::Number:
    case JsonValue::Type::String:
        return value.text().isEmpty() ? QStringLiteral("—") : value.text();
    default:
        return QString::fromUtf8(payload::toBytes(value));
    }
}

bool needsChoice(const PublishItem &item)
{
    return !item.serverChanges.isEmpty() || !item.conflicts.isEmpty();
}

// The review's groups, in the order they are shown: what needs a choice first.
enum class Group { Conflict, ServerChange, Create, Update, Delete, None };

Group groupOf(const PublishItem &item)
{
    if (item.remember && item.action != PublishItem::Action::Conflict)
        return Group::None;
    if (!item.conflicts.isEmpty())
        return Group::Conflict;
    if (!item.serverChanges.isEmpty())
        return Group::ServerChange;
    switch (item.action) {
    case PublishItem::Action::Create:
        return Group::Create;
    case PublishItem::Action::Update:
        return Group::Update;
    case PublishItem::Action::Delete:
        return Group::Delete;
    default:
        return Group::None;
    }
}

} // namespace

ReviewDialog::ReviewDialog(Publisher *publisher, const QString &server, QWidget *parent)
    : QDialog(parent)
    , m_publisher(publisher)
    , m_server(server)
    , m_summary(new QLabel(this))
    , m_message(new QLabel(this))
    , m_tree(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("reviewDialog"));
    setWindowTitle(tr("Review changes"));
    m_summary->setObjectName(QStringLiteral("reviewSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setObjectName(QStringLiteral("reviewMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #a03020"));
    m_message->hide();

    m_tree->setObjectName(QStringLiteral("reviewTree"));
    m_tree->setHeaderLabels({tr("Record / field"), tr("Last published"), tr("This file"),
                             tr("OpenTrack"), tr("Choice")});
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setTextElideMode(Qt::ElideMiddle);
    m_tree->header()->setStretchLastSection(true);
    m_tree->header()->resizeSection(RecordColumn, 300);
    for (int column : {BaseColumn, FileColumn, ServerColumn})
        m_tree->header()->resizeSection(column, 130);

    const auto button = [this](const QString &text, const char *name, const QString &tip) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(QLatin1StringView(name));
        b->setToolTip(tip);
        b->setAutoDefault(false);
        return b;
    };
    m_take = button(tr("&Take OpenTrack's version"), "takeServerButton",
                    tr("Take the selected records' OpenTrack values into this file (one edit: "
                       "Edit > Undo takes it back)"));
    m_overwrite = button(tr("&Overwrite with mine"), "overwriteButton",
                         tr("Send this file's version of the selected records over OpenTrack's"));
    m_undecided = button(tr("&Decide later"), "undecidedButton",
                         tr("Leave the selected records as they are on OpenTrack; send nothing "
                            "of a conflict"));
    m_takeAll = button(tr("Take a&ll from OpenTrack"), "takeAllButton",
                       tr("Take OpenTrack's version of every record listed above"));
    m_overwriteAll = button(tr("Overwrite all &with mine"), "overwriteAllButton",
                            tr("Send this file's version over every change made on OpenTrack"));
    connect(m_take, &QPushButton::clicked, this, [this] { takeServerVersion(selectedKeys()); });
    connect(m_overwrite, &QPushButton::clicked, this, [this] { overwrite(selectedKeys(), true); });
    connect(m_undecided, &QPushButton::clicked, this, [this] { overwrite(selectedKeys(), false); });
    connect(m_takeAll, &QPushButton::clicked, this, [this] { takeServerVersion(allKeys()); });
    connect(m_overwriteAll, &QPushButton::clicked, this, [this] { overwrite(allKeys(), true); });
    connect(m_tree, &QTreeWidget::itemSelectionChanged, this, &ReviewDialog::updateButtons);

    auto *choices = new QHBoxLayout;
    choices->addWidget(m_take);
    choices->addWidget(m_overwrite);
    choices->addWidget(m_undecided);
    choices->addStretch(1);
    choices->addWidget(m_takeAll);
    choices->addWidget(m_overwriteAll);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_publish = buttons->addButton(tr("&Publish"), QDialogButtonBox::AcceptRole);
    m_publish->setObjectName(QStringLiteral("publishButton"));
    m_publish->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_message);
    layout->addWidget(m_tree, 1);
    layout->addLayout(choices);
    layout->addWidget(buttons);
    resize(1000, 600);

    rebuild();
    m_tree->setFocus();
}

void ReviewDialog::rebuild()
{
    const QStringList wasSelected = selectedKeys();
    QString current;
    for (QTreeWidgetItem *i = m_tree->currentItem(); i && current.isEmpty(); i = i->parent())
        current = i->data(RecordColumn, KeyRole).toString();
    m_tree->clear();

    const QList<PublishItem> &items = m_publisher->items();
    const std::pair<Group, QString> groups[] = {
        {Group::Conflict, tr("Changed here and on OpenTrack (conflict)")},
        {Group::ServerChange, tr("Changed on OpenTrack since your last publish")},
        {Group::Create, tr("To create")},
        {Group::Update, tr("To change")},
        {Group::Delete, tr("To delete")},
    };
    int sent = 0;
    int unchanged = 0;
    int conflicts = 0;
    int serverChanges = 0;
    int overwritten = 0;
    for (const PublishItem &item : items) {
        sent += item.action == PublishItem::Action::Create
            || item.action == PublishItem::Action::Update
            || (item.action == PublishItem::Action::Delete && !item.remember);
        unchanged += item.action == PublishItem::Action::Unchanged;
        if (needsChoice(item)) {
            if (item.overwrite)
                ++overwritten;
            else if (!item.conflicts.isEmpty())
                ++conflicts;
            else
                ++serverChanges;
        }
    }
    m_waiting = conflicts + serverChanges;

    QFont bold = m_tree->font();
    bold.setBold(true);
    QTreeWidgetItem *select = nullptr;
    for (const auto &[group, title] : groups) {
        QList<QTreeWidgetItem *> records;
        for (const PublishItem &item : items) {
            if (groupOf(item) != group)
                continue;
            auto *record = new QTreeWidgetItem({item.label});
            record->setData(RecordColumn, KeyRole, item.key);
            if (!item.note.isEmpty())
                record->setToolTip(RecordColumn, item.note);
            if (needsChoice(item)) {
                const QString choice = item.overwrite ? tr("Overwrite with mine")
                    : item.conflicts.isEmpty()        ? tr("Leave OpenTrack's change")
                                                      : tr("Waiting: not sent");
                record->setText(ChoiceColumn, choice);
                record->setForeground(ChoiceColumn,
                                      item.overwrite                 ? QColor(0x1f, 0x6f, 0xb2)
                                          : item.conflicts.isEmpty() ? QColor(0x9a, 0x67, 0x00)
                                                                     : QColor(0xc0, 0x39, 0x2b));
                if (!item.note.isEmpty())
                    record->setToolTip(ChoiceColumn, item.note);
            } else if (!item.note.isEmpty()) {
                record->setText(ChoiceColumn, item.note);
            }
            const auto addFields = [&](const QList<FieldChange> &changes, bool conflict) {
                for (const FieldChange &change : changes) {
                    QList<Difference> rows;
                    const QString name = fieldName(change.field);
                    differences(name, &change.base, &change.file, &change.server, rows);
                    if (rows.isEmpty())
                        rows.append({name, change.base, change.file, change.server});
                    for (qsizetype i = 0; i < rows.size(); ++i) {
                        auto *field = new QTreeWidgetItem(record);
                        if (i == maxRowsPerField) {
                            field->setText(RecordColumn, tr("... and more in %1").arg(name));
                            break;
                        }
                        const Difference &d = rows[i];
                        field->setText(RecordColumn, d.where);
                        field->setText(BaseColumn, shown(d.base));
                        field->setText(FileColumn, shown(d.file));
                        field->setText(ServerColumn, shown(d.server));
                        for (int column : {BaseColumn, FileColumn, ServerColumn})
                            field->setToolTip(column, field->text(column));
                        if (!payload::same(d.file, d.base))
                            field->setFont(FileColumn, bold);
                        if (!payload::same(d.server, d.base))
                            field->setFont(ServerColumn, bold);
                        if (conflict)
                            field->setText(ChoiceColumn, tr("changed on both sides"));
                    }
                }
            };
            addFields(item.conflicts, true);
            addFields(item.serverChanges, false);
            if (group == Group::Update || group == Group::Create) {
                // Never published from this file: the OpenTrack values it replaces.
                for (const FieldChange &change : item.replaced) {
                    auto *field = new QTreeWidgetItem(record);
                    field->setText(RecordColumn, fieldName(change.field));
                    field->setText(FileColumn, shown(change.file));
                    field->setText(ServerColumn, shown(change.server));
                    field->setText(ChoiceColumn, tr("replaces OpenTrack's value"));
                }
            }
            records.append(record);
            if (item.key == current)
                select = record;
        }
        if (records.isEmpty())
            continue;
        auto *top = new QTreeWidgetItem(m_tree,
                                        {QStringLiteral("%1 (%2)").arg(title).arg(records.size())});
        top->setFont(RecordColumn, bold);
        top->setFirstColumnSpanned(true);
        top->addChildren(records);
        const bool attention = group == Group::Conflict || group == Group::ServerChange;
        top->setExpanded(attention || records.size() <= 50);
        for (QTreeWidgetItem *record : std::as_const(records)) {
            record->setExpanded(attention);
            if (wasSelected.contains(record->data(RecordColumn, KeyRole).toString()))
                record->setSelected(true);
        }
        if (!select && attention)
            select = records.first();
    }
    if (!select && m_tree->topLevelItemCount() > 0)
        select = m_tree->topLevelItem(0);
    if (select) {
        m_tree->setCurrentItem(select, RecordColumn, QItemSelectionModel::NoUpdate);
        if (m_tree->selectedItems().isEmpty())
            select->setSelected(true);
        m_tree->scrollToItem(select);
    }

    QStringList lines;
    lines.append(sent == 0 && m_waiting > 0
                     ? tr("Nothing to send to %1 unless you overwrite OpenTrack's changes (%2 "
                          "records unchanged).")
                           .arg(m_server)
                           .arg(unchanged)
                     : sent == 0
                     ? tr("%1 already holds all of this competition (%2 records "
                          "unchanged). Nothing to send.")
                           .arg(m_server)
                           .arg(unchanged)
                     : tr("Publishing to %1 will send %n change(s); %2 record(s) are unchanged.",
                          nullptr, sent)
                           .arg(m_server)
                           .arg(unchanged));
    if (conflicts > 0)
        lines.append(tr("<b>%n conflict(s) waiting for your choice:</b> changed here and on "
                        "OpenTrack; nothing of them is sent until you choose.",
                        nullptr, conflicts));
    if (serverChanges > 0)
        lines.append(tr("%n record(s) changed on OpenTrack since your last publish: those "
                        "changes stay there unless you overwrite them.",
                        nullptr, serverChanges));
    if (overwritten > 0)
        lines.append(
            tr("%n record(s) will be overwritten with this file's version.", nullptr, overwritten));
    m_summary->setText(lines.join(QStringLiteral("<br>")));
    m_publish->setEnabled(sent > 0);
    // The value columns only where there are values to compare.
    bool values = false;
    bool choices = false;
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        values
            = values || !(*it)->text(FileColumn).isEmpty() || !(*it)->text(ServerColumn).isEmpty();
        choices = choices || !(*it)->text(ChoiceColumn).isEmpty();
    }
    for (int column : {BaseColumn, FileColumn, ServerColumn}) {
        m_tree->setColumnHidden(column, !values);
        if (values) { // wide enough for a name or a time; long values are elided, in full as tips
            m_tree->resizeColumnToContents(column);
            m_tree->setColumnWidth(column, std::clamp(m_tree->columnWidth(column) + 12, 110, 260));
        }
    }
    m_tree->setColumnHidden(ChoiceColumn, !choices);
    const bool toChoose = !allKeys().isEmpty();
    for (QPushButton *b : {m_take, m_overwrite, m_undecided, m_takeAll, m_overwriteAll})
        b->setVisible(toChoose);
    updateButtons();
}

QStringList ReviewDialog::selectedKeys() const
{
    QSet<QString> chosen;
    for (QTreeWidgetItem *item : m_tree->selectedItems()) {
        for (QTreeWidgetItem *i = item; i; i = i->parent()) {
            if (const QString key = i->data(RecordColumn, KeyRole).toString(); !key.isEmpty()) {
                chosen.insert(key);
                break;
            }
        }
    }
    QStringList keys;
    for (const PublishItem &item : m_publisher->items()) {
        if (chosen.contains(item.key) && needsChoice(item))
            keys.append(item.key);
    }
    return keys;
}

QStringList ReviewDialog::allKeys() const
{
    QStringList keys;
    for (const PublishItem &item : m_publisher->items()) {
        if (needsChoice(item) && groupOf(item) != Group::None)
            keys.append(item.key);
    }
    return keys;
}

void ReviewDialog::takeServerVersion(const QStringList &keys)
{
    if (keys.isEmpty())
        return;
    // Taken records are as on OpenTrack: nothing to overwrite there any more.
    for (const QString &key : keys)
        m_publisher->setOverwrite(key, false);
    const QString notTaken = m_publisher->takeServerVersion(keys);
    m_message->setText(notTaken.isEmpty() ? QString()
                                          : tr("Not everything could be taken: %1").arg(notTaken));
    m_message->setVisible(!notTaken.isEmpty());
    rebuild();
    m_tree->setFocus();
    // The taken record is a new node now: show it (the window's selection moved off the old).
    for (const PublishItem &item : m_publisher->items()) {
        if (item.node && item.key == keys.first()) {
            Q_EMIT nodeRequested(item.node);
            break;
        }
    }
}

void ReviewDialog::overwrite(const QStringList &keys, bool overwrite)
{
    for (const QString &key : keys)
        m_publisher->setOverwrite(key, overwrite);
    m_message->hide();
    rebuild();
    m_tree->setFocus();
}

void ReviewDialog::updateButtons()
{
    const QStringList keys = selectedKeys();
    bool anyOverwritten = false;
    bool anyNot = false;
    for (const PublishItem &item : m_publisher->items()) {
        if (keys.contains(item.key))
            (item.overwrite ? anyOverwritten : anyNot) = true;
    }
    m_take->setEnabled(!keys.isEmpty());
    m_overwrite->setEnabled(anyNot);
    m_undecided->setEnabled(anyOverwritten);
}

} // namespace meetdesk

#include "resultstablemodel.h"

#include "athletics/nodeadapters.h"
#include "athletics/wind.h"

namespace meetdesk {

namespace {

// What the grid keeps of a typed performance: the standard spelling when it reads as one for
// the event ("10,37" -> "10.37", "dq tr16.8" -> "DQ TR16.8"), otherwise the text as typed, so
// nothing is lost and the validator can name it.
QString performanceToKeep(const Node *owner, const QString &typed)
{
    if (!owner)
        return typed;
    const Event *event = fromnodes::eventOf(*owner);
    const Parsed<Performance> p = event && event != owner
        ? Performance::parseFor(event->eventCode, typed)
        : Performance::parse(fromnodes::kindOf(*owner), typed);
    return p ? p->toString() : typed;
}

} // namespace

ResultsTableModel::ResultsTableModel(Document *document, const Node *owner, ListId list,
                                     QObject *parent)
    : ResultListModel(document, owner, list, parent)
{ }

int ResultsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QLatin1StringView ResultsTableModel::fieldOf(int column)
{
    switch (column) {
    case Bib:
        return QLatin1StringView("bib");
    case Place:
        return QLatin1StringView("place");
    case Performance:
        return QLatin1StringView("performance");
    case Points:
        return QLatin1StringView("points");
    case Lane:
        return QLatin1StringView("lane");
    case Wind:
        return QLatin1StringView("wind");
    default:
        return {};
    }
}

QVariant ResultsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return isNewRow(section) ? QStringLiteral("*") : QString::number(section + 1);
    switch (section) {
    case Bib:
        return tr("Bib");
    case Name:
        return tr("Name");
    case Place:
        return tr("Place");
    case Performance:
        return tr("Performance");
    case Points:
        return tr("Points");
    case Lane:
        return tr("Lane");
    case Wind:
        return tr("Wind");
    default:
        return {};
    }
}

QVariant ResultsTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::EditRole))
        return {};
    const Result *r = result(index.row());
    if (!r)
        return {};
    if (index.column() == Name)
        return nameOf(r->bib);
    const int field = fields::indexOf(NodeKind::Result, fieldOf(index.column()));
    const QVariant value = fields::value(*r, field);
    if (value.typeId() == QMetaType::Double)
        return QString::number(value.toDouble(), 'g', 10);
    return value;
}

bool ResultsTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::EditRole || !isEditableColumn(index.column()))
        return false;
    QString text = value.toString().trimmed();
    QVariant typed = text;
    switch (index.column()) {
    case Place:
    case Lane: {
        bool ok = false;
        const int number = text.toInt(&ok);
        if (!text.isEmpty() && (!ok || number < 0))
            return false;
        typed = text.isEmpty() ? QVariant() : QVariant(number);
        break;
    }
    case Points: {
        bool ok = false;
        const double number = text.toDouble(&ok);
        if (!text.isEmpty() && !ok)
            return false;
        typed = text.isEmpty() ? QVariant() : QVariant(number);
        break;
    }
    case Performance:
        typed = performanceToKeep(owner(), text);
        break;
    case Wind:
        if (!text.isEmpty()) {
            const Parsed<int> wind = meetdesk::Wind::parse(text);
            if (!wind)
                return false;
            typed = meetdesk::Wind::toString(*wind);
        }
        break;
    default:
        break;
    }
    return setResultField(index.row(), fieldOf(index.column()), typed);
}

int ResultsTableModel::columnForHeader(const QString &name) const
{
    const int column = ResultListModel::columnForHeader(name);
    if (column >= 0)
        return column;
    const QString key = headerKey(name);
    const auto is = [&key](std::initializer_list<const char *> names) {
        return std::any_of(names.begin(), names.end(),
                           [&key](const char *n) { return key == QLatin1StringView(n); });
    };
    if (is({"pos", "position", "pl", "plc", "placing", "rank", "rk"}))
        return Place;
    if (is({"time", "perf", "performance", "mark", "result", "res", "distance", "height", "best",
            "finaltime"}))
        return Performance;
    if (is({"pts", "score"}))
        return Points;
    if (is({"ln", "lanes"}))
        return Lane;
    if (is({"w", "wnd", "windspeed", "windms", "ms"}))
        return Wind;
    return -1;
}

QList<int> ResultsTableModel::headerlessColumns(int column, int cells) const
{
    if (cells == 2 && column == Bib)
        return {Bib, Performance};
    QList<int> columns;
    for (int c = column; c < ColumnCount && columns.size() < cells; ++c) {
        if (isEditableColumn(c))
            columns.append(c);
    }
    return columns;
}

bool ResultsTableModel::pasteable(int column, const QString &text) const
{
    if (column != Performance)
        return true;
    return std::any_of(text.begin(), text.end(), [](QChar c) { return c.isDigit(); })
        || Performance::statusOf(text.trimmed()).has_value();
}

} // namespace meetdesk

#include "findingsmodel.h"

#include "model/describe.h"
#include "model/schema.h"
#include "rules/checks.h"
#include "rules/nodepath.h"

#include <QImage>
#include <QPainter>
#include <QPixmap>

namespace meetdesk {

namespace {

QIcon drawIcon(const QColor &colour)
{
    QIcon icon;
    for (const int size : {16, 24, 32}) {
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(Qt::NoPen);
        p.setBrush(colour);
        const qreal margin = size / 16.0;
        p.drawEllipse(QRectF(margin, margin, size - 2 * margin, size - 2 * margin));
        // The exclamation mark: a bar and a dot, in white.
        p.setBrush(Qt::white);
        const qreal w = size / 8.0;
        p.drawRoundedRect(QRectF((size - w) / 2, size * 0.22, w, size * 0.38), w / 2, w / 2);
        p.drawEllipse(QRectF((size - w * 1.2) / 2, size * 0.66, w * 1.2, w * 1.2));
        p.end();
        icon.addPixmap(QPixmap::fromImage(image));
    }
    return icon;
}

} // namespace

FindingsModel::FindingsModel(FindingsService &service, QObject *parent)
    : QAbstractTableModel(parent)
    , m_service(service)
{
    for (const Node *owner : service.owners()) {
        const int count = int(service.ownedBy(owner).size());
        for (int i = 0; i < count; ++i)
            m_rows.append({owner, i});
        m_rowsOf.insert(owner, count);
    }
    std::sort(m_rows.begin(), m_rows.end(), [&service](const Row &a, const Row &b) {
        return service.listedBefore(a.owner, a.index, b.owner, b.index);
    });
    connect(&service, &FindingsService::ownerAboutToChange, this,
            &FindingsModel::ownerAboutToChange);
    connect(&service, &FindingsService::ownerChanged, this, &FindingsModel::ownerChanged);
}

QIcon FindingsModel::icon(Finding::Severity severity)
{
    static const QIcon error = drawIcon(QColor(0xc0, 0x39, 0x2b));
    static const QIcon warning = drawIcon(QColor(0xd6, 0x89, 0x10));
    return severity == Finding::Severity::Error ? error : warning;
}

int FindingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int FindingsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const NodeFinding &FindingsModel::at(int row) const
{
    const Row &r = m_rows[row];
    return m_service.ownedBy(r.owner)[r.index];
}

Finding FindingsModel::finding(int row) const
{
    return checks::toFinding(at(row));
}

const Node *FindingsModel::node(const QModelIndex &index) const
{
    return index.isValid() && index.row() < m_rows.size() ? at(index.row()).node : nullptr;
}

QString FindingsModel::fieldName(const QModelIndex &index) const
{
    return index.isValid() && index.row() < m_rows.size() ? QString(at(index.row()).field)
                                                          : QString();
}

QVariant FindingsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const NodeFinding &f = at(index.row());
    const bool error = f.severity == Finding::Severity::Error;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn:
            return error ? tr("Error") : tr("Warning");
        case RecordColumn: {
            const QString kind = describe::kindName(f.node->kind());
            return QString(kind.left(1).toUpper() + kind.mid(1) + QStringLiteral(": ")
                           + describe::label(*f.node));
        }
        case FieldColumn:
            return f.field.isEmpty() ? QString() : describe::fieldTitle(f.field);
        case MessageColumn:
            return f.message;
        case RuleColumn:
            return QString(f.rule);
        default:
            return {};
        }
    case Qt::DecorationRole:
        if (index.column() == SeverityColumn)
            return icon(f.severity);
        return {};
    case Qt::ToolTipRole:
        // Where it is in the file, as the publish flow and the command line name it.
        return nodepath::of(*f.node, f.field);
    case SeverityRole:
        return error ? QStringLiteral("error") : QStringLiteral("warning");
    case FieldNameRole:
        return QString(f.field);
    default:
        return {};
    }
}

QVariant FindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case RecordColumn:
        return tr("Record");
    case FieldColumn:
        return tr("Field");
    case MessageColumn:
        return tr("Message");
    case RuleColumn:
        return tr("Rule");
    default:
        return {};
    }
}

void FindingsModel::ownerAboutToChange(const Node *owner)
{
    // The owner's rows leave while the service still holds them; they come back (as they are
    // now) in ownerChanged. Removed from the end in runs of neighbours.
    const auto it = m_rowsOf.constFind(owner);
    if (it == m_rowsOf.constEnd())
        return;
    int left = *it;
    for (int row = int(m_rows.size()) - 1; row >= 0 && left > 0; --row) {
        if (m_rows[row].owner != owner)
            continue;
        int first = row;
        while (first > 0 && m_rows[first - 1].owner == owner)
            --first;
        beginRemoveRows({}, first, row);
        m_rows.remove(first, row - first + 1);
        endRemoveRows();
        left -= row - first + 1;
        row = first;
    }
    m_rowsOf.remove(owner);
}

void FindingsModel::ownerChanged(const Node *owner)
{
    const int count = int(m_service.ownedBy(owner).size());
    if (count == 0)
        return;
    for (int i = 0; i < count; ++i) {
        // The first row listed after this finding: where it goes.
        const auto pos = std::upper_bound(
            m_rows.cbegin(), m_rows.cend(), Row {owner, i}, [this](const Row &a, const Row &b) {
                return m_service.listedBefore(a.owner, a.index, b.owner, b.index);
            });
        const int row = int(pos - m_rows.cbegin());
        beginInsertRows({}, row, row);
        m_rows.insert(row, {owner, i});
        endInsertRows();
    }
    m_rowsOf.insert(owner, count);
}

} // namespace meetdesk

#pragma once

#include <QList>
#include <QRandomGenerator>

#include <utility>

namespace meetdesk::lot {

// A draw by lot: the items in an order the generator decides (Fisher and Yates). Written out
// rather than std::shuffle, whose use of the generator differs between standard libraries, so a
// seeded generator gives the same draw on every platform (tests, and a draw made again).
template<class T> void shuffle(QList<T> &items, QRandomGenerator &generator)
{
    for (qsizetype i = items.size() - 1; i > 0; --i) {
        const auto j = qsizetype(generator.bounded(quint32(i + 1)));
        if (j != i)
            std::swap(items[i], items[j]);
    }
}

// 0, 1, ..., count - 1
inline QList<int> indexes(int count)
{
    QList<int> out(count);
    for (int i = 0; i < count; ++i)
        out[i] = i;
    return out;
}

} // namespace meetdesk::lot

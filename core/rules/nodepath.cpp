#include "nodepath.h"

#include "model/children.h"

#include <array>

namespace meetdesk::nodepath {

namespace {

QLatin1StringView listName(ListId list)
{
    switch (list) {
    case ListId::Competitors:
        return QLatin1StringView("competitors");
    case ListId::Teams:
        return QLatin1StringView("teams");
    case ListId::RelayTeams:
        return QLatin1StringView("relay_teams");
    case ListId::Events:
        return QLatin1StringView("events");
    case ListId::EventsEntered:
        return QLatin1StringView("events_entered");
    case ListId::Units:
        return QLatin1StringView("units");
    case ListId::EventResults:
    case ListId::UnitResults:
        return QLatin1StringView("results");
    case ListId::Trials:
        return QLatin1StringView("trials");
    }
    return {};
}

// The node's place among its parent's children, all lists taken in tree order.
struct Step
{
    int list = 0;
    int index = 0;
};

// The steps from the root down to the node; the tree is at most five levels deep.
struct Steps
{
    std::array<Step, 8> steps;
    int size = 0;
};

Steps stepsOf(const Node &node)
{
    Steps out;
    for (const Node *n = &node; n->parent(); n = n->parent()) {
        const ListId list = children::listOf(*n);
        const auto &lists = children::listsOf(n->parent()->kind());
        const int rank = int(std::find(lists.begin(), lists.end(), list) - lists.begin());
        out.steps[size_t(out.size++)] = {rank, children::indexOf(*n)};
    }
    std::reverse(out.steps.begin(), out.steps.begin() + out.size);
    return out;
}

} // namespace

QString of(const Node &node, QLatin1StringView field)
{
    QString path;
    std::array<const Node *, 8> chain {};
    int depth = 0;
    for (const Node *n = &node; n->parent(); n = n->parent())
        chain[size_t(depth++)] = n;
    for (int i = depth - 1; i >= 0; --i) {
        const Node &n = *chain[size_t(i)];
        if (!path.isEmpty())
            path += u'.';
        path += listName(children::listOf(n)) + u'[' + QString::number(children::indexOf(n)) + u']';
    }
    if (!field.isEmpty())
        path += path.isEmpty() ? QString(field) : u'.' + field;
    return path;
}

int compare(const Node &a, const Node &b)
{
    if (&a == &b)
        return 0;
    const Steps x = stepsOf(a);
    const Steps y = stepsOf(b);
    for (int i = 0; i < std::min(x.size, y.size); ++i) {
        if (x.steps[size_t(i)].list != y.steps[size_t(i)].list)
            return x.steps[size_t(i)].list - y.steps[size_t(i)].list;
        if (x.steps[size_t(i)].index != y.steps[size_t(i)].index)
            return x.steps[size_t(i)].index - y.steps[size_t(i)].index;
    }
    return x.size - y.size; // an ancestor comes before its descendants
}

bool isIn(const Node &node, const Node &root)
{
    const Node *n = &node;
    while (n->parent())
        n = n->parent();
    return n == &root;
}

} // namespace meetdesk::nodepath

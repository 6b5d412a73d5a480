#include "children.h"

#include "schema.h"

namespace meetdesk {

namespace {

// Calls f with the typed list; parent must be of the kind that holds it.
template<class F> decltype(auto) withList(Node &parent, ListId list, F &&f)
{
    switch (list) {
    case ListId::Competitors:
        return f(static_cast<Competition &>(parent).competitors);
    case ListId::Teams:
        return f(static_cast<Competition &>(parent).teams);
    case ListId::RelayTeams:
        return f(static_cast<Competition &>(parent).relayTeams);
    case ListId::Events:
        return f(static_cast<Competition &>(parent).events);
    case ListId::EventsEntered:
        return f(static_cast<Competitor &>(parent).eventsEntered);
    case ListId::Units:
        return f(static_cast<Event &>(parent).units);
    case ListId::EventResults:
        return f(static_cast<Event &>(parent).results);
    case ListId::UnitResults:
        return f(static_cast<Unit &>(parent).results);
    case ListId::Trials:
        return f(static_cast<Unit &>(parent).trials);
    }
    Q_UNREACHABLE();
}

// Calls f with the node as its concrete type.
template<class F> decltype(auto) withNode(const Node &node, F &&f)
{
    switch (node.kind()) {
    case NodeKind::Competition:
        return f(static_cast<const Competition &>(node));
    case NodeKind::Competitor:
        return f(static_cast<const Competitor &>(node));
    case NodeKind::EventEntry:
        return f(static_cast<const EventEntry &>(node));
    case NodeKind::Team:
        return f(static_cast<const Team &>(node));
    case NodeKind::RelayTeam:
        return f(static_cast<const RelayTeam &>(node));
    case NodeKind::Event:
        return f(static_cast<const Event &>(node));
    case NodeKind::Unit:
        return f(static_cast<const Unit &>(node));
    case NodeKind::Result:
        return f(static_cast<const Result &>(node));
    case NodeKind::Trial:
        return f(static_cast<const Trial &>(node));
    }
    Q_UNREACHABLE();
}

template<class N> const FieldSpec<N> &spec(int field)
{
    return fieldsOf<N>()[size_t(field)];
}

} // namespace

namespace children {

const std::vector<ListId> &listsOf(NodeKind kind)
{
    static const std::vector<ListId> none;
    static const std::vector<ListId> competition {ListId::Competitors, ListId::Teams,
                                                  ListId::RelayTeams, ListId::Events};
    static const std::vector<ListId> competitor {ListId::EventsEntered};
    static const std::vector<ListId> event {ListId::Units, ListId::EventResults};
    static const std::vector<ListId> unit {ListId::UnitResults, ListId::Trials};
    switch (kind) {
    case NodeKind::Competition:
        return competition;
    case NodeKind::Competitor:
        return competitor;
    case NodeKind::Event:
        return event;
    case NodeKind::Unit:
        return unit;
    default:
        return none;
    }
}

NodeKind kindIn(ListId list)
{
    switch (list) {
    case ListId::Competitors:
        return NodeKind::Competitor;
    case ListId::Teams:
        return NodeKind::Team;
    case ListId::RelayTeams:
        return NodeKind::RelayTeam;
    case ListId::Events:
        return NodeKind::Event;
    case ListId::EventsEntered:
        return NodeKind::EventEntry;
    case ListId::Units:
        return NodeKind::Unit;
    case ListId::EventResults:
    case ListId::UnitResults:
        return NodeKind::Result;
    case ListId::Trials:
        return NodeKind::Trial;
    }
    Q_UNREACHABLE();
}

int count(const Node &parent, ListId list)
{
    return withList(const_cast<Node &>(parent), list, [](auto &l) { return int(l.size()); });
}

Node *at(const Node &parent, ListId list, int index)
{
    return withList(const_cast<Node &>(parent), list, [index](auto &l) -> Node * {
        return index >= 0 && size_t(index) < l.size() ? l[size_t(index)].get() : nullptr;
    });
}

ListId listOf(const Node &child)
{
    const Node *parent = child.parent();
    Q_ASSERT(parent);
    switch (child.kind()) {
    case NodeKind::Competitor:
        return ListId::Competitors;
    case NodeKind::Team:
        return ListId::Teams;
    case NodeKind::RelayTeam:
        return ListId::RelayTeams;
    case NodeKind::Event:
        return ListId::Events;
    case NodeKind::EventEntry:
        return ListId::EventsEntered;
    case NodeKind::Unit:
        return ListId::Units;
    case NodeKind::Result:
        return parent->kind() == NodeKind::Event ? ListId::EventResults : ListId::UnitResults;
    case NodeKind::Trial:
        return ListId::Trials;
    case NodeKind::Competition:
        break;
    }
    Q_UNREACHABLE();
}

int indexOf(const Node &child)
{
    if (!child.parent())
        return -1;
    const ListId list = listOf(child);
    const Node &parent = *child.parent();
    // The cached position is right unless the list changed since; then search and remember.
    if (at(parent, list, child.cachedIndex()) == &child)
        return child.cachedIndex();
    return withList(const_cast<Node &>(parent), list, [&child](auto &l) {
        for (size_t i = 0; i < l.size(); ++i) {
            l[i]->setCachedIndex(int(i));
        }
        return child.cachedIndex();
    });
}

int totalCount(const Node &parent)
{
    int total = 0;
    for (ListId list : listsOf(parent.kind()))
        total += count(parent, list);
    return total;
}

void insert(Node &parent, ListId list, int index, std::unique_ptr<Node> child)
{
    child->setParent(&parent);
    child->setCachedIndex(index);
    withList(parent, list, [&](auto &l) {
        using T = typename std::decay_t<decltype(l)>::value_type::element_type;
        Q_ASSERT(child->kind() == kindIn(list));
        l.insert(l.begin() + index, std::unique_ptr<T>(static_cast<T *>(child.release())));
    });
}

std::unique_ptr<Node> take(Node &parent, ListId list, int index)
{
    return withList(parent, list, [&](auto &l) {
        std::unique_ptr<Node> child = std::move(l[size_t(index)]);
        l.erase(l.begin() + index);
        child->setParent(nullptr);
        return child;
    });
}

void move(Node &parent, ListId list, int from, int to)
{
    withList(parent, list, [&](auto &l) {
        auto node = std::move(l[size_t(from)]);
        l.erase(l.begin() + from);
        l.insert(l.begin() + to, std::move(node));
    });
}

std::unique_ptr<Node> create(ListId list)
{
    switch (kindIn(list)) {
    case NodeKind::Competitor:
        return std::make_unique<Competitor>();
    case NodeKind::Team:
        return std::make_unique<Team>();
    case NodeKind::RelayTeam:
        return std::make_unique<RelayTeam>();
    case NodeKind::Event:
        return std::make_unique<Event>();
    case NodeKind::EventEntry:
        return std::make_unique<EventEntry>();
    case NodeKind::Unit:
        return std::make_unique<Unit>();
    case NodeKind::Result:
        return std::make_unique<Result>();
    case NodeKind::Trial:
        return std::make_unique<Trial>();
    case NodeKind::Competition:
        break;
    }
    Q_UNREACHABLE();
}

std::unique_ptr<Node> clone(const Node &node)
{
    return withNode(node, [](const auto &source) -> std::unique_ptr<Node> {
        using N = std::decay_t<decltype(source)>;
        auto copy = std::make_unique<N>();
        for (const FieldSpec<N> &f : fieldsOf<N>())
            std::visit([&](auto member) { (*copy).*member = source.*member; }, f.member);
        copy->extras = source.extras;
        copy->spellings = source.spellings;
        if constexpr (std::is_same_v<N, Unit>)
            copy->trialsListed = source.trialsListed;
        if constexpr (std::is_same_v<N, Event>)
            copy->resultsListed = source.resultsListed;
        for (ListId list : listsOf(source.kind())) {
            for (int i = 0; i < count(source, list); ++i)
                insert(*copy, list, i, clone(*at(source, list, i)));
        }
        return copy;
    });
}

bool sameContent(const Node &a, const Node &b)
{
    if (a.kind() != b.kind())
        return false;
    return withNode(a, [&b](const auto &x) {
        return meetdesk::sameContent(x, static_cast<const std::decay_t<decltype(x)> &>(b));
    });
}

} // namespace children

namespace fields {

int count(NodeKind kind)
{
    switch (kind) {
    case NodeKind::Competition:
        return int(fieldsOf<Competition>().size());
    case NodeKind::Competitor:
        return int(fieldsOf<Competitor>().size());
    case NodeKind::EventEntry:
        return int(fieldsOf<EventEntry>().size());
    case NodeKind::Team:
        return int(fieldsOf<Team>().size());
    case NodeKind::RelayTeam:
        return int(fieldsOf<RelayTeam>().size());
    case NodeKind::Event:
        return int(fieldsOf<Event>().size());
    case NodeKind::Unit:
        return int(fieldsOf<Unit>().size());
    case NodeKind::Result:
        return int(fieldsOf<Result>().size());
    case NodeKind::Trial:
        return int(fieldsOf<Trial>().size());
    }
    return 0;
}

namespace {
// A throwaway node of the kind, for schema questions that need a concrete type.
std::unique_ptr<Node> prototype(NodeKind kind)
{
    if (kind == NodeKind::Competition)
        return std::make_unique<Competition>();
    for (ListId list :
         {ListId::Competitors, ListId::Teams, ListId::RelayTeams, ListId::Events,
          ListId::EventsEntered, ListId::Units, ListId::UnitResults, ListId::Trials}) {
        if (children::kindIn(list) == kind)
            return children::create(list);
    }
    Q_UNREACHABLE();
}
} // namespace

QLatin1StringView name(NodeKind kind, int field)
{
    static const auto names = [] {
        std::vector<std::vector<QLatin1StringView>> all(size_t(NodeKind::Trial) + 1);
        for (size_t k = 0; k < all.size(); ++k) {
            const auto node = prototype(NodeKind(k));
            withNode(*node, [&](const auto &typed) {
                using N = std::decay_t<decltype(typed)>;
                for (const FieldSpec<N> &f : fieldsOf<N>())
                    all[k].push_back(f.name);
            });
        }
        return all;
    }();
    return names[size_t(kind)][size_t(field)];
}

int indexOf(NodeKind kind, QLatin1StringView fieldName)
{
    for (int i = 0; i < count(kind); ++i) {
        if (name(kind, i) == fieldName)
            return i;
    }
    return -1;
}

QVariant value(const Node &node, int field)
{
    return withNode(node, [field](const auto &typed) {
        using N = std::decay_t<decltype(typed)>;
        return std::visit(
            [&typed](auto member) -> QVariant {
                const auto &v = typed.*member;
                using V = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<V, QString>)
                    return v.isNull() ? QVariant() : QVariant(v);
                else if constexpr (std::is_same_v<V, QDate>)
                    return v.isValid() ? QVariant(v) : QVariant();
                else
                    return v ? QVariant::fromValue(*v) : QVariant();
            },
            spec<N>(field).member);
    });
}

void setValue(Node &node, int field, const QVariant &value)
{
    withNode(node, [&](const auto &constTyped) {
        using N = std::decay_t<decltype(constTyped)>;
        auto &typed = const_cast<N &>(constTyped);
        std::visit(
            [&](auto member) {
                auto &target = typed.*member;
                using V = std::decay_t<decltype(target)>;
                const bool absent = !value.isValid() || value.isNull()
                    || (value.typeId() == QMetaType::QString && value.toString().isEmpty());
                if (absent) {
                    target = V();
                } else if constexpr (std::is_same_v<V, QString>) {
                    target = value.toString();
                } else if constexpr (std::is_same_v<V, QDate>) {
                    target = value.toDate();
                } else if constexpr (std::is_same_v<V, std::optional<int>>) {
                    bool ok = false;
                    const int i = value.toInt(&ok);
                    target = ok ? std::optional<int>(i) : std::nullopt;
                } else if constexpr (std::is_same_v<V, std::optional<double>>) {
                    bool ok = false;
                    const double d = value.toDouble(&ok);
                    target = ok ? std::optional<double>(d) : std::nullopt;
                } else {
                    target = value.toStringList();
                }
            },
            spec<N>(field).member);
    });
}

int rawIndex(const Node &node, int field)
{
    return withNode(node, [&](const auto &typed) {
        using N = std::decay_t<decltype(typed)>;
        const FieldSpec<N> &f = spec<N>(field);
        for (size_t i = 0; i < typed.extras.size(); ++i) {
            if (f.matches(QStringView(typed.extras[i].key)))
                return int(i);
        }
        return -1;
    });
}

} // namespace fields

} // namespace meetdesk

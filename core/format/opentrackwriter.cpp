#include "opentrackwriter.h"

#include "model/schema.h"
#include "json/jsonwriter.h"

namespace meetdesk {

namespace {

using Flavor = OpenTrackWriter::Flavor;

// The unknown keys of one node, and which of them were already written in a field's place.
class Extras
{
public:
    explicit Extras(const JsonObject &extras)
        : m_extras(extras)
        , m_used(extras.size(), false)
    { }

    template<class Spec> const JsonValue *takeRaw(const Spec &spec)
    {
        for (size_t i = 0; i < m_extras.size(); ++i) {
            if (!m_used[i] && spec.matches(QStringView(m_extras[i].key))) {
                m_used[i] = true;
                return &m_extras[i].value;
            }
        }
        return nullptr;
    }

    void writeRest(JsonWriter &w, QStringView skip = {}) const
    {
        for (size_t i = 0; i < m_extras.size(); ++i) {
            if (m_used[i] || (!skip.isEmpty() && m_extras[i].key == skip))
                continue;
            w.key(QStringView(m_extras[i].key));
            w.value(m_extras[i].value);
        }
    }

private:
    const JsonObject &m_extras;
    std::vector<bool> m_used;
};

class Writer
{
public:
    explicit Writer(Flavor flavor, qsizetype reserve)
        : m_w(reserve)
        , m_flavor(flavor)
    { }

    void write(const Competition &c, const JsonObject *meetdesk);
    QByteArray take() { return m_w.take(); }

private:
    template<class N> void writeFields(const N &node, Extras &extras);
    // A child list: written when it has items or must always be there; else its raw value
    // if the reader kept one.
    template<class N, class WriteOne>
    void writeList(const NodeList<N> &list, const ListSpec &spec, Extras &extras, bool always,
                   WriteOne &&writeOne);
    template<class N> void writePlain(const N &node)
    {
        m_w.beginObject();
        Extras extras(node.extras);
        writeFields(node, extras);
        extras.writeRest(m_w);
        m_w.endObject();
    }
    void write(const Competitor &c);
    void write(const Event &e);
    void write(const Unit &u);

    JsonWriter m_w;
    Flavor m_flavor;
};

template<class N> void Writer::writeFields(const N &node, Extras &extras)
{
    const std::vector<FieldSpec<N>> &fields = fieldsOf<N>();
    for (size_t i = 0; i < fields.size(); ++i) {
        const FieldSpec<N> &f = fields[i];
        const QLatin1StringView name = m_flavor == Flavor::V1 ? f.v1Name : f.name;
        if (!isSet(node, f)) {
            if (const JsonValue *raw = extras.takeRaw(f)) {
                m_w.key(name);
                m_w.value(*raw);
            }
            continue;
        }
        m_w.key(name);
        if (!node.spellings.empty()) {
            if (const auto spelled = spelledValue(node, int(i), m_flavor == Flavor::Current)) {
                m_w.value(*spelled);
                continue;
            }
        }
        std::visit(
            [&](auto member) {
                const auto &v = node.*member;
                using V = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<V, QString>) {
                    m_w.string(v);
                } else if constexpr (std::is_same_v<V, std::optional<int>>) {
                    m_w.number(qint64(*v));
                } else if constexpr (std::is_same_v<V, std::optional<double>>) {
                    m_w.number(*v);
                } else if constexpr (std::is_same_v<V, QDate>) {
                    m_w.string(v.toString(Qt::ISODate));
                } else {
                    if (f.type == FieldType::CommaList && m_flavor == Flavor::Current) {
                        m_w.string(v->join(u','));
                        return;
                    }
                    m_w.beginArray();
                    for (const QString &item : *v)
                        m_w.string(item);
                    m_w.endArray();
                }
            },
            f.member);
    }
}

template<class N, class WriteOne>
void Writer::writeList(const NodeList<N> &list, const ListSpec &spec, Extras &extras, bool always,
                       WriteOne &&writeOne)
{
    const JsonValue *raw = list.empty() ? extras.takeRaw(spec) : nullptr;
    if (raw) {
        m_w.key(spec.name);
        m_w.value(*raw);
        return;
    }
    if (list.empty() && !always)
        return;
    m_w.key(spec.name);
    m_w.beginArray();
    for (const auto &node : list)
        writeOne(*node);
    m_w.endArray();
}

void Writer::write(const Competition &c, const JsonObject *meetdesk)
{
    m_w.beginObject();
    Extras extras(c.extras);
    writeFields(c, extras);
    writeList(c.competitors, lists::competitors, extras, true,
              [this](const Competitor &x) { write(x); });
    writeList(c.teams, lists::teams, extras, true, [this](const Team &x) { writePlain(x); });
    writeList(c.relayTeams, lists::relayTeams, extras, true,
              [this](const RelayTeam &x) { writePlain(x); });
    writeList(c.events, lists::events, extras, true, [this](const Event &x) { write(x); });
    // One "meetdesk" key: Meetdesk's object, when given, takes the place of any kept value.
    extras.writeRest(m_w, meetdesk ? u"meetdesk" : QStringView());
    if (meetdesk) {
        m_w.key(QLatin1StringView("meetdesk"));
        m_w.beginObject();
        for (const JsonMember &m : *meetdesk) {
            m_w.key(QStringView(m.key));
            m_w.value(m.value);
        }
        m_w.endObject();
    }
    m_w.endObject();
}

void Writer::write(const Competitor &c)
{
    m_w.beginObject();
    Extras extras(c.extras);
    writeFields(c, extras);
    writeList(c.eventsEntered, lists::eventsEntered, extras, true,
              [this](const EventEntry &x) { writePlain(x); });
    extras.writeRest(m_w);
    m_w.endObject();
}

void Writer::write(const Event &e)
{
    m_w.beginObject();
    Extras extras(e.extras);
    writeFields(e, extras);
    writeList(e.units, lists::units, extras, true, [this](const Unit &x) { write(x); });
    writeList(e.results, lists::results, extras, e.resultsListed,
              [this](const Result &x) { writePlain(x); });
    extras.writeRest(m_w);
    m_w.endObject();
}

void Writer::write(const Unit &u)
{
    m_w.beginObject();
    Extras extras(u.extras);
    writeFields(u, extras);
    writeList(u.results, lists::results, extras, true, [this](const Result &x) { writePlain(x); });
    writeList(u.trials, lists::trials, extras, u.trialsListed,
              [this](const Trial &x) { writePlain(x); });
    extras.writeRest(m_w);
    m_w.endObject();
}

qsizetype estimateSize(const Competition &c)
{
    qsizetype nodes = qsizetype(c.competitors.size()) * 3;
    for (const auto &e : c.events) {
        for (const auto &u : e->units)
            nodes += qsizetype(u->results.size() + u->trials.size());
    }
    return nodes * 160 + 4096;
}

} // namespace

QByteArray OpenTrackWriter::write(const Competition &competition, Flavor flavor,
                                  const JsonObject *meetdesk)
{
    Writer writer(flavor, estimateSize(competition));
    writer.write(competition, meetdesk);
    return writer.take();
}

} // namespace meetdesk

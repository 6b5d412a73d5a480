#include "opentrackreader.h"

#include "documentfile.h"
#include "model/schema.h"
#include "json/jsonpullparser.h"

#include <QCoreApplication>

#include <cmath>

namespace meetdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("meetdesk::OpenTrackReader", text);
}

using Kind = JsonPullParser::Kind;

class Reader
{
public:
    explicit Reader(QByteArrayView data)
        : m_p(data)
    { }

    ReadResult run();

private:
    struct Step
    {
        QLatin1StringView list;
        int index;
    };

    QString path() const;
    QString pathTo(QLatin1StringView key) const;
    void report(Finding::Severity severity, const QString &where, const QString &message,
                const Node *node);
    void keepRaw(Node &node, QLatin1StringView key, JsonValue raw, const QString &problem);

    template<class N, class Lists> void readObject(N &node, Lists &&lists);
    template<class N> bool readField(N &node, QByteArrayView key, quint64 &seen);
    template<class N, class ReadOne>
    bool readList(Node &parent, NodeList<N> &list, const ListSpec &spec, QByteArrayView key,
                  ReadOne &&readOne);

    void read(Competition &c);
    void read(Competitor &c);
    void read(Event &e);
    void read(Unit &u);
    template<class N> void readPlain(N &node)
    {
        readObject(node, [](QByteArrayView) { return false; });
    }

    JsonPullParser m_p;
    ReadResult m_result;
    std::vector<Step> m_path;
};

QString Reader::path() const
{
    QString out;
    for (const Step &s : m_path) {
        if (!out.isEmpty())
            out += u'.';
        out += s.list + u'[' + QString::number(s.index) + u']';
    }
    return out;
}

QString Reader::pathTo(QLatin1StringView key) const
{
    const QString base = path();
    return base.isEmpty() ? QString(key) : base + u'.' + key;
}

void Reader::report(Finding::Severity severity, const QString &where, const QString &message,
                    const Node *node)
{
    m_result.findings.append({severity, where, message, node});
}

// Stores a value the model cannot type under its own key, so it is written back unchanged.
// null and "" say "no value" and are kept without a finding.
void Reader::keepRaw(Node &node, QLatin1StringView key, JsonValue raw, const QString &problem)
{
    const bool empty = raw.isNull() || (raw.isString() && raw.text().isEmpty());
    if (!empty) {
        const QString message
            = problem.contains(QStringLiteral("%1")) ? problem.arg(raw.describe()) : problem;
        report(Finding::Severity::Error, pathTo(key), message, &node);
    }
    node.extras.push_back({QString(key), std::move(raw)});
}

template<class N, class Lists> void Reader::readObject(N &node, Lists &&lists)
{
    if (!m_p.enterObject())
        return;
    quint64 seen = 0;
    QByteArrayView key;
    while (m_p.nextMember(key)) {
        if (lists(key) || readField(node, key, seen))
            continue;
        QString name = QString::fromUtf8(key);
        node.extras.push_back({std::move(name), m_p.readValue()});
    }
}

template<class N> bool Reader::readField(N &node, QByteArrayView key, quint64 &seen)
{
    const std::vector<FieldSpec<N>> &fields = fieldsOf<N>();
    for (size_t i = 0; i < fields.size(); ++i) {
        const FieldSpec<N> &f = fields[i];
        if (!f.matches(key))
            continue;
        const QLatin1StringView written = key == f.name ? f.name
            : key == f.v1Name                           ? f.v1Name
                                                        : QLatin1StringView(f.camelName);
        const quint64 bit = quint64(1) << i;
        if (seen & bit) {
            report(Finding::Severity::Warning, pathTo(written),
                   tr("appears twice; the second value is kept as written"), &node);
            node.extras.push_back({QString(written), m_p.readValue()});
            return true;
        }
        seen |= bit;

        const Kind kind = m_p.peek();
        if (kind == Kind::Invalid)
            return true;
        // Keeps how the file wrote a value its typed field would write otherwise.
        const auto spell = [&node, i](JsonValue asWritten) {
            node.spellings.push_back({int(i), std::move(asWritten)});
        };
        std::visit(
            [&](auto member) {
                auto &target = node.*member;
                using V = std::decay_t<decltype(target)>;
                if constexpr (std::is_same_v<V, QString>) {
                    if (kind == Kind::String) {
                        target = m_p.readString();
                    } else if (kind == Kind::Number) {
                        target = QString::fromLatin1(m_p.readNumber());
                        spell(JsonValue::number(target));
                    } else {
                        keepRaw(node, written, m_p.readValue(), tr("expected text, got %1"));
                    }
                } else if constexpr (std::is_same_v<V, std::optional<int>>) {
                    JsonValue raw;
                    if (kind == Kind::Number) {
                        const QByteArrayView text = m_p.readNumber();
                        bool ok = false;
                        const int value = text.toInt(&ok);
                        if (ok) {
                            target = value;
                            if (value == 0 && text.startsWith('-'))
                                spell(JsonValue::number(QString::fromLatin1(text)));
                            return;
                        }
                        raw = JsonValue::number(QString::fromLatin1(text));
                    } else if (kind == Kind::String) {
                        QString text = m_p.readString();
                        bool ok = false;
                        const int value = text.trimmed().toInt(&ok);
                        if (ok) {
                            target = value;
                            spell(JsonValue::string(std::move(text)));
                            return;
                        }
                        raw = JsonValue::string(std::move(text));
                    } else {
                        raw = m_p.readValue();
                    }
                    keepRaw(node, written, std::move(raw), tr("expected a whole number, got %1"));
                } else if constexpr (std::is_same_v<V, std::optional<double>>) {
                    JsonValue raw;
                    if (kind == Kind::Number || kind == Kind::String) {
                        QString text = kind == Kind::Number ? QString::fromLatin1(m_p.readNumber())
                                                            : m_p.readString();
                        bool ok = false;
                        const double value = text.trimmed().toDouble(&ok);
                        if (ok && std::isfinite(value)) {
                            target = value;
                            if (kind == Kind::String)
                                spell(JsonValue::string(std::move(text)));
                            else if (jsonNumberText(value) != text.toLatin1())
                                spell(JsonValue::number(std::move(text)));
                            return;
                        }
                        raw = kind == Kind::Number ? JsonValue::number(std::move(text))
                                                   : JsonValue::string(std::move(text));
                    } else {
                        raw = m_p.readValue();
                    }
                    keepRaw(node, written, std::move(raw), tr("expected a number, got %1"));
                } else if constexpr (std::is_same_v<V, QDate>) {
                    if (kind == Kind::String) {
                        QString text = m_p.readString();
                        const QDate date
                            = text.size() == 10 ? QDate::fromString(text, Qt::ISODate) : QDate();
                        if (date.isValid()) {
                            target = date;
                            return;
                        }
                        keepRaw(node, written, JsonValue::string(std::move(text)),
                                tr("expected a date as YYYY-MM-DD, got %1"));
                    } else {
                        keepRaw(node, written, m_p.readValue(),
                                tr("expected a date as YYYY-MM-DD, got %1"));
                    }
                } else {
                    static_assert(std::is_same_v<V, std::optional<QStringList>>);
                    if (kind == Kind::String) {
                        // "SEN,U20" (the current API) or one value written without a list
                        QString text = m_p.readString();
                        target = splitCommaList(text);
                        if (f.type == FieldType::List || target->join(u',') != text)
                            spell(JsonValue::string(std::move(text)));
                        return;
                    }
                    if (kind != Kind::Array) {
                        keepRaw(node, written, m_p.readValue(),
                                tr("expected a list of text, got %1"));
                        return;
                    }
                    const JsonPullParser::Mark mark = m_p.mark();
                    QStringList items;
                    bool numbers = false;
                    m_p.enterArray();
                    while (m_p.nextItem()) {
                        const Kind itemKind = m_p.peek();
                        if (itemKind == Kind::String) {
                            items.append(m_p.readString());
                        } else if (itemKind == Kind::Number) {
                            items.append(QString::fromLatin1(m_p.readNumber()));
                            numbers = true;
                        } else {
                            if (itemKind == Kind::Invalid)
                                return;
                            const JsonValue bad = m_p.readValue();
                            m_p.reset(mark);
                            keepRaw(
                                node, written, m_p.readValue(),
                                tr("expected a list of text, got %1 in it").arg(bad.describe()));
                            return;
                        }
                    }
                    target = items;
                    if (numbers) {
                        m_p.reset(mark); // read again, as written
                        spell(m_p.readValue());
                    }
                }
            },
            f.member);
        return true;
    }
    return false;
}

template<class N, class ReadOne>
bool Reader::readList(Node &parent, NodeList<N> &list, const ListSpec &spec, QByteArrayView key,
                      ReadOne &&readOne)
{
    if (!spec.matches(key))
        return false;
    const QLatin1StringView written = key == spec.name ? spec.name : spec.camelName;
    const Kind kind = m_p.peek();
    if (kind == Kind::Invalid)
        return true;
    if (kind != Kind::Array) {
        keepRaw(parent, written, m_p.readValue(), tr("expected a list, got %1"));
        return true;
    }
    const JsonPullParser::Mark mark = m_p.mark();
    const qsizetype findingsBefore = m_result.findings.size();
    const size_t sizeBefore = list.size();
    m_p.enterArray();
    int index = 0;
    while (m_p.nextItem()) {
        const Kind itemKind = m_p.peek();
        if (itemKind != Kind::Object) {
            if (itemKind == Kind::Invalid)
                return true;
            // One entry that is no record at all: keep the whole list as written rather than
            // lose that entry on the next save.
            m_path.push_back({written, index});
            const QString where = path();
            m_path.pop_back();
            const JsonValue bad = m_p.readValue();
            list.resize(sizeBefore);
            m_result.findings.resize(findingsBefore);
            m_p.reset(mark);
            parent.extras.push_back({QString(written), m_p.readValue()});
            report(Finding::Severity::Error, where,
                   tr("expected an object, got %1; the whole list is kept as written "
                      "and not loaded")
                       .arg(bad.describe()),
                   &parent);
            return true;
        }
        auto node = std::make_unique<N>();
        node->setParent(&parent);
        m_path.push_back({written, index});
        readOne(*node);
        m_path.pop_back();
        list.push_back(std::move(node));
        ++index;
    }
    return true;
}

void Reader::read(Competition &c)
{
    bool meetdeskSeen = false;
    readObject(c, [&](QByteArrayView key) {
        if (key == "meetdesk") {
            JsonValue value = m_p.readValue();
            if (value.isObject() && !meetdeskSeen) {
                m_result.meetdesk = std::move(value.members());
            } else if (meetdeskSeen) {
                report(Finding::Severity::Warning, QStringLiteral("meetdesk"),
                       tr("appears twice; the second value is kept as written"), &c);
                c.extras.push_back({QStringLiteral("meetdesk"), std::move(value)});
            } else {
                // Kept as written; DocumentFile writes it back in the place of Meetdesk's own
                // object, so the file keeps one "meetdesk".
                keepRaw(c, QLatin1StringView("meetdesk"), std::move(value),
                        tr("expected an object, got %1"));
            }
            meetdeskSeen = true;
            return true;
        }
        return readList(c, c.competitors, lists::competitors, key,
                        [this](Competitor &x) { read(x); })
            || readList(c, c.teams, lists::teams, key, [this](Team &x) { readPlain(x); })
            || readList(c, c.relayTeams, lists::relayTeams, key,
                        [this](RelayTeam &x) { readPlain(x); })
            || readList(c, c.events, lists::events, key, [this](Event &x) { read(x); });
    });
}

void Reader::read(Competitor &c)
{
    readObject(c, [&](QByteArrayView key) {
        return readList(c, c.eventsEntered, lists::eventsEntered, key,
                        [this](EventEntry &x) { readPlain(x); });
    });
}

void Reader::read(Event &e)
{
    readObject(e, [&](QByteArrayView key) {
        if (readList(e, e.units, lists::units, key, [this](Unit &x) { read(x); }))
            return true;
        if (!readList(e, e.results, lists::results, key, [this](Result &x) { readPlain(x); }))
            return false;
        e.resultsListed = true;
        return true;
    });
}

void Reader::read(Unit &u)
{
    readObject(u, [&](QByteArrayView key) {
        if (readList(u, u.results, lists::results, key, [this](Result &x) { readPlain(x); }))
            return true;
        if (!readList(u, u.trials, lists::trials, key, [this](Trial &x) { readPlain(x); }))
            return false;
        u.trialsListed = true;
        return true;
    });
}

ReadResult Reader::run()
{
    const Kind kind = m_p.peek();
    if (kind != Kind::Object) {
        if (kind == Kind::Invalid)
            m_result.error = m_p.errorMessage();
        else
            m_result.error = tr("the file must hold one competition (a JSON object), "
                                "but it holds %1")
                                 .arg(m_p.readValue().describe());
        return std::move(m_result);
    }
    auto competition = std::make_unique<Competition>();
    read(*competition);
    if (!m_p.finish()) {
        m_result.error = m_p.errorMessage();
        m_result.findings.clear();
        return std::move(m_result);
    }
    m_result.competition = std::move(competition);
    return std::move(m_result);
}

} // namespace

ReadResult OpenTrackReader::read(QByteArrayView json)
{
    return Reader(json).run();
}

ReadResult OpenTrackReader::readFile(const QString &path)
{
    DocumentFile::ReadLimits limits;
    limits.maxBytes = maxFileSize;
    const DocumentFile::Bytes bytes = DocumentFile::readBytes(path, limits);
    if (!bytes.ok()) {
        ReadResult result;
        result.error = bytes.error;
        return result;
    }
    return read(bytes.data);
}

} // namespace meetdesk

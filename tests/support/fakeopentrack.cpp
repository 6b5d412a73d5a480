#include "fakeopentrack.h"

#include <QJsonDocument>
#include <QUrlQuery>

namespace {

FakeHttpServer::Reply json(int status, const QJsonValue &value)
{
    return FakeHttpServer::reply(status,
                                 value.isArray() ? QJsonDocument(value.toArray()).toJson()
                                                 : QJsonDocument(value.toObject()).toJson());
}

QString idText(const QJsonObject &record)
{
    const QJsonValue id = record.value(QStringLiteral("id"));
    return id.isString() ? id.toString() : QString::number(id.toInteger());
}

const QStringList collections {QStringLiteral("competitions"), QStringLiteral("competitors"),
                               QStringLiteral("teams"),        QStringLiteral("events"),
                               QStringLiteral("relay-teams"),  QStringLiteral("units")};

QString naturalKeyOf(const QString &collection)
{
    if (collection == u"competitors")
        return QStringLiteral("competitor_id");
    if (collection == u"teams")
        return QStringLiteral("team_id");
    if (collection == u"events")
        return QStringLiteral("event_id");
    if (collection == u"relay-teams")
        return QStringLiteral("relay_team_id");
    return QStringLiteral("slug");
}

} // namespace

FakeOpenTrack::FakeOpenTrack(QObject *parent)
    : QObject(parent)
{
    m_http.setHandler([this](const FakeHttpServer::Request &r) { return handle(r); });
}

QString FakeOpenTrack::urlOf(const QString &collection, const QString &id) const
{
    return m_http.url(QStringLiteral("/api/%1/%2/").arg(collection, id)).toString();
}

int FakeOpenTrack::find(const QString &collection, const QString &id) const
{
    const QList<QJsonObject> &records = m_data[collection];
    for (qsizetype i = 0; i < records.size(); ++i) {
        if (idText(records[i]) == id)
            return int(i);
    }
    return -1;
}

QJsonObject FakeOpenTrack::add(const QString &collection, QJsonObject record)
{
    const int n = m_nextId++;
    QJsonValue id = n;
    if (collection == u"competitions")
        id = QStringLiteral("00000000-0000-4000-8000-%1").arg(n, 12, 10, QLatin1Char('0'));
    else if (collection == u"competitors")
        id = QString::number(n); // OpenTrack's scripts join these into URLs: strings
    record.insert(QStringLiteral("id"), id);
    record.insert(QStringLiteral("url"), urlOf(collection, idText(record)));
    m_data[collection].append(record);
    if (collection == u"events")
        makeUnits(record);
    return record;
}

void FakeOpenTrack::makeUnits(const QJsonObject &event)
{
    const QStringList rounds
        = event.value(QStringLiteral("rounds")).toString(QStringLiteral("1")).split(u',');
    for (qsizetype r = 0; r < rounds.size(); ++r) {
        for (int h = 1; h <= rounds[r].trimmed().toInt(); ++h) {
            bool exists = false;
            for (const QJsonObject &u : std::as_const(m_data[QStringLiteral("units")])) {
                exists = exists
                    || (u.value(QStringLiteral("event")) == event.value(QStringLiteral("url"))
                        && u.value(QStringLiteral("round")).toInt() == r + 1
                        && u.value(QStringLiteral("heat")).toInt() == h);
            }
            if (exists)
                continue;
            add(QStringLiteral("units"),
                {{QStringLiteral("event"), event.value(QStringLiteral("url"))},
                 {QStringLiteral("round"), int(r + 1)},
                 {QStringLiteral("heat"), h},
                 {QStringLiteral("heat_name"),
                  QStringLiteral("Round %1 heat %2").arg(r + 1).arg(h)},
                 {QStringLiteral("status"), QString()},
                 {QStringLiteral("results"), QJsonArray()},
                 {QStringLiteral("trials"), QJsonArray()},
                 {QStringLiteral("heights"), QJsonArray()}});
        }
    }
}

QJsonObject FakeOpenTrack::shown(const QString &collection, const QJsonObject &record) const
{
    if (collection != u"events")
        return record;
    QJsonObject out = record;
    QJsonArray units;
    for (const QJsonObject &u : m_data[QStringLiteral("units")]) {
        if (u.value(QStringLiteral("event")) == record.value(QStringLiteral("url")))
            units.append(
                QJsonObject {{QStringLiteral("url"), u.value(QStringLiteral("url"))},
                             {QStringLiteral("id"), u.value(QStringLiteral("id"))},
                             {QStringLiteral("round"), u.value(QStringLiteral("round"))},
                             {QStringLiteral("heat"), u.value(QStringLiteral("heat"))},
                             {QStringLiteral("heat_name"), u.value(QStringLiteral("heat_name"))},
                             {QStringLiteral("status"), u.value(QStringLiteral("status"))}});
    }
    out.insert(QStringLiteral("units"), units);
    return out;
}

QList<FakeHttpServer::Request> FakeOpenTrack::writes() const
{
    QList<FakeHttpServer::Request> out;
    for (const FakeHttpServer::Request &r : m_http.requests) {
        if (r.method != "GET" && !r.path.contains("get-auth-token"))
            out.append(r);
    }
    return out;
}

FakeHttpServer::Reply FakeOpenTrack::list(const QString &collection, const QUrl &url)
{
    const QUrlQuery query(url);
    const QString competition = query.queryItemValue(QStringLiteral("competition"));
    QList<QJsonObject> all;
    for (const QJsonObject &record : std::as_const(m_data[collection])) {
        const bool filtered = collection != u"competitions" && !ignoreCompetitionFilter
            && !competition.isEmpty()
            && record.value(QStringLiteral("competition")).toString() != competition;
        if (!filtered)
            all.append(shown(collection, record));
    }
    const int limit = query.hasQueryItem(QStringLiteral("limit"))
        ? query.queryItemValue(QStringLiteral("limit")).toInt()
        : pageSize;
    const int offset = query.queryItemValue(QStringLiteral("offset")).toInt();
    QJsonArray results;
    for (qsizetype i = offset; i < std::min<qsizetype>(all.size(), offset + limit); ++i)
        results.append(all[i]);
    QJsonValue next;
    if (offset + limit < all.size()) {
        QUrl nextUrl = m_http.url(url.path());
        QUrlQuery nextQuery(query);
        nextQuery.removeAllQueryItems(QStringLiteral("offset"));
        nextQuery.removeAllQueryItems(QStringLiteral("limit"));
        nextQuery.addQueryItem(QStringLiteral("limit"), QString::number(limit));
        nextQuery.addQueryItem(QStringLiteral("offset"), QString::number(offset + limit));
        nextUrl.setQuery(nextQuery);
        next = nextUrl.toString();
    }
    return json(200,
                QJsonObject {{QStringLiteral("count"), int(all.size())},
                             {QStringLiteral("next"), next},
                             {QStringLiteral("previous"), QJsonValue()},
                             {QStringLiteral("results"), results}});
}

FakeHttpServer::Reply FakeOpenTrack::create(const QString &collection, const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    const bool many = doc.isArray();
    if (many && collection != u"competitors" && collection != u"teams")
        return json(400,
                    QJsonObject {{QStringLiteral("non_field_errors"),
                                  QJsonArray {QStringLiteral("Expected an object.")}}});
    const QJsonArray items = many ? doc.array() : QJsonArray {doc.object()};
    // Validated whole, as Django REST framework does: one error object per item.
    QJsonArray errors;
    bool bad = false;
    for (const QJsonValue &v : items) {
        QJsonObject error;
        const QJsonObject item = v.toObject();
        if (item.value(naturalKeyOf(collection)).toString().isEmpty())
            error.insert(naturalKeyOf(collection),
                         QJsonArray {QStringLiteral("This field is required.")});
        if (collection != u"competitions"
            && find(QStringLiteral("competitions"),
                    item.value(QStringLiteral("competition")).toString())
                < 0)
            error.insert(QStringLiteral("competition"), QJsonArray {QStringLiteral("Invalid pk.")});
        bad = bad || !error.isEmpty();
        errors.append(error);
    }
    if (bad)
        return json(400, many ? QJsonValue(errors) : errors.first());
    QJsonArray created;
    for (const QJsonValue &v : items)
        created.append(shown(collection, add(collection, v.toObject())));
    FakeHttpServer::Reply reply = json(201, many ? QJsonValue(created) : created.first());
    if (storeThenFail > 0) {
        --storeThenFail;
        reply = FakeHttpServer::reply(storeThenFailStatus,
                                      storeThenFailStatus == 502 ? "<html>Bad Gateway</html>"
                                                                 : "<html>Gateway Timeout</html>",
                                      "text/html");
    }
    return reply;
}

FakeHttpServer::Reply FakeOpenTrack::handle(const FakeHttpServer::Request &request)
{
    const QUrl url = m_http.url(QString::fromUtf8(request.path));
    QStringList parts = url.path().split(u'/', Qt::SkipEmptyParts); // "api", collection, id
    if (parts.value(0) != u"api")
        return json(404, QJsonObject {{QStringLiteral("detail"), QStringLiteral("Not found.")}});
    parts.removeFirst();
    if (parts.isEmpty()) {
        QJsonObject root;
        for (const QString &c : collections) {
            if (c != u"units")
                root.insert(c, m_http.url(QStringLiteral("/api/%1/").arg(c)).toString());
        }
        root.insert(QStringLiteral("my-competitions"),
                    m_http.url(QStringLiteral("/api/my-competitions/")).toString());
        root.insert(QStringLiteral("get-auth-token"),
                    m_http.url(QStringLiteral("/api/get-auth-token/")).toString());
        return json(200, root);
    }
    if (parts.first() == u"get-auth-token") {
        ++logins;
        return json(
            200, QJsonObject {{QStringLiteral("token"), QStringLiteral("token-%1").arg(logins)}});
    }
    if (alwaysUnauthorized)
        return json(401,
                    QJsonObject {{QStringLiteral("detail"), QStringLiteral("Invalid token.")}});
    if (parts.first() == u"my-competitions") {
        QJsonArray mine;
        for (const QJsonObject &c : std::as_const(m_data[QStringLiteral("competitions")]))
            mine.append(QJsonObject {{QStringLiteral("id"), c.value(QStringLiteral("id"))},
                                     {QStringLiteral("name"), c.value(QStringLiteral("full_name"))},
                                     {QStringLiteral("url"), c.value(QStringLiteral("url"))}});
        return json(200, QJsonObject {{QStringLiteral("competitions"), mine}});
    }
    const QString collection = parts.first();
    if (!collections.contains(collection))
        return json(404, QJsonObject {{QStringLiteral("detail"), QStringLiteral("Not found.")}});
    if (parts.size() == 1) {
        if (request.method == "GET")
            return list(collection, url);
        if (request.method == "POST")
            return create(collection, request.body);
        return json(405, QJsonObject {});
    }
    const int index = find(collection, parts.value(1));
    if (index < 0)
        return json(404, QJsonObject {{QStringLiteral("detail"), QStringLiteral("Not found.")}});
    QJsonObject &record = m_data[collection][index];
    if (request.method == "GET")
        return json(200, shown(collection, record));
    if (request.method == "PATCH" || request.method == "PUT") {
        const QJsonObject changes = QJsonDocument::fromJson(request.body).object();
        for (auto it = changes.begin(); it != changes.end(); ++it) {
            if (it.key() != u"id" && it.key() != u"url")
                record.insert(it.key(), it.value());
        }
        const QJsonObject changed = record;
        if (collection == u"events")
            makeUnits(changed);
        return json(200, shown(collection, changed));
    }
    if (request.method == "DELETE") {
        const QString recordUrl = record.value(QStringLiteral("url")).toString();
        m_data[collection].removeAt(index);
        auto &units = m_data[QStringLiteral("units")];
        units.removeIf([&recordUrl](const QJsonObject &u) {
            return u.value(QStringLiteral("event")).toString() == recordUrl;
        });
        return FakeHttpServer::reply(204, "");
    }
    return json(405, QJsonObject {});
}

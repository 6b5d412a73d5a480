#include "serverreader.h"

#include "apimessages.h"
#include "apisession.h"
#include "payload.h"

#include <QCoreApplication>
#include <QMap>
#include <QSet>
#include <QUrlQuery>

#include <memory>

namespace meetdesk {

namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("meetdesk::ServerReader", text, nullptr, n);
}

constexpr int pageSize = 500;
constexpr int maxPages = 10000;

// Where a page's "next" link may lead: the same scheme, host, port and path as the first page.
bool sameList(const QUrl &first, const QUrl &next)
{
    const auto path = [](const QUrl &u) {
        QString p = u.path();
        while (p.contains(QStringLiteral("//")))
            p.replace(QStringLiteral("//"), QStringLiteral("/"));
        return p;
    };
    return next.isValid() && next.scheme() == first.scheme() && next.host() == first.host()
        && next.port(first.scheme() == u"https" ? 443 : 80)
        == first.port(first.scheme() == u"https" ? 443 : 80)
        && path(next) == path(first);
}

struct Paging
{
    QUrl first;
    QString member;
    std::vector<JsonValue> records;
    QSet<QString> seen;
    ServerReader::Records done;
};

// One page, then the next; the callback holds the shared state, never itself.
void readPage(ApiSession *session, const std::shared_ptr<Paging> &paging, const QUrl &url)
{
    session->get(url, [session, paging, url](const ApiResponse &r) {
        const auto fail = [&paging](const QString &message) {
            paging->done({}, message);
        };
        if (!r.ok()) {
            fail(tr("could not read %1: %2").arg(url.toDisplayString(), r.error.message));
            return;
        }
        QString error;
        const JsonValue page = payload::parse(r.body, &error);
        const JsonValue *list = page.isArray() ? &page : page.find(paging->member);
        if (!error.isEmpty() || !list || !list->isArray()) {
            fail(tr("%1 did not answer with a list (%2)")
                     .arg(url.toDisplayString(),
                          error.isEmpty() ? tr("no \"%1\"").arg(paging->member) : error));
            return;
        }
        for (const JsonValue &record : list->items())
            paging->records.push_back(record);
        const JsonValue *next = page.isObject() ? page.find(u"next") : nullptr;
        if (!next || !next->isString() || next->text().isEmpty()) {
            paging->done(std::move(paging->records), QString());
            return;
        }
        const QUrl nextUrl = paging->first.resolved(QUrl(next->text()));
        if (!sameList(paging->first, nextUrl)) {
            fail(tr("the next page of %1 is said to be at %2, another address: not followed")
                     .arg(paging->first.toDisplayString(), nextUrl.toDisplayString()));
            return;
        }
        if (paging->seen.contains(nextUrl.toString()) || paging->seen.size() >= maxPages) {
            fail(tr("the pages of %1 do not end").arg(paging->first.toDisplayString()));
            return;
        }
        paging->seen.insert(nextUrl.toString());
        readPage(session, paging, nextUrl);
    });
}

// Calls done once, when every part has answered: with the first error, if any.
struct Countdown
{
    int left = 0;
    QString error;
    ServerReader::Done done;

    void finishOne(const QString &partError)
    {
        if (error.isEmpty())
            error = partError;
        if (--left == 0)
            done(error);
    }
};

} // namespace

QUrl ServerSnapshot::collection(const QString &name) const
{
    const JsonValue *value = root.isObject() ? root.find(name) : nullptr;
    if (!value || !value->isString() || value->text().isEmpty())
        return {};
    return apiRoot.resolved(QUrl(value->text()));
}

bool ServerSnapshot::belongs(const JsonValue &record) const
{
    const QString named = payload::textOf(record, u"competition");
    return !named.isEmpty()
        && (named == competitionId || (competitionUrl.isValid() && QUrl(named) == competitionUrl));
}

JsonValue ServerSnapshot::fileRecord(const JsonValue &server, const QStringList &alsoLeaveOut)
{
    static const QStringList serverOnly {QStringLiteral("id"), QStringLiteral("url"),
                                         QStringLiteral("competition"), QStringLiteral("event"),
                                         QStringLiteral("units")};
    JsonObject out;
    for (const JsonMember &m : server.members()) {
        if (!serverOnly.contains(m.key) && !alsoLeaveOut.contains(m.key)
            && !payload::isEmpty(&m.value))
            out.push_back(m);
    }
    return JsonValue::object(std::move(out));
}

QString ServerSnapshot::kindOf(const QString &collection)
{
    if (collection == u"relay-teams")
        return QStringLiteral("relay_team");
    return collection.endsWith(u's') ? collection.chopped(1) : collection;
}

QString ServerSnapshot::keyOf(const QString &collection, const JsonValue &record)
{
    const QString kind = kindOf(collection);
    const QString value = payload::textOf(record, QString(kind + QStringLiteral("_id")));
    return value.isEmpty() ? QString() : kind + u':' + value;
}

void ServerReader::read(ServerSnapshot &snapshot, const QUrl &apiRoot, const Wanted &wanted,
                        std::function<QStringList()> units, Done done)
{
    // Each step's error or problems end the read there.
    const auto then = [&snapshot, done](std::function<void()> next) {
        return [&snapshot, done, next](const QString &error) {
            if (const QString trouble = snapshot.trouble(error); !trouble.isEmpty())
                done(trouble);
            else
                next();
        };
    };
    stage(tr("Asking the server what it offers"));
    readRoot(snapshot, apiRoot, then([this, &snapshot, wanted, units, done, then] {
                 stage(tr("Looking for the competition on the server"));
                 findCompetition(snapshot, wanted, then([this, &snapshot, units, done, then] {
                                     if (!snapshot.competition.isObject()) {
                                         done(QString());
                                         return;
                                     }
                                     stage(tr("Reading what the server holds"));
                                     readRecords(
                                         snapshot, then([this, &snapshot, units, done, then] {
                                             const QStringList keys = units();
                                             if (!keys.isEmpty())
                                                 stage(tr("Reading %n heat(s) from the server",
                                                          int(keys.size())));
                                             readUnits(snapshot, keys,
                                                       then([done] { done(QString()); }));
                                         }));
                                 }));
             }));
}

void ServerReader::readRoot(ServerSnapshot &snapshot, const QUrl &apiRoot, Done done)
{
    snapshot.apiRoot = api::withTrailingSlash(apiRoot);
    m_session.get(snapshot.apiRoot, [&snapshot, done](const ApiResponse &r) {
        QString error;
        const JsonValue root = r.ok() ? payload::parse(r.body, &error) : JsonValue();
        if (!r.ok() || !root.isObject()) {
            done(tr("The server at %1 could not be used: %2")
                     .arg(snapshot.apiRoot.toDisplayString(),
                          !r.ok() ? r.error.message
                                  : tr("it does not list its collections %1").arg(error)));
            return;
        }
        snapshot.root = root;
        for (const char *name : {"competitions", "competitors", "teams", "events"}) {
            if (!snapshot.offers(QLatin1StringView(name))) {
                done(tr("The server at %1 offers no %2 collection.")
                         .arg(snapshot.apiRoot.toDisplayString(), QLatin1StringView(name)));
                return;
            }
        }
        done(QString());
    });
}

void ServerReader::findCompetition(ServerSnapshot &snapshot, const Wanted &wanted, Done done)
{
    snapshot.competition = {};
    snapshot.competitionId.clear();
    snapshot.competitionUrl = {};
    QUrl url = wanted.url;
    if (!url.isValid() && !wanted.id.isEmpty())
        url = snapshot.collection(QStringLiteral("competitions"))
                  .resolved(QUrl(QString::fromUtf8(QUrl::toPercentEncoding(wanted.id)) + u'/'));
    if (url.isValid()) {
        readCompetitionAt(snapshot, url, wanted, std::move(done));
        return;
    }
    if (wanted.slug.isEmpty()) {
        done(tr("Which competition? It needs a slug or an id."));
        return;
    }
    listCompetitions(snapshot, wanted.slug, std::move(done));
}

void ServerReader::readCompetitionAt(ServerSnapshot &snapshot, const QUrl &url,
                                     const Wanted &wanted, Done done)
{
    m_session.get(url, [this, &snapshot, url, wanted, done](const ApiResponse &r) {
        if (r.status == 404) {
            // Gone from the server (or never there): look for it as if never published.
            if (wanted.slug.isEmpty())
                done(QString());
            else
                listCompetitions(snapshot, wanted.slug, done);
            return;
        }
        QString error;
        const JsonValue record = r.ok() ? payload::parse(r.body, &error) : JsonValue();
        if (!r.ok() || !record.isObject()) {
            done(tr("Could not read the competition at %1: %2")
                     .arg(url.toDisplayString(),
                          r.ok() ? tr("not an object %1").arg(error) : r.error.message));
            return;
        }
        const QString id = payload::idOf(record);
        const QString slug = payload::textOf(record, u"slug");
        if (!wanted.id.isEmpty() && id != wanted.id) {
            snapshot.problems.append(
                tr("The competition remembered from the last publish (id %1, %2) is answered "
                   "by another one (id %3). Nothing was written.")
                    .arg(wanted.id, url.toDisplayString(), id.isEmpty() ? tr("none") : id));
        } else if (!wanted.slug.isEmpty() && slug != wanted.slug) {
            snapshot.problems.append(
                tr("The competition published last time (id %1) is called \"%2\" on the "
                   "server and \"%3\" in the file. Nothing was written: make the two agree "
                   "(on OpenTrack or in the file), then publish again.")
                    .arg(id, slug, wanted.slug));
        }
        snapshot.competition = record;
        snapshot.competitionId = id;
        const QString own = payload::textOf(record, u"url");
        snapshot.competitionUrl = own.isEmpty() ? url : url.resolved(QUrl(own));
        done(QString());
    });
}

void ServerReader::listCompetitions(ServerSnapshot &snapshot, const QString &slug, Done done)
{
    struct Listing
    {
        QMap<QString, JsonValue> matches; // id -> record
        QMap<QString, JsonValue> unknown; // listed without a slug
        QSet<QString> listed;
    };
    auto listing = std::make_shared<Listing>();
    const QUrl competitions = snapshot.collection(QStringLiteral("competitions"));
    const auto detailUrl = [competitions](const QString &id, const JsonValue &entry) {
        const QString own = payload::textOf(entry, u"url");
        return own.isEmpty() ? competitions.resolved(QUrl(id + u'/'))
                             : competitions.resolved(QUrl(own));
    };

    const auto decide = [this, &snapshot, listing, slug, detailUrl, done] {
        if (listing->matches.size() > 1) {
            snapshot.problems.append(
                tr("The server lists %1 competitions with the slug \"%2\" (ids %3): which one "
                   "is meant cannot be told. Nothing was written.")
                    .arg(listing->matches.size())
                    .arg(slug, listing->matches.keys().join(QStringLiteral(", "))));
            done(QString());
            return;
        }
        if (listing->matches.isEmpty()) {
            done(QString());
            return;
        }
        const QString id = listing->matches.firstKey();
        readCompetitionAt(snapshot, detailUrl(id, listing->matches.first()), {slug, id, {}}, done);
    };

    // Competitions listed without their slug (and not in the public list): read each.
    const auto readUnknown = [this, listing, slug, detailUrl, decide] {
        QList<std::pair<QString, QUrl>> left;
        for (auto it = listing->unknown.cbegin(); it != listing->unknown.cend(); ++it) {
            if (!listing->listed.contains(it.key()))
                left.append({it.key(), detailUrl(it.key(), it.value())});
        }
        if (left.isEmpty()) {
            decide();
            return;
        }
        auto count = std::make_shared<Countdown>();
        count->left = int(left.size());
        count->done = [decide](const QString &) {
            decide();
        };
        for (const auto &[id, url] : left) {
            m_session.get(url, [listing, slug, id, count](const ApiResponse &r) {
                const JsonValue record = r.ok() ? payload::parse(r.body) : JsonValue();
                if (payload::textOf(record, u"slug") == slug)
                    listing->matches.insert(id, record);
                count->finishOne(QString());
            });
        }
    };

    const auto readPublicList = [this, listing, slug, competitions, readUnknown, done] {
        QUrl first = competitions;
        QUrlQuery query(first);
        query.addQueryItem(QStringLiteral("limit"), QString::number(pageSize));
        first.setQuery(query);
        readPages(first, QStringLiteral("results"),
                  [listing, slug, readUnknown, done](std::vector<JsonValue> records,
                                                     const QString &error) {
                      if (!error.isEmpty()) {
                          done(tr("Could not look for the competition: %1").arg(error));
                          return;
                      }
                      for (const JsonValue &record : records) {
                          const QString id = payload::idOf(record);
                          if (!record.find(u"slug"))
                              continue;
                          listing->listed.insert(id);
                          if (payload::textOf(record, u"slug") == slug)
                              listing->matches.insert(id, record);
                      }
                      readUnknown();
                  });
    };

    const QUrl mine = snapshot.collection(QStringLiteral("my-competitions"));
    if (!mine.isValid()) {
        readPublicList();
        return;
    }
    readPages(mine, QStringLiteral("competitions"),
              [listing, slug, readPublicList, done](std::vector<JsonValue> records,
                                                    const QString &error) {
                  if (!error.isEmpty()) {
                      done(tr("Could not list your competitions: %1").arg(error));
                      return;
                  }
                  for (const JsonValue &record : records) {
                      const QString id = payload::idOf(record);
                      if (id.isEmpty())
                          continue;
                      if (!record.find(u"slug"))
                          listing->unknown.insert(id, record);
                      else if (payload::textOf(record, u"slug") == slug)
                          listing->matches.insert(id, record);
                  }
                  readPublicList();
              });
}

void ServerReader::readPages(const QUrl &first, const QString &member, Records done)
{
    auto paging = std::make_shared<Paging>();
    paging->first = first;
    paging->member = member;
    paging->done = std::move(done);
    readPage(&m_session, paging, first);
}

void ServerReader::readCollection(ServerSnapshot &snapshot, const QString &name, Records done)
{
    QUrl first = snapshot.collection(name);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("competition"), snapshot.competitionId);
    query.addQueryItem(QStringLiteral("limit"), QString::number(pageSize));
    first.setQuery(query);
    readPages(first, QStringLiteral("results"),
              [&snapshot, name, done](std::vector<JsonValue> records, const QString &error) {
                  if (!error.isEmpty()) {
                      done({}, tr("Could not read the server's %1: %2").arg(name, error));
                      return;
                  }
                  std::vector<JsonValue> kept;
                  kept.reserve(records.size());
                  for (JsonValue &record : records) {
                      if (snapshot.belongs(record)) {
                          kept.push_back(std::move(record));
                          continue;
                      }
                      const QString named = payload::textOf(record, u"competition");
                      snapshot.problems.append(
                          tr("Asked for this competition's %1, the server also gave %2 %3 (id "
                             "%4) of %5. It was left alone, and nothing was written.")
                              .arg(name, ServerSnapshot::kindOf(name),
                                   payload::textOf(record,
                                                   QString(ServerSnapshot::kindOf(name)
                                                           + QStringLiteral("_id"))),
                                   payload::idOf(record),
                                   named.isEmpty() ? tr("no named competition")
                                                   : tr("competition %1").arg(named)));
                  }
                  done(std::move(kept), QString());
              });
}

void ServerReader::readRecords(ServerSnapshot &snapshot, Done done)
{
    snapshot.records.clear();
    snapshot.order.clear();
    snapshot.units.clear();
    QStringList names {QStringLiteral("teams"), QStringLiteral("competitors"),
                       QStringLiteral("events")};
    if (snapshot.offers(QStringLiteral("relay-teams")))
        names.append(QStringLiteral("relay-teams"));
    // Units an event lists without their round and heat: read to learn them.
    auto unplaced = std::make_shared<std::vector<std::pair<QString, QUrl>>>();
    auto count = std::make_shared<Countdown>();
    count->left = int(names.size());
    count->done = [this, &snapshot, unplaced, done](const QString &error) {
        if (!error.isEmpty() || unplaced->empty()) {
            done(error);
            return;
        }
        auto reads = std::make_shared<Countdown>();
        reads->left = int(unplaced->size());
        reads->done = done;
        for (const auto &[eventId, url] : *unplaced) {
            m_session.get(url, [&snapshot, eventId, url, reads](const ApiResponse &r) {
                const JsonValue unit = r.ok() ? payload::parse(r.body) : JsonValue();
                const QString round = payload::textOf(unit, u"round");
                const QString heat = payload::textOf(unit, u"heat");
                if (!r.ok() || round.isEmpty() || heat.isEmpty()) {
                    reads->finishOne(tr("Could not read a heat (%1): %2")
                                         .arg(url.toDisplayString(),
                                              r.ok() ? tr("no round and heat") : r.error.message));
                    return;
                }
                ServerSnapshot::Unit u;
                u.url = url;
                u.id = payload::idOf(unit);
                u.full = unit;
                snapshot.units.insert(QStringLiteral("unit:%1/%2/%3").arg(eventId, round, heat), u);
                reads->finishOne(QString());
            });
        }
    };
    for (const QString &name : std::as_const(names)) {
        readCollection(
            snapshot, name,
            [&snapshot, name, unplaced, count](std::vector<JsonValue> records,
                                               const QString &error) {
                for (const JsonValue &record : records) {
                    const QString key = ServerSnapshot::keyOf(name, record);
                    if (key.isEmpty()) {
                        snapshot.notes.append(
                            tr("%1 id %2 has no %3 and was left alone")
                                .arg(ServerSnapshot::kindOf(name), payload::idOf(record),
                                     ServerSnapshot::kindOf(name) + QStringLiteral("_id")));
                        continue;
                    }
                    if (const auto it = snapshot.records.constFind(key);
                        it != snapshot.records.constEnd()) {
                        snapshot.problems.append(
                            tr("The server holds two records for %1 (ids %2 and "
                               "%3): which one is meant cannot be told. Nothing was "
                               "written.")
                                .arg(key, payload::idOf(*it), payload::idOf(record)));
                        continue;
                    }
                    snapshot.records.insert(key, record);
                    snapshot.order.append(key);
                    if (name == u"events") {
                        const QString eventId = payload::textOf(record, u"event_id");
                        for (const JsonValue &url : noteUnits(snapshot, record, false))
                            unplaced->push_back(
                                {eventId, snapshot.apiRoot.resolved(QUrl(url.text()))});
                    }
                }
                count->finishOne(error);
            });
    }
}

std::vector<JsonValue> ServerReader::noteUnits(ServerSnapshot &snapshot, const JsonValue &event,
                                               bool fresh)
{
    std::vector<JsonValue> unplaced;
    const QString eventId = payload::textOf(event, u"event_id");
    const JsonValue *units = event.isObject() ? event.find(u"units") : nullptr;
    if (eventId.isEmpty() || !units || !units->isArray())
        return unplaced;
    for (const JsonValue &entry : units->items()) {
        const QString url = payload::textOf(entry, u"url");
        const QString round = payload::textOf(entry, u"round");
        const QString heat = payload::textOf(entry, u"heat");
        if (url.isEmpty())
            continue;
        if (round.isEmpty() || heat.isEmpty()) {
            unplaced.push_back(JsonValue::string(url));
            continue;
        }
        const QString key = QStringLiteral("unit:%1/%2/%3").arg(eventId, round, heat);
        if (const auto known = snapshot.units.find(key); known != snapshot.units.end()) {
            known->listed = entry; // what was read of it stays
            continue;
        }
        ServerSnapshot::Unit unit;
        unit.url = snapshot.apiRoot.resolved(QUrl(url));
        unit.id = payload::idOf(entry);
        unit.listed = entry;
        unit.fresh = fresh;
        snapshot.units.insert(key, unit);
    }
    return unplaced;
}

QString ServerReader::checkUnit(const ServerSnapshot &snapshot, const QString &key,
                                const JsonValue &unit)
{
    const QStringList parts = key.mid(5).split(u'/'); // "unit:" EVENT / ROUND / HEAT
    if (!unit.isObject() || parts.size() != 3)
        return tr("the server's answer for %1 is not a heat").arg(key);
    const QString round = payload::textOf(unit, u"round");
    const QString heat = payload::textOf(unit, u"heat");
    if ((!round.isEmpty() && round != parts[1]) || (!heat.isEmpty() && heat != parts[2]))
        return tr("the server answered for %1 with round %2 heat %3").arg(key, round, heat);
    const QString event = payload::textOf(unit, u"event");
    const JsonValue owner = snapshot.records.value(QStringLiteral("event:") + parts[0]);
    if (!event.isEmpty() && owner.isObject() && event != payload::idOf(owner)
        && QUrl(event) != snapshot.apiRoot.resolved(QUrl(payload::textOf(owner, u"url"))))
        return tr("the server answered for %1 with a heat of another event (%2)").arg(key, event);
    return {};
}

void ServerReader::readUnits(ServerSnapshot &snapshot, const QStringList &keys, Done done)
{
    if (keys.isEmpty()) {
        done(QString());
        return;
    }
    auto count = std::make_shared<Countdown>();
    count->left = int(keys.size());
    count->done = std::move(done);
    const int total = int(keys.size());
    for (const QString &key : keys) {
        const QUrl url = snapshot.units.value(key).url;
        m_session.get(url, [this, &snapshot, key, url, count, total](const ApiResponse &r) {
            if (count->left > 1)
                stage(tr("Reading heats from the server: %1 of %2")
                          .arg(total - count->left + 1)
                          .arg(total));
            QString error;
            const JsonValue unit = r.ok() ? payload::parse(r.body, &error) : JsonValue();
            if (!r.ok() || !error.isEmpty()) {
                count->finishOne(tr("Could not read a heat (%1): %2")
                                     .arg(url.toDisplayString(), r.ok() ? error : r.error.message));
                return;
            }
            if (const QString wrong = checkUnit(snapshot, key, unit); !wrong.isEmpty()) {
                snapshot.problems.append(wrong + tr(". Nothing was written."));
            } else {
                auto it = snapshot.units.find(key);
                if (it != snapshot.units.end())
                    it->full = unit;
            }
            count->finishOne(QString());
        });
    }
}

} // namespace meetdesk

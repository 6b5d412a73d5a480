#include "v1upload.h"

#include "apimessages.h"
#include "payload.h"

#include "format/opentrackwriter.h"

namespace meetdesk {

V1Upload::V1Upload(ApiClient *client, const QUrl &v1Root, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_root(api::withTrailingSlash(v1Root))
{ }

std::optional<QUrl> V1Upload::v1RootFor(const QUrl &given)
{
    if (!given.isValid() || given.host().isEmpty())
        return std::nullopt;
    QUrl root = api::withTrailingSlash(given);
    root.setQuery(QString());
    root.setFragment(QString());
    const QString path = root.path();
    if (path.endsWith(u"/api/v1/"))
        return root;
    if (path.endsWith(u"/api/")) {
        root.setPath(path + QStringLiteral("v1/"));
        return root;
    }
    return std::nullopt;
}

void V1Upload::login(const QString &user, const QString &password,
                     std::function<void(const QString &)> done)
{
    // The v1 token URL is documented without a trailing slash.
    m_client->postForm(m_root.resolved(QUrl(QStringLiteral("auth/token"))),
                       {{QStringLiteral("username"), user}, {QStringLiteral("password"), password}},
                       [this, done](const ApiResponse &r) {
                           const QString token
                               = payload::textOf(payload::parse(r.body), u"access_token");
                           if (!r.ok() || token.isEmpty()) {
                               done(r.ok() ? tr("the server gave no token") : r.error.message);
                               return;
                           }
                           m_client->setToken(token, "Bearer");
                           done(QString());
                       });
}

QByteArray V1Upload::body(const Competition &competition)
{
    return OpenTrackWriter::write(competition, OpenTrackWriter::Flavor::V1);
}

JsonValue V1Upload::document(const Competition &competition)
{
    return payload::parse(body(competition));
}

void V1Upload::upload(const Competition &competition, Done done)
{
    m_client->sendJson("POST", m_root.resolved(QUrl(QStringLiteral("competitions/"))),
                       body(competition), std::move(done));
}

} // namespace meetdesk

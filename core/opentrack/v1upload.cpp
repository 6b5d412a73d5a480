#include "v1upload.h"

#include "apimessages.h"
#include "format/opentrackwriter.h"

#include <QJsonDocument>

namespace meetdesk {

V1Upload::V1Upload(ApiClient *client, const QUrl &v1Root, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_root(api::withTrailingSlash(v1Root))
{ }

void V1Upload::login(const QString &user, const QString &password,
                     std::function<void(const QString &)> done)
{
    // The v1 token URL is documented without a trailing slash.
    m_client->postForm(m_root.resolved(QUrl(QStringLiteral("auth/token"))),
                       {{QStringLiteral("username"), user}, {QStringLiteral("password"), password}},
                       [this, done](const ApiResponse &r) {
                           const QString token
                               = r.json.object().value(QStringLiteral("access_token")).toString();
                           if (!r.ok() || token.isEmpty()) {
                               done(r.ok() ? tr("the server gave no token") : r.error.message);
                               return;
                           }
                           m_client->setToken(token, "Bearer");
                           done(QString());
                       });
}

QJsonObject V1Upload::document(const Competition &competition)
{
    return QJsonDocument::fromJson(OpenTrackWriter::write(competition, OpenTrackWriter::Flavor::V1))
        .object();
}

void V1Upload::upload(const Competition &competition, Done done)
{
    m_client->post(m_root.resolved(QUrl(QStringLiteral("competitions/"))), document(competition),
                   std::move(done));
}

} // namespace meetdesk

#pragma once

#include "apiclient.h"
#include "model/competition.h"
#include "json/jsonvalue.h"

#include <QObject>

#include <optional>

namespace meetdesk {

// The v1 target, for servers that still run it: log in at /api/v1/auth/token for a Bearer
// token, then one nested POST of the whole competition with the v1 field names.
class V1Upload : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const ApiResponse &response)>;

    // v1Root: "https://api.opentrack.run/api/v1/"
    V1Upload(ApiClient *client, const QUrl &v1Root, QObject *parent = nullptr);

    // The v1 root from the address a user gives: a v1 root as it is (".../api/v1/"), an API
    // root one level up (".../api/" -> ".../api/v1/"); nothing for anything else.
    static std::optional<QUrl> v1RootFor(const QUrl &given);

    void login(const QString &user, const QString &password,
               std::function<void(const QString &error)> done);
    void upload(const Competition &competition, Done done);

    // The nested document as sent, numbers as the file spells them.
    static QByteArray body(const Competition &competition);
    static JsonValue document(const Competition &competition);

private:
    ApiClient *m_client;
    QUrl m_root;
};

} // namespace meetdesk

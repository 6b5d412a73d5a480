#include "sandboxserver.h"

#include <QJsonDocument>
#include <QJsonObject>

SandboxServer::SandboxServer(const QString &profile)
    : m_service(QStringLiteral(MEETDESK_SANDBOX "/run.py"), {QStringLiteral("--profile"), profile})
    , m_root(m_service.firstLine())
{ }

QUrl SandboxServer::url(const QString &path) const
{
    QUrl u = m_root;
    u.setPath(path);
    return u;
}

QByteArray SandboxServer::get(const QString &path) const
{
    return testhttp::call("GET", url(path)).body;
}

QByteArray SandboxServer::post(const QString &path, const QByteArray &json) const
{
    return testhttp::call("POST", url(path), json).body;
}

QJsonArray SandboxServer::log() const
{
    return QJsonDocument::fromJson(get(QStringLiteral("/sandbox/log/")))
        .object()
        .value(QStringLiteral("requests"))
        .toArray();
}

void SandboxServer::clearFaults() const
{
    testhttp::call("DELETE", url(QStringLiteral("/sandbox/log/")));
}

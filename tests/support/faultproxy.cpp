#include "faultproxy.h"

#include <QJsonDocument>

namespace {

QStringList arguments(const QUrl &upstream, int latencyMs)
{
    QUrl base = upstream;
    base.setPath(QString());
    base.setQuery(QString());
    return {QStringLiteral("--upstream"), base.toString(), QStringLiteral("--latency-ms"),
            QString::number(latencyMs)};
}

QUrl part(const QString &line, int index)
{
    const QStringList parts = line.split(u' ', Qt::SkipEmptyParts);
    return parts.size() == 3 ? QUrl(parts[index]) : QUrl();
}

} // namespace

FaultProxy::FaultProxy(const QUrl &upstream, int latencyMs)
    : m_service(QStringLiteral(MEETDESK_SANDBOX "/proxy.py"), arguments(upstream, latencyMs))
    , m_proxy(part(m_service.firstLine(), 0))
    , m_control(part(m_service.firstLine(), 1))
    , m_other(part(m_service.firstLine(), 2))
{ }

QUrl FaultProxy::through(const QUrl &upstream) const
{
    QUrl u = upstream;
    u.setHost(m_proxy.host());
    u.setPort(m_proxy.port());
    return u;
}

void FaultProxy::addRule(const QJsonObject &rule) const
{
    testhttp::call("POST", m_control.resolved(QUrl(QStringLiteral("rules"))),
                   QJsonDocument(rule).toJson(QJsonDocument::Compact));
}

void FaultProxy::reset() const
{
    testhttp::call("POST", m_control.resolved(QUrl(QStringLiteral("reset"))), "{}");
}

QJsonArray FaultProxy::requests(const QString &path) const
{
    const testhttp::Answer answer = testhttp::call("GET", m_control.resolved(QUrl(path)));
    return QJsonDocument::fromJson(answer.body)
        .object()
        .value(QStringLiteral("requests"))
        .toArray();
}

QJsonArray FaultProxy::log() const
{
    return requests(QStringLiteral("log"));
}

QJsonArray FaultProxy::otherLog() const
{
    return requests(QStringLiteral("other/"));
}

#include "apimessages.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QTimeZone>

namespace meetdesk::api {

namespace {

QString joinMessages(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isArray()) {
        QStringList parts;
        for (const QJsonValue &v : value.toArray()) {
            const QString text = joinMessages(v);
            if (!text.isEmpty())
                parts.append(text);
        }
        return parts.join(QStringLiteral(" "));
    }
    if (value.isObject()) {
        QStringList parts;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString text = joinMessages(it.value());
            if (text.isEmpty())
                continue;
            if (it.key() == u"detail" || it.key() == u"non_field_errors")
                parts.append(text);
            else
                parts.append(it.key() + QStringLiteral(": ") + text);
        }
        return parts.join(QStringLiteral("; "));
    }
    return {};
}

} // namespace

QString errorText(const QByteArray &body)
{
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return {};
    if (doc.isArray()) {
        // A bulk create answers with one error object per item, empty for the good ones.
        QStringList parts;
        const QJsonArray items = doc.array();
        for (qsizetype i = 0; i < items.size(); ++i) {
            const QString text = joinMessages(items[i]);
            if (!text.isEmpty())
                parts.append(QStringLiteral("[%1] ").arg(i) + text);
        }
        return parts.join(QStringLiteral("; "));
    }
    return joinMessages(doc.object());
}

bool isPermissionDenied(int status, const QByteArray &body)
{
    return status == 403
        || (status == 500
            && body.trimmed().compare(QByteArrayLiteral("Permission Denied"), Qt::CaseInsensitive)
                == 0);
}

std::optional<int> retryAfterSeconds(const QByteArray &header, const QDateTime &now)
{
    const QByteArray value = header.trimmed();
    if (value.isEmpty())
        return std::nullopt;
    bool ok = false;
    const int seconds = value.toInt(&ok);
    if (ok)
        return seconds >= 0 ? std::optional<int>(seconds) : std::nullopt;
    // An HTTP date: "Wed, 21 Oct 2015 07:28:00 GMT"
    const QDateTime when = QLocale::c().toDateTime(
        QString::fromLatin1(value), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!when.isValid())
        return std::nullopt;
    QDateTime utc = when;
    utc.setTimeZone(QTimeZone::utc());
    return int(std::max<qint64>(0, now.secsTo(utc)));
}

int backoffDelayMs(int attempt, int baseMs, int maxMs, double jitter)
{
    const int exponent = std::clamp(attempt - 1, 0, 20);
    const qint64 delay = std::min<qint64>(qint64(baseMs) << exponent, maxMs);
    return int(delay + qint64(jitter * baseMs));
}

bool isIdempotent(const QByteArray &method)
{
    return method != "POST";
}

bool mayHaveActed(Failure failure, int status)
{
    switch (failure) {
    case Failure::Timeout:
    case Failure::ConnectionLost:
        return true;
    case Failure::Status:
        return status == 502 || status == 504;
    case Failure::None:
    case Failure::ConnectionRefused:
        return false;
    }
    return false;
}

bool isRetryable(const QByteArray &method, Failure failure, int status)
{
    const bool idempotent = isIdempotent(method);
    switch (failure) {
    case Failure::None:
        return false;
    case Failure::ConnectionRefused:
        return true; // nothing was sent
    case Failure::Timeout:
    case Failure::ConnectionLost:
        return idempotent;
    case Failure::Status:
        if (status == 429 || status == 503)
            return true;
        if (status == 502 || status == 504)
            return idempotent;
        return false;
    }
    return false;
}

bool isLoopback(const QUrl &url)
{
    const QString host = url.host();
    if (host.compare(QStringLiteral("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

bool isAllowedUrl(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return false;
    if (url.scheme() == u"https")
        return true;
    return url.scheme() == u"http" && isLoopback(url);
}

bool looksLikeHtml(const QByteArray &contentType, const QByteArray &body)
{
    if (contentType.toLower().contains("text/html"))
        return true;
    const QByteArray start = body.left(200).trimmed().toLower();
    return start.startsWith("<!doctype html") || start.startsWith("<html");
}

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    const auto defaultPort = [](const QUrl &url) {
        return url.scheme() == u"https" ? 443 : url.scheme() == u"http" ? 80 : -1;
    };
    return a.isValid() && b.isValid() && !a.host().isEmpty() && a.scheme() == b.scheme()
        && a.host().compare(b.host(), Qt::CaseInsensitive) == 0
        && a.port(defaultPort(a)) == b.port(defaultPort(b));
}

bool isRedirectStatus(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

Redirect redirectVerdict(const QByteArray &method, int status, const QUrl &from, const QUrl &to)
{
    if (from.scheme() == u"https" && to.scheme() != u"https")
        return Redirect::Downgrade;
    if (!isAllowedUrl(to))
        return Redirect::Insecure;
    const bool reads = method == "GET" || method == "HEAD";
    if (!reads && status != 307 && status != 308)
        return Redirect::ChangesMethod;
    if (!reads && !sameOrigin(from, to))
        return Redirect::OtherOrigin;
    return Redirect::Follow;
}

LoginUrl loginUrl(const QJsonObject &listing, const QUrl &apiRoot)
{
    const QUrl listed = collectionUrl(listing, QStringLiteral("get-auth-token"));
    const QUrl url
        = apiRoot.resolved(listed.isEmpty() ? QUrl(QStringLiteral("get-auth-token/")) : listed);
    if (!sameOrigin(url, apiRoot)) {
        return {{},
                QCoreApplication::translate(
                    "meetdesk::ApiClient",
                    "%1 sends its login to %2, another server; Meetdesk gives your password only "
                    "to the server you chose")
                    .arg(apiRoot.toDisplayString(), url.toDisplayString())};
    }
    return {url, {}};
}

QUrl collectionUrl(const QJsonObject &root, const QString &name)
{
    const QJsonValue value = root.value(name);
    return value.isString() ? QUrl(value.toString()) : QUrl();
}

QUrl withTrailingSlash(QUrl url)
{
    QString path = url.path();
    if (!path.endsWith(u'/')) {
        path += u'/';
        url.setPath(path);
    }
    return url;
}

} // namespace meetdesk::api

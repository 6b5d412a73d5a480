#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUrl>

#include <optional>

namespace meetdesk::api {

// The pure parts of talking to OpenTrack: reading its answers and deciding what to do next.
// No network here, so each is tested with data rows.

// A Django REST framework error body in the user's terms:
// {"slug": ["..."]} -> "slug: ...", {"detail": "Invalid token."} -> "Invalid token.",
// a bulk create's list of errors -> "[3] competitor_id: ...". Empty when there is nothing to say.
QString errorText(const QByteArray &body);

// Retry-After, in seconds or as an HTTP date.
std::optional<int> retryAfterSeconds(const QByteArray &header, const QDateTime &now);

// Exponential backoff: base * 2^(attempt-1), at most maxMs, plus jitter * base (jitter in [0, 1)).
int backoffDelayMs(int attempt, int baseMs, int maxMs, double jitter);

// Whether a failed request may be sent again. Only what the server certainly did not act on is
// repeated for POST (429, 503, no connection); GET, PUT, PATCH and DELETE are safe to repeat
// also after a timeout, a reset, 502 or 504.
enum class Failure { None, ConnectionRefused, Timeout, ConnectionLost, Status };
bool isRetryable(const QByteArray &method, Failure failure, int status);

// Plain http is allowed only to this machine.
bool isLoopback(const QUrl &url);
bool isAllowedUrl(const QUrl &url);

// An HTML page (a challenge or an error page) where JSON was expected.
bool looksLikeHtml(const QByteArray &contentType, const QByteArray &body);

// Whether following a redirect keeps the request what it was: never https -> http, never a
// method other than GET/HEAD through 301/302/303 (which would silently turn it into a GET).
bool isSafeRedirect(const QByteArray &method, int status, const QUrl &from, const QUrl &to);

// A collection's URL from the API root, e.g. "relay-teams"; empty when the server has none.
QUrl collectionUrl(const QJsonObject &root, const QString &name);

// The URL with a trailing slash on its path (OpenTrack redirects without it).
QUrl withTrailingSlash(QUrl url);

} // namespace meetdesk::api

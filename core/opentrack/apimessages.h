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

// Whether the server refused for want of rights: 403, or the 500 "Permission Denied" in plain
// text that OpenTrack's documentation warns of.
bool isPermissionDenied(int status, const QByteArray &body);

// Retry-After, in seconds or as an HTTP date.
std::optional<int> retryAfterSeconds(const QByteArray &header, const QDateTime &now);

// Exponential backoff: base * 2^(attempt-1), at most maxMs, plus jitter * base (jitter in [0, 1)).
int backoffDelayMs(int attempt, int baseMs, int maxMs, double jitter);

// Whether a failed request may be sent again. Only what the server certainly did not act on is
// repeated for POST (429, 503, no connection); GET, PUT, PATCH and DELETE are safe to repeat
// also after a timeout, a reset, 502 or 504.
enum class Failure { None, ConnectionRefused, Timeout, ConnectionLost, Status };
bool isRetryable(const QByteArray &method, Failure failure, int status);
// Whether sending the request twice does what sending it once does (everything but POST here:
// OpenTrack's PATCH sets fields, it does not add to them).
bool isIdempotent(const QByteArray &method);
// Whether the server may have acted on a request that failed this way: it was sent and no
// answer says what became of it (a timeout, a connection lost before the answer, 502, 504).
bool mayHaveActed(Failure failure, int status);

// Plain http is allowed only to this machine.
bool isLoopback(const QUrl &url);
bool isAllowedUrl(const QUrl &url);

// An HTML page (a challenge or an error page) where JSON was expected.
bool looksLikeHtml(const QByteArray &contentType, const QByteArray &body);

// Scheme, host and port (the scheme's default when none is written) are the same: where
// credentials given to one may go.
bool sameOrigin(const QUrl &a, const QUrl &b);

// Whether a redirect is followed. Never https -> http, never to plain http elsewhere, never a
// method other than GET/HEAD through 301/302/303 (which would silently turn it into a GET), and
// only a GET or HEAD to another origin (followed without credentials, as curl and
// python-requests do; a write is not carried to a server the user did not choose).
enum class Redirect { Follow, Downgrade, Insecure, ChangesMethod, OtherOrigin };
Redirect redirectVerdict(const QByteArray &method, int status, const QUrl &from, const QUrl &to);
bool isRedirectStatus(int status);

// Where the password goes: the API root's "get-auth-token" (OpenTrack's documented
// get-auth-token/ under the root when the listing names none), and only on the API root's own
// origin. error says why not, naming the address.
struct LoginUrl
{
    QUrl url;
    QString error;
};
LoginUrl loginUrl(const QJsonObject &listing, const QUrl &apiRoot);

// A collection's URL from the API root, e.g. "relay-teams"; empty when the server has none.
QUrl collectionUrl(const QJsonObject &root, const QString &name);

// The URL with a trailing slash on its path (OpenTrack redirects without it).
QUrl withTrailingSlash(QUrl url);

} // namespace meetdesk::api

#pragma once

#include <QHash>
#include <QString>

#include <functional>

namespace meetdesk {

// Where the API token is kept between sessions: the system keychain in the app (reads are
// asynchronous there), memory in tests. Never files, settings or logs.
class TokenStore
{
public:
    virtual ~TokenStore() = default;
    // Calls back with the token, or an empty string when there is none.
    virtual void readToken(const QString &server, const QString &user,
                           std::function<void(const QString &token)> done)
        = 0;
    virtual void writeToken(const QString &server, const QString &user, const QString &token) = 0;
    virtual void removeToken(const QString &server, const QString &user) = 0;

    static QString key(const QString &server, const QString &user) { return user + u'@' + server; }
};

class MemoryTokenStore : public TokenStore
{
public:
    void readToken(const QString &server, const QString &user,
                   std::function<void(const QString &)> done) override
    {
        done(m_tokens.value(key(server, user)));
    }
    void writeToken(const QString &server, const QString &user, const QString &token) override
    {
        m_tokens.insert(key(server, user), token);
    }
    void removeToken(const QString &server, const QString &user) override
    {
        m_tokens.remove(key(server, user));
    }

private:
    QHash<QString, QString> m_tokens;
};

} // namespace meetdesk

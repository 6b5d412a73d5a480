#pragma once

#include <QHash>
#include <QString>

namespace meetdesk {

// Where the API token is kept between sessions: the system keychain in the app, memory in
// tests. Never files, settings or logs.
class TokenStore
{
public:
    virtual ~TokenStore() = default;
    virtual QString token(const QString &server, const QString &user) const = 0;
    virtual void setToken(const QString &server, const QString &user, const QString &token) = 0;
    virtual void removeToken(const QString &server, const QString &user) = 0;
};

class MemoryTokenStore : public TokenStore
{
public:
    QString token(const QString &server, const QString &user) const override
    {
        return m_tokens.value(key(server, user));
    }
    void setToken(const QString &server, const QString &user, const QString &token) override
    {
        m_tokens.insert(key(server, user), token);
    }
    void removeToken(const QString &server, const QString &user) override
    {
        m_tokens.remove(key(server, user));
    }

private:
    static QString key(const QString &server, const QString &user) { return user + u'@' + server; }
    QHash<QString, QString> m_tokens;
};

} // namespace meetdesk

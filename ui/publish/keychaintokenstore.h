#pragma once

#include "opentrack/tokenstore.h"

namespace meetdesk {

// Tokens in the system keychain (Secret Service, KWallet, macOS Keychain, Windows Credential
// Store) through QtKeychain. Where no keychain answers, the token lives in memory for this
// session only, and the user logs in again next time.
class KeychainTokenStore : public TokenStore
{
public:
    void readToken(const QString &server, const QString &user,
                   std::function<void(const QString &)> done) override;
    void writeToken(const QString &server, const QString &user, const QString &token) override;
    void removeToken(const QString &server, const QString &user) override;

private:
    MemoryTokenStore m_session;
};

} // namespace meetdesk

#include "keychaintokenstore.h"

#include <qt6keychain/keychain.h>

namespace meetdesk {

namespace {
const QString service = QStringLiteral("Meetdesk OpenTrack token");
}

void KeychainTokenStore::readToken(const QString &server, const QString &user,
                                   std::function<void(const QString &)> done)
{
    QString cached;
    m_session.readToken(server, user, [&cached](const QString &t) { cached = t; });
    if (!cached.isEmpty()) {
        done(cached);
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(service);
    job->setAutoDelete(true);
    job->setKey(key(server, user));
    QObject::connect(job, &QKeychain::Job::finished, job, [job, done](QKeychain::Job *) {
        done(job->error() == QKeychain::NoError ? job->textData() : QString());
    });
    job->start();
}

void KeychainTokenStore::writeToken(const QString &server, const QString &user,
                                    const QString &token)
{
    m_session.writeToken(server, user, token);
    auto *job = new QKeychain::WritePasswordJob(service);
    job->setAutoDelete(true);
    job->setKey(key(server, user));
    job->setTextData(token);
    job->start(); // if no keychain answers, the session copy is all there is
}

void KeychainTokenStore::removeToken(const QString &server, const QString &user)
{
    m_session.removeToken(server, user);
    auto *job = new QKeychain::DeletePasswordJob(service);
    job->setAutoDelete(true);
    job->setKey(key(server, user));
    job->start();
}

} // namespace meetdesk

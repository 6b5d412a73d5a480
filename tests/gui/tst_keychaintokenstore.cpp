#include "publish/keychaintokenstore.h"

#include <QTest>

using namespace meetdesk;

class TestKeychainTokenStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Headless there is no keychain service: the token must still last the session, and a
    // missing one must come back empty rather than hang or fail.
    void lastsTheSessionWithoutAKeychain()
    {
        KeychainTokenStore store;
        QString read = QStringLiteral("pending");
        store.readToken(QStringLiteral("https://x/api/"),
                        QStringLiteral("nobody-%1").arg(QCoreApplication::applicationPid()),
                        [&](const QString &t) { read = t; });
        QTRY_VERIFY_WITH_TIMEOUT(read != u"pending", 30000);
        QCOMPARE(read, QString());

        store.writeToken(QStringLiteral("https://x/api/"), QStringLiteral("sec"),
                         QStringLiteral("t0k"));
        read = QStringLiteral("pending");
        store.readToken(QStringLiteral("https://x/api/"), QStringLiteral("sec"),
                        [&](const QString &t) { read = t; });
        QTRY_COMPARE_WITH_TIMEOUT(read, QStringLiteral("t0k"), 30000);

        store.removeToken(QStringLiteral("https://x/api/"), QStringLiteral("sec"));
        read = QStringLiteral("pending");
        store.readToken(QStringLiteral("https://x/api/"), QStringLiteral("sec"),
                        [&](const QString &t) { read = t; });
        QTRY_VERIFY_WITH_TIMEOUT(read != u"pending", 30000);
        QCOMPARE(read, QString()); // gone from the session and from any keychain
    }
};

QTEST_MAIN(TestKeychainTokenStore)
#include "tst_keychaintokenstore.moc"

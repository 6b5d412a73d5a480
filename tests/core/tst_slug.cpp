#include "athletics/slug.h"

#include <QTest>

using namespace meetdesk;

class TestSlug : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("slug");
        QTest::newRow("plain") << "Riverside Open 2026"
                               << "riverside-open-2026";
        QTest::newRow("accents") << "Café Élan Meeting"
                                 << "cafe-elan-meeting";
        QTest::newRow("punctuation") << "  K.S.L. (Match 1)!"
                                     << "k-s-l-match-1";
        QTest::newRow("hyphens kept once") << "Île-de-France -- Open"
                                           << "ile-de-france-open";
        QTest::newRow("nothing usable") << "!!!"
                                        << "";
    }
    void fromName()
    {
        QFETCH(QString, name);
        QFETCH(QString, slug);
        QCOMPARE(slug::fromName(name), slug);
        if (!slug.isEmpty())
            QVERIFY(slug::isValid(slug::fromName(name)));
    }

    void fromTyped_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("kept");
        QTest::newRow("lower case") << "Summer-Open"
                                    << "summer-open";
        QTest::newRow("spaces") << "my meet 2026"
                                << "my-meet-2026";
        QTest::newRow("other characters stay for the validator") << "My Meet!"
                                                                 << "my-meet!";
    }
    void fromTyped()
    {
        QFETCH(QString, typed);
        QFETCH(QString, kept);
        QCOMPARE(slug::fromTyped(typed), kept);
    }

    void problem_data()
    {
        QTest::addColumn<QString>("slug");
        QTest::addColumn<bool>("valid");
        QTest::newRow("words and digits") << "open-2026" << true;
        QTest::newRow("underscore") << "club_champs" << true;
        QTest::newRow("one letter") << "a" << true;
        QTest::newRow("capitals") << "Open" << false;
        QTest::newRow("space") << "my meet" << false;
        QTest::newRow("leading hyphen") << "-open" << false;
        QTest::newRow("accent") << "café" << false;
        QTest::newRow("empty") << "" << false;
    }
    void problem()
    {
        QFETCH(QString, slug);
        QFETCH(bool, valid);
        const auto why = slug::problem(slug);
        QCOMPARE(!why.has_value(), valid);
        if (why) {
            QVERIFY(why->contains(u'"' + slug + u'"'));
            QVERIFY(why->contains(QStringLiteral("lower-case")));
        }
    }
};

QTEST_GUILESS_MAIN(TestSlug)
#include "tst_slug.moc"

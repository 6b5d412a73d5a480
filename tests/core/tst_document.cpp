#include "model/document.h"

#include <QSignalSpy>
#include <QTest>

using namespace meetdesk;

namespace {

// The smallest real change: the undo commands of the editor issue replace it.
class SetFullName : public QUndoCommand
{
public:
    SetFullName(Document &document, QString name)
        : m_document(document)
        , m_name(std::move(name))
    { }
    void redo() override { std::swap(m_document.mutableCompetition().fullName, m_name); }
    void undo() override { std::swap(m_document.mutableCompetition().fullName, m_name); }

private:
    Document &m_document;
    QString m_name;
};

} // namespace

class TestDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsEmptyAndUnmodified()
    {
        Document d;
        QVERIFY(!d.isModified());
        QCOMPARE(d.displayName(), QStringLiteral("Untitled"));
        QVERIFY(d.competition().competitors.empty());
        QCOMPARE(d.competition().kind(), NodeKind::Competition);
    }

    void modifiedFollowsTheUndoStack()
    {
        Document d;
        QSignalSpy modified(&d, &Document::modifiedChanged);
        d.undoStack()->push(new SetFullName(d, QStringLiteral("Open")));
        QVERIFY(d.isModified());
        QCOMPARE(d.competition().fullName, QStringLiteral("Open"));
        QCOMPARE(modified.count(), 1);
        d.markSaved();
        QVERIFY(!d.isModified());
        d.undoStack()->undo();
        QVERIFY(d.isModified()); // back before the save is a change too
        QVERIFY(d.competition().fullName.isNull());
        QCOMPARE(modified.count(), 3);
    }

    void ownsTheCompetitionItIsGiven()
    {
        auto c = std::make_unique<Competition>();
        c->slug = QStringLiteral("x");
        const Competition *raw = c.get();
        Document d(std::move(c));
        QCOMPARE(&d.competition(), raw);
    }

    void filePathAndName()
    {
        Document d;
        QSignalSpy changed(&d, &Document::filePathChanged);
        d.setFilePath(QStringLiteral("/meets/open.json"));
        d.setFilePath(QStringLiteral("/meets/open.json"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(d.displayName(), QStringLiteral("open.json"));
    }

    void setJsonMember()
    {
        Document d;
        d.setMeetdeskData(
            {{QStringLiteral("format_version"), JsonValue::number(QStringLiteral("1"))},
             {QStringLiteral("sync"), JsonValue::object()}});
        d.setJsonMember(nullptr, QStringLiteral("seeding"), JsonValue::object(), 1);
        d.setJsonMember(nullptr, QStringLiteral("format_version"),
                        JsonValue::number(QStringLiteral("2")));
        QCOMPARE(d.meetdeskData().size(), size_t(3));
        QCOMPARE(d.meetdeskData()[0].value.text(), QStringLiteral("2")); // replaced where it was
        QCOMPARE(d.meetdeskData()[1].key, QStringLiteral("seeding")); // inserted at 1
        d.setJsonMember(nullptr, QStringLiteral("sync"), std::nullopt);
        QCOMPARE(d.meetdeskData().size(), size_t(2));

        std::unique_ptr<Node> owned = children::create(ListId::Events);
        auto &event = static_cast<Event &>(*owned);
        d.insertNode(d.mutableCompetition(), ListId::Events, 0, std::move(owned));
        QSignalSpy changed(&d, &Document::nodeChanged);
        d.setJsonMember(&event, QStringLiteral("qual_by_place"),
                        JsonValue::number(QStringLiteral("2")));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed[0][0].value<Node *>(), &event);
        QCOMPARE(changed[0][1].toInt(), -1);
        QCOMPARE(findMember(event.extras, u"qual_by_place")->text(), QStringLiteral("2"));
    }
};

QTEST_GUILESS_MAIN(TestDocument)
#include "tst_document.moc"

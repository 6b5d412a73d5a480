#pragma once

#include "finding.h"
#include "ruleindex.h"

#include "athletics/agegroups.h"
#include "model/document.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <optional>

namespace meetdesk {

// The findings of an open Document, kept current as it is edited. It follows the Document's
// change notifications and checks again only what an edit touched: the record itself, the
// record that owns the list it is in (a heat for its results and trials, an event for its
// heats), and, through a RuleIndex kept up to date one node at a time, the records that share
// or name one of its keys (a bib, a team id, an event id). At any moment its findings are
// the ones Validator::validate would give for the competition as it is.
//
// Findings are kept by owner, the record whose check gave them (checks::of); each is about
// the owner or a node under it. The FindingsModel lists them; the tree and the forms mark
// the nodes they are about.
class FindingsService : public QObject
{
    Q_OBJECT

public:
    // Checks the whole competition once, then follows the document.
    explicit FindingsService(Document &document, QObject *parent = nullptr);

    // The service of a document, made (as the document's child) when first asked for, so
    // the main window, the editors and the publish flow share one.
    static FindingsService &of(Document &document);

    struct Counts
    {
        int errors = 0;
        int warnings = 0;
        bool isEmpty() const { return errors == 0 && warnings == 0; }
    };

    const Document &document() const { return m_document; }

    // Every finding, in the order of the records they are about.
    QList<Finding> findings() const;
    // The findings about this node's own fields.
    QList<Finding> findingsAbout(const Node &node) const;
    int errorCount() const { return m_total.errors; }
    int warningCount() const { return m_total.warnings; }
    // The worst finding about the node itself, or about it and anything under it.
    std::optional<Finding::Severity> worstAbout(const Node &node) const;
    std::optional<Finding::Severity> worstWithin(const Node &node) const;
    // How many findings are about the node or anything under it.
    Counts countsWithin(const Node &node) const { return m_within.value(&node); }
    Counts countsAbout(const Node &node) const { return m_about.value(&node); }

    // What a record's check found, for the findings model.
    const QList<NodeFinding> &ownedBy(const Node *owner) const;
    // The records whose check found something, in no particular order.
    QList<const Node *> owners() const { return m_owned.keys(); }
    // Whether finding a of ownerA is listed before finding b of ownerB: by the order of the
    // records they are about, then of their owners, then as the owner's check gave them.
    bool listedBefore(const Node *ownerA, int a, const Node *ownerB, int b) const;

    // Checks everything again from scratch (the Validate command); announces only what
    // differs from what it held.
    void revalidate();
    // How age groups are judged (World Athletics' convention until set).
    void setAgeGroupRules(const AgeGroupRules &rules);

Q_SIGNALS:
    // A record's findings are about to be replaced, and have been. Only sent when they differ.
    void ownerAboutToChange(const meetdesk::Node *owner);
    void ownerChanged(const meetdesk::Node *owner);
    // The findings about a node, or about something under it, changed (sent once the tree is
    // consistent again, for nodes still in it).
    void findingsChanged(const meetdesk::Node *node);
    void countsChanged();

private:
    void inserted(Node *node);
    void aboutToRemove(Node *node);
    void aboutToMove(Node *node);
    void changed(Node *node, int field);
    void afterChange();

    void markDirty(const Node *node) { m_dirty.insert(node); }
    void markKeys(const RuleIndex::Keys &keys);
    void markDependents(const Node &node, int field);
    void markTeamReferences();
    void markEligibility();
    // Takes a record's findings out at once (before it leaves the tree or moves).
    void drop(const Node *owner);
    void process();
    void replace(const Node *owner, QList<NodeFinding> found);
    void count(const NodeFinding &f, int delta);

    Document &m_document;
    RuleIndex m_index;
    AgeGroupRules m_ageRules;
    QHash<const Node *, QList<NodeFinding>> m_owned;
    QHash<const Node *, Counts> m_about;
    QHash<const Node *, Counts> m_within;
    Counts m_total;
    QSet<const Node *> m_dirty;
    QSet<const Node *> m_touched;
    bool m_hadTeams = false;
};

} // namespace meetdesk

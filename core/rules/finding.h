#pragma once

#include <QLatin1StringView>
#include <QList>
#include <QString>

namespace meetdesk {

class Node;

// Something worth telling the user about a document: where (a JSON path such as
// "events[3].units[0].results[2].place", and the node when there is one), what, and the
// stable id of the rule that found it ("duplicate-bib"; see docs/ARCHITECTURE.md).
struct Finding
{
    enum class Severity { Warning, Error };

    Severity severity = Severity::Error;
    QString path;
    QString message;
    const Node *node = nullptr;
    QString rule = {};

    QString toString() const
    {
        return path.isEmpty() ? message : path + QStringLiteral(": ") + message;
    }
};

inline bool hasErrors(const QList<Finding> &findings)
{
    for (const Finding &f : findings) {
        if (f.severity == Finding::Severity::Error)
            return true;
    }
    return false;
}

// A finding as the rules give it: about a node and one of its fields (empty: the record as a
// whole). Its JSON path is worked out when asked, since a node's place changes as records
// are inserted, moved and removed around it.
struct NodeFinding
{
    Finding::Severity severity = Finding::Severity::Error;
    QLatin1StringView rule;
    const Node *node = nullptr;
    QLatin1StringView field;
    QString message;

    friend bool operator==(const NodeFinding &, const NodeFinding &) = default;
};

} // namespace meetdesk

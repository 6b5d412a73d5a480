#pragma once

#include <QList>
#include <QString>

namespace meetdesk {

class Node;

// Something worth telling the user about a document: where (a JSON path such as
// "events[3].units[0].results[2].place", and the node when there is one) and what.
struct Finding
{
    enum class Severity { Warning, Error };

    Severity severity = Severity::Error;
    QString path;
    QString message;
    const Node *node = nullptr;

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

} // namespace meetdesk

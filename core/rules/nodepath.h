#pragma once

#include "model/node.h"

#include <QString>

namespace meetdesk {

// Where a node is in its competition, worked out from the live tree: its JSON path, as a
// finding shows it, and the order of two nodes in the file.
namespace nodepath {

// "events[3].units[0].results[2]"; empty for the competition. With a field:
// "events[3].units[0].results[2].place".
QString of(const Node &node, QLatin1StringView field = {});
// Negative when a comes before b in the file (a parent before its children), 0 for the same
// node, positive when after. Both must be in the same tree.
int compare(const Node &a, const Node &b);
// Whether the node is still in the tree whose root is given (a removed node is not).
bool isIn(const Node &node, const Node &root);

} // namespace nodepath

} // namespace meetdesk

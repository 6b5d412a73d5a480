#pragma once

#include "node.h"

namespace meetdesk {

// Short human texts for nodes and fields, shared by the tree, the editors and the undo
// commands' descriptions.
namespace describe {

// "101 Tom Adeyemi", "T01 100m Men", "Heat 2", "3. 117" ...
QString label(const Node &node);
// The secondary column: team and category, performance and wind, ...
QString details(const Node &node);
// What a kind is called: "competitor", "event", ...
QString kindName(NodeKind kind);
// "last_name" -> "Last name"; "competitor_id" -> "Bib".
QString fieldTitle(QLatin1StringView fieldName);

} // namespace describe

} // namespace meetdesk

#pragma once

#include "model/node.h"
#include "syncstate.h"

namespace meetdesk {

// Where a record stands against the last publish: never published, changed since, or as
// published. Records without a natural key of their own (results, trials, event entries) are
// published with their unit or competitor and have no state of their own. Failed: the last
// write of the record failed (SyncState::failure says why); it stays so until a publish stores
// it.
enum class PublishState { None, New, Changed, Published, Failed };

PublishState publishStateOf(const Node &node, const SyncState &sync);

} // namespace meetdesk

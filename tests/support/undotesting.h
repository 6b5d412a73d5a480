#pragma once

// One undo step checked the house way, for the tests of the verbs that push one.

#include "model/document.h"

#include <QTest>

#include <functional>

namespace meetdesk::undotesting {

// The whole competition as it is now, to compare with later.
inline std::unique_ptr<Node> snapshot(const Document &doc)
{
    return children::clone(doc.competition());
}

// Redo has just been done: check, undo (identical to before, not modified), redo (identical
// to after), check again.
inline void checkUndoRedo(Document &doc, const Node &before, const std::function<void()> &check)
{
    QUndoStack *stack = doc.undoStack();
    const auto after = snapshot(doc);
    check();
    stack->undo();
    QVERIFY(children::sameContent(doc.competition(), before));
    QVERIFY(!doc.isModified());
    stack->redo();
    QVERIFY(children::sameContent(doc.competition(), *after));
    check();
}

} // namespace meetdesk::undotesting

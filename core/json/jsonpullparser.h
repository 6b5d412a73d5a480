#pragma once

#include "jsonvalue.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <vector>

namespace meetdesk {

// Reads JSON text one value at a time, so a reader can fill typed objects straight from
// the bytes without building a document tree first. The first syntax error sticks: every
// later call returns false or an empty value, and errorMessage() names its line and column.
// Nesting is limited, so no input can exhaust the stack.
class JsonPullParser
{
public:
    enum class Kind { Object, Array, String, Number, Bool, Null, Invalid };

    explicit JsonPullParser(QByteArrayView data, int maxDepth = 256);

    // Kind of the next value; Invalid (and an error) if there is none.
    Kind peek();

    bool enterObject();
    // Reads the next member's name and its ':'. Returns false at the object's end (consumed)
    // or on error. The name is UTF-8 and valid until the next call.
    bool nextMember(QByteArrayView &name);
    bool enterArray();
    // Returns true if another item follows, false at the list's end (consumed) or on error.
    bool nextItem();

    QString readString();
    QByteArrayView readNumber(); // the number's text as written
    bool readBool();
    void readNull();
    JsonValue readValue();
    void skipValue() { readValue(); }

    // After the top-level value: anything but white space left is an error.
    bool finish();

    bool hasError() const { return m_hasError; }
    QString errorMessage() const; // "line 3, column 7: expected ':' after a member name"
    QString error() const { return m_error; }
    int errorLine() const { return m_errorLine; }
    int errorColumn() const { return m_errorColumn; }

    // Where the parser is, to come back and read the same text again (e.g. as a raw value).
    struct Mark
    {
        qsizetype pos = 0;
        std::vector<bool> first;
    };
    Mark mark() const { return {m_pos, m_first}; }
    void reset(const Mark &mark);

    static bool isValidUtf8(const char *begin, const char *end);

private:
    void skipSpace();
    bool expectValueStart();
    void fail(qsizetype at, const QString &message);
    QString describeAt(qsizetype at) const;
    bool scanString(QByteArrayView &out, QByteArray &scratch);
    bool push();
    bool continueContainer(char close, const char *what);

    const char *m_data;
    qsizetype m_size;
    qsizetype m_pos = 0;
    int m_maxDepth;
    std::vector<bool> m_first; // per open container: no item read yet
    QByteArray m_scratch;
    bool m_hasError = false;
    QString m_error;
    int m_errorLine = 0;
    int m_errorColumn = 0;
};

} // namespace meetdesk

#include "jsonpullparser.h"

#include <QCoreApplication>

namespace meetdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("meetdesk::JsonPullParser", text);
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

void appendUtf8(QByteArray &out, char32_t cp)
{
    if (cp < 0x80) {
        out.append(char(cp));
    } else if (cp < 0x800) {
        out.append(char(0xC0 | (cp >> 6)));
        out.append(char(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.append(char(0xE0 | (cp >> 12)));
        out.append(char(0x80 | ((cp >> 6) & 0x3F)));
        out.append(char(0x80 | (cp & 0x3F)));
    } else {
        out.append(char(0xF0 | (cp >> 18)));
        out.append(char(0x80 | ((cp >> 12) & 0x3F)));
        out.append(char(0x80 | ((cp >> 6) & 0x3F)));
        out.append(char(0x80 | (cp & 0x3F)));
    }
}

} // namespace

JsonPullParser::JsonPullParser(QByteArrayView data, int maxDepth)
    : m_data(data.data())
    , m_size(data.size())
    , m_maxDepth(maxDepth)
{
    if (m_size >= 3 && m_data[0] == '\xEF' && m_data[1] == '\xBB' && m_data[2] == '\xBF')
        m_pos = 3; // a byte order mark is harmless
}

void JsonPullParser::reset(const Mark &mark)
{
    if (m_hasError)
        return;
    m_pos = mark.pos;
    m_first = mark.first;
}

bool JsonPullParser::isValidUtf8(const char *begin, const char *end)
{
    const auto *p = reinterpret_cast<const unsigned char *>(begin);
    const auto *e = reinterpret_cast<const unsigned char *>(end);
    while (p < e) {
        const unsigned char c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        int extra = 0;
        char32_t cp = 0;
        if ((c & 0xE0) == 0xC0) {
            extra = 1;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (e - p <= extra)
            return false;
        for (int i = 1; i <= extra; ++i) {
            if ((p[i] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (p[i] & 0x3F);
        }
        static constexpr char32_t minimum[] = {0, 0x80, 0x800, 0x10000};
        if (cp < minimum[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        p += extra + 1;
    }
    return true;
}

void JsonPullParser::skipSpace()
{
    while (m_pos < m_size) {
        const char c = m_data[m_pos];
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
            return;
        ++m_pos;
    }
}

QString JsonPullParser::describeAt(qsizetype at) const
{
    if (at >= m_size)
        return tr("the end of the file");
    const auto c = static_cast<unsigned char>(m_data[at]);
    if (c >= 0x21 && c < 0x7F)
        return u'\'' + QString(QChar(char16_t(c))) + u'\'';
    return tr("byte 0x%1").arg(QString::number(c, 16).toUpper().rightJustified(2, u'0'));
}

void JsonPullParser::fail(qsizetype at, const QString &message)
{
    if (m_hasError)
        return;
    m_hasError = true;
    m_error = message;
    at = std::min(at, m_size);
    int line = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < at; ++i) {
        if (m_data[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    int column = 1;
    for (qsizetype i = lineStart; i < at; ++i) {
        if ((static_cast<unsigned char>(m_data[i]) & 0xC0) != 0x80)
            ++column;
    }
    m_errorLine = line;
    m_errorColumn = column;
    m_pos = m_size;
    m_first.clear();
}

QString JsonPullParser::errorMessage() const
{
    if (!m_hasError)
        return {};
    return tr("line %1, column %2: %3").arg(m_errorLine).arg(m_errorColumn).arg(m_error);
}

JsonPullParser::Kind JsonPullParser::peek()
{
    if (m_hasError)
        return Kind::Invalid;
    skipSpace();
    if (m_pos >= m_size) {
        // Nothing but white space (and a byte order mark) before the end: nothing was read.
        bool blank = true;
        for (qsizetype i = 0; i < m_size && blank; ++i)
            blank = QByteArrayView(" \n\r\t\xEF\xBB\xBF").contains(m_data[i]);
        fail(m_pos, blank ? tr("the file is empty") : tr("unexpected end of file"));
        return Kind::Invalid;
    }
    switch (m_data[m_pos]) {
    case '{':
        return Kind::Object;
    case '[':
        return Kind::Array;
    case '"':
        return Kind::String;
    case 't':
    case 'f':
        return Kind::Bool;
    case 'n':
        return Kind::Null;
    case '-':
        return Kind::Number;
    default:
        if (isDigit(m_data[m_pos]))
            return Kind::Number;
        fail(m_pos, tr("expected a value, got %1").arg(describeAt(m_pos)));
        return Kind::Invalid;
    }
}

bool JsonPullParser::push()
{
    if (int(m_first.size()) >= m_maxDepth) {
        fail(m_pos, tr("nesting deeper than %1 levels").arg(m_maxDepth));
        return false;
    }
    m_first.push_back(true);
    ++m_pos;
    return true;
}

bool JsonPullParser::enterObject()
{
    if (peek() != Kind::Object) {
        if (!m_hasError)
            fail(m_pos, tr("expected an object, got %1").arg(describeAt(m_pos)));
        return false;
    }
    return push();
}

bool JsonPullParser::enterArray()
{
    if (peek() != Kind::Array) {
        if (!m_hasError)
            fail(m_pos, tr("expected a list, got %1").arg(describeAt(m_pos)));
        return false;
    }
    return push();
}

// Handles the separator before the next item of the innermost container. Returns true when
// an item follows, false at its end or on error.
bool JsonPullParser::continueContainer(char close, const char *what)
{
    if (m_hasError || m_first.empty())
        return false;
    skipSpace();
    if (m_pos >= m_size) {
        fail(m_pos, tr("unexpected end of file"));
        return false;
    }
    if (m_data[m_pos] == close) {
        ++m_pos;
        m_first.pop_back();
        return false;
    }
    if (!m_first.back()) {
        if (m_data[m_pos] != ',') {
            fail(m_pos, tr(what).arg(describeAt(m_pos)));
            return false;
        }
        ++m_pos;
        skipSpace();
        if (m_pos < m_size && m_data[m_pos] == close) {
            fail(m_pos, tr("a comma before '%1' has nothing after it").arg(QLatin1Char(close)));
            return false;
        }
    }
    m_first.back() = false;
    return true;
}

bool JsonPullParser::nextMember(QByteArrayView &name)
{
    if (!continueContainer('}',
                           QT_TRANSLATE_NOOP("meetdesk::JsonPullParser",
                                             "expected ',' or '}' after an object member, got %1")))
        return false;
    skipSpace();
    if (m_pos >= m_size || m_data[m_pos] != '"') {
        fail(m_pos,
             m_pos >= m_size
                 ? tr("unexpected end of file")
                 : tr("expected a member name in double quotes, got %1").arg(describeAt(m_pos)));
        return false;
    }
    if (!scanString(name, m_scratch))
        return false;
    skipSpace();
    if (m_pos >= m_size || m_data[m_pos] != ':') {
        fail(m_pos, tr("expected ':' after a member name, got %1").arg(describeAt(m_pos)));
        return false;
    }
    ++m_pos;
    return true;
}

bool JsonPullParser::nextItem()
{
    return continueContainer(']',
                             QT_TRANSLATE_NOOP("meetdesk::JsonPullParser",
                                               "expected ',' or ']' after a list item, got %1"));
}

// At an opening quote: reads the string's UTF-8 into out (pointing into the data when the
// string has no escapes, else into scratch).
bool JsonPullParser::scanString(QByteArrayView &out, QByteArray &scratch)
{
    const qsizetype start = ++m_pos;
    bool ascii = true;
    qsizetype p = start;
    while (p < m_size) {
        const auto c = static_cast<unsigned char>(m_data[p]);
        if (c == '"' || c == '\\' || c < 0x20)
            break;
        ascii = ascii && c < 0x80;
        ++p;
    }
    if (p < m_size && m_data[p] == '"') {
        if (!ascii && !isValidUtf8(m_data + start, m_data + p)) {
            fail(start, tr("text that is not valid UTF-8"));
            return false;
        }
        out = QByteArrayView(m_data + start, p - start);
        m_pos = p + 1;
        return true;
    }

    // Slow path: escapes.
    scratch.clear();
    qsizetype segment = start;
    while (true) {
        while (p < m_size) {
            const auto c = static_cast<unsigned char>(m_data[p]);
            if (c == '"' || c == '\\' || c < 0x20)
                break;
            ++p;
        }
        if (!isValidUtf8(m_data + segment, m_data + p)) {
            fail(segment, tr("text that is not valid UTF-8"));
            return false;
        }
        scratch.append(m_data + segment, p - segment);
        if (p >= m_size) {
            fail(p, tr("unexpected end of file inside a string"));
            return false;
        }
        const char c = m_data[p];
        if (c == '"') {
            m_pos = p + 1;
            out = QByteArrayView(scratch);
            return true;
        }
        if (c != '\\') {
            fail(p,
                 tr("a control character (%1) inside a string must be escaped").arg(describeAt(p)));
            return false;
        }
        if (p + 1 >= m_size) {
            fail(p + 1, tr("unexpected end of file inside a string"));
            return false;
        }
        const char e = m_data[p + 1];
        p += 2;
        switch (e) {
        case '"':
            scratch.append('"');
            break;
        case '\\':
            scratch.append('\\');
            break;
        case '/':
            scratch.append('/');
            break;
        case 'b':
            scratch.append('\b');
            break;
        case 'f':
            scratch.append('\f');
            break;
        case 'n':
            scratch.append('\n');
            break;
        case 'r':
            scratch.append('\r');
            break;
        case 't':
            scratch.append('\t');
            break;
        case 'u': {
            auto readHex = [&](qsizetype at, char32_t &value) {
                if (at + 4 > m_size)
                    return false;
                value = 0;
                for (int i = 0; i < 4; ++i) {
                    const int h = hexValue(m_data[at + i]);
                    if (h < 0)
                        return false;
                    value = (value << 4) | char32_t(h);
                }
                return true;
            };
            char32_t cp = 0;
            if (!readHex(p, cp)) {
                fail(p - 2, tr("\\u must be followed by four hexadecimal digits"));
                return false;
            }
            p += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                char32_t low = 0;
                if (p + 1 < m_size && m_data[p] == '\\' && m_data[p + 1] == 'u'
                    && readHex(p + 2, low) && low >= 0xDC00 && low <= 0xDFFF) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    p += 6;
                } else {
                    fail(p - 6, tr("\\u escape of half a character (an unpaired surrogate)"));
                    return false;
                }
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                fail(p - 6, tr("\\u escape of half a character (an unpaired surrogate)"));
                return false;
            }
            appendUtf8(scratch, cp);
            break;
        }
        default:
            fail(p - 2, tr("unknown escape '\\%1' in a string").arg(describeAt(p - 1).mid(1, 1)));
            return false;
        }
        segment = p;
    }
}

QString JsonPullParser::readString()
{
    if (peek() != Kind::String) {
        if (!m_hasError)
            fail(m_pos, tr("expected a string, got %1").arg(describeAt(m_pos)));
        return {};
    }
    QByteArrayView text;
    QByteArray scratch;
    if (!scanString(text, scratch))
        return {};
    QString result = QString::fromUtf8(text);
    if (result.isNull())
        result = QStringLiteral(""); // present but empty, unlike a missing value
    return result;
}

QByteArrayView JsonPullParser::readNumber()
{
    if (peek() != Kind::Number) {
        if (!m_hasError)
            fail(m_pos, tr("expected a number, got %1").arg(describeAt(m_pos)));
        return {};
    }
    const qsizetype start = m_pos;
    qsizetype p = m_pos;
    auto bad = [&]() {
        qsizetype end = p;
        while (end < m_size && end - start < 40
               && (isDigit(m_data[end]) || m_data[end] == '.' || m_data[end] == '-'
                   || m_data[end] == '+' || m_data[end] == 'e' || m_data[end] == 'E'))
            ++end;
        fail(start,
             tr("'%1' is not a valid number")
                 .arg(QString::fromUtf8(QByteArrayView(m_data + start, end - start))));
        return QByteArrayView();
    };
    if (m_data[p] == '-')
        ++p;
    if (p >= m_size || !isDigit(m_data[p]))
        return bad();
    if (m_data[p] == '0') {
        ++p;
        if (p < m_size && isDigit(m_data[p]))
            return bad();
    } else {
        while (p < m_size && isDigit(m_data[p]))
            ++p;
    }
    if (p < m_size && m_data[p] == '.') {
        ++p;
        if (p >= m_size || !isDigit(m_data[p]))
            return bad();
        while (p < m_size && isDigit(m_data[p]))
            ++p;
    }
    if (p < m_size && (m_data[p] == 'e' || m_data[p] == 'E')) {
        ++p;
        if (p < m_size && (m_data[p] == '+' || m_data[p] == '-'))
            ++p;
        if (p >= m_size || !isDigit(m_data[p]))
            return bad();
        while (p < m_size && isDigit(m_data[p]))
            ++p;
    }
    m_pos = p;
    return QByteArrayView(m_data + start, p - start);
}

bool JsonPullParser::readBool()
{
    if (peek() != Kind::Bool) {
        if (!m_hasError)
            fail(m_pos, tr("expected true or false, got %1").arg(describeAt(m_pos)));
        return false;
    }
    const QByteArrayView rest(m_data + m_pos, m_size - m_pos);
    if (rest.startsWith("true")) {
        m_pos += 4;
        return true;
    }
    if (rest.startsWith("false")) {
        m_pos += 5;
        return false;
    }
    fail(m_pos, tr("expected a value, got %1").arg(describeAt(m_pos)));
    return false;
}

void JsonPullParser::readNull()
{
    if (peek() != Kind::Null)
        return;
    if (QByteArrayView(m_data + m_pos, m_size - m_pos).startsWith("null"))
        m_pos += 4;
    else
        fail(m_pos, tr("expected a value, got %1").arg(describeAt(m_pos)));
}

JsonValue JsonPullParser::readValue()
{
    switch (peek()) {
    case Kind::Object: {
        std::vector<JsonMember> members;
        if (!enterObject())
            return {};
        QByteArrayView name;
        while (nextMember(name)) {
            QString key = QString::fromUtf8(name);
            members.push_back({std::move(key), readValue()});
        }
        return JsonValue::object(std::move(members));
    }
    case Kind::Array: {
        std::vector<JsonValue> items;
        if (!enterArray())
            return {};
        while (nextItem())
            items.push_back(readValue());
        return JsonValue::array(std::move(items));
    }
    case Kind::String:
        return JsonValue::string(readString());
    case Kind::Number: {
        const QByteArrayView text = readNumber();
        return m_hasError ? JsonValue() : JsonValue::number(QString::fromLatin1(text));
    }
    case Kind::Bool:
        return JsonValue::boolean(readBool());
    case Kind::Null:
        readNull();
        return {};
    case Kind::Invalid:
        break;
    }
    return {};
}

bool JsonPullParser::finish()
{
    if (m_hasError)
        return false;
    skipSpace();
    if (m_pos < m_size) {
        fail(m_pos, tr("unexpected %1 after the end of the document").arg(describeAt(m_pos)));
        return false;
    }
    return true;
}

} // namespace meetdesk

#pragma once

#include <QString>

#include <optional>

namespace meetdesk {

// A competition's slug, its name in OpenTrack's addresses: lower-case letters, digits, '-'
// and '_', starting with a letter or digit, without spaces ("riverside-open-2026"). The one
// home of the rule: the editor suggests and cleans slugs with it, the validator checks them.
namespace slug {

// The slug a name suggests: "Riverside Open 2026" -> "riverside-open-2026", accents dropped
// ("Île-de-France" -> "ile-de-france"), every run of other characters one '-'.
QString fromName(const QString &name);
// What a typed slug is kept as: lower case, spaces as '-'; nothing else changes, so what the
// user types stays theirs (and the validator names what is still wrong).
QString fromTyped(const QString &typed);
// Why a text is not a slug; nothing when it is one.
std::optional<QString> problem(const QString &slug);
inline bool isValid(const QString &slug)
{
    return !problem(slug).has_value();
}

} // namespace slug

} // namespace meetdesk

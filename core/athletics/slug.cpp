#include "slug.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace meetdesk::slug {

QString fromName(const QString &name)
{
    QString slug = name.normalized(QString::NormalizationForm_KD).toLower();
    static const QRegularExpression accents(QStringLiteral("[\\x{0300}-\\x{036f}]"));
    static const QRegularExpression others(QStringLiteral("[^a-z0-9]+"));
    static const QRegularExpression ends(QStringLiteral("^-+|-+$"));
    slug.remove(accents);
    slug.replace(others, QStringLiteral("-"));
    slug.remove(ends);
    return slug;
}

QString fromTyped(const QString &typed)
{
    QString slug = typed.toLower();
    slug.replace(u' ', u'-');
    return slug;
}

std::optional<QString> problem(const QString &slug)
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9][a-z0-9_-]*$"));
    if (re.match(slug).hasMatch())
        return std::nullopt;
    return QCoreApplication::translate(
               "meetdesk::Slug",
               "\"%1\" must be lower-case letters, digits, '-' or '_', without spaces")
        .arg(slug);
}

} // namespace meetdesk::slug

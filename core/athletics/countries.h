#pragma once

#include <QList>
#include <QString>

namespace meetdesk {

// World Athletics' three-letter country codes, for the searchable country boxes.
struct Country
{
    QString code;
    QString name;
};

const QList<Country> &countries();
bool isKnownCountry(const QString &code);

} // namespace meetdesk

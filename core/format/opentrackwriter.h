#pragma once

#include "model/competition.h"

#include <QByteArray>

namespace meetdesk {

// Writes a competition as nested OpenTrack JSON: known fields in a fixed order with the
// chosen API generation's names, then the keys Meetdesk does not know, in their own order.
// Values the reader kept raw go back where their field belongs.
class OpenTrackWriter
{
public:
    enum class Flavor {
        Current, // the current API's names; Meetdesk's own files
        V1, // country_id, organiser_id, wa_rankings_category_id, age_groups as a list
    };

    // meetdesk, when given, is written last as the top-level "meetdesk" object.
    static QByteArray write(const Competition &competition, Flavor flavor = Flavor::Current,
                            const JsonObject *meetdesk = nullptr);
};

} // namespace meetdesk

#pragma once

#include "athletecardmodel.h"
#include "athletics/eventcatalogue.h"

namespace meetdesk {

// The field card of a horizontal jump or throw: one column per attempt with a mark ("7.42"),
// a foul "x" or a pass "-", and the best mark.
class TrialCardModel : public AthleteCardModel
{
    Q_OBJECT

public:
    enum { FirstAttempt = FirstVariable };

    TrialCardModel(Document *document, const Unit *unit, QObject *parent = nullptr);

    int attempts() const { return variableColumns(); }
    const Trial *trial(const QString &bib, int attempt) const;
    QString best(const QString &bib) const override;
    // "7.42", "x", "-" or "r" as the card stores it; an empty string when the text is no mark
    // (for an event of that kind: a 25 m long jump is none).
    static QString normalizeMark(const QString &text,
                                 EventCatalogue::Kind kind = EventCatalogue::Kind::Throw);

protected:
    QString variableHeader(int i) const override { return QString::number(i + 1); }
    QString cell(const QString &bib, int i) const override;
    bool setCell(const Result &athlete, int i, const QString &text) override;
    void trialChanged(const Trial &trial) override;
    void ownerChanged(int field) override;
    // "3", "Att 3", "Attempt 3", "Trial 3", "R3": the third attempt.
    int columnForHeader(const QString &name) const override;

private:
    int wantedAttempts() const;
};

} // namespace meetdesk

#pragma once

#include "athletecardmodel.h"

namespace meetdesk {

// The card of a high jump or pole vault: one column per height of the unit, each cell the
// attempts at that height ("o", "xo", "xxx", "-"), and the best height cleared.
class HeightsGridModel : public AthleteCardModel
{
    Q_OBJECT

public:
    enum { FirstHeight = FirstVariable };

    HeightsGridModel(Document *document, const Unit *unit, QObject *parent = nullptr);

    int heights() const { return variableColumns(); }
    // The attempts of an athlete at a height, in order: "xxo".
    QString attempts(const QString &bib, const QString &height) const;
    QString best(const QString &bib) const override;
    // Adds the next bar height (one undo step).
    void addHeight(const QString &height);

protected:
    QString variableHeader(int i) const override { return heightAt(i); }
    QString cell(const QString &bib, int i) const override { return attempts(bib, heightAt(i)); }
    bool setCell(const Result &athlete, int i, const QString &text) override;
    void ownerChanged(int field) override;
    // A height ("1.50", "1,5") names its column.
    int columnForHeader(const QString &name) const override;

private:
    QString heightAt(int i) const;
};

} // namespace meetdesk

#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace meetdesk {

// What goes on paper, before it is laid out: the meet's header and a list of tables (one per
// heat, or per event where the heats are not drawn yet). ReportBuilder fills it from a
// competition; ReportPainter paginates and paints it on a PDF writer or a printer.
struct ReportColumn
{
    // Where a column may go when a table is too wide for the page: Lead and Trail columns
    // stay, Repeated ones (attempts, heights, combined-event components) continue in a
    // second table below, with the Lead columns repeated.
    enum class Role { Lead, Repeated, Trail };

    QString title;
    bool alignRight = false;
    bool stretch = false; // names, clubs, runners: wrapped rather than widened
    Role role = Role::Lead;
};

struct ReportTable
{
    QString heading; // "100m Men (T01) – Results"
    QString subheading; // "Round 1 · Heat 2 · 13:12 · Official · Wind -0.3"
    QString repeatedName; // what the Repeated columns are: "Attempts", "Heights"
    QList<ReportColumn> columns;
    QList<QStringList> rows; // a cell with several lines holds them separated by '\n'
    QString emptyText; // printed when there are no rows
};

struct Report
{
    QString title; // the meet's name
    QString venue;
    QString dates;
    QString subject; // "Results · Day 1"
    QList<ReportTable> tables;
};

} // namespace meetdesk

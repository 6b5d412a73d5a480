#pragma once

#include <QStringList>
#include <QTextStream>

#include <memory>

class QCoreApplication;

namespace meetdesk {

// meetdesk print FILE OUT.pdf [--start-lists|--results] [--event CODE|--day N]
//                [--page-size A4|Letter]
// Start lists and result sheets as PDF, without a display.
class PrintCommand
{
public:
    static int run(const QStringList &arguments, QTextStream &out, QTextStream &err);
    static QString usage();
    // Painting text needs a QGuiApplication (fonts, the PDF engine): on the offscreen
    // platform unless QT_QPA_PLATFORM names another, so no display is needed.
    static std::unique_ptr<QCoreApplication> createApplication(int &argc, char **argv);
};

} // namespace meetdesk

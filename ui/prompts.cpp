#include "prompts.h"

#include <QFileDialog>
#include <QInputDialog>

#include <optional>

namespace meetdesk {

namespace {
std::optional<QMessageBox::StandardButton> nextAnswer;
std::optional<QString> nextFileName;
std::optional<QString> nextChoice;
bool recordWarnings = false;
QStringList warnings;
} // namespace

QMessageBox::StandardButton Prompts::ask(QWidget *parent, const QString &title, const QString &text,
                                         QMessageBox::StandardButtons buttons,
                                         QMessageBox::StandardButton defaultButton)
{
    if (nextAnswer) {
        const auto answer = *nextAnswer;
        nextAnswer.reset();
        return answer;
    }
    return QMessageBox::question(parent, title, text, buttons, defaultButton);
}

void Prompts::warn(QWidget *parent, const QString &title, const QString &text)
{
    if (recordWarnings) {
        warnings.append(text);
        return;
    }
    // Shown without waiting for it: nothing needs the answer, and no event loop nests.
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, parent);
    box->setObjectName(QStringLiteral("warning"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

QString Prompts::choose(QWidget *parent, const QString &title, const QString &label,
                        const QStringList &items)
{
    if (nextChoice)
        return std::exchange(nextChoice, std::nullopt).value();
    bool ok = false;
    const QString item = QInputDialog::getItem(parent, title, label, items, 0, false, &ok);
    return ok ? item : QString();
}

void Prompts::setNextChoice(const QString &item)
{
    nextChoice = item;
}

QString Prompts::openFileName(QWidget *parent, const QString &caption, const QString &filter)
{
    if (nextFileName) {
        const QString name = *nextFileName;
        nextFileName.reset();
        return name;
    }
    return QFileDialog::getOpenFileName(parent, caption, QString(), filter);
}

QString Prompts::folderName(QWidget *parent, const QString &caption, const QString &start)
{
    if (nextFileName) {
        const QString name = *nextFileName;
        nextFileName.reset();
        return name;
    }
    return QFileDialog::getExistingDirectory(parent, caption, start);
}

QString Prompts::saveFileName(QWidget *parent, const QString &caption, const QString &suggested,
                              const QString &filter)
{
    if (nextFileName) {
        const QString name = *nextFileName;
        nextFileName.reset();
        return name;
    }
    return QFileDialog::getSaveFileName(parent, caption, suggested, filter);
}

void Prompts::setNextAnswer(QMessageBox::StandardButton answer)
{
    nextAnswer = answer;
}

void Prompts::setNextFileName(const QString &fileName)
{
    nextFileName = fileName;
}

void Prompts::setRecordWarnings(bool record)
{
    recordWarnings = record;
}

QStringList Prompts::takeWarnings()
{
    return std::exchange(warnings, {});
}

} // namespace meetdesk

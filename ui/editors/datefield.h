#pragma once

#include <QDate>
#include <QLocale>
#include <QWidget>

#include <functional>
#include <optional>

class QCalendarWidget;
class QLineEdit;
class QToolButton;

namespace meetdesk {

// A date typed as text: ISO ("2026-07-11") or the locale's short format with a four-digit
// year ("11/07/2026", "11.07.2026"), or picked from a calendar that opens at the date shown,
// else at a fallback (the competition's date), else today. Tab leaves the field like any
// other; an empty field is no date. The field says it was edited when the user leaves it,
// presses Enter or picks a day; what the text means is for the owner to decide (parse()).
class DateField : public QWidget
{
    Q_OBJECT

public:
    explicit DateField(QWidget *parent = nullptr);

    QString text() const;
    // Shows the date as ISO, or an empty field for an invalid date (not as the user's edit).
    void setDate(QDate date);
    QLineEdit *lineEdit() const { return m_line; }
    QToolButton *calendarButton() const { return m_button; }
    // The calendar popup while it is open, else nullptr.
    QCalendarWidget *calendar() const;

    // Where the calendar opens when the field holds no date.
    void setFallbackDate(std::function<QDate()> fallback) { m_fallback = std::move(fallback); }
    void showCalendar();

    // The date a text means: ISO, or the locale's short format with a four-digit year.
    // nullopt when it is not a date; an invalid QDate for an empty text.
    static std::optional<QDate> parse(const QString &text, const QLocale &locale = QLocale());
    // "11/07/2026": how a date is written in the locale, with a four-digit year.
    static QString localFormat(const QLocale &locale = QLocale());

Q_SIGNALS:
    void edited();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void picked(QDate date);

    QLineEdit *m_line;
    QToolButton *m_button;
    QCalendarWidget *m_calendar = nullptr;
    std::function<QDate()> m_fallback;
};

} // namespace meetdesk

#include "datefield.h"

#include <QCalendarWidget>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLineEdit>
#include <QRegularExpression>
#include <QToolButton>

namespace meetdesk {

DateField::DateField(QWidget *parent)
    : QWidget(parent)
    , m_line(new QLineEdit(this))
    , m_button(new QToolButton(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_line, 1);
    layout->addWidget(m_button);
    setFocusProxy(m_line);
    m_line->setObjectName(QStringLiteral("dateText"));
    const QDate example = QDate::currentDate();
    m_line->setPlaceholderText(
        tr("e.g. %1 or %2")
            .arg(example.toString(Qt::ISODate), QLocale().toString(example, localFormat())));
    m_line->installEventFilter(this);
    m_button->setObjectName(QStringLiteral("calendarButton"));
    m_button->setArrowType(Qt::DownArrow);
    m_button->setToolTip(tr("Choose from a calendar (Alt+Down)"));
    m_button->setFocusPolicy(Qt::NoFocus); // Tab goes from the date to the next field
    connect(m_button, &QToolButton::clicked, this, &DateField::showCalendar);
    connect(m_line, &QLineEdit::editingFinished, this, &DateField::edited);
}

QString DateField::text() const
{
    return m_line->text();
}

void DateField::setDate(QDate date)
{
    m_line->setText(date.isValid() ? date.toString(Qt::ISODate) : QString());
}

QCalendarWidget *DateField::calendar() const
{
    return m_calendar && m_calendar->isVisible() ? m_calendar : nullptr;
}

QString DateField::localFormat(const QLocale &locale)
{
    QString format = locale.dateFormat(QLocale::ShortFormat);
    if (!format.contains(QStringLiteral("yyyy")))
        format.replace(QStringLiteral("yy"), QStringLiteral("yyyy"));
    return format;
}

std::optional<QDate> DateField::parse(const QString &typed, const QLocale &locale)
{
    const QString text = typed.trimmed();
    if (text.isEmpty())
        return QDate();
    static const QRegularExpression iso(QStringLiteral("^(\\d{4})-(\\d{1,2})-(\\d{1,2})$"));
    if (const QRegularExpressionMatch m = iso.match(text); m.hasMatch()) {
        const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
        return date.isValid() ? std::optional(date) : std::nullopt;
    }
    // A local date only with its year in full: "11/07/26" could be 1926 or 2026.
    static const QRegularExpression fullYear(QStringLiteral("(^|\\D)\\d{4}(\\D|$)"));
    if (!fullYear.match(text).hasMatch())
        return std::nullopt;
    const QString format = localFormat(locale);
    QString lenient = format; // "1/7/2026" as well as "01/07/2026"
    lenient.replace(QStringLiteral("dd"), QStringLiteral("d"));
    lenient.replace(QStringLiteral("MM"), QStringLiteral("M"));
    for (const QString &f : {format, lenient}) {
        const QDate date = locale.toDate(text, f);
        if (date.isValid())
            return date;
    }
    return std::nullopt;
}

void DateField::showCalendar()
{
    if (!m_calendar) {
        m_calendar = new QCalendarWidget(this);
        m_calendar->setObjectName(QStringLiteral("calendarPopup"));
        m_calendar->setWindowFlags(Qt::Popup);
        m_calendar->setGridVisible(true);
        connect(m_calendar, &QCalendarWidget::clicked, this, &DateField::picked);
        connect(m_calendar, &QCalendarWidget::activated, this, &DateField::picked);
    }
    const std::optional<QDate> typed = parse(text());
    QDate at = typed ? *typed : QDate();
    if (!at.isValid() && m_fallback)
        at = m_fallback();
    if (!at.isValid())
        at = QDate::currentDate();
    m_calendar->setSelectedDate(at);
    m_calendar->adjustSize();
    m_calendar->move(mapToGlobal(QPoint(0, height())));
    m_calendar->show();
    m_calendar->setFocus(Qt::PopupFocusReason);
}

void DateField::picked(QDate date)
{
    m_calendar->hide();
    setDate(date);
    m_line->setModified(true); // chosen by the user, as if typed
    m_line->setFocus(Qt::PopupFocusReason);
    Q_EMIT edited();
}

bool DateField::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_line && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_F4
            || (key->key() == Qt::Key_Down && key->modifiers() & Qt::AltModifier)) {
            showCalendar();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace meetdesk

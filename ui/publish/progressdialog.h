#pragma once

#include <QDialog>

class QLabel;
class QProgressBar;
class QPushButton;

namespace meetdesk {

// While reading the server and publishing: the current step (the Publisher's stage while it
// reads: "Reading heats from the server: 3 of 10"), the overall bar (busy while reading), the
// counts of changes sent, and Cancel, which stops cleanly after the requests already sent.
class ProgressDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ProgressDialog(QWidget *parent = nullptr);

    void setProgress(int done, int total, const QString &step);

Q_SIGNALS:
    void cancelRequested();

protected:
    void reject() override; // Escape and the window's close button cancel too

private:
    QProgressBar *m_bar;
    QLabel *m_step;
    QLabel *m_counts;
    QPushButton *m_cancel;
};

} // namespace meetdesk

#include "progressdialog.h"

#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace meetdesk {

ProgressDialog::ProgressDialog(QWidget *parent)
    : QDialog(parent)
    , m_bar(new QProgressBar(this))
    , m_step(new QLabel(this))
    , m_counts(new QLabel(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
{
    setObjectName(QStringLiteral("progressDialog"));
    setWindowTitle(tr("Publishing"));
    setMinimumWidth(460);
    m_bar->setObjectName(QStringLiteral("progressBar"));
    m_step->setObjectName(QStringLiteral("progressStep"));
    m_counts->setObjectName(QStringLiteral("progressCounts"));
    m_cancel->setObjectName(QStringLiteral("cancelPublish"));
    m_bar->setRange(0, 0); // busy until the plan is known
    m_counts->hide();
    m_step->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_step);
    layout->addWidget(m_bar);
    layout->addWidget(m_counts);
    layout->addWidget(m_cancel, 0, Qt::AlignRight);
    connect(m_cancel, &QPushButton::clicked, this, &ProgressDialog::reject);
}

void ProgressDialog::setProgress(int done, int total, const QString &step)
{
    m_step->setText(step);
    if (total <= 0) {
        // Reading the server, or nothing to send: the stage says what is going on.
        m_bar->setRange(0, 0);
        m_counts->hide();
        return;
    }
    m_bar->setRange(0, total);
    m_bar->setValue(std::min(done, total));
    m_counts->setText(tr("%1 of %2 changes sent").arg(done).arg(total));
    m_counts->show();
}

void ProgressDialog::reject()
{
    m_cancel->setEnabled(false);
    m_step->setText(tr("Stopping after the requests already sent..."));
    Q_EMIT cancelRequested();
}

} // namespace meetdesk

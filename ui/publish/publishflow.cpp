#include "publishflow.h"

#include "logindialog.h"
#include "model/document.h"
#include "opentrack/tokenstore.h"
#include "progressdialog.h"
#include "prompts.h"
#include "resultdialog.h"
#include "reviewdialog.h"
#include "settings.h"

namespace meetdesk {

PublishFlow::PublishFlow(Document *document, TokenStore *tokens, QWidget *window)
    : QObject(window)
    , m_document(document)
    , m_tokens(tokens)
    , m_window(window)
{ }

PublishFlow::~PublishFlow()
{
    delete m_progress;
}

void PublishFlow::logIn(std::function<void(bool)> then, const QString &reason)
{
    auto *dialog = new LoginDialog(&m_client, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setReason(reason);
    connect(dialog, &QDialog::finished, this, [this, dialog, then](int result) {
        const bool ok = result == QDialog::Accepted;
        if (ok) {
            m_tokens->writeToken(dialog->server(), dialog->user(), dialog->token());
            m_client.setToken(dialog->token());
        }
        if (then)
            then(ok);
    });
    dialog->open();
}

void PublishFlow::start()
{
    m_tokens->readToken(Settings::server(), Settings::userName(), [this](const QString &token) {
        if (token.isEmpty()) {
            logIn([this](bool ok) {
                if (ok)
                    review();
                else
                    Q_EMIT ended();
            });
            return;
        }
        m_client.setToken(token);
        review();
    });
}

void PublishFlow::review()
{
    const QString server = Settings::server();
    m_publisher = new Publisher(&m_client, m_document, QUrl(server), this);
    m_publisher->setReauthenticate([this](std::function<void(const QString &)> answer) {
        logIn([this, answer](bool ok) { answer(ok ? m_client.token() : QString()); },
              tr("The server asked to log in again; publishing carries on afterwards."));
    });

    auto *progress = new ProgressDialog(m_window);
    m_progress = progress;
    progress->setAttribute(Qt::WA_DeleteOnClose);
    progress->setProgress(0, 0, tr("Reading what %1 holds...").arg(server));
    connect(m_publisher, &Publisher::progress, progress, &ProgressDialog::setProgress);
    connect(progress, &ProgressDialog::cancelRequested, m_publisher, &Publisher::cancel);
    progress->open();

    connect(m_publisher, &Publisher::failed, this, [this](const QString &message) {
        delete m_progress;
        Prompts::warn(m_window, tr("Cannot publish"), message);
        Q_EMIT ended();
    });
    connect(m_publisher, &Publisher::planned, this, [this, server] {
        if (!m_progress)
            return;
        m_progress->hide();
        auto *dialog = new ReviewDialog(m_publisher->items(), server, m_window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::finished, this, [this](int result) {
            if (result != QDialog::Accepted) {
                delete m_progress;
                Q_EMIT ended();
                return;
            }
            m_progress->open();
            m_publisher->publish();
        });
        dialog->open();
    });
    connect(m_publisher, &Publisher::finished, this, [this, server](const PublishReport &report) {
        delete m_progress;
        Q_EMIT published(report);
        auto *dialog = new ResultDialog(report, server, m_window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &ResultDialog::nodeRequested, this, &PublishFlow::nodeRequested);
        connect(dialog, &QDialog::finished, this, &PublishFlow::ended);
        dialog->open();
    });
    m_publisher->plan();
}

} // namespace meetdesk

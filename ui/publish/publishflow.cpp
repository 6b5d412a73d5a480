#include "publishflow.h"

#include "findingsdialog.h"
#include "logindialog.h"

#include "model/document.h"
#include "opentrack/apimessages.h"
#include "opentrack/entriespull.h"
#include "opentrack/puller.h"
#include "opentrack/tokenstore.h"
#include "progressdialog.h"
#include "prompts.h"
#include "pullentriesdialog.h"
#include "resultdialog.h"
#include "reviewdialog.h"
#include "settings.h"
#include <QJsonArray>
#include <QJsonObject>

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

void PublishFlow::withToken(std::function<void()> then)
{
    m_tokens->readToken(Settings::server(), Settings::userName(),
                        [this, then](const QString &token) {
                            if (token.isEmpty()) {
                                logIn([this, then](bool ok) {
                                    if (ok)
                                        then();
                                    else
                                        Q_EMIT ended();
                                });
                                return;
                            }
                            m_client.setApiRoot(QUrl(Settings::server()));
                            m_client.setToken(token);
                            then();
                        });
}

void PublishFlow::showFindings(const QList<Finding> &findings)
{
    auto *dialog = new FindingsDialog(findings, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &FindingsDialog::nodeRequested, this, &PublishFlow::nodeRequested);
    connect(dialog, &QDialog::finished, this, &PublishFlow::ended);
    dialog->open();
}

void PublishFlow::start(bool verify)
{
    m_verify = verify;
    // Errors stop a publish before any request, the login included: listed, each leading to
    // its record. (The Publisher checks again.)
    if (const QList<Finding> errors = Publisher::errorsIn(m_document->competition());
        !errors.isEmpty()) {
        showFindings(errors);
        return;
    }
    withToken([this] { review(); });
}

void PublishFlow::pull(std::function<void(std::unique_ptr<Document>)> done)
{
    withToken([this, done] {
        const QUrl root(Settings::server());
        m_client.get(root, [this, root, done](const ApiResponse &r) {
            const QUrl mine
                = api::collectionUrl(r.json.object(), QStringLiteral("my-competitions"));
            if (!r.ok() || !mine.isValid()) {
                Prompts::warn(m_window, tr("Cannot pull"),
                              r.ok() ? tr("The server does not list your competitions.")
                                     : r.error.message);
                Q_EMIT ended();
                return;
            }
            m_client.get(mine, [this, root, done](const ApiResponse &list) {
                QStringList names;
                QStringList slugs;
                for (const QJsonValue &v :
                     list.json.object().value(QStringLiteral("competitions")).toArray()) {
                    const QJsonObject c = v.toObject();
                    names.append(QStringLiteral("%1 (%2, %3)")
                                     .arg(c.value(QStringLiteral("name")).toString(),
                                          c.value(QStringLiteral("date")).toString(),
                                          c.value(QStringLiteral("slug")).toString()));
                    // The id names it exactly; a slug is looked for among all.
                    const QString id = c.value(QStringLiteral("id")).toString();
                    slugs.append(id.isEmpty() ? c.value(QStringLiteral("slug")).toString() : id);
                }
                if (!list.ok() || names.isEmpty()) {
                    Prompts::warn(
                        m_window, tr("Cannot pull"),
                        list.ok()
                            ? tr("You manage no competitions on %1.").arg(root.toDisplayString())
                            : list.error.message);
                    Q_EMIT ended();
                    return;
                }
                const QString chosen = Prompts::choose(m_window, tr("Pull from server"),
                                                       tr("Competition to download:"), names);
                if (chosen.isEmpty()) {
                    Q_EMIT ended();
                    return;
                }
                auto *puller = new Puller(&m_client, root, this);
                puller->pull(slugs.value(names.indexOf(chosen)),
                             [this, done](std::unique_ptr<Document> doc, const QString &error) {
                                 if (doc)
                                     done(std::move(doc));
                                 else
                                     Prompts::warn(m_window, tr("Cannot pull"), error);
                                 Q_EMIT ended();
                             });
            });
        });
    });
}

void PublishFlow::pullEntries(std::function<void(bool)> done)
{
    const auto finish = [this, done](bool applied) {
        if (done)
            done(applied);
        Q_EMIT ended();
    };
    withToken([this, finish] {
        const QString server = Settings::server();
        m_client.setApiRoot(QUrl(server));
        auto *pull = new EntriesPull(&m_client, QUrl(server), this);
        pull->setReauthenticate([this](std::function<void(const QString &)> answer) {
            logIn([this, answer](bool ok) { answer(ok ? m_client.token() : QString()); },
                  tr("The server asked to log in again; the pull carries on afterwards."));
        });
        auto *progress = new ProgressDialog(m_window);
        m_progress = progress;
        progress->setAttribute(Qt::WA_DeleteOnClose);
        progress->setWindowTitle(tr("Reading the server"));
        progress->setProgress(0, 0, tr("Reading the competitors %1 holds...").arg(server));
        progress->open();
        pull->read(*m_document, [this, pull, server, finish](const QString &error) {
            delete m_progress;
            pull->deleteLater();
            if (!error.isEmpty()) {
                Prompts::warn(m_window, tr("Cannot pull entries"), error);
                finish(false);
                return;
            }
            const PulledEntries pulled
                = EntriesPull::plan(pull->snapshot(), m_document->competition());
            if (!pulled.changesAnything() && pulled.issueLines().isEmpty()) {
                Prompts::warn(m_window, tr("Pull entries from OpenTrack"),
                              tr("Nothing to take: %1").arg(pulled.summary()));
                finish(false);
                return;
            }
            auto *dialog = new PullEntriesDialog(pulled, server, m_window);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            const ServerSnapshot snapshot = pull->snapshot();
            connect(dialog, &QDialog::finished, this, [this, pulled, snapshot, finish](int result) {
                if (result != QDialog::Accepted) {
                    finish(false);
                    return;
                }
                // The document may have changed while the preview was open: plan again from it,
                // so the plan's nodes are the document's.
                const PulledEntries now = EntriesPull::plan(snapshot, m_document->competition());
                EntriesPull::apply(*m_document, now, snapshot);
                finish(true);
            });
            dialog->open();
        });
    });
}

void PublishFlow::review()
{
    const QString server = Settings::server();
    m_client.setApiRoot(QUrl(server));
    m_publisher = new Publisher(&m_client, m_document, QUrl(server), this);
    m_publisher->setVerify(m_verify);
    m_publisher->setReauthenticate([this](std::function<void(const QString &)> answer) {
        logIn([this, answer](bool ok) { answer(ok ? m_client.token() : QString()); },
              tr("The server asked to log in again; publishing carries on afterwards."));
    });

    auto *progress = new ProgressDialog(m_window);
    m_progress = progress;
    progress->setAttribute(Qt::WA_DeleteOnClose);
    progress->setWindowTitle(m_verify ? tr("Verifying everything on the server")
                                      : tr("Reading the server"));
    progress->setProgress(0, 0, tr("Reading what %1 holds...").arg(server));
    connect(m_publisher, &Publisher::progress, progress, &ProgressDialog::setProgress);
    connect(progress, &ProgressDialog::cancelRequested, m_publisher, &Publisher::cancel);
    progress->open();

    connect(m_publisher, &Publisher::failed, this, [this](const QString &message) {
        delete m_progress;
        if (m_publisher->findings().isEmpty()) {
            Prompts::warn(m_window, tr("Cannot publish"), message);
            Q_EMIT ended();
            return;
        }
        showFindings(m_publisher->findings());
    });
    connect(m_publisher, &Publisher::planned, this, [this, server] {
        if (!m_progress)
            return;
        m_progress->hide();
        auto *dialog = new ReviewDialog(m_publisher, server, m_window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &ReviewDialog::nodeRequested, this, &PublishFlow::nodeRequested);
        connect(dialog, &QDialog::finished, this, [this](int result) {
            if (result != QDialog::Accepted) {
                delete m_progress;
                Q_EMIT ended();
                return;
            }
            m_progress->setWindowTitle(tr("Publishing"));
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

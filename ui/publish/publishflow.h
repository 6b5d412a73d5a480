#pragma once

#include "opentrack/apiclient.h"
#include "opentrack/publisher.h"

#include <QDialog>
#include <QObject>
#include <QPointer>

namespace meetdesk {

class Document;
class TokenStore;

// The publish conversation with the user: log in when there is no token (or the server
// wants a new one), read the server (its stages shown) and show the review (where changes
// made on OpenTrack and conflicts are decided), publish with progress, show the result.
// Validation errors stop it before any request: they are listed, each leading to its record. Every
// dialog is window-modal and opened without a nested event loop; each step follows the last one's
// signal.
class PublishFlow : public QObject
{
    Q_OBJECT

public:
    PublishFlow(Document *document, TokenStore *tokens, QWidget *window);
    ~PublishFlow() override;

    // verify: read every heat on the server, not only those changed here (Publish > Verify
    // everything on the server).
    void start(bool verify = false);
    // Publish > Pull from server...: choose one of the competitions the user manages and
    // download it into a new document, handed to the callback.
    void pull(std::function<void(std::unique_ptr<Document>)> done);
    // Publish > Pull entries from OpenTrack...: reads the open document's competition on the
    // server (the one it was published to or pulled from, else its slug), shows what taking
    // its competitors, entries and seed marks would change, and applies that as one undo step
    // once the preview is accepted. done(true) when something was applied.
    void pullEntries(std::function<void(bool applied)> done = {});
    // Just the login dialog (Publish > Log in...).
    void logIn(std::function<void(bool ok)> then = {}, const QString &reason = {});
    ApiClient *client() { return &m_client; }

Q_SIGNALS:
    void nodeRequested(const meetdesk::Node *node);
    void published(const meetdesk::PublishReport &report);
    void ended(); // whatever happened; the flow may be deleted

private:
    void withToken(std::function<void()> then);
    void review();
    void showFindings(const QList<Finding> &findings);

    Document *m_document;
    TokenStore *m_tokens;
    QWidget *m_window;
    ApiClient m_client;
    Publisher *m_publisher = nullptr;
    bool m_verify = false;
    QPointer<QDialog> m_progress;
};

} // namespace meetdesk

#pragma once

#include "apiclient.h"
#include "apisession.h"
#include "serverreader.h"

#include "model/document.h"

#include <QObject>

#include <functional>
#include <memory>

namespace meetdesk {

// Downloads a competition the user manages (competition, teams, competitors, relay teams,
// events with their heats' results and trials) into a new document whose sync state holds
// every record as the base of the next publish, so corrections start from what is online and
// publishing them sends only the corrections. The competition is found as a publish finds it
// (an id as it is; a slug compared exactly over the listing, never through a filter), and every
// record read is checked to belong to it.
class Puller : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(std::unique_ptr<Document> document, const QString &error)>;

    Puller(ApiClient *client, const QUrl &apiRoot, QObject *parent = nullptr);
    ~Puller() override;

    void setReauthenticate(ApiSession::Reauthenticate reauthenticate)
    {
        m_session.setReauthenticate(std::move(reauthenticate));
    }

    // competition: its slug or its id.
    void pull(const QString &competition, Done done);

private:
    void assemble();
    void fail(const QString &message);

    QUrl m_apiRoot;
    ApiSession m_session;
    ServerReader m_reader;
    ServerSnapshot m_snapshot;
    Done m_done;
};

} // namespace meetdesk

#pragma once

#include "apiclient.h"
#include "model/document.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>

#include <functional>
#include <memory>

namespace meetdesk {

// Downloads a competition the user manages (competition, teams, competitors, relay teams,
// events with their units' results and trials) into a new document whose sync state knows
// every record, so corrections start from what is online and publishing them sends only
// the corrections.
class Puller : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(std::unique_ptr<Document> document, const QString &error)>;

    Puller(ApiClient *client, const QUrl &apiRoot, QObject *parent = nullptr);

    // competition: its slug or its id.
    void pull(const QString &competition, Done done);

private:
    void readCompetition(const QString &competition);
    void readChildren();
    void readUnits();
    void assemble();
    void fail(const QString &message);

    ApiClient *m_client;
    QUrl m_apiRoot;
    QJsonObject m_root;
    Done m_done;
    QJsonObject m_competition;
    QHash<QString, QJsonArray> m_lists; // collection name -> records
    QHash<QString, QJsonObject> m_units; // unit URL -> unit
};

} // namespace meetdesk

#pragma once

#include "scriptservice.h"

#include <QJsonArray>
#include <QUrl>

// The OpenTrack-compatible sandbox (tests/sandbox) for one test: started on a free loopback
// port, stopped (and its data removed) when this goes away. The profile is one of
// tests/sandbox/opentrack/profiles.py, or several joined by commas.
class SandboxServer
{
public:
    explicit SandboxServer(const QString &profile = QStringLiteral("full"));

    bool isRunning() const { return m_service.isRunning(); }
    QString startError() const { return m_service.startError(); }
    QUrl apiRoot() const { return m_root; }
    QUrl url(const QString &path) const; // relative to the server, e.g. "/sandbox/log/"

    // Sandbox-only endpoints, answered synchronously (tests only). An error fails the test.
    QByteArray get(const QString &path) const;
    QByteArray post(const QString &path, const QByteArray &json) const;
    // Every API request so far, oldest first (see tests/sandbox/README.md). QJsonDocument reads
    // numbers as doubles: where every digit matters, read get("/sandbox/log/") with core/json.
    QJsonArray log() const;
    // Forgets injected faults and the request log.
    void clearFaults() const;

private:
    ScriptService m_service;
    QUrl m_root;
};

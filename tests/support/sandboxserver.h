#pragma once

#include <QProcess>
#include <QUrl>

// The OpenTrack-compatible sandbox (tests/sandbox) for one test: started on a free loopback
// port, stopped (and its data removed) when this goes away.
class SandboxServer
{
public:
    explicit SandboxServer(const QString &profile = QStringLiteral("full"));
    ~SandboxServer();

    bool isRunning() const { return m_root.isValid(); }
    QString startError() const { return m_error; }
    QUrl apiRoot() const { return m_root; }
    QUrl url(const QString &path) const; // relative to the server, e.g. "/sandbox/log/"

    // Sandbox-only endpoints, answered synchronously (tests only).
    QByteArray get(const QString &path) const;
    QByteArray post(const QString &path, const QByteArray &json) const;
    // Forgets injected faults and the request log.
    void clearFaults() const;

private:
    QProcess m_process;
    QUrl m_root;
    QString m_error;
};

#pragma once

#include "scriptservice.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUrl>

// The fault proxy (tests/sandbox/proxy.py) for one test, between the client and an upstream
// on this machine (usually a SandboxServer): it forwards, resets, stalls, answers 401 or
// redirects to "the other host" as its rules say. Rules and logs: tests/sandbox/README.md.
class FaultProxy
{
public:
    explicit FaultProxy(const QUrl &upstream, int latencyMs = 0);

    bool isRunning() const { return m_service.isRunning(); }
    QString startError() const { return m_service.startError(); }
    // The same URL through the proxy, e.g. through(sandbox.apiRoot()).
    QUrl through(const QUrl &upstream) const;
    QUrl otherHost() const { return m_other; } // the base URL of "the other host"

    // Control, answered synchronously (tests only). A refused rule fails the test.
    void addRule(const QJsonObject &rule) const;
    void reset() const; // no rules, empty logs
    QJsonArray log() const; // what the proxy did with each request, oldest first
    QJsonArray otherLog() const; // what reached the other host: method, path, headers, body

private:
    QJsonArray requests(const QString &path) const;

    ScriptService m_service;
    QUrl m_proxy;
    QUrl m_control;
    QUrl m_other;
};

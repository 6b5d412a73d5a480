#pragma once

#include <QByteArray>
#include <QProcess>
#include <QStringList>
#include <QUrl>

// One Python script of tests/sandbox (run.py, proxy.py) as a child process for one test:
// started with its arguments, ready once it prints its first line (what it offers), stopped
// when this goes away.
class ScriptService
{
public:
    ScriptService(const QString &script, const QStringList &arguments);
    ~ScriptService();
    ScriptService(const ScriptService &) = delete;
    ScriptService &operator=(const ScriptService &) = delete;

    bool isRunning() const { return !m_line.isEmpty(); }
    QString startError() const { return m_error; }
    QString firstLine() const { return m_line; }

private:
    QProcess m_process;
    QString m_line;
    QString m_error;
};

// Blocking HTTP for test set-up (tests only: the app never waits like this).
namespace testhttp {

struct Answer
{
    int status = 0; // 0: no answer
    QByteArray body;
};

// Sends one request with an optional JSON body and waits for the answer. A network error, a
// timeout or a status of 400 and above fails the running test (and gives status 0).
Answer call(const QByteArray &verb, const QUrl &url, const QByteArray &json = {});

} // namespace testhttp

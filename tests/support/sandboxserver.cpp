#include "sandboxserver.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

SandboxServer::SandboxServer(const QString &profile)
{
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.start(
        QStringLiteral("/usr/bin/python3"),
        {QStringLiteral(MEETDESK_SANDBOX "/run.py"), QStringLiteral("--profile"), profile});
    if (!m_process.waitForStarted(10000)) {
        m_error = m_process.errorString();
        return;
    }
    QByteArray line;
    QElapsedTimer timer;
    timer.start();
    while (!line.contains('\n') && timer.elapsed() < 60000
           && m_process.state() == QProcess::Running) {
        m_process.waitForReadyRead(1000);
        line += m_process.readAllStandardOutput();
    }
    if (!line.contains('\n')) {
        m_error = QStringLiteral("the sandbox did not start: ")
            + QString::fromUtf8(m_process.readAllStandardError());
        return;
    }
    m_root = QUrl(QString::fromUtf8(line.left(line.indexOf('\n')).trimmed()));
}

SandboxServer::~SandboxServer()
{
    if (m_process.state() == QProcess::Running) {
        m_process.terminate();
        if (!m_process.waitForFinished(10000))
            m_process.kill();
    }
}

QUrl SandboxServer::url(const QString &path) const
{
    QUrl u = m_root;
    u.setPath(path);
    return u;
}

namespace {
QByteArray waitFor(QNetworkReply *reply)
{
    QEventLoop loop; // tests only: the app itself never nests event loops
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    loop.exec();
    const QByteArray body = reply->readAll();
    reply->deleteLater();
    return body;
}
} // namespace

QByteArray SandboxServer::get(const QString &path) const
{
    QNetworkAccessManager network;
    return waitFor(network.get(QNetworkRequest(url(path))));
}

QByteArray SandboxServer::post(const QString &path, const QByteArray &json) const
{
    QNetworkAccessManager network;
    QNetworkRequest request(url(path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    return waitFor(network.post(request, json));
}

void SandboxServer::clearFaults() const
{
    QNetworkAccessManager network;
    waitFor(network.deleteResource(QNetworkRequest(url(QStringLiteral("/sandbox/log/")))));
}

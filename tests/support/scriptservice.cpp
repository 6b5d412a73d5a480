#include "scriptservice.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>
#include <QTimer>

ScriptService::ScriptService(const QString &script, const QStringList &arguments)
{
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1"));
    m_process.setProcessEnvironment(environment);
    m_process.start(QStringLiteral("/usr/bin/python3"), QStringList {script} + arguments);
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
        m_error = script + QStringLiteral(" did not start");
        return;
    }
    m_line = QString::fromUtf8(line.left(line.indexOf('\n')).trimmed());
}

ScriptService::~ScriptService()
{
    if (m_process.state() == QProcess::Running) {
        m_process.terminate();
        if (!m_process.waitForFinished(10000))
            m_process.kill();
    }
}

namespace testhttp {

Answer call(const QByteArray &verb, const QUrl &url, const QByteArray &json)
{
    QNetworkAccessManager network;
    QNetworkRequest request(url);
    if (!json.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    QNetworkReply *reply = network.sendCustomRequest(request, verb, json);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    loop.exec();
    Answer answer;
    const QByteArray what = verb + ' ' + url.toEncoded();
    if (!reply->isFinished()) {
        const QByteArray message = "no answer to " + what;
        QTest::qFail(message.constData(), __FILE__, __LINE__);
    } else {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.body = reply->readAll();
        if (status == 0 || status >= 400) {
            const QByteArray message
                = what + ": " + reply->errorString().toUtf8() + ' ' + answer.body.left(300);
            QTest::qFail(message.constData(), __FILE__, __LINE__);
        } else {
            answer.status = status;
        }
    }
    return answer; // the reply goes with the network manager
}

} // namespace testhttp

#include "logindialog.h"

#include "opentrack/apiclient.h"
#include "opentrack/apimessages.h"
#include "settings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace meetdesk {

LoginDialog::LoginDialog(ApiClient *client, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_server(new QComboBox(this))
    , m_custom(new QLineEdit(this))
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("loginDialog"));
    setWindowTitle(tr("Log in to OpenTrack"));
    m_server->setObjectName(QStringLiteral("server"));
    m_server->addItem(tr("OpenTrack"), Settings::openTrackServer);
    m_server->addItem(tr("OpenTrack test server"), Settings::openTrackTestServer);
    m_server->addItem(tr("Another server..."), QString());
    m_custom->setObjectName(QStringLiteral("customServer"));
    m_custom->setPlaceholderText(QStringLiteral("https://example.org/api/"));
    // A whole address fits: the longest of OpenTrack's own and a little more.
    const QFontMetrics metrics = m_custom->fontMetrics();
    m_custom->setMinimumWidth(
        std::max({metrics.horizontalAdvance(QStringLiteral("https://data.opentrack.run/api/")),
                  metrics.horizontalAdvance(Settings::openTrackServer),
                  metrics.horizontalAdvance(Settings::openTrackTestServer)})
        + 6 * metrics.averageCharWidth());
    const QString saved = Settings::server();
    const int known = m_server->findData(saved);
    m_server->setCurrentIndex(known >= 0 ? known : 2);
    // The address box shows the chosen server's address, and takes one's own.
    const auto showAddress = [this](int index) {
        const QString address = m_server->itemData(index).toString();
        m_custom->setEnabled(address.isEmpty()); // shown, greyed: the choice above decides
        m_custom->setText(address.isEmpty() ? m_typed : address);
        m_custom->setToolTip(address.isEmpty() ? tr("The API root of your server") : QString());
    };
    if (known < 0)
        m_typed = saved;
    showAddress(m_server->currentIndex());
    connect(m_custom, &QLineEdit::textEdited, this,
            [this](const QString &text) { m_typed = text; });
    connect(m_server, &QComboBox::currentIndexChanged, this, showAddress);
    m_user->setObjectName(QStringLiteral("user"));
    m_user->setText(Settings::userName());
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_message->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("Server"), m_server);
    form->addRow(QString(), m_custom);
    form->addRow(tr("User name"), m_user);
    form->addRow(tr("Password"), m_password);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_logIn = buttons->addButton(tr("Log in"), QDialogButtonBox::AcceptRole);
    m_logIn->setObjectName(QStringLiteral("logIn"));
    m_logIn->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_logIn, &QPushButton::clicked, this, &LoginDialog::logIn);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addLayout(form);
    layout->addWidget(buttons);
    if (!m_user->text().isEmpty())
        m_password->setFocus();
}

QString LoginDialog::server() const
{
    const QString chosen = m_server->currentData().toString();
    return chosen.isEmpty()
        ? api::withTrailingSlash(QUrl::fromUserInput(m_custom->text().trimmed())).toString()
        : chosen;
}

QString LoginDialog::user() const
{
    return m_user->text().trimmed();
}

void LoginDialog::setReason(const QString &reason)
{
    m_message->setText(reason);
    m_message->setVisible(!reason.isEmpty());
}

void LoginDialog::logIn()
{
    const QUrl root(server());
    if (user().isEmpty() || m_password->text().isEmpty()) {
        setReason(tr("Enter your user name and password."));
        return;
    }
    m_logIn->setEnabled(false);
    setReason(tr("Logging in..."));
    m_client->setApiRoot(root);
    m_client->logIn(user(), m_password->text(),
                    [self = QPointer(this), root](const ApiResponse &login) {
                        if (!self)
                            return; // closed while logging in
                        LoginDialog *const dialog = self.data();
                        dialog->m_logIn->setEnabled(true);
                        if (!login.ok()) {
                            dialog->setReason(login.error.message);
                            return;
                        }
                        dialog->m_token = dialog->m_client->token();
                        dialog->m_password->clear();
                        Settings::setServer(root.toString());
                        Settings::setUserName(dialog->user());
                        dialog->accept();
                    });
}

} // namespace meetdesk

#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace meetdesk {

class ApiClient;

// Chooses the server (OpenTrack, OpenTrack's test server, or an address of one's own) and
// logs in with user name and password for a token. The password is never kept; the token
// goes to the token store. Wrong credentials or an unreachable server are said in the dialog.
class LoginDialog : public QDialog
{
    Q_OBJECT

public:
    LoginDialog(ApiClient *client, QWidget *parent = nullptr);

    QString server() const; // the API root
    QString user() const;
    QString token() const { return m_token; }
    // Shown above the fields: why the login is asked for ("The server asked to log in again").
    void setReason(const QString &reason);

private:
    void logIn();

    ApiClient *m_client;
    QComboBox *m_server;
    QLineEdit *m_custom;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QLabel *m_message;
    QPushButton *m_logIn;
    QString m_token;
    QString m_typed; // the address of one's own server, as typed
};

} // namespace meetdesk

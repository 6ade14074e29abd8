#pragma once

#include <QObject>
#include <QStringList>
#include <QTemporaryDir>
#include <QTimer>

#include <memory>

namespace SyncDesk {

namespace Testing {
class DovecotServer;
class RadicaleServer;
class TestConfig;
} // namespace Testing

// Demo mode: a private Dovecot (the tests' helper) with a handful of mailboxes seeded with realistic
// mail — one with a wrong password, one on a server profile whose port is closed — and new mail
// delivered to some mailboxes as time goes by; a private Radicale with their calendars and address books. Lives in a
// thread of its own (starting Dovecot and delivering mail block); everything, database included, is in a temporary
// directory removed on stop.
class DemoEnvironment final : public QObject
{
    Q_OBJECT
public:
    DemoEnvironment();
    ~DemoEnvironment() override;

    void start();
    void stop();
    // What the demo's window says: every mailbox's password (the right one for the mailbox set up with a
    // wrong one too, so that the recovery can be tried) and that nothing the demo writes survives it.
    static QString infoText();
    // Its temporary directory (empty before start()): the database, and passwords typed in the demo.
    QString directory() const;

Q_SIGNALS:
    void ready(const QString &databasePath);
    void failed(const QString &message);

private:
    void deliverSome();
    void composeSomeEmail(const QString &database);
    // demoenvironment_act.cpp: a private Radicale holding the calendars, task lists and address books of some demo
    // mailboxes (when Debian's radicale is installed), and the CRM's appointments and tasks they sync.
    void startCalendarServer(Testing::TestConfig &config);
    void seedAppointmentsAndTasks(const QString &database);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Testing::DovecotServer> m_dovecot;
    std::unique_ptr<Testing::RadicaleServer> m_radicale;
    QTimer m_deliveryTimer{this}; // a child, so that moveToThread() moves it too
    int m_messageIndex = 0;
    int m_tick = 0;
};

} // namespace SyncDesk

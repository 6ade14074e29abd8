#pragma once

// What the console tests share: QSettings and app data in a test location, a password file only the user
// can read, and a main window with a monitor-only backend on a store, started and shut down.

#include "consolebackend.h"
#include "mainwindow.h"

#include <QCoreApplication>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>

#include <memory>

namespace SyncDesk::Testing {

inline void useTestSettings(const QString &applicationName)
{
    QStandardPaths::setTestModeEnabled(true); // QSettings and app data go to a test location
    QCoreApplication::setOrganizationName(QStringLiteral("SyncDeskTests"));
    QCoreApplication::setApplicationName(applicationName);
}

// A password file as the configuration names it: readable by this user only. False when it cannot be written.
inline bool writeSecretFile(const QString &path, const QByteArray &content = QByteArrayLiteral("secret\n"))
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size()) {
        return false;
    }
    file.close();
    return file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

// The console's window on a store, monitoring only (nothing syncs) unless runEngine, polling ten times a second.
struct ConsoleHarness
{
    std::unique_ptr<MainWindow> window;
    std::unique_ptr<ConsoleBackend> backend;

    void start(const StoreConfig &store, bool runEngine = false)
    {
        window = std::make_unique<MainWindow>();
        ConsoleBackend::Options options;
        options.store = store;
        options.runEngine = runEngine;
        options.pollIntervalMs = 100;
        backend = std::make_unique<ConsoleBackend>(options);
        window->setBackend(backend.get());
        backend->start();
        window->show();
    }

    // Closes the window and shuts the backend down; false when it did not finish within ten seconds.
    bool stop()
    {
        bool done = true;
        if (backend) {
            if (window) {
                window->close();
            }
            QSignalSpy shutDown(backend.get(), &ConsoleBackend::shutDown);
            backend->shutdown();
            done = shutDown.count() == 1 || shutDown.wait(10000);
        }
        window.reset();
        backend.reset();
        return done;
    }
};

} // namespace SyncDesk::Testing

#include "keychain.h"

#include "keychainmodule.h"
#include "modules/moduleloader.h"

#include <QCoreApplication>
#include <QThread>

#include <future>
#include <memory>

namespace SyncDesk::Keychain {

using namespace Qt::StringLiterals;

namespace {

using KeychainModule::Answer;
using KeychainModule::Outcome;

// The keychain module (keychainmodule.h says why it is not linked), opened when first needed.
Modules::Function s_run(KeychainModule::kFileName, KeychainModule::kRunSymbol);

Answer runJob(KeychainModule::Operation operation, const QString &entry, const QString &password, int timeoutMs)
{
    Answer answer;
    QString problem;
    if (auto run = reinterpret_cast<KeychainModule::RunFunction>(s_run.get(&problem))) {
        run(operation, QString::fromLatin1(kService), entry, password, timeoutMs, &answer);
    } else {
        answer.finished = true;
        answer.outcome = Outcome::ModuleMissing;
        answer.errorText = problem;
    }
    return answer;
}

// The keychain backends answer through the main thread's event loop (libsecret's callbacks run in the GLib
// context of the thread that made the call, and only the main one is reliably served), so callers in other
// threads hand the job to the main thread and wait, never longer than the timeout.
Answer inMainThread(std::function<Answer()> job, int timeoutMs)
{
    QCoreApplication *app = QCoreApplication::instance();
    if (!app || QThread::currentThread() == app->thread()) {
        return job();
    }
    auto promise = std::make_shared<std::promise<Answer>>();
    std::future<Answer> future = promise->get_future();
    QMetaObject::invokeMethod(
        app, [promise, job = std::move(job)] { promise->set_value(job()); }, Qt::QueuedConnection);
    if (future.wait_for(std::chrono::milliseconds(timeoutMs + 1000)) != std::future_status::ready) {
        return {};
    }
    return future.get();
}

using KeychainModule::Operation;

// One sentence per operation, so that each can be translated whole.
QString timeoutMessage(Operation operation, int seconds, const QString &entry)
{
    switch (operation) {
    case Operation::Read:
        //: %1 is a number of seconds; the keychain was being asked to read the entry
        return QCoreApplication::translate("Keychain",
                                           "the system keychain did not answer within %1 s while read the entry \"%2\"")
            .arg(seconds)
            .arg(entry);
    case Operation::Write:
        //: %1 is a number of seconds; the keychain was being asked to write the entry
        return QCoreApplication::translate(
                   "Keychain", "the system keychain did not answer within %1 s while write the entry \"%2\"")
            .arg(seconds)
            .arg(entry);
    case Operation::Delete:
        break;
    }
    //: %1 is a number of seconds; the keychain was being asked to delete the entry
    return QCoreApplication::translate("Keychain",
                                       "the system keychain did not answer within %1 s while delete the entry \"%2\"")
        .arg(seconds)
        .arg(entry);
}

QString refusedMessage(Operation operation, const QString &entry)
{
    const QString service = QString::fromLatin1(kService);
    switch (operation) {
    case Operation::Read:
        return QCoreApplication::translate("Keychain",
                                           "the system keychain could not read the entry \"%1\" (service %2)")
            .arg(entry, service);
    case Operation::Write:
        return QCoreApplication::translate("Keychain",
                                           "the system keychain could not write the entry \"%1\" (service %2)")
            .arg(entry, service);
    case Operation::Delete:
        break;
    }
    return QCoreApplication::translate("Keychain", "the system keychain could not delete the entry \"%1\" (service %2)")
        .arg(entry, service);
}

SyncError failure(Operation operation, const QString &entry, const Answer &answer, int timeoutMs)
{
    if (!answer.finished) {
        return SyncError::make(
            ErrorClass::Config, u"password-unavailable"_s, timeoutMessage(operation, timeoutMs / 1000, entry),
            QCoreApplication::translate("Keychain", "is a Secret Service (GNOME Keyring, KeePassXC) or KWallet "
                                                    "running and unlocked in this session "
                                                    "(DBUS_SESSION_BUS_ADDRESS)?"));
    }
    QString message = refusedMessage(operation, entry);
    if (answer.outcome == Outcome::EntryNotFound) {
        message =
            QCoreApplication::translate("Keychain", "the system keychain has no entry \"%1\" (service %2): store it "
                                                    "with 'syncdesk-node password set %1'")
                .arg(entry, QString::fromLatin1(kService));
    } else if (answer.outcome == Outcome::ModuleMissing) {
        //: %1 is a file name (libsyncdesk-keychain.so), part of the syncdesk-node package
        message = QCoreApplication::translate("Keychain",
                                              "the keychain module %1 of this installation is missing or cannot be "
                                              "loaded; reinstall the syncdesk-node package")
                      .arg(QString::fromLatin1(KeychainModule::kFileName));
    } else if (answer.outcome == Outcome::NoBackend) {
        message = QCoreApplication::translate(
            "Keychain", "no system keychain is available in this session (no Secret Service or KWallet on D-Bus)");
    } else if (answer.outcome == Outcome::AccessDenied) {
        message =
            QCoreApplication::translate("Keychain", "the system keychain refused access to the entry \"%1\" (locked?)")
                .arg(entry);
    }
    return SyncError::make(ErrorClass::Config, u"password-unavailable"_s, message, answer.errorText);
}

} // namespace

Result<QString> read(const QString &entry, int timeoutMs)
{
    const Answer answer =
        inMainThread([entry, timeoutMs] { return runJob(Operation::Read, entry, {}, timeoutMs); }, timeoutMs);
    if (!answer.finished || answer.outcome != Outcome::Ok) {
        return failure(Operation::Read, entry, answer, timeoutMs);
    }
    return answer.password;
}

Status write(const QString &entry, const QString &password, int timeoutMs)
{
    const Answer answer = inMainThread(
        [entry, password, timeoutMs] { return runJob(Operation::Write, entry, password, timeoutMs); }, timeoutMs);
    if (!answer.finished || answer.outcome != Outcome::Ok) {
        return failure(Operation::Write, entry, answer, timeoutMs);
    }
    return {};
}

Status remove(const QString &entry, int timeoutMs)
{
    const Answer answer =
        inMainThread([entry, timeoutMs] { return runJob(Operation::Delete, entry, {}, timeoutMs); }, timeoutMs);
    if (!answer.finished || (answer.outcome != Outcome::Ok && answer.outcome != Outcome::EntryNotFound)) {
        return failure(Operation::Delete, entry, answer, timeoutMs);
    }
    return {};
}

} // namespace SyncDesk::Keychain

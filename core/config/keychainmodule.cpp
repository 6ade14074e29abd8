// The keychain module: QtKeychain's jobs behind one C entry point (see keychainmodule.h). Loaded by the core
// with QLibrary the first time the keychain is used.
#include "keychainmodule.h"

#include <QEventLoop>
#include <QTimer>
#include <qt6keychain/keychain.h>

#include <memory>

namespace {

using namespace SyncDesk::KeychainModule;

Outcome outcomeOf(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoError:
        return Outcome::Ok;
    case QKeychain::EntryNotFound:
        return Outcome::EntryNotFound;
    case QKeychain::NoBackendAvailable:
        return Outcome::NoBackend;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return Outcome::AccessDenied;
    default:
        return Outcome::OtherError;
    }
}

std::unique_ptr<QKeychain::Job> makeJob(Operation operation, const QString &service, const QString &entry,
                                        const QString &password)
{
    switch (operation) {
    case Operation::Read: {
        auto job = std::make_unique<QKeychain::ReadPasswordJob>(service);
        job->setKey(entry);
        return job;
    }
    case Operation::Write: {
        auto job = std::make_unique<QKeychain::WritePasswordJob>(service);
        job->setKey(entry);
        job->setTextData(password);
        return job;
    }
    case Operation::Delete: {
        auto job = std::make_unique<QKeychain::DeletePasswordJob>(service);
        job->setKey(entry);
        return job;
    }
    }
    return {};
}

} // namespace

extern "C" Q_DECL_EXPORT void syncdesk_keychain_run(Operation operation, const QString &service, const QString &entry,
                                                    const QString &password, int timeoutMs, Answer *answer)
{
    *answer = Answer{};
    std::unique_ptr<QKeychain::Job> job = makeJob(operation, service, entry, password);
    if (!job) {
        answer->finished = true;
        answer->errorText = QStringLiteral("unknown keychain operation");
        return;
    }
    job->setAutoDelete(false);
    QEventLoop loop;
    QObject::connect(job.get(), &QKeychain::Job::finished, &loop, [&] {
        answer->finished = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    job->start();
    if (!answer->finished) {
        loop.exec();
    }
    if (answer->finished) {
        answer->outcome = outcomeOf(job->error());
        answer->errorText = job->errorString();
        if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(job.get()); read && !job->error()) {
            answer->password = read->textData();
        }
    }
}

#include "moduleloader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibrary>
#include <QMutex>

#include <cstring>

namespace SyncDesk::Modules {

using namespace Qt::StringLiterals;

namespace {

using AbiFunction = const char *(*)();

// Opens `path` and returns `symbol` from it when the module comes from this build; else nullptr and why.
QFunctionPointer open(const QString &path, const char *symbol, QString *why)
{
    QLibrary library(path);
    if (!library.load()) {
        *why = library.errorString();
        return nullptr;
    }
    const auto abi = reinterpret_cast<AbiFunction>(library.resolve("syncdesk_module_abi"));
    if (!abi || std::strcmp(abi(), SYNCDESK_MODULE_ABI) != 0) {
        *why = u"from another build: %1; this program is %2"_s.arg(
            abi ? QString::fromUtf8(abi()) : u"no build identity"_s, QStringLiteral(SYNCDESK_MODULE_ABI));
        library.unload();
        return nullptr;
    }
    QFunctionPointer function = library.resolve(symbol);
    if (!function) {
        *why = library.errorString();
    }
    return function; // the library stays loaded: QLibrary does not unload when destroyed
}

} // namespace

QStringList searchPath()
{
    if (const QString forced = qEnvironmentVariable("SYNCDESK_MODULE_DIR"); !forced.isEmpty()) {
        return {forced};
    }
    QStringList directories;
    if (QCoreApplication::instance()) {
        const QString programDir = QCoreApplication::applicationDirPath();
        directories.append(
            QDir::cleanPath(QDir(programDir).absoluteFilePath(QStringLiteral(SYNCDESK_MODULE_RELATIVE_DIR))));
        const QString buildTree = QStringLiteral(SYNCDESK_BUILD_TREE) + u'/';
        if (QString(programDir + u'/').startsWith(buildTree)) {
            directories.append(QStringLiteral(SYNCDESK_MODULE_BUILD_DIR));
        }
    }
    directories.removeDuplicates();
    return directories;
}

QFunctionPointer Function::get(QString *problem)
{
    if (QFunctionPointer known = m_function.load(std::memory_order_acquire)) {
        return known;
    }
    static QMutex opening;
    QMutexLocker locker(&opening);
    if (QFunctionPointer known = m_function.load(std::memory_order_acquire)) {
        return known;
    }
    QStringList tried;
    for (const QString &directory : searchPath()) {
        const QString path = QDir(directory).absoluteFilePath(QString::fromLatin1(m_fileName));
        if (!QFileInfo::exists(path)) {
            tried.append(path);
            continue;
        }
        QString why;
        if (QFunctionPointer function = open(path, m_symbol, &why)) {
            m_function.store(function, std::memory_order_release);
            return function;
        }
        tried.append(path + u" ("_s + why + u')');
    }
    if (problem) {
        *problem = tried.isEmpty() ? u"no directory to look in"_s : tried.join(u"; "_s);
    }
    return nullptr;
}

} // namespace SyncDesk::Modules

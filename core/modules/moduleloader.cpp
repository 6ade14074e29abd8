#include "moduleloader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibrary>

namespace SyncDesk::Modules {

using namespace Qt::StringLiterals;

QStringList searchPath()
{
    if (const QString forced = qEnvironmentVariable("SYNCDESK_MODULE_DIR"); !forced.isEmpty()) {
        return {forced};
    }
    QStringList directories;
    if (QCoreApplication::instance()) {
        directories.append(QDir::cleanPath(QDir(QCoreApplication::applicationDirPath())
                                               .absoluteFilePath(QStringLiteral(SYNCDESK_MODULE_RELATIVE_DIR))));
    }
    directories.append(QStringLiteral(SYNCDESK_MODULE_BUILD_DIR));
    return directories;
}

QFunctionPointer resolve(const char *fileName, const char *symbol, QString *problem)
{
    QStringList tried;
    for (const QString &directory : searchPath()) {
        const QString path = QDir(directory).absoluteFilePath(QString::fromLatin1(fileName));
        if (!QFileInfo::exists(path)) {
            tried.append(path);
            continue;
        }
        QLibrary library(path);
        if (QFunctionPointer function = library.resolve(symbol)) {
            return function; // stays loaded: QLibrary does not unload when destroyed
        }
        tried.append(path + u" ("_s + library.errorString() + u')');
    }
    if (problem) {
        *problem = tried.join(u"; "_s);
    }
    return nullptr;
}

} // namespace SyncDesk::Modules

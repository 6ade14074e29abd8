#include "privatefiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace SyncDesk::PrivateFiles {

using namespace Qt::StringLiterals;

namespace {

SyncError folderFailure(const QString &path, int error)
{
    return SyncError::make(ErrorClass::Config, u"config-invalid"_s,
                           QCoreApplication::translate("PrivateFiles", "cannot create the folder %1: %2")
                               .arg(path, QString::fromLocal8Bit(std::strerror(error))));
}

SyncError fileFailure(const QString &path, int error)
{
    return SyncError::make(ErrorClass::Config, u"config-invalid"_s,
                           QCoreApplication::translate("PrivateFiles", "cannot create the file %1: %2")
                               .arg(path, QString::fromLocal8Bit(std::strerror(error))));
}

} // namespace

void restrictProcessUmask()
{
    ::umask(077);
}

Status makeFolders(const QString &path)
{
    const QString absolute = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    if (QFileInfo(absolute).isDir()) {
        return {};
    }
    // From the top down; mkdir's mode is reduced by the umask, never widened, so 0700 stays private.
    const QStringList parts = absolute.split(u'/', Qt::SkipEmptyParts);
    QString current;
    for (const QString &part : parts) {
        current += u'/' + part;
        const QByteArray native = QFile::encodeName(current);
        if (::mkdir(native.constData(), 0700) != 0 && errno != EEXIST) {
            return folderFailure(current, errno);
        }
    }
    return {};
}

Status createFile(const QString &path)
{
    const QFileInfo info(path);
    if (info.exists()) {
        return {};
    }
    if (Status folders = makeFolders(info.absolutePath()); !folders) {
        return folders;
    }
    const QByteArray native = QFile::encodeName(info.absoluteFilePath());
    const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        return errno == EEXIST ? Status() : Status(fileFailure(path, errno));
    }
    ::close(fd);
    return {};
}

} // namespace SyncDesk::PrivateFiles

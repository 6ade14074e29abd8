#include "messagebuilder.h"

#include "modules/moduleloader.h"
#include "protocol/mime/mimemodule.h"

#include <QCoreApplication>
#include <QMimeDatabase>
#include <QRandomGenerator>

namespace SyncDesk {

using namespace Qt::StringLiterals;

QString MessageBuilder::newMessageId(qint64 activityId, const QString &fromAddress)
{
    QString domain = fromAddress.section(u'@', -1).trimmed().toLower();
    if (domain.isEmpty() || !fromAddress.contains(u'@')) {
        domain = u"syncdesk.invalid"_s;
    }
    const quint64 random = QRandomGenerator::system()->generate64();
    return u"syncdesk.%1.%2@%3"_s.arg(activityId).arg(random, 16, 16, QLatin1Char('0')).arg(domain);
}

QString MessageBuilder::contentTypeFor(const QString &fileName, const QByteArray &data)
{
    static const QMimeDatabase database;
    const QMimeType type = database.mimeTypeForFileNameAndData(fileName, data);
    if (!type.isValid() || type.isDefault()) {
        return u"application/octet-stream"_s;
    }
    return type.name();
}

Result<QByteArray> MessageBuilder::build(const MessageParts &parts)
{
    static Modules::Function s_build(MimeModule::kFileName, MimeModule::kBuildSymbol);
    QString problem;
    const auto build = reinterpret_cast<MimeModule::BuildFunction>(s_build.get(&problem));
    if (!build) {
        return SyncError::make(
            ErrorClass::Internal, u"module-missing"_s,
            //: %1 is a file name (libsyncdesk-mime.so), part of the syncdesk-node package
            QCoreApplication::translate("SyncDesk::MessageBuilder",
                                        "the MIME module %1 of this installation is missing or cannot be loaded; "
                                        "reinstall the syncdesk-node package")
                .arg(QString::fromLatin1(MimeModule::kFileName)),
            problem);
    }
    MessageParts typed = parts;
    for (OutgoingAttachment &attachment : typed.attachments) {
        if (attachment.contentType.isEmpty()) {
            attachment.contentType = contentTypeFor(attachment.fileName, attachment.data);
        }
    }
    QByteArray message;
    bool built = false;
    QString what;
    Modules::raise(build(typed, &message, &built, &what), what);
    if (!built) {
        return SyncError::make(
            ErrorClass::Internal, u"internal-error"_s,
            QCoreApplication::translate("SyncDesk::MessageBuilder", "the message could not be built"));
    }
    return message;
}

} // namespace SyncDesk

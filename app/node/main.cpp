#include "config/privatefiles.h"
#include "nodecli.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    // The database, exports, bundles and password files hold mail and secrets: private whatever the umask.
    SyncDesk::PrivateFiles::restrictProcessUmask();
    QCoreApplication app(argc, argv);
    // Same organization and application name as the console: both find the same default database.
    QCoreApplication::setOrganizationName(QStringLiteral("SyncDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("syncdesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SYNCDESK_VERSION));
    SyncDesk::NodeCli cli;
    return cli.run(QCoreApplication::arguments());
}

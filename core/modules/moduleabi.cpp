// Compiled into each of SyncDesk's modules: the build it comes from, which the program compares with its own
// before using anything of the module (moduleloader.h).
#include <QtGlobal>

extern "C" Q_DECL_EXPORT const char *syncdesk_module_abi()
{
    return SYNCDESK_MODULE_ABI;
}

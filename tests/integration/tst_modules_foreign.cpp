// A MIME module of another build, for tst_modules: the same file name and entry points, another build
// identity. The program must refuse it before calling anything of it (decoding with it would abort).
#include <QtGlobal>

#include <cstdlib>

extern "C" Q_DECL_EXPORT const char *syncdesk_module_abi()
{
    return "0.0.1+git1.0000000 Qt 6.0.0 GNU 1.0.0";
}

extern "C" Q_DECL_EXPORT void syncdesk_mime_decode()
{
    std::abort();
}

#pragma once

#include <QFunctionPointer>
#include <QString>
#include <QStringList>

#include <atomic>

// SyncDesk's own modules: parts of the product that link a large library of their own (QtKeychain with
// D-Bus; GMime with GIO) and are opened with QLibrary the first time they are used, so that a command that
// does not need them does not pay for loading them at start (see the README's benchmark section: each short
// command of the node, such as a re-sync of an unchanged mailbox, is mostly process start).
//
// Structures with Qt types cross the boundary, so a module is used only when it comes from the same build as
// the program: each module exports its build's identity (moduleabi.cpp), and one from another build (a
// package half upgraded under a running process, a stray copy) is refused with a clear reason instead of
// being trusted.
namespace SyncDesk::Modules {

// Where modules are looked for, in order: only SYNCDESK_MODULE_DIR when it is set (a relocated
// installation); else LIBDIR/syncdesk relative to the program (the package, or build/lib/syncdesk for the
// programs in build/app), then — only for a program that runs from this build's own tree, such as a test
// in build/tests — this build's module directory. An installed program never looks into a build tree.
QStringList searchPath();

// One function of one module, looked up when first asked for. A module that cannot be opened is asked for
// again at the next call (a repaired installation works without a restart); once found, the function stays.
// Thread-safe.
class Function
{
public:
    constexpr Function(const char *fileName, const char *symbol)
        : m_fileName(fileName)
        , m_symbol(symbol)
    {}

    // The function; nullptr when no directory of the search path has a usable module, and `problem` then
    // says where it looked and why each candidate was refused.
    QFunctionPointer get(QString *problem = nullptr);
    const char *fileName() const { return m_fileName; }

private:
    const char *m_fileName;
    const char *m_symbol;
    std::atomic<QFunctionPointer> m_function{nullptr};
};

} // namespace SyncDesk::Modules

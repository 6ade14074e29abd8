#pragma once

#include "diagnostics/result.h"

#include <QString>

namespace SyncDesk::PrivateFiles {

// What SyncDesk writes holds mail and passwords: files are created 0600 and folders 0700, whatever the
// umask, with the mode given at creation (no moment where the file is readable by others).

// For a program's main(): every file and folder the process creates from now on is private (umask 077).
void restrictProcessUmask();

// Creates the folders of `path` that are missing, each 0700; existing ones are left as they are.
Status makeFolders(const QString &path);

// Creates `path` empty with mode 0600 (and its missing folders 0700) if it does not exist yet; an
// existing file is left as it is.
Status createFile(const QString &path);

} // namespace SyncDesk::PrivateFiles

#pragma once

#include <QColor>
#include <QPalette>

namespace SyncDesk {

// Status colours that read well on the current palette, light or dark.
class ThemeColors final
{
public:
    static bool isDark(const QPalette &palette);
    static QColor error(const QPalette &palette);
    static QColor warning(const QPalette &palette);
    static QColor success(const QPalette &palette);
    // With the application's palette.
    static QColor error();
    static QColor warning();
    static QColor success();
};

} // namespace SyncDesk

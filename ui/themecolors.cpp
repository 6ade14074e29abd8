#include "themecolors.h"

#include <QGuiApplication>

namespace SyncDesk {

bool ThemeColors::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor ThemeColors::error(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xff, 0x7b, 0x72) : QColor(0xcf, 0x22, 0x2e);
}

QColor ThemeColors::warning(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xe3, 0xb3, 0x41) : QColor(0x9a, 0x67, 0x00);
}

QColor ThemeColors::success(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x3f, 0xb9, 0x50) : QColor(0x1a, 0x7f, 0x37);
}

QColor ThemeColors::error()
{
    return error(QGuiApplication::palette());
}

QColor ThemeColors::warning()
{
    return warning(QGuiApplication::palette());
}

QColor ThemeColors::success()
{
    return success(QGuiApplication::palette());
}

} // namespace SyncDesk

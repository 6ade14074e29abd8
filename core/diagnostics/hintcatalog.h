#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace SyncDesk {

struct Hint
{
    QString id;
    QString severity; // "error", "warning" or "information"
    QString title;
    QString explanation;
    QStringList remedy;        // steps, each naming the setting to check, in the command line's words
    QStringList consoleRemedy; // the same in the console's words (buttons and menus), where they differ
    bool isValid() const { return !id.isEmpty(); }
    // The steps for whoever reads them: the console names its buttons and menus, the CLI its commands.
    enum class Audience { CommandLine, Console };
    const QStringList &steps(Audience audience) const
    {
        return audience == Audience::Console && !consoleRemedy.isEmpty() ? consoleRemedy : remedy;
    }
};

// The troubleshooting hints, kept as data in resources/hints/hints.json and addressed by stable ids.
// Loaded once, read-only afterwards, so it may be used from any thread.
class HintCatalog final
{
public:
    static const HintCatalog &instance();

    // Loads a catalog from JSON; returns an empty catalog and fills errorMessage on malformed input.
    static HintCatalog fromJson(const QByteArray &json, QString *errorMessage = nullptr);

    Hint hint(const QString &id) const;
    bool contains(const QString &id) const { return m_hints.contains(id); }
    QList<Hint> all() const;
    // One line: the hint's title, or an empty string for an unknown id.
    QString summary(const QString &id) const;

private:
    QHash<QString, Hint> m_hints;
    QStringList m_order;
};

} // namespace SyncDesk

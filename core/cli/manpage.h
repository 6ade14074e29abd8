#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QPair>
#include <QString>

namespace SyncDesk {

// A manual page (roff, man(7) macros) built from what --help prints: the same option objects and command
// texts, so that the page cannot drift from the program. Text is escaped for roff (backslashes, leading dots
// and quotes, minus signs in option names).
struct ManPage
{
    QString name; // "syncdesk-node"
    QString section = QStringLiteral("1");
    QString summary;      // the NAME line after the dash
    QString version;      // shown in the footer
    QStringList synopsis; // one line each, without the program name
    QString description;
    QList<QCommandLineOption> options;
    // Further sections: a heading, then entries of a term and its text (an empty term: a paragraph).
    struct Section
    {
        QString heading;
        QList<QPair<QString, QString>> entries;
    };
    QList<Section> sections;

    QString render() const;
    static QString escaped(const QString &text);
};

} // namespace SyncDesk

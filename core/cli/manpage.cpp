#include "manpage.h"

namespace SyncDesk {

using namespace Qt::StringLiterals;

QString ManPage::escaped(const QString &text)
{
    QString out;
    out.reserve(text.size() + 8);
    bool lineStart = true;
    for (const QChar c : text) {
        if (lineStart && (c == u'.' || c == u'\'')) {
            out += u"\\&"_s; // would be read as a request
        }
        if (c == u'\\') {
            out += u"\\e"_s;
        } else if (c == u'-') {
            out += u"\\-"_s; // a minus sign, as typed on the command line
        } else {
            out += c;
        }
        lineStart = c == u'\n';
    }
    return out;
}

QString ManPage::render() const
{
    QString page;
    page += u".TH "_s + escaped(name.toUpper()) + u' ' + section + u" \"\" \""_s + escaped(name) + u' ' +
            escaped(version) + u"\" \"User Commands\"\n"_s;
    page += u".SH NAME\n"_s + escaped(name) + u" \\- "_s + escaped(summary) + u'\n';
    page += u".SH SYNOPSIS\n"_s;
    for (const QString &line : synopsis) {
        page += u".B "_s + escaped(name) + u'\n' + escaped(line) + u"\n.br\n"_s;
    }
    page += u".SH DESCRIPTION\n"_s + escaped(description) + u'\n';
    if (!options.isEmpty()) {
        page += u".SH OPTIONS\n"_s;
        for (const QCommandLineOption &option : options) {
            if (option.flags().testFlag(QCommandLineOption::HiddenFromHelp)) {
                continue;
            }
            QStringList names;
            for (const QString &name : option.names()) {
                names.append((name.size() == 1 ? u"-"_s : u"--"_s) + name);
            }
            page += u".TP\n\\fB"_s + escaped(names.join(u", "_s)) + u"\\fR"_s;
            if (!option.valueName().isEmpty()) {
                page += u" \\fI"_s + escaped(option.valueName()) + u"\\fR"_s;
            }
            page += u'\n' + escaped(option.description()) + u'\n';
        }
    }
    for (const Section &part : sections) {
        page += u".SH "_s + escaped(part.heading.toUpper()) + u'\n';
        for (const auto &[term, text] : part.entries) {
            if (term.isEmpty()) {
                page += u".PP\n"_s + escaped(text) + u'\n';
            } else {
                page += u".TP\n\\fB"_s + escaped(term) + u"\\fR\n"_s + escaped(text) + u'\n';
            }
        }
    }
    return page;
}

} // namespace SyncDesk

#include "csvreader.h"

#include <QCoreApplication>
#include <QStringDecoder>

namespace SyncDesk {

using namespace Qt::StringLiterals;

CsvReader::CsvReader(const QByteArray &data)
{
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8.decode(data);
    if (utf8.hasError()) {
        QStringDecoder windows("windows-1252");
        text = windows.isValid() ? windows.decode(data) : QString::fromLatin1(data);
    }
    if (text.startsWith(QChar(0xfeff))) {
        text.remove(0, 1);
    }
    parse(text);
}

void CsvReader::parse(const QString &text)
{
    // The separator is whichever of comma and semicolon the header line (outside quotes) has more of.
    int commas = 0;
    int semicolons = 0;
    bool quoted = false;
    for (QChar c : text) {
        if (c == u'"') {
            quoted = !quoted;
        } else if (!quoted && (c == u'\n' || c == u'\r')) {
            break;
        } else if (!quoted) {
            commas += c == u',';
            semicolons += c == u';';
        }
    }
    m_separator = semicolons > commas ? u';' : u',';

    CsvRow row;
    QString field;
    int line = 1;
    int quoteLine = 0;
    bool inQuotes = false;
    bool fieldStarted = false;
    row.line = 1;
    auto endField = [&] {
        row.fields.append(field);
        field.clear();
        fieldStarted = false;
    };
    auto endRow = [&] {
        endField();
        // A blank line is no row.
        if (!(row.fields.size() == 1 && row.fields.constFirst().trimmed().isEmpty())) {
            m_rows.append(row);
        }
        row = CsvRow();
        row.line = line;
    };
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        const QChar c = text.at(i);
        if (inQuotes) {
            if (c == u'"') {
                if (i + 1 < size && text.at(i + 1) == u'"') {
                    field.append(u'"');
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                if (c == u'\n') {
                    ++line;
                }
                field.append(c);
            }
            continue;
        }
        if (c == u'"' && !fieldStarted) {
            inQuotes = true;
            fieldStarted = true;
            quoteLine = line;
        } else if (c == m_separator) {
            endField();
        } else if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && i + 1 < size && text.at(i + 1) == u'\n') {
                ++i;
            }
            ++line;
            endRow();
        } else {
            // Text after a closing quote ("a"b) is kept as it stands, as spreadsheets do.
            field.append(c);
            fieldStarted = true;
        }
    }
    if (inQuotes) {
        m_error = QCoreApplication::translate("CsvReader", "line %1: a quoted field is never closed").arg(quoteLine);
        m_rows.clear();
        return;
    }
    if (fieldStarted || !field.isEmpty() || !row.fields.isEmpty()) {
        endRow();
    }
}

} // namespace SyncDesk

#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace SyncDesk {

// One row of a CSV file, with the line it starts on (rows may span lines inside quotes).
struct CsvRow
{
    int line = 0;
    QStringList fields;
};

// RFC 4180 CSV as spreadsheets write it: comma or semicolon separated (detected from the header line),
// fields in double quotes may contain separators, doubled quotes and line breaks; CRLF or LF; a UTF-8
// byte order mark is skipped. Input that is not UTF-8 is read as Windows-1252, as older spreadsheets
// export it. An unterminated quote is an error naming the line it opened on.
class CsvReader final
{
public:
    explicit CsvReader(const QByteArray &data);

    bool ok() const { return m_error.isEmpty(); }
    QString errorString() const { return m_error; }
    const QList<CsvRow> &rows() const { return m_rows; }
    QChar separator() const { return m_separator; }

private:
    void parse(const QString &text);

    QList<CsvRow> m_rows;
    QString m_error;
    QChar m_separator = QLatin1Char(',');
};

} // namespace SyncDesk

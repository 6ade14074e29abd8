#include "crmcsvimporter.h"

#include "crmconfigparser.h"
#include "csvreader.h"
#include "store/crmstore.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QRegularExpression>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

// "E-mail Address" -> "e_mail_address"; a few spellings spreadsheets use are mapped to ours.
QString columnKey(const QString &header)
{
    static const QRegularExpression separators(u"[\\s\\-]+"_s);
    QString key = header.trimmed().toLower().replace(separators, u"_"_s);
    static const QHash<QString, QString> aliases{{u"e_mail"_s, u"email"_s},
                                                 {u"email_address"_s, u"email"_s},
                                                 {u"e_mail_address"_s, u"email"_s},
                                                 {u"businessunit"_s, u"business_unit"_s},
                                                 {u"full_name"_s, u"name"_s}};
    return aliases.value(key, key);
}

} // namespace

const QStringList &CrmCsvImporter::importableTypes()
{
    static const QStringList types{u"account"_s, u"contact"_s, u"lead"_s};
    return types;
}

CrmCsvImporter::Outcome CrmCsvImporter::import(Store &store, const QByteArray &data, const QString &type,
                                               bool skipInvalid)
{
    if (!importableTypes().contains(type)) {
        return CsvRejected{{QCoreApplication::translate("CrmCsvImporter", "--type must be one of %1, not \"%2\"")
                                .arg(importableTypes().join(u", "_s), type)}};
    }
    const CsvReader reader(data);
    if (!reader.ok()) {
        return CsvRejected{{reader.errorString()}};
    }
    if (reader.rows().isEmpty()) {
        return CsvRejected{{QCoreApplication::translate(
            "CrmCsvImporter", "the file is empty; it needs a header row naming the columns")}};
    }

    const QStringList allowed = CrmConfigParser::fieldsFor(type);
    const CsvRow &header = reader.rows().constFirst();
    QStringList columns;
    QStringList headerProblems;
    for (const QString &cell : header.fields) {
        const QString key = columnKey(cell);
        if (!allowed.contains(key)) {
            headerProblems.append(
                QCoreApplication::translate("CrmCsvImporter",
                                            "line %1: unknown column \"%2\" for the record type %3; expected: %4")
                    .arg(header.line)
                    .arg(cell.trimmed().left(60), type, allowed.join(u", "_s)));
        } else if (columns.contains(key)) {
            headerProblems.append(
                QCoreApplication::translate("CrmCsvImporter", "line %1: the column \"%2\" appears twice")
                    .arg(header.line)
                    .arg(key));
        }
        columns.append(key);
    }
    if (!columns.contains(u"id"_s)) {
        headerProblems.append(
            QCoreApplication::translate("CrmCsvImporter", "line %1: no \"id\" column; every %2 needs an id")
                .arg(header.line)
                .arg(type));
    }
    if (!headerProblems.isEmpty()) {
        return CsvRejected{headerProblems};
    }

    CsvImportSummary summary;
    CrmRecordList records;
    QHash<QString, int> lineOfKey;
    for (qsizetype r = 1; r < reader.rows().size(); ++r) {
        const CsvRow &row = reader.rows().at(r);
        ++summary.rows;
        QStringList problems;
        QJsonObject object;
        for (qsizetype c = 0; c < row.fields.size(); ++c) {
            if (c >= columns.size()) {
                if (!row.fields.at(c).trimmed().isEmpty()) {
                    problems.append(QCoreApplication::translate("CrmCsvImporter",
                                                                "line %1: %2 fields, but the header names %n column(s)",
                                                                nullptr, int(columns.size()))
                                        .arg(row.line)
                                        .arg(row.fields.size()));
                    break;
                }
                continue;
            }
            if (!row.fields.at(c).trimmed().isEmpty()) {
                object.insert(columns.at(c), row.fields.at(c));
            }
        }
        QList<RecordFieldIssue> issues;
        const CrmRecord record = CrmConfigParser::recordFrom(type, object, issues);
        for (const RecordFieldIssue &issue : std::as_const(issues)) {
            problems.append(QCoreApplication::translate("CrmCsvImporter", "line %1, column %2: %3")
                                .arg(row.line)
                                .arg(issue.field, issue.message));
        }
        if (problems.isEmpty() && lineOfKey.contains(record.key)) {
            problems.append(
                QCoreApplication::translate("CrmCsvImporter", "line %1, column id: \"%2\" is already on line %3")
                    .arg(row.line)
                    .arg(record.key)
                    .arg(lineOfKey.value(record.key)));
        }
        if (!problems.isEmpty()) {
            summary.problems.append(problems);
            ++summary.skipped;
            continue;
        }
        lineOfKey.insert(record.key, row.line);
        records.append(record);
    }
    if (!summary.problems.isEmpty() && !skipInvalid) {
        return CsvRejected{summary.problems, true};
    }
    auto counts = CrmStore(store).upsertRecords(records);
    if (!counts) {
        return counts.error();
    }
    summary.created = counts->created;
    summary.updated = counts->updated;
    summary.unchanged = counts->unchanged;
    return summary;
}

} // namespace SyncDesk

#include "hintcatalog.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

static void initCoreResources()
{
    Q_INIT_RESOURCE(core);
}

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

// The catalog keeps the English of hints.json; a hint is put into the user's language when it is looked up
// (scripts/update-translations.sh hands these texts to lupdate under the context "Hint").
QString translated(const QString &text)
{
    return text.isEmpty() ? text : QCoreApplication::translate("Hint", text.toUtf8().constData());
}

Hint translated(Hint hint)
{
    hint.title = translated(hint.title);
    hint.explanation = translated(hint.explanation);
    for (QString &step : hint.remedy) {
        step = translated(step);
    }
    for (QString &step : hint.consoleRemedy) {
        step = translated(step);
    }
    return hint;
}

} // namespace

const HintCatalog &HintCatalog::instance()
{
    static const HintCatalog catalog = [] {
        initCoreResources();
        QFile file(u":/syncdesk/hints/hints.json"_s);
        if (!file.open(QIODevice::ReadOnly)) {
            qFatal("hint catalog missing from the resources");
        }
        QString error;
        HintCatalog loaded = fromJson(file.readAll(), &error);
        if (!error.isEmpty()) {
            qFatal("hint catalog is malformed: %s", qPrintable(error));
        }
        return loaded;
    }();
    return catalog;
}

HintCatalog HintCatalog::fromJson(const QByteArray &json, QString *errorMessage)
{
    HintCatalog catalog;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        if (errorMessage) {
            *errorMessage = parseError.errorString();
        }
        return {};
    }
    const QJsonArray hints = document.object().value(u"hints"_s).toArray();
    for (const QJsonValue &value : hints) {
        const QJsonObject object = value.toObject();
        Hint hint;
        hint.id = object.value(u"id"_s).toString();
        hint.severity = object.value(u"severity"_s).toString(u"error"_s);
        hint.title = object.value(u"title"_s).toString();
        hint.explanation = object.value(u"explanation"_s).toString();
        for (const QJsonValue &step : object.value(u"remedy"_s).toArray()) {
            hint.remedy.append(step.toString());
        }
        for (const QJsonValue &step : object.value(u"console_remedy"_s).toArray()) {
            hint.consoleRemedy.append(step.toString());
        }
        if (hint.id.isEmpty() || hint.title.isEmpty() || catalog.m_hints.contains(hint.id)) {
            if (errorMessage) {
                *errorMessage = u"hint without id or title, or duplicate id: "_s + hint.id;
            }
            return {};
        }
        catalog.m_order.append(hint.id);
        catalog.m_hints.insert(hint.id, hint);
    }
    return catalog;
}

Hint HintCatalog::hint(const QString &id) const
{
    return translated(m_hints.value(id));
}

QList<Hint> HintCatalog::all() const
{
    QList<Hint> hints;
    hints.reserve(m_order.size());
    for (const QString &id : m_order) {
        hints.append(translated(m_hints.value(id)));
    }
    return hints;
}

QString HintCatalog::summary(const QString &id) const
{
    return translated(m_hints.value(id).title);
}

} // namespace SyncDesk

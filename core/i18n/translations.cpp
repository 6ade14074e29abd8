#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QMutex>
#include <QTranslator>

namespace SyncDesk::Translations {

using namespace Qt::StringLiterals;

namespace {

QMutex g_mutex;
bool g_installed = false;
QString g_language = u"en"_s;

// The translations built from translations/*.ts, embedded in the core.
const QString kDirectory = u":/syncdesk/i18n"_s;

QLocale chosenLocale()
{
    const QString forced = qEnvironmentVariable("SYNCDESK_LANGUAGE").trimmed();
    if (forced.isEmpty()) {
        return QLocale();
    }
    // Only the language of the texts: dates and numbers keep following the system's locale.
    return QLocale(forced);
}

} // namespace

QString install()
{
    QMutexLocker lock(&g_mutex);
    auto *app = QCoreApplication::instance();
    if (g_installed || !app) {
        return g_language;
    }
    g_installed = true;
    // English is the source language; its file holds only the plural forms ("1 mailbox", "2 mailboxes").
    auto *english = new QTranslator(app);
    if (english->load(u"syncdesk_en"_s, kDirectory)) {
        QCoreApplication::installTranslator(english);
    } else {
        delete english;
    }
    const QLocale locale = chosenLocale();
    auto *own = new QTranslator(app);
    // The most recently installed translator is asked first; what it lacks falls back to English.
    // When the first language asked for is English (the source) or C, the search below would stop at English
    // and install nothing: not searched at all (about a millisecond of every command's start). Ui languages,
    // not the locale's own language: LANGUAGE=de with LANG=en_US still asks for German first.
    const QStringList asked = locale.uiLanguages();
    const bool source = asked.isEmpty() || asked.constFirst() == u"C"_s || asked.constFirst().startsWith(u"en"_s);
    if (!source && own->load(locale, u"syncdesk"_s, u"_"_s, kDirectory) && !own->language().startsWith(u"en"_s)) {
        QCoreApplication::installTranslator(own);
        g_language = own->language();
        auto *qt = new QTranslator(app);
        if (qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QCoreApplication::installTranslator(qt);
        } else {
            delete qt;
        }
    } else {
        delete own;
    }
    return g_language;
}

QString language()
{
    QMutexLocker lock(&g_mutex);
    return g_language;
}

} // namespace SyncDesk::Translations

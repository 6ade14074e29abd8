#include "logfilter.h"

#include <QCoreApplication>

namespace SyncDesk {

using namespace Qt::StringLiterals;

LogFilter::LogFilter(LogLevel minimumLevel, const QString &mailbox, const QString &text, TextMode textMode)
    : m_minimumLevel(minimumLevel)
    , m_mailbox(mailbox.trimmed())
    , m_text(text)
    , m_textMode(textMode)
{
    if (m_text.isEmpty()) {
        return;
    }
    if (m_textMode == TextMode::Substring) {
        m_matcher = TextMatcher(m_text);
        return;
    }
    m_regex = QRegularExpression(m_text, QRegularExpression::CaseInsensitiveOption);
    if (!m_regex.isValid()) {
        m_valid = false;
        //: %1 says what is wrong with the regular expression, %2 is where (a number of characters)
        m_error = QCoreApplication::translate("LogFilter", "%1 at position %2")
                      .arg(m_regex.errorString())
                      .arg(m_regex.patternErrorOffset());
        return;
    }
    m_regex.optimize();
}

bool LogFilter::acceptsMailbox(QStringView mailbox) const
{
    return m_mailbox.isEmpty() || mailbox.compare(m_mailbox, Qt::CaseInsensitive) == 0;
}

bool LogFilter::matchesText(QStringView text) const
{
    if (!m_valid) {
        return false;
    }
    if (m_text.isEmpty()) {
        return true;
    }
    if (m_textMode == TextMode::Substring) {
        return m_matcher.matches(text);
    }
    return m_regex.match(text).hasMatch();
}

bool LogFilter::accepts(const LogRecord &record) const
{
    return m_valid && acceptsLevel(record.level) && acceptsMailbox(record.mailbox) &&
           (matchesText(record.message) ||
            (!m_text.isEmpty() && (matchesText(record.mailbox) || matchesText(record.category))));
}

} // namespace SyncDesk

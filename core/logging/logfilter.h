#pragma once

#include "logrecord.h"
#include "textmatcher.h"

#include <QRegularExpression>
#include <QString>

namespace SyncDesk {

// What an administrator looks for in the log: a minimum level, one mailbox, and a text that the
// message, the mailbox or the category contains (case-insensitive) or a regular expression that one of
// them matches. The same filter runs over the records in the console's memory and, in a background
// thread, over the records in the store, so that both give the same answer.
class LogFilter final
{
public:
    enum class TextMode { Substring, RegularExpression };

    LogFilter() = default;
    LogFilter(LogLevel minimumLevel, const QString &mailbox, const QString &text,
              TextMode textMode = TextMode::Substring);

    LogLevel minimumLevel() const { return m_minimumLevel; }
    QString mailbox() const { return m_mailbox; } // empty: every mailbox
    QString text() const { return m_text; }       // empty: any text
    TextMode textMode() const { return m_textMode; }

    // False for a regular expression that does not compile; errorString() says why. An invalid filter
    // accepts no record.
    bool isValid() const { return m_valid; }
    QString errorString() const { return m_error; }
    bool hasText() const { return !m_text.isEmpty(); }
    // Accepts every record.
    bool isEmpty() const { return m_minimumLevel == LogLevel::Debug && m_mailbox.isEmpty() && m_text.isEmpty(); }

    bool acceptsLevel(LogLevel level) const { return level >= m_minimumLevel; }
    // The mailbox filter is one address, compared case-insensitively.
    bool acceptsMailbox(QStringView mailbox) const;
    // Whether the text (or expression) occurs in this one string; true when there is no text.
    bool matchesText(QStringView text) const;
    bool accepts(const LogRecord &record) const;

    friend bool operator==(const LogFilter &a, const LogFilter &b)
    {
        return a.m_minimumLevel == b.m_minimumLevel && a.m_mailbox == b.m_mailbox && a.m_text == b.m_text &&
               a.m_textMode == b.m_textMode;
    }

private:
    LogLevel m_minimumLevel = LogLevel::Debug;
    QString m_mailbox;
    QString m_text;
    TextMode m_textMode = TextMode::Substring;
    TextMatcher m_matcher;
    QRegularExpression m_regex;
    bool m_valid = true;
    QString m_error;
};

} // namespace SyncDesk

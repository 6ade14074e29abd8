#pragma once

#include <QString>

#include <vector>

namespace SyncDesk {

// Gives each distinct string a small number, once: the log's mailboxes and categories repeat in every
// record. An open-addressing table with a cheap hash — interning runs for every record that arrives, and
// QHash's keyed hash and probing cost several times more there. Index 0 is the empty string.
class StringInterner final
{
public:
    StringInterner();

    // The number of text, adding it when new (then *added is set).
    quint32 intern(const QString &text, bool *added = nullptr);
    const QString &text(quint32 index) const { return m_strings[index]; }
    qsizetype size() const { return qsizetype(m_strings.size()); }

private:
    static quint64 hash(QStringView text);
    void grow();

    std::vector<QString> m_strings;
    std::vector<quint64> m_hashes;  // of m_strings
    std::vector<quint32> m_buckets; // index + 1; 0 = free
    quint32 m_last = 0;             // consecutive records often repeat a string
};

} // namespace SyncDesk

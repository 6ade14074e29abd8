#include "stringinterner.h"

#include <cstring>

namespace SyncDesk {

namespace {

bool same(const QString &a, const QString &b)
{
    return a.size() == b.size() && (a.constData() == b.constData() ||
                                    std::memcmp(a.constData(), b.constData(), size_t(a.size()) * sizeof(QChar)) == 0);
}

} // namespace

StringInterner::StringInterner()
    : m_strings{QString()}
    , m_hashes{hash(QStringView())}
    , m_buckets(64, 0)
{}

quint64 StringInterner::hash(QStringView text)
{
    // Eight bytes at a time, multiply and fold (not for untrusted input at scale: the table only ever
    // holds the mailboxes and categories of one store).
    const auto *bytes = reinterpret_cast<const unsigned char *>(text.data());
    const size_t length = size_t(text.size()) * sizeof(char16_t);
    quint64 h = 0x9E3779B97F4A7C15ull ^ (length * 0xff51afd7ed558ccdull);
    size_t i = 0;
    for (; i + 8 <= length; i += 8) {
        quint64 word;
        std::memcpy(&word, bytes + i, 8);
        h = (h ^ word) * 0xbf58476d1ce4e5b9ull;
        h ^= h >> 31;
    }
    if (i < length) {
        quint64 word = 0;
        std::memcpy(&word, bytes + i, length - i);
        h = (h ^ word) * 0x94d049bb133111ebull;
        h ^= h >> 29;
    }
    return h;
}

quint32 StringInterner::intern(const QString &text, bool *added)
{
    if (added) {
        *added = false;
    }
    if (text.isEmpty()) {
        return 0;
    }
    if (same(m_strings[m_last], text)) {
        return m_last;
    }
    const quint64 h = hash(text);
    const size_t mask = m_buckets.size() - 1;
    for (size_t slot = size_t(h) & mask;; slot = (slot + 1) & mask) {
        const quint32 entry = m_buckets[slot];
        if (entry == 0) {
            break;
        }
        const quint32 index = entry - 1;
        if (m_hashes[index] == h && same(m_strings[index], text)) {
            m_last = index;
            return index;
        }
    }
    const auto index = quint32(m_strings.size());
    m_strings.push_back(text);
    m_hashes.push_back(h);
    if (m_strings.size() * 2 > m_buckets.size()) {
        grow();
    } else {
        for (size_t slot = size_t(h) & mask;; slot = (slot + 1) & mask) {
            if (m_buckets[slot] == 0) {
                m_buckets[slot] = index + 1;
                break;
            }
        }
    }
    if (added) {
        *added = true;
    }
    m_last = index;
    return index;
}

void StringInterner::grow()
{
    m_buckets.assign(m_buckets.size() * 2, 0);
    const size_t mask = m_buckets.size() - 1;
    for (quint32 index = 1; index < quint32(m_strings.size()); ++index) {
        for (size_t slot = size_t(m_hashes[index]) & mask;; slot = (slot + 1) & mask) {
            if (m_buckets[slot] == 0) {
                m_buckets[slot] = index + 1;
                break;
            }
        }
    }
}

} // namespace SyncDesk

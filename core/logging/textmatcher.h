#pragma once

#include <QString>
#include <QStringView>

#include <array>

namespace SyncDesk {

// Case-insensitive substring search, built once per needle and then run over many haystacks (a log
// filter over a million records). Case-insensitive means equal after simple Unicode case folding of
// each UTF-16 code unit (QChar::toCaseFolded), as QString::contains(…, Qt::CaseInsensitive) does for the
// Basic Multilingual Plane. Candidates are found by comparing the needle's first and last characters
// with every case variant of them, eight code units at a time where SSE2 is available.
class TextMatcher final
{
public:
    TextMatcher() = default;
    explicit TextMatcher(QStringView needle);

    bool isEmpty() const { return m_needle.isEmpty(); }
    QString needle() const { return m_needle; } // case-folded
    // True when the needle occurs in haystack (always true for an empty needle).
    bool matches(QStringView haystack) const;

private:
    static constexpr int kMaxVariants = 4;
    bool matchesScalar(const char16_t *haystack, qsizetype length) const;
    bool verify(const char16_t *at) const;

    const char16_t *m_fold = nullptr; // the simple case folding of every UTF-16 code unit
    QString m_needle;                 // case-folded
    // The code units that fold to the needle's first and last characters; 0 pads unused slots.
    std::array<char16_t, kMaxVariants> m_first{};
    std::array<char16_t, kMaxVariants> m_last{};
    int m_firstCount = 0;
    int m_lastCount = 0;
    bool m_vectorizable = false;
};

} // namespace SyncDesk

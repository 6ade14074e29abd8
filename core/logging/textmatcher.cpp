#include "textmatcher.h"

#include <algorithm>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace SyncDesk {

namespace {

// Simple case folding of every UTF-16 code unit, and the same sorted by folded value so that the code
// units folding onto a character are found at once. Built once, on first use (256 KB).
struct FoldTables
{
    std::vector<char16_t> fold;
    std::vector<std::pair<char16_t, char16_t>> byFolded; // (folded, code unit)

    FoldTables()
        : fold(0x10000)
    {
        byFolded.reserve(0x10000);
        for (char32_t c = 0; c <= 0xffff; ++c) {
            const bool surrogate = c >= 0xd800 && c <= 0xdfff;
            fold[c] = surrogate ? char16_t(c) : char16_t(QChar::toCaseFolded(c));
            byFolded.emplace_back(fold[c], char16_t(c));
        }
        std::sort(byFolded.begin(), byFolded.end());
    }
};

const FoldTables &tables()
{
    static const FoldTables instance;
    return instance;
}

// Every code unit that folds to `folded`: the letter itself, its upper and title case, and the few
// others that fold onto it (U+212A KELVIN SIGN onto 'k', U+017F LONG S onto 's', …). Returns how
// many, or -1 when there are more than fit.
template <size_t N>
int variantsOf(char16_t folded, std::array<char16_t, N> &out)
{
    const auto &byFolded = tables().byFolded;
    const auto range = std::equal_range(byFolded.begin(), byFolded.end(), std::pair<char16_t, char16_t>(folded, 0),
                                        [](const auto &a, const auto &b) { return a.first < b.first; });
    if (range.second - range.first > std::ptrdiff_t(N)) {
        return -1;
    }
    int count = 0;
    for (auto it = range.first; it != range.second; ++it) {
        out[size_t(count++)] = it->second;
    }
    return count;
}

} // namespace

TextMatcher::TextMatcher(QStringView needle)
    : m_fold(tables().fold.data())
{
    m_needle.reserve(needle.size());
    for (QChar c : needle) {
        m_needle.append(QChar(m_fold[c.unicode()]));
    }
    if (m_needle.isEmpty()) {
        return;
    }
    // The candidates' first and last code units, in every case that folds onto them.
    m_firstCount = variantsOf(m_needle.front().unicode(), m_first);
    m_lastCount = variantsOf(m_needle.back().unicode(), m_last);
    m_vectorizable = m_firstCount > 0 && m_lastCount > 0;
}

bool TextMatcher::verify(const char16_t *at) const
{
    const auto *needle = reinterpret_cast<const char16_t *>(m_needle.constData());
    const qsizetype length = m_needle.size();
    for (qsizetype i = 0; i < length; ++i) {
        if (m_fold[at[i]] != needle[i]) {
            return false;
        }
    }
    return true;
}

bool TextMatcher::matchesScalar(const char16_t *haystack, qsizetype length) const
{
    const qsizetype last = length - m_needle.size();
    const char16_t first = m_needle.front().unicode();
    for (qsizetype i = 0; i <= last; ++i) {
        if (m_fold[haystack[i]] == first && verify(haystack + i)) {
            return true;
        }
    }
    return false;
}

bool TextMatcher::matches(QStringView haystack) const
{
    const qsizetype needleLength = m_needle.size();
    if (needleLength == 0) {
        return true;
    }
    const qsizetype length = haystack.size();
    if (length < needleLength) {
        return false;
    }
    const auto *data = reinterpret_cast<const char16_t *>(haystack.data());
#if defined(__SSE2__)
    if (m_vectorizable) {
        // Compare eight positions at once: the first character at i and the last at i + needleLength - 1
        // (the "generic SIMD" substring search), then verify the few candidates in full.
        const qsizetype lastOffset = needleLength - 1;
        const qsizetype end = length - needleLength + 1; // candidate starts are [0, end)
        __m128i first[kMaxVariants];
        __m128i lastChar[kMaxVariants];
        for (int v = 0; v < kMaxVariants; ++v) {
            first[v] = _mm_set1_epi16(short(m_first[size_t(v < m_firstCount ? v : 0)]));
            lastChar[v] = _mm_set1_epi16(short(m_last[size_t(v < m_lastCount ? v : 0)]));
        }
        qsizetype i = 0;
        for (; i + 8 <= end; i += 8) {
            const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i *>(data + i));
            const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i *>(data + i + lastOffset));
            __m128i hitA = _mm_cmpeq_epi16(a, first[0]);
            __m128i hitB = _mm_cmpeq_epi16(b, lastChar[0]);
            for (int v = 1; v < m_firstCount; ++v) {
                hitA = _mm_or_si128(hitA, _mm_cmpeq_epi16(a, first[v]));
            }
            for (int v = 1; v < m_lastCount; ++v) {
                hitB = _mm_or_si128(hitB, _mm_cmpeq_epi16(b, lastChar[v]));
            }
            unsigned mask = unsigned(_mm_movemask_epi8(_mm_and_si128(hitA, hitB)));
            while (mask != 0) {
                const int bit = __builtin_ctz(mask);
                if (verify(data + i + bit / 2)) {
                    return true;
                }
                mask &= ~(3u << bit);
            }
        }
        return i < end && matchesScalar(data + i, length - i);
    }
#endif
    return matchesScalar(data, length);
}

} // namespace SyncDesk

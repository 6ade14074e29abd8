#include "engineshares.h"

#include <algorithm>

namespace SyncDesk {

namespace {

// FNV-1a over the id's UTF-8 bytes, then mixed: the same on every machine and Qt version (qHash is seeded).
quint64 keyOf(const QString &engine)
{
    quint64 hash = 0xcbf29ce484222325ULL;
    for (const char byte : engine.toUtf8()) {
        hash ^= quint8(byte);
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

// SplitMix64's finaliser: every bit of the input changes about half the bits of the output.
quint64 mix(quint64 value)
{
    value ^= value >> 30;
    value *= 0xbf58476d1ce4e5b9ULL;
    value ^= value >> 27;
    value *= 0x94d049bb133111ebULL;
    value ^= value >> 31;
    return value;
}

} // namespace

void EngineShares::setEngines(const QStringList &engines, const QString &self)
{
    m_engines = engines;
    if (!self.isEmpty() && !m_engines.contains(self)) {
        m_engines.append(self);
    }
    m_engines.removeDuplicates();
    std::sort(m_engines.begin(), m_engines.end());
    m_keys.clear();
    for (const QString &engine : std::as_const(m_engines)) {
        m_keys.append(keyOf(engine));
    }
    m_self = m_engines.indexOf(self);
}

qsizetype EngineShares::homeIndex(qint64 mailboxId) const
{
    qsizetype best = -1;
    quint64 bestWeight = 0;
    const quint64 mailbox = mix(quint64(mailboxId));
    for (qsizetype i = 0; i < m_keys.size(); ++i) {
        const quint64 weight = mix(m_keys.at(i) ^ mailbox);
        if (best < 0 || weight > bestWeight) {
            best = i;
            bestWeight = weight;
        }
    }
    return best;
}

bool EngineShares::isHome(qint64 mailboxId) const
{
    return m_engines.size() <= 1 || homeIndex(mailboxId) == m_self;
}

QString EngineShares::homeOf(qint64 mailboxId) const
{
    const qsizetype index = homeIndex(mailboxId);
    return index < 0 ? QString() : m_engines.at(index);
}

} // namespace SyncDesk

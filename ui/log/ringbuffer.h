#pragma once

#include <QtGlobal>

#include <bit>
#include <utility>
#include <vector>

namespace SyncDesk {

// A double-ended queue in one contiguous, power-of-two sized array: constant-time access by position
// (a mask, not a division), push and pop at both ends. Grows by doubling; never shrinks until clear().
template <typename T>
class RingBuffer
{
public:
    qsizetype size() const { return m_size; }
    bool empty() const { return m_size == 0; }

    const T &operator[](qsizetype i) const { return m_slots[size_t((m_head + i) & m_mask)]; }
    T &operator[](qsizetype i) { return m_slots[size_t((m_head + i) & m_mask)]; }
    const T &front() const { return (*this)[0]; }
    const T &back() const { return (*this)[m_size - 1]; }

    void push_back(T value)
    {
        reserveOneMore();
        m_slots[size_t((m_head + m_size) & m_mask)] = std::move(value);
        ++m_size;
    }
    void push_front(T value)
    {
        reserveOneMore();
        m_head = (m_head - 1) & m_mask;
        m_slots[size_t(m_head)] = std::move(value);
        ++m_size;
    }
    void pop_front(qsizetype count = 1)
    {
        for (qsizetype i = 0; i < count; ++i) {
            m_slots[size_t(m_head)] = T(); // releases what the slot held
            m_head = (m_head + 1) & m_mask;
        }
        m_size -= count;
    }
    void pop_back(qsizetype count = 1)
    {
        for (qsizetype i = 0; i < count; ++i) {
            --m_size;
            m_slots[size_t((m_head + m_size) & m_mask)] = T();
        }
    }
    void clear()
    {
        m_slots.clear();
        m_slots.shrink_to_fit();
        m_head = 0;
        m_size = 0;
        m_mask = -1;
    }

private:
    void reserveOneMore()
    {
        if (m_size < qsizetype(m_slots.size())) {
            return;
        }
        const size_t grown = std::bit_ceil(std::max<size_t>(64, m_slots.size() * 2));
        std::vector<T> grownSlots(grown);
        for (qsizetype i = 0; i < m_size; ++i) {
            grownSlots[size_t(i)] = std::move((*this)[i]);
        }
        m_slots = std::move(grownSlots);
        m_head = 0;
        m_mask = qsizetype(grown) - 1;
    }

    std::vector<T> m_slots;
    qsizetype m_head = 0;
    qsizetype m_size = 0;
    qsizetype m_mask = -1;
};

} // namespace SyncDesk

#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace SyncDesk {

// The Prometheus text exposition format (version 0.0.4): a family's HELP and TYPE once, then its samples.
// Label values are escaped (backslash, double quote, line feed); numbers are written so that integers stay
// integers and the rest round-trip.
class PromText final
{
public:
    using Labels = QList<QPair<QString, QString>>;

    void family(const char *name, const char *type, const char *help);
    void sample(const char *name, const Labels &labels, double value);
    void sample(const char *name, double value) { sample(name, {}, value); }
    // The families of a histogram: _bucket for each bound (cumulative counts) and +Inf, _sum and _count.
    void histogram(const char *name, const Labels &labels, const QList<QPair<double, quint64>> &buckets, double sum,
                   quint64 count);

    const QByteArray &text() const { return m_text; }

    static QByteArray number(double value);
    static QByteArray escaped(const QString &labelValue);

private:
    QByteArray m_text;
};

} // namespace SyncDesk

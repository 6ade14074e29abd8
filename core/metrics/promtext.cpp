#include "promtext.h"

#include <QLocale>
#include <QString>

#include <cmath>

namespace SyncDesk {

void PromText::family(const char *name, const char *type, const char *help)
{
    m_text += "# HELP ";
    m_text += name;
    m_text += ' ';
    for (const char *c = help; *c; ++c) {
        if (*c == '\\') {
            m_text += "\\\\";
        } else if (*c == '\n') {
            m_text += "\\n";
        } else {
            m_text += *c;
        }
    }
    m_text += "\n# TYPE ";
    m_text += name;
    m_text += ' ';
    m_text += type;
    m_text += '\n';
}

QByteArray PromText::escaped(const QString &labelValue)
{
    QByteArray out;
    const QByteArray utf8 = labelValue.toUtf8();
    out.reserve(utf8.size());
    for (const char c : utf8) {
        switch (c) {
        case '\\':
            out += "\\\\";
            break;
        case '"':
            out += "\\\"";
            break;
        case '\n':
            out += "\\n";
            break;
        default:
            out += c;
        }
    }
    return out;
}

QByteArray PromText::number(double value)
{
    if (std::isnan(value)) {
        return "NaN";
    }
    if (std::isinf(value)) {
        return value > 0 ? "+Inf" : "-Inf";
    }
    if (value == std::floor(value) && std::fabs(value) < 1e15) {
        return QByteArray::number(qint64(value));
    }
    return QString::number(value, 'g', QLocale::FloatingPointShortest).toLatin1();
}

void PromText::sample(const char *name, const Labels &labels, double value)
{
    m_text += name;
    if (!labels.isEmpty()) {
        m_text += '{';
        bool first = true;
        for (const auto &[key, text] : labels) {
            if (!first) {
                m_text += ',';
            }
            first = false;
            m_text += key.toLatin1();
            m_text += "=\"";
            m_text += escaped(text);
            m_text += '"';
        }
        m_text += '}';
    }
    m_text += ' ';
    m_text += number(value);
    m_text += '\n';
}

void PromText::histogram(const char *name, const Labels &labels, const QList<QPair<double, quint64>> &buckets,
                         double sum, quint64 count)
{
    const QByteArray base(name);
    const QByteArray bucketName = base + "_bucket";
    for (const auto &[bound, cumulative] : buckets) {
        Labels withBound = labels;
        withBound.append({QStringLiteral("le"), QString::fromLatin1(number(bound))});
        sample(bucketName.constData(), withBound, double(cumulative));
    }
    Labels infinite = labels;
    infinite.append({QStringLiteral("le"), QStringLiteral("+Inf")});
    sample(bucketName.constData(), infinite, double(count));
    sample(QByteArray(base + "_sum").constData(), labels, sum);
    sample(QByteArray(base + "_count").constData(), labels, double(count));
}

} // namespace SyncDesk

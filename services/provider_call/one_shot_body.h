#pragma once

#include <QByteArray>
#include <QIODevice>

namespace mp {

// A request body that can be read once and never rewound. ProviderCall gives it to
// QNetworkAccessManager for a call that is not safe to repeat (with
// DoNotBufferUploadDataAttribute), because QNetworkAccessManager silently sends a request again
// when the connection closes after the request went out and before any answer; a body it
// cannot rewind makes that resend fail instead (ContentReSendError), so a create is never sent
// twice, and the caller looks at the provider before deciding anything.
class OneShotBody : public QIODevice {
public:
    explicit OneShotBody(QByteArray data, QObject *parent = nullptr)
        : QIODevice(parent), m_data(std::move(data))
    {
        open(QIODevice::ReadOnly);
    }

    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    qint64 bytesAvailable() const override { return m_data.size() - m_pos + QIODevice::bytesAvailable(); }
    bool atEnd() const override { return m_pos >= m_data.size() && QIODevice::atEnd(); }

protected:
    qint64 readData(char *out, qint64 max) override
    {
        const qint64 n = qMin(max, qint64(m_data.size()) - m_pos);
        if (n <= 0)
            return m_pos >= m_data.size() ? -1 : 0;
        memcpy(out, m_data.constData() + m_pos, size_t(n));
        m_pos += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_pos = 0;
};

} // namespace mp

#include "cloudpods/root_passwords.h"

#include <QRandomGenerator>

namespace mp::cloudpods {

QString RootPasswords::generate()
{
    static const QString alphabet =
        QStringLiteral("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789");
    QString out;
    out.reserve(20);
    for (int i = 0; i < 20; ++i)
        out += alphabet.at(int(QRandomGenerator::system()->bounded(quint32(alphabet.size()))));
    return out;
}

} // namespace mp::cloudpods

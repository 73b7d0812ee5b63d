#include "sign_in_request.h"

namespace mp {

QString SignInRequest::keychainKey() const
{
    if (embedded)
        return QStringLiteral("%1@embedded").arg(login);
    return QStringLiteral("%1@%2:%3/%4").arg(login, host).arg(port).arg(database);
}

} // namespace mp

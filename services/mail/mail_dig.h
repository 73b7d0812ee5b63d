#pragma once

#include "core/result.h"

#include <QString>
#include <QStringList>

namespace mp::mail {

// Asks one authoritative server (`address`: "host", "host:port" or "[v6]:port") for `name`'s
// records of `type`, without recursion, through dig (bind9-dnsutils). TXT answers come back as
// their text (quotes gone, the strings of a long record joined); others as dig prints them.
// An error when the server does not answer within two seconds.
Result<QStringList> digAnswers(const QString &address, const QString &name, const QString &type);

} // namespace mp::mail

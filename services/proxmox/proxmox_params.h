#pragma once

#include "core/result.h"
#include "provider_call/form_pairs.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace mp::proxmox {

// Request parameters in the order added. GET and DELETE send them in the query string, POST
// as an application/x-www-form-urlencoded body (a body on DELETE is refused with 501,
// proxmox.md section 1).
//
// Encoded with everything but RFC 3986 unreserved characters percent-encoded (so a '+' in a
// password or key stays a '+', and ';' in tags survives); decoded with '+' or %20 for a space.
class Params : public FormPairs {
public:
    // Booleans must be exactly 1 or 0 in form and query encoding: `true` fails with 400
    // "type check ('boolean') failed - got 'true'" (proxmox.md section 1).
    void addBool(const QString &key, bool value)
    {
        add(key, value ? QStringLiteral("1") : QStringLiteral("0"));
    }
    void addIfSet(const QString &key, const QString &value)
    {
        if (!value.isEmpty())
            add(key, value);
    }

    static Params decode(const QByteArray &encoded);
};

// Tags (format pve-tag-list): Proxmox splits the list at ';', ',' or spaces and stores it
// joined with ';' (proxmox.md section 3: `tags` (`a;b`)). A tag is [a-z0-9_][a-z0-9_+.-]*
// (letters in any case).
bool isValidTag(const QString &tag);
Result<QString> joinTags(const QStringList &tags);
QStringList splitTags(const QString &tags);

} // namespace mp::proxmox

#pragma once

#include <QString>

namespace mp::notifications {

// Who sends: the tenant's name and postal address, shown at the foot of every mail.
struct SenderFooter {
    QString name;
    QString address; // several lines
    QString email;
};

// Frames a rendered template: the HTML body in a minimal document, and both bodies with the
// tenant's name and address at the foot.
class MailLayout {
public:
    static QString text(const QString &body, const SenderFooter &footer);
    static QString html(const QString &body, const QString &subject, const QString &language,
                        const SenderFooter &footer);
};

} // namespace mp::notifications

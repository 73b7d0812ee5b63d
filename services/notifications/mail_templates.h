#pragma once

#include "core/result.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace mp::notifications {

struct RenderedTemplate {
    QString subject;
    QString text;
    QString html; // the body only; MailLayout frames it
};

// The mail templates: resources/notifications/<language>/<template>.txt ("Subject: ..." line,
// a blank line, the text) and <template>.html (the HTML body), compiled into the library.
// Placeholders are {{name}}; values are escaped for HTML there, and a value's line breaks become
// <br> in HTML. A placeholder without a value renders empty.
class MailTemplates {
public:
    static QStringList languages(); // "en" first: the fallback
    static QStringList names();     // every template the English set has
    // English when `language` has no translation of `name`; mail_template_missing when English has
    // none either.
    static Result<RenderedTemplate> render(const QString &name, const QString &language,
                                           const QHash<QString, QString> &values);
};

} // namespace mp::notifications

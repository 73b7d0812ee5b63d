#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

namespace mp {

// One XML element of a Namesilo reply: its attributes, its text and its children in order.
// Namesilo repeats an element for each item of a list (<domain>, <nameserver>), so a list is
// every child of that name, however many there are (none, one or several).
struct NamesiloElement {
    QString name;
    QHash<QString, QString> attributes;
    QString text;
    QList<NamesiloElement> children;

    const NamesiloElement *child(const QString &name) const; // the first of that name, or null
    QList<const NamesiloElement *> all(const QString &name) const;
    QString childText(const QString &name) const; // trimmed; empty when absent
    QString attribute(const QString &name) const { return attributes.value(name); }
};

// <namesilo><request><operation/>...</request><reply><code/><detail/>...</reply></namesilo>.
struct NamesiloReply {
    QString operation;
    int code = 0;
    QString detail;
    NamesiloElement reply; // the whole <reply> element

    // 300, 301 and 302 are successes (301/302 partial: Namesilo used its own name servers or
    // the account's default contact).
    bool succeeded() const { return code == 300 || code == 301 || code == 302; }
    // What to show for it: the detail, and the message when Namesilo gave one.
    QString words() const;

    // Parses a reply body; namesilo_invalid_response when it is not the envelope.
    static Result<NamesiloReply> parse(const QByteArray &body);
};

// Namesilo's codes worth asking again for: 115 registry not responding, 201 internal error,
// 400 an earlier request still being processed.
bool namesiloCodeIsTransient(int code);

} // namespace mp

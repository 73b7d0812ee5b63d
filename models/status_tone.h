#pragma once

#include <QColor>
#include <QStringView>
#include <QVariant>

namespace mp {

// One colour per kind of state, the same in every table: good (paid, active, succeeded,
// completed), waiting (unpaid, pending, queued, draft, provisioning), trouble (overdue,
// past due, failed, error, disputed, held) and ended (refunded, cancelled, suspended,
// terminated). The colour only repeats what the status text says, for a quicker read; the
// text is always there.
enum class StatusTone { Good, Waiting, Trouble, Ended, Neutral };

StatusTone statusTone(QStringView status);
// A foreground colour for `tone` that reads on the default light and dark palettes.
QColor statusColor(StatusTone tone);
// What a model answers for Qt::ForegroundRole on a status cell (nothing for Neutral).
QVariant statusForeground(QStringView status);

} // namespace mp

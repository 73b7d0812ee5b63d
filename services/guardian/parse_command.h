#pragma once

#include <QString>

namespace mp::guardian {

// `mpanel-service guardian parse --format FORMAT FILE`: one JSON line per event on stdout, so a
// person can check a log by hand. Needs no database. Returns the exit code.
int runParseCommand(const QString &format, const QString &file);

} // namespace mp::guardian

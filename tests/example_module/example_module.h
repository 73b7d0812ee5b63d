#pragma once

#include "module/module.h"

namespace mp::example {

// A tiny module that proves a new module plugs in at one place (docs/adding-a-module.md). It
// sells "widget" products: paying for one queues its example.widget job, which "builds" it;
// suspending, unsuspending and terminating queue the same job with another action. Staff see
// each widget subscription with its last job at GET /api/example/widgets. Nothing outside
// tests/example_module/ knows it exists, apart from the one line that adds it.
Module exampleModule();

inline QString widgetProductType()
{
    return QStringLiteral("widget");
}
inline QString widgetJobKind()
{
    return QStringLiteral("example.widget");
}

} // namespace mp::example

#pragma once

#include "module/module.h"

namespace mp::providers {

class ProvidersModule final : public Module {
public:
    QString name() const override { return QStringLiteral("providers"); }
    QStringList dependencies() const override;
    void declare(ModuleContext &module) const override;
};

} // namespace mp::providers

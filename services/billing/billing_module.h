#pragma once

#include "module/module.h"

namespace mp::billing {

class BillingModule final : public Module {
public:
    QString name() const override { return QStringLiteral("billing"); }
    QStringList dependencies() const override;
    void declare(ModuleContext &module) const override;
};

} // namespace mp::billing

#pragma once

#include "module/module.h"

namespace mp::customers {

class CustomersModule final : public Module {
public:
    QString name() const override { return QStringLiteral("customers"); }
    QStringList dependencies() const override;
    void declare(ModuleContext &module) const override;
};

} // namespace mp::customers

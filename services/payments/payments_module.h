#pragma once

#include "module/module.h"

namespace mp::payments {

class PaymentsModule final : public Module {
public:
    QString name() const override { return QStringLiteral("payments"); }
    QStringList dependencies() const override;
    void declare(ModuleContext &module) const override;
};

} // namespace mp::payments

#pragma once

#include "module/module.h"

namespace mp::subscriptions {

class SubscriptionsModule final : public Module {
public:
    QString name() const override { return QStringLiteral("subscriptions"); }
    QStringList dependencies() const override;
    void declare(ModuleContext &module) const override;
};

} // namespace mp::subscriptions

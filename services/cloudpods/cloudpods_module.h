#pragma once

#include "module/module.h"

namespace mp::cloudpods {

class CloudPodsModule final : public Module {
public:
    QString name() const override { return QStringLiteral("cloudpods"); }
    QStringList dependencies() const override;
    void declare(ModuleContext &module) const override;
};

} // namespace mp::cloudpods

#pragma once

#include "module/module.h"

namespace mp::catalog {

class CatalogModule final : public Module {
public:
    QString name() const override { return QStringLiteral("catalog"); }
    QStringList dependencies() const override;
    void declare(ModuleContext &module) const override;
};

} // namespace mp::catalog

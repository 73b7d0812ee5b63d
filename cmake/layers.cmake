# Which folders of services/ each folder may include, checked by check_layers.cmake (CTest
# tst_layers). Lower layers come first and never name a module; a module names the layers and
# the modules it builds on (the same ones its Module::dependencies() lists). A new folder must
# be added here before it builds: that is where its place among the layers is decided.
#
# `module/` is the module interface: the registry every module declares itself to, and the
# product types with their provisioners. Billing reads the declared product types from it
# (checkout asks a type for its pricing and host-name rule); jobs reach it only from a
# declaration file (*_module.cpp/.h), like every module.
set(MPANEL_LAYER_LOWER core money db tenancy http api jobs billing)

set(MPANEL_LAYER_core "")
set(MPANEL_LAYER_money core)
set(MPANEL_LAYER_db core)
set(MPANEL_LAYER_tenancy core db)
set(MPANEL_LAYER_http core db tenancy)
set(MPANEL_LAYER_api core http)
set(MPANEL_LAYER_jobs core db tenancy http api)
set(MPANEL_LAYER_billing core money db tenancy http api jobs module)
set(MPANEL_LAYER_module core db tenancy http api jobs billing)
set(MPANEL_LAYER_console_session core db tenancy)

# Provider clients: wire protocol only, on the one REST-call base, below the modules that use them.
set(MPANEL_LAYER_provider_call core)
set(MPANEL_LAYER_proxmox core provider_call)
set(MPANEL_LAYER_stripe core provider_call)
set(MPANEL_LAYER_powerdns core provider_call)
set(MPANEL_LAYER_namesilo core provider_call)
set(MPANEL_LAYER_acme core provider_call)

# Modules.
set(MPANEL_LAYER_catalog core money db tenancy http api module)
set(MPANEL_LAYER_customers core money db tenancy http api module)
set(MPANEL_LAYER_payments core money db tenancy http api jobs billing module stripe provider_call)
set(MPANEL_LAYER_subscriptions core money db tenancy http api jobs billing module)
set(MPANEL_LAYER_cloudpods core money db tenancy http api jobs module catalog proxmox)
set(MPANEL_LAYER_providers core db tenancy http api module)
set(MPANEL_LAYER_dns core db tenancy http api jobs module provider_call powerdns)
set(MPANEL_LAYER_notifications core money db tenancy http api jobs billing module)
set(MPANEL_LAYER_domains core money db tenancy http api jobs billing module subscriptions dns powerdns provider_call namesilo)
set(MPANEL_LAYER_monitoring core db tenancy http api jobs module)
set(MPANEL_LAYER_ssl core db tenancy http api jobs module provider_call acme dns powerdns)
set(MPANEL_LAYER_mail core db tenancy http api jobs module dns)
set(MPANEL_LAYER_guardian core db tenancy http api jobs module)

# The console Dashboard's read-only figures across billing, subscriptions, pods and jobs: SQL only.
set(MPANEL_LAYER_dashboard core db tenancy)

set(MPANEL_LAYER_portal core db tenancy http api module)

# The companion service's wiring: lists the modules, so it may name every folder.
set(MPANEL_LAYER_service ALL)

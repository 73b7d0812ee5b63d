#pragma once

#include <QString>

#include <optional>

namespace mp {

// What a staff member or API token may do within its tenant. Matches the `staff_role` enum.
enum class StaffRole { Owner, Admin, Billing, Support, ReadOnly };

std::optional<StaffRole> staffRoleFromString(QStringView text); // accepts "read_only" and "read-only"
QString toString(StaffRole role);                               // the database spelling
bool canWrite(StaffRole role);

} // namespace mp

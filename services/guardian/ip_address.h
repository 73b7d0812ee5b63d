#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mp::guardian {

// Canonical text of an IPv4 or IPv6 address (IPv4-mapped IPv6 as IPv4, IPv6 compressed), or
// nothing when `text` is not an address. Brackets and a zone (`%eth0`) are taken off.
std::optional<std::string> canonicalAddress(std::string_view text);
bool isIpv6(std::string_view canonical);
// What analyzers group by: an IPv4 address itself, an IPv6 address's /64 ("2001:db8:1:2::/64"),
// since one IPv6 host usually holds a whole /64.
std::string groupingKey(std::string_view canonical);
// Whether `address` (canonical) is inside `cidr` ("10.0.0.0/8", "2001:db8::/32" or a single address).
bool cidrContains(std::string_view cidr, std::string_view address);
// `text` as a CIDR with its host bits cleared, or nothing when it is not one.
std::optional<std::string> canonicalCidr(std::string_view text);

} // namespace mp::guardian

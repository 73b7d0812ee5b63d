#include "guardian/ip_address.h"

#include <arpa/inet.h>

#include <array>
#include <charconv>
#include <cstring>

namespace mp::guardian {

namespace {

struct Parsed {
    int family = 0; // AF_INET or AF_INET6
    std::array<unsigned char, 16> bytes{};
};

std::optional<Parsed> parse(std::string_view text)
{
    if (text.size() >= 2 && text.front() == '[' && text.back() == ']')
        text = text.substr(1, text.size() - 2);
    if (const auto zone = text.find('%'); zone != std::string_view::npos)
        text = text.substr(0, zone);
    if (text.empty() || text.size() > 45)
        return std::nullopt;
    char buffer[46];
    std::memcpy(buffer, text.data(), text.size());
    buffer[text.size()] = '\0';
    Parsed p;
    if (text.find(':') == std::string_view::npos) {
        if (inet_pton(AF_INET, buffer, p.bytes.data()) != 1)
            return std::nullopt;
        p.family = AF_INET;
        return p;
    }
    if (inet_pton(AF_INET6, buffer, p.bytes.data()) != 1)
        return std::nullopt;
    static constexpr unsigned char mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    if (std::memcmp(p.bytes.data(), mapped, 12) == 0) {
        std::memmove(p.bytes.data(), p.bytes.data() + 12, 4);
        p.family = AF_INET;
        return p;
    }
    p.family = AF_INET6;
    return p;
}

std::string format(const Parsed &p)
{
    char buffer[INET6_ADDRSTRLEN];
    inet_ntop(p.family, p.bytes.data(), buffer, sizeof buffer);
    return std::string(buffer);
}

void clearHostBits(Parsed &p, int prefix)
{
    const int total = p.family == AF_INET ? 32 : 128;
    for (int bit = prefix; bit < total; ++bit)
        p.bytes[static_cast<std::size_t>(bit / 8)] &= static_cast<unsigned char>(~(0x80 >> (bit % 8)));
}

struct Cidr {
    Parsed net;
    int prefix = 0;
};

std::optional<Cidr> parseCidr(std::string_view text)
{
    const auto slash = text.find('/');
    auto net = parse(text.substr(0, slash));
    if (!net)
        return std::nullopt;
    const int total = net->family == AF_INET ? 32 : 128;
    int prefix = total;
    if (slash != std::string_view::npos) {
        const std::string_view digits = text.substr(slash + 1);
        const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), prefix);
        if (ec != std::errc() || end != digits.data() + digits.size() || prefix < 0 || prefix > total)
            return std::nullopt;
    }
    clearHostBits(*net, prefix);
    return Cidr{*net, prefix};
}

} // namespace

std::optional<std::string> canonicalAddress(std::string_view text)
{
    auto p = parse(text);
    if (!p)
        return std::nullopt;
    return format(*p);
}

bool isIpv6(std::string_view canonical)
{
    return canonical.find(':') != std::string_view::npos;
}

std::string groupingKey(std::string_view canonical)
{
    if (!isIpv6(canonical))
        return std::string(canonical);
    auto p = parse(canonical);
    if (!p)
        return std::string(canonical);
    clearHostBits(*p, 64);
    return format(*p) + "/64";
}

bool cidrContains(std::string_view cidr, std::string_view address)
{
    auto net = parseCidr(cidr);
    auto addr = parse(address.substr(0, address.find('/')));
    if (!net || !addr || net->net.family != addr->family)
        return false;
    clearHostBits(*addr, net->prefix);
    return addr->bytes == net->net.bytes;
}

std::optional<std::string> canonicalCidr(std::string_view text)
{
    auto c = parseCidr(text);
    if (!c)
        return std::nullopt;
    const int total = c->net.family == AF_INET ? 32 : 128;
    std::string out = format(c->net);
    if (c->prefix != total)
        out += '/' + std::to_string(c->prefix);
    return out;
}

} // namespace mp::guardian

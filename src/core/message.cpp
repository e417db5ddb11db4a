#include "core/message.h"

#include "core/format.h"

namespace rc {
namespace {

std::string words(const MessageArg& a) {
    switch (a.kind) {
        case MessageArg::Kind::Plain: return a.text;
        case MessageArg::Kind::Integer: return format::integer(a.number);
        case MessageArg::Kind::Date: return format::date(a.text);
        case MessageArg::Kind::Plan: return planLabel(a.text);
        case MessageArg::Kind::Roles: {
            std::vector<std::string> codes;
            for (std::size_t at = 0; at <= a.text.size();) {
                std::size_t comma = a.text.find(',', at);
                if (comma == std::string::npos) comma = a.text.size();
                if (comma > at) codes.push_back(a.text.substr(at, comma - at));
                at = comma + 1;
            }
            return rolesSentence(codes);
        }
        case MessageArg::Kind::Error: {
            if (!a.error) return {};
            std::string why = describeError(*a.error);
            // Without the server's own words, the status at least tells support what happened.
            if (a.withStatus && a.error->message.empty() && a.error->status > 0)
                why += " (HTTP " + std::to_string(a.error->status) + ")";
            return why;
        }
    }
    return a.text;
}

}  // namespace

std::string sentence(const Message& m) {
    std::string a = m.args.size() > 0 ? words(m.args[0]) : std::string();
    std::string b = m.args.size() > 1 ? words(m.args[1]) : std::string();
    std::string c = m.args.size() > 2 ? words(m.args[2]) : std::string();
    return format::fill(tr(m.text), a, b, c);
}

}  // namespace rc

// UTF-8 to code points and back; malformed bytes become U+FFFD, never an error.
#pragma once
#include <string>
#include <string_view>

namespace rc::utf8 {

std::u32string decode(std::string_view text);
std::string encode(std::u32string_view codePoints);

}  // namespace rc::utf8

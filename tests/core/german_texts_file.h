// The German texts' file the build wrote (texts-de.bin, src/toolchain/texts_table.py), for the
// tests that read it (GERMAN_TEXTS_BIN is its path, from CMakeLists.txt).
#pragma once
#include <doctest/doctest.h>

#include <cstdio>
#include <string>

namespace rc::test {

inline std::string germanTextsFile() {
    std::string out;
    std::FILE* f = std::fopen(GERMAN_TEXTS_BIN, "rb");
    REQUIRE(f);
    char buf[8192];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) out.append(buf, n);
    std::fclose(f);
    return out;
}

}  // namespace rc::test

// The fuzz targets: each feeds one input to a piece of src/core that reads outside input and
// checks what must hold for every input. The libFuzzer entry points (fuzz_main.cpp) and the
// regression suite (tests/core/test_fuzz_regressions.cpp) run the same code.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace rc::fuzz {

struct Outcome {
    std::string problem;    // "" when every property held, else what broke
    bool accepted = false;  // decoders: the body decoded into a value (not an error)
};

struct Target {
    const char* name;
    Outcome (*run)(const std::uint8_t* data, std::size_t size);
    bool json;            // the input is a JSON body: use the structure-aware mutator and the API dictionary
    const char* summary;  // what the target covers, for the run script and README
};

const std::vector<Target>& targets();
const Target* findTarget(const std::string& name);

}  // namespace rc::fuzz

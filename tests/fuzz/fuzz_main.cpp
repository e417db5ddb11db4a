// libFuzzer's entry points for one target of targets.cpp, chosen when building (RC_FUZZ_TARGET).
#include <cstdio>
#include <cstdlib>

#include "json_mutator.h"
#include "targets.h"

extern "C" std::size_t LLVMFuzzerMutate(std::uint8_t* data, std::size_t size, std::size_t maxSize);

namespace {

const rc::fuzz::Target& target() {
    static const rc::fuzz::Target* t = rc::fuzz::findTarget(RC_FUZZ_TARGET);
    if (!t) {
        std::fprintf(stderr, "no fuzz target called %s\n", RC_FUZZ_TARGET);
        std::abort();
    }
    return *t;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    rc::fuzz::Outcome outcome = target().run(data, size);
    if (!outcome.problem.empty()) {
        // A broken property is a finding like a crash: libFuzzer keeps the input.
        std::fprintf(stderr, "==PROPERTY== %s: %s\n", target().name, outcome.problem.c_str());
        std::abort();
    }
    return 0;
}

extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t* data, std::size_t size, std::size_t maxSize, unsigned seed) {
    if (!target().json) return LLVMFuzzerMutate(data, size, maxSize);
    return rc::fuzz::mutateJson(data, size, maxSize, seed, LLVMFuzzerMutate);
}

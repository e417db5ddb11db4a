// The console's verdicts on the validation target's inputs, one line per file named on stdin
// ("1" passed, "0" refused), for run.py to hold against the server's rules.
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

#include "core/validation.h"

int main() {
    std::string path;
    while (std::getline(std::cin, path)) {
        std::ifstream file(path, std::ios::binary);
        std::string input((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
        if (input.empty()) {
            std::cout << "-\n";
            continue;
        }
        // The same layout as the validation target: a head byte picks the field.
        std::string value = input.substr(1);
        std::optional<std::string> problem;
        switch (static_cast<unsigned char>(input[0]) & 3) {
            case 1: problem = rc::validate::email(value); break;
            case 2: problem = rc::validate::googleDomain(value); break;
            default: problem = rc::validate::name(value); break;
        }
        std::cout << (problem ? "0" : "1") << "\n";
    }
    return 0;
}

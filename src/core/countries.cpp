#include "core/countries.h"

#include "core/i18n.h"

namespace rc {
namespace {

struct Country {
    const char* code;
    const char* english;
    const char* german;
};

// Sorted by code.
constexpr Country kCountries[] = {
    {"AE", "United Arab Emirates", "Vereinigte Arabische Emirate"},
    {"AT", "Austria", "Österreich"},
    {"BE", "Belgium", "Belgien"},
    {"BG", "Bulgaria", "Bulgarien"},
    {"CH", "Switzerland", "Schweiz"},
    {"CN", "China", "China"},
    {"CY", "Cyprus", "Zypern"},
    {"CZ", "Czechia", "Tschechien"},
    {"DE", "Germany", "Deutschland"},
    {"DK", "Denmark", "Dänemark"},
    {"EE", "Estonia", "Estland"},
    {"ES", "Spain", "Spanien"},
    {"FI", "Finland", "Finnland"},
    {"FR", "France", "Frankreich"},
    {"GB", "United Kingdom", "Vereinigtes Königreich"},
    {"GR", "Greece", "Griechenland"},
    {"HR", "Croatia", "Kroatien"},
    {"HU", "Hungary", "Ungarn"},
    {"IE", "Ireland", "Irland"},
    {"IT", "Italy", "Italien"},
    {"JP", "Japan", "Japan"},
    {"LI", "Liechtenstein", "Liechtenstein"},
    {"LT", "Lithuania", "Litauen"},
    {"LU", "Luxembourg", "Luxemburg"},
    {"LV", "Latvia", "Lettland"},
    {"MT", "Malta", "Malta"},
    {"NL", "Netherlands", "Niederlande"},
    {"NO", "Norway", "Norwegen"},
    {"PL", "Poland", "Polen"},
    {"PT", "Portugal", "Portugal"},
    {"RO", "Romania", "Rumänien"},
    {"SA", "Saudi Arabia", "Saudi-Arabien"},
    {"SE", "Sweden", "Schweden"},
    {"SI", "Slovenia", "Slowenien"},
    {"SK", "Slovakia", "Slowakei"},
    {"TR", "Türkiye", "Türkei"},
    {"UA", "Ukraine", "Ukraine"},
    {"US", "United States", "Vereinigte Staaten"},
};

}  // namespace

std::string countryName(const std::string& code) {
    for (const Country& c : kCountries)
        if (code == c.code) return language() == Language::German ? c.german : c.english;
    return code;
}

}  // namespace rc

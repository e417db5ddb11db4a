#include "ui/text/script_fonts.h"

#include <algorithm>

#include "core/utf8.h"
#include "ui/kit/widgets.h"
#include "ui/text/glyph_ranges.h"

#define STBTT_STATIC
#define STB_TRUETYPE_IMPLEMENTATION
#include "imstb_truetype.h"

namespace rc::ui {
namespace {

#include "script_fonts.inc"

bool inRanges(const ImWchar* r, char32_t cp) {
    for (; r[0]; r += 2)
        if (cp >= r[0] && cp <= r[1]) return true;
    return false;
}

}  // namespace

struct ScriptFonts::File {
    const ScriptFontFile* spec;
    enum class State { Idle, Wanted, Fetching, Loaded, Failed } state = State::Idle;
    std::string bytes;
    stbtt_fontinfo info{};
    double failedAt = 0;
    std::set<ImWchar> drawn;   // the characters it puts in the atlas
    ImVector<ImWchar> ranges;  // `drawn` as ImGui glyph ranges; must outlive the atlas build
    bool rangesDirty = true;
    float heightPerEm = 0;

    bool hasGlyph(char32_t cp) const { return stbtt_FindGlyphIndex(&info, static_cast<int>(cp)) != 0; }
};

ScriptFonts& scriptFonts() {
    static ScriptFonts instance;
    return instance;
}

ScriptFonts::ScriptFonts() : seen_(0x10000, false) {
    for (const ScriptFontFile& f : kScriptFontFiles) {
        auto file = std::make_unique<File>();
        file->spec = &f;
        files_.push_back(std::move(file));
    }
}

ScriptFonts::~ScriptFonts() = default;

void ScriptFonts::reset() {
    for (auto& f : files_) {
        const ScriptFontFile* spec = f->spec;
        f = std::make_unique<File>();
        f->spec = spec;
    }
    seen_.assign(0x10000, false);
    waiting_.clear();
    stale_ = false;
}

const ImWchar* ScriptFonts::baseRanges() const { return kTextGlyphs; }

float ScriptFonts::heightPerEm(const std::string& bytes) {
    const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
    stbtt_fontinfo info{};
    if (bytes.size() < 12 || !stbtt_InitFont(&info, data, stbtt_GetFontOffsetForIndex(data, 0))) return 0;
    int ascent = 0, descent = 0, gap = 0;
    stbtt_GetFontVMetrics(&info, &ascent, &descent, &gap);
    return static_cast<float>(ascent - descent) * stbtt_ScaleForMappingEmToPixels(&info, 1.0f);
}

void ScriptFonts::need(std::string_view utf8) {
    bool ascii = std::all_of(utf8.begin(), utf8.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (ascii) return;
    bool added = false, wasStale = stale_;
    for (char32_t cp : utf8::decode(utf8)) {
        if (cp > 0xFFFF || seen_[cp]) continue;  // ImGui draws the Basic Multilingual Plane only
        seen_[cp] = true;
        if (inRanges(kTextGlyphs, cp) || inRanges(kIconGlyphs, cp)) continue;  // the base fonts have it
        waiting_.insert({cp, static_cast<int>(FontWeight::Regular)});
        waiting_.insert({cp, static_cast<int>(FontWeight::Medium)});
        added = true;
    }
    if (added) place();
    if (stale_ && !wasStale) requestAnimation();  // characters of a loaded file: draw once more with them
}

void ScriptFonts::arrived(std::string_view json) {
    bool plain = std::all_of(json.begin(), json.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80 && c != '\\'; });
    if (plain) return;
    auto want = [this](char32_t cp) {
        if (cp < 0x100 || cp > 0xFFFF) return;  // Latin-1 is in the base fonts; ImGui draws the BMP only
        for (auto& f : files_)
            if (f->spec->wholeInAtlas && f->state == File::State::Idle && inRanges(f->spec->coverage, cp))
                f->state = File::State::Wanted;
    };
    // JSON writes a character as itself (UTF-8) or as \uXXXX (Python's json does, by default).
    auto hex = [](char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    };
    for (std::size_t i = 0; i < json.size(); ++i) {
        if (json[i] == '\\' && i + 1 < json.size()) {
            if (json[i + 1] == 'u' && i + 5 < json.size()) {
                int cp = 0;
                for (std::size_t k = i + 2; k < i + 6 && cp >= 0; ++k) cp = hex(json[k]) < 0 ? -1 : cp * 16 + hex(json[k]);
                if (cp >= 0) want(static_cast<char32_t>(cp));
            }
            ++i;  // the escaped character is not a quote or a backslash of its own
        } else if (static_cast<unsigned char>(json[i]) >= 0xC0) {
            std::size_t n = static_cast<unsigned char>(json[i]) >= 0xF0 ? 4 : static_cast<unsigned char>(json[i]) >= 0xE0 ? 3 : 2;
            for (char32_t cp : utf8::decode(json.substr(i, n))) want(cp);
            i += n - 1;
        }
    }
}

bool ScriptFonts::placeOne(char32_t cp, FontWeight weight) {
    bool anyOfWeight = false;
    for (auto& f : files_) {
        if (f->spec->weight != weight || !inRanges(f->spec->coverage, cp)) continue;
        anyOfWeight = true;
        switch (f->state) {
            case File::State::Idle: f->state = File::State::Wanted; return false;
            case File::State::Wanted:
            case File::State::Fetching: return false;
            case File::State::Failed: continue;  // the next file may have it; asked again later
            case File::State::Loaded:
                if (!f->hasGlyph(cp)) continue;
                if (f->drawn.insert(static_cast<ImWchar>(cp)).second) {
                    f->rangesDirty = true;
                    stale_ = true;
                }
                return true;
        }
    }
    // Medium text uses the regular file where a script has no medium one; nothing covers the
    // character at all: it stays blank, and waiting costs nothing.
    return weight == FontWeight::Medium && !anyOfWeight;
}

void ScriptFonts::place() {
    for (auto it = waiting_.begin(); it != waiting_.end();) {
        if (placeOne(it->first, static_cast<FontWeight>(it->second))) it = waiting_.erase(it);
        else ++it;
    }
}

void ScriptFonts::fetchWanted(Transport& transport, double now, const std::string& baseUrl) {
    bool retry = false;
    for (auto& f : files_)
        if (f->state == File::State::Failed && now - f->failedAt >= retryAfter_) {
            f->state = File::State::Idle;
            retry = true;
        }
    if (retry) place();
    for (auto& f : files_) {
        if (f->state != File::State::Wanted) continue;
        f->state = File::State::Fetching;
        HttpRequest req;
        req.url = baseUrl + f->spec->name + ".ttf";
        std::string name = f->spec->name;
        transport.send(req, [this, name, now](const HttpResponse& res) {
            if (res.status >= 200 && res.status < 300 && accept(name, res.body)) return;
            failed(name, now);
        });
    }
}

bool ScriptFonts::accept(const std::string& name, std::string bytes) {
    for (auto& f : files_) {
        if (name != f->spec->name) continue;
        if (f->state == File::State::Loaded) return true;
        f->bytes = std::move(bytes);
        const auto* data = reinterpret_cast<const unsigned char*>(f->bytes.data());
        int offset = f->bytes.size() >= 12 ? stbtt_GetFontOffsetForIndex(data, 0) : -1;
        if (offset < 0 || !stbtt_InitFont(&f->info, data, offset)) {
            f->bytes.clear();
            return false;
        }
        f->heightPerEm = heightPerEm(f->bytes);
        f->state = File::State::Loaded;
        if (f->spec->wholeInAtlas) {
            for (const ImWchar* r = f->spec->coverage; r[0]; r += 2)
                for (unsigned cp = r[0]; cp <= r[1]; ++cp)
                    if (f->hasGlyph(cp)) f->drawn.insert(static_cast<ImWchar>(cp));
            f->rangesDirty = true;
            stale_ = true;
        }
        place();
        return true;
    }
    return false;
}

void ScriptFonts::failed(const std::string& name, double now) {
    for (auto& f : files_)
        if (name == f->spec->name && f->state != File::State::Loaded) {
            f->state = File::State::Failed;
            f->failedAt = now;
        }
    place();
}

void ScriptFonts::mergeInto(ImFontAtlas& atlas, FontWeight weight, float size, float density, float baseHeightPerEm) {
    // Medium files first: for a character both provide, the first source merged wins.
    for (FontWeight pass : {weight, FontWeight::Regular}) {
        for (auto& f : files_) {
            if (f->spec->weight != pass || f->state != File::State::Loaded || f->drawn.empty()) continue;
            if (f->rangesDirty) {
                f->ranges.clear();
                for (auto it = f->drawn.begin(); it != f->drawn.end();) {
                    ImWchar first = *it, last = *it;
                    for (++it; it != f->drawn.end() && *it == last + 1; ++it) last = *it;
                    f->ranges.push_back(first);
                    f->ranges.push_back(last);
                }
                f->ranges.push_back(0);
                f->rangesDirty = false;
            }
            ImFontConfig cfg;
            cfg.MergeMode = true;
            cfg.FontDataOwnedByAtlas = false;  // the bytes stay here, across atlas rebuilds
            cfg.RasterizerDensity = density;
            // No horizontal oversampling for files drawn glyph by glyph: CJK glyphs are large and
            // many, and the atlas must stay within what phones' WebGL allows (4096 pixels a side).
            // Small alphabets (Latin Extended, Greek...) sit beside Latin: as sharp as it.
            cfg.OversampleH = f->spec->wholeInAtlas ? 2 : 1;
            cfg.OversampleV = 1;
            // ImGui sizes a font by ascent minus descent; match the em to the base font's instead,
            // so a Hebrew or Han character is as large next to Latin as in print.
            float emPixels = size / (baseHeightPerEm > 0 ? baseHeightPerEm : 1.0f);
            float sizeForFile = emPixels * (f->heightPerEm > 0 ? f->heightPerEm : 1.0f);
            atlas.AddFontFromMemoryTTF(f->bytes.data(), static_cast<int>(f->bytes.size()), sizeForFile, &cfg, f->ranges.Data);
        }
        if (weight == FontWeight::Regular) break;
    }
}

std::string ScriptFonts::drawnBy(char32_t cp, FontWeight weight) const {
    for (FontWeight w : {weight, FontWeight::Regular})
        for (const auto& f : files_)
            if (f->spec->weight == w && f->drawn.count(static_cast<ImWchar>(cp))) return f->spec->name;
    return {};
}

std::vector<std::string> ScriptFonts::inFlight() const {
    std::vector<std::string> out;
    for (const auto& f : files_)
        if (f->state == File::State::Fetching || f->state == File::State::Wanted) out.push_back(f->spec->name);
    return out;
}

}  // namespace rc::ui

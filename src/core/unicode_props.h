// The Unicode character properties text display needs: bidi class, mirrored glyph, paired
// brackets, Arabic joining type and presentation forms. Tables are generated at build time
// from Debian's unicode-data (src/toolchain/unicode_tables.py).
#pragma once
#include <cstdint>

namespace rc::unicode {

enum class BidiClass : std::uint8_t {
    L, R, AL, EN, ES, ET, AN, CS, NSM, BN, B, S, WS, ON, LRE, LRO, RLE, RLO, PDF, LRI, RLI, FSI, PDI
};
enum class JoiningType : std::uint8_t { U, R, L, D, C, T };

BidiClass bidiClass(char32_t cp);
// The character that mirrors `cp` (its Bidi_Mirroring_Glyph), or `cp` itself.
char32_t mirrored(char32_t cp);
// The bracket paired with `cp` and whether `cp` opens; 0 when `cp` is not a paired bracket.
char32_t pairedBracket(char32_t cp, bool* opening);
JoiningType joiningType(char32_t cp);

enum class ArabicForm : std::uint8_t { Isolated, Final, Initial, Medial };
// The presentation form of an Arabic letter, or 0 when the font tables have none.
char32_t arabicForm(char32_t letter, ArabicForm form);
// Lam followed by `alef` as one ligature (Isolated or Final), or 0 when `alef` is no alef.
char32_t lamAlef(char32_t alef, ArabicForm form);

// Code points drawn as nothing: joiners, direction marks, embeddings and isolates, BOM, soft hyphen.
bool isInvisibleFormat(char32_t cp);

}  // namespace rc::unicode

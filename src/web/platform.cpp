#include "web/platform.h"

#include <emscripten.h>
#include <emscripten/html5.h>

#include <cstdlib>

namespace rc::web {
namespace {

EM_JS(char*, rc_js_language, (), {
    var tag = (navigator.languages && navigator.languages[0]) || navigator.language || "en";
    var len = lengthBytesUTF8(tag) + 1;
    var ptr = _malloc(len);
    stringToUTF8(tag, ptr, len);
    return ptr;
});

EM_JS(void, rc_js_first_frame, (), {
    if (Module.onFirstFrame) Module.onFirstFrame();
});

}  // namespace

std::string browserLanguage() {
    char* p = rc_js_language();
    std::string s = p ? p : "en";
    std::free(p);
    return s;
}

void notifyFirstFrame() { rc_js_first_frame(); }

void canvasCssSize(double& w, double& h) { emscripten_get_element_css_size("#canvas", &w, &h); }

double devicePixelRatio() { return emscripten_get_device_pixel_ratio(); }

}  // namespace rc::web

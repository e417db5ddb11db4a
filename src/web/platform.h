// Small bridges to the page's JavaScript (web/console.js).
#pragma once
#include <string>

namespace rc::web {

std::string browserLanguage();
// Hides the loading overlay once the first frame is on screen.
void notifyFirstFrame();
// CSS size of the canvas and the devicePixelRatio.
void canvasCssSize(double& w, double& h);
double devicePixelRatio();

}  // namespace rc::web

// SDL2's EGL layer takes the address of eglGetProcAddress, and Emscripten's libGL answers it
// with a table naming every GL and EGL function: linking it made each of them a wasm import
// with its JavaScript (426 imports; 150 without). The console calls GL directly (renderer.cpp)
// and never looks a function up by name, so this definition, found before libGL's, answers
// none: SDL only asks for optional EGL extensions with it and goes on without them.
extern "C" void* eglGetProcAddress(const char* /*name*/) { return nullptr; }

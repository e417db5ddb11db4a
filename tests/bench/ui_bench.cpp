// Benchmark (not a test): how long the Customers screen takes to build a frame with 40
// customers behind the API and with 100,000, at the top and while scrolling through the whole
// list, and the memory the rows take. Only the rows on screen are drawn and only their blocks
// are held (core/block_list.h), so both should cost about the same.
// Run: build/native/ui_bench     Prints figures; asserts nothing.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "../core/fake_platform.h"
#include "../core/fake_transport.h"
#include "fake_customers.h"
#include "core/store.h"
#include "imgui.h"
#include "ui/console_ui.h"
#include "ui/a11y/item_registry.h"
#include "ui/kit/theme.h"

using namespace rc;
using bench::answerBlocks;

namespace {

long residentKiB() {
    std::ifstream statm("/proc/self/statm");
    long pages = 0, resident = 0;
    statm >> pages >> resident;
    return resident * 4;
}

struct Figures {
    double medianMs, p95Ms;
};

Figures timeFrames(Store& store, test::FakeTransport& transport, long total, MainQueue& queue, ui::ConsoleUi& ui,
                   ui::ItemRegistry& registry, int frames, float wheel) {
    std::vector<double> ms;
    for (int i = 0; i < frames; ++i) {
        answerBlocks(transport, total);
        queue.drain();
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = 1.0f / 60.0f;
        io.AddMousePosEvent(700, 500);
        if (wheel != 0) io.AddMouseWheelEvent(0, wheel);
        auto start = std::chrono::steady_clock::now();
        ImGui::NewFrame();
        registry.beginFrame();
        ui.draw(store);
        registry.endFrame();
        ImGui::Render();
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms[ms.size() * 95 / 100]};
}

void run(int count) {
    MainQueue queue;
    test::FakeTransport transport{queue};
    test::FakePlatform platform{queue};
    Store store{transport, platform};
    ImGui::CreateContext();
    ui::ItemRegistry registry;
    registry.attach(ImGui::GetCurrentContext());
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1440, 900);
    ui::applyTheme();
    ui::loadFonts("/usr/share/fonts/truetype/roboto/unhinted/RobotoTTF", 1.0f);
    unsigned char* pixels;
    int w, h;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    ui::ConsoleUi ui;

    store.start("config.json", "#/customers");
    transport.respond(0, 200, R"({"api_base_url": "/api/v1", "google_client_id": "", "demo_sign_in": true, "demo_email": "d@r.de"})");
    queue.drain();
    store.session().signInDemo();
    transport.answer("/auth/demo", 200, R"({"token": "t", "expires_at": "2026-11-27T06:00:00Z", "reseller": {"id": 1, "name": "N", "email": "d@r.de"}})");
    queue.drain();
    long before = residentKiB();
    auto decodeStart = std::chrono::steady_clock::now();
    answerBlocks(transport, count);
    queue.drain();
    double decodeMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - decodeStart).count();

    timeFrames(store, transport, count, queue, ui, registry, 20, 0);  // warm up, layout settles
    Figures top = timeFrames(store, transport, count, queue, ui, registry, 200, 0);
    // Wheel down, 40 notches a frame: with 100,000 customers that is the whole list, block by block.
    Figures scrolling = timeFrames(store, transport, count, queue, ui, registry, 400, -40.0f);
    long after = residentKiB();
    std::printf("%7d customers: first block %5.1f ms, memory after scrolling +%6ld KiB | frame at top p50 %.3f ms p95 %.3f ms | "
                "while scrolling p50 %.3f ms p95 %.3f ms | items drawn %zu\n",
                count, decodeMs, after - before, top.medianMs, top.p95Ms, scrolling.medianMs, scrolling.p95Ms,
                registry.items().size());
    if (std::getenv("UI_BENCH_ITEMS")) for (const auto& it : registry.items()) std::printf("  %s:%s\n", it.kind.c_str(), it.label.c_str());
    ImGui::DestroyContext();
}

}  // namespace

// doctest's REQUIRE is used by the fake transport; this binary has its own main.
int main() {
    std::printf("Customers screen, native Debug build, 1440x900 (one run; the machine is shared and noisy)\n");
    run(40);
    run(100000);
    return 0;
}

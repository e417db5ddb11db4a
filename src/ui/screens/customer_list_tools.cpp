#include "ui/screens/customer_list_tools.h"

#include <algorithm>

#include "core/format.h"
#include "core/i18n.h"
#include "imgui.h"
#include "ui/a11y/a11y_tree.h"
#include "ui/kit/gated.h"
#include "ui/kit/layout.h"
#include "ui/kit/theme.h"
#include "ui/kit/widgets.h"
#include "ui/screens/customer_selection.h"
#include "ui/screens/views_menu.h"

namespace rc::ui {
namespace {

// A caret says it opens a menu; the mirror keeps the words alone as its name.
std::string exportLabel() { return std::string(tr(Text::ExportCsv)) + "  " + icon::CaretDown + "##export-customers"; }
std::string importLabel() { return std::string(tr(Text::ImportOpen)) + "##import-customers"; }
constexpr float kGap = 10;

// Places the next popup under the item drawn last (its button): its right edge at the button's
// (never over the button), moved as far as it must to stay on screen (on a phone the button may
// start a line). Pushes the menu's two style vars (pop them after the popup); returns the width
// of its content, at most `maxWidth`.
float menuUnderLastItem(float maxWidth) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float w = std::min(maxWidth, vp->WorkSize.x - 48), menuW = w + 2 * 14;
    float left = std::clamp(ImGui::GetItemRectMax().x - menuW, vp->WorkPos.x + 8,
                            std::max(vp->WorkPos.x + 8, vp->WorkPos.x + vp->WorkSize.x - 8 - menuW));
    ImGui::SetNextWindowPos(ImVec2(left, ImGui::GetItemRectMax().y + 4), ImGuiCond_Always);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(14, 12));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(8, shell().touch ? 10.0f : 8.0f));
    return w;
}

// What the list's export offers: what it holds, then the two formats (each closes the menu).
void exportChoices(Store& store, float w, const Gate& g) {
    const AppState& st = store.state();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w);
    text(format::fill(tr(Text::ExportWhatYouSee), format::integer(st.customers.rows.total())), color::TextMuted, fonts().small,
         "label");
    ImGui::PopTextWrapPos();
    std::string comma = std::string(tr(Text::ExportCommaCsv)) + "##export-comma";
    std::string excel = std::string(tr(Text::ExportExcelDe)) + "##export-excel-de";
    ImVec2 size(w, tappable(34));
    // German Excel first in German: what a German accountant opens with a double click.
    bool germanFirst = language() == Language::German;
    for (int i = 0; i < 2; ++i) {
        bool excelDe = (i == 0) == germanFirst;
        if (gatedButton((excelDe ? excel : comma).c_str(), g, i == 0 ? ButtonStyle::Primary : ButtonStyle::Secondary, size)) {
            store.customers().exportCsv(excelDe);
            ImGui::CloseCurrentPopup();
        }
    }
    gateNotes();
}

void exportMenu(Store& store, float height) {
    const AppState& st = store.state();
    std::string label = exportLabel();
    // Exports need the Buyer or Admin role (export_billing, as the invoice export), and the network.
    Gate g = gate(store, Capability::ExportBilling, /*needsNetwork=*/true);
    bool exporting = st.download.loading && st.route.screen == Screen::Customers;
    if (gatedButton(label.c_str(), g, ButtonStyle::Secondary, ImVec2(buttonWidth(label.c_str()), height), exporting))
        ImGui::OpenPopup("##export-menu");
    a11y::lastName(tr(Text::ExportCsv));
    const float w = menuUnderLastItem(360);
    if (ImGui::BeginPopup("##export-menu")) {
        exportChoices(store, w, g);
        ImGui::EndPopup();
    }
    ImGui::PopStyleVar(2);
}

// The More menu's button: its words and a caret (the mirror says the words alone).
std::string moreLabel() { return std::string(tr(Text::ListMore)) + "  " + icon::CaretDown + "##list-more"; }

// Phones: Import, Export CSV's two formats and Take over customer… in one menu under "More".
void moreMenu(Store& store, float height) {
    std::string label = moreLabel();
    if (button(label.c_str(), ButtonStyle::Secondary, ImVec2(buttonWidth(label.c_str()), height))) ImGui::OpenPopup("##more-menu");
    a11y::lastName(tr(Text::ListMore));
    const float w = menuUnderLastItem(320);
    if (ImGui::BeginPopup("##more-menu")) {
        ImVec2 size(w, tappable(34));
        std::string import = importLabel();
        Gate invite = gate(store, Capability::ManageCustomers, /*needsNetwork=*/true);
        if (gatedButton(import.c_str(), invite, ButtonStyle::Secondary, size)) {
            store.importer().open();
            ImGui::CloseCurrentPopup();
        }
        std::string take = std::string(tr(Text::TakeOverCustomer)) + "##take-over";
        if (gatedButton(take.c_str(), invite, ButtonStyle::Secondary, size)) {
            store.lifecycle().openTransferIn();
            ImGui::CloseCurrentPopup();
        }
        gateNotes();
        ImGui::Dummy(ImVec2(0, 2));
        ImGui::Separator();
        ImGui::Dummy(ImVec2(0, 2));
        text(tr(Text::ExportCsv), color::Text, fonts().medium, "heading");
        exportChoices(store, w, gate(store, Capability::ExportBilling, /*needsNetwork=*/true));
        ImGui::EndPopup();
    }
    ImGui::PopStyleVar(2);
}

}  // namespace

float listToolsWidth() { return viewsMenuWidth() + kGap + buttonWidth(importLabel().c_str()) + kGap + buttonWidth(exportLabel().c_str()); }

float listToolsWidth(const Store& store) {
    float w = listToolsWidth();
    if (selectModeInTools(store)) w += kGap + selectModeButtonWidth();
    return w;
}

bool listToolsCompact(const Store& store, float width) {
    // Where the tools and Take over customer… would not share one line (phones), More holds them.
    std::string take = std::string(tr(Text::TakeOverCustomer)) + "##take-over";
    return listToolsWidth(store) + kGap + buttonWidth(take.c_str()) > width;
}

void listTools(Store& store, float height, float left, float right) {
    height = tappable(height);
    if (listToolsCompact(store, right - left)) {
        // Views, Select and More fit a phone's line; from its left edge.
        ImGui::SetCursorScreenPos(ImVec2(left, ImGui::GetCursorScreenPos().y));
        viewsMenu(store, height);
        if (selectModeInTools(store)) {
            ImGui::SameLine(0, kGap);
            selectModeButton(store, height);
        }
        ImGui::SameLine(0, kGap);
        moreMenu(store, height);
        return;
    }
    // Where they do not fit on one line (German on a phone), each goes on the line while it fits
    // and the next under it, from the line's left edge: right-aligned, the first was cut off.
    bool flow = listToolsWidth(store) > right - left;
    if (flow) ImGui::SetCursorScreenPos(ImVec2(left, ImGui::GetCursorScreenPos().y));
    auto next = [&](float w) {
        if (!flow || ImGui::GetItemRectMax().x + kGap + w <= right) {
            ImGui::SameLine(0, kGap);
        } else {
            ImGui::SetCursorScreenPos(ImVec2(left, ImGui::GetItemRectMax().y + kGap));
        }
    };
    viewsMenu(store, height);
    std::string label = importLabel();
    next(buttonWidth(label.c_str()));
    // Importing invites: the Sales or Admin role, and the network (an import is never queued offline).
    Gate g = gate(store, Capability::ManageCustomers, /*needsNetwork=*/true);
    if (gatedButton(label.c_str(), g, ButtonStyle::Secondary, ImVec2(buttonWidth(label.c_str()), height)))
        store.importer().open();
    next(buttonWidth(exportLabel().c_str()));
    exportMenu(store, height);
    if (selectModeInTools(store)) {
        next(selectModeButtonWidth());
        selectModeButton(store, height);
    }
}

}  // namespace rc::ui

#include "ui/screens/views_menu.h"

#include <algorithm>
#include <string>
#include <vector>

#include "core/access.h"
#include "core/format.h"
#include "core/i18n.h"
#include "imgui.h"
#include "ui/a11y/a11y_tree.h"
#include "ui/kit/dialog_parts.h"
#include "ui/kit/gated.h"
#include "ui/kit/layout.h"
#include "ui/kit/theme.h"
#include "ui/kit/widgets.h"

namespace rc::ui {
namespace {

// A caret says it opens a menu; the mirror keeps the word alone as its name.
std::string menuLabel() { return std::string(tr(Text::ViewsMenu)) + "  " + icon::CaretDown + "##views"; }

// The columns the list shows now (what a new view keeps): every key the reseller has not hidden.
std::vector<std::string> shownColumns(const Store& store) {
    std::vector<std::string> keys;
    for (const std::string& key : ViewsSlice::tableColumns())
        if (!store.state().customerColumns.hidden.count(key)) keys.push_back(key);
    return keys;
}

// Its maker, or an Admin (who manages the team), may rename, reshare or delete a view.
bool mayChange(const Store& store, const SavedView& v) { return v.mine || allowed(store.state(), Capability::ManageTeam); }

}  // namespace

float viewsMenuWidth() { return buttonWidth(menuLabel().c_str()); }

void viewsMenu(Store& store, float height) {
    const AppState& st = store.state();
    const SavedViewsState& v = st.views;
    std::string label = menuLabel();
    // The views are the server's: reading and saving them needs the network.
    Gate g = networkGate(store);
    if (gatedButton(label.c_str(), g, v.active ? ButtonStyle::Primary : ButtonStyle::Secondary,
                    ImVec2(buttonWidth(label.c_str()), height))) {
        store.views().load(/*again=*/true);
        ImGui::OpenPopup("##views-menu");
    }
    a11y::lastName(tr(Text::ViewsMenu));
    // Under the button, its right edge at the button's, but never past the screen's left edge.
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    float menuW = std::min(380.0f, vp->WorkSize.x - 48) + 28;
    ImVec2 under(std::max(ImGui::GetItemRectMax().x, vp->WorkPos.x + 8 + menuW), ImGui::GetItemRectMax().y + 4);
    ImGui::SetNextWindowPos(under, ImGuiCond_Always, ImVec2(1, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(14, 12));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(8, shell().touch ? 10.0f : 8.0f));
    if (ImGui::BeginPopup("##views-menu")) {
        float w = std::min(380.0f, ImGui::GetMainViewport()->WorkSize.x - 48);
        float rowH = tappable(32);
        std::string save = std::string(tr(Text::ViewSaveCurrent)) + "##view-save";
        if (button(save.c_str(), ButtonStyle::Primary, ImVec2(w, tappable(34)))) {
            store.views().newView();
            ImGui::CloseCurrentPopup();
        }
        if (v.loading && !v.loaded) {
            spinner(8, color::Accent);
        } else if (v.error) {
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w);
            text(describeError(*v.error), color::Danger, fonts().small);
            ImGui::PopTextWrapPos();
        } else if (v.items.empty()) {
            text(tr(Text::ViewsNone), color::TextMuted, fonts().small);
        }
        for (const SavedView& view : v.items) {
            ImGui::PushID(static_cast<int>(view.id));
            bool change = mayChange(store, view);
            std::string rename = std::string(tr(Text::ViewRename)) + "##rename";
            std::string remove = std::string(tr(Text::ViewDelete)) + "##delete";
            float tools = change ? buttonWidth(rename.c_str()) + buttonWidth(remove.c_str()) + 16 : 0;
            // The name, and whose it is or that the team sees it.
            std::string name = view.name;
            if (view.shared) name += "  ·  " + (view.mine ? std::string(tr(Text::ViewShared)) : format::fill(tr(Text::ViewBy), view.ownerName));
            name += "##pick";
            // Where the name and its tools do not share the line whole (a phone, a long name in
            // German), the name takes the line and Rename and Delete go right-aligned under it.
            bool under = change && buttonWidth(name.c_str()) + tools > w;
            float nameW = change && !under ? w - tools : w;
            if (button(name.c_str(), view.id == v.active ? ButtonStyle::Primary : ButtonStyle::Ghost, ImVec2(nameW, rowH))) {
                store.views().pick(view.id);
                ImGui::CloseCurrentPopup();
            }
            if (change) {
                if (under) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + w - tools + 8);
                else ImGui::SameLine(0, 8);
                if (button(rename.c_str(), ButtonStyle::Ghost, ImVec2(buttonWidth(rename.c_str()), rowH))) {
                    store.views().editView(view.id);
                    ImGui::CloseCurrentPopup();
                }
                a11y::lastName(format::fill(tr(Text::ViewRenameNamed), view.name));
                ImGui::SameLine(0, 8);
                if (button(remove.c_str(), ButtonStyle::DangerGhost, ImVec2(buttonWidth(remove.c_str()), rowH), v.deleting == view.id))
                    store.views().remove(view.id);
                a11y::lastName(format::fill(tr(Text::ViewDeleteNamed), view.name));
            }
            ImGui::PopID();
        }
        ImGui::EndPopup();
    }
    ImGui::PopStyleVar(2);
}

void ViewDialog::draw(Store& store) {
    const AppState& st = store.state();
    const ViewForm& f = st.views.form;
    bool close = false;
    const char* title = tr(f.editing ? Text::ViewEditTitle : Text::ViewSaveTitle);
    if (!beginDialog("###saved-view", title, 520, f.open && st.session.has_value(), close)) return;
    std::string name = f.name;
    bool enter = false, left = false;
    std::string nameError;
    for (const auto& [field, message] : f.error ? f.error->fields : decltype(f.error->fields){})
        if (field == "name") nameError = message;
    if (f.error && f.error->code == "view_exists") nameError = describeError(*f.error);
    bool changed = field("##view-name", tr(Text::ViewName), name, nullptr, nameError.empty() ? nullptr : &nameError, enter, left,
                         ImGui::IsWindowAppearing());
    bool shared = f.shared;
    std::string share = std::string(tr(Text::ViewShareWithTeam)) + "##view-shared";
    bool toggled = ImGui::Checkbox(share.c_str(), &shared);
    paragraph(tr(Text::ViewShareHelp), color::TextMuted, fonts().small);
    if (changed || toggled) store.views().editForm(name, shared);
    if (f.error && nameError.empty()) paragraph(describeError(*f.error), color::Danger, fonts().small);
    ImGui::Dummy(ImVec2(0, 6));
    std::string save = std::string(tr(Text::ViewSave)) + "##view-save-confirm";
    std::string cancel = std::string(tr(Text::Cancel)) + "##view-cancel";
    Gate g = networkGate(store);
    int clicked = dialogButtons(save.c_str(), ButtonStyle::Primary, f.saving, g, cancel.c_str());
    if (clicked == 1 || (enter && g.open())) store.views().save(shownColumns(store));
    if (clicked == 2 || close) store.views().closeForm();
    endDialog();
}

}  // namespace rc::ui

#include "ui/kit/list_cards.h"

#include "core/format.h"
#include "core/i18n.h"
#include "imgui_internal.h"
#include "ui/a11y/item_registry.h"
#include "ui/kit/layout.h"
#include "ui/text/shown_text.h"
#include "ui/kit/theme.h"
#include "ui/kit/widgets.h"

namespace rc::ui {
namespace {

constexpr float kGap = 10;  // between cards
constexpr float kPad = 16;

// The card's frame and its tap target, called `name` (a screen reader's link); returns the click
// and the card's top-left corner.
bool cardFrame(const char* id, const std::string& name, float width, float height, ImVec2& at) {
    at = ImGui::GetCursorScreenPos();
    ImVec2 size(width, height - kGap);
    ImGui::PushStyleColor(ImGuiCol_HeaderHovered, color::rgb(246, 248, 251));
    ImGui::PushStyleColor(ImGuiCol_HeaderActive, color::rgb(238, 242, 248));
    if (auto* reg = currentRegistry()) reg->setNextKind("row");
    bool clicked = ImGui::Selectable(id, false, ImGuiSelectableFlags_AllowOverlap, size);
    if (auto* reg = currentRegistry()) reg->record(name, "row", at.x, at.y, size.x, size.y);
    ImGui::PopStyleColor(2);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRect(at, ImVec2(at.x + size.x, at.y + size.y), color::Border, 10);
    return clicked;
}

// The next card starts exactly `height` below this one, as the list's row height says.
void endCard(ImVec2 at, float height) {
    ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + height - ImGui::GetStyle().ItemSpacing.y));
    ImGui::Dummy(ImVec2(0, 0));
}

// Text that fits the card, or is cut with "…" (the registry keeps it whole and says so).
void line(const std::string& s, float x, float y, float maxW, ImU32 col, ImFont* font) {
    const std::string& d = shown(s);
    ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, d.c_str());
    ImGui::PushFont(font);
    ImGui::PushStyleColor(ImGuiCol_Text, col);
    ImGui::RenderTextEllipsis(ImGui::GetWindowDrawList(), ImVec2(x, y), ImVec2(x + maxW, y + size.y), x + maxW, x + maxW, d.c_str(),
                              nullptr, &size);
    ImGui::PopStyleColor();
    ImGui::PopFont();
    if (auto* reg = currentRegistry()) reg->record(s, "cell", x, y, std::min(size.x, maxW), size.y, size.x > maxW + 0.5f);
}

}  // namespace

void placeholderCard(float width, float height) {
    ImVec2 at = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRect(at, ImVec2(at.x + width, at.y + height - kGap), color::Border, 10);
    const ImU32 bar = color::rgb(236, 239, 243);
    dl->AddRectFilled(ImVec2(at.x + kPad, at.y + 16), ImVec2(at.x + kPad + width * 0.45f, at.y + 30), bar, 6);
    dl->AddRectFilled(ImVec2(at.x + kPad, at.y + 40), ImVec2(at.x + kPad + width * 0.3f, at.y + 52), bar, 6);
    ImGui::Dummy(ImVec2(width, height - ImGui::GetStyle().ItemSpacing.y));
}

bool customerCard(const Customer& c, float width) {
    ImVec2 at;
    bool clicked = cardFrame("##customer-card", c.name, width, kCustomerCardHeight, at);
    float inner = width - 2 * kPad;
    std::string manage = std::string(tr(Text::Manage)) + "##manage";
    float manageW = buttonWidth(manage.c_str());
    // Name and organization on the left, Manage on the right; status and licenses below.
    line(c.name, at.x + kPad, at.y + 14, inner - manageW - 12, color::Text, fonts().medium);
    line(c.organization, at.x + kPad, at.y + 36, inner - manageW - 12, color::TextMuted, fonts().small);
    ImGui::SetCursorScreenPos(ImVec2(at.x + kPad, at.y + 64));
    statusBadge(c.status);
    if (c.subscription) {
        ImGui::SameLine(0, 12);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 3);
        text(format::integer(c.subscription->licenses) + " " + tr(Text::ColLicenses), color::TextMuted, fonts().small, "cell");
    }
    float manageH = tappable(36);
    ImGui::SetCursorScreenPos(ImVec2(at.x + width - kPad - manageW, at.y + (kCustomerCardHeight - kGap - manageH) * 0.5f));
    bool manageClicked = button(manage.c_str(), ButtonStyle::Secondary, ImVec2(manageW, manageH));
    endCard(at, kCustomerCardHeight);
    return clicked || manageClicked;
}

bool invoiceCard(const Invoice& inv, float width) {
    ImVec2 at;
    bool clicked = cardFrame("##invoice-card", inv.number, width, kInvoiceCardHeight, at);
    float inner = width - 2 * kPad;
    std::string total = format::money(inv.total);
    float totalW = fonts().medium->CalcTextSizeA(fonts().medium->FontSize, FLT_MAX, 0, total.c_str()).x;
    line(inv.number, at.x + kPad, at.y + 14, inner - totalW - 12, color::Accent, fonts().medium);
    // A little slack: the measured width and the drawn one may differ by a fraction of a pixel.
    line(total, at.x + width - kPad - totalW, at.y + 14, totalW + 2, color::Text, fonts().medium);
    line(inv.customerOrganization.empty() ? inv.customerName : inv.customerOrganization, at.x + kPad, at.y + 36, inner,
         color::Text, fonts().body);
    ImGui::SetCursorScreenPos(ImVec2(at.x + kPad, at.y + 58));
    invoiceBadge(inv.status);
    ImGui::SameLine(0, 12);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 3);
    std::string due = format::fill(tr(Text::InvoiceDueOn), format::date(inv.dueAt.substr(0, 10)));
    text(due, inv.status == "overdue" ? color::Danger : color::TextMuted, fonts().small, "cell");
    endCard(at, kInvoiceCardHeight);
    return clicked;
}

}  // namespace rc::ui

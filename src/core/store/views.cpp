#include "core/store/views.h"

#include <algorithm>

#include "core/bulk_codec.h"
#include "core/store.h"

namespace rc {

const std::vector<std::string>& ViewsSlice::tableColumns() {
    // The ones the reseller may hide: name, the checkbox and Manage always show.
    static const std::vector<std::string> keys = {"domain", "status", "plan", "licenses", "renewal", "monthly"};
    return keys;
}

void ViewsSlice::load(bool again) {
    SavedViewsState& v = state().views;
    if (!signedIn() || v.loading || (v.loaded && !again)) return;
    v.loading = true;
    api().savedViews(ctx_.answer<SavedViewList>(Landing::on(v.loading, &v.error), [this](SavedViewList list) {
        SavedViewsState& v = state().views;
        v.items = std::move(list.items);
        v.loaded = true;
        v.error.reset();
        if (v.opening) {
            std::int64_t id = v.opening;
            v.opening = 0;
            if (const SavedView* view = v.find(id)) apply(*view);
            else {  // another member's personal view, or one deleted since
                ApiError gone;
                gone.status = 404;
                gone.code = "not_found";
                v.error = gone;
            }
        }
    }));
}

void ViewsSlice::open(std::int64_t id) {
    SavedViewsState& v = state().views;
    if (id == v.active) return;
    if (const SavedView* view = v.loaded ? v.find(id) : nullptr) return apply(*view);
    v.opening = id;
    load(/*again=*/v.loaded);
}

void ViewsSlice::pick(std::int64_t id) {
    if (const SavedView* view = state().views.find(id)) apply(*view);
}

void ViewsSlice::apply(const SavedView& view) {
    SavedView picked = view;  // the list may be replaced while applying
    CustomerFilter f;
    f.search = picked.q;
    f.status = picked.status;
    f.sort = picked.sort.empty() ? "name" : picked.sort;
    applying_ = true;
    Route r;
    r.screen = Screen::Customers;
    r.customers = f;
    r.view = picked.id;
    state().views.active = picked.id;
    // Picked from the menu: a step in the history; opened by its link: the address says it all.
    bool push = state().route.screen != Screen::Customers || state().route.view != picked.id;
    store().navigate(r, push);
    if (!push) platform().setRoute(state().route.toHash(), false);
    store().customers().setFilter(f);
    applying_ = false;
    // Its columns: those it names are shown, the others hidden (none named: as this device has them).
    if (!picked.columns.empty())
        for (const std::string& key : tableColumns())
            store().columns().setHidden(Table::Customers, key,
                                        std::find(picked.columns.begin(), picked.columns.end(), key) == picked.columns.end());
}

void ViewsSlice::leftView() {
    if (applying_) return;
    SavedViewsState& v = state().views;
    v.active = 0;
    state().route.view = 0;  // the caller writes the address
}

void ViewsSlice::newView() {
    ViewForm& f = state().views.form;
    if (f.saving) return;
    f = ViewForm{};
    f.open = true;
}

void ViewsSlice::editView(std::int64_t id) {
    const SavedView* view = state().views.find(id);
    ViewForm& f = state().views.form;
    if (!view || f.saving) return;
    f = ViewForm{};
    f.open = true;
    f.editing = id;
    f.name = view->name;
    f.shared = view->shared;
}

void ViewsSlice::editForm(const std::string& name, bool shared) {
    ViewForm& f = state().views.form;
    if (!f.open || f.saving) return;
    f.name = name;
    f.shared = shared;
    f.error.reset();
}

void ViewsSlice::closeForm() {
    if (!state().views.form.saving) state().views.form = ViewForm{};
}

void ViewsSlice::save(const std::vector<std::string>& shownColumns) {
    ViewForm& f = state().views.form;
    if (!f.open || f.saving || !signedIn()) return;
    f.saving = true;
    f.error.reset();
    auto landed = [this](SavedView view) {
        SavedViewsState& v = state().views;
        auto at = std::find_if(v.items.begin(), v.items.end(), [&](const SavedView& x) { return x.id == view.id; });
        if (at != v.items.end()) *at = view;
        else v.items.push_back(view);
        v.form = ViewForm{};
        ctx_.toast(ToastKind::Success, Text::ToastViewSaved, {MessageArg::plain(view.name)});
    };
    if (f.editing) {
        api().updateView(f.editing, codec::encodeViewChange(f.name, f.shared),
                         ctx_.answer<SavedView>(Landing::on(f.saving, &f.error), landed));
        return;
    }
    // The list as the address holds it: what the reseller sees.
    SavedView view;
    view.name = f.name;
    view.shared = f.shared;
    view.q = state().route.customers.search;
    view.status = state().route.customers.status;
    view.sort = state().route.customers.sort;
    view.columns = shownColumns;
    api().saveView(view, ctx_.answer<SavedView>(Landing::on(f.saving, &f.error), [this, landed](SavedView saved) {
        std::int64_t id = saved.id;
        landed(std::move(saved));
        // The list now is that view: its link is in the address.
        SavedViewsState& v = state().views;
        v.active = id;
        state().route.view = id;
        platform().setRoute(state().route.toHash(), false);
    }));
}

void ViewsSlice::remove(std::int64_t id) {
    SavedViewsState& v = state().views;
    if (v.deleting || !v.find(id) || !signedIn()) return;
    v.deleting = id;
    v.error.reset();
    api().deleteView(id, ctx_.answer<Unit>(Landing::on(deleteBusy_, &v.error), [this, id](Unit) {
        SavedViewsState& v = state().views;
        v.deleting = 0;
        v.items.erase(std::remove_if(v.items.begin(), v.items.end(), [id](const SavedView& x) { return x.id == id; }), v.items.end());
        if (v.active == id) leftView(), platform().setRoute(state().route.toHash(), false);
    }, [this](const ApiError&) { state().views.deleting = 0; }));
}

void ViewsSlice::signedOut() { state().views = SavedViewsState{}; }

}  // namespace rc

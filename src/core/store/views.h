// The store's saved-views slice (issue 19): the customer list's search, status filter, sort and
// shown columns kept under a name (GET/POST /views, PATCH/DELETE /views/{id}), personal or shared
// with the team. Picking one sets the list to it and puts its link in the address
// (#/customers?view=ID); opening that link applies it once the views have arrived. Changing the
// search, filter or sort afterwards leaves the view (the address no longer names it).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/store/context.h"

namespace rc {

class ViewsSlice : public Slice {
public:
    explicit ViewsSlice(StoreContext& ctx) : Slice(ctx) {}

    // The views, asked once per sign-in (and again after a change); the menu calls it when opened.
    void load(bool again = false);
    // Sets the list to the view: its search, status, sort and columns (the others hidden).
    void pick(std::int64_t id);
    // The form: a new view of the list as it is now, or another name / sharing for one.
    void newView();
    void editView(std::int64_t id);
    void editForm(const std::string& name, bool shared);
    void closeForm();
    // Saves the form (a double click saves once); `shownColumns`: the list's columns now shown.
    void save(const std::vector<std::string>& shownColumns);
    void remove(std::int64_t id);

    // --- for the store
    // #/customers?view=ID: applied once the views have arrived.
    void open(std::int64_t id);
    // The list shows another search, status or sort than the view: the address stops naming it.
    void leftView();
    void signedOut();

    // The customer table's hideable column keys (the UI's table spec; a UI test keeps them equal).
    static const std::vector<std::string>& tableColumns();

private:
    void apply(const SavedView& view);
    bool applying_ = false;  // the view's own filter change does not leave it
    bool deleteBusy_ = false;
};

}  // namespace rc

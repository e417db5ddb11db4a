// The console's state and the intents that change it. Views read state() and call intents;
// answers arrive through the transport's main-thread queue and are applied here, in order.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/api_client.h"
#include "core/model.h"

namespace rc {

enum class Phase { Booting, ConfigFailed, SignedOut, SignedIn };
enum class Screen { Dashboard, Customers, Invoices };

struct SignInState {
    std::string email;
    bool pending = false;
    bool sessionEnded = false;  // came back here because the server ended the session
    std::optional<ApiError> error;
};

struct CustomerListState {
    std::vector<Customer> items;
    std::int64_t total = 0;
    std::string nextCursor;
    bool loaded = false;   // at least one page has arrived
    bool loading = false;  // a first page or a further page is on its way
    std::optional<ApiError> error;
};

// Plain data: can be copied, saved and restored whole.
struct AppState {
    Phase phase = Phase::Booting;
    AppConfig config;
    std::optional<ApiError> configError;
    std::optional<Session> session;
    Screen screen = Screen::Dashboard;
    SignInState signIn;
    CustomerListState customers;
};

class Store {
public:
    explicit Store(Transport& transport) : api_(transport) {}

    const AppState& state() const { return state_; }

    void start(std::string configUrl = "config.json");
    void retryStart();

    void editSignInEmail(std::string email);
    void signInDemo();
    void signOut();

    void navigate(Screen screen);
    void reloadCustomers();
    void loadMoreCustomers();

private:
    void onSignedIn(Session session);
    void onAuthError(const ApiError& error);
    bool isCurrentSession(std::uint64_t generation) const { return generation == sessionGeneration_; }

    ApiClient api_;
    AppState state_;
    std::string configUrl_;
    std::uint64_t sessionGeneration_ = 0;  // answers for an earlier session are dropped
    std::uint64_t customersRequest_ = 0;   // only the newest list request may land
};

}  // namespace rc

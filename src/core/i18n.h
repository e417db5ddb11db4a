// Every user-visible string, in English and German. Views call tr(Text::X); a test checks that
// no entry is missing a language.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "core/model.h"
// One file of texts per room (src/core/texts/); a new room adds its file here and to RC_TEXTS.
#include "core/texts/common.h"
#include "core/texts/sign_in.h"
#include "core/texts/dashboard.h"
#include "core/texts/customers.h"
#include "core/texts/new_customer.h"
#include "core/texts/customer.h"
#include "core/texts/subscription.h"
#include "core/texts/invoices.h"
#include "core/texts/messages.h"
#include "core/texts/activity.h"
#include "core/texts/offline.h"
#include "core/texts/kiosk.h"
#include "core/texts/team.h"
#include "core/texts/errors.h"
#include "core/texts/bulk.h"
#include "core/texts/lifecycle.h"
#include "core/texts/lifecycle_terms.h"
#include "core/texts/lifecycle_transfer.h"
#include "core/texts/billing.h"
#include "core/texts/calendar.h"

namespace rc {

enum class Language { English, German };

#define RC_TEXTS(X) \
    RC_TEXTS_COMMON(X) \
    RC_TEXTS_SIGN_IN(X) \
    RC_TEXTS_DASHBOARD(X) \
    RC_TEXTS_CUSTOMERS(X) \
    RC_TEXTS_NEW_CUSTOMER(X) \
    RC_TEXTS_CUSTOMER(X) \
    RC_TEXTS_SUBSCRIPTION(X) \
    RC_TEXTS_INVOICES(X) \
    RC_TEXTS_MESSAGES(X) \
    RC_TEXTS_ACTIVITY(X) \
    RC_TEXTS_OFFLINE(X) \
    RC_TEXTS_KIOSK(X) \
    RC_TEXTS_TEAM(X) \
    RC_TEXTS_ERRORS(X) \
    RC_TEXTS_BULK(X) \
    RC_TEXTS_LIFECYCLE(X) \
    RC_TEXTS_LIFECYCLE_TERMS(X) \
    RC_TEXTS_LIFECYCLE_TRANSFER(X) \
    RC_TEXTS_BILLING(X) \
    RC_TEXTS_CALENDAR(X)

enum class Text : std::size_t {
#define RC_TEXT_ENUM(id, en, de) id,
    RC_TEXTS(RC_TEXT_ENUM)
#undef RC_TEXT_ENUM
        Count_
};

// The language the console shows. setLanguage(German) before the German texts are in (the
// browser build fetches them as texts-de.bin, see loadGermanTexts) keeps English on screen and
// German wanted: the switch happens when they arrive, never with blank or English-only labels.
Language language();
void setLanguage(Language lang);
// What was asked for last: German while its texts are on their way.
Language wantedLanguage();
// Picks German for de, de-DE, de-AT...; English for everything else.
Language languageFromTag(const std::string& tag);

const char* tr(Text id);
// German before its texts are in: the English text.
const char* tr(Text id, Language lang);

// The German texts as src/toolchain/texts_table.py writes them: "RCT1", the count of texts and
// the FNV-1a hash of the ids in enum order (u32 LE each), then each text NUL-terminated in enum
// order. False (and nothing kept) for a file of another build or a damaged one.
bool parseGermanTexts(const std::string& bytes, std::vector<const char*>& out);
// Takes the file and uses it from now on (switching to German if that is wanted); false when
// parseGermanTexts refuses it.
bool loadGermanTexts(std::string bytes);
// Compiled in (native builds, tests) or loaded.
bool germanTextsLoaded();

const char* statusLabel(CustomerStatus status);
const char* planLabel(const std::string& plan);
const char* cycleLabel(const std::string& billingCycle);
const char* subscriptionStatusLabel(const std::string& status);
// A plan with its term: "Basic (Jahresvertrag, monatliche Zahlung)".
std::string planWithCycle(const std::string& plan, const std::string& billingCycle);
const char* invoiceStatusLabel(const std::string& status);
// A role's name ("Buyer", "Einkauf"); a role the console does not know keeps its code.
std::string roleLabel(const std::string& role);
// Roles as the reason names them: "Admin", "Buyer or Admin", "Sales, Buyer or Admin".
std::string rolesSentence(const std::vector<std::string>& roles);
// An activity entry as a sentence in the current language (the server's own words as a fallback).
std::string activitySentence(const ActivityEntry& entry);
// Who did it: an email, or "automatic" for the system's own renewals and bills.
std::string activityActor(const ActivityEntry& entry);
// The error in the current language, by its code (core/error_text.*): the server's words only
// for a code the console does not know.
std::string describeError(const ApiError& error);

}  // namespace rc

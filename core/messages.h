#pragma once
// What Kinerja says to people, each sentence once, by id, in Indonesian (a translation is another
// table in messages.cpp). Parameters are named in the text as {name}:
//     message(Msg::office_not_found, {{"office", code}})
// The catalogue grows as sentences move here from the code that used to spell them out.
#include <initializer_list>
#include <string>
#include <string_view>

namespace kinerja {

enum class Msg {
    // scope, roles and sessions
    office_not_found, // {office}
    office_unknown,   // {office}
    not_allowed_heading,
    not_found_heading,
    conflict_heading,
    cannot_process_heading,
    page_not_found, // {path}
    overview_only_reviewers,
    audit_only_leaders,
    plan_only_planners,
    record_only_recorders,
    csrf_missing,
    api_csrf_missing,
    api_unknown_route,
    session_ended_heading,
    // years and months
    year_invalid,  // {year}
    month_invalid, // {month}
    year_month_invalid,
    // forms
    form_invalid, // {form}
    check_marked_fields,
    conflict_nothing_saved, // {what}
    text_not_utf8,          // {field}
    text_not_utf8_heading,
    // confirmations
    saved_count,       // {count} {what}
    pk_revision_saved, // {version}
    targets_saved,
    action_plan_saved,
    count_, // not a message: the number of ids
};

struct MsgArg {
    std::string_view name;
    std::string value;
};

// The sentence for `id` with its parameters filled in; a parameter the text does not name is ignored
// and one it names but is not given stays as {name}, so a mistake shows instead of vanishing.
std::string message(Msg id, std::initializer_list<MsgArg> args = {});
// The text of `id` as the catalogue holds it, parameters unfilled (for tests).
std::string_view message_template(Msg id);

} // namespace kinerja

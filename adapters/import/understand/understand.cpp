#include "adapters/import/understand/understand.h"

#include "adapters/import/understand/values.h"

namespace kinerja::import {
namespace bj = boost::json;

void Context::note(std::string id, Severity severity, std::string message, int line) {
    findings.push_back(
        Finding{std::move(id), severity, std::move(message), source + ":" + std::to_string(line), line, {}});
}

bj::value text_or_null(std::string_view s) {
    if (s.empty()) return nullptr;
    return bj::string(s);
}

const DocumentKind* document_kind(std::string_view code) {
    for (const auto& k : document_kinds)
        if (k.code == code) return &k;
    return nullptr;
}

Result<Understood> understand(const SourceText& source, std::string_view type) {
    const auto lines = make_lines(source);
    Understood out;
    out.facts = document_facts(lines);
    const std::string detected = out.facts.type;
    if (type != "auto" && !type.empty()) {
        if (!document_kind(type))
            return fail(ErrorCode::invalid_input, "Jenis dokumen '" + std::string(type) + "' tidak dikenal",
                        source.name);
        if (detected != "unknown" && detected != type && !(type == "pk" && detected == "lkj"))
            return fail(ErrorCode::invalid_input,
                        "Berkas " + source.name + " tampaknya dokumen " + detected + ", bukan " + std::string(type),
                        source.name);
        out.facts.type = std::string(type);
    }
    auto& seed = out.seed;
    seed["schema"] = "kinerja.seed/1";
    // Findings name the file as a person knows it, without the folders it was read from.
    const std::string file_name = source.name.substr(source.name.find_last_of('/') + 1);
    seed["source"] = file_name;
    seed["kind"] = out.facts.type;
    seed["year"] = out.facts.year ? bj::value(*out.facts.year) : bj::value(nullptr);
    bj::object office;
    office["code"] = out.facts.agency.empty() ? bj::value(nullptr) : bj::value(office_code(out.facts.agency));
    office["name"] = text_or_null(out.facts.agency);
    office["level"] = text_or_null(out.facts.level);
    office["parent"] = nullptr;
    office["place"] = text_or_null(out.facts.place);
    seed["office"] = std::move(office);
    seed["date_text"] = text_or_null(out.facts.date_text);
    if (out.facts.period_start) {
        seed["period_start"] = *out.facts.period_start;
        seed["period_end"] = *out.facts.period_end;
    }

    Context ctx{lines, out.facts, seed, {}, file_name};
    if (ctx.facts.type == "rkt") read_rkt(ctx);
    if (ctx.facts.type == "pk") read_pk(ctx);
    if (ctx.facts.type == "renaksi") read_renaksi(ctx);
    if (ctx.facts.type == "iku") read_iku(ctx);
    if (ctx.facts.type == "renstra") read_renstra(ctx);
    if (ctx.facts.type == "lkj") read_lkj(ctx);
    if (ctx.facts.type == "unknown")
        ctx.note(
            "document-kind-unknown", Severity::warning,
            "Jenis dokumen tidak dikenali (bukan IKU, Renstra, RKT, PK, Rencana Aksi atau LKj); sebutkan dengan --type",
            1);
    for (const auto& other : ctx.facts.other_offices)
        ctx.note("foreign-office-name", Severity::warning,
                 "Teks menyebut '" + other.name + "' dalam dokumen " + ctx.facts.agency + ": '" + other.text + "'",
                 other.line);
    out.facts = ctx.facts;
    out.findings = std::move(ctx.findings);
    return out;
}

} // namespace kinerja::import

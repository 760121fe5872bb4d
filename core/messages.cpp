#include "core/messages.h"

#include <array>
#include <utility>

namespace kinerja {
namespace {

using Entry = std::pair<Msg, std::string_view>;

// Indonesian. One line per sentence; the tests check that every id has exactly one.
constexpr Entry k_indonesian[] = {
    {Msg::office_not_found, "Satker '{office}' tidak ditemukan atau di luar wewenang Anda"},
    {Msg::office_unknown, "Satker '{office}' tidak dikenal"},
    {Msg::not_allowed_heading, "Tidak diizinkan"},
    {Msg::not_found_heading, "Tidak ditemukan"},
    {Msg::conflict_heading, "Konflik"},
    {Msg::cannot_process_heading, "Tidak dapat diproses"},
    {Msg::page_not_found, "Halaman '{path}' tidak ada"},
    {Msg::overview_only_reviewers, "Ikhtisar satker hanya untuk peninjau provinsi dan administrator"},
    {Msg::audit_only_leaders, "Log audit hanya untuk pimpinan, perencana, peninjau dan administrator"},
    {Msg::plan_only_planners, "Hanya perencana atau pimpinan satker yang dapat melakukannya"},
    {Msg::record_only_recorders, "Hanya operator, perencana atau pimpinan satker yang mengisi realisasi"},
    {Msg::csrf_missing, "Formulir tanpa token keamanan (CSRF) yang sah; muat ulang halaman lalu coba lagi"},
    {Msg::api_csrf_missing, "Token CSRF tidak ada atau salah"},
    {Msg::api_unknown_route, "Alamat API tidak dikenal"},
    {Msg::session_ended_heading, "Sesi berakhir"},
    {Msg::year_invalid, "Tahun '{year}' tidak sah; gunakan empat angka antara {first} dan {last}, mis. {example}"},
    {Msg::month_invalid, "Bulan '{month}' tidak sah (1–12)"},
    {Msg::year_month_invalid, "Tahun atau bulan pada formulir tidak sah"},
    {Msg::form_invalid, "Formulir {form} tidak sah; muat ulang halaman lalu coba lagi"},
    {Msg::check_marked_fields, "Periksa isian yang ditandai; tidak ada yang disimpan."},
    {Msg::conflict_nothing_saved,
     "Ada {what} yang sudah diubah orang lain; tidak ada yang disimpan. Isian Anda tetap di bawah."},
    {Msg::text_not_utf8,
     "Isian '{field}' bukan teks UTF-8 yang sah; tidak ada yang disimpan. Periksa isian itu (mungkin disalin "
     "dari dokumen lain) lalu kirim lagi"},
    {Msg::text_not_utf8_heading, "Isian tidak terbaca"},
    {Msg::saved_count, "{count} {what}"},
    {Msg::pk_revision_saved, "Revisi PK tersimpan sebagai versi {version}."},
    {Msg::targets_saved, "Target tersimpan."},
    {Msg::action_plan_saved, "Jadwal Rencana Aksi tersimpan."},
};

static_assert(std::size(k_indonesian) == static_cast<std::size_t>(Msg::count_),
              "every message id has one sentence in the catalogue");

constexpr std::array<std::string_view, static_cast<std::size_t>(Msg::count_)> by_id() {
    std::array<std::string_view, static_cast<std::size_t>(Msg::count_)> out{};
    for (const auto& [id, text] : k_indonesian)
        out[static_cast<std::size_t>(id)] = text;
    return out;
}
constexpr auto k_by_id = by_id();

} // namespace

std::string_view message_template(Msg id) {
    return k_by_id[static_cast<std::size_t>(id)];
}

std::string message(Msg id, std::initializer_list<MsgArg> args) {
    const std::string_view text = message_template(id);
    std::string out;
    out.reserve(text.size() + 32);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '{') {
            const auto close = text.find('}', i);
            if (close != std::string_view::npos) {
                const std::string_view name = text.substr(i + 1, close - i - 1);
                const MsgArg* given = nullptr;
                for (const auto& a : args)
                    if (a.name == name) given = &a;
                if (given) {
                    out += given->value;
                    i = close;
                    continue;
                }
            }
        }
        out.push_back(text[i]);
    }
    return out;
}

} // namespace kinerja

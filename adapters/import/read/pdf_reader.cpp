// PDF: `pdftotext -layout -nodiag -enc UTF-8 FILE -` (poppler-utils) as a child process under the PDF
// limits; its column alignment with spaces is kept. Diagonal text (a "DRAFT" watermark across the page)
// is left out: its letters would fall one by one into the lines of the text under it. A page break (form feed) is an
// empty line. A document whose text has no letter at all is a scan without a text layer, and says so.
#include <algorithm>
#include <fcntl.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "adapters/import/read/child_process.h"
#include "adapters/import/read/read_common.h"
#include "adapters/import/read/readers.h"

namespace kinerja::import::read {
namespace {

std::string temp_dir() {
    const char* t = std::getenv("TMPDIR");
    std::string dir = t != nullptr && *t != '\0' ? t : "/tmp";
    while (dir.size() > 1 && dir.back() == '/')
        dir.pop_back();
    return dir;
}

// The uploaded bytes as a file pdftotext can open; removed whatever happens.
class TempFile {
public:
    TempFile() = default;
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    ~TempFile() {
        if (!path_.empty()) ::unlink(path_.c_str());
    }
    // Returns 0 or the errno of what failed.
    int write(std::string_view bytes) {
        std::string templ = temp_dir() + "/kinerja-pdf-XXXXXX";
        const int fd = ::mkostemp(templ.data(), O_CLOEXEC);
        if (fd < 0) return errno;
        path_ = templ;
        int error = 0;
        for (std::size_t done = 0; done < bytes.size();) {
            const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) {
                error = n < 0 ? errno : EIO;
                break;
            }
            done += static_cast<std::size_t>(n);
        }
        if (::close(fd) != 0 && error == 0) error = errno;
        return error;
    }
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

std::string telling_line(std::string_view s) {
    // pdftotext reports recoverable "Syntax Warning"s before the error that stopped it; the last
    // line that is not one of them says what went wrong.
    std::string chosen;
    std::size_t start = 0;
    while (start < s.size()) {
        std::size_t end = s.find('\n', start);
        if (end == std::string_view::npos) end = s.size();
        std::string_view line = s.substr(start, end - start);
        while (!line.empty() && (line.back() == '\r' || line.back() == ' '))
            line.remove_suffix(1);
        if (!line.empty() && (chosen.empty() || !line.starts_with("Syntax Warning"))) chosen = std::string(line);
        start = end + 1;
    }
    return chosen.empty() ? std::string("tidak ada keterangan") : chosen;
}

bool has_letter(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) return true;
            ++i;
            continue;
        }
        char32_t cp = 0;
        const std::size_t n = utf8_sequence(text, i, &cp);
        if (n == 0) {
            ++i;
            continue;
        }
        // Latin with diacritics, Greek to the general scripts, the CJK and Hangul blocks.
        if ((cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) || (cp >= 0x370 && cp <= 0x1FFF) ||
            (cp >= 0x3040 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF))
            return true;
        i += n;
    }
    return false;
}

} // namespace

Result<std::vector<std::string>> pdf_text_lines(std::string_view name, std::string_view text,
                                                const ReadLimits& limits) {
    if (!has_letter(text))
        return invalid(name, fmt::format("PDF {} tidak memiliki lapisan teks (hasil pindaian?); jalankan OCR "
                                         "terlebih dahulu",
                                         name));
    LineSink sink(name, limits);
    if (auto r = sink.add_text(text); !r) return tl::unexpected(r.error());
    sink.trim_trailing_empty();
    return sink.take();
}

Result<SourceText> read_pdf_file(std::string_view name, const std::string& path, const ReadLimits& limits) {
    ChildLimits child;
    child.timeout_seconds = limits.pdf_timeout_seconds;
    child.memory_bytes = limits.pdf_memory_bytes;
    child.max_stdout = limits.max_text_bytes;
    // A path starting with '-' would be read as an option.
    const std::string file = path.starts_with('-') ? "./" + path : path;
    // One page past the limit is read, so a longer document is refused rather than cut short unsaid.
    const std::string last_page = std::to_string(limits.max_pdf_pages + 1);
    ChildResult r = run_child({"pdftotext", "-layout", "-nodiag", "-enc", "UTF-8", "-l", last_page, file, "-"}, child);
    const std::string where(name);

    switch (r.end) {
    case ChildResult::End::not_started:
        if (r.error == ENOENT)
            return fail(ErrorCode::io, "pdftotext tidak ditemukan; pasang paket poppler-utils untuk membaca PDF",
                        where);
        return fail(ErrorCode::io,
                    fmt::format("PDF {} tidak dapat dibaca: pdftotext tidak dapat dijalankan ({})", name,
                                std::strerror(r.error)),
                    where);
    case ChildResult::End::timed_out:
        return fail(ErrorCode::too_large,
                    fmt::format("PDF {} terlalu lama dibaca: lebih dari {} detik (batas waktu membaca PDF)", name,
                                limits.pdf_timeout_seconds),
                    where);
    case ChildResult::End::output_too_large:
        return limit_exceeded(name, "ukuran teks", limits.max_text_bytes, "byte");
    case ChildResult::End::signaled:
        if (r.err.find("bad_alloc") != std::string::npos || r.err.find("emory") != std::string::npos)
            return fail(ErrorCode::too_large,
                        fmt::format("PDF {} memerlukan memori melebihi batas {} byte", name,
                                    group_thousands(limits.pdf_memory_bytes)),
                        where);
        return invalid(name, fmt::format("PDF {} rusak atau tidak dapat dibaca: pdftotext berhenti (sinyal {}); {}",
                                         name, r.signal, telling_line(r.err)));
    case ChildResult::End::exited:
        break;
    }
    if (r.err.find("Incorrect password") != std::string::npos)
        return invalid(
            name, fmt::format("PDF {} dilindungi kata sandi; buka kunci lalu simpan ulang tanpa kata sandi", name));
    if (r.exit_code == 3)
        return invalid(name, fmt::format("PDF {} dilindungi: pemiliknya tidak mengizinkan teks disalin", name));
    if (r.exit_code != 0)
        return invalid(name, fmt::format("PDF {} rusak atau tidak dapat dibaca: {}", name, telling_line(r.err)));

    // pdftotext ends every page with a form feed.
    if (static_cast<std::size_t>(std::count(r.out.begin(), r.out.end(), '\f')) > limits.max_pdf_pages)
        return limit_exceeded(name, "jumlah halaman", limits.max_pdf_pages, "halaman");
    auto lines = pdf_text_lines(name, r.out, limits);
    if (!lines) return tl::unexpected(lines.error());
    return SourceText{std::string(name), "pdf", std::move(*lines)};
}

Result<SourceText> read_pdf_bytes(std::string_view name, std::string_view bytes, const ReadLimits& limits) {
    TempFile file;
    if (const int error = file.write(bytes); error != 0)
        return fail(ErrorCode::io,
                    fmt::format("PDF {} tidak dapat disimpan sementara untuk dibaca: {} ({})", name,
                                std::strerror(error), temp_dir()),
                    std::string(name));
    return read_pdf_file(name, file.path(), limits);
}

} // namespace kinerja::import::read

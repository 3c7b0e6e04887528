// The privacy lint's lexicon (documents-and-privacy.md §13 no. 38, §10.2; AP Beleidsregels "De
// zieke werknemer"): words that put medical data into text the employer reads.
//
// A small, curated list, Dutch and English, in four groups: diagnoses and conditions, medication,
// treatments and the treating professionals or places (an appointment with a doctor or therapist
// is medical data by AP rules), and complaints or pain. It is a net for the obvious, not a
// classifier: it misses a diagnosis it does not know and paraphrases, and it can flag a word used
// in another sense. Words that are mostly used in another sense were left out on purpose
// ("operation" in English, "behandeling", "specialist", "MS", "corona", "opname"), and so were
// the terms the employer's side may use: "bedrijfsarts", "arbeidsdeskundige", "therapeutisch
// werken" / "arbeidstherapie" (work, not treatment), "belastbaarheid", "beperkingen".
#include <array>
#include <bitset>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/riv_check.h"
#include "core/riv_lexicon.h"

namespace spoorboek::core {
namespace {

enum class Match : std::uint8_t {
  word,    // the whole word (or words)
  prefix,  // the last word may continue: "depressi" matches "depressie", "depressief"
  suffix,  // the first word may be preceded within its word: "klachten" matches "rugklachten"
};

struct Term {
  std::string_view text;  // lowercase; words separated by one space
  Match match;
};

constexpr std::array kTerms{
    // Diagnoses and conditions.
    Term{"burn-out", Match::word}, Term{"burnout", Match::word},
    Term{"overspannen", Match::word}, Term{"overspanning", Match::word},
    Term{"depressi", Match::prefix}, Term{"depressed", Match::word},
    Term{"angststoornis", Match::prefix}, Term{"anxiety", Match::word},
    Term{"paniekaanval", Match::prefix}, Term{"panic attack", Match::prefix},
    Term{"ptss", Match::word}, Term{"ptsd", Match::word},
    Term{"kanker", Match::word}, Term{"cancer", Match::word},
    Term{"tumor", Match::prefix}, Term{"tumour", Match::prefix},
    Term{"chemo", Match::prefix}, Term{"hernia", Match::word},
    Term{"artrose", Match::word}, Term{"artritis", Match::word}, Term{"arthritis", Match::word},
    Term{"reuma", Match::prefix}, Term{"rheumat", Match::prefix},
    Term{"diabetes", Match::word}, Term{"epilepsie", Match::word}, Term{"epilepsy", Match::word},
    Term{"migraine", Match::word}, Term{"astma", Match::word}, Term{"asthma", Match::word},
    Term{"copd", Match::word}, Term{"hartinfarct", Match::word},
    Term{"hartaanval", Match::word}, Term{"heart attack", Match::word},
    Term{"beroerte", Match::word}, Term{"herseninfarct", Match::word},
    Term{"multiple sclerose", Match::word}, Term{"multiple sclerosis", Match::word},
    Term{"long covid", Match::word}, Term{"whiplash", Match::word},
    Term{"fractuur", Match::word}, Term{"fracture", Match::word},
    Term{"adhd", Match::word}, Term{"autisme", Match::word}, Term{"autism", Match::word},
    Term{"bipolair", Match::word}, Term{"bipolar", Match::word},
    Term{"schizofreni", Match::prefix}, Term{"schizophreni", Match::prefix},
    Term{"psychose", Match::word}, Term{"psychosis", Match::word},
    Term{"verslaving", Match::word}, Term{"addiction", Match::word},
    Term{"alcoholisme", Match::word}, Term{"alcoholism", Match::word},
    Term{"slapeloosheid", Match::word}, Term{"insomnia", Match::word},
    Term{"zwangerschapsvergiftiging", Match::word}, Term{"miskraam", Match::word},
    Term{"diagnos", Match::prefix}, Term{"gediagnosticeerd", Match::word},
    // Medication.
    Term{"medicatie", Match::word}, Term{"medicijn", Match::prefix},
    Term{"medication", Match::word}, Term{"antidepress", Match::prefix},
    Term{"pijnstiller", Match::prefix}, Term{"painkiller", Match::prefix},
    Term{"ibuprofen", Match::word}, Term{"paracetamol", Match::word},
    Term{"oxazepam", Match::word}, Term{"diazepam", Match::word}, Term{"ritalin", Match::word},
    Term{"insuline", Match::word}, Term{"insulin", Match::word},
    Term{"morfine", Match::word}, Term{"morphine", Match::word}, Term{"opio", Match::prefix},
    Term{"slaapmiddel", Match::prefix}, Term{"sleeping pill", Match::prefix},
    Term{"bètablokker", Match::prefix}, Term{"beta blocker", Match::prefix},
    // Treatments, and the treating professionals and places.
    Term{"fysiotherap", Match::prefix}, Term{"physiotherap", Match::prefix},
    Term{"psychotherap", Match::prefix}, Term{"therapie", Match::word},
    Term{"therapy", Match::word}, Term{"emdr", Match::word},
    Term{"bestraling", Match::prefix}, Term{"radiotherapy", Match::word},
    Term{"operatie", Match::word}, Term{"geopereerd", Match::word}, Term{"surgery", Match::word},
    Term{"revalidatiecentrum", Match::word}, Term{"huisarts", Match::prefix},
    Term{"general practitioner", Match::prefix}, Term{"psycholoog", Match::word},
    Term{"psychologist", Match::word}, Term{"psychiater", Match::word},
    Term{"psychiatrist", Match::word}, Term{"neuroloog", Match::word},
    Term{"neurologist", Match::word}, Term{"cardioloog", Match::word},
    Term{"cardiologist", Match::word}, Term{"orthopeed", Match::word},
    Term{"ziekenhuis", Match::prefix}, Term{"hospital", Match::prefix},
    // Complaints and pain (AP: complaints and pain descriptions are medical data).
    Term{"klacht", Match::word}, Term{"klachten", Match::suffix}, Term{"pijn", Match::suffix},
    Term{"pain", Match::word}, Term{"symptom", Match::prefix}, Term{"hoofdpijn", Match::word},
    Term{"headache", Match::prefix}, Term{"misselijk", Match::prefix},
    Term{"nausea", Match::word},
};

// No term's first word is shorter (the index relies on two bytes at least).
constexpr std::size_t kShortestTerm = 4;
static_assert([] {
  for (const Term& term : kTerms) {
    if (term.text.substr(0, term.text.find(' ')).size() < kShortestTerm) return false;
  }
  return true;
}());

constexpr std::array<bool, 256> kWordBytes = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 256; ++c) {
    table[static_cast<std::size_t>(c)] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                                         (c >= '0' && c <= '9') || c >= 0x80;
  }
  return table;
}();

bool is_word_byte(unsigned char c) { return kWordBytes[c]; }

// Lowercases ASCII and the Latin-1 capitals of UTF-8 (U+00C0-U+00DE except U+00D7, encoded
// C3 80-C3 9E): "Bètablokker", "ÉÉN" come out as in the lexicon. Other bytes stay as they are.
void lowercase(std::string_view text, std::string& out) {
  out.assign(text);
  char* bytes = out.data();
  const std::size_t size = out.size();
  for (std::size_t i = 0; i < size; ++i) {
    const auto plain = static_cast<unsigned char>(bytes[i]);
    if (plain >= 'a' && plain <= 'z') continue;  // the common case first
    if (plain >= 'A' && plain <= 'Z') {
      bytes[i] = static_cast<char>(plain + 32);
    } else if (plain == 0xC3 && i + 1 < size) {
      const auto next = static_cast<unsigned char>(bytes[i + 1]);
      if (next >= 0x80 && next <= 0x9E && next != 0x97) bytes[i + 1] = static_cast<char>(next + 32);
      ++i;
    }
  }
}

// The words of a lowercased text; a hyphen between word bytes belongs to the word ("burn-out").
void words_of(std::string_view text, std::vector<std::string_view>& words) {
  words.clear();
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !is_word_byte(static_cast<unsigned char>(text[i]))) ++i;
    const std::size_t start = i;
    while (i < text.size()) {
      const auto c = static_cast<unsigned char>(text[i]);
      if (is_word_byte(c)) {
        ++i;
      } else if (c == '-' && i > start && i + 1 < text.size() &&
                 is_word_byte(static_cast<unsigned char>(text[i + 1]))) {
        ++i;
      } else {
        break;
      }
    }
    if (i > start) words.push_back(text.substr(start, i - start));
  }
}

// A term split into its words once, when the index is built.
struct PreparedTerm {
  const Term* term = nullptr;
  std::array<std::string_view, 3> parts{};
  std::size_t count = 0;
};

PreparedTerm prepare(const Term& term) {
  PreparedTerm prepared;
  prepared.term = &term;
  std::string_view rest = term.text;
  while (prepared.count < prepared.parts.size()) {
    const std::size_t space = rest.find(' ');
    prepared.parts[prepared.count++] = rest.substr(0, space);
    if (space == std::string_view::npos) break;
    rest.remove_prefix(space + 1);
  }
  return prepared;
}

// Byte comparisons of a few bytes, inline: memcmp calls cost more than the bytes here.
bool same_bytes(const char* a, const char* b, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}
bool starts_with(std::string_view word, std::string_view part) {
  return word.size() >= part.size() && same_bytes(word.data(), part.data(), part.size());
}
bool ends_with(std::string_view word, std::string_view part) {
  return word.size() >= part.size() && word.back() == part.back() &&
         same_bytes(word.data() + word.size() - part.size(), part.data(), part.size());
}

bool matches_at(const std::vector<std::string_view>& words, std::size_t at,
                const PreparedTerm& prepared) {
  if (at + prepared.count > words.size()) return false;
  const Match match = prepared.term->match;
  for (std::size_t i = 0; i < prepared.count; ++i) {
    const std::string_view word = words[at + i];
    const std::string_view part = prepared.parts[i];
    const bool last = i + 1 == prepared.count;
    bool ok = word.size() == part.size() && same_bytes(word.data(), part.data(), part.size());
    if (!ok && last && match == Match::prefix) ok = starts_with(word, part);
    if (!ok && i == 0 && match == Match::suffix) ok = ends_with(word, part);
    if (!ok) return false;
  }
  return true;
}

// The terms by the first two bytes of their first word, so that a word is compared with one or
// two terms; suffix terms by the last byte of their first word. Immutable once built.
constexpr std::size_t kBuckets = 1024;
std::size_t bucket_of(unsigned char first, unsigned char second) {
  return (static_cast<std::size_t>(first) * 31u + second) % kBuckets;
}

struct TermIndex {
  std::array<std::vector<PreparedTerm>, kBuckets> by_first_bytes;
  std::array<std::vector<PreparedTerm>, 256> suffixes_by_last_byte;
  // The exact first two bytes of the terms' first words, and the last bytes of the suffix terms:
  // a text none of whose words shares them cannot match, and is passed without a copy.
  std::bitset<65536> first_pairs;
  std::bitset<256> suffix_last_bytes;
  TermIndex() {
    for (const Term& term : kTerms) {
      const PreparedTerm prepared = prepare(term);
      const std::string_view first = prepared.parts[0];
      if (term.match == Match::suffix) {
        suffix_last_bytes.set(static_cast<unsigned char>(first.back()));
      } else {
        first_pairs.set(static_cast<unsigned char>(first[0]) * 256u +
                        static_cast<unsigned char>(first[1]));
      }
      if (term.match == Match::suffix) {
        suffixes_by_last_byte[static_cast<unsigned char>(first.back())].push_back(prepared);
      } else {
        by_first_bytes[bucket_of(static_cast<unsigned char>(first[0]),
                                 static_cast<unsigned char>(first[1]))]
            .push_back(prepared);
      }
    }
  }
};

const TermIndex& term_index() {
  static const TermIndex index;
  return index;
}

// Whether any word of the text (as is, ASCII lowercased on the fly) begins with the first two
// bytes of a term, or ends with the last byte of a suffix term. Most texts of a file have none.
bool may_match(std::string_view text, const TermIndex& index) {
  const auto lower = [](unsigned char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c + 32) : c;
  };
  std::size_t i = 0;
  const std::size_t size = text.size();
  while (i < size) {
    while (i < size && !is_word_byte(static_cast<unsigned char>(text[i]))) ++i;
    const std::size_t start = i;
    while (i < size && (is_word_byte(static_cast<unsigned char>(text[i])) || text[i] == '-')) ++i;
    if (i - start < kShortestTerm) continue;
    const unsigned char first = lower(static_cast<unsigned char>(text[start]));
    const unsigned char second = lower(static_cast<unsigned char>(text[start + 1]));
    if (index.first_pairs.test(first * 256u + second)) return true;
    if (index.suffix_last_bytes.test(lower(static_cast<unsigned char>(text[i - 1])))) return true;
  }
  return false;
}

}  // namespace

namespace detail {

std::string_view MedicalTermFinder::find(std::string_view text) {
  if (text.empty() || !may_match(text, term_index())) return {};
  lowercase(text, lower_);
  words_of(lower_, words_);
  if (words_.empty()) return {};
  const auto& words = words_;
  const TermIndex& index = term_index();
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string_view word = words[i];
    if (word.size() < kShortestTerm) continue;
    for (const PreparedTerm& term : index.by_first_bytes[bucket_of(
             static_cast<unsigned char>(word[0]), static_cast<unsigned char>(word[1]))]) {
      if (matches_at(words, i, term)) return term.term->text;
    }
    for (const PreparedTerm& term : index.suffixes_by_last_byte[static_cast<unsigned char>(word.back())]) {
      if (matches_at(words, i, term)) return term.term->text;
    }
  }
  return {};
}

}  // namespace detail

std::string_view find_medical_term(std::string_view text) {
  detail::MedicalTermFinder finder;
  return finder.find(text);
}

}  // namespace spoorboek::core

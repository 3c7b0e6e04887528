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
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/riv_check.h"

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

bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

// Lowercases ASCII and the Latin-1 capitals of UTF-8 (U+00C0-U+00DE except U+00D7, encoded
// C3 80-C3 9E): "Bètablokker", "ÉÉN" come out as in the lexicon. Other bytes stay as they are.
std::string lowercase(std::string_view text) {
  std::string out(text);
  for (std::size_t i = 0; i < out.size(); ++i) {
    const auto c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c + 32);
    } else if (c == 0xC3 && i + 1 < out.size()) {
      const auto next = static_cast<unsigned char>(out[i + 1]);
      if (next >= 0x80 && next <= 0x9E && next != 0x97) out[i + 1] = static_cast<char>(next + 32);
      ++i;
    }
  }
  return out;
}

// The words of a lowercased text; a hyphen between word bytes belongs to the word ("burn-out").
std::vector<std::string_view> words_of(std::string_view text) {
  std::vector<std::string_view> words;
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
  return words;
}

bool matches_at(const std::vector<std::string_view>& words, std::size_t at, const Term& term) {
  std::string_view rest = term.text;
  std::size_t index = at;
  bool first = true;
  while (true) {
    const std::size_t space = rest.find(' ');
    const std::string_view part = rest.substr(0, space);
    const bool last = space == std::string_view::npos;
    if (index >= words.size()) return false;
    const std::string_view word = words[index];
    bool ok = word == part;
    if (!ok && last && term.match == Match::prefix) ok = word.starts_with(part);
    if (!ok && first && term.match == Match::suffix) ok = word.ends_with(part);
    if (!ok) return false;
    if (last) return true;
    rest.remove_prefix(space + 1);
    ++index;
    first = false;
  }
}

// The terms by the first byte of their first word, so that a word is compared with a handful of
// terms; suffix terms can match any word and are tried on every word. Immutable once built.
struct TermIndex {
  std::array<std::vector<const Term*>, 256> by_first_byte;
  std::vector<const Term*> suffixes;
  TermIndex() {
    for (const Term& term : kTerms) {
      if (term.match == Match::suffix) {
        suffixes.push_back(&term);
      } else {
        by_first_byte[static_cast<unsigned char>(term.text.front())].push_back(&term);
      }
    }
  }
};

const TermIndex& term_index() {
  static const TermIndex index;
  return index;
}

}  // namespace

std::string_view find_medical_term(std::string_view text) {
  if (text.empty()) return {};
  const std::string lower = lowercase(text);
  const auto words = words_of(lower);
  const TermIndex& index = term_index();
  for (std::size_t i = 0; i < words.size(); ++i) {
    for (const Term* term : index.by_first_byte[static_cast<unsigned char>(words[i].front())]) {
      if (matches_at(words, i, *term)) return term->text;
    }
    for (const Term* term : index.suffixes) {
      if (matches_at(words, i, *term)) return term->text;
    }
  }
  return {};
}

}  // namespace spoorboek::core

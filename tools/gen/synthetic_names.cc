#include "tools/gen/synthetic_names.h"

#include <array>
#include <cctype>
#include <string_view>

namespace kith::gen {
namespace {

// Every entry must be filled: an array longer than its initialiser would
// hold empty names.

constexpr std::array<std::string_view, 160> kFirst = {
    "Anselm",
    "Ada", "Adrian", "Aiko", "Alba", "Alma", "Amara", "Anders", "Anika", "Arlo", "Astrid", "Aurelio", "Avery",
    "Bea", "Benedikt", "Bram", "Brennan", "Caio", "Calla", "Cassius", "Celeste", "Chioma", "Cyrus", "Dagny",
    "Dario", "Delphine", "Desmond", "Dilan", "Edda", "Elio", "Elspeth", "Emeka", "Enzo", "Esme", "Ezra",
    "Fabian", "Farah", "Felix", "Fenna", "Florin", "Freya", "Gael", "Gemma", "Gideon", "Greta", "Gunnar",
    "Hana", "Hector", "Helga", "Hugo", "Ida", "Ignacio", "Ilse", "Imani", "Ines", "Ivo", "Jada", "Jarek",
    "Jonas", "Josefin", "Jude", "Juniper", "Kai", "Kalani", "Kasper", "Keiko", "Kian", "Kirsi", "Lars",
    "Leona", "Levi", "Liesel", "Linus", "Lorcan", "Lucan", "Luz", "Mads", "Magnus", "Malia", "Marek",
    "Matilde", "Milo", "Mira", "Nadia", "Nico", "Nils", "Noor", "Nuno", "Odile", "Olek", "Olive", "Omar",
    "Orla", "Otto", "Paloma", "Pavel", "Petra", "Pia", "Quentin", "Quilla", "Rafael", "Ragna", "Reza",
    "Rhea", "Rina", "Rocco", "Ronja", "Rosalind", "Rune", "Saga", "Salma", "Sander", "Selma", "Sergei",
    "Sienna", "Silas", "Soren", "Stellan", "Suvi", "Talia", "Tamsin", "Teodor", "Thea", "Tobias", "Tova",
    "Ulla", "Uriel", "Valentin", "Vera", "Vida", "Viggo", "Wanda", "Wes", "Wilma", "Xavi", "Xenia", "Yara",
    "Yusuf", "Zadie", "Zeno", "Zora", "Agnes", "Bruno", "Clio", "Dora", "Emil", "Flora", "Gus", "Hedda",
    "Iris", "Joel", "Kaja", "Lotta", "Mattias", "Nell", "Oskar", "Penn", "Rolf", "Sune", "Tilde"};

constexpr std::array<std::string_view, 25> kStem = {"Ash", "Bel", "Cor", "Dun", "El", "Fen", "Gar", "Hal", "Ing",
                                                   "Jor", "Kel", "Lind", "Mor", "Nor", "Orr", "Pell", "Quin",
                                                   "Ros", "Sel", "Tor", "Ul", "Var", "Wes", "Yar", "Zel"};
constexpr std::array<std::string_view, 7> kJoin = {"a", "e", "i", "o", "", "an", "er"};
constexpr std::array<std::string_view, 24> kEnd = {"by",   "croft", "dale", "field", "ford", "gate",
                                                  "ham",  "ley",   "mont", "ton",   "well", "wick",
                                                  "worth", "sen",  "stad", "ridge", "holm", "bury",
                                                  "more", "stone", "vik",  "lund",  "shaw", "combe"};

constexpr std::array<std::string_view, 40> kOrgTail = {
    "mora", "vant", "tex", "lith", "quist", "nova", "dyne", "ara", "wick", "sys", "gen", "lume", "tiva", "rion",
    "cast", "mark", "point", "forge", "stream", "field", "haven", "crest", "line", "gate", "peak", "bridge",
    "works", "light", "shore", "grove", "wave", "path", "core", "sight", "stack", "loop", "scale", "hub",
    "vale", "port"};
constexpr std::array<std::string_view, 25> kOrgKind = {
    "Labs", "Systems", "Analytics", "Robotics", "Freight", "Health", "Capital", "Networks", "Foods", "Energy",
    "Software", "Logistics", "Biotech", "Media", "Security", "Materials", "Mobility", "Insurance", "Retail",
    "Aerospace", "Pharma", "Devices", "Telecom", "Studios", "Partners"};

constexpr std::array<std::string_view, 40> kTopicWord = {
    "harbor", "atlas", "beacon", "cobalt", "delta", "ember", "falcon", "granite", "helix", "indigo",
    "juniper", "keystone", "lantern", "meridian", "nimbus", "onyx", "prism", "quartz", "radiant", "summit",
    "tundra", "umbra", "vector", "willow", "zenith", "aurora", "basalt", "cypress", "dynamo", "echo",
    "fjord", "glacier", "horizon", "iris", "jasper", "kelp", "lumen", "monsoon", "nova", "orbit"};
constexpr std::array<std::string_view, 50> kTopicThing = {
    "rollout", "migration", "pilot", "renewal", "launch", "audit", "pricing", "roadmap", "integration", "benchmark",
    "onboarding", "expansion", "refresh", "review", "partnership", "hiring", "rebrand", "consolidation",
    "upgrade", "evaluation", "certification", "forecast", "playbook", "workshop", "summit", "offsite", "budget",
    "compliance", "retention", "outreach", "procurement", "sunset", "cutover", "discovery", "enablement",
    "feedback", "handover", "inventory", "licensing", "marketplace", "negotiation", "optimisation", "planning",
    "rfp", "security", "staffing", "tender", "training", "validation", "warranty"};

static_assert(kFirst.back().size() > 0 && kEnd.back().size() > 0 && kOrgKind.back().size() > 0 &&
              kOrgTail.back().size() > 0 && kTopicThing.back().size() > 0 && kTopicWord.back().size() > 0);
static_assert(kMaxPeople == kFirst.size() * kStem.size() * kJoin.size() * kEnd.size());
static_assert(kMaxOrganizations == kOrgKind.size() * kStem.size() * kOrgTail.size());

std::string LastName(size_t index) {
  std::string out(kStem[index % kStem.size()]);
  index /= kStem.size();
  out += kJoin[index % kJoin.size()];
  index /= kJoin.size();
  out += kEnd[index % kEnd.size()];
  return out;
}

std::string Lower(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c))) out += char(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

}  // namespace

std::string PersonName(size_t index) {
  // The first 4,200 people (the popular ones) all have different family
  // names; (index mod 4,200, first) is unique because 4,201 is prime.
  constexpr size_t kLastNames = kStem.size() * kJoin.size() * kEnd.size();
  size_t last = index % kLastNames;
  size_t first = (index / kLastNames + index) % kFirst.size();
  return std::string(kFirst[first]) + " " + LastName(last);
}

std::string OrganizationName(size_t index) {
  std::string kind(kOrgKind[index % kOrgKind.size()]);
  index /= kOrgKind.size();
  std::string root(kStem[index % kStem.size()]);
  index /= kStem.size();
  return root + std::string(kOrgTail[index % kOrgTail.size()]) + " " + kind;
}

std::string TopicTag(size_t index) {
  std::string tag = "project/" + std::string(kTopicWord[index % kTopicWord.size()]);
  index /= kTopicWord.size();
  tag += "-" + std::string(kTopicThing[index % kTopicThing.size()]);
  index /= kTopicThing.size();
  if (index > 0) tag += "-" + std::to_string(index + 1);
  return tag;
}

std::string MailboxOf(const std::string& person_name) {
  size_t space = person_name.find(' ');
  return Lower(person_name.substr(0, space)) + "." + Lower(person_name.substr(space + 1));
}

std::string DomainOf(const std::string& organization_name) { return Lower(organization_name) + ".example"; }

}  // namespace kith::gen

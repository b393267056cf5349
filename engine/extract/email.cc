#include "engine/extract/email.h"

#include "engine/util/date.h"
#include "engine/util/text.h"

namespace kith::extract {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// "Adem Sefa <adem.sefa@microsoft.com>" or a bare address.
std::optional<Correspondent> ParseCorrespondent(std::string_view text) {
  text = util::Trim(text);
  size_t lt = text.find('<');
  size_t gt = text.find('>', lt == std::string_view::npos ? 0 : lt);
  if (lt != std::string_view::npos && gt != std::string_view::npos) {
    std::string address = Lower(util::Trim(text.substr(lt + 1, gt - lt - 1)));
    if (address.find('@') == std::string::npos) return std::nullopt;
    return Correspondent{std::string(util::Trim(text.substr(0, lt))), address};
  }
  if (text.find('@') != std::string_view::npos && text.find(' ') == std::string_view::npos) {
    return Correspondent{"", Lower(text)};
  }
  return std::nullopt;
}

std::vector<Correspondent> ParseCorrespondents(std::string_view list) {
  std::vector<Correspondent> out;
  for (std::string_view piece : util::Split(list, ',')) {
    if (auto c = ParseCorrespondent(piece)) out.push_back(*std::move(c));
  }
  return out;
}

// "**From:** X" → ("from", "X").
std::optional<std::pair<std::string, std::string_view>> HeaderField(std::string_view text) {
  std::string_view s = text;
  bool bold = util::StartsWith(s, "**");
  if (bold) s.remove_prefix(2);
  size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon > 10) return std::nullopt;
  std::string label = Lower(s.substr(0, colon));
  if (label != "from" && label != "to" && label != "cc" && label != "date" && label != "subject") {
    return std::nullopt;
  }
  std::string_view value = s.substr(colon + 1);
  if (bold && util::StartsWith(value, "**")) value.remove_prefix(2);
  return std::make_pair(label, util::Trim(value));
}

// "Hi Jason," / "Hey Jason" / "Dear Jason" → "Jason".
std::string Greeted(std::string_view text) {
  std::string lower = Lower(text);
  for (std::string_view hello : {"hi ", "hey ", "hello ", "dear "}) {
    if (!util::StartsWith(lower, hello)) continue;
    std::string_view rest = text.substr(hello.size());
    size_t end = 0;
    while (end < rest.size() && rest[end] != ',' && rest[end] != '!' && rest[end] != ' ' &&
           rest[end] != '.') {
      ++end;
    }
    std::string name(rest.substr(0, end));
    if (!name.empty() && name[0] >= 'A' && name[0] <= 'Z' && Lower(name) != "team" && Lower(name) != "all") {
      return name;
    }
  }
  return "";
}

bool IsQuotedHistory(std::string_view text) {
  std::string lower = Lower(text);
  return util::StartsWith(lower, "on ") && util::EndsWith(util::Trim(lower), "wrote:");
}

bool ThanksForIntro(std::string_view text) {
  std::string lower = Lower(text);
  for (std::string_view phrase : {"thanks for the intro", "thank you for the intro",
                                  "thanks for introducing", "thank you for introducing",
                                  "thanks for connecting us", "thank you for connecting us"}) {
    if (lower.find(phrase) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

std::vector<EmailMessage> ReadEmailThread(const note::ParsedNote& note) {
  std::vector<EmailMessage> thread;
  std::string current_section;
  bool in_history = false;
  for (const note::Line& line : note.lines) {
    // A "## 2025-11-20 14:17:20 — Name <address>" heading starts a message.
    if (line.section != current_section) {
      current_section = line.section;
      std::optional<int32_t> date = util::ParseIsoDate(current_section);
      size_t dash = current_section.find("\u2014");
      if (date && dash != std::string::npos) {
        if (auto sender = ParseCorrespondent(std::string_view(current_section).substr(dash + 3))) {
          thread.push_back({*sender, {}, "", date, line.line, {}});
          in_history = false;
        }
      }
    }
    if (auto field = HeaderField(line.text)) {
      if (field->first == "from") {
        if (auto sender = ParseCorrespondent(field->second)) {
          thread.push_back({*sender, {}, "", std::nullopt, line.line, {}});
          in_history = false;
        }
      } else if (!thread.empty() && (field->first == "to" || field->first == "cc")) {
        for (Correspondent& c : ParseCorrespondents(field->second)) {
          thread.back().recipients.push_back(std::move(c));
        }
      } else if (!thread.empty() && field->first == "date" && !thread.back().date) {
        thread.back().date = util::FindIsoDate(field->second);
      }
      continue;
    }
    if (thread.empty() || in_history) continue;
    EmailMessage& message = thread.back();
    if (IsQuotedHistory(line.text)) {
      in_history = true;
      continue;
    }
    if (message.greeted.empty()) message.greeted = Greeted(line.text);
    message.body.push_back({line.section, line.line, line.text, message.sender.name});
  }
  return thread;
}

std::vector<IntroductionAck> FindIntroductions(const std::vector<EmailMessage>& thread) {
  std::vector<IntroductionAck> acks;
  for (size_t m = 0; m < thread.size(); ++m) {
    for (const SentenceInput& line : thread[m].body) {
      if (!ThanksForIntro(line.text)) continue;
      // The introducer is named by address in the thanks ("@adem@x.com"),
      // else is the sender of the message before.
      std::optional<Correspondent> introducer;
      std::string lower = Lower(line.text);
      for (size_t k = 0; k < thread.size() && !introducer; ++k) {
        const Correspondent& c = thread[k].sender;
        if (k != m && !c.address.empty() && lower.find(c.address) != std::string::npos) introducer = c;
      }
      if (!introducer && m > 0) introducer = thread[m - 1].sender;
      if (!introducer) continue;
      std::optional<int32_t> date = thread[m].date;
      for (const EmailMessage& earlier : thread) {
        if (earlier.sender.address == introducer->address) {
          date = earlier.date;
          break;
        }
      }
      acks.push_back({*introducer, thread[m].sender, thread[m].greeted, date, line});
    }
  }
  return acks;
}

}  // namespace kith::extract

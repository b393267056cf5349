#include "tools/gen/note_writers.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <string_view>

#include "tools/gen/synthetic_names.h"

namespace kith::gen {
namespace {

// Notes span two years, ending where the real vaults do.
std::string DateOf(int64_t day) {
  using namespace std::chrono;
  year_month_day date{sys_days{2024y / November / 1} + days{day}};
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02u-%02u", int(date.year()), unsigned(date.month()), unsigned(date.day()));
  return out;
}

std::string FirstName(const std::string& name) { return name.substr(0, name.find(' ')); }

// "project/harbor-rollout" -> "harbor rollout".
std::string TopicWords(const std::string& tag) {
  std::string words = tag.substr(tag.rfind('/') + 1);
  std::replace(words.begin(), words.end(), '-', ' ');
  return words;
}

std::string Capitalised(std::string s) {
  if (!s.empty()) s[0] = char(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

template <size_t N>
std::string_view Pick(const std::array<std::string_view, N>& options, Random& random) {
  return options[random.Below(N)];
}

const SyntheticPerson& Person(const World& world, uint32_t index) { return world.people[index]; }
const std::string& OrgOf(const World& world, uint32_t person) {
  return world.organizations[world.people[person].organization];
}

uint32_t DrawPerson(const World& world, Random& random) {
  return uint32_t(world.person_popularity.Draw(random));
}

// A meeting's people: someone popular, some of their colleagues and some
// other popular people, and about half the time the vault's owner.
std::vector<uint32_t> Participants(const World& world, Random& random) {
  std::vector<uint32_t> out;
  auto add = [&](uint32_t p) {
    if (std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
  };
  if (random.Chance(0.5)) add(world.owner);
  uint32_t focus = DrawPerson(world, random);
  add(focus);
  static constexpr std::array<int, 10> kExtra = {0, 0, 0, 1, 1, 1, 2, 2, 3, 5};
  int extra = kExtra[random.Below(kExtra.size())] + (out.size() == 1 ? 1 : 0);
  const std::vector<uint32_t>& colleagues = world.members[world.people[focus].organization];
  for (int i = 0; i < extra; ++i) {
    add(random.Chance(0.5) ? colleagues[random.Below(colleagues.size())] : DrawPerson(world, random));
  }
  return out;
}

uint32_t Other(const World& world, const std::vector<uint32_t>& people, uint32_t not_this, Random& random) {
  for (int tries = 0; tries < 4; ++tries) {
    uint32_t p = people[random.Below(people.size())];
    if (p != not_this) return p;
  }
  uint32_t p = DrawPerson(world, random);
  return p == not_this ? (p + 1) % uint32_t(world.people.size()) : p;
}

constexpr std::array<std::string_view, 8> kSummary = {
    "{A} and {B} reviewed the {topic} plan and agreed on the milestones for the next six weeks, with a check-in "
    "after the first customer cohort goes live.",
    "The group walked through open risks on the {topic}, including staffing, budget and the timeline {ORG} has "
    "committed to, and agreed that the riskiest integration work should start first.",
    "{B} shared an update on {ORG}'s priorities for the quarter and asked for help with the {topic}, in "
    "particular with reference architectures and a realistic sizing model.",
    "Discussion covered integration scope, data residency questions, and how {ORG} measures success once the "
    "{topic} is in production; the current dashboards do not answer that yet.",
    "They agreed to revisit the {topic} numbers after the next forecast cycle and to keep the scope fixed until "
    "then, since every change so far has pushed the date out by about two weeks.",
    "{A} raised concerns about support coverage across time zones; the team will draft an escalation path and "
    "share it before the {topic} goes to a wider audience.",
    "Most of the hour went to the {topic} backlog: three items were closed, two were merged, and the remaining "
    "ones were ranked by customer impact rather than by effort.",
    "{B} described how the previous attempt at the {topic} stalled on procurement, and the group listed what "
    "has changed since then that makes a second attempt worthwhile."};

constexpr std::array<std::string_view, 8> kTask = {
    "Send the {topic} draft to {B}", "Schedule a follow-up on the {topic} with {ORG}",
    "Share the sizing spreadsheet for the {topic}", "Confirm budget owner for the {topic}",
    "Write up the decisions from this meeting", "Review the security questionnaire from {ORG}",
    "Book the workshop room for the {topic}", "Collect customer references for {B}"};

constexpr std::array<std::string_view, 6> kDecision = {
    "{A} and {B} decided to run the {topic} as a two-phase rollout.",
    "The team will keep the {topic} scope fixed until the next review.",
    "{ORG} will provide a test environment for the {topic} by the end of the month.",
    "{B} owns the {topic} communication plan.",
    "The {topic} budget request goes to finance this week.",
    "Weekly check-ins replace the ad hoc syncs for the {topic}."};

constexpr std::array<std::string_view, 5> kTaskTail = {" ⏫", " 🔼", " 🔽", "", ""};

std::string Fill(std::string_view pattern, const std::string& a, const std::string& b, const std::string& org,
                 const std::string& topic) {
  std::string out;
  for (size_t i = 0; i < pattern.size();) {
    if (pattern.compare(i, 3, "{A}") == 0) {
      out += a, i += 3;
    } else if (pattern.compare(i, 3, "{B}") == 0) {
      out += b, i += 3;
    } else if (pattern.compare(i, 5, "{ORG}") == 0) {
      out += org, i += 5;
    } else if (pattern.compare(i, 7, "{topic}") == 0) {
      out += topic, i += 7;
    } else {
      out += pattern[i++];
    }
  }
  return out;
}

// One Key Information sentence about the meeting's people.
std::string KeyFact(const World& world, const std::vector<uint32_t>& people, Random& random) {
  uint32_t p = people[random.Below(people.size())];
  const SyntheticPerson& person = Person(world, p);
  switch (random.Below(8)) {
    case 0:
    case 1:
    case 2:
      if (person.manager != kNobody) {
        return random.Chance(0.7) ? person.name + " reports to " + Person(world, person.manager).name + "."
                                  : person.name + " reports to " + Person(world, person.manager).name +
                                        " and works closely with the " + TopicWords(world.topics[0]) + " team.";
      }
      [[fallthrough]];
    case 3:
      return person.name + " is " + person.title + " at " + OrgOf(world, p) + ".";
    case 4:
      return person.name + " spent " + std::to_string(person.former_years) + " years at " +
             world.organizations[person.former_organization] + " before joining " + OrgOf(world, p) + ".";
    case 5: {
      uint32_t q = Other(world, people, p, random);
      return person.name + " worked with " + Person(world, q).name + " at " +
             world.organizations[person.former_organization] + ".";
    }
    case 6: {
      uint32_t b = Other(world, people, p, random);
      uint32_t c = DrawPerson(world, random);
      if (c == b || c == p) return person.name + " knows " + Person(world, b).name + " from a previous project.";
      return person.name + " introduced " + Person(world, b).name + " to " + Person(world, c).name + ".";
    }
    default: {
      uint32_t q = Other(world, people, p, random);
      return person.name + " knows " + Person(world, q).name + " from " +
             world.organizations[person.former_organization] + ".";
    }
  }
}

std::string QuotedList(const World& world, const std::vector<uint32_t>& people) {
  std::string out;
  for (uint32_t p : people) out += (out.empty() ? "\"" : ", \"") + Person(world, p).name + "\"";
  return out;
}

}  // namespace

WrittenNote MeetingNote(const World& world, int64_t index, Random& random) {
  std::vector<uint32_t> people = Participants(world, random);
  const std::string date = DateOf(int64_t(random.Below(730)));
  const std::string tag = world.topics[world.topic_popularity.Draw(random)];
  const std::string topic = TopicWords(tag);
  uint32_t focus = people.size() > 1 && people[0] == world.owner ? people[1] : people[0];
  const std::string& focus_name = Person(world, focus).name;
  const std::string& org = OrgOf(world, focus);
  std::string title;
  switch (random.Below(4)) {
    case 0: title = Capitalised(topic) + " sync with " + focus_name; break;
    case 1: title = "1:1 with " + focus_name + ": " + topic; break;
    case 2: title = org + " " + topic + " review"; break;
    default: title = Capitalised(topic) + " working session"; break;
  }
  const std::string a = Person(world, people[0]).name;
  const std::string b = focus_name;

  std::string with;
  for (uint32_t p : people) with += (with.empty() ? "" : ", ") + Person(world, p).name;
  std::string text = "---\ntype: \"meeting\"\ntitle: \"" + title + "\"\ndate: \"" + date + "\"\nparticipants: [" +
                     QuotedList(world, people) + "]\ntags:\n  - \"type/meeting\"\n  - \"" + tag + "\"\n---\n\n# " +
                     title + "\n\n**Date**: " + date + "\n**With**: " + with + "\n\n## Summary\n\n";
  int sentences = 2 + int(random.Below(4));
  for (int i = 0; i < sentences; ++i) {
    text += (i ? " " : "") + Fill(Pick(kSummary, random), a, b, org, topic);
  }
  text += "\n\n## Action Items\n\n";
  int tasks = int(random.Below(5));
  for (int i = 0; i < tasks; ++i) {
    uint32_t owner = people[random.Below(people.size())];
    std::string who = owner == world.owner ? "Myself" : Person(world, owner).name;
    std::string due = DateOf(int64_t(random.Below(740)));
    switch (random.Below(5)) {
      case 0: text += "- [x] "; break;
      case 1: text += "- [?] "; break;
      default: text += "- [ ] "; break;
    }
    text += Fill(Pick(kTask, random), a, b, org, topic) + ". @" + who + " 📅 " + due +
            std::string(Pick(kTaskTail, random)) + " #task\n";
  }
  text += "\n## Decisions\n\n";
  int decisions = int(random.Below(3));
  for (int i = 0; i < decisions; ++i) text += "- " + Fill(Pick(kDecision, random), a, b, org, topic) + "\n";
  text += "\n## Key Information\n\n";
  int facts = int(random.Below(4));
  for (int i = 0; i < facts; ++i) text += "- " + KeyFact(world, people, random) + "\n";

  std::string file_title = title;
  std::replace(file_title.begin(), file_title.end(), ':', ' ');
  return {"Meetings/" + date.substr(0, 4) + "/" + date + " - " + file_title + " " + std::to_string(index) + ".md",
          std::move(text)};
}

WrittenNote PersonPage(const World& world, uint32_t index, Random& random) {
  const SyntheticPerson& p = Person(world, index);
  const std::string& org = OrgOf(world, index);
  std::string text = "---\ntype: people\nemail: " + MailboxOf(p.name) + "@" + DomainOf(org) + "\ncompany: " + org +
                     "\ntitle: " + p.name + "\nrole: " + p.title + "\n---\n\n# " + p.name + "\n\n## Key Facts\n\n";
  text += "- " + p.name + " is " + p.title + " at " + org + ".\n";
  if (p.manager != kNobody) text += "- " + p.name + " reports to " + Person(world, p.manager).name + ".\n";
  text += "- " + p.name + " previously worked at " + world.organizations[p.former_organization] + " for " +
          std::to_string(p.former_years) + " years.\n";
  static constexpr std::array<std::string_view, 4> kRelationship = {"customer", "partner", "colleague", "prospect"};
  text += "\n## Profile\n\n**Role**: " + p.title + "\n**Relationship**: " + std::string(Pick(kRelationship, random)) +
          "\n";
  return {"People/" + p.name + "/README.md", std::move(text)};
}

WrittenNote OrganizationPage(const World& world, uint32_t index, Random& random) {
  const std::string& org = world.organizations[index];
  const std::vector<uint32_t>& members = world.members[index];
  std::string text = "---\ntype: customer\ntitle: " + org + "\nstatus: active\ntags:\n  - type/customer\n---\n\n# " +
                     org + "\n\n## Key Contacts\n\n";
  for (size_t i = 0; i < std::min<size_t>(members.size(), 4); ++i) {
    text += "- [[" + Person(world, members[i]).name + "]]\n";
  }
  std::string partner = world.organizations[random.Below(world.organizations.size())];
  text += "\n## Key Facts\n\n- " + org + " signed a reseller agreement with " + partner + " in " +
          DateOf(int64_t(random.Below(730))).substr(0, 7) + ".\n";
  return {"Customers and Partners/" + org + "/README.md", std::move(text)};
}

WrittenNote EmailThread(const World& world, int64_t index, Random& random) {
  // An introduction by e-mail: A introduces B to C, and C thanks A.
  uint32_t a = DrawPerson(world, random);
  uint32_t b = DrawPerson(world, random);
  uint32_t c = DrawPerson(world, random);
  if (b == a) b = (a + 1) % uint32_t(world.people.size());
  if (c == a || c == b) c = (std::max(a, b) + 1) % uint32_t(world.people.size());
  const SyntheticPerson &pa = Person(world, a), &pb = Person(world, b), &pc = Person(world, c);
  const std::string date = DateOf(int64_t(random.Below(730)));
  const std::string subject = "Intro: " + pb.name + " / " + pc.name;
  auto header = [&](const SyntheticPerson& who, uint32_t who_index, const std::string& time) {
    return "## " + date + " " + time + " — " + who.name + " <" + MailboxOf(who.name) + "@" +
           DomainOf(OrgOf(world, who_index)) + ">\n";
  };
  std::string text = "# Re: " + subject + "\n- Exported: " + date + " 18:00:00\n- Messages: 2\n---\n";
  text += header(pa, a, "09:30:00") + "**Subject:** " + subject + "\n> Hi " + FirstName(pc.name) + ", meet " +
          pb.name + ", who is " + pb.title + " at " + OrgOf(world, b) + ". " + FirstName(pb.name) + ", " +
          FirstName(pc.name) + " works on partnerships at " + OrgOf(world, c) + ".\n---\n";
  text += header(pc, c, "11:02:00") + "**Subject:** Re: " + subject + "\n> Hi " + FirstName(pb.name) +
          ",\n> Thanks for the intro, " + FirstName(pa.name) + "! Great to meet you.\n---\n";
  return {"Sources/Email/" + date + "_093000_Intro-" + std::to_string(index) + ".md", std::move(text)};
}

}  // namespace kith::gen

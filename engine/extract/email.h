// E-mail thread exports: "## <timestamp> — Name <address>" message headers
// (or **From:** / **To:** / **Cc:** fields), "> " quoted bodies, greetings
// and signatures. A thread is an interaction between its senders and
// recipients; its text is read with each sender as the speaker.
#ifndef KITH_ENGINE_EXTRACT_EMAIL_H_
#define KITH_ENGINE_EXTRACT_EMAIL_H_

#include <optional>
#include <string>
#include <vector>

#include "engine/extract/gazetteer.h"
#include "engine/extract/sentence_pass.h"
#include "engine/note/note.h"

namespace kith::extract {

struct Correspondent {
  std::string name;
  std::string address;
};

struct EmailMessage {
  Correspondent sender;
  std::vector<Correspondent> recipients;  // To and Cc.
  std::string greeted;  // "Jason" from "Hi Jason,"; "" if none.
  std::optional<int32_t> date;
  int header_line = 0;
  std::vector<SentenceInput> body;  // Up to the quoted history.
};

// The messages of an e-mail export, or nothing if the note is not one.
std::vector<EmailMessage> ReadEmailThread(const note::ParsedNote& note);

// An acknowledged introduction: a message saying "thanks for the intro".
struct IntroductionAck {
  Correspondent introducer;
  Correspondent introduced;  // The one who says thanks.
  std::string greeted;       // Whom the thanks are written to.
  std::optional<int32_t> date;  // Of the introducing message, if found.
  SentenceInput evidence;
};
std::vector<IntroductionAck> FindIntroductions(const std::vector<EmailMessage>& thread);

}  // namespace kith::extract

#endif  // KITH_ENGINE_EXTRACT_EMAIL_H_

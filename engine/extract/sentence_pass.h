// Reads a note's prose (bullets and paragraphs outside action items) for
// relations and for the people and organisations it mentions.
#ifndef KITH_ENGINE_EXTRACT_SENTENCE_PASS_H_
#define KITH_ENGINE_EXTRACT_SENTENCE_PASS_H_

#include <string>
#include <vector>

#include "engine/extract/clause.h"
#include "engine/extract/graph_builder.h"
#include "engine/note/note.h"

namespace kith::extract {

struct SentenceInput {
  std::string section;
  int line = 0;
  std::string text;
  std::string speaker;  // Who "I" is, if known.
};

// Reads each input, adding relations to `builder` and every mention to
// `mentions` (first sentence of each, for MENTIONED_IN).
void ReadSentences(const std::vector<SentenceInput>& inputs, const Gazetteer& gazetteer,
                   const NoteNames& names, const std::string& about_person, GraphBuilder& builder,
                   std::vector<std::pair<Mention, Evidence>>& mentions);

// The lines of a note worth reading as sentences: bullets and short
// paragraphs, with transcript speaker labels ("Jeff: ...") split off.
std::vector<SentenceInput> ProseOf(const note::ParsedNote& note);

}  // namespace kith::extract

#endif  // KITH_ENGINE_EXTRACT_SENTENCE_PASS_H_

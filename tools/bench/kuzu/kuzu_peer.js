// The Kùzu peer of `kith-bench --peers`. kith-bench writes the graph it
// serves as CSV files and the questions as questions.json into one
// directory; this loads the files into an in-memory Kùzu database, asks
// every question once for the answers, then times `rounds` more passes
// (after one untimed warm-up pass, as kith-bench times kith and SQLite),
// and prints one JSON object on stdout:
//   {version, load_seconds,
//    who_knows: {answers: [[name, ...], ...], micros: [...]},
//    shared:    {answers: [[path, ...], ...], micros: [...]},
//    hops:      {answers: [n | null, ...],   micros: [...]}}
// Usage: node kuzu_peer.js DIR
'use strict';

const fs = require('fs');
const path = require('path');
const kuzu = require('kuzu');

const SCHEMA = [
  'CREATE NODE TABLE Person(name STRING PRIMARY KEY)',
  'CREATE NODE TABLE Organization(name STRING PRIMARY KEY)',
  'CREATE NODE TABLE Topic(name STRING PRIMARY KEY)',
  'CREATE NODE TABLE Note(id INT64 PRIMARY KEY, path STRING, date INT64)',
  'CREATE REL TABLE Attended(FROM Person TO Note)',
  'CREATE REL TABLE Knows(FROM Person TO Person, weight DOUBLE, meetings INT64)',
];
const TABLES = [
  ['Person', 'persons.csv'], ['Organization', 'organizations.csv'], ['Topic', 'topics.csv'], ['Note', 'notes.csv'],
  ['Attended', 'attended.csv'], ['Knows', 'knows.csv'],
];

// The same orderings as kith and the SQLite peer: strongest first, then most
// meetings, then name; shared notes newest first.
const WHO_KNOWS = 'MATCH (a:Person {name: $name})-[k:Knows]->(b:Person)' +
    ' RETURN b.name AS name ORDER BY k.weight DESC, k.meetings DESC, b.name LIMIT 20';
const SHARED = 'MATCH (a:Person {name: $a})-[:Attended]->(n:Note)<-[:Attended]-(b:Person {name: $b})' +
    ' RETURN n.path AS path ORDER BY n.date DESC, n.path';
const HOPS = 'MATCH (a:Person {name: $a})-[e:Knows* SHORTEST 1..4]->(b:Person {name: $b}) RETURN length(e) AS hops';

async function rows(conn, statement, params) {
  const result = await conn.execute(statement, params);
  const all = await result.getAll();
  result.close();
  return all;
}

// Answers every input once, then times `rounds` passes after a warm-up.
async function ask(conn, statement, inputs, rounds, toParams, toAnswer) {
  const answers = [];
  for (const input of inputs) answers.push(toAnswer(await rows(conn, statement, toParams(input))));
  const micros = [];
  for (let round = 0; round < rounds; ++round) {
    for (const input of inputs) {
      const start = process.hrtime.bigint();
      await rows(conn, statement, toParams(input));
      micros.push(Number(process.hrtime.bigint() - start) / 1000);
    }
  }
  return {answers, micros};
}

async function main() {
  const dir = process.argv[2];
  const questions = JSON.parse(fs.readFileSync(path.join(dir, 'questions.json'), 'utf8'));
  const start = process.hrtime.bigint();
  const db = new kuzu.Database(':memory:');
  const conn = new kuzu.Connection(db);
  for (const statement of SCHEMA) await conn.query(statement);
  for (const [table, file] of TABLES) {
    await conn.query(`COPY ${table} FROM '${path.join(dir, file)}' (HEADER = true)`);
  }
  const loadSeconds = Number(process.hrtime.bigint() - start) / 1e9;

  const whoKnows = await ask(conn, await conn.prepare(WHO_KNOWS), questions.people, questions.rounds,
                             (name) => ({name}), (all) => all.map((r) => r.name));
  const shared = await ask(conn, await conn.prepare(SHARED), questions.known_pairs, questions.rounds,
                           ([a, b]) => ({a, b}), (all) => all.map((r) => r.path));
  const hops = await ask(conn, await conn.prepare(HOPS), questions.path_pairs, questions.path_rounds,
                         ([a, b]) => ({a, b}), (all) => (all.length ? Number(all[0].hops) : null));
  const version = (await (await conn.query('CALL db_version() RETURN *')).getAll())[0];
  process.stdout.write(JSON.stringify({
    version: String(Object.values(version)[0]), load_seconds: loadSeconds, who_knows: whoKnows, shared, hops,
  }));
}

main().catch((error) => {
  process.stderr.write(`kuzu peer: ${error.stack || error}\n`);
  process.exit(1);
});

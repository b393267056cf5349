// What the two example clients share: their command line and how they
// print a WhoKnowsResponse.
'use strict';

// ADDRESS NAME [--limit N] [--token TOKEN]; TOKEN defaults to $KITH_TOKEN.
function parseArgs(script, argv) {
  const args = { limit: 10, token: process.env.KITH_TOKEN || '' };
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--limit') args.limit = Number(argv[++i]);
    else if (argv[i] === '--token') args.token = argv[++i];
    else rest.push(argv[i]);
  }
  if (rest.length !== 2 || !(args.limit > 0)) {
    console.error(`usage: node ${script} ADDRESS NAME [--limit N] [--token TOKEN]`);
    process.exit(2);
  }
  [args.address, args.name] = rest;
  return args;
}

// One line per person, strongest first.
function printWhoKnows(response) {
  console.log(`Who knows ${response.subject}:`);
  response.people.forEach((person, i) => {
    const last = person.last_interaction ? `, last ${person.last_interaction}` : '';
    console.log(`${i + 1}. ${person.name}  strength ${person.strength.toFixed(3)}  ${person.interactions} meetings${last}`);
  });
}

module.exports = { parseArgs, printWhoKnows };

// Asks a running kithd who knows someone, with the API's own .proto file:
//   node who_knows.js ADDRESS NAME [--limit N] [--token TOKEN]
// ADDRESS is kithd's host:port. TOKEN (or $KITH_TOKEN) is needed when kithd
// runs with --auth-token-file. Prints one line per person, strongest first.
'use strict';

const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const { parseArgs, printWhoKnows } = require('./common');

const PROTO = path.join(__dirname, '..', '..', '..', 'proto', 'kith', 'v1', 'kith.proto');

function main() {
  const args = parseArgs('who_knows.js', process.argv.slice(2));
  const definition = protoLoader.loadSync(PROTO, { keepCase: true, longs: String, enums: String, defaults: true });
  const kith = grpc.loadPackageDefinition(definition).kith.v1;
  const client = new kith.Kith(args.address, grpc.credentials.createInsecure());
  const metadata = new grpc.Metadata();
  if (args.token) metadata.add('authorization', `Bearer ${args.token}`);
  const deadline = new Date(Date.now() + 10000);
  client.WhoKnows({ name: args.name, limit: args.limit }, metadata, { deadline }, (error, response) => {
    if (error) {
      console.error(`kith: ${error.details || error.message}`);
      process.exit(1);
    }
    printWhoKnows(response);
    client.close();
  });
}

main();

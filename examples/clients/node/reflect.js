// Asks a running kithd who knows someone without any .proto file: the
// service's description comes from kithd's gRPC server reflection, as a
// generic client (grpcurl, Postman, ...) would get it.
//   node reflect.js ADDRESS NAME [--limit N] [--token TOKEN]
// Prints the methods kithd offers, then the same lines as who_knows.js.
'use strict';

const grpc = require('@grpc/grpc-js');
const { GrpcReflection } = require('grpc-js-reflection-client');
const { parseArgs, printWhoKnows } = require('./common');

const SERVICE = 'kith.v1.Kith';

async function main() {
  const args = parseArgs('reflect.js', process.argv.slice(2));
  const metadata = new grpc.Metadata();
  if (args.token) metadata.add('authorization', `Bearer ${args.token}`);
  const credentials = grpc.credentials.createInsecure();
  const reflection = new GrpcReflection(args.address, credentials);
  const services = await reflection.listServices('', metadata);
  if (!services.includes(SERVICE)) throw new Error(`kithd offers no ${SERVICE}: ${services.join(', ')}`);
  const methods = await reflection.listMethods(SERVICE, metadata);
  console.log(`${SERVICE}: ${methods.map((m) => m.name).sort().join(' ')}`);

  const descriptor = await reflection.getDescriptorBySymbol(SERVICE, metadata);
  const kith = descriptor.getPackageObject({ keepCase: true, longs: String, enums: String, defaults: true }).kith.v1;
  const client = new kith.Kith(args.address, credentials);
  const deadline = new Date(Date.now() + 10000);
  const response = await new Promise((resolve, reject) => {
    client.WhoKnows({ name: args.name, limit: args.limit }, metadata, { deadline },
                    (error, reply) => (error ? reject(error) : resolve(reply)));
  });
  printWhoKnows(response);
  client.close();
}

main().catch((error) => {
  console.error(`kith: ${error.details || error.message}`);
  process.exit(1);
});

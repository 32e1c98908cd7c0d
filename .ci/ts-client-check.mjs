// Acceptance check with a client nobody on this project wrote: the official MCP TypeScript SDK.
// Usage: node ts-client-check.mjs stdio JAR
//        node ts-client-check.mjs http URL
// Lists the tools (expects 20 valid, unique names) and calls getPetById {petId: 1} (expects pet 1).
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const [mode, target] = process.argv.slice(2);
if (!['stdio', 'http'].includes(mode) || !target) {
  console.error('usage: node ts-client-check.mjs stdio JAR | http URL');
  process.exit(2);
}

function fail(message) {
  console.error(`ts-client-check (${mode}): FAIL: ${message}`);
  process.exit(1);
}

const transport = mode === 'stdio'
  ? new StdioClientTransport({ command: 'java', args: ['-jar', target, '--demo'], stderr: 'ignore' })
  : new StreamableHTTPClientTransport(new URL(target));
const client = new Client({ name: 'ts-client-check', version: '1.0.0' });
await client.connect(transport);

const tools = [];
let cursor;
do {
  const page = await client.listTools(cursor ? { cursor } : {});
  tools.push(...page.tools);
  cursor = page.nextCursor;
} while (cursor);

const names = tools.map((t) => t.name);
if (names.length !== 20) fail(`expected 20 tools, got ${names.length}: ${names.join(', ')}`);
const invalid = names.filter((n) => !/^[A-Za-z0-9_.-]{1,64}$/.test(n));
if (invalid.length) fail(`invalid tool names: ${invalid.join(', ')}`);
if (new Set(names).size !== names.length) fail(`duplicate tool names: ${names.join(', ')}`);

const result = await client.callTool({ name: 'getPetById', arguments: { petId: 1 } });
if (result.isError) fail(`getPetById returned isError: ${JSON.stringify(result.content)}`);
const text = result.content.find((c) => c.type === 'text');
if (!text) fail(`getPetById returned no text content: ${JSON.stringify(result.content)}`);
const pet = JSON.parse(text.text);
if (pet.id !== 1) fail(`getPetById {petId: 1} returned pet ${JSON.stringify(pet)}`);

console.log(`ts-client-check (${mode}): OK: ${names.length} tools, getPetById(1) -> ${pet.name}`);
await client.close();
process.exit(0);

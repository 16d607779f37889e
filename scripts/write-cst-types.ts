// `npm run cst`: rewrites grammar/cst.ts from the parser's rules.
import * as fs from "node:fs";
import * as path from "node:path";
import { cstTypesText } from "../grammar/cst-types-text.js";

const target = path.resolve(import.meta.dirname, "..", "grammar", "cst.ts");
fs.writeFileSync(target, cstTypesText());
process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);

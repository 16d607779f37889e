// `npm run docs`: regenerates docs/diagnostics.md.
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { renderDiagnosticsDoc } from "./diagnostics-doc.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const projectRoot = fs.existsSync(path.join(root, "package.json")) ? root : path.resolve(root, "..");
fs.writeFileSync(path.join(projectRoot, "docs", "diagnostics.md"), renderDiagnosticsDoc(projectRoot) + "\n");
console.log("wrote docs/diagnostics.md");

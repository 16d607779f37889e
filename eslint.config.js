// Lint for the project's own TypeScript: ESLint's and typescript-eslint's
// recommended rules, with the exceptions this code base has reasons for.
// `npm run lint` runs it; `npm test` runs it through test/lint.test.ts.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "vscode-extension/dist/**", "vscode-extension/node_modules/**", "**/*.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    rules: {
      // tsc (noUnusedLocals, noUnusedParameters) already reports these, with the same exceptions.
      "@typescript-eslint/no-unused-vars": "off",
      // Control characters are what the hostile-text code matches on purpose.
      "no-control-regex": "off",
    },
  },
);

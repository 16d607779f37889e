// The extension's settings (contributes.configuration in package.json), read in one place.
import { workspace, type Uri } from "vscode";
import type { DialectName } from "../../compiler/sql/dialects/index.js";
import { isLanguage } from "../../compiler/vocabulary/languages.js";
import { parseDialectSetting, type OutputLanguage } from "./plan-outputs.js";

export function outputLanguageSetting(scope?: Uri): OutputLanguage {
  const v = workspace.getConfiguration("isu", scope).get<string>("outputLanguage", "plan");
  return isLanguage(v) ? v : "plan";
}

export function outputFolderSetting(scope?: Uri): string {
  return workspace.getConfiguration("isu", scope).get<string>("build.outputFolder", "out/${plan}") || "out/${plan}";
}

export function askForFolderSetting(scope?: Uri): boolean {
  return workspace.getConfiguration("isu", scope).get<boolean>("build.askForFolder", true);
}

export function dialectsSetting(scope?: Uri): DialectName[] | string {
  return parseDialectSetting(workspace.getConfiguration("isu", scope).get<unknown>("build.dialects"));
}

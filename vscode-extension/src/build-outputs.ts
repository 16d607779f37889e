// "ISU: Build outputs": every output of the plan (form, record schemas, DDL,
// queries, handbook) written to a folder, all or nothing, as `isu build` does.
import * as nodePath from "node:path";
import { commands, ProgressLocation, Uri, window } from "vscode";
import { openText, planDocument } from "./editor-files.js";
import { buildPlanOutputs, compilePlan, defaultOutputFolder } from "./plan-outputs.js";
import { askForFolderSetting, dialectsSetting, outputFolderSetting, outputLanguageSetting } from "./settings.js";

export async function buildOutputsCommand(uri?: Uri): Promise<void> {
  const doc = await planDocument("Build outputs", uri);
  if (!doc) return;
  if (doc.isUntitled) {
    void window.showErrorMessage("ISU: save the plan first: its outputs are written to a folder beside it.");
    return;
  }
  const planPath = doc.uri.fsPath;
  const c = compilePlan(planPath, openText);
  if (c.errors > 0) {
    const first = c.diagnostics.find((d) => d.severity === "error")!;
    const where = `${nodePath.basename(first.file)}:${first.range.start.line}`;
    const choice = await window.showErrorMessage(
      `ISU: nothing written: the plan has ${c.errors} error${c.errors === 1 ? "" : "s"} (first: ${where}: ${first.message}). Fix them and build again.`,
      "Show Problems",
    );
    if (choice) void commands.executeCommand("workbench.actions.view.problems");
    return;
  }
  if (!c.model) {
    void window.showErrorMessage(`ISU: ${nodePath.basename(planPath)} declares no plan block, so there is nothing to build: build the file with the 'plan' block, which imports this one.`);
    return;
  }
  const dialects = dialectsSetting(doc.uri);
  if (typeof dialects === "string") {
    void window.showErrorMessage(`ISU: ${dialects}.`);
    return;
  }
  let dir = defaultOutputFolder(planPath, c.model.name, outputFolderSetting(doc.uri));
  if (askForFolderSetting(doc.uri)) {
    const answer = await window.showInputBox({
      title: "ISU: Build outputs",
      prompt: `Folder for the outputs of '${c.model.name}' (created if missing; files of the same name are replaced)`,
      value: dir,
      valueSelection: [dir.length - nodePath.basename(dir).length, dir.length],
      validateInput: (v) => (v.trim() ? undefined : "Give a folder, e.g. out/" + c.model!.name),
    });
    if (answer === undefined) return;
    dir = nodePath.resolve(nodePath.dirname(planPath), answer.trim());
  }
  const lang = outputLanguageSetting(doc.uri);
  try {
    const result = await window.withProgress({ location: ProgressLocation.Notification, title: `ISU: building ${c.model.name}` }, async (progress) =>
      buildPlanOutputs(c, dir, { lang, dialects }, (s) => progress.report({ message: s })),
    );
    const removed = result.removed.length ? ` (removed ${result.removed.length} earlier outputs the plan no longer produces)` : "";
    const choice = await window.showInformationMessage(`ISU: wrote ${result.files.length} files to ${dir}${removed}`, "Open Handbook", "Reveal Folder");
    if (choice === "Open Handbook") void commands.executeCommand("vscode.open", Uri.file(nodePath.join(dir, "handbook.html")));
    if (choice === "Reveal Folder") void commands.executeCommand("revealFileInOS", Uri.file(dir));
  } catch (e) {
    void window.showErrorMessage(`ISU: the outputs could not be written to ${dir}: ${(e as Error).message}`);
  }
}

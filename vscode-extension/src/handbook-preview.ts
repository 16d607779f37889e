// "ISU: Preview handbook": the plan's handbook.html in a webview beside the
// editor, rebuilt from the editor's buffers whenever the plan or a file it
// imports is saved. A plan with errors shows the errors instead.
import * as nodePath from "node:path";
import * as os from "node:os";
import { commands, ViewColumn, window, workspace, type Disposable, type TextDocument, type WebviewPanel } from "vscode";
import { openText } from "./editor-files.js";
import { compilePlan, previewHandbook, type PreviewResult } from "./plan-outputs.js";
import { outputLanguageSetting } from "./settings.js";

/** Where an unsaved (untitled) plan is taken to live, so relative imports have a base. */
function planPathOf(doc: TextDocument): string {
  if (doc.uri.scheme === "file") return doc.uri.fsPath;
  const base = workspace.workspaceFolders?.[0]?.uri.fsPath ?? os.homedir();
  return nodePath.join(base, `${nodePath.basename(doc.uri.path) || "untitled"}.isu`);
}

export class HandbookPreview implements Disposable {
  private panel: WebviewPanel | undefined;
  private doc: TextDocument | undefined;
  /** Files of the previewed plan's program (imports and the root): saving any of them refreshes. */
  private files = new Set<string>();
  private lastKind: PreviewResult["kind"] | undefined;
  private readonly subscriptions: Disposable[] = [];

  constructor() {
    this.subscriptions.push(
      workspace.onDidSaveTextDocument((saved) => {
        if (this.panel && this.files.has(nodePath.resolve(saved.uri.fsPath))) this.refresh(false);
      }),
      workspace.onDidChangeConfiguration((e) => {
        if (this.panel && e.affectsConfiguration("isu.outputLanguage")) this.refresh(false);
      }),
    );
  }

  show(doc: TextDocument): void {
    this.doc = doc;
    this.lastKind = undefined;
    if (!this.panel) {
      this.panel = window.createWebviewPanel(
        "isu.handbook",
        "Handbook",
        { viewColumn: ViewColumn.Beside, preserveFocus: true },
        {
          enableScripts: false,
          enableFindWidget: true,
          localResourceRoots: [],
        },
      );
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.files.clear();
      });
    } else {
      this.panel.reveal(ViewColumn.Beside, true);
    }
    this.refresh(true);
  }

  /** Recompiles and redraws; tells the user about errors when asked to (the command) or when they first appear. */
  private refresh(explicit: boolean): void {
    const panel = this.panel;
    const doc = this.doc;
    if (!panel || !doc) return;
    let result: PreviewResult;
    try {
      const planPath = planPathOf(doc);
      const c = compilePlan(planPath, openText, doc.uri.scheme === "file" ? undefined : doc.getText());
      result = previewHandbook(c, outputLanguageSetting(doc.uri));
    } catch (e) {
      void window.showErrorMessage(`ISU: the handbook could not be generated: ${(e as Error).message}. Please report this with the plan that caused it.`);
      return;
    }
    panel.title = result.title;
    panel.webview.html = result.html;
    this.files = new Set(result.files.map((f) => nodePath.resolve(f)));
    if (doc.uri.scheme === "file") this.files.add(nodePath.resolve(doc.uri.fsPath));
    const news = explicit || result.kind !== this.lastKind;
    this.lastKind = result.kind;
    if (!news) return;
    if (result.kind === "problems") {
      const n = result.errors.length;
      const first = result.errors[0]!;
      void window
        .showErrorMessage(
          `ISU: the handbook cannot be shown while the plan has ${n} error${n === 1 ? "" : "s"} (first: line ${first.range.start.line}: ${first.message}). Fix them and save.`,
          "Show Problems",
        )
        .then((choice) => {
          if (choice) void commands.executeCommand("workbench.actions.view.problems");
        });
    } else if (result.kind === "no-plan") {
      void window.showWarningMessage(`ISU: ${result.message}.`);
    }
  }

  dispose(): void {
    this.panel?.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

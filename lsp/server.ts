// The ISU language server. It reuses the compiler's parse → resolve → check;
// each feature is a small module over the workspace (lsp/workspace.ts).
// `isu lsp --stdio` starts it (cli/lsp-command.ts); the VS Code
// extension bundles it and calls startServer().
//
// A failure inside one request answers that request with an InternalError
// and the server goes on; notifications and background checks log theirs.
// Before `initialize` every request is answered ServerNotInitialized and every
// notification but `exit` is dropped, as the protocol asks.
import {
  CodeActionKind,
  createConnection,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type InitializeResult,
} from "vscode-languageserver/node.js";
import { codeActions } from "./code-actions.js";
import { complete } from "./completion.js";
import { definition, typeDefinition } from "./definition.js";
import { DiagnosticsPublisher } from "./diagnostics.js";
import { foldingRanges } from "./folding.js";
import { formatDocument } from "./formatting.js";
import { hover } from "./hover.js";
import { inlayHints } from "./inlay-hints.js";
import { documentLinks } from "./links.js";
import { uriToPath } from "./positions.js";
import { highlights, references } from "./references.js";
import { prepareRename, rename } from "./rename.js";
import { legend, semanticTokens } from "./semantic-tokens.js";
import { documentSymbols, workspaceSymbols } from "./symbols.js";
import { Workspace } from "./workspace.js";

export interface ServerOptions {
  /** A connection to serve; by default one from the command line (--stdio, --node-ipc, --socket). */
  connection?: Connection;
  /** Pause after the last edit before checking, in ms. */
  debounceMs?: number;
}

export const SERVER_VERSION = "0.1.0";

/** A hidden request for tests: it fails on purpose (or arms a failure in a named feature). */
export const TEST_CRASH_REQUEST = "isu/test/crash";

/**
 * A hidden request for tests: what the server keeps, after a full garbage
 * collection when the process runs with --expose-gc (so that what is measured
 * is what is held, not garbage the collector has not come to yet).
 */
export const TEST_MEMORY_REQUEST = "isu/test/memory";

export interface TestMemoryReport {
  /** Whether a collection ran first (only with --expose-gc). */
  collected: boolean;
  rss: number;
  heapUsed: number;
  /** Paths in the shared parse cache (open documents and the files they import). */
  cachedFiles: string[];
  /** Their source size in all (UTF-16 code units). */
  cachedChars: number;
}

export function startServer(options: ServerOptions = {}): Connection {
  const connection = options.connection ?? createConnection(ProposedFeatures.all);
  const ws = new Workspace();
  const log = (what: string, e: unknown) => connection.console.error(`isu: ${what}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  const publisher = new DiagnosticsPublisher(ws, connection, { delay: options.debounceMs ?? Number(process.env["ISU_LSP_DEBOUNCE_MS"] ?? 10) }, (e) => log("checking failed", e));
  const testHooks = process.env["ISU_LSP_TEST_HOOKS"] === "1";
  const failNext = new Set<string>();
  /** Set once `initialize` has been answered. */
  let initialized = false;
  const notInitialized = (what: string) => new ResponseError<void>(ErrorCodes.ServerNotInitialized, `isu language server: not initialized, ${what} refused; send 'initialize' first`);

  /** Runs a request handler; a throw becomes an InternalError answer to this request only. */
  function safe<P, R>(feature: string, handler: (params: P, token: CancellationToken) => R | Promise<R>) {
    return async (params: P, token: CancellationToken): Promise<R | ResponseError<void>> => {
      if (!initialized) return notInitialized(feature);
      try {
        if (failNext.delete(feature)) throw new Error(`failure provoked by ${TEST_CRASH_REQUEST}`);
        return await handler(params, token);
      } catch (e) {
        if (e instanceof ResponseError) return e as ResponseError<void>;
        log(`${feature} failed`, e);
        return new ResponseError(ErrorCodes.InternalError, `isu language server: ${feature} failed: ${(e as Error)?.message ?? String(e)}`);
      }
    };
  }

  function safeNotification<P>(what: string, handler: (params: P) => void) {
    return (params: P): void => {
      if (!initialized) return;
      try {
        handler(params);
      } catch (e) {
        log(`${what} failed`, e);
      }
    };
  }

  /** The open document and the offset of a position in it, or undefined. */
  const at = (uri: string, position: { line: number; character: number }) => {
    const od = ws.byUri(uri);
    return od ? { path: od.path, offset: od.doc.offsetAt(position) } : undefined;
  };

  let watchFiles = false;
  connection.onInitialize((params): InitializeResult => {
    const folders = params.workspaceFolders?.map((f) => uriToPath(f.uri)) ?? (params.rootUri ? [uriToPath(params.rootUri)] : []);
    ws.setFolders(folders);
    watchFiles = !!params.capabilities?.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    const result: InitializeResult = {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { triggerCharacters: [":", "=", ",", "(", "*"] },
        hoverProvider: true,
        definitionProvider: true,
        typeDefinitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        foldingRangeProvider: true,
        semanticTokensProvider: { legend, full: true },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        documentFormattingProvider: true,
        documentLinkProvider: { resolveProvider: false },
        inlayHintProvider: true,
      },
      serverInfo: { name: "isu", version: SERVER_VERSION },
    };
    initialized = true;
    return result;
  });
  connection.onShutdown(() => (initialized ? undefined : notInitialized("shutdown")));
  // Methods the server does not serve: not-initialized first, as for the rest.
  connection.onRequest((method) => (initialized ? new ResponseError<void>(ErrorCodes.MethodNotFound, `isu language server: unhandled method ${method}`) : notInitialized(method)));

  connection.onInitialized(() => {
    if (initialized && watchFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: "**/*.isu" }] });
  });

  connection.onDidOpenTextDocument(
    safeNotification("open", (p) => {
      ws.open(p.textDocument.uri, p.textDocument.version, p.textDocument.text);
      // A file that appears may be an import some open plan could not find.
      publisher.scheduleAll();
    }),
  );
  connection.onDidChangeTextDocument(
    safeNotification("change", (p) => {
      const od = ws.change(p.textDocument.uri, p.textDocument.version, p.contentChanges);
      if (od) publisher.scheduleFor(od.path);
    }),
  );
  connection.onDidCloseTextDocument(
    safeNotification("close", (p) => {
      const od = ws.close(p.textDocument.uri);
      if (!od) return;
      publisher.closed(od.path);
      // Its importers now read the file from disk.
      publisher.scheduleAll();
    }),
  );
  connection.onDidChangeWatchedFiles(
    safeNotification("watched files", (p) => {
      ws.diskChanged(p.changes.map((c) => uriToPath(c.uri)));
      publisher.scheduleAll();
    }),
  );

  connection.onCompletion(
    safe("completion", (p) => {
      const a = at(p.textDocument.uri, p.position);
      return a ? complete(ws, a.path, a.offset) : [];
    }),
  );
  connection.onHover(
    safe("hover", (p) => {
      const a = at(p.textDocument.uri, p.position);
      return a ? hover(ws, a.path, a.offset) : null;
    }),
  );
  connection.onDefinition(
    safe("definition", (p) => {
      const a = at(p.textDocument.uri, p.position);
      return a ? definition(ws, a.path, a.offset) : null;
    }),
  );
  connection.onTypeDefinition(
    safe("type definition", (p) => {
      const a = at(p.textDocument.uri, p.position);
      return a ? typeDefinition(ws, a.path, a.offset) : null;
    }),
  );
  connection.onDocumentLinks(
    safe("document links", (p) => {
      const od = ws.byUri(p.textDocument.uri);
      return od ? documentLinks(ws, od.path) : [];
    }),
  );
  connection.languages.inlayHint.on(
    safe("inlay hints", (p) => {
      const od = ws.byUri(p.textDocument.uri);
      return od ? inlayHints(ws, od.path, p.range) : [];
    }),
  );
  // References and rename read the workspace's files; what they parsed is dropped after.
  connection.onReferences(
    safe("references", (p) => {
      const a = at(p.textDocument.uri, p.position);
      try {
        return a ? references(ws, a.path, a.offset, p.context.includeDeclaration) : [];
      } finally {
        ws.trim();
      }
    }),
  );
  connection.onDocumentHighlight(
    safe("document highlight", (p) => {
      const a = at(p.textDocument.uri, p.position);
      return a ? highlights(ws, a.path, a.offset) : [];
    }),
  );
  connection.onPrepareRename(
    safe("prepare rename", (p) => {
      const a = at(p.textDocument.uri, p.position);
      return a ? prepareRename(ws, a.path, a.offset) : null;
    }),
  );
  connection.onRenameRequest(
    safe("rename", (p) => {
      const a = at(p.textDocument.uri, p.position);
      try {
        return a ? rename(ws, a.path, a.offset, p.newName) : null;
      } finally {
        ws.trim();
      }
    }),
  );
  connection.onDocumentSymbol(
    safe("document symbols", (p) => {
      const od = ws.byUri(p.textDocument.uri);
      return od ? documentSymbols(ws, od.path) : [];
    }),
  );
  connection.onWorkspaceSymbol(safe("workspace symbols", (p) => workspaceSymbols(ws, p.query)));
  connection.onFoldingRanges(
    safe("folding", (p) => {
      const od = ws.byUri(p.textDocument.uri);
      return od ? foldingRanges(ws, od.path) : [];
    }),
  );
  connection.languages.semanticTokens.on(
    safe("semantic tokens", (p) => {
      const od = ws.byUri(p.textDocument.uri);
      return od ? semanticTokens(ws, od.path) : { data: [] };
    }),
  );
  connection.onCodeAction(
    safe("code actions", (p) => {
      const od = ws.byUri(p.textDocument.uri);
      return od ? codeActions(ws, od.path, p.range, p.context.only) : [];
    }),
  );
  connection.onDocumentFormatting(
    safe("formatting", async (p) => {
      const out = await formatDocument(ws, p.textDocument.uri);
      if (out.problem) connection.console.info(`isu: ${out.problem}`);
      return out.edits;
    }),
  );

  if (testHooks) {
    // `{}` fails this request; `{ feature: "hover" }` makes the next hover fail.
    connection.onRequest(
      TEST_CRASH_REQUEST,
      safe("test crash", (p: { feature?: string } | undefined) => {
        if (p?.feature) {
          failNext.add(p.feature);
          return "armed";
        }
        throw new Error("crash provoked by a test");
      }),
    );
    connection.onRequest(
      TEST_MEMORY_REQUEST,
      safe("test memory", (): TestMemoryReport => {
        const gc = (globalThis as { gc?: () => void }).gc;
        // Twice: the first pass may only finalise what the second frees.
        gc?.();
        gc?.();
        const m = process.memoryUsage();
        return { collected: !!gc, rss: m.rss, heapUsed: m.heapUsed, cachedFiles: ws.cache.cachedPaths(), cachedChars: ws.cache.cachedChars() };
      }),
    );
  }

  // A stray error from a timer or a promise must not end the session.
  process.on("uncaughtException", (e) => log("uncaught error", e));
  process.on("unhandledRejection", (e) => log("unhandled rejection", e));

  connection.listen();
  return connection;
}

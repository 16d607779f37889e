// The language server as the extension bundles it (dist/server.js): the same
// server as `isu lsp --stdio`, started by the client with `--stdio`.
import { startServer } from "../../lsp/server.js";

startServer();

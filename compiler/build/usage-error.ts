// A mistake in how a tool was called (an option, a path): the message names
// it and the fix; the CLI exits 2 with it, the editor shows it.
export class UsageError extends Error {}

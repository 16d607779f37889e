// A problem with a database or its URL that the user can fix: the message
// names the URL (password masked) and what to do. The CLI turns it into a
// usage error (exit 2, no stack trace). It lives here, not in build/ (a
// higher layer), so that the data stage can throw it.
export class DatabaseError extends Error {
  override name = "DatabaseError";
}

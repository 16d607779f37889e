// Reading a plan file from disk, for every reader (CLI, compile host, fmt, the
// language server through the host): only regular files are read. A FIFO
// blocks until a writer comes and /dev/zero never ends, so the file is opened
// without blocking and checked with fstat on the same descriptor before any
// byte is read.
import * as fs from "node:fs";

export type ReadResult = { ok: true; text: string } | { ok: false; missing: boolean; reason: string };

/** What a file that is not a regular file is, in words. */
export function kindOf(st: fs.Stats): string {
  if (st.isDirectory()) return "it is a folder, not a file";
  if (st.isFIFO()) return "it is a named pipe (FIFO), not a regular file";
  if (st.isCharacterDevice() || st.isBlockDevice()) return "it is a device, not a regular file";
  if (st.isSocket()) return "it is a socket, not a regular file";
  return "it is not a regular file";
}

/** A system error in words, for messages that name the path beside it. */
export function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT":
      return "no such file or folder";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "it is a folder, not a file";
    case "ENOTDIR":
      return "a part of the path is a file, not a folder";
    case "ELOOP":
      return "too many symbolic links (a link that points to itself?)";
    case "EROFS":
      return "the file system is read-only";
    case "ENOSPC":
      return "no space left on the device";
    case "EDQUOT":
      return "the disk quota is exceeded";
    case "ENAMETOOLONG":
      return "the name is too long";
    case "EMFILE":
    case "ENFILE":
      return "too many open files";
    case "EIO":
      return "an input/output error of the device";
    case "EBUSY":
      return "it is in use (a mount point?)";
    case "EXDEV":
      return "it is on another file system";
    default:
      return code ? `${(e as Error).message}` : String((e as Error)?.message ?? e);
  }
}

/** The text of a regular file; never blocks on a FIFO or reads a device. */
export function readPlanFile(path: string): ReadResult {
  let fd: number;
  try {
    fd = fs.openSync(path, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, missing: code === "ENOENT" || code === "ENOTDIR", reason: fsReason(e) };
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return { ok: false, missing: false, reason: kindOf(st) };
    return { ok: true, text: fs.readFileSync(fd, "utf8") };
  } catch (e) {
    return { ok: false, missing: false, reason: fsReason(e) };
  } finally {
    fs.closeSync(fd);
  }
}

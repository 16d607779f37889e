// What a declared name or value code must look like. Names become column,
// table and file names in every output, so they are lower-case ASCII letters,
// digits and `_`, starting with a letter. (The lexer takes more, Swedish
// letters and capitals too, so that ISU0104 can name the fix.)

/** The shape of a valid name, as documentation and messages write it. */
export const NAME_SHAPE = "[a-z][a-z0-9_]*";

/** Whether a whole text is a valid name. */
export const VALID_NAME = new RegExp(`^${NAME_SHAPE}$`);

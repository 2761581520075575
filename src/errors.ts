/** Machine-readable reason for an {@link UnspinError}. */
export type UnspinErrorCode =
  | "DICTIONARY_SYNTAX" // a dictionary line could not be parsed or is invalid
  | "DICTIONARY_IO" // a dictionary file or folder could not be read
  | "INPUT_BINARY" // input contains NUL bytes
  | "INPUT_ENCODING" // input is not valid UTF-8 (or an unsupported encoding)
  | "INPUT_IO" // input file missing, a directory, or unreadable
  | "MARKUP_SYNTAX" // an annotated corpus file is malformed
  | "MARKUP_MISMATCH" // NAME.ann without its marks differs from NAME.txt
  | "MODEL" // the language model file is missing, truncated or of another version
  | "USAGE"; // bad options or arguments

/** Every error unspin throws on purpose is an UnspinError with a stable `code`. */
export class UnspinError extends Error {
  readonly code: UnspinErrorCode;
  constructor(code: UnspinErrorCode, message: string) {
    super(message);
    this.name = "UnspinError";
    this.code = code;
  }
}

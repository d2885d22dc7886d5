/** Why a sheet cannot be imported (its message: `imports.sheet.<reason>`). */
export class SheetError extends Error {
  constructor(
    readonly reason: "format" | "empty" | "tooManyRows" | "tooLarge",
    /** Data rows read before the reader stopped (for tooManyRows: the limit and one more). */
    readonly rowsRead = 0,
  ) {
    super(reason);
    this.name = "SheetError";
  }
}

/** The word "inferred" beside a value the texts do not state (never colour alone); the note next to it says how. */
export function InferredMark({ what }: { what: string }) {
  return (
    <span className="inferred-mark" title={`The ${what} is not stated in the source text; the note says how it was inferred.`}>
      inferred
    </span>
  );
}

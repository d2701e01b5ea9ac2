/**
 * A short list of codes (classes, province codes) kept in one comma-separated column, in the order given;
 * an empty list is stored as NULL and NULL reads as an empty list.
 */
export const codeListColumn = {
  to: (codes: readonly string[] | null | undefined): string | null =>
    codes && codes.length > 0 ? codes.join(',') : null,
  from: (value: string | null): string[] => (value ? value.split(',') : []),
};

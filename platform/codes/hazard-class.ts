// GB 6944-2012 classes (类别) and divisions (项别) of dangerous goods, as the UN Model Regulations number
// them. Licensing records the classes a permit or vehicle covers; safety checks waybills against them.

/** The classes and the divisions each is split into (classes 3, 7, 8 and 9 have none). */
const DIVISIONS: Readonly<Record<string, readonly string[]>> = {
  '1': ['1.1', '1.2', '1.3', '1.4', '1.5', '1.6'],
  '2': ['2.1', '2.2', '2.3'],
  '3': [],
  '4': ['4.1', '4.2', '4.3'],
  '5': ['5.1', '5.2'],
  '6': ['6.1', '6.2'],
  '7': [],
  '8': [],
  '9': [],
};

/** Returns why the value is not a GB 6944 class or division, or null when it is. */
export function hazardClassProblem(value: string): string | null {
  const hazardClass = value.slice(0, 1);
  const known = hazardClass in DIVISIONS && (value === hazardClass || DIVISIONS[hazardClass].includes(value));
  if (!known) return 'must be a GB 6944 class 1-9, optionally with its division, e.g. 3, 2.1, 6.1, 8';
  return null;
}

/**
 * Whether classes granted (on a permit or a vehicle's certificate) cover goods of `declared`: a whole class
 * covers its divisions (2 covers 2.1), a division covers only itself.
 */
export function classCovers(granted: readonly string[], declared: string): boolean {
  return granted.includes(declared) || granted.includes(declared.slice(0, 1));
}

/** Checks a list of classes from input: each valid, none twice; returns the sorted list or a problem. */
export function hazardClassListProblem(values: readonly string[]): string | null {
  if (values.length === 0) return 'must name at least one GB 6944 class or division';
  for (const value of values) {
    const problem = hazardClassProblem(value);
    if (problem) return `${value}: ${problem}`;
  }
  if (new Set(values).size !== values.length) return 'names a class twice';
  return null;
}

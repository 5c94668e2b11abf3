/** Observations pasted from a spreadsheet column: what the API takes, and what could not be read. */
export type PastedObservation = { date: string; value: number; note?: string };
export type Pasted = { observations: PastedObservation[]; problems: string[] };

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DUTCH = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;

function date(text: string): string | undefined {
  const iso = ISO.exec(text);
  if (iso) return valid(+iso[1], +iso[2], +iso[3]);
  const nl = DUTCH.exec(text);
  if (nl) return valid(+nl[3], +nl[2], +nl[1]);
  return undefined;
}

function valid(year: number, month: number, day: number): string | undefined {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return d.toISOString().substring(0, 10);
}

/** "12,5" (Dutch) and "12.5" both; thousands separators are not expected in a measure. */
function number(text: string): number | undefined {
  const cleaned = text.trim().replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return undefined;
  return Number(cleaned);
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().substring(0, 10);
}

/**
 * One observation per line: "datum waarde [notitie]" separated by tabs or semicolons (as a copied
 * spreadsheet gives them), or a value alone, dated from {@code firstDate} every {@code everyDays}.
 */
export function parseObservations(text: string, firstDate: string, everyDays: number): Pasted {
  const observations: PastedObservation[] = [];
  const problems: string[] = [];
  let next = firstDate;
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const cells = line.split(/\t|;/).map((c) => c.trim());
    const first = date(cells[0]);
    if (first) {
      const value = number(cells[1] ?? '');
      if (value === undefined) problems.push(`Regel ${index + 1}: "${cells[1] ?? ''}" is geen getal.`);
      else observations.push({ date: first, value, ...(cells[2] ? { note: cells[2] } : {}) });
      return;
    }
    const value = number(cells[0]);
    if (value === undefined) {
      problems.push(`Regel ${index + 1}: "${cells[0]}" is geen getal en geen datum.`);
      return;
    }
    if (!ISO.test(next)) {
      problems.push(`Regel ${index + 1}: kies eerst de datum van de eerste meting.`);
      return;
    }
    observations.push({ date: next, value, ...(cells[1] ? { note: cells[1] } : {}) });
    next = addDays(next, everyDays);
  });
  return { observations, problems };
}

import type { PartAnalysis, Signal } from '../api/client';

/** The run chart rules need this many useful points (not on the centre line) to say anything. */
export const MINIMUM_POINTS = 10;

function good(signal: Signal): string {
  if (signal.favourable === undefined || signal.favourable === null) return '';
  return signal.favourable ? ' Dat is de goede kant op.' : ' Let op: dat is de verkeerde kant op.';
}

const side = (s: Signal) => (s.direction === 'DOWN' ? 'onder' : 'boven');

/**
 * A signal of the IHI or Anhøj rules in plain Dutch (B1): what is seen, that it is probably not
 * chance, and whether it is the good direction for this measure.
 */
export function explain(signal: Signal): string {
  const n = signal.points?.length ?? 0;
  switch (signal.rule) {
    case 'SHIFT':
      return `${words(n)} metingen op rij ${side(signal)} de mediaan: waarschijnlijk geen toeval.${good(signal)}`;
    case 'TREND':
      return `${words(n)} metingen op rij steeds ${signal.direction === 'DOWN' ? 'lager' : 'hoger'}: een trend, waarschijnlijk geen toeval.${good(signal)}`;
    case 'TOO_FEW_RUNS':
      return 'De lijn kruist de mediaan minder vaak dan bij toeval: er is waarschijnlijk iets veranderd.';
    case 'TOO_MANY_RUNS':
      return 'De lijn springt vaker heen en weer over de mediaan dan bij toeval: kijk of de metingen uit verschillende groepen komen.';
    case 'ASTRONOMICAL_POINT':
      return `Deze meting is heel anders dan de rest: zoek uit wat er toen gebeurde.${good(signal)}`;
    case 'UNUSUALLY_LONG_RUN':
      return `${words(n)} metingen op rij ${side(signal)} de mediaan: langer dan bij toeval te verwachten is.${good(signal)}`;
    case 'UNUSUALLY_FEW_CROSSINGS':
      return 'De lijn kruist de mediaan opvallend weinig: er is waarschijnlijk iets veranderd.';
    default:
      return signal.description ?? 'Een signaal.';
  }
}

/** "nog 4 metingen nodig" while a part has too few points for the rules. */
export function pointsNeeded(part: Pick<PartAnalysis, 'usefulObservations'>): string | undefined {
  const missing = MINIMUM_POINTS - (part.usefulObservations ?? 0);
  if (missing <= 0) return undefined;
  return missing === 1 ? 'Nog 1 meting nodig voordat de regels iets kunnen zeggen.' : `Nog ${missing} metingen nodig voordat de regels iets kunnen zeggen.`;
}

const NUMBERS = ['Nul', 'Eén', 'Twee', 'Drie', 'Vier', 'Vijf', 'Zes', 'Zeven', 'Acht', 'Negen', 'Tien', 'Elf', 'Twaalf'];

function words(n: number): string {
  return NUMBERS[n] ?? String(n);
}

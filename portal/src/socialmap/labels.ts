/** Dutch words for the API's codes, at B1 level. */
export const FUNDING: Record<string, string> = {
  WMO: 'Gemeente (Wmo)',
  WLZ: 'Wet langdurige zorg (Wlz)',
  ZVW: 'Zorgverzekering (Zvw)',
  SUPPLEMENTARY_INSURANCE: 'Aanvullende verzekering',
  FREE: 'Gratis',
};

export const COST: Record<string, string> = { FREE: 'Gratis', PAID: 'Eigen bijdrage of kosten' };

export const DAYS: Record<string, string> = {
  MONDAY: 'maandag',
  TUESDAY: 'dinsdag',
  WEDNESDAY: 'woensdag',
  THURSDAY: 'donderdag',
  FRIDAY: 'vrijdag',
  SATURDAY: 'zaterdag',
  SUNDAY: 'zondag',
};

export const LANGUAGES: Record<string, string> = {
  nl: 'Nederlands',
  en: 'Engels',
  de: 'Duits',
  fy: 'Fries',
  tr: 'Turks',
  ar: 'Arabisch',
  pl: 'Pools',
  zgh: 'Tamazight',
  ber: 'Berbers',
  pap: 'Papiaments',
  srn: 'Sranantongo',
};

export function label(labels: Record<string, string>, code: string): string {
  return labels[code] ?? code;
}

const DATE = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' });

export function dutchDate(iso: string | undefined): string {
  return iso ? DATE.format(new Date(iso)) : 'onbekend';
}

export function distance(km: number | undefined): string | undefined {
  if (km === undefined || km === null) return undefined;
  return km < 1 ? `${Math.round(km * 1000)} meter` : `${km.toLocaleString('nl-NL', { maximumFractionDigits: 1 })} km`;
}

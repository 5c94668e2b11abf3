import type { Offer } from '../api/client';

/** The search as the page's URL holds it: shareable, so a professional can send it to a caregiver. */
export type SearchForm = {
  q: string;
  near: string;
  lat?: number;
  lon?: number;
  radiusKm?: number;
  taxonomyTerm?: string;
  funding?: string;
  cost?: string;
  language?: string;
  age?: number;
  openNow: boolean;
  openDay?: string;
  openTime?: string;
  page: number;
};

export const FILTERS = ['taxonomyTerm', 'funding', 'cost', 'language'] as const;
export type Filter = (typeof FILTERS)[number];

function number(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

export function readSearch(params: URLSearchParams): SearchForm {
  return {
    q: params.get('q') ?? '',
    near: params.get('near') ?? '',
    lat: number(params.get('lat')),
    lon: number(params.get('lon')),
    radiusKm: number(params.get('radiusKm')),
    taxonomyTerm: params.get('taxonomyTerm') ?? undefined,
    funding: params.get('funding') ?? undefined,
    cost: params.get('cost') ?? undefined,
    language: params.get('language') ?? undefined,
    age: number(params.get('age')),
    openNow: params.get('open') === 'nu',
    openDay: WEEKDAYS.includes(params.get('openDay') ?? '') ? params.get('openDay')! : undefined,
    openTime: /^\d{2}:\d{2}$/.test(params.get('openTime') ?? '') ? params.get('openTime')! : undefined,
    page: Math.max(0, number(params.get('page')) ?? 0),
  };
}

/** The URL query of a search: only what is set, in a stable order. */
export function writeSearch(form: SearchForm): URLSearchParams {
  const params = new URLSearchParams();
  const put = (key: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') params.set(key, String(value));
  };
  put('q', form.q.trim());
  put('near', form.lat === undefined ? form.near.trim() : undefined);
  put('lat', form.lat);
  put('lon', form.lon);
  put('radiusKm', form.radiusKm);
  FILTERS.forEach((f) => put(f, form[f]));
  put('age', form.age);
  if (form.openNow) params.set('open', 'nu');
  else {
    put('openDay', form.openDay);
    put('openTime', form.openDay ? form.openTime : undefined);
  }
  if (form.page > 0) params.set('page', String(form.page));
  return params;
}

const WEEKDAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];

/** Day and time in the Netherlands, whatever the device's time zone. */
export function dutchNow(now: Date): { day: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Amsterdam', weekday: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: get('weekday').toUpperCase(), time: `${get('hour')}:${get('minute')}` };
}

/** The API's query for a search; "nu open" becomes the current Dutch day and time. */
export function apiQuery(form: SearchForm, now: Date) {
  const open = form.openNow ? dutchNow(now) : form.openDay && form.openTime ? { day: form.openDay, time: form.openTime } : undefined;
  return {
    q: form.q.trim() || undefined,
    near: form.lat === undefined ? form.near.trim() || undefined : undefined,
    lat: form.lat,
    lon: form.lon,
    radiusKm: form.radiusKm,
    taxonomyTerm: form.taxonomyTerm,
    funding: form.funding as 'WMO' | 'WLZ' | 'ZVW' | 'SUPPLEMENTARY_INSURANCE' | 'FREE' | undefined,
    cost: form.cost as 'FREE' | 'PAID' | undefined,
    language: form.language,
    age: form.age,
    openDay: open?.day as 'MONDAY' | undefined,
    openTime: open?.time,
    page: form.page,
    pageSize: 20,
  };
}

/** Whether a service is open at this moment by its opening hours (Dutch time). */
export function openAt(offer: Pick<Offer, 'schedules'>, now: Date): boolean {
  const { day, time } = dutchNow(now);
  return (offer.schedules ?? []).some((s) => s.day === day && !!s.opensAt && !!s.closesAt
    && s.opensAt.substring(0, 5) <= time && time < s.closesAt.substring(0, 5));
}

/** Monday first, as Dutch calendars are. */
export const WEEKDAY_ORDER = WEEKDAYS.slice(1).concat(WEEKDAYS[0]);

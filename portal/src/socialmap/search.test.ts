import { describe, expect, it } from 'vitest';
import { apiQuery, dutchNow, openAt, readSearch, writeSearch } from './search';

describe('a search in the URL', () => {
  it('reads back what it wrote, so a shared link gives the same search', () => {
    const params = new URLSearchParams('q=logeeropvang&near=Zwolle&radiusKm=10&funding=WMO&open=nu&page=2');
    const form = readSearch(params);
    expect(form).toMatchObject({ q: 'logeeropvang', near: 'Zwolle', radiusKm: 10, funding: 'WMO', openNow: true, page: 2 });
    expect(writeSearch(form).toString()).toBe(params.toString());
  });

  it('ignores values that are not numbers instead of sending them to the API', () => {
    expect(readSearch(new URLSearchParams('radiusKm=veel&age=&page=-3'))).toMatchObject({ radiusKm: undefined, age: undefined, page: 0 });
  });

  it('searches around my location instead of a place name when it has coordinates', () => {
    const form = { ...readSearch(new URLSearchParams('near=Zwolle')), lat: 52.5, lon: 6.1 };
    expect(writeSearch(form).has('near')).toBe(false);
    expect(apiQuery(form, new Date()).near).toBeUndefined();
  });
});

describe('open on a day', () => {
  it('asks for a day and a time, and is kept in the URL', () => {
    const form = readSearch(new URLSearchParams('openDay=SATURDAY&openTime=10:30'));
    expect(apiQuery(form, new Date())).toMatchObject({ openDay: 'SATURDAY', openTime: '10:30' });
    expect(writeSearch(form).toString()).toBe('openDay=SATURDAY&openTime=10%3A30');
  });

  it('ignores a day that is not one, and a day without a time', () => {
    expect(readSearch(new URLSearchParams('openDay=FUNDAY')).openDay).toBeUndefined();
    expect(apiQuery(readSearch(new URLSearchParams('openDay=MONDAY')), new Date()).openDay).toBeUndefined();
  });

  it('gives way to "nu open"', () => {
    const form = readSearch(new URLSearchParams('open=nu&openDay=SATURDAY&openTime=10:30'));
    expect(writeSearch(form).toString()).toBe('open=nu');
  });
});

describe('open now', () => {
  // 2026-12-01 is a Tuesday; 13:30 UTC is 14:30 in Amsterdam (winter time).
  const tuesdayAfternoon = new Date('2026-12-01T13:30:00Z');

  it('uses Dutch time whatever the device says', () => {
    expect(dutchNow(tuesdayAfternoon)).toEqual({ day: 'TUESDAY', time: '14:30' });
    expect(apiQuery({ ...readSearch(new URLSearchParams('open=nu')) }, tuesdayAfternoon)).toMatchObject({ openDay: 'TUESDAY', openTime: '14:30' });
  });

  it('is open within the hours of the day and closed at closing time', () => {
    const offer = { schedules: [{ day: "TUESDAY" as const, opensAt: '09:00', closesAt: '14:30' }] };
    expect(openAt(offer, new Date('2026-12-01T13:29:00Z'))).toBe(true);
    expect(openAt(offer, tuesdayAfternoon)).toBe(false);
    expect(openAt({ schedules: [] }, tuesdayAfternoon)).toBe(false);
  });
});

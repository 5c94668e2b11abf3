import { lazy, Suspense, useEffect, useState, type FormEvent } from 'react';
import { Link as RouterLink, useNavigate, useOutletContext, useParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { socialMap, unwrap, type Offer } from '../api/client';
import type { Me } from '../api/session';
import { Alert, Button, Heading1, Paragraph, Select, SelectOption, Textbox } from '../components/nlds';
import { useTitle } from '../components/useTitle';
import { COST, DAYS, FUNDING, dutchDate } from '../socialmap/labels';
import { useOffer, useTerms } from '../socialmap/queries';
import { ConflictChoice } from './Conflict';
import { Checkboxes, Field } from './Field';
import { fieldErrors, ifMatch, isConflict, refusal } from './forms';
import { Rows } from './Rows';
import { ConfirmButton } from './SocialeKaartBeheer';
import { Wijzigingen } from './Wijzigingen';

const LocatieKiezer = lazy(() => import('./LocatieKiezer'));

const STATUS: Record<string, string> = { ACTIVE: 'Actief', TEMPORARILY_CLOSED: 'Tijdelijk gesloten', INACTIVE: 'Niet actief', DEFUNCT: 'Bestaat niet meer' };

type Place = { name: string; address: string; postalCode: string; city: string; municipality: string; latitude: string; longitude: string };
type Hours = { day: string; opensAt: string; closesAt: string };
type Form = {
  organization: string; name: string; description: string; status: string; url: string; email: string; phone: string;
  taxonomyTerms: string[]; fundingRoutes: string[]; cost: string; costDescription: string; languages: string;
  minimumAge: string; maximumAge: string; serviceAreas: string; locations: Place[]; schedules: Hours[];
  externalId?: string; alternateName?: string;
};

const text = (n: number | undefined) => (n === undefined || n === null ? '' : String(n));

function toForm(o: Offer | undefined, organization: string): Form {
  return {
    organization: o?.organization ?? organization, name: o?.name ?? '', description: o?.description ?? '', status: o?.status ?? 'ACTIVE',
    url: o?.url ?? '', email: o?.email ?? '', phone: o?.phone ?? '', taxonomyTerms: o?.taxonomyTerms ?? [],
    fundingRoutes: o?.fundingRoutes ?? [], cost: o?.cost ?? '', costDescription: o?.costDescription ?? '',
    languages: (o?.languages ?? ['nl']).join(', '), minimumAge: text(o?.minimumAge), maximumAge: text(o?.maximumAge),
    serviceAreas: (o?.serviceAreas ?? []).join(', '),
    locations: (o?.locations ?? []).map((l) => ({ name: l.name ?? '', address: l.address ?? '', postalCode: l.postalCode ?? '', city: l.city ?? '',
      municipality: l.municipality ?? '', latitude: text(l.latitude), longitude: text(l.longitude) })),
    schedules: (o?.schedules ?? []).map((h) => ({ day: h.day ?? 'MONDAY', opensAt: h.opensAt ?? '', closesAt: h.closesAt ?? '' })),
    externalId: o?.externalId, alternateName: o?.alternateName,
  };
}

const blank = (value: string) => (value.trim() === '' ? undefined : value.trim());
const number = (value: string) => (value.trim() === '' ? undefined : Number(value.replace(',', '.')));
const list = (value: string) => value.split(/[\s,;]+/).map((v) => v.trim()).filter(Boolean);

function toRequest(f: Form) {
  return {
    organization: f.organization, externalId: f.externalId, alternateName: f.alternateName, name: f.name, description: blank(f.description),
    status: f.status as 'ACTIVE', url: blank(f.url), email: blank(f.email), phone: blank(f.phone), taxonomyTerms: f.taxonomyTerms,
    fundingRoutes: f.fundingRoutes as 'WMO'[], cost: (blank(f.cost) as 'FREE' | undefined), costDescription: blank(f.costDescription),
    languages: list(f.languages.toLowerCase()), minimumAge: number(f.minimumAge), maximumAge: number(f.maximumAge),
    serviceAreas: list(f.serviceAreas.toUpperCase()),
    locations: f.locations.map((l) => ({ name: blank(l.name), address: blank(l.address), postalCode: blank(l.postalCode.toUpperCase()),
      city: blank(l.city), municipality: blank(l.municipality.toUpperCase()), latitude: number(l.latitude), longitude: number(l.longitude) })),
    schedules: f.schedules.map((h) => ({ ...h, day: h.day as 'MONDAY' })),
  };
}

function comparable(f: Form): Record<string, string> {
  return {
    Naam: f.name, Omschrijving: f.description, Status: STATUS[f.status] ?? f.status, Website: f.url, 'E-mail': f.email, Telefoon: f.phone,
    Soort: f.taxonomyTerms.join(', '), 'Wie betaalt': f.fundingRoutes.map((r) => FUNDING[r] ?? r).join(', '), Kosten: COST[f.cost] ?? '',
    'Over de kosten': f.costDescription, Talen: f.languages, Leeftijd: `${f.minimumAge}–${f.maximumAge}`, Werkgebied: f.serviceAreas,
    Locaties: f.locations.map((l) => [l.name, l.address, l.city].filter(Boolean).join(', ')).join('; '),
    Openingstijden: f.schedules.map((h) => `${DAYS[h.day]} ${h.opensAt}–${h.closesAt}`).join('; '),
  };
}

/** Add an entry of my organisation to the social map, or edit one, with locations on a map picker. */
export default function AanbodFormulier() {
  const { id } = useParams();
  const me = useOutletContext<Me>();
  const existing = useOffer(id ?? '');
  const terms = useTerms();
  const navigate = useNavigate();
  const queries = useQueryClient();
  useTitle(id ? `Aanbod bewerken${existing.data ? `: ${existing.data.name}` : ''}` : 'Nieuw aanbod');
  const [form, setForm] = useState<Form>(() => toForm(undefined, me.organisation ?? ''));
  const [version, setVersion] = useState<number | undefined>();
  const [theirs, setTheirs] = useState<Offer | undefined>();
  const [saved, setSaved] = useState(false);
  const [mapFor, setMapFor] = useState<number | undefined>();

  useEffect(() => {
    if (id && existing.data && version === undefined) {
      setForm(toForm(existing.data, ''));
      setVersion(existing.data.version);
    }
  }, [id, existing.data, version]);

  const save = useMutation({
    mutationFn: (basedOn: number | undefined) => id
      ? unwrap(socialMap.PUT('/socialmap/services/{id}', { params: { path: { id }, header: { 'If-Match': ifMatch(basedOn) } }, body: toRequest(form) }))
      : unwrap(socialMap.POST('/socialmap/services', { body: toRequest(form) })),
    onSuccess: async (entry) => {
      queries.setQueryData(['offer', entry.id], entry);
      await Promise.all([queries.invalidateQueries({ queryKey: ['own-offers'] }), queries.invalidateQueries({ queryKey: ['unverified'] })]);
      setVersion(entry.version);
      setSaved(true);
      if (!id) navigate(`/portaal/sociale-kaart/${entry.id}`, { replace: true });
    },
    onError: async (error) => {
      if (isConflict(error) && id) setTheirs(await unwrap(socialMap.GET('/socialmap/services/{id}', { params: { path: { id } } })));
    },
  });

  if (id && existing.isPending) return <Paragraph>Laden…</Paragraph>;
  if (id && existing.isError) return <Heading1>Dit aanbod is nu niet te laden</Heading1>;
  const errors = fieldErrors(save.error);
  const set = <K extends keyof Form>(key: K) => (value: Form[K]) => { setSaved(false); setForm({ ...form, [key]: value }); };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTheirs(undefined);
    save.mutate(version);
  };
  const conflict = isConflict(save.error);
  const termOptions = Object.fromEntries((terms.data ?? []).map((t) => [t.code!, t.name ?? t.code!]));
  return (
    <>
      <Paragraph className="mz-no-print"><RouterLink className="utrecht-link" to="/portaal/sociale-kaart">Sociale kaart beheren</RouterLink></Paragraph>
      <Heading1>{id ? 'Aanbod bewerken' : 'Nieuw aanbod'}</Heading1>
      {existing.data && (
        <div className="mz-verify">
          <Paragraph>Laatst gecontroleerd: {dutchDate(existing.data.lastVerifiedAt)}.{' '}
            <RouterLink className="utrecht-link" to={`/sociale-kaart/aanbod/${existing.data.id}`}>Bekijk zoals mantelzorgers het zien</RouterLink></Paragraph>
          <ConfirmButton offer={existing.data} />
        </div>
      )}
      {saved && <Alert type="ok"><Paragraph>Opgeslagen. Mantelzorgers vinden de nieuwe gegevens meteen.</Paragraph></Alert>}
      {save.isError && !conflict && <Alert type="error"><Paragraph>{refusal(save.error)}</Paragraph></Alert>}
      {conflict && (
        <ConflictChoice mine={comparable(form)} theirs={theirs && comparable(toForm(theirs, ''))} busy={save.isPending}
          onKeepMine={() => { setVersion(theirs!.version); save.mutate(theirs!.version); }}
          onTakeTheirs={() => { setForm(toForm(theirs, '')); setVersion(theirs!.version); save.reset(); }} />
      )}
      <form onSubmit={submit} noValidate className="mz-form" aria-label={id ? 'Aanbod bewerken' : 'Nieuw aanbod'}>
        <Field label="Organisatie" error={errors.organization}
          hint={me.roles.includes('COORDINATOR') ? undefined : 'U beheert alleen het aanbod van uw eigen organisatie.'}>
          <Textbox value={form.organization} readOnly={!me.roles.includes('COORDINATOR')} onChange={(e) => set('organization')(e.target.value)} />
        </Field>
        <Field label="Naam van het aanbod" error={errors.name}>
          <Textbox value={form.name} maxLength={200} onChange={(e) => set('name')(e.target.value)} />
        </Field>
        <Field label="Omschrijving" hint="Wat het is en voor wie, in gewone taal" error={errors.description}>
          <textarea className="utrecht-textarea utrecht-textarea--html-textarea mz-textarea" rows={4} maxLength={4000} value={form.description}
            onChange={(e) => set('description')(e.target.value)} />
        </Field>
        <Field label="Status" error={errors.status}>
          <Select value={form.status} onChange={(e) => set('status')(e.target.value)}>
            {Object.entries(STATUS).map(([code, name]) => <SelectOption key={code} value={code}>{name}</SelectOption>)}
          </Select>
        </Field>
        <div className="mz-search">
          <Field label="Website" error={errors.url}><Textbox type="url" value={form.url} onChange={(e) => set('url')(e.target.value)} /></Field>
          <Field label="E-mail" error={errors.email}><Textbox type="email" value={form.email} onChange={(e) => set('email')(e.target.value)} /></Field>
          <Field label="Telefoon" error={errors.phone}><Textbox type="tel" value={form.phone} onChange={(e) => set('phone')(e.target.value)} /></Field>
        </div>
        <Checkboxes legend="Soort steun" options={termOptions} value={form.taxonomyTerms} onChange={set('taxonomyTerms')} error={errors.taxonomyTerms} />
        <Checkboxes legend="Wie betaalt" options={FUNDING} value={form.fundingRoutes} onChange={set('fundingRoutes')} error={errors.fundingRoutes} />
        <div className="mz-search">
          <Field label="Kosten" error={errors.cost}>
            <Select value={form.cost} onChange={(e) => set('cost')(e.target.value)}>
              <SelectOption value="">Niet bekend</SelectOption>
              {Object.entries(COST).map(([code, name]) => <SelectOption key={code} value={code}>{name}</SelectOption>)}
            </Select>
          </Field>
          <Field label="Over de kosten" error={errors.costDescription}><Textbox value={form.costDescription} maxLength={500} onChange={(e) => set('costDescription')(e.target.value)} /></Field>
        </div>
        <div className="mz-search">
          <Field label="Talen" hint="Taalcodes, bijvoorbeeld nl, en, tr" error={errors.languages}><Textbox value={form.languages} onChange={(e) => set('languages')(e.target.value)} /></Field>
          <Field label="Leeftijd vanaf" error={errors.minimumAge}><Textbox inputMode="numeric" value={form.minimumAge} onChange={(e) => set('minimumAge')(e.target.value)} /></Field>
          <Field label="Leeftijd tot en met" error={errors.maximumAge}><Textbox inputMode="numeric" value={form.maximumAge} onChange={(e) => set('maximumAge')(e.target.value)} /></Field>
        </div>
        <Field label="Werkgebied" hint="CBS-codes van gemeenten, bijvoorbeeld GM0193, GM0171" error={errors.serviceAreas}>
          <Textbox value={form.serviceAreas} onChange={(e) => set('serviceAreas')(e.target.value)} />
        </Field>
        <Rows legend="Locaties" rows={form.locations} onChange={set('locations')} addLabel="Locatie toevoegen" error={errors.locations}
          empty={() => ({ name: '', address: '', postalCode: '', city: '', municipality: '', latitude: '', longitude: '' })}
          render={(l, change, i) => (
            <>
              <div className="mz-search">
                <Field label="Naam van de locatie" error={errors[`locations[${i}].name`]}><Textbox value={l.name} onChange={(e) => change({ ...l, name: e.target.value })} /></Field>
                <Field label="Adres" error={errors[`locations[${i}].address`]}><Textbox value={l.address} onChange={(e) => change({ ...l, address: e.target.value })} /></Field>
                <Field label="Postcode" error={errors[`locations[${i}].postalCode`]}><Textbox value={l.postalCode} maxLength={7} onChange={(e) => change({ ...l, postalCode: e.target.value })} /></Field>
                <Field label="Plaats" error={errors[`locations[${i}].city`]}><Textbox value={l.city} onChange={(e) => change({ ...l, city: e.target.value })} /></Field>
                <Field label="Gemeente (CBS-code)" error={errors[`locations[${i}].municipality`]}><Textbox value={l.municipality} maxLength={6} onChange={(e) => change({ ...l, municipality: e.target.value })} /></Field>
              </div>
              <div className="mz-search">
                <Field label="Breedtegraad" error={errors[`locations[${i}].latitude`]}><Textbox inputMode="decimal" value={l.latitude} onChange={(e) => change({ ...l, latitude: e.target.value })} /></Field>
                <Field label="Lengtegraad" error={errors[`locations[${i}].longitude`]}><Textbox inputMode="decimal" value={l.longitude} onChange={(e) => change({ ...l, longitude: e.target.value })} /></Field>
              </div>
              {mapFor === i ? (
                <Suspense fallback={<Paragraph>Kaart laden…</Paragraph>}>
                  <LocatieKiezer label={l.name || `Locatie ${i + 1}`} latitude={number(l.latitude)} longitude={number(l.longitude)}
                    onPick={(latitude, longitude) => change({ ...l, latitude: String(latitude), longitude: String(longitude) })} />
                </Suspense>
              ) : (
                <Button type="button" appearance="subtle-button" onClick={() => setMapFor(i)}>Kies de plek op de kaart</Button>
              )}
            </>
          )} />
        <Rows legend="Openingstijden" rows={form.schedules} onChange={set('schedules')} addLabel="Openingstijd toevoegen" error={errors.schedules}
          empty={() => ({ day: 'MONDAY', opensAt: '09:00', closesAt: '17:00' })}
          render={(h, change, i) => (
            <div className="mz-search">
              <Field label="Dag"><Select value={h.day} onChange={(e) => change({ ...h, day: e.target.value })}>
                {Object.entries(DAYS).map(([code, name]) => <SelectOption key={code} value={code}>{name}</SelectOption>)}
              </Select></Field>
              <Field label="Van" error={errors[`schedules[${i}].opensAt`]}><Textbox type="time" value={h.opensAt} onChange={(e) => change({ ...h, opensAt: e.target.value })} /></Field>
              <Field label="Tot" error={errors[`schedules[${i}].closesAt`]}><Textbox type="time" value={h.closesAt} onChange={(e) => change({ ...h, closesAt: e.target.value })} /></Field>
            </div>
          )} />
        <div className="mz-search__actions">
          <Button type="submit" appearance="primary-action-button" disabled={save.isPending}>{id ? 'Wijzigingen opslaan' : 'Aanbod toevoegen'}</Button>
        </div>
      </form>
      {id && <Wijzigingen of="service" id={id} />}
    </>
  );
}

import { useEffect, useState, type FormEvent } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiProblem, socialMap, unwrap, type RespiteRoute } from '../api/client';
import { Alert, Button, Heading1, Paragraph, Textbox } from '../components/nlds';
import { useTitle } from '../components/useTitle';
import { useOffer } from '../socialmap/queries';
import { ConflictChoice } from './Conflict';
import { Field } from './Field';
import { fieldErrors, ifMatch, isConflict, refusal } from './forms';
import { Rows } from './Rows';

type Step = { title: string; role: string; organisation: string; description: string; caregiverBrings: string; typicalWait: string; serviceIds: string[] };
type Form = { title: string; steps: Step[] };

function toForm(route: RespiteRoute | undefined, municipality: string): Form {
  return {
    title: route?.title ?? `Respijtzorg in ${municipality}`,
    steps: (route?.steps ?? []).map((s) => ({ title: s.title ?? '', role: s.role ?? '', organisation: s.organisation ?? '', description: s.description ?? '',
      caregiverBrings: s.caregiverBrings ?? '', typicalWait: s.typicalWait ?? '', serviceIds: s.serviceIds ?? [] })),
  };
}

const blank = (value: string) => (value.trim() === '' ? undefined : value.trim());

function comparable(f: Form): Record<string, string> {
  return Object.fromEntries([['Titel', f.title], ...f.steps.map((s, i) => [`Stap ${i + 1}`, [s.title, s.role, s.organisation].filter(Boolean).join(' · ')])]);
}

/** Choose a municipality (CBS code) whose route to edit. */
export function RouteKiezen() {
  useTitle('Respijtzorgroutes');
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  return (
    <>
      <Heading1>Respijtzorgroutes</Heading1>
      <Paragraph>De route laat mantelzorgers stap voor stap zien hoe zij in hun gemeente respijtzorg krijgen. Gemeenten en coördinatoren stellen haar op.</Paragraph>
      <form className="mz-search" aria-label="Gemeente kiezen" onSubmit={(e) => { e.preventDefault(); navigate(`/portaal/respijtzorg/${code.trim().toUpperCase()}`); }}>
        <Field label="Gemeente (CBS-code)" hint="Bijvoorbeeld GM0171 voor Noordoostpolder"><Textbox value={code} maxLength={6} onChange={(e) => setCode(e.target.value)} /></Field>
        <div className="mz-search__actions"><Button type="submit" appearance="primary-action-button">Route openen</Button></div>
      </form>
    </>
  );
}

function Linked({ id, onRemove }: { id: string; onRemove: () => void }) {
  const offer = useOffer(id);
  const name = offer.data?.name ?? id;
  return (
    <li className="utrecht-unordered-list__item">
      <RouterLink className="utrecht-link" to={`/sociale-kaart/aanbod/${id}`}>{name}</RouterLink>{' '}
      <Button type="button" appearance="subtle-button" onClick={onRemove} aria-label={`Koppeling met ${name} verwijderen`}>Ontkoppelen</Button>
    </li>
  );
}

/** Link social-map entries to a step: search by words within the municipality, then pick. */
function LinkEntries({ municipality, linked, onChange }: { municipality: string; linked: string[]; onChange: (ids: string[]) => void }) {
  const [words, setWords] = useState('');
  const [query, setQuery] = useState('');
  const found = useQuery({
    queryKey: ['search', 'route', municipality, query],
    queryFn: () => unwrap(socialMap.GET('/socialmap/search', { params: { query: { q: query, municipality, pageSize: 5 } } })),
    enabled: query.length > 0,
  });
  return (
    <div className="mz-link-entries">
      {linked.length > 0 && (
        <ul className="utrecht-unordered-list" aria-label="Gekoppeld aanbod">
          {linked.map((id) => <Linked key={id} id={id} onRemove={() => onChange(linked.filter((l) => l !== id))} />)}
        </ul>
      )}
      <div className="mz-search">
        <Field label="Aanbod zoeken om te koppelen"><Textbox value={words} onChange={(e) => setWords(e.target.value)}
          onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); setQuery(words.trim()); } }} /></Field>
        <div className="mz-search__actions"><Button type="button" appearance="secondary-action-button" onClick={() => setQuery(words.trim())}>Zoeken</Button></div>
      </div>
      {found.data && (
        <ul className="utrecht-unordered-list" aria-label="Gevonden aanbod">
          {(found.data.items ?? []).length === 0 && <li className="utrecht-unordered-list__item">Niets gevonden in deze gemeente.</li>}
          {(found.data.items ?? []).map((hit) => hit.service && (
            <li className="utrecht-unordered-list__item" key={hit.service.id}>
              {hit.service.name}{' '}
              <Button type="button" appearance="subtle-button" disabled={linked.includes(hit.service.id!)}
                onClick={() => onChange([...linked, hit.service!.id!])} aria-label={`${hit.service.name} koppelen`}>Koppelen</Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A municipality's respite-care route as ordered steps: add, move up or down, link entries, save. */
export default function RouteBewerken() {
  const { gemeente = '' } = useParams();
  const queries = useQueryClient();
  const route = useQuery({
    queryKey: ['respite-route', gemeente],
    queryFn: async () => {
      try {
        return await unwrap(socialMap.GET('/socialmap/municipalities/{municipality}/respite-route', { params: { path: { municipality: gemeente } } }));
      } catch (e) {
        if (e instanceof ApiProblem && e.status === 404) return null;
        throw e;
      }
    },
  });
  useTitle(`Respijtzorgroute ${gemeente}`);
  const [form, setForm] = useState<Form | undefined>();
  const [version, setVersion] = useState<number | undefined>();
  const [theirs, setTheirs] = useState<RespiteRoute | undefined>();
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (route.isSuccess && form === undefined) {
      setForm(toForm(route.data ?? undefined, gemeente));
      setVersion(route.data?.version);
    }
  }, [route.isSuccess, route.data, form, gemeente]);

  const save = useMutation({
    mutationFn: (basedOn: number | undefined) => unwrap(socialMap.PUT('/socialmap/municipalities/{municipality}/respite-route', {
      params: { path: { municipality: gemeente }, header: basedOn === undefined ? {} : { 'If-Match': ifMatch(basedOn) } } as never,
      body: { title: form!.title, steps: form!.steps.map((s) => ({ title: s.title, role: s.role, organisation: blank(s.organisation),
        description: blank(s.description), caregiverBrings: blank(s.caregiverBrings), typicalWait: blank(s.typicalWait), serviceIds: s.serviceIds })) } })),
    onSuccess: (saved) => {
      queries.setQueryData(['respite-route', gemeente], saved);
      setVersion(saved.version);
      setSaved(true);
    },
    onError: async (error) => {
      if (isConflict(error)) setTheirs(await unwrap(socialMap.GET('/socialmap/municipalities/{municipality}/respite-route', { params: { path: { municipality: gemeente } } })));
    },
  });
  if (!form) return <Paragraph>{route.isError ? 'De route is nu niet te laden.' : 'Laden…'}</Paragraph>;
  const errors = fieldErrors(save.error);
  const conflict = isConflict(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTheirs(undefined);
    save.mutate(version);
  };
  return (
    <>
      <Paragraph className="mz-no-print"><RouterLink className="utrecht-link" to="/portaal/respijtzorg">Andere gemeente</RouterLink> ·{' '}
        <RouterLink className="utrecht-link" to={`/sociale-kaart/respijtzorg/${gemeente}`}>Bekijk zoals mantelzorgers het zien</RouterLink></Paragraph>
      <Heading1>{`Respijtzorgroute ${gemeente}`}</Heading1>
      {route.data === null && <Paragraph>Deze gemeente heeft nog geen route. Begin hieronder met de eerste stap.</Paragraph>}
      {saved && <Alert type="ok"><Paragraph>De route is opgeslagen.</Paragraph></Alert>}
      {save.isError && !conflict && <Alert type="error"><Paragraph>{refusal(save.error)}</Paragraph></Alert>}
      {conflict && (
        <ConflictChoice mine={comparable(form)} theirs={theirs && comparable(toForm(theirs, gemeente))} busy={save.isPending}
          onKeepMine={() => { setVersion(theirs!.version); save.mutate(theirs!.version); }}
          onTakeTheirs={() => { setForm(toForm(theirs, gemeente)); setVersion(theirs!.version); save.reset(); }} />
      )}
      <form onSubmit={submit} noValidate className="mz-form" aria-label="Route bewerken">
        <Field label="Titel" error={errors.title}><Textbox value={form.title} maxLength={200} onChange={(e) => { setSaved(false); setForm({ ...form, title: e.target.value }); }} /></Field>
        <Rows legend="Stappen (in volgorde)" ordered rows={form.steps} onChange={(steps) => { setSaved(false); setForm({ ...form, steps }); }} addLabel="Stap toevoegen"
          error={errors.steps} empty={() => ({ title: '', role: '', organisation: '', description: '', caregiverBrings: '', typicalWait: '', serviceIds: [] })}
          render={(s, change, i) => (
            <>
              <div className="mz-search">
                <Field label={`Stap ${i + 1}: wat gebeurt er?`} error={errors[`steps[${i}].title`]}><Textbox value={s.title} onChange={(e) => change({ ...s, title: e.target.value })} /></Field>
                <Field label="Wie doet dit?" hint="Bijvoorbeeld mantelzorgconsulent" error={errors[`steps[${i}].role`]}><Textbox value={s.role} onChange={(e) => change({ ...s, role: e.target.value })} /></Field>
                <Field label="Organisatie"><Textbox value={s.organisation} onChange={(e) => change({ ...s, organisation: e.target.value })} /></Field>
              </div>
              <Field label="Uitleg"><Textbox value={s.description} onChange={(e) => change({ ...s, description: e.target.value })} /></Field>
              <div className="mz-search">
                <Field label="Wat neemt de mantelzorger mee?"><Textbox value={s.caregiverBrings} onChange={(e) => change({ ...s, caregiverBrings: e.target.value })} /></Field>
                <Field label="Gebruikelijke wachttijd"><Textbox value={s.typicalWait} onChange={(e) => change({ ...s, typicalWait: e.target.value })} /></Field>
              </div>
              <LinkEntries municipality={gemeente} linked={s.serviceIds} onChange={(serviceIds) => change({ ...s, serviceIds })} />
            </>
          )} />
        <div className="mz-search__actions"><Button type="submit" appearance="primary-action-button" disabled={save.isPending}>Route opslaan</Button></div>
      </form>
    </>
  );
}

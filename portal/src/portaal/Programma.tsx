import { lazy, Suspense, useMemo, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { useQueries, useQuery } from '@tanstack/react-query';
import { experiments, socialMap, unwrap } from '../api/client';
import { Button, Heading1, Heading2, Paragraph, Select, SelectOption, Textbox } from '../components/nlds';
import { useTitle } from '../components/useTitle';
import { label } from '../socialmap/labels';
import { Field } from './Field';
import { EXPERIMENT_STATUS, LESSON_KIND, LEVEL, OUTCOME } from './labels';
import { usePractices } from './queries';
import type { Move, Spot } from './ProgrammaKaart';

const ProgrammaKaart = lazy(() => import('./ProgrammaKaart'));

/** Where a municipality lies, by the social map's place lookup (PDOK; the demo gazetteer locally). */
function usePlaces(names: string[]) {
  const found = useQueries({
    queries: names.map((name) => ({
      queryKey: ['place', name],
      queryFn: () => unwrap(socialMap.GET('/socialmap/search', { params: { query: { near: name, pageSize: 1 } } })).then((r) => r.place ?? null),
      staleTime: 24 * 3600_000,
    })),
  });
  const places = new Map<string, [number, number]>();
  names.forEach((name, i) => {
    const place = found[i].data;
    if (place?.resolved && place.latitude !== undefined && place.longitude !== undefined) places.set(name, [place.latitude, place.longitude]);
  });
  return places;
}

function Table({ caption, columns, rows }: { caption: string; columns: string[]; rows: (string | number)[][] }) {
  return (
    <table className="utrecht-table">
      <caption className="utrecht-table__caption">{caption}</caption>
      <thead className="utrecht-table__header">
        <tr className="utrecht-table__row">{columns.map((c) => <th className="utrecht-table__header-cell" scope="col" key={c}>{c}</th>)}</tr>
      </thead>
      <tbody className="utrecht-table__body">
        {rows.map((row) => (
          <tr className="utrecht-table__row" key={String(row[0])}>
            <th className="utrecht-table__header-cell" scope="row">{row[0]}</th>
            {row.slice(1).map((cell, i) => <td className="utrecht-table__cell utrecht-table__cell--numeric" key={i}>{cell}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The coordinators' overview of the programme: where practices are, what they try, what they learned. */
export default function Programma() {
  useTitle('Programma-overzicht');
  const byOutcome = useQuery({ queryKey: ['summary', 'outcome'], queryFn: () => unwrap(experiments.GET('/experiments/summary', { params: { query: { by: 'outcome' } } })) });
  const byPractice = useQuery({ queryKey: ['summary', 'practice'], queryFn: () => unwrap(experiments.GET('/experiments/summary', { params: { query: { by: 'practice' } } })) });
  const allPractices = usePractices({});
  const adopted = useQuery({
    queryKey: ['experiments', 'adopted'],
    queryFn: () => unwrap(experiments.GET('/experiments', { params: { query: { pageSize: 100 } } })),
    select: (page) => (page.items ?? []).filter((e) => e.adoptedFrom),
  });
  const [words, setWords] = useState('');
  const [kind, setKind] = useState('');
  const [search, setSearch] = useState<{ q: string; kind: string } | undefined>();
  const lessons = useQuery({
    queryKey: ['lessons', search],
    queryFn: () => unwrap(experiments.GET('/experiments/lessons', { params: { query: { q: search!.q || undefined, kind: (search!.kind || undefined) as 'TIP' | undefined } } })),
    enabled: !!search,
  });

  const practiceList = useMemo(() => allPractices.data?.items ?? [], [allPractices.data]);
  const firstMunicipality = (practiceId: string | undefined) => practiceList.find((p) => p.id === practiceId)?.municipalities?.[0]?.name;
  const names = [...new Set(practiceList.map((p) => p.municipalities?.[0]?.name).filter((n): n is string => !!n))];
  const places = usePlaces(names);
  const spots: Spot[] = practiceList.flatMap((p) => {
    const at = places.get(p.municipalities?.[0]?.name ?? '');
    return at ? [{ name: p.name!, latitude: at[0], longitude: at[1], href: `/portaal/praktijken/${p.id}` }] : [];
  });
  const moves: Move[] = (adopted.data ?? []).flatMap((e) => {
    const from = places.get(firstMunicipality(e.adoptedFrom!.practiceId) ?? '');
    const to = places.get(firstMunicipality(e.practiceId) ?? '');
    return from && to ? [{ from, to, label: `${e.title}: ${e.adoptedFrom!.practiceName} → ${e.practiceName}` }] : [];
  });
  const [showMap, setShowMap] = useState(false);

  const statusTotals: Record<string, number> = {};
  for (const row of byPractice.data ?? []) for (const [s, n] of Object.entries(row.byStatus ?? {})) statusTotals[s] = (statusTotals[s] ?? 0) + n;
  const levels = Object.keys(LEVEL);

  return (
    <>
      <Heading1>Programma-overzicht</Heading1>
      <Paragraph lead>Alle praktijken en experimenten van het programma. Alles op de kaart staat ook in de tabellen hieronder.</Paragraph>
      <Paragraph className="mz-no-print">
        <a className="utrecht-link" href="/api/v1/experiments/export" download="experimenten.csv">Alle experimenten downloaden (CSV)</a>
      </Paragraph>
      <Heading2>Praktijken op de kaart</Heading2>
      {showMap ? (
        <Suspense fallback={<Paragraph>Kaart laden…</Paragraph>}><ProgrammaKaart spots={spots} moves={moves} label="Kaart met de praktijken en overgenomen experimenten" /></Suspense>
      ) : (
        <Button type="button" appearance="secondary-action-button" className="mz-no-print" onClick={() => setShowMap(true)}>Toon de kaart</Button>
      )}
      <Table caption={`${practiceList.length} praktijken`} columns={['Praktijk', 'Regio', 'Gemeenten', 'Experimenten']}
        rows={practiceList.map((p) => [p.name!, p.region ?? '', (p.municipalities ?? []).map((m) => m.name).join(', '),
          (byPractice.data ?? []).find((r) => r.key === p.id)?.total ?? 0])} />

      <Heading2>Experimenten per uitkomst en niveau</Heading2>
      <Paragraph small>Een experiment kan bij meer uitkomsten horen en telt dan bij elk mee.</Paragraph>
      <Table caption="Aantal experimenten per uitkomstcategorie en niveau van samenwerking" columns={['Uitkomst', ...levels.map((l) => LEVEL[l]), 'Totaal']}
        rows={(byOutcome.data ?? []).map((r) => [label(OUTCOME, r.key ?? ''), ...levels.map((l) => r.byLevel?.[l] ?? 0), r.total ?? 0])} />
      <Table caption="Aantal experimenten per status" columns={['Status', 'Aantal']}
        rows={Object.keys(EXPERIMENT_STATUS).map((s) => [EXPERIMENT_STATUS[s], statusTotals[s] ?? 0])} />

      <Heading2>Waar overgenomen experimenten heen gingen</Heading2>
      {adopted.data && adopted.data.length === 0 && <Paragraph>Nog geen experiment overgenomen.</Paragraph>}
      {adopted.data && adopted.data.length > 0 && (
        <Table caption="Overgenomen experimenten: van bron naar nieuwe praktijk" columns={['Experiment', 'Van', 'Naar']}
          rows={adopted.data.map((e) => [e.title!, e.adoptedFrom!.practiceName ?? '', e.practiceName ?? ''])} />
      )}

      <Heading2>Geleerde lessen doorzoeken</Heading2>
      <form className="mz-search mz-no-print" role="search" aria-label="Lessen zoeken" onSubmit={(e) => { e.preventDefault(); setSearch({ q: words.trim(), kind }); }}>
        <Field label="Zoekwoorden"><Textbox value={words} maxLength={200} onChange={(e) => setWords(e.target.value)} /></Field>
        <Field label="Soort les">
          <Select value={kind} onChange={(e) => setKind(e.target.value)}>
            <SelectOption value="">alle</SelectOption>
            {Object.entries(LESSON_KIND).map(([code, name]) => <SelectOption key={code} value={code}>{name}</SelectOption>)}
          </Select>
        </Field>
        <div className="mz-search__actions"><Button type="submit" appearance="primary-action-button">Zoeken</Button></div>
      </form>
      {lessons.data && <Paragraph role="status">{`${lessons.data.length} ${lessons.data.length === 1 ? 'les' : 'lessen'} gevonden.`}</Paragraph>}
      <ul className="mz-hits">
        {(lessons.data ?? []).map((l, i) => (
          <li className="mz-hit" key={`${l.experimentId}-${i}`}>
            <strong>{label(LESSON_KIND, l.kind ?? '')}:</strong> {l.text}
            <Paragraph small><RouterLink className="utrecht-link" to={`/portaal/experimenten/${l.experimentId}`}>{l.title}</RouterLink> · {l.practiceName}</Paragraph>
          </li>
        ))}
      </ul>
    </>
  );
}

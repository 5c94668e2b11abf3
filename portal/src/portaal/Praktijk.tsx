import { Link as RouterLink, useLocation, useParams } from 'react-router';
import { ApiProblem } from '../api/client';
import { Alert, Heading1, Heading2, Paragraph, StatusBadge } from '../components/nlds';
import { useTitle } from '../components/useTitle';
import { dutchDate, label } from '../socialmap/labels';
import { CENTRAL_QUESTION, EXPERIMENT_STATUS, LEVEL, PRACTICE_KIND, PRACTICE_STATUS } from './labels';
import { usePractice, usePracticeExperiments } from './queries';
import { FollowButton } from './Volgen';
import { Wijzigingen } from './Wijzigingen';

/** A practice's page: who takes part, its theme and questions, lessons, and its experiments. */
export default function Praktijk() {
  const { id = '' } = useParams();
  const practice = usePractice(id);
  const list = usePracticeExperiments(id);
  const saved = (useLocation().state as { saved?: boolean } | null)?.saved;
  useTitle(practice.data?.name ?? 'Praktijk');
  if (practice.isPending) return <Paragraph>Laden…</Paragraph>;
  if (practice.isError) {
    return <Heading1>{practice.error instanceof ApiProblem && practice.error.status === 404 ? 'Deze praktijk bestaat niet' : 'De praktijk is nu niet te laden'}</Heading1>;
  }
  const p = practice.data;
  return (
    <article>
      <Paragraph className="mz-no-print"><RouterLink className="utrecht-link" to="/portaal/praktijken">Alle praktijken</RouterLink></Paragraph>
      <Heading1>{p.name}</Heading1>
      <div className="mz-badges">
        <StatusBadge status="neutral">{label(PRACTICE_KIND, p.kind ?? '')}</StatusBadge>
        <StatusBadge status={p.status === 'ACTIVE' ? 'safe' : 'neutral'}>{label(PRACTICE_STATUS, p.status ?? '')}</StatusBadge>
      </div>
      {saved && <Alert type="ok"><Paragraph>De praktijk is opgeslagen.</Paragraph></Alert>}
      {p.archived && <Alert type="info"><Paragraph>Deze praktijk is gearchiveerd: te lezen, niet meer te wijzigen.</Paragraph></Alert>}
      <FollowButton kind="PRACTICE" value={p.id!} name="Deze praktijk" />
      {!p.archived && (
        <Paragraph className="mz-no-print"><RouterLink className="utrecht-link" to={`/portaal/praktijken/${p.id}/bewerken`}>Praktijk bewerken of archiveren</RouterLink></Paragraph>
      )}
      <dl className="mz-facts">
        <dt>Regio</dt><dd>{p.region}</dd>
        <dt>Gemeenten</dt><dd>{(p.municipalities ?? []).map((m) => m.name).join(', ')}</dd>
        <dt>Organisaties</dt><dd>{(p.organisations ?? []).map((o) => o.name).join(', ')}</dd>
        <dt>Periode</dt><dd>{p.startDate ? `${dutchDate(p.startDate)} tot ${p.endDate ? dutchDate(p.endDate) : 'nu'}` : 'onbekend'}</dd>
        <dt>Centrale vragen</dt><dd>{(p.centralQuestions ?? []).map((q) => label(CENTRAL_QUESTION, q)).join(', ')}</dd>
      </dl>
      {p.positiveCoreTheme && (<><Heading2>Positief kernthema</Heading2><Paragraph>{p.positiveCoreTheme}</Paragraph></>)}
      {(p.designQuestions ?? []).length > 0 && (
        <>
          <Heading2>Ontwerpvragen</Heading2>
          <ul className="utrecht-unordered-list">{p.designQuestions!.map((q) => <li className="utrecht-unordered-list__item" key={q}>{q}</li>)}</ul>
        </>
      )}
      <Heading2>Experimenten</Heading2>
      <Paragraph className="mz-no-print"><RouterLink className="utrecht-link" to={`/portaal/praktijken/${p.id}/nieuw-experiment`}>Nieuw experiment in deze praktijk</RouterLink></Paragraph>
      {list.data && (list.data.items ?? []).length === 0 && <Paragraph>Nog geen experimenten.</Paragraph>}
      <ul className="mz-hits">
        {(list.data?.items ?? []).map((e) => (
          <li className="mz-hit" key={e.id}>
            <h3 className="utrecht-heading-3"><RouterLink className="utrecht-link" to={`/portaal/experimenten/${e.id}`}>{e.title}</RouterLink></h3>
            <Paragraph small>{label(EXPERIMENT_STATUS, e.status ?? '')} · {label(LEVEL, e.level ?? '')}</Paragraph>
          </li>
        ))}
      </ul>
      {(p.lessonsLearned ?? []).length > 0 && (
        <>
          <Heading2>Geleerde lessen</Heading2>
          <ul className="utrecht-unordered-list">
            {p.lessonsLearned!.map((l, i) => <li className="utrecht-unordered-list__item" key={i}><strong>{l.title}</strong>{l.description ? `: ${l.description}` : ''}</li>)}
          </ul>
        </>
      )}
      {(p.contacts ?? []).length > 0 && (
        <>
          <Heading2>Contact</Heading2>
          <ul className="utrecht-unordered-list">
            {p.contacts!.map((c, i) => <li className="utrecht-unordered-list__item" key={i}>{[c.name, c.role].filter(Boolean).join(', ')}{c.email && <> · <a className="utrecht-link" href={`mailto:${c.email}`}>{c.email}</a></>}</li>)}
          </ul>
        </>
      )}
      <Wijzigingen of="practice" id={p.id!} />
    </article>
  );
}

import { Link as RouterLink, useParams } from 'react-router';
import { ApiProblem, type ExperimentView as ExperimentType } from '../api/client';
import { Heading1, Heading2, Heading3, Paragraph, StatusBadge } from '../components/nlds';
import { useTitle } from '../components/useTitle';
import { dutchDate, label } from '../socialmap/labels';
import { DECISION, EXPERIMENT_STATUS, LESSON_KIND, LEVEL, OUTCOME, PHASE } from './labels';
import { useExperiment, useRunChart } from './queries';
import { RunChart } from './RunChart';
import { CycleForm, CycleOutcomeForm, MeasureForm, ObservationsForm, TransitionForm } from './Invoeren';
import { FollowButton } from './Volgen';
import { Wijzigingen } from './Wijzigingen';
import { AdoptForm, Lineage, OriginChart } from './Overnemen';
import { AnalysisForm, AnnotationForm, LessonForm } from './Bijwerken';

/** An experiment: its PDSA cycles as a timeline, lessons, lineage and the run chart of each measure. */
export default function Experiment() {
  const { id = '' } = useParams();
  const experiment = useExperiment(id);
  useTitle(experiment.data?.title ?? 'Experiment');
  if (experiment.isPending) return <Paragraph>Laden…</Paragraph>;
  if (experiment.isError) {
    return <Heading1>{experiment.error instanceof ApiProblem && experiment.error.status === 404 ? 'Dit experiment bestaat niet' : 'Het experiment is nu niet te laden'}</Heading1>;
  }
  const e = experiment.data;
  return (
    <article>
      <Paragraph className="mz-no-print"><RouterLink className="utrecht-link" to={`/portaal/praktijken/${e.practiceId}`}>{e.practiceName ?? 'De praktijk'}</RouterLink></Paragraph>
      <Heading1>{e.title}</Heading1>
      <div className="mz-badges">
        <StatusBadge status={e.status === 'RUNNING' ? 'safe' : 'neutral'}>{label(EXPERIMENT_STATUS, e.status ?? '')}</StatusBadge>
        <StatusBadge status="neutral">{label(PHASE, e.phase ?? '')}</StatusBadge>
      </div>
      <FollowButton kind="EXPERIMENT" value={e.id!} name="Dit experiment" />
      <TransitionForm experimentId={e.id!} version={e.version ?? 0} allowed={e.allowedTransitions ?? []} />
      {e.adoptedFrom && (
        <Paragraph>Overgenomen van <RouterLink className="utrecht-link" to={`/portaal/experimenten/${e.adoptedFrom.experimentId}`}>{e.adoptedFrom.title}</RouterLink> ({e.adoptedFrom.practiceName}).</Paragraph>
      )}
      <Lineage experiment={e} />
      <dl className="mz-facts">
        {e.goal && (<><dt>Doel</dt><dd>{e.goal}</dd></>)}
        {e.designQuestion && (<><dt>Ontwerpvraag</dt><dd>{e.designQuestion}</dd></>)}
        {e.stopReason && (<><dt>Gestopt omdat</dt><dd>{e.stopReason}</dd></>)}
        <dt>Niveau</dt><dd>{label(LEVEL, e.level ?? '')}</dd>
        <dt>Uitkomsten</dt><dd>{(e.outcomes ?? []).map((o) => label(OUTCOME, o)).join(', ')}</dd>
        <dt>Organisaties</dt><dd>{(e.organisations ?? []).join(', ')}</dd>
      </dl>
      <Cycles experiment={e} />
      <details className="mz-no-print">
        <summary>Nieuwe cyclus starten</summary>
        <CycleForm experimentId={e.id!} />
      </details>
      {(e.measures ?? []).map((m) => <Measure key={m.id} experiment={e} measureId={m.id!} />)}
      <details className="mz-no-print">
        <summary>Meting toevoegen</summary>
        <MeasureForm experimentId={e.id!} />
      </details>
      <details className="mz-no-print">
        <summary>Overnemen in mijn praktijk</summary>
        <AdoptForm experiment={e} />
      </details>
      <Heading2>Lessen</Heading2>
      {(e.lessons ?? []).length === 0 && <Paragraph>Nog geen lessen. Wat werkte, wat niet, en welke tip geeft u anderen?</Paragraph>}
      <ul className="utrecht-unordered-list">
        {(e.lessons ?? []).map((l, i) => <li className="utrecht-unordered-list__item" key={i}><strong>{label(LESSON_KIND, l.kind ?? '')}:</strong> {l.text}</li>)}
      </ul>
      <details className="mz-no-print">
        <summary>Les toevoegen</summary>
        <LessonForm experiment={e} />
      </details>
      <Wijzigingen of="experiment" id={e.id!} />
    </article>
  );
}

/** Plan with prediction, what happened, what was learned against the prediction, the decision. */
function Cycles({ experiment }: { experiment: ExperimentType }) {
  const cycles = experiment.cycles ?? [];
  return (
    <>
      <Heading2>Verbetercycli (PDSA)</Heading2>
      {cycles.length === 0 && <Paragraph>Nog geen cyclus.</Paragraph>}
      <ol className="mz-steps">
        {cycles.map((c) => (
          <li className="mz-step" key={c.number}>
            <Heading3>{`Cyclus ${c.number}${c.startedOn ? `, gestart ${dutchDate(c.startedOn)}` : ''}`}</Heading3>
            <dl>
              <dt>Plan</dt><dd>{c.plan}</dd>
              {c.prediction && (<><dt>Voorspelling</dt><dd>{c.prediction}</dd></>)}
              {c.whatHappened && (<><dt>Wat er gebeurde</dt><dd>{c.whatHappened}</dd></>)}
              {c.learned && (<><dt>Geleerd</dt><dd>{c.learned}</dd></>)}
              {c.decided && c.decision && (<><dt>Besluit</dt><dd>{label(DECISION, c.decision)}{c.decidedOn ? ` (${dutchDate(c.decidedOn)})` : ''}</dd></>)}
            </dl>
            {!c.decided && (
              <details className="mz-no-print">
                <summary>{`Uitkomst van cyclus ${c.number} invullen`}</summary>
                <CycleOutcomeForm experimentId={experiment.id!} version={experiment.version ?? 0} cycle={c} />
              </details>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}

function Measure({ experiment, measureId }: { experiment: ExperimentType; measureId: string }) {
  const chart = useRunChart(experiment.id!, measureId);
  if (!chart.data) return chart.isError ? <Paragraph>De grafiek is nu niet te laden.</Paragraph> : null;
  return (
    <section>
      <Heading2>{`Meting: ${chart.data.name}`}</Heading2>
      <div className={experiment.adoptedFrom ? 'mz-side-by-side' : undefined}>
        <RunChart chart={chart.data} cycles={experiment.cycles ?? []} />
        <OriginChart experiment={experiment} measureName={chart.data.name ?? ''} />
      </div>
      <details className="mz-no-print">
        <summary>Metingen invoeren</summary>
        <ObservationsForm experimentId={experiment.id!} measureId={measureId} />
      </details>
      <details className="mz-no-print">
        <summary>Aantekening bij een meting</summary>
        <AnnotationForm experimentId={experiment.id!} measureId={measureId} chart={chart.data} />
      </details>
      <details className="mz-no-print">
        <summary>Basislijn en splitsing</summary>
        <AnalysisForm experimentId={experiment.id!} measureId={measureId} chart={chart.data} />
      </details>
    </section>
  );
}

import { Link as RouterLink, useParams } from 'react-router';
import { Button, Heading1, Heading2, Paragraph } from '../components/nlds';
import { ApiProblem } from '../api/client';
import { useTitle } from '../components/useTitle';
import { useRespiteRoute } from './queries';
import { StaffFollow } from './Follow';

/** The municipality's route to respite care, printable on one page for the kitchen-table conversation. */
export function RespiteRoutePage() {
  const { gemeente = '' } = useParams();
  const route = useRespiteRoute(gemeente);
  useTitle(route.data?.title ?? 'Route naar respijtzorg');

  if (route.isPending) return <Paragraph>Laden…</Paragraph>;
  if (route.isError) {
    const missing = route.error instanceof ApiProblem && (route.error.status === 404 || route.error.status === 400);
    return (
      <>
        <Heading1>{missing ? 'Voor deze gemeente is nog geen route naar respijtzorg' : 'De route is nu niet te laden'}</Heading1>
        <Paragraph>Vraag het de mantelzorgconsulent of het Wmo-loket van uw gemeente.</Paragraph>
        <Paragraph><RouterLink className="utrecht-link" to="/sociale-kaart?q=respijtzorg">Zoek respijtzorg op de sociale kaart</RouterLink></Paragraph>
      </>
    );
  }
  const r = route.data;
  return (
    <article>
      <Heading1>{r.title}</Heading1>
      <StaffFollow follows={[{ kind: 'MUNICIPALITY', value: gemeente, name: `Gemeente ${gemeente}` }]} />
      <Paragraph lead>Respijtzorg betekent: iemand neemt de zorg even over, zodat u op adem kunt komen. Zo gaat het in stappen.</Paragraph>
      <ol className="mz-steps">
        {(r.steps ?? []).map((step, i) => (
          <li className="mz-step" key={i}>
            <Heading2>{`Stap ${i + 1}: ${step.title}`}</Heading2>
            {step.description && <Paragraph>{step.description}</Paragraph>}
            <dl>
              {(step.role || step.organisation) && (<><dt>Wie</dt><dd>{[step.role, step.organisation].filter(Boolean).join(', ')}</dd></>)}
              {step.caregiverBrings && (<><dt>Neem mee</dt><dd>{step.caregiverBrings}</dd></>)}
              {step.typicalWait && (<><dt>Wachttijd</dt><dd>{step.typicalWait}</dd></>)}
            </dl>
            {(step.serviceIds ?? []).length > 0 && (
              <ul className="utrecht-unordered-list">
                {(step.serviceIds ?? []).map((id) => (
                  <li className="utrecht-unordered-list__item" key={id}>
                    <RouterLink className="utrecht-link" to={`/sociale-kaart/aanbod/${id}`}>Bekijk het aanbod bij deze stap</RouterLink>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      {r.copiedFrom && <Paragraph small>Deze route is overgenomen van {r.copiedFrom} en aangepast.</Paragraph>}
      <div className="mz-search__actions mz-no-print">
        <Button appearance="secondary-action-button" onClick={() => window.print()}>Afdrukken</Button>
      </div>
    </article>
  );
}

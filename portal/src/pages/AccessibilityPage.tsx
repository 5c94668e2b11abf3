import { Heading1, Heading2, Paragraph } from '../components/nlds';
import { useTitle } from '../components/useTitle';

/** Draft toegankelijkheidsverklaring; the full text is in docs/portal.md. */
export function AccessibilityPage() {
  useTitle('Toegankelijkheid');
  return (
    <>
      <Heading1>Toegankelijkheid</Heading1>
      <Paragraph lead>Iedereen moet deze website kunnen gebruiken, ook met een beperking.</Paragraph>
      <Heading2>Wat wij doen</Heading2>
      <ul className="utrecht-unordered-list">
        <li className="utrecht-unordered-list__item">Wij bouwen met de componenten van het NL Design System.</li>
        <li className="utrecht-unordered-list__item">Elke pagina wordt bij elke wijziging automatisch getoetst aan WCAG 2.1 niveau A en AA (axe), en met alleen een toetsenbord gebruikt.</li>
        <li className="utrecht-unordered-list__item">De kaart is nooit de enige weg: alle resultaten staan ook in de lijst.</li>
        <li className="utrecht-unordered-list__item">Wij schrijven op taalniveau B1.</li>
      </ul>
      <Heading2>Status</Heading2>
      <Paragraph>
        Dit is een concept-verklaring. Een onderzoek door een onafhankelijke partij is nog niet gedaan; tot dan voldoet
        deze website gedeeltelijk aan de eisen.
      </Paragraph>
      <Heading2>Iets werkt niet?</Heading2>
      <Paragraph>Laat het ons weten via de coördinator van uw lerende praktijk. Wij antwoorden binnen 5 werkdagen.</Paragraph>
    </>
  );
}

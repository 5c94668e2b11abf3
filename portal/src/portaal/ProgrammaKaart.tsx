import { useEffect, useRef } from 'react';
import L, { ATTRIBUTION, TILES } from '../socialmap/leaflet';

export type Spot = { name: string; latitude: number; longitude: number; href: string };
export type Move = { from: [number, number]; to: [number, number]; label: string };

/** Practices as points on the map of the Netherlands, and adopted experiments as lines from origin to copy. */
export default function ProgrammaKaart({ spots, moves, label }: { spots: Spot[]; moves: Move[]; label: string }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const map = L.map(element.current, { scrollWheelZoom: false }).setView([52.2, 5.3], 7);
    L.tileLayer(TILES, { maxZoom: 19, attribution: ATTRIBUTION }).addTo(map);
    for (const spot of spots) {
      const link = document.createElement('a');
      link.href = spot.href;
      link.textContent = spot.name;
      L.marker([spot.latitude, spot.longitude], { title: spot.name, alt: spot.name }).addTo(map).bindPopup(link);
    }
    for (const move of moves) {
      L.polyline([move.from, move.to], { color: '#b3003b', weight: 3, dashArray: '6 4' }).addTo(map).bindTooltip(move.label);
    }
    return () => {
      map.remove();
    };
  }, [spots, moves]);
  return <div ref={element} className="mz-map mz-no-print" role="region" aria-label={`${label} (alles op de kaart staat ook in de tabellen)`} />;
}

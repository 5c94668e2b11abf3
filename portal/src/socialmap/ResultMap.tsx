import { useEffect, useRef } from 'react';
import L, { ATTRIBUTION, TILES } from './leaflet';

/**
 * The results on a map, loaded only when asked for. The list beside it holds the same results, so
 * the map is never the only way to reach one.
 */
export type MapPoint = { name: string; latitude: number; longitude: number; href?: string };

export default function ResultMap({ points, label = 'Kaart met de resultaten' }: { points: MapPoint[]; label?: string }) {
  const element = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!element.current) return;
    const map = L.map(element.current, { scrollWheelZoom: false });
    L.tileLayer(TILES, { maxZoom: 19, attribution: ATTRIBUTION }).addTo(map);
    const placed: L.LatLngExpression[] = [];
    for (const point of points) {
      const at: L.LatLngExpression = [point.latitude, point.longitude];
      placed.push(at);
      const marker = L.marker(at, { title: point.name, alt: point.name }).addTo(map);
      if (point.href) {
        const link = document.createElement('a');
        link.href = point.href;
        link.textContent = point.name;
        marker.bindPopup(link);
      }
    }
    if (placed.length > 0) map.fitBounds(L.latLngBounds(placed), { maxZoom: 14, padding: [20, 20] });
    else map.setView([52.2, 5.3], 7);
    return () => {
      map.remove();
    };
  }, [points]);

  return <div ref={element} className="mz-map mz-no-print" role="region" aria-label={`${label} (alles op de kaart staat ook in de tekst)`} />;
}

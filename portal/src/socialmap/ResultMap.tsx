import { useEffect, useRef } from 'react';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import markerIcon from 'leaflet/dist/images/marker-icon.png';
import markerIcon2x from 'leaflet/dist/images/marker-icon-2x.png';
import markerShadow from 'leaflet/dist/images/marker-shadow.png';
import type { Hit } from '../api/client';

// Vite gives the marker images their own hashed URLs; Leaflet must be told where they are.
L.Icon.Default.mergeOptions({ iconUrl: markerIcon, iconRetinaUrl: markerIcon2x, shadowUrl: markerShadow });

/** PDOK's BRT background map (public, Dutch government); tests block every non-local request. */
const TILES = 'https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png';

/**
 * The results on a map, loaded only when asked for. The list beside it holds the same results, so
 * the map is never the only way to reach one.
 */
export default function ResultMap({ hits }: { hits: Hit[] }) {
  const element = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!element.current) return;
    const map = L.map(element.current, { scrollWheelZoom: false });
    L.tileLayer(TILES, { maxZoom: 19, attribution: 'Kaart: <a href="https://www.pdok.nl">PDOK</a> (BRT achtergrondkaart)' }).addTo(map);
    const points: L.LatLngExpression[] = [];
    for (const hit of hits) {
      for (const location of hit.service?.locations ?? []) {
        if (location.latitude === undefined || location.longitude === undefined) continue;
        const point: L.LatLngExpression = [location.latitude, location.longitude];
        points.push(point);
        const link = document.createElement('a');
        link.href = `/sociale-kaart/aanbod/${hit.service?.id}`;
        link.textContent = hit.service?.name ?? 'Aanbod';
        L.marker(point, { title: hit.service?.name, alt: hit.service?.name }).bindPopup(link).addTo(map);
      }
    }
    if (points.length > 0) map.fitBounds(L.latLngBounds(points), { maxZoom: 14, padding: [20, 20] });
    else map.setView([52.2, 5.3], 7);
    return () => {
      map.remove();
    };
  }, [hits]);

  return (
    <section aria-label="Kaart met de resultaten">
      <div ref={element} className="mz-map" role="region" aria-label="Kaart (de resultaten staan ook in de lijst)" />
    </section>
  );
}

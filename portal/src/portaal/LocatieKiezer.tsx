import { useEffect, useRef } from 'react';
import L, { ATTRIBUTION, TILES } from '../socialmap/leaflet';

/**
 * Pick a location by clicking the map; the latitude and longitude fields beside it do the same for
 * keyboard and screen-reader users, so the map is never the only way.
 */
export default function LocatieKiezer({ latitude, longitude, onPick, label }: {
  latitude?: number; longitude?: number; onPick: (latitude: number, longitude: number) => void; label: string;
}) {
  const element = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map>(null);
  const marker = useRef<L.Marker>(null);
  const pick = useRef(onPick);
  pick.current = onPick;

  useEffect(() => {
    if (!element.current) return;
    const created = L.map(element.current, { scrollWheelZoom: false });
    L.tileLayer(TILES, { maxZoom: 19, attribution: ATTRIBUTION }).addTo(created);
    created.setView([52.2, 5.3], 7);
    created.on('click', (event: L.LeafletMouseEvent) => pick.current(Number(event.latlng.lat.toFixed(6)), Number(event.latlng.lng.toFixed(6))));
    map.current = created;
    return () => {
      created.remove();
      map.current = null;
      marker.current = null;
    };
  }, []);

  useEffect(() => {
    if (!map.current || latitude === undefined || longitude === undefined || Number.isNaN(latitude) || Number.isNaN(longitude)) return;
    if (!marker.current) marker.current = L.marker([latitude, longitude], { title: label, alt: label }).addTo(map.current);
    else marker.current.setLatLng([latitude, longitude]);
    map.current.setView([latitude, longitude], Math.max(map.current.getZoom(), 14));
  }, [latitude, longitude, label]);

  return <div ref={element} className="mz-map mz-map--picker mz-no-print" role="region" aria-label={`${label}: klik op de kaart om de plek te kiezen (of vul de coördinaten in)`} />;
}

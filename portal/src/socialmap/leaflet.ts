import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import markerIcon from 'leaflet/dist/images/marker-icon.png';
import markerIcon2x from 'leaflet/dist/images/marker-icon-2x.png';
import markerShadow from 'leaflet/dist/images/marker-shadow.png';

// Vite gives the marker images their own hashed URLs; Leaflet must be told where they are.
L.Icon.Default.mergeOptions({ iconUrl: markerIcon, iconRetinaUrl: markerIcon2x, shadowUrl: markerShadow });

/** PDOK's BRT background map (public, Dutch government); tests block every non-local request. */
export const TILES = 'https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png';
export const ATTRIBUTION = 'Kaart: <a href="https://www.pdok.nl">PDOK</a> (BRT achtergrondkaart)';

export default L;

// The login and activation pages (identity-service) wear the portal's design without its script:
// the built stylesheet, under a name that does not change, for identity-service to serve.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';

const dist = new URL('../target/classes/META-INF/portal/', import.meta.url);
const css = readdirSync(new URL('assets/', dist)).filter((f) => /^index-.*\.css$/.test(f));
if (css.length !== 1) throw new Error(`expected one index-*.css in the build, found ${css}`);
mkdirSync(new URL('ontwerp/', dist), { recursive: true });
copyFileSync(new URL(`assets/${css[0]}`, dist), new URL('ontwerp/huisstijl.css', dist));
console.log(`ontwerp/huisstijl.css from assets/${css[0]}`);

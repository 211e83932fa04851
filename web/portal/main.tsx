/** @jsxImportSource preact */
// The resident portal (issue 5): preact, for cheap phones on bad networks.
import { render } from 'preact';

const root = document.getElementById('root');
if (root !== null) render(<main id="portal" />, root);

/** Entry point: styles, then either the analysts' app (controller + page) or the public map. */
import './styles.css';
import { startController } from './controller';
import { isPublicView } from './core/public-view';
import { mountApp } from './views/app';
import { mountPublicView } from './views/public-map';

/** Who is asking, to choose the page; a failure opens the app, which shows the error and a retry. */
async function peekSession(): Promise<{ role: string; mode: string } | null> {
  try {
    const response = await fetch('/api/session', { credentials: 'same-origin' });
    return response.ok ? ((await response.json()) as { role: string; mode: string }) : null;
  } catch {
    return null;
  }
}

const root = document.getElementById('app');
if (root) {
  const session = await peekSession();
  if (isPublicView(session)) {
    mountPublicView(root);
  } else {
    startController();
    mountApp(root);
  }
}

/** Entry point: styles, then either the analysts' app (controller + page) or the public map. */
import './styles.css';
import { startController } from './controller';
import { isPublicView } from './core/public-view';
import { mountApp } from './views/app';
import { mountPublicView } from './views/public-map';

const root = document.getElementById('app');
if (root) {
  if (isPublicView()) {
    mountPublicView(root);
  } else {
    startController();
    mountApp(root);
  }
}

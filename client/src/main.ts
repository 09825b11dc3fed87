/** Entry point: styles, the controller (URL, data loading) and the page. */
import './styles.css';
import { startController } from './controller';
import { mountApp } from './views/app';

const root = document.getElementById('app');
if (root) {
  startController();
  mountApp(root);
}

// The global styles first: every component's and area's own CSS comes after them and may refine them.
import './styles/base.css';
import './styles/layout.css';
import './ui/buttons.css';
import './ui/forms.css';
import './ui/badges.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

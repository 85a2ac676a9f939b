import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { THEME, themeCssVars } from './theme.js';
import './app.css';

// Text outside antd's components (plain headings, the welcome screen's lines) in the theme's fonts too: the
// browser's default serif has no Chinese on a machine without CJK fonts (issue 15).
document.body.style.fontFamily = THEME.token?.fontFamily ?? '';
// The theme's checked text colours for the app's own CSS (issue 20: one theme, no hex values of its own).
for (const [name, value] of Object.entries(themeCssVars())) document.documentElement.style.setProperty(name, value);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

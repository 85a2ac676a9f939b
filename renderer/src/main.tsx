import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { THEME } from './theme.js';
import './app.css';

// Text outside antd's components (plain headings, the welcome screen's lines) in the theme's fonts too: the
// browser's default serif has no Chinese on a machine without CJK fonts (issue 15).
document.body.style.fontFamily = THEME.token?.fontFamily ?? '';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

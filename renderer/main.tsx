import { createRoot } from 'react-dom/client';
import { App } from './App';
import { bindKeyboard } from './keyboard';
import { bindConsole, useConsole } from './store/console-store';

document.documentElement.lang = useConsole.getState().locale;
bindKeyboard();
void bindConsole();
createRoot(document.getElementById('root')!).render(<App />);

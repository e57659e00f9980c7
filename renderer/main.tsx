import { createRoot } from 'react-dom/client';
import { App } from './App';
import { bindKeyboard } from './keyboard';
import { bindInactivityLock } from './inactivity';
import { installBenchDriver } from './video/bench-stats';
import { benchMode } from './video/endpoint';
import { useConsole } from './store/console-store';

document.documentElement.lang = useConsole.getState().locale;
bindKeyboard();
bindInactivityLock();
if (benchMode()) installBenchDriver((i, id) => useConsole.getState().assign(i, id));
void useConsole.getState().connect();
createRoot(document.getElementById('root')!).render(<App />);

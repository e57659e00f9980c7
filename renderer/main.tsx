import { createRoot } from 'react-dom/client';
import { App } from './App';
import { bindKeyboard } from './keyboard';
import { bindInactivityLock } from './auth-actions';
import { installBenchDriver } from './video/bench-stats';
import { pageOptions } from './video/options';
import { startOverload } from './video/overload';
import { bindConsole, useConsole } from './store/console-store';

document.documentElement.lang = useConsole.getState().locale;
bindKeyboard();
bindInactivityLock();
if (pageOptions().bench) installBenchDriver((i, id) => useConsole.getState().assign(i, id));
if (pageOptions().overloadMs) startOverload(pageOptions().overloadMs);
void bindConsole();
createRoot(document.getElementById('root')!).render(<App />);

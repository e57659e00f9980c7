import { createRoot } from 'react-dom/client';
import { LAYOUTS } from '../../common/contract';
import { App } from './App';
import { bindKeyboard } from './keyboard';
import { bindShell } from '../features/shell/bind-shell';
import { bindInactivityLock } from './inactivity';
import { installBenchDriver } from '../video/bench-stats';
import { pageOptions } from '../video/options';
import { startOverload } from '../video/overload';
import { useConsole } from './console-store';

document.documentElement.lang = useConsole.getState().locale;
bindShell();
bindKeyboard();
bindInactivityLock();
if (pageOptions().bench)
  installBenchDriver(
    (i, id) => useConsole.getState().assign(i, id),
    (name) => {
      const l = LAYOUTS.find((x) => x === name);
      if (l) useConsole.getState().setLayout(l);
    },
  );
if (pageOptions().overloadMs) startOverload(pageOptions().overloadMs);
void useConsole.getState().connect();
createRoot(document.getElementById('root')!).render(<App />);

"use client";
import { createContext, useCallback, useContext, useState } from "react";

// "Say what happened": one short message after every save, move, decision and upload,
// shown at the top of the page for a few seconds (role=status, read out by screen readers).

type Toast = { id: number; text: string };
const ToastContext = createContext<(text: string) => void>(() => {});

export function ToastProvider({ children }: { children: React.ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const show = useCallback((text: string) => {
    const id = Date.now() + Math.random();
    setToasts((list) => [...list.slice(-2), { id, text }]);
    setTimeout(() => setToasts((list) => list.filter((t) => t.id !== id)), 4000);
  }, []);
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div className="no-print pointer-events-none fixed inset-x-0 top-3 z-50 flex flex-col items-center gap-2">
        {toasts.map((t) => (
          <p
            key={t.id}
            role="status"
            data-testid="toast"
            className="pointer-events-auto rounded-md bg-emerald-700 px-4 py-2 text-sm text-white shadow-lg"
          >
            {t.text}
          </p>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

/** Shows a success message: `const toast = useToast(); toast(t("common.saved"))`. */
export function useToast() {
  return useContext(ToastContext);
}

import { useEffect, useRef, useState } from 'react';

/** `value`, but while `throttle` holds, updated at most once per `ms` (the latest value wins). */
export function useThrottled<T>(value: T, ms: number, throttle: boolean): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  useEffect(() => {
    const update = () => {
      last.current = Date.now();
      setShown(value);
    };
    const wait = throttle ? last.current + ms - Date.now() : 0;
    if (wait <= 0) {
      update();
      return;
    }
    const timer = setTimeout(update, wait);
    return () => clearTimeout(timer);
  }, [value, ms, throttle]);
  return throttle ? shown : value;
}
